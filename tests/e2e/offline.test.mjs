// Offline after the first visit: load once, stop the server, and every page and both helpers
// still work. A new deployment is announced with "Updated information is available", and its
// button works in every open tab. An address that is not part of the guide shows a styled
// "Page not found" with working links, offline too. config.json comes from the host when it
// answers properly, else from the offline copy.
import { test, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer } from './server.mjs';
import { assertClean, launch, openPage, waitForApp, waitForOfflineCopy } from './browser.mjs';
import { fillMissedDose } from './person.mjs';
import { PAGES, PREFIX, DIST_DIR } from './site.mjs';

let browser;

before(async () => {
  browser = await launch();
});

/** Deployed copies a test has not closed yet (it failed before its own close). */
const deployed = new Set();

// Every context and deployed copy a test opened is closed when it ends, passed or failed: an
// open server left by a failed test would keep this file from ever ending.
afterEach(async () => {
  for (const context of browser?.contexts() ?? []) await context.close();
  for (const site of deployed) await site.close().catch(() => {});
});

after(async () => {
  await browser?.close();
});

test('after one visit, every page and both helpers work with the server gone', async () => {
  const server = await startServer({ root: DIST_DIR, prefix: PREFIX, port: 0 });
  const origin = new URL(server.url).origin;
  const { context, page, problems } = await openPage(browser, origin, { timezoneId: 'Europe/London' });
  await page.clock.setFixedTime(new Date('2026-11-23T10:00:00Z'));
  await page.goto(server.url);
  await waitForApp(page);
  await waitForOfflineCopy(page);
  assert.equal(await page.evaluate(() => document.cookie), '');
  await server.close();

  for (const [route, heading] of PAGES) {
    await page.goto(server.url + route);
    await waitForApp(page);
    assert.equal(await page.locator('main h1').innerText(), heading, `offline ${route || 'home'}`);
  }
  // Search works offline too: its script and index are in the offline copy.
  await page.goto(server.url + 'search/');
  await page.getByLabel('Search for').fill('alcohol');
  await page.locator('#search-results a', { hasText: 'Alcohol' }).first().waitFor();

  await page.goto(server.url + 'side-effects/?context=missed-several');
  await waitForApp(page);
  await page.getByLabel('Having or has had a fit (seizure)').check();
  assert.match(await page.locator('#red-flag-result').innerText(), /Emergency/);

  await page.goto(server.url + 'missed-dose/');
  await waitForApp(page);
  await fillMissedDose(page, { dose: 'The 08:00 today dose' });
  await page.getByRole('button', { name: /Show what to do/ }).click();
  assert.match(await page.locator('#missed-dose-result').innerText(), /Take the missed dose now/);
  assert.deepEqual(problems.foreignRequests, []);
  await context.close();
});

test('a new deployment shows "Updated information is available", and reloading takes it', async () => {
  // Deploy A, visit, then deploy B (a new build: here the same files with a new cache version).
  const site = fs.mkdtempSync(path.join(os.tmpdir(), 'baclofen-deploy-'));
  fs.cpSync(DIST_DIR, site, { recursive: true });
  const server = await startServer({ root: site, prefix: PREFIX, port: 0 });
  const origin = new URL(server.url).origin;
  const { context, page } = await openPage(browser, origin);
  await page.goto(server.url + 'about/');
  await waitForApp(page);
  await waitForOfflineCopy(page);
  assert.equal(await page.locator('#update-notice').count(), 0, 'no notice on the first visit');

  const worker = path.join(site, 'sw.js');
  fs.writeFileSync(worker, fs.readFileSync(worker, 'utf8').replace(/const VERSION = '[0-9a-f]+'/, "const VERSION = 'b0000000000000b'"));
  await page.reload();
  await waitForApp(page);
  const notice = page.locator('#update-notice');
  await notice.waitFor({ timeout: 20000 });
  assert.match(await notice.innerText(), /Updated information is available/);
  // The reload's load event is waited for from before the tap: a quick reload can fire it
  // before a wait started after the tap.
  await Promise.all([page.waitForEvent('load'), notice.getByRole('button', { name: 'Reload to see it' }).click()]);
  await waitForApp(page);
  assert.equal(await page.locator('main h1').innerText(), 'About baclofen');
  const caches = await page.evaluate(() => caches.keys());
  assert.deepEqual(caches, ['baclofen-guide-b0000000000000b'], 'the old cache is removed');
  await context.close();
  await server.close();
  fs.rmSync(site, { recursive: true, force: true });
});

/** Deploys a copy of dist/ (so a test can change files) and serves it. */
async function deploy(options = {}) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'baclofen-deploy-'));
  fs.cpSync(DIST_DIR, root, { recursive: true });
  const server = await startServer({ root, prefix: PREFIX, port: 0, ...options });
  const site = {
    server,
    root,
    origin: new URL(server.url).origin,
    newVersion(version) {
      const worker = path.join(root, 'sw.js');
      fs.writeFileSync(worker, fs.readFileSync(worker, 'utf8').replace(/const VERSION = '[0-9a-f]+'/, `const VERSION = '${version}'`));
    },
    async close() {
      deployed.delete(site);
      fs.rmSync(root, { recursive: true, force: true });
      await server.close();
    },
  };
  deployed.add(site);
  return site;
}

test('offline, an address that is not part of the guide shows a styled "Page not found" with working links', async () => {
  const site = await deploy();
  const { context, page } = await openPage(browser, site.origin);
  await page.goto(site.server.url);
  await waitForApp(page);
  await waitForOfflineCopy(page);
  await site.server.close();

  for (const address of ['nope/', 'a/b/c/', 'missed-dose/extra/']) {
    await page.goto(site.server.url + address);
    assert.equal(await page.locator('main h1').innerText(), 'Page not found', address);
    // Styled: the guide's stylesheet loaded at this depth (the header has its colour).
    const header = await page.locator('.site-header').evaluate((h) => getComputedStyle(h).backgroundColor);
    assert.notEqual(header, 'rgba(0, 0, 0, 0)', `${address} is styled`);
    assert.match(await page.locator('footer').innerText(), /In an emergency call/);
    // Every link of the guide points inside the guide's folder, not below the wrong address.
    const links = await page.locator('a[href]').evaluateAll((as) => as.map((a) => a.href).filter((h) => h.startsWith('http')));
    assert.ok(links.length > 5);
    for (const link of links) assert.ok(!link.includes(address), `${address}: ${link}`);
  }
  await page.getByRole('link', { name: 'Go to the start of the guide' }).click();
  await waitForApp(page);
  assert.equal(page.url(), site.server.url);
  assert.equal(await page.locator('main h1').innerText(), 'Baclofen: a plain guide');
  await page.goto(site.server.url + 'x/y/');
  await page.locator('.site-nav').getByRole('link', { name: 'Missed a dose', exact: true }).first().click();
  await waitForApp(page);
  assert.equal(page.url(), site.server.url + 'missed-dose/');
  await context.close();
  fs.rmSync(site.root, { recursive: true, force: true });
});

test(`online, the host's 404 for an address that is not part of the guide becomes the guide's "Page not found"`, async () => {
  const site = await deploy();
  const { context, page } = await openPage(browser, site.origin);
  // Without an offline copy: the host's own answer (a plain static host here).
  const first = await page.goto(site.server.url + '404.html');
  assert.equal(first.status(), 200);
  assert.equal(await page.locator('main h1').innerText(), 'Page not found');
  await page.goto(site.server.url);
  await waitForApp(page);
  await waitForOfflineCopy(page);
  const response = await page.goto(site.server.url + 'a/b/c/');
  assert.equal(response.status(), 404);
  assert.equal(await page.locator('main h1').innerText(), 'Page not found');
  await page.getByRole('link', { name: 'Go to the start of the guide' }).click();
  await waitForApp(page);
  assert.equal(page.url(), site.server.url);
  await context.close();
  await site.close();
});

test('a static host that serves 404.html for any missing address: styled, with working links, at any depth', async () => {
  const server = await startServer({ root: DIST_DIR, prefix: PREFIX, port: 0, notFound: '404.html' });
  const { context, page, problems } = await openPage(browser, new URL(server.url).origin, { serviceWorkers: 'block' });
  for (const address of ['nope/', 'a/b/c/', 'missed-dose/extra']) {
    const response = await page.goto(server.url + address);
    assert.equal(response.status(), 404);
    assert.equal(await page.locator('main h1').innerText(), 'Page not found', address);
    // The page finds the guide's folder, then its styles load from there.
    await page.waitForFunction(() => getComputedStyle(document.querySelector('.site-header')).backgroundColor !== 'rgba(0, 0, 0, 0)');
    await page.waitForFunction((root) => document.baseURI === root, server.url);
  }
  await page.getByRole('link', { name: 'Go to the start of the guide' }).click();
  await waitForApp(page);
  assert.equal(page.url(), server.url);
  // Only the not-found pages' own look-ups failed; no script was blocked by the page's policy.
  assert.deepEqual(problems.consoleErrors.filter((e) => !/status of 404/.test(e)), []);
  assert.deepEqual(problems.pageErrors, []);
  await context.close();
  await server.close();
});

test('the update button works in every tab, also after another tab applied the update', async () => {
  const site = await deploy();
  const { context, page: first } = await openPage(browser, site.origin);
  await first.goto(site.server.url + 'about/');
  await waitForApp(first);
  await waitForOfflineCopy(first);
  const second = await context.newPage();
  await second.goto(site.server.url + 'missed-dose/');
  await waitForApp(second);

  site.newVersion('c0000000000000c');
  await first.reload();
  await waitForApp(first);
  const button = (page) => page.locator('#update-notice').getByRole('button', { name: 'Reload to see it' });
  await button(first).waitFor({ timeout: 20000 });
  await button(second).waitFor({ timeout: 20000 });

  // Tab A applies the update and reloads.
  await Promise.all([first.waitForEvent('load'), button(first).click()]);
  await waitForApp(first);
  // Tab B's button still works: the new version is already active, so it simply reloads.
  await Promise.all([second.waitForEvent('load', { timeout: 10000 }), button(second).click()]);
  await waitForApp(second);
  assert.equal(await second.locator('main h1').innerText(), 'If you miss a dose');
  assert.deepEqual(await second.evaluate(() => caches.keys()), ['baclofen-guide-c0000000000000c']);
  assert.equal(await second.locator('#update-notice').count(), 0, 'no notice once up to date');
  await context.close();
  await site.close();
});

test('config.json: a host error or a slow answer uses the offline copy, not the failed answer', async () => {
  let answer = 'normal';
  const hung = [];
  const site = await deploy({
    overrides: { 'config.json': JSON.stringify({ region: 'uk' }) },
    intercept: (relative, req, res) => {
      if (relative !== 'config.json' || answer === 'normal') return false;
      if (answer === 'error') {
        res.writeHead(500, { 'content-type': 'text/plain' }).end('server error');
      } else {
        hung.push(res); // never answers while the test runs
      }
      return true;
    },
  });
  const { context, page } = await openPage(browser, site.origin);
  await page.goto(site.server.url);
  await waitForApp(page);
  await waitForOfflineCopy(page);
  await page.reload();
  await waitForApp(page);
  assert.equal(await page.locator('#emergency-line').innerText(), 'In an emergency call 999.');

  for (const mode of ['error', 'slow']) {
    answer = mode;
    await page.reload();
    await waitForApp(page);
    assert.equal(await page.locator('#emergency-line').innerText(), 'In an emergency call 999.', mode);
    assert.equal(await page.locator('.settings-notice').count(), 0, mode);
  }
  for (const res of hung) res.destroy();
  await context.close();
  await site.close();
});

// ---- Attack review 2026-12-07 (issue #32). ----

/** Waits for the offline copy's next update check: 'installed', or 'redundant' if it failed. */
function nextInstall(page) {
  return page.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    const settled = (worker) => new Promise((resolve) => {
      const done = () => {
        if (!['installed', 'activating', 'activated', 'redundant'].includes(worker.state)) return false;
        resolve(worker.state === 'redundant' ? 'redundant' : 'installed');
        return true;
      };
      if (!done()) worker.addEventListener('statechange', done);
    });
    // An install the page's own registration started first is waited for, not raced.
    if (registration.installing) await settled(registration.installing);
    if (registration.waiting) return 'installed';
    const found = new Promise((resolve) => {
      registration.addEventListener('updatefound', () => resolve(settled(registration.installing)), { once: true });
    });
    await registration.update();
    return found;
  });
}

test('B15: a deploy with truncated modules never replaces the working offline copy, which updates once the host is fixed', async () => {
  const site = await deploy();
  const { context, page, problems } = await openPage(browser, site.origin);
  site.server.overrides['config.json'] = JSON.stringify({ clinic_name: 'Riverside Neurology', clinic_phone: '020 7946 0000', region: 'uk' });
  await page.goto(site.server.url + 'missed-dose/');
  await waitForApp(page);
  await waitForOfflineCopy(page);
  const [first] = await page.evaluate(() => caches.keys());

  // Build B uploaded broken: a new version whose WebAssembly files are cut to half.
  const modules = fs.readdirSync(site.root).filter((f) => f.endsWith('_bg.wasm'));
  const whole = new Map(modules.map((f) => [f, fs.readFileSync(path.join(site.root, f))]));
  site.newVersion('b0000000000000b');
  for (const [file, bytes] of whole) fs.writeFileSync(path.join(site.root, file), bytes.subarray(0, bytes.length >> 1));
  assert.equal(await nextInstall(page), 'redundant', 'the damaged version is not kept');
  assert.deepEqual(await page.evaluate(() => caches.keys()), [first], 'the working copy stays');
  for (const address of ['about/', 'stopping/', 'missed-dose/']) {
    await page.goto(site.server.url + address);
    await waitForApp(page);
    assert.equal(await page.locator('#boot-failed').isVisible(), false, address);
    assert.equal(await page.locator('#clinic-contact').textContent(), 'Riverside Neurology: 020 7946 0000. NHS 111: 111', address);
  }
  assert.equal(await page.locator('#update-notice').count(), 0, 'no update is offered');

  // The host is fixed (the same build, intact): the update goes through.
  for (const [file, bytes] of whole) fs.writeFileSync(path.join(site.root, file), bytes);
  assert.equal(await nextInstall(page), 'installed');
  await page.reload();
  await waitForApp(page);
  const notice = page.locator('#update-notice');
  await notice.waitFor();
  // The reload's load event is waited for from before the tap: a quick reload can fire it
  // before a wait started after the tap.
  await Promise.all([page.waitForEvent('load'), notice.getByRole('button', { name: 'Reload to see it' }).click()]);
  await waitForApp(page);
  assert.deepEqual(await page.evaluate(() => caches.keys()), ['baclofen-guide-b0000000000000b']);
  assert.deepEqual(problems.pageErrors, []);
  await context.close();
  await site.close();
});

test('B15: a module that arrives damaged says the files are damaged, not "use another browser"', async () => {
  const site = await deploy();
  for (const file of fs.readdirSync(site.root).filter((f) => f.endsWith('_bg.wasm'))) {
    const bytes = fs.readFileSync(path.join(site.root, file));
    fs.writeFileSync(path.join(site.root, file), bytes.subarray(0, bytes.length >> 1));
  }
  const { context, page } = await openPage(browser, site.origin, { serviceWorkers: 'block' });
  await page.goto(site.server.url + 'missed-dose/');
  const failed = page.locator('#boot-failed');
  await failed.waitFor();
  assert.match(await failed.innerText(), /its files on this website are damaged/);
  assert.doesNotMatch(await failed.innerText(), /another browser/);
  await context.close();
  await site.close();
});

test('B11 and B12: a soft 404 page or a stalled body never replaces the saved config.json', async () => {
  let fault = null;
  const held = new Set();
  const site = await deploy({
    intercept: (relative, req, res) => {
      if (relative !== 'config.json' || !fault) return false;
      if (fault === 'html') res.writeHead(200, { 'content-type': 'text/html' }).end('<p>Sorry, page not found');
      else if (fault === '500') res.writeHead(500).end('broken');
      else {
        // Headers and part of the body in time, then nothing.
        held.add(res);
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write('{"clinic_name": "Riv');
      }
      return true;
    },
  });
  site.server.overrides['config.json'] = JSON.stringify({ clinic_name: 'Riverside Neurology', clinic_phone: '020 7946 0000', region: 'uk' });
  const { context, page, problems } = await openPage(browser, site.origin);
  await page.goto(site.server.url + 'about/');
  await waitForApp(page);
  await waitForOfflineCopy(page);
  await page.reload();
  await waitForApp(page);
  for (const how of ['html', '500', 'stall']) {
    fault = how;
    const started = Date.now();
    await page.goto(site.server.url + 'about/', { waitUntil: 'commit' });
    await waitForApp(page);
    assert.ok(Date.now() - started < 6500, `${how}: ${Date.now() - started} ms`);
    assert.equal(await page.locator('#clinic-contact').textContent(), 'Riverside Neurology: 020 7946 0000. NHS 111: 111', how);
    assert.equal(await page.locator('#emergency-line').innerText(), 'In an emergency call 999.', how);
  }
  // Fully offline now: the saved copy is still the good one.
  for (const res of held) res.destroy();
  await site.server.close();
  await page.goto(site.server.url + 'about/');
  await waitForApp(page);
  assert.equal(await page.locator('#clinic-contact').textContent(), 'Riverside Neurology: 020 7946 0000. NHS 111: 111');
  assert.deepEqual(problems.pageErrors, []);
  await context.close();
  fs.rmSync(site.root, { recursive: true, force: true });
});

test("B18: a host that serves 404.html for a deep address: the page starts from the guide's folder and shows the clinic's numbers", async () => {
  const site = await deploy({ notFound: '404.html' });
  site.server.overrides['config.json'] = JSON.stringify({ clinic_name: 'Riverside Neurology', clinic_phone: '020 7946 0000', region: 'uk' });
  const { context, page, problems } = await openPage(browser, site.origin, { serviceWorkers: 'block' });
  const asked = [];
  page.on('request', (request) => asked.push(new URL(request.url()).pathname));
  const deep = 'a/'.repeat(30) + 'nope/';
  await page.goto(site.server.url + deep);
  await waitForApp(page);
  assert.equal(await page.locator('main h1').innerText(), 'Page not found');
  assert.equal(await page.locator('#clinic-contact').textContent(), 'Riverside Neurology: 020 7946 0000. NHS 111: 111');
  assert.equal(await page.locator('#emergency-line').innerText(), 'In an emergency call 999.');
  assert.deepEqual(asked.filter((p) => p.endsWith('start.js')), [`${PREFIX}start.js`], 'start.js only from the guide\'s folder');
  const manifests = asked.filter((p) => p.endsWith('manifest.webmanifest')).length;
  assert.ok(manifests <= 5, `${manifests} manifest requests to find the folder`);
  assert.deepEqual(problems.pageErrors, []);
  await context.close();
  await site.close();
});

test('once the offline copy is saved, the next page says so once, politely, with a button to close it', async () => {
  const server = await startServer({ root: DIST_DIR, prefix: PREFIX, port: 0 });
  const origin = new URL(server.url).origin;
  const { context, page, problems } = await openPage(browser, origin, { timezoneId: 'Europe/London' });
  try {
    const notice = page.getByRole('region', { name: /saved on this device/ });
    await page.goto(server.url);
    await waitForApp(page);
    await waitForOfflineCopy(page);
    // The page the person is reading does not move: the words wait for the next page.
    assert.equal(await notice.count(), 0);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Missed a dose', exact: true }).click();
    await page.waitForURL(server.url + 'missed-dose/');
    await waitForApp(page);
    assert.match(await notice.innerText(), /works without the internet/);
    // Said politely, in a status, above the page's own content.
    assert.equal(await notice.getByRole('status').count(), 1);
    assert.ok(await notice.evaluate((n) => n.compareDocumentPosition(document.querySelector('main')) & Node.DOCUMENT_POSITION_FOLLOWING));
    await notice.getByRole('button', { name: 'OK' }).click();
    assert.equal(await notice.count(), 0);
    assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'MAIN');
    // Once only.
    await page.goto(server.url + 'about/');
    await waitForApp(page);
    assert.equal(await notice.count(), 0);
    assertClean(problems);
  } finally {
    await context.close();
    await server.close();
  }
});

test('where the offline copy is refused, the guide never says it is ready offline', async () => {
  const server = await startServer({ root: DIST_DIR, prefix: PREFIX, port: 0 });
  const origin = new URL(server.url).origin;
  const { context, page } = await openPage(browser, origin, { timezoneId: 'Europe/London', serviceWorkers: 'block' });
  try {
    const refused = page.waitForEvent('console', (msg) => /Offline copy not available/.test(msg.text()));
    await page.goto(server.url);
    await waitForApp(page);
    await refused;
    await page.goto(server.url + 'missed-dose/');
    await waitForApp(page);
    assert.equal(await page.getByRole('region', { name: /saved on this device/ }).count(), 0);
  } finally {
    await context.close();
    await server.close();
  }
});
