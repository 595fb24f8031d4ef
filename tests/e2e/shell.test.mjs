// The static pages on a plain host under a sub-path: they render, link to each other, survive
// deep links, reloads and back/forward, and talk to no other origin.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertClean, axeViolations, openPage, waitForApp } from './browser.mjs';
import { DIST_DIR, PAGES, useSite } from './site.mjs';

/** Every section: all pages but home and search, in reading order. */
const SECTIONS = PAGES.filter(([path]) => path !== '' && path !== 'search/');

const site = useSite();

test('the shell renders with header, navigation, main landmark and footer', async () => {
  const { context, page, problems } = await openPage(site.browser, site.origin);
  await page.goto(site.url);
  await waitForApp(page);
  assert.match(await page.locator('header').innerText(), /Baclofen guide/);
  // The shortcuts (missed dose, symptom checker, search), then every other page in the menu.
  assert.equal(await page.locator('nav[aria-label="Main"] > ul > li > a').count(), 3);
  assert.equal(await page.locator('nav[aria-label="Main"] details a').count(), SECTIONS.length);
  assert.equal(await page.locator('nav[aria-label="All sections"] a').count(), SECTIONS.length);
  assert.equal(await page.locator('nav.contents a').count(), SECTIONS.length);
  assert.equal(await page.locator('main').count(), 1);
  const footer = await page.locator('footer').innerText();
  assert.match(footer, /does not replace your clinician/);
  assert.match(footer, /local emergency number/);
  assert.match(footer, /Content version \d+\.\d+\.\d+/);
  assert.match(footer, /Checked against its sources on \d{1,2} \w+ 20\d\d/);
  assert.equal(await page.title(), 'Baclofen: a plain guide – Baclofen guide');
  // The start-up message is gone once the app runs.
  assert.equal(await page.locator('#boot-loading').count(), 0);
  assertClean(problems);
  await context.close();
});

test('the contents reach every section, the pager walks them in order, and back/forward work', async () => {
  const { context, page, problems } = await openPage(site.browser, site.origin);
  for (const [path, heading] of SECTIONS) {
    await page.goto(site.url);
    await waitForApp(page);
    await page.locator('nav.contents').getByRole('link', { name: heading, exact: true }).click();
    await page.waitForURL(site.url + path);
    assert.equal(await page.locator('main h1').innerText(), heading);
    assert.match(await page.title(), new RegExp(`^${heading.replace(/[()]/g, '\\$&')} – Baclofen guide$`));
  }
  // From the first section, "Next" walks every section in order to the last.
  await page.goto(site.url + SECTIONS[0][0]);
  for (const [path, heading] of SECTIONS.slice(1)) {
    await page.locator('.pager__next a').click();
    await page.waitForURL(site.url + path);
    assert.equal(await page.locator('main h1').innerText(), heading);
  }
  assert.equal(await page.locator('.pager__next').count(), 0, 'the last section has no next');
  await page.goBack();
  await page.waitForURL(site.url + SECTIONS.at(-2)[0]);
  await page.goForward();
  await page.waitForURL(site.url + SECTIONS.at(-1)[0]);
  // The header's shortcuts mark the current page; the brand link returns home.
  await page.locator('nav[aria-label="Main"]').getByRole('link', { name: 'Missed a dose' }).click();
  await page.waitForURL(site.url + 'missed-dose/');
  await waitForApp(page);
  assert.equal(await page.locator('nav a[aria-current="page"]').innerText(), 'Missed a dose');
  await page.locator('header a', { hasText: 'Baclofen guide' }).click();
  await page.waitForURL(site.url);
  assert.equal(await page.locator('main h1').innerText(), 'Baclofen: a plain guide');
  assertClean(problems);
  await context.close();
});

test('the skip link is the first stop for the keyboard and moves focus to the main content', async () => {
  const { context, page, problems } = await openPage(site.browser, site.origin);
  await page.goto(site.url + 'taking/');
  await waitForApp(page);
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Skip to main content');
  await page.keyboard.press('Enter');
  await page.waitForURL(site.url + 'taking/#main');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'main');
  assertClean(problems);
  await context.close();
});

test('deep links and reloads work for every section under the sub-path', async () => {
  const { context, page, problems } = await openPage(site.browser, site.origin);
  for (const [path, heading] of PAGES) {
    await page.goto(site.url + path);
    await waitForApp(page);
    assert.equal(await page.locator('main h1').innerText(), heading, `deep link ${path}`);
    await page.reload();
    await waitForApp(page);
    assert.equal(await page.locator('main h1').innerText(), heading, `reload ${path}`);
    // Links on a nested page still resolve against the app root.
    assert.equal(
      await page.locator('nav[aria-label="Main"]').getByRole('link', { name: 'Missed a dose', exact: true }).evaluate((a) => a.href),
      site.url + 'missed-dose/',
    );
  }
  // A folder without its trailing slash and index.html itself both work.
  await page.goto(site.url + 'about');
  await waitForApp(page);
  assert.equal(await page.locator('main h1').innerText(), 'About baclofen');
  await page.goto(site.url + 'index.html');
  await waitForApp(page);
  assert.equal(await page.locator('main h1').innerText(), 'Baclofen: a plain guide');
  assertClean(problems);
  await context.close();
});

for (const colorScheme of ['light', 'dark']) {
  test(`every page has zero axe-core violations in ${colorScheme} mode at 320 and 1280 px`, async () => {
    const { context, page, problems } = await openPage(site.browser, site.origin, { colorScheme });
    for (const width of [320, 1280]) {
      await page.setViewportSize({ width, height: 800 });
      for (const [path] of PAGES) {
        await page.goto(site.url + path);
        await waitForApp(page);
        assert.deepEqual(await axeViolations(page), [], `${path || 'home'} at ${width}px`);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 0, `${path || 'home'} scrolls sideways by ${overflow}px at ${width}px`);
      }
    }
    assertClean(problems);
    await context.close();
  });
}

test('a citation opens the source entry on the Sources page', async () => {
  const { context, page, problems } = await openPage(site.browser, site.origin);
  await page.goto(site.url + 'missed-dose/');
  await waitForApp(page);
  await page.locator('main .citations a', { hasText: 'MFC' }).first().click();
  await page.waitForURL(site.url + 'sources/#source-mfc');
  assert.equal(await page.locator('main h1').innerText(), 'Sources and review');
  assert.match(await page.locator('#source-mfc').innerText(), /Medicines for Children/);
  assertClean(problems);
  await context.close();
});

test('every bundle URL is relative so any sub-path works', async () => {
  const { readFileSync } = await import('node:fs');
  for (const file of [`${DIST_DIR}/index.html`, `${DIST_DIR}/about/index.html`]) {
    const html = readFileSync(file, 'utf8');
    const urls = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    assert.ok(urls.length > 0);
    for (const url of urls) {
      assert.ok(!/^(\/|https?:)/.test(url), `${file}: ${url} is not relative`);
    }
  }
});

test('without WebAssembly the page says it could not start and still gives emergency advice', async () => {
  const { context, page } = await openPage(site.browser, site.origin);
  await context.addInitScript(() => { delete window.WebAssembly; });
  await page.goto(site.url + 'side-effects/');
  await page.waitForSelector('#boot-failed:not([hidden])');
  const text = await page.locator('#app').innerText();
  assert.match(text, /could not start/);
  assert.match(text, /Call your emergency number now/);
  assert.match(text, /local emergency number/);
  await context.close();
});

test('with JavaScript off the noscript message tells people what to do in an emergency', async () => {
  const { context, page } = await openPage(site.browser, site.origin, { javaScriptEnabled: false });
  await page.goto(site.url);
  const body = await page.locator('body').innerText();
  assert.match(body, /need JavaScript/);
  assert.match(body, /Call your emergency number now/);
  await context.close();
});

test('a strict Content Security Policy blocks injected inline scripts, and the app needs none', async () => {
  const { context, page, problems } = await openPage(site.browser, site.origin);
  await page.goto(site.url + 'missed-dose/');
  await waitForApp(page);
  assert.deepEqual(problems.consoleErrors, [], 'the app itself causes no violation');
  const { ran, directive } = await page.evaluate(async () => {
    // The browser reports the block itself: wait for that, not for a fixed time.
    const blocked = new Promise((resolve) =>
      document.addEventListener('securitypolicyviolation', (e) => resolve(e.effectiveDirective), { once: true }),
    );
    const script = document.createElement('script');
    script.textContent = 'window.__injected = true;';
    document.body.append(script);
    return { directive: await blocked, ran: window.__injected === true };
  });
  assert.equal(ran, false, 'an injected inline script must not run');
  assert.match(directive, /^script-src/);
  assert.ok(problems.consoleErrors.some((e) => e.includes('script-src')), problems.consoleErrors.join('\n'));
  assert.deepEqual(await context.cookies(), []);
  await context.close();
});
