// What every end-to-end file shares: the built site served on 127.0.0.1 under a sub-path, one
// Chromium, and the list of pages as the build wrote it.
import { before, after, afterEach } from 'node:test';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { startServer } from './server.mjs';
import { launch } from './browser.mjs';

export const PREFIX = '/clinic/baclofen/';

/**
 * The built site: `dist/`, or the folder in `E2E_DIST` (scripts/add-a-page.sh walks a build with
 * one extra page this way).
 */
export const DIST_DIR = process.env.E2E_DIST || 'dist';
const DIST = pathToFileURL(`${path.resolve(DIST_DIR)}/`);

/** `&amp;` and friends, as the prerenderer writes them, back to text. */
function unescape(html) {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .trim();
}

/**
 * The built pages as `{ slug, path, title, headings: [{ id, text }], modules }`, read from what
 * the build wrote, never copied here: `dist/build-manifest.json` (written by `xtask`), else the
 * prerendered HTML (the start page's links in order, each page's `<h1>` and section headings).
 */
function builtPages() {
  const manifest = new URL('build-manifest.json', DIST);
  if (existsSync(manifest)) {
    return JSON.parse(readFileSync(manifest, 'utf8')).pages;
  }
  const html = (path) => readFileSync(new URL(`${path}index.html`, DIST), 'utf8');
  // The start page's contents list the sections in order; its other links add the rest (search).
  const home = html('');
  const contents = home.slice(home.search(/<nav [^>]*class="contents"/));
  const paths = [''];
  for (const [, href] of `${contents}${home}`.matchAll(/<a [^>]*href="([a-z0-9-]+\/)"/g)) {
    if (!paths.includes(href) && existsSync(new URL(`${href}index.html`, DIST))) paths.push(href);
  }
  return paths.map((path) => {
    const page = html(path);
    // The page's own text: from `<main` to the guide-wide contents list, if the page has one.
    const start = page.indexOf('<main');
    const rest = page.slice(start, page.indexOf('</main>', start));
    const end = rest.search(/<nav [^>]*class="contents"/);
    const main = end < 0 ? rest : rest.slice(0, end);
    return {
      slug: path ? path.slice(0, -1) : 'home',
      path,
      title: unescape(main.match(/<h1[^>]*>([\s\S]*?)<\/h1>/)[1]),
      headings: [...main.matchAll(/<h2 id="([^"]+)" tabindex="-1">([\s\S]*?)<\/h2>/g)].map(([, id, text]) => ({
        id,
        text: unescape(text),
      })),
      modules: [...main.matchAll(/data-module="([^"]+)"/g)].map(([, name]) => name),
    };
  });
}

/** Every built page, home first: `{ slug, path, title, headings, modules }`. */
export const BUILT_PAGES = builtPages();

/** Every page: its path under the app and its main heading. */
export const PAGES = BUILT_PAGES.map((page) => [page.path, page.title]);

/**
 * Serves `dist/` and starts the browser before this file's tests, and stops both after.
 * The returned object gets `url` (the app's address), `origin`, `server` and `browser`.
 */
export function useSite() {
  const site = {};
  before(async () => {
    site.server = await startServer({ root: DIST_DIR, prefix: PREFIX });
    site.url = site.server.url;
    site.origin = new URL(site.url).origin;
    site.browser = await launch();
  });
  // Every context a test opened is closed when it ends, passed or failed, so one failure never
  // leaves pages running into the next test.
  afterEach(async () => {
    for (const context of site.browser?.contexts() ?? []) await context.close();
  });
  after(async () => {
    await site.browser?.close();
    await site.server?.close();
  });
  return site;
}
