// Two builds in one run (issue 28's spike): each helper page loaded in turn from BEFORE and AFTER
// under the bench's throttled profile (bench/paint.mjs: 4x CPU, 150 ms, 1.6 Mbit/s), the runs
// interleaved so that both see the same machine, median of RUNS; with each helper module's
// gzip size. Usage: node bench/compare.mjs BEFORE_DIST [AFTER_DIST=dist]  (make bench-compare)
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { startServer } from '../tests/e2e/server.mjs';
import { launch } from '../tests/e2e/browser.mjs';
import { measure } from '../tests/budget.mjs';
import { once, RUNS } from './paint.mjs';

const [before, after = 'dist'] = process.argv.slice(2);
if (!before) throw new Error('usage: node bench/compare.mjs BEFORE_DIST [AFTER_DIST]');
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const builds = { before, after };
const manifest = (dist) => JSON.parse(readFileSync(path.join(dist, 'build-manifest.json'), 'utf8'));
const pages = manifest(after).pages.filter((p) => p.modules.length);
const island = (dist, page) =>
  /id="([^"]+)"[^>]*data-module=/.exec(readFileSync(path.join(dist, page.path, 'index.html'), 'utf8'))?.[1];

const servers = {};
for (const [name, dist] of Object.entries(builds)) servers[name] = await startServer({ root: dist, prefix: '/app/' });
const browser = await launch();
const runs = {};
try {
  for (let run = 0; run < RUNS; run += 1) {
    for (const page of pages) {
      for (const [name, dist] of Object.entries(builds)) {
        const result = await once(browser, servers[name].url + page.path, island(dist, page));
        ((runs[page.slug] ??= {})[name] ??= []).push(result);
      }
    }
  }
} finally {
  await browser.close();
  for (const server of Object.values(servers)) await server.close();
}
const sizes = Object.fromEntries(Object.entries(builds).map(([name, dist]) => [name, Object.fromEntries(
  measure(dist).filter((r) => r.what.startsWith('module ')).map((r) => [r.what.split(' ')[1], r.size]))]));
const kib = (n) => (n / 1024).toFixed(1);
const lines = [
  `Helpers in a throttled real load (4x CPU, 150 ms, 1.6 Mbit/s), before / after, median of ${RUNS} interleaved runs`, '',
  '| page (module) | module KiB gzip | usable at ms | longest start-up task ms | blocking ms | LCP ms |', '|---|---|---|---|---|---|',
];
for (const page of pages) {
  const m = (name, key) => Math.round(median(runs[page.slug][name].map((r) => r[key])));
  const both = (key) => `${m('before', key)} / ${m('after', key)}`;
  const module = page.modules[0];
  lines.push(`| ${page.slug} (${module}) | ${kib(sizes.before[module])} / ${kib(sizes.after[module])} | ${both('usableMs')} | ${both('longest')} | ${both('blocking')} | ${both('lcp')} |`);
}
console.log(lines.join('\n'));
