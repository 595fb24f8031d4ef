// `make bench`: measures the release build in dist/ and writes bench/report.json and
// bench/report.md. Sizes are exact; timings depend on the machine and are reported, never
// asserted (the size budgets are checked by `make budget`, tests/budget.mjs).
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { cpus, totalmem } from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { startServer } from '../tests/e2e/server.mjs';
import { launch } from '../tests/e2e/browser.mjs';
import { firstViewFiles, gzipSize, BUDGETS, measure } from '../tests/budget.mjs';
import { helperLoads, RUNS } from './paint.mjs';
import { readability, readabilityMarkdown } from './readability.mjs';

// BENCH_DIST: measure a copy (for example while other builds write dist/).
const DIST = process.env.BENCH_DIST ?? 'dist';
const PREFIX = '/clinic/baclofen/';
// Every page with a helper, plus the start page and the longest text page.
const MANIFEST = JSON.parse(readFileSync(path.join(DIST, 'build-manifest.json'), 'utf8'));
const PAGES = ['', 'special-situations/', ...MANIFEST.pages.filter((p) => p.modules.length).map((p) => p.path)];

function files(dir, prefix = '') {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? files(full, `${prefix}${name}/`) : [`${prefix}${name}`];
  });
}

function sizes() {
  const kinds = {};
  for (const file of files(DIST)) {
    const kind = path.extname(file).slice(1) || 'other';
    const bytes = readFileSync(path.join(DIST, file));
    const entry = (kinds[kind] ??= { files: 0, raw: 0, gzip: 0, brotli: 0 });
    entry.files += 1;
    entry.raw += bytes.length;
    entry.gzip += gzipSize(bytes);
    entry.brotli += zlib.brotliCompressSync(bytes, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  }
  return kinds;
}

function firstView(page) {
  const list = firstViewFiles(DIST, page);
  return { files: list, gzip: list.reduce((sum, f) => sum + gzipSize(readFileSync(path.join(DIST, f))), 0) };
}

// Asynchronous: the test server runs in this process and must keep answering.
async function lighthouseOnce(url) {
  const { stdout: out } = await promisify(execFile)(
    'bench/node_modules/.bin/lighthouse',
    [url, '--quiet', '--output=json', '--only-categories=performance,accessibility,best-practices,seo',
      '--chrome-flags=--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync'],
    { env: { ...process.env, CHROME_PATH: '/usr/bin/chromium' }, maxBuffer: 64 * 1024 * 1024 },
  );
  const report = JSON.parse(out);
  const score = (id) => Math.round(report.categories[id].score * 100);
  const ms = (id) => Math.round(report.audits[id].numericValue);
  return {
    performance: score('performance'), accessibility: score('accessibility'),
    bestPractices: score('best-practices'), seo: score('seo'),
    fcpMs: ms('first-contentful-paint'), lcpMs: ms('largest-contentful-paint'),
    tbtMs: ms('total-blocking-time'), ttiMs: ms('interactive'),
    transferKB: +(report.audits['total-byte-weight'].numericValue / 1000).toFixed(1),
  };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** The median of RUNS Lighthouse runs, each figure on its own (this machine is noisy). */
async function lighthouse(url) {
  const runs = [];
  for (let i = 0; i < RUNS; i += 1) runs.push(await lighthouseOnce(url));
  return Object.fromEntries(Object.keys(runs[0]).map((k) => [k, median(runs.map((r) => r[k]))]));
}

/** The static floor: a copy of the build with every script removed from every page. */
function floorCopy() {
  const dir = mkdtempSync(path.join(tmpdir(), 'baclofen-floor-'));
  cpSync(DIST, dir, { recursive: true });
  for (const file of files(dir).filter((f) => f.endsWith('.html'))) {
    const html = readFileSync(path.join(dir, file), 'utf8');
    // Scripts, and the preloads of a helper's module, which only scripts use.
    const stripped = html
      .replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, '')
      .replace(/<link rel="(?:modulepreload|preload)"[^>]*>/g, '');
    writeFileSync(path.join(dir, file), stripped);
  }
  return dir;
}

async function offlineReload(url) {
  const browser = await launch();
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url + 'missed-dose/');
  await page.waitForSelector('html[data-app-started]');
  await page.evaluate(async () => { await navigator.serviceWorker.ready; });
  await page.reload();
  await page.waitForSelector('html[data-app-started]');
  await context.setOffline(true);
  const start = Date.now();
  await page.reload();
  await page.waitForSelector('html[data-app-started] #missed-dose-tool form');
  const ms = Date.now() - start;
  await browser.close();
  return ms;
}

function engine() {
  const start = Date.now();
  const out = execFileSync('cargo', ['test', '-q', '-p', 'baclofen-logic', '--test', 'missed_dose_sweep', '--', '--nocapture'],
    { encoding: 'utf8' });
  const seconds = (Date.now() - start) / 1000;
  const answers = Number(/(\d+) answers checked/.exec(out)?.[1] ?? 0);
  const threads = Math.min(cpus().length, 6);
  return { sweepAnswers: answers, sweepSeconds: seconds, microsecondsPerAnswer: +((seconds * threads * 1e6) / answers).toFixed(2) };
}

const server = await startServer({ root: DIST, prefix: PREFIX });
const report = {
  date: new Date().toISOString().slice(0, 10),
  machine: `${cpus().length} × ${cpus()[0].model.trim()}, ${Math.round(totalmem() / 2 ** 30)} GiB, Debian Chromium ${execFileSync('/usr/bin/chromium', ['--version'], { encoding: 'utf8' }).trim()}`,
  budgets: BUDGETS,
  sizes: sizes(),
  firstView: Object.fromEntries(PAGES.map((p) => [p || 'home', firstView(p)])),
  lighthouse: {},
  offlineReloadMs: await offlineReload(server.url),
  engine: engine(),
  readability: readability(),
};
const floorDir = floorCopy();
const floor = await startServer({ root: floorDir, prefix: PREFIX });
report.floor = {};
for (const p of PAGES) {
  report.lighthouse[p || 'home'] = await lighthouse(server.url + p);
  report.floor[p || 'home'] = await lighthouse(floor.url + p);
}
await floor.close();
rmSync(floorDir, { recursive: true, force: true });
await server.close();
report.budget = measure(DIST);
report.helperLoads = await helperLoads(DIST);
writeFileSync('bench/report.json', JSON.stringify(report, null, 2) + '\n');

const kb = (n) => (n / 1024).toFixed(1);
const lines = [
  `# Benchmark report`, '',
  `${report.date}, ${report.machine}. Made by \`make bench\` from the release build.`, '',
  '## Sizes (KiB)', '', '| kind | files | raw | gzip | brotli |', '|---|---|---|---|---|',
  ...Object.entries(report.sizes).map(([k, s]) => `| ${k} | ${s.files} | ${kb(s.raw)} | ${kb(s.gzip)} | ${kb(s.brotli)} |`),
  '', '## Budgets (`make budget`, gzip)', '', '| what | KiB | budget |', '|---|---|---|',
  ...report.budget.map((r) => `| ${r.what.trim()} | ${kb(r.size)} | ${r.budget ? kb(r.budget) : '–'} |`),
  '', '## First view (gzip)', '', '| page | KiB | files |', '|---|---|---|',
  ...Object.entries(report.firstView).map(([p, v]) => `| ${p} | ${kb(v.gzip)} | ${v.files.join(', ')} |`),
  '', `## Lighthouse (mobile: slow 4G, 4× CPU), median of ${RUNS} runs: the page vs its static floor (the same page, scripts removed)`, '',
  '| page | perf | LCP app / floor ms | TBT app / floor ms | TTI app / floor ms | transfer app / floor KB | a11y | best pr. | SEO |', '|---|---|---|---|---|---|---|---|---|',
  ...Object.entries(report.lighthouse).map(([p, l]) => { const f = report.floor[p]; return `| ${p} | ${l.performance} | ${l.lcpMs} / ${f.lcpMs} | ${l.tbtMs} / ${f.tbtMs} | ${l.ttiMs} / ${f.ttiMs} | ${l.transferKB} / ${f.transferKB} | ${l.accessibility} | ${l.bestPractices} | ${l.seo} |`; }),
  '', `Targets (issue #18): LCP within 50 ms of the floor, performance 100; helper pages TBT ≤ 50 ms, TTI ≤ 1500 ms.`,
  '', `## Helpers in a throttled real load (4× CPU, 150 ms, 1.6 Mbit/s), median of ${RUNS}`, '',
  '| page | FCP ms | LCP ms | longest task ms | blocking ms | usable at ms |', '|---|---|---|---|---|---|',
  ...Object.entries(report.helperLoads).map(([p, r]) => `| ${p} | ${r.fcpMs} | ${r.lcpMs} | ${r.longestTaskMs} | ${r.blockingMs} | ${r.usableMs} |`),
  '', '## Offline and engine', '',
  `- Offline reload of the missed-dose page until the helper is live: ${report.offlineReloadMs} ms.`,
  `- Exhaustive missed-dose sweep: ${report.engine.sweepAnswers.toLocaleString('en')} answers in ${report.engine.sweepSeconds} s (≈ ${report.engine.microsecondsPerAnswer} µs of CPU per answer, native).`,
  '',
  ...readabilityMarkdown(report.readability),
];
writeFileSync('bench/report.md', lines.join('\n'));
console.log(lines.join('\n'));
