// Measures first contentful paint and largest contentful paint of the built pages in Debian
// Chromium with a mobile-like throttle (4x CPU, 150 ms latency, 1.6 Mbit/s), median of 5 runs.
// Usage: node bench/paint.mjs [dist-folder ...]   (default: dist)
// Compare with a plain copy of the same HTML (scripts removed) to see what the app costs.
import { startServer } from '../tests/e2e/server.mjs';
import { launch } from '../tests/e2e/browser.mjs';

const roots = process.argv.slice(2).length ? process.argv.slice(2) : ['dist'];
const RUNS = 5;
const browser = await launch();
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

for (const root of roots) {
  const server = await startServer({ root, prefix: '/app/' });
  for (const path of ['', 'missed-dose/']) {
    const fcp = [];
    const lcp = [];
    for (let run = 0; run < RUNS; run += 1) {
      const context = await browser.newContext({ viewport: { width: 412, height: 823 } });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8,
      });
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
      await page.goto(server.url + path, { waitUntil: 'load' });
      // A plain HTML page (no app) is measured as it is; the app is measured once it has started.
      if (await page.locator('script[type=module]').count()) {
        await page.waitForSelector('html[data-app-started]', { timeout: 60000 });
      }
      const t = await page.evaluate(() => new Promise((resolve) => {
        const paint = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN;
        new PerformanceObserver((list) => {
          const entries = list.getEntries();
          resolve({ fcp: paint, lcp: entries[entries.length - 1].startTime });
        }).observe({ type: 'largest-contentful-paint', buffered: true });
      }));
      fcp.push(t.fcp);
      lcp.push(t.lcp);
      await context.close();
    }
    console.log(`${root}/${path || ''}: FCP ${median(fcp).toFixed(0)} ms, LCP ${median(lcp).toFixed(0)} ms (median of ${RUNS})`);
  }
  await server.close();
}
await browser.close();
