// Offline after the first visit: load once, stop the server, and every page and both helpers
// still work. A new deployment is announced with "Updated information is available".
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer } from './server.mjs';
import { launch, openPage, waitForApp } from './browser.mjs';
import { PAGES, PREFIX } from './site.mjs';

let browser;

before(async () => {
  browser = await launch();
});

after(async () => {
  await browser?.close();
});

async function waitForOfflineCopy(page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
    }
  });
}

test('after one visit, every page and both helpers work with the server gone', async () => {
  const server = await startServer({ root: 'dist', prefix: PREFIX, port: 0 });
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

  await page.goto(server.url + 'side-effects/?context=missed');
  await waitForApp(page);
  await page.getByLabel('Had a fit (seizure)').check();
  assert.match(await page.locator('#red-flag-result').innerText(), /Emergency/);

  await page.goto(server.url + 'missed-dose/');
  await waitForApp(page);
  await page.getByLabel('No', { exact: true }).check();
  await page.getByRole('button', { name: /Show what to do/ }).click();
  assert.match(await page.locator('#missed-dose-result').innerText(), /Take the missed dose now/);
  assert.deepEqual(problems.foreignRequests, []);
  await context.close();
});

test('a new deployment shows "Updated information is available", and reloading takes it', async () => {
  // Deploy A, visit, then deploy B (a new build: here the same files with a new cache version).
  const site = fs.mkdtempSync(path.join(os.tmpdir(), 'baclofen-deploy-'));
  fs.cpSync('dist', site, { recursive: true });
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
  await notice.getByRole('button', { name: 'Reload to see it' }).click();
  await page.waitForEvent('load');
  await waitForApp(page);
  assert.equal(await page.locator('main h1').innerText(), 'About baclofen');
  const caches = await page.evaluate(() => caches.keys());
  assert.deepEqual(caches, ['baclofen-guide-b0000000000000b'], 'the old cache is removed');
  await context.close();
  await server.close();
  fs.rmSync(site, { recursive: true, force: true });
});
