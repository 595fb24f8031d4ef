// Issue #29 at the narrowest size the guide supports: 320 px wide with the browser's text at 200 %
// (and 360 px): the header's shortcuts to search and the symptom checker are on the first screen
// with nothing off to the side, one tap from every page; and no word, number or phone number in a
// page's text is broken across two lines (web addresses excepted: they may break anywhere).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { launchWithTextSize, waitForApp } from './browser.mjs';
import { PAGES, useSite } from './site.mjs';

const site = useSite();

/** Words of the page's text split across two lines (not web addresses), as "word" in <tag>. */
function brokenWords() {
  const broken = [];
  const main = document.querySelector('body');
  const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || parent.closest('[hidden], .visually-hidden, script, style, svg, .page-sources__address, .source-list__address, #keep-carer-link')) continue;
    if (parent.getClientRects().length === 0) continue;
    for (const match of node.data.matchAll(/[^\s]+/g)) {
      if (/^\(?(https?:|www\.|[a-z0-9.-]+\.(uk|org|gov|com|net|ch|ie|au|nz|ca|info)\b)/i.test(match[0]) || match[0].includes('/')) continue;
      // A hyphenated compound ("Dose-change", "out-of-hours", a source id such as "NHS-CONFUSION")
      // may wrap after a hyphen, as print does; each part stays whole. A phone number never wraps.
      const phone = /^\+?[\d-]+$/.test(match[0]) && match[0].replace(/\D/g, '').length >= 6;
      const compound = !phone && /^[(\["']?[\p{L}\p{N}]+(-[\p{L}\p{N}]+)+[)\]"'.,;:!?]*$/u.test(match[0]);
      const pieces = compound ? [...match[0].matchAll(/[^\s-]+-?/g)].map((p) => [match.index + p.index, p[0]]) : [[match.index, match[0]]];
      for (const [start, text] of pieces) {
        const range = document.createRange();
        range.setStart(node, start);
        range.setEnd(node, start + text.length);
        const lines = new Set([...range.getClientRects()].filter((r) => r.width > 1).map((r) => Math.round(r.bottom)));
        if (lines.size > 1) broken.push(`"${match[0]}" in ${parent.tagName.toLowerCase()}.${parent.className}`);
      }
    }
  }
  return broken;
}

for (const width of [320, 360]) {
  test(`at ${width} px with text at 200 %: search and the symptom checker are one tap away on every page, and no word is broken`, async () => {
    const context = await launchWithTextSize(32, { viewport: { width, height: 740 }, timezoneId: 'Europe/London', locale: 'en-GB' });
    try {
      const page = await context.newPage();
      const problems = [];
      for (const [path] of PAGES) {
        await page.goto(site.url + path);
        await waitForApp(page);
        const nav = page.getByRole('navigation', { name: 'Main' });
        for (const name of ['Search', 'Symptom checker', 'Missed a dose', 'Menu']) {
          const target = name === 'Menu' ? nav.locator('summary') : nav.getByRole('link', { name, exact: true });
          const box = await target.boundingBox();
          if (!box || box.x < 0 || box.x + box.width > width || box.y + box.height > 740) {
            problems.push(`${path || 'home'}: "${name}" is not on the first screen (${JSON.stringify(box)})`);
          }
        }
        const sideways = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        if (sideways > 0) problems.push(`${path || 'home'}: ${sideways} px off to the side`);
        for (const word of await page.evaluate(brokenWords)) problems.push(`${path || 'home'}: ${word}`);
      }
      // The menu opens the full list, which wraps too.
      await page.goto(site.url + 'about/');
      await page.getByRole('navigation', { name: 'Main' }).locator('summary').click();
      const last = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sources and review' });
      assert.ok(await last.isVisible());
      assert.equal(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), 0);
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });
}

// Tester finding F11: with text at 200 %, a helper's heading is never smaller than the words
// under it (the missed-dose helper's title measured smaller than its first line).
for (const width of [320, 360]) {
  test(`at ${width} px with text at 200 %: each helper's heading is larger than the line under it`, async () => {
    const context = await launchWithTextSize(32, { viewport: { width, height: 740 }, timezoneId: 'Europe/London', locale: 'en-GB' });
    try {
      const page = await context.newPage();
      for (const [path, helper] of [['missed-dose/', 'Missed a dose'], ['side-effects/', 'Symptom checker']]) {
        await page.goto(site.url + path);
        await waitForApp(page);
        const sizes = await page.locator('.helper').first().evaluate((section) => {
          const heading = section.querySelector('h2, h3');
          const next = heading.nextElementSibling;
          const px = (el) => parseFloat(getComputedStyle(el).fontSize);
          return { heading: px(heading), next: px(next), words: next.textContent.trim().slice(0, 40) };
        });
        assert.ok(sizes.heading > sizes.next, `${helper}: heading ${sizes.heading} px, "${sizes.words}" ${sizes.next} px`);
      }
    } finally {
      await context.close();
    }
  });
}
