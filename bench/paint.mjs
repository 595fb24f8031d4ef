// A throttled real load of each page with a helper (from dist/build-manifest.json) in Debian
// Chromium: 4x CPU, 150 ms latency, 1.6 Mbit/s, median of 5 runs. For each page it reports
// first and largest contentful paint, the main thread's long tasks (the longest, and the
// blocking time: the sum of every task's time over 50 ms), and when the helper became usable:
// the moment its first field or box accepts the person's input.
// Usage: node bench/paint.mjs [dist]   (also used by bench/run.mjs)
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../tests/e2e/server.mjs';
import { launch } from '../tests/e2e/browser.mjs';

export const RUNS = 5;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// Watches long tasks from the very start of the page, and notes the moment the page says its
// helper is live (boot.js's data-app-started, set in the task that finishes the helper's form).
const OBSERVE = () => {
  window.__longTasks = [];
  new MutationObserver((records, observer) => {
    if (document.documentElement.hasAttribute('data-app-started')) {
      window.__liveAt = performance.now();
      observer.disconnect();
    }
  }).observe(document, { attributes: true, subtree: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__longTasks.push(entry.duration);
  }).observe({ type: 'longtask', buffered: true });
};

export async function once(browser, url, island) {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 } });
  try {
    const page = await context.newPage();
    await page.addInitScript(OBSERVE);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8,
    });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await page.goto(url, { waitUntil: 'load' });
    // Usable: the live helper's first field takes a keystroke (or its first box a tick), timed
    // from the moment the page said the helper was live (waiting for it from here adds the
    // test driver's own polling under a 4x slower CPU).
    const field = page.locator(`html[data-app-started] #${island} :is(input[type=time], input[type=text], input[type=number], input[type=checkbox], input[type=radio], select)`).first();
    await field.waitFor({ timeout: 60000 });
    // Usable from the moment it was live, provided its first field does take the input now.
    const usableMs = await page.evaluate(() => window.__liveAt);
    const type = await field.evaluate((e) => (e.tagName === 'SELECT' ? 'select' : e.type));
    if (type === 'checkbox' || type === 'radio') {
      await field.check();
      if (!(await field.isChecked())) throw new Error(`${url}: the first box did not take the tick`);
    } else if (type !== 'select') {
      await field.focus();
      await page.keyboard.type('1');
      if (!(await field.inputValue())) throw new Error(`${url}: the first field did not take the keystroke`);
    }
    const t = await page.evaluate(() => new Promise((resolve) => {
      const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN;
      new PerformanceObserver((list) => {
        const entries = list.getEntries();
        resolve({ fcp, lcp: entries[entries.length - 1].startTime, tasks: window.__longTasks });
      }).observe({ type: 'largest-contentful-paint', buffered: true });
    }));
    const longest = Math.max(0, ...t.tasks);
    const blocking = t.tasks.reduce((sum, d) => sum + Math.max(0, d - 50), 0);
    return { fcp: t.fcp, lcp: t.lcp, longest, blocking, usableMs };
  } finally {
    await context.close();
  }
}

export async function helperLoads(dist = 'dist') {
  const manifest = JSON.parse(readFileSync(path.join(dist, 'build-manifest.json'), 'utf8'));
  const pages = manifest.pages.filter((p) => p.modules.length);
  const server = await startServer({ root: dist, prefix: '/app/' });
  const browser = await launch();
  const out = {};
  try {
    for (const page of pages) {
      const html = readFileSync(path.join(dist, page.path, 'index.html'), 'utf8');
      const island = /id="([^"]+)"[^>]*data-module=/.exec(html)?.[1];
      const runs = [];
      for (let run = 0; run < RUNS; run += 1) runs.push(await once(browser, server.url + page.path, island));
      const m = (key) => Math.round(median(runs.map((r) => r[key])));
      out[page.slug] = { fcpMs: m('fcp'), lcpMs: m('lcp'), longestTaskMs: m('longest'), blockingMs: m('blocking'), usableMs: m('usableMs') };
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return out;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const loads = await helperLoads(process.argv[2] ?? 'dist');
  for (const [slug, r] of Object.entries(loads)) {
    console.log(`${slug}: FCP ${r.fcpMs} ms, LCP ${r.lcpMs} ms, longest task ${r.longestTaskMs} ms, blocking ${r.blockingMs} ms, usable at ${r.usableMs} ms (median of ${RUNS})`);
  }
}
