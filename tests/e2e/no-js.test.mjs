// Every page is readable from the HTML the host serves: with JavaScript off, every section
// reads and every link works; with JavaScript on, the live app replaces the static page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { axeViolations, openPage, waitForApp } from './browser.mjs';
import { BUILT_PAGES, PAGES, useSite } from './site.mjs';

const site = useSite();

test('with JavaScript off every page reads, with its own title and description', async () => {
  const { context, page, problems } = await openPage(site.browser, site.origin, { javaScriptEnabled: false });
  for (const [path, heading] of PAGES) {
    const response = await page.goto(site.url + path);
    assert.equal(response.status(), 200, path);
    assert.equal(await page.locator('main h1').innerText(), heading, path);
    assert.equal(await page.title(), `${heading} – Baclofen guide`);
    assert.ok((await page.locator('meta[name=description]').getAttribute('content')).length > 30);
    assert.match(await page.locator('footer').innerText(), /local emergency number/);
  }
  assert.deepEqual(problems.foreignRequests, []);
  await context.close();
});

test('the static pages have zero axe violations, shown as when the app cannot start', async () => {
  // axe needs JavaScript, so block the wasm instead: the static page stays, with the notice.
  const { context, page } = await openPage(site.browser, site.origin);
  await context.route('**/*.wasm', (route) => route.abort());
  for (const { path, title, modules } of BUILT_PAGES) {
    await page.goto(site.url + path);
    // A page with a helper loads its module; blocked, the page says it could not start. A page
    // without one loads no WebAssembly at all with the built config.json: it is already whole.
    if (modules.length > 0) await page.waitForSelector('#boot-failed:not([hidden])');
    assert.equal(await page.locator('main h1').innerText(), title);
    assert.deepEqual(await axeViolations(page), [], path || 'home');
  }
  assert.ok(BUILT_PAGES.some((p) => p.modules.length > 0), 'the helper pages were checked with their notice');
  await context.close();
});

test('with JavaScript off every same-site link leads to a page that exists', async () => {
  const { context, page } = await openPage(site.browser, site.origin, { javaScriptEnabled: false });
  const seen = new Set();
  for (const [path] of PAGES) {
    await page.goto(site.url + path);
    const hrefs = await page.locator('a[href]').evaluateAll((links) => links.map((a) => a.href));
    for (const href of hrefs) {
      const url = new URL(href);
      if (url.origin !== site.origin) continue;
      url.hash = '';
      seen.add(url.href);
    }
  }
  assert.ok(seen.size >= PAGES.length, `only ${seen.size} links`);
  for (const href of seen) {
    const response = await page.goto(href);
    assert.equal(response.status(), 200, href);
    assert.ok(await page.locator('main h1').count(), `${href} has no heading`);
  }
  await context.close();
});

test('with JavaScript off the helpers show their published rules and the emergency number', async () => {
  const { context, page } = await openPage(site.browser, site.origin, { javaScriptEnabled: false });
  await page.goto(site.url + 'missed-dose/');
  const missed = await page.locator('main').innerText();
  assert.match(missed, /How the missed-dose helper decides/);
  assert.match(missed, /less than 2 hours/);
  assert.match(missed, /13:30\s+Leave out the missed dose/);
  assert.equal(await page.locator('form').count(), 0);
  await page.goto(site.url + 'side-effects/');
  const flags = await page.locator('main').innerText();
  assert.match(flags, /Call your emergency number now/);
  assert.match(flags, /Having or has had a fit \(seizure\)/);
  assert.match(flags, /Has a baclofen pump or /);
  assert.match(flags, /Contact your prescriber today/);
  // Without a script the reader's country is unknown: the general line, no guessed number to dial.
  assert.equal(await page.locator('a[href="tel:112"]').count(), 0);
  assert.match(await page.locator('.call__local').first().innerText(), /999 \(UK\), 911 \(US\), 000 \(Australia\)/);
  await context.close();
});

test('with JavaScript on the live app replaces the static page without errors', async () => {
  const { context, page, problems } = await openPage(site.browser, site.origin);
  for (const [path, heading] of PAGES) {
    await page.goto(site.url + path);
    await waitForApp(page);
    assert.equal(await page.locator('main h1').innerText(), heading);
    assert.equal(await page.locator('main h1').count(), 1, 'the static page is replaced, not doubled');
  }
  await page.goto(site.url + 'missed-dose/');
  await waitForApp(page);
  assert.equal(await page.locator('form.helper__form').count(), 1);
  assert.equal(await page.getByText('How the missed-dose helper decides').count(), 0);
  assert.deepEqual(problems.consoleErrors, []);
  assert.deepEqual(problems.pageErrors, []);
  await context.close();
});

// Fact sheet §0c and §11 design notes: a reader outside the UK finds their own route on a static
// page with JavaScript off, never only the UK's NHS 111: the US (911), Japan (119) and the other
// §0c countries, with no out-of-hours number the fact sheet does not give.
test('with JavaScript off, readers in the US and Japan find their own out-of-hours route and emergency number', async () => {
  for (const timezoneId of ['America/New_York', 'Asia/Tokyo']) {
    const { context, page, problems } = await openPage(site.browser, site.origin, { javaScriptEnabled: false, timezoneId });
    try {
      for (const path of ['missed-dose/', 'side-effects/', 'stopping/', 'special-situations/']) {
        await page.goto(site.url + path);
        const us = page.locator('[data-only-region="us"]').filter({ hasText: /out-of-hours service/ });
        assert.ok((await us.count()) >= 1, `${path}: a US block with the route`);
        assert.match(await us.first().innerText(), /^In the US[\s\S]*call 911/);
        const main = await page.locator('main').innerText();
        assert.match(main, /In Japan, when your [^.]+ is closed, contact your out-of-hours service\. In an emergency, call 119\./, path);
        assert.match(main, /112 or 999 in Ireland, 911 in Canada, 000 in Australia or 111 in New Zealand/, path);
        assert.match(main, /Anywhere else, call your local emergency number/, path);
      }
      assert.deepEqual(problems.foreignRequests, []);
    } finally {
      await context.close();
    }
  }
});
