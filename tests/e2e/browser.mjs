// Launches Debian's Chromium through playwright-core (no browser download) and watches each page
// for console errors, uncaught exceptions and requests that leave the test server's origin.
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';

const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function launch() {
  return chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
}

/**
 * A browser whose default font size is `px` (16 is the usual default; 32 is "text 200 %"), set
 * the way a person sets it in the browser's own settings, not by page zoom. Returns a context.
 */
export async function launchWithTextSize(px, contextOptions = {}) {
  const { mkdtempSync, mkdirSync, writeFileSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const path = await import('node:path');
  const profile = mkdtempSync(path.join(tmpdir(), 'baclofen-text-'));
  mkdirSync(path.join(profile, 'Default'));
  writeFileSync(
    path.join(profile, 'Default', 'Preferences'),
    JSON.stringify({ webkit: { webprefs: { default_font_size: px, default_fixed_font_size: Math.round(px * 0.8125) } } }),
  );
  return chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, args: FLAGS, ...contextOptions });
}

/**
 * Opens a new context and page. `problems` collects console errors, page errors and
 * requests to any origin other than `origin`.
 */
export async function openPage(browser, origin, contextOptions = {}) {
  // A device in the UK unless a test says otherwise: in a time zone with no row in the fact
  // sheet's §0c (this machine's UTC) the guide rightly shows no number to dial, so a test of call
  // buttons states the zone it means.
  const context = await browser.newContext({ timezoneId: 'Europe/London', ...contextOptions });
  const page = await context.newPage();
  const problems = { consoleErrors: [], pageErrors: [], foreignRequests: [] };
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.consoleErrors.push(msg.text());
  });
  page.on('pageerror', (err) => problems.pageErrors.push(String(err)));
  // Content Security Policy violations are errors too (they are also logged to the console).
  await context.exposeBinding('__reportCspViolation', (_, text) => problems.consoleErrors.push(`CSP: ${text}`));
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => window.__reportCspViolation?.(`${e.violatedDirective} ${e.blockedURI}`));
  });
  context.on('request', (req) => {
    const url = req.url();
    if (url.startsWith('data:') || url.startsWith('blob:')) return;
    if (new URL(url).origin !== origin) problems.foreignRequests.push(url);
  });
  return { context, page, problems };
}

/** Waits until the Yew app has replaced the start-up message. */
export async function waitForApp(page) {
  await page.waitForSelector('html[data-app-started] main h1', { timeout: 20000 });
}

/** Runs axe-core (WCAG 2.2 A/AA and best practice) on the page; returns the violations. */
/** Waits until the offline copy (the service worker) controls the page, so it can be reloaded
 *  with the server gone. */
export async function waitForOfflineCopy(page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
    }
  });
}

export async function axeViolations(page) {
  // Loaded from the test server's own origin: the pages' strict CSP blocks inline scripts.
  await page.addScriptTag({ url: new URL('/__test__/axe.min.js', page.url()).href });
  const result = await page.evaluate(() =>
    window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
    }),
  );
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/** No console errors, no uncaught errors and no requests to other origins during a test. */
export function assertClean(problems) {
  assert.deepEqual(problems.consoleErrors, [], 'console errors');
  assert.deepEqual(problems.pageErrors, [], 'uncaught errors');
  assert.deepEqual(problems.foreignRequests, [], 'requests to other origins');
}
