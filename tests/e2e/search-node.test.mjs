// The everyday searches of search-queries.txt answered by static/search.js itself, in node (no
// browser, no copy of its rules): the file runs as it does in the page, against a small stand-in
// for the page's search box (tests/js/search-page.mjs) and the search-index.json the build wrote
// (dist/, or the file named by SEARCH_INDEX, which `cargo run -p xtask -- search-index <file>`
// writes without a build).
// Each line's first result must be the place a reader should land; a line marked `crisis`
// must also bring up the crisis box above the results, and no other line may.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { searchPage as standIn } from '../js/search-page.mjs';

// The built site's index (as site.mjs finds dist/), unless SEARCH_INDEX names another.
const INDEX = readFileSync(process.env.SEARCH_INDEX || `${process.env.E2E_DIST || 'dist'}/search-index.json`, 'utf8');

/** `query | href | heading` lines (a fourth part, `crisis`, marks crisis words). */
export const QUERIES = readFileSync(new URL('./search-queries.txt', import.meta.url), 'utf8')
  .split('\n')
  .filter((line) => line.trim() && !line.startsWith('#'))
  .map((line) => line.split(' | ').map((part) => part.trim()));

/** Runs search.js on a stand-in search page in this time zone; returns `search(query)`. */
function searchPage({ index = INDEX, ...options } = {}) {
  return standIn({ index, ...options });
}

test('every everyday search leads to the place a reader should land, by search.js itself', async () => {
  const search = await searchPage();
  assert.ok(QUERIES.length >= 120, `${QUERIES.length} queries`);
  const wrong = [];
  for (const [query, href, heading, mark] of QUERIES) {
    const found = search(query);
    const first = found.results[0];
    if (!first || first.href !== href || first.heading !== heading) {
      const top = found.results.slice(0, 3).map((r) => `${r.heading} (${r.href})`).join('; ');
      wrong.push(`${query}: want ${heading} (${href}), got ${top || 'nothing'}`);
    }
    if (found.crisis !== (mark === 'crisis')) wrong.push(`${query}: crisis box ${found.crisis ? 'shown' : 'not shown'}`);
  }
  assert.deepEqual(wrong, [], `${wrong.length} of ${QUERIES.length} wrong`);
});

test('crisis words show the crisis line of the device\'s region first, and the status says it first', async () => {
  for (const [timeZone, line] of [
    ['Europe/London', 'Call Samaritans: 116 123'],
    ['America/Indiana/Indianapolis', 'Call 988 Suicide & Crisis Lifeline: 988'],
    ['Australia/Perth', 'Call Lifeline: 13 11 14'],
    ['Asia/Tokyo', null],
  ]) {
    const search = await searchPage({ timeZone });
    for (const query of ['feel like killing myself', 'I want to die', 'I just want to end it all', 'hurting myself', 'Suicidal thoughts']) {
      const found = search(query);
      assert.equal(found.crisis, true, `${timeZone}: ${query}`);
      assert.equal(found.crisisLine, line, `${timeZone}: ${query}`);
      assert.equal(found.results[0]?.href, 'side-effects/#thoughts-of-harming-yourself', `${timeZone}: ${query}`);
      assert.match(found.status, line ? new RegExp(`^Crisis\\. ${line.replace(/[()]/g, '\\$&')}\\. `) : /^Crisis\. /);
    }
    // Clearing the words hides the box again.
    assert.equal(search('').crisis, false);
  }
});

test('words the guide never uses find nothing, and do not hide the results of the others', async () => {
  const search = await searchPage();
  for (const query of ['zebra', 'zebra giraffe']) assert.deepEqual(search(query).results, [], query);
  assert.deepEqual(search('the and of').results, []);
  assert.equal(search('the and of').status, 'Type a longer word.');
  assert.deepEqual(search('zebra wine').results, search('wine').results);
});

test('the start page\'s box fetches the index when the reader first comes to it, and then answers', async () => {
  const search = await searchPage({ lazy: true });
  assert.equal(search('pump beeping').results[0].href, 'stopping/#pump-alarms');
});

/** The built index's synonym groups and crisis words, with these stand-in sections (one word each). */
function indexWith(words) {
  const real = JSON.parse(INDEX);
  const entries = words.map((w) => ({ title: w, page: 'Test', href: `${w}/`, snippet: '', t: 'section', p: 'test', w }));
  return JSON.stringify({ ...real, entries });
}

test('a synonym under 4 letters finds only the whole word; a longer one finds the words it starts', async () => {
  const search = await searchPage({ index: indexWith(['weeks', 'urinary', 'wee', 'vomiting', 'sickly']) });
  const found = (query) => search(query).results.map((r) => r.href).sort();
  // "urine" is in a group with "wee" and "pee": "wee" is whole ("weeks" is not found), and no
  // word starts "urine" here ("urinary" is another word).
  assert.deepEqual(found('urine'), ['wee/']);
  // "puke" is in a group with "vomit" (5 letters), which finds "vomiting".
  assert.ok(found('puke').includes('vomiting/'), found('puke').join());
});

test('every synonym group finds a section of the guide (a group that finds nothing leads nowhere)', async () => {
  const search = await searchPage();
  const { synonyms } = JSON.parse(INDEX);
  assert.ok(synonyms.length >= 20, `${synonyms.length} groups`);
  const nowhere = synonyms.filter((members) => search(members[0]).results.length === 0);
  assert.deepEqual(nowhere, [], 'content/search.toml: no word of these groups is in the guide');
});
