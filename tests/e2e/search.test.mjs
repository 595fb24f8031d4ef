// Search that speaks patient (issue #17), in Chromium against the built site: the everyday
// searches of search-queries.txt typed into the search box (found by its label, as a person
// would), each with the section a reader should see first; "Sick after a dose?" leads to the
// missed-dose helper; and the same searches work offline from the service worker's copy.
// xtask/src/search_index.rs runs every line natively on each `cargo test`; here the real page
// and search.js answer them.
import { test } from 'node:test';
import { readFileSync } from 'node:fs';
import assert from 'node:assert/strict';
import { assertClean, openPage, waitForApp, waitForOfflineCopy } from './browser.mjs';
import { useSite } from './site.mjs';

const site = useSite();

/** `query | href | heading` lines, comments and blank lines left out. */
const QUERIES = readFileSync(new URL('./search-queries.txt', import.meta.url), 'utf8')
  .split('\n')
  .filter((line) => line.trim() && !line.startsWith('#'))
  .map((line) => line.split(' | ').map((part) => part.trim()));

/** The first result's heading and address, once the results are there. */
async function firstResult(page) {
  const link = page.locator('#search-results li').first().getByRole('link');
  await link.waitFor();
  return { heading: await link.innerText(), href: await link.getAttribute('href') };
}

test('every everyday search shows the right section first in the real page', async () => {
  assert.ok(QUERIES.length >= 40, `${QUERIES.length} queries`);
  const { context, page, problems } = await openPage(site.browser, site.origin);
  await page.goto(site.url + 'search/');
  const input = page.getByLabel('Search for');
  const wrong = [];
  for (const [query, href, heading] of QUERIES) {
    await input.fill('');
    await page.locator('#search-results li').first().waitFor({ state: 'detached' });
    await input.fill(query);
    const first = await firstResult(page);
    if (first.href !== href || first.heading !== heading) {
      wrong.push(`${query}: want ${heading} (${href}), got ${first.heading} (${first.href})`);
    }
  }
  assert.deepEqual(wrong, [], `${wrong.length} of ${QUERIES.length} wrong`);
  assertClean(problems);
  await context.close();
});

test('typing "threw up" letter by letter leads to the missed-dose helper, which asks about vomiting', async () => {
  const { context, page, problems } = await openPage(site.browser, site.origin);
  await page.goto(site.url + 'search/');
  await page.getByLabel('Search for').pressSequentially('threw up');
  assert.deepEqual(await firstResult(page), { heading: 'Sick after a dose?', href: 'missed-dose/#missed-dose-tool' });
  const result = page.locator('#search-results li').first();
  assert.match(await result.innerText(), /In: If you miss a dose/);
  assert.match(await result.innerText(), /came back up \(vomited\)/);
  assert.match(await page.locator('#search-status').innerText(), /match(es)? “threw up”/);
  await result.getByRole('link').click();
  await page.waitForURL(site.url + 'missed-dose/#missed-dose-tool');
  await waitForApp(page);
  // The helper asks what happened, and a dose that came back up is one of the answers.
  const helper = page.locator('#missed-dose-tool');
  await helper.getByLabel('An adult').check();
  await helper.getByLabel('Tablets').check();
  await helper.getByLabel('How many times a day?').selectOption({ label: '3 times a day' });
  await helper.getByRole('group', { name: 'What happened?' }).getByLabel(/came back up \(vomited\)/).check();
  assertClean(problems);
  await context.close();
});

test('a search with a word the guide never uses still shows the sections with the others', async () => {
  const { context, page, problems } = await openPage(site.browser, site.origin);
  await page.goto(site.url + 'search/?q=' + encodeURIComponent('glass of wine'));
  assert.deepEqual(await firstResult(page), { heading: 'Can I drink alcohol?', href: 'questions/#can-i-drink-alcohol' });
  assert.doesNotMatch(await page.locator('#search-status').innerText(), /Nothing matches/);
  // Words only a synonym knows find nothing made up: an unknown word alone finds nothing.
  await page.getByLabel('Search for').fill('zebra');
  assert.match(await page.locator('#search-status').innerText(), /Nothing matches “zebra”/);
  assert.equal(await page.locator('#search-results li').count(), 0);
  assertClean(problems);
  await context.close();
});

test('patient words find their sections offline, from the offline copy', async () => {
  const { context, page, problems } = await openPage(site.browser, site.origin);
  await page.goto(site.url);
  await waitForApp(page);
  await waitForOfflineCopy(page);
  await context.setOffline(true);
  await page.goto(site.url + 'search/');
  const input = page.getByLabel('Search for');
  for (const [query, href, heading] of QUERIES.filter(([q]) => ['pump beeping', 'sleeping tablet', 'can I drink alcohol', 'vomit'].includes(q))) {
    await input.fill(query);
    assert.deepEqual(await firstResult(page), { heading, href }, `offline: ${query}`);
  }
  await context.setOffline(false);
  assert.deepEqual(problems.foreignRequests, []);
  await context.close();
});

// Attack review 2026-12-07 B3: a link to search/?q= shows no phone number and no bidi-controlled
// text as if it were the guide's words; the person's own words are quoted and isolated.
test("B3: a search link never shows a phone number or reversed text as the guide's words", async () => {
  const { context, page, problems } = await openPage(site.browser, site.origin);
  const status = page.locator('#search-status');
  for (const q of [
    'Riverside%20Neurology%20has%20a%20new%20number%3A%20ring%200909%20879%200555%20now',
    '%E2%80%AEwon%205550%20978%209090%20llac%20%2Cffo%20si%20999%20%3AygolorueN%20edisreviR',
    'call%20%EF%BC%90%EF%BC%99%EF%BC%90%EF%BC%99%20now',
  ]) {
    await page.goto(site.url + 'search/?q=' + q);
    await page.locator('.search:not([hidden])').waitFor();
    assert.equal(await page.getByLabel('Search for').inputValue(), '', 'a link\'s words holding a number are not filled in');
    const text = await page.locator('main').innerText();
    assert.doesNotMatch(text, /0909|9090|0555|5550|\u202e|\uff10/, q);
  }
  // The person's own words: quoted, in their own isolate, and a typed number is not echoed.
  await page.goto(site.url + 'search/?q=%E2%80%AEalcohol');
  await page.locator('#search-results li').first().waitFor();
  assert.equal(await page.getByLabel('Search for').inputValue(), 'alcohol', 'hidden formatting stripped');
  assert.equal(await status.locator('bdi.search__query').innerText(), 'alcohol');
  assert.match(await status.innerText(), /\u201calcohol\u201d/);
  await page.getByLabel('Search for').fill('alcohol 0909 879 0555');
  await page.locator('#search-results li').first().waitFor();
  await page.waitForFunction(() => !document.querySelector('#search-status bdi'));
  assert.doesNotMatch(await status.innerText(), /0909|\u201c/);
  assertClean(problems);
  await context.close();
});
