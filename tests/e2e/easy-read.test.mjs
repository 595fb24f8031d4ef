// Easy Read (issue #31): the Easy Read pages as built, in Chromium. Each prints on one page of A4
// and of US Letter; each point is a picture with its words as its text alternative; each full page
// links to its Easy Read version and back; search finds both; axe finds nothing at 320 and 1280 px.
// The pages are found from what the build wrote (dist/build-manifest.json and each page's HTML).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { assertClean, axeViolations, openPage } from './browser.mjs';
import { BUILT_PAGES, DIST_DIR, useSite } from './site.mjs';

const site = useSite();

const html = (page) => readFileSync(path.join(DIST_DIR, page.path, 'index.html'), 'utf8');
/** The Easy Read pages, as the build wrote them. */
const EASY = BUILT_PAGES.filter((page) => html(page).includes('page--easy-read'));

/** How many pages a PDF from Chromium has. */
function pdfPages(pdf) {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
}

test('there are five Easy Read pages', () => {
  assert.equal(EASY.length, 5, EASY.map((p) => p.slug).join(', '));
});

test('each Easy Read page prints on one page of A4 and of US Letter', async () => {
  const { page, problems } = await openPage(site.browser, site.origin);
  const counts = [];
  for (const easy of EASY) {
    await page.goto(site.url + easy.path);
    for (const format of ['A4', 'Letter']) {
      counts.push(`${easy.slug} ${format}: ${pdfPages(await page.pdf({ format, printBackground: true }))}`);
    }
  }
  console.log(counts.join('\n'));
  assert.deepEqual(counts.filter((c) => !c.endsWith(': 1')), [], 'pages that print on more than one sheet');
  assertClean(problems);
});

test('every point is a picture with its words as its text alternative', async () => {
  const { page, problems } = await openPage(site.browser, site.origin);
  for (const easy of EASY) {
    await page.goto(site.url + easy.path);
    const figures = page.getByRole('figure');
    const n = await figures.count();
    assert.ok(n >= 6, `${easy.slug}: ${n} points`);
    for (let i = 0; i < n; i += 1) {
      const figure = figures.nth(i);
      const words = (await figure.locator('figcaption').innerText()).replace(/\s+/g, ' ').trim();
      assert.ok(words.length > 0, `${easy.slug}: point ${i} has no words`);
      // The figure is named by its words; the drawing itself is hidden from screen readers.
      const name = await figure.evaluate((el) => el.querySelector('figcaption').textContent);
      assert.ok(name.trim().length > 0);
      await assert.doesNotReject(figure.locator('svg[aria-hidden="true"][data-picture]').waitFor({ timeout: 2000 }));
      const snapshot = await figure.ariaSnapshot();
      assert.match(snapshot.replace(/\s+/g, ' '), /figure/, `${easy.slug}: point ${i} is not a figure: ${snapshot}`);
    }
    // No point reads its source ids: those are in the page's source list.
    assert.equal(await page.locator('.easy-point .citations').count(), 0);
  }
  assertClean(problems);
});

test('each full page links to its Easy Read version, and back', async () => {
  const { page, problems } = await openPage(site.browser, site.origin);
  for (const easy of EASY) {
    await page.goto(site.url + easy.path);
    const back = page.getByRole('link', { name: /^The full page:/ });
    const fullTitle = (await back.innerText()).replace(/^The full page:\s*/, '');
    await back.click();
    await page.waitForURL((url) => !url.pathname.endsWith(`/${easy.path}`));
    assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), fullTitle);
    await page.getByRole('link', { name: 'Easy Read version of this page' }).click();
    await page.waitForURL((url) => url.pathname.endsWith(`/${easy.path}`));
    assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), easy.title);
  }
  assertClean(problems);
});

test('search finds both a full page and its Easy Read version', async () => {
  const { page, problems } = await openPage(site.browser, site.origin);
  await page.goto(site.url + 'search/');
  const input = page.getByLabel('Search for');
  const results = async (query) => {
    await input.fill('');
    await input.fill(query);
    await page.locator('#search-results li').first().waitFor();
    return page.locator('#search-results li a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
  };
  const missed = await results('missed dose');
  assert.ok(missed.some((href) => href.startsWith('missed-dose/')), missed.join(' '));
  assert.ok(missed.some((href) => href.startsWith('easy-missed-dose/')), missed.join(' '));
  const stopping = await results('stopping');
  assert.ok(stopping.some((href) => href.startsWith('stopping/')), stopping.join(' '));
  assert.ok(stopping.some((href) => href.startsWith('easy-stopping/')), stopping.join(' '));
  const easy = await results('easy read');
  for (const page of EASY) assert.ok(easy.includes(page.path), `easy read: ${page.path} not in ${easy.join(' ')}`);
  assertClean(problems);
});

test('axe finds no problems on the Easy Read pages, on a phone and a wide screen', async () => {
  const found = [];
  for (const width of [320, 1280]) {
    const { page, problems } = await openPage(site.browser, site.origin);
    await page.setViewportSize({ width, height: 800 });
    for (const easy of EASY) {
      await page.goto(site.url + easy.path);
      for (const v of await axeViolations(page)) found.push(`${easy.slug} at ${width}px: ${v}`);
      // Nothing wider than the screen (reflow at 320 px).
      const wide = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
      assert.equal(wide, false, `${easy.slug} scrolls sideways at ${width}px`);
    }
    assertClean(problems);
  }
  assert.deepEqual(found, []);
});

test('printed, the Easy Read words are at least 14 pt (Easy Read practice; tester, issue #31)', async () => {
  const { page, problems } = await openPage(site.browser, site.origin);
  const small = [];
  for (const easy of EASY) {
    await page.goto(site.url + easy.path);
    await page.emulateMedia({ media: 'print' });
    const sizes = await page.locator('.easy-point__words').evaluateAll((points) =>
      points.flatMap((point) => [...point.querySelectorAll('.easy-point__sentence, li')].map((el) => [el.textContent.slice(0, 30), parseFloat(getComputedStyle(el).fontSize)])),
    );
    assert.ok(sizes.length > 0, easy.slug);
    // 14 pt is 18.67 CSS px.
    for (const [words, px] of sizes) if (px < 18.6) small.push(`${easy.slug}: "${words}" at ${(px * 0.75).toFixed(1)} pt`);
    await page.emulateMedia({ media: null });
  }
  assert.deepEqual(small, []);
  assertClean(problems);
});

// Fact sheet §0c: each region's own emergency number, chosen the way every other page chooses it
// (the device's time zone, or a clinic's settings), never a list of other countries' numbers.
/** The page's own words (not its list of sources, whose titles name numbers). */
const words = (page) => page.locator('main').evaluate((main) => {
  const sources = [...main.querySelectorAll('.page-sources')];
  sources.forEach((n) => { n.hidden = true; });
  const text = main.innerText;
  sources.forEach((n) => { n.hidden = false; });
  return text;
});
const EMERGENCY = { 'Europe/London': '999', 'America/New_York': '911', 'Asia/Tokyo': '119', 'Australia/Sydney': '000' };

test('the Easy Read pages show the emergency number of the person\'s region, and none where no number is known', async () => {
  for (const [timezoneId, number] of Object.entries(EMERGENCY)) {
    const { context, page, problems } = await openPage(site.browser, site.origin, { timezoneId });
    let calls = 0;
    for (const easy of EASY) {
      await page.goto(site.url + easy.path);
      await page.locator('html[data-app-started]').waitFor();
      const text = await words(page);
      const others = Object.values(EMERGENCY).filter((n) => n !== number);
      for (const other of others) assert.doesNotMatch(text, new RegExp(`\\b${other}\\b`), `${easy.slug} in ${timezoneId} shows ${other}`);
      if (/Call your emergency number now/.test(text)) {
        const call = page.locator('main').getByRole('link', { name: `Call ${number}` });
        assert.equal(await call.count(), 1, `${easy.slug} in ${timezoneId}`);
        assert.equal(await call.getAttribute('href'), `tel:${number}`);
        calls += 1;
      }
    }
    assert.ok(calls >= 3, `${timezoneId}: ${calls} Easy Read pages offer the call`);
    assertClean(problems);
    await context.close();
  }
  // A time zone with no row in §0c (UTC here): the words, and no number to dial.
  const { context, page } = await openPage(site.browser, site.origin, { timezoneId: 'UTC' });
  for (const easy of EASY) {
    await page.goto(site.url + easy.path);
    await page.locator('html[data-app-started]').waitFor();
    assert.equal(await page.locator('main a[href^="tel:"]:visible').count(), 0, easy.slug);
    assert.doesNotMatch(await words(page), /\b(999|911|119|000|112)\b/, easy.slug);
  }
  await context.close();
});
