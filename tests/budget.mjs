// Size budgets (issue #7), on deterministic figures only: the gzip size of the WebAssembly and of
// everything a page needs for its first view. `node tests/budget.mjs` prints the figures and
// exits non-zero above a budget; bench/run.mjs reuses the same measurements.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

// The one module grew from 108 to about 117 KiB with the safety and trust fixes (the checker's
// questions and per-rule timing, the missed-dose form, clinic-settings precedence and the
// time-zone number). Splitting the module by page (issue #18) is the real fix; until then the
// budget is 120 KiB so that it still catches any unplanned growth.
export const BUDGETS = { wasmGzip: 120 * 1024, firstViewGzip: 150 * 1024 };

export function gzipSize(bytes) {
  return zlib.gzipSync(bytes, { level: 9 }).length;
}

/**
 * The files a page loads before it is ready: its HTML, the style sheet, scripts, the app's
 * JavaScript and WebAssembly, the clinic settings and the icon. Every URL in the built pages is
 * relative to the guide's root (`<base>`), so these are paths under `dist`.
 */
export function firstViewFiles(dist, page) {
  const html = readFileSync(path.join(dist, page, 'index.html'), 'utf8');
  const linked = [...html.matchAll(/<(?:link rel="(?:stylesheet|icon)"|script) [^>]*(?:href|src)="\.?\/?([^"]+)"/g)].map((m) => m[1]);
  // start.js names the app's files; it loads them once the page has painted.
  const scripts = linked.filter((f) => f.endsWith('.js')).map((f) => readFileSync(path.join(dist, f), 'utf8'));
  const app = [...new Set(scripts.flatMap((js) => [...js.matchAll(/'\.\/(app-[^']+\.(?:js|wasm))'/g)].map((m) => m[1])))];
  if (!app.some((f) => f.endsWith('.wasm'))) throw new Error(`${page || 'home'}: no script names the app's WebAssembly`);
  return [path.join(page, 'index.html'), ...linked, ...app, 'config.json'];
}

function check(dist = 'dist') {
  const wasm = readdirSync(dist).filter((f) => f.endsWith('.wasm'));
  const problems = [];
  for (const file of wasm) {
    const size = gzipSize(readFileSync(path.join(dist, file)));
    console.log(`wasm ${file}: ${(size / 1024).toFixed(1)} KiB gzip (budget ${BUDGETS.wasmGzip / 1024} KiB)`);
    if (size > BUDGETS.wasmGzip) problems.push(`${file} is ${(size / 1024).toFixed(1)} KiB gzip`);
  }
  const pages = ['', ...readdirSync(dist, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => `${d.name}/`)];
  for (const page of pages) {
    const size = firstViewFiles(dist, page).reduce((sum, f) => sum + gzipSize(readFileSync(path.join(dist, f))), 0);
    console.log(`first view ${page || 'home'}: ${(size / 1024).toFixed(1)} KiB gzip (budget ${BUDGETS.firstViewGzip / 1024} KiB)`);
    if (size > BUDGETS.firstViewGzip) problems.push(`first view of ${page || 'home'} is ${(size / 1024).toFixed(1)} KiB gzip`);
  }
  if (problems.length) {
    console.error(`Over budget: ${problems.join('; ')}`);
    process.exitCode = 1;
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) check(process.argv[2]);
