// Accessibility in every state (issue #7): each result state of both helpers in light and dark
// mode at 320 and 1280 px, text at 200 % with reflow at 320 px, and reduced motion.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { axeViolations, launchWithTextSize, openPage, waitForApp } from './browser.mjs';
import { fillMissedDose, tick } from './person.mjs';
import { PAGES, useSite } from './site.mjs';

const site = useSite();

/** Each state: where it lives and how to reach it, by the words on the page (10:00 London). */
const STATES = [
  ['missed dose: errors', 'missed-dose/', async (page) => {
    await page.getByRole('button', { name: /Show what to do/ }).click();
    await page.locator('.error-summary').waitFor();
  }],
  ['missed dose: take it now', 'missed-dose/', async (page) => {
    await fillMissedDose(page, { dose: 'The 08:00 today dose' });
    await page.getByRole('button', { name: /Show what to do/ }).click();
    await page.locator('#missed-dose-result').waitFor();
  }],
  ['missed dose: contact today', 'missed-dose/', async (page) => {
    await fillMissedDose(page, { dose: 'The 08:00 today dose', count: 'Two or more in a row' });
    await page.getByRole('button', { name: /Show what to do/ }).click();
    await page.locator('.result--urgent').waitFor();
  }],
  ['missed dose: emergency', 'missed-dose/', async (page) => {
    await fillMissedDose(page, { form: 'A pump under the skin (intrathecal)', withdrawal: 'Yes' });
    await page.getByRole('button', { name: /Show what to do/ }).click();
    await page.locator('.result--emergency').waitFor();
  }],
  ['checker: emergency', 'side-effects/', async (page) => {
    await page.getByLabel('Having or has had a fit (seizure)').check();
    await page.locator('.care-card--emergency').waitFor();
  }],
  ['checker: urgent', 'side-effects/', async (page) => {
    await tick(page, 'A new rash or itching');
    await page.locator('.care-card--urgent').waitFor();
  }],
  ['checker: not urgent', 'side-effects/', async (page) => {
    await tick(page, 'A bit more drowsy or unsteady than usual');
    await page.locator('.care-card--routine').waitFor();
  }],
  ['checker: none of these', 'side-effects/', async (page) => {
    await page.getByLabel('None of these').check();
    await page.locator('.care-card').waitFor();
  }],
];

async function open(options, width) {
  const opened = await openPage(site.browser, site.origin, { timezoneId: 'Europe/London', ...options });
  await opened.page.clock.setFixedTime(new Date('2026-11-23T10:00:00Z'));
  await opened.page.setViewportSize({ width, height: 800 });
  return opened;
}

/** Sideways scrolling, and text cut off inside its own box (the reflow criterion). */
async function reflowProblems(page) {
  return page.evaluate(() => {
    const problems = [];
    const overflow = document.documentElement.scrollWidth - window.innerWidth;
    if (overflow > 0) problems.push(`page scrolls sideways by ${overflow}px`);
    for (const element of document.querySelectorAll('h1, h2, h3, h4, p, li, label, legend, a, button, summary')) {
      if (element.closest('[hidden], .visually-hidden, .skip-link') || element.getClientRects().length === 0) continue;
      if (element.scrollWidth > element.clientWidth + 1 && getComputedStyle(element).overflowX !== 'visible') {
        problems.push(`${element.tagName.toLowerCase()} "${element.textContent.trim().slice(0, 40)}" is cut off`);
      }
    }
    return problems;
  });
}

for (const colorScheme of ['light', 'dark']) {
  test(`every helper result state has zero axe violations in ${colorScheme} mode at 320 and 1280 px`, async () => {
    for (const width of [320, 1280]) {
      const { context, page, problems } = await open({ colorScheme }, width);
      for (const [name, path, reach] of STATES) {
        await page.goto(site.url + path);
        await waitForApp(page);
        await reach(page);
        assert.deepEqual(await axeViolations(page), [], `${name} at ${width}px`);
        assert.deepEqual(await reflowProblems(page), [], `${name} at ${width}px`);
      }
      assert.deepEqual(problems.consoleErrors, []);
      await context.close();
    }
  });
}

/** Words split across two lines inside a headline, a label, a button or a call button. */
async function brokenWords(page) {
  return page.evaluate(() => {
    const broken = [];
    const selector = 'h1, h2, h3, legend, summary, label, .button, .call__button, .care-card__label, .result__label';
    for (const element of document.querySelectorAll(selector)) {
      if (element.getClientRects().length === 0 || element.closest('[hidden], .visually-hidden')) continue;
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        // A compound of letters ("two-tone") may wrap after its hyphen, as print does; each part
        // must stay whole. Anything with a digit (a number, a time, a phone number) never wraps.
        const words = /[^\s]+/g;
        const parts = /[^\s-]+-?/g;
        for (const match of node.data.matchAll(words)) {
          const compound = /^[(\["']?[\p{L}\p{N}]+(-[\p{L}\p{N}]+)+[)\]"'.,;:!?]*$/u.test(match[0]) && !/^\+?[\d-]+$/.test(match[0]);
          const pieces = compound ? [...match[0].matchAll(parts)].map((p) => [match.index + p.index, p[0]]) : [[match.index, match[0]]];
          for (const [start, text] of pieces) {
            const range = document.createRange();
            range.setStart(node, start);
            range.setEnd(node, start + text.length);
            const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
            if (lines.size > 1) broken.push(`"${match[0]}" in ${element.tagName.toLowerCase()}`);
          }
        }
      }
    }
    return broken;
  });
}

for (const [width, colorScheme] of [[320, 'light'], [360, 'dark']]) {
  test(`with the browser's text size at 200 %, at ${width} px in ${colorScheme} mode: no sideways scroll, nothing cut off, no word broken, zero axe violations, on every page and in every state`, async () => {
    // The browser's own default font size (what phones' "text size" changes), not page zoom.
    const context = await launchWithTextSize(32, { viewport: { width, height: 740 }, timezoneId: 'Europe/London', colorScheme });
    try {
      const page = await context.newPage();
      await page.clock.setFixedTime(new Date('2026-11-23T10:00:00Z'));
      await page.goto(site.url);
      assert.equal(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize), '32px');
      for (const [path] of PAGES) {
        await page.goto(site.url + path);
        await waitForApp(page);
        assert.deepEqual(await reflowProblems(page), [], `${path || 'home'} at 200 %`);
        assert.deepEqual(await brokenWords(page), [], `${path || 'home'} at 200 %`);
        assert.deepEqual(await axeViolations(page), [], `${path || 'home'} at 200 %`);
      }
      for (const [name, path, reach] of STATES) {
        await page.goto(site.url + path);
        await waitForApp(page);
        await reach(page);
        assert.deepEqual(await reflowProblems(page), [], `${name} at 200 %`);
        assert.deepEqual(await brokenWords(page), [], `${name} at 200 %`);
        assert.deepEqual(await axeViolations(page), [], `${name} at 200 %`);
        const bar = page.locator('.checker__bar');
        if (await bar.count()) {
          // One line of words, then the buttons: never half the screen.
          const { text, line, height } = await bar.evaluate((b) => ({
            text: b.querySelector('.checker__bar-text').getBoundingClientRect().height,
            line: parseFloat(getComputedStyle(b.querySelector('.checker__bar-text')).lineHeight),
            height: b.getBoundingClientRect().height,
          }));
          assert.ok(text <= line * 1.2, `${name}: the bar's words take ${text}px (one line is ${line}px)`);
          assert.ok(height <= 740 * 0.4, `${name}: the bar takes ${height}px of 740`);
        }
      }
    } finally {
      await context.close();
    }
  });
}

test('with reduced motion nothing moves: no smooth scrolling, transitions or animations', async () => {
  for (const reducedMotion of ['reduce', 'no-preference']) {
    const { context, page } = await open({ reducedMotion }, 1280);
    await page.goto(site.url + 'side-effects/');
    await waitForApp(page);
    await page.getByLabel('Having or has had a fit (seizure)').check();
    await page.locator('a.call__button').first().focus();
    const moving = await page.evaluate(() => {
      const found = [];
      const html = document.documentElement;
      if (getComputedStyle(html).scrollBehavior === 'smooth') found.push('smooth scrolling');
      for (const element of document.querySelectorAll('*')) {
        const style = getComputedStyle(element);
        const seconds = (list) => list.split(',').some((d) => parseFloat(d) > 0);
        if (style.animationName !== 'none' && seconds(style.animationDuration)) found.push(`animation on ${element.tagName}`);
        if (seconds(style.transitionDuration)) found.push(`transition on ${element.tagName}`);
      }
      return found;
    });
    if (reducedMotion === 'reduce') assert.deepEqual(moving, []);
    // The check itself can see motion: without the preference, scrolling is smooth.
    else assert.ok(moving.includes('smooth scrolling'), moving.join(', '));
    await context.close();
  }
});
