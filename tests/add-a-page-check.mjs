// Reads a build that had one page added (scripts/add-a-page.sh) and checks the page reached every
// place a page must be, with no other edit: its own folder, the build manifest (in navigation order,
// after the page it was placed after), every page's footer navigation, the start page's contents,
// the search index and the offline list.
// Usage: node tests/add-a-page-check.mjs <dist> <slug> <slug it follows>
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const [dist, slug, after] = process.argv.slice(2);
const read = (file) => readFileSync(path.join(dist, file), 'utf8');
const checks = [];
function check(what, fn) {
  fn();
  checks.push(what);
}

const manifest = JSON.parse(read('build-manifest.json'));
const slugs = manifest.pages.map((p) => p.slug);
const page = manifest.pages.find((p) => p.slug === slug);

check('the build manifest lists the page after the one it follows', () => {
  assert.ok(page, `${slug} is not in build-manifest.json: ${slugs.join(', ')}`);
  assert.equal(slugs.indexOf(slug), slugs.indexOf(after) + 1, slugs.join(', '));
  assert.equal(page.path, `${slug}/`);
  assert.ok(page.headings.length >= 1, 'its heading is in the manifest');
});

check('the page is prerendered with its title and heading', () => {
  const file = path.join(dist, slug, 'index.html');
  assert.ok(existsSync(file), `${file} is missing`);
  const html = readFileSync(file, 'utf8');
  assert.match(html, new RegExp(`<h1[^>]*>${page.title}</h1>`));
  for (const heading of page.headings) assert.ok(html.includes(`id="${heading.id}"`), heading.id);
  assert.match(html, new RegExp(`<title>${page.title} `));
});

check('every page links to it in its footer navigation', () => {
  for (const other of manifest.pages) {
    const html = read(path.join(other.path, 'index.html'));
    // Links are relative to the page's <base>, the guide's root.
    const footer = html.slice(html.indexOf('<footer'));
    assert.ok(footer.includes(`href="${slug}/"`), `${other.slug} has no footer link to ${slug}`);
  }
});

check('the start page lists it in its contents', () => {
  const home = read('index.html');
  const contents = home.slice(home.search(/<nav [^>]*class="contents"/));
  assert.ok(contents.includes(`href="${slug}/"`), 'the contents list has no link to the page');
});

check('the search index finds it', () => {
  const index = JSON.parse(read('search-index.json'));
  assert.ok(index.entries.some((e) => e.href.startsWith(`${slug}/`)), 'no search entry links to the page');
});

check('the offline list holds it', () => {
  const sw = read('sw.js');
  assert.ok(sw.includes(`"${slug}/"`) || sw.includes(`"${slug}/index.html"`), 'sw.js does not precache the page');
});

console.log(`add-a-page: ${slug} reached ${checks.length} places: ${checks.join('; ')}`);
