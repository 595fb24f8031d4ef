// What every end-to-end file shares: the built site served on 127.0.0.1 under a sub-path, one
// Chromium, and the list of pages.
import { before, after } from 'node:test';
import { startServer } from './server.mjs';
import { launch } from './browser.mjs';

export const PREFIX = '/clinic/baclofen/';

/** Every page: its path under the app and its main heading. */
export const PAGES = [
  ['', 'Baclofen: a plain guide'],
  ['about/', 'About baclofen'],
  ['how-it-works/', 'How baclofen works'],
  ['forms/', 'Forms and strengths'],
  ['taking/', 'Taking baclofen'],
  ['missed-dose/', 'If you miss a dose'],
  ['side-effects/', 'Side effects and red flags'],
  ['stopping/', 'Stopping baclofen safely'],
  ['medicines-alcohol-driving/', 'Other medicines, alcohol and driving'],
  ['special-situations/', 'Special situations'],
  ['overdose/', 'Too much baclofen (overdose)'],
  ['living-with/', 'Living with baclofen'],
  ['other-treatments/', 'Other treatments'],
  ['storage/', 'Storing and getting rid of baclofen'],
  ['questions/', 'Questions people ask'],
  ['glossary/', 'Words explained'],
  ['sources/', 'Sources and review'],
  ['search/', 'Search this guide'],
];

/**
 * Serves `dist/` and starts the browser before this file's tests, and stops both after.
 * The returned object gets `url` (the app's address), `origin`, `server` and `browser`.
 */
export function useSite() {
  const site = {};
  before(async () => {
    site.server = await startServer({ root: 'dist', prefix: PREFIX });
    site.url = site.server.url;
    site.origin = new URL(site.url).origin;
    site.browser = await launch();
  });
  after(async () => {
    await site.browser?.close();
    await site.server?.close();
  });
  return site;
}
