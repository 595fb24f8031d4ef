// Unit tests of static/search.js, in node, with no build: the script runs as it does in the page
// (tests/js/search-page.mjs) against a small hand-made search-index.json, so each rule is seen on
// its own: word forms, headings first, common words, synonyms, the crisis box and its line for
// the reader's region (fact sheet §0c), and words that are never echoed back (a number a person
// could call, hidden formatting). The everyday queries against the real index are
// tests/e2e/search-node.test.mjs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { searchPage } from './search-page.mjs';

/** One section of the index: heading words `t`, page title and keywords `p`, text words `w`. */
function entry(title, page, href, t, p, w, snippet = '') {
  return { title, page, href, snippet, t, p, w };
}

const THOUGHTS = 'side-effects/#thoughts-of-harming-yourself';

// The shape xtask writes (lower-case words, common words left out, crisis phrases likewise).
const INDEX = JSON.stringify({
  entries: [
    entry('Missed a dose', 'If you miss a dose', 'missed-dose/', 'missed dose', 'miss', 'tablet remember late'),
    entry('Sick after a dose?', 'If you miss a dose', 'missed-dose/#sick', 'sick after dose', 'miss', 'vomit tablets came back'),
    entry('Pump alarms', 'Stopping baclofen', 'stopping/#pump-alarms', 'pump alarms', 'stopping', 'beep refill low'),
    entry('Alcohol', 'Medicines, alcohol and driving', 'medicines/#alcohol', 'alcohol', 'medicines alcohol driving', 'drink wine beer drowsy'),
    entry('Driving', 'Medicines, alcohol and driving', 'medicines/#driving', 'driving', 'medicines alcohol driving', 'car machines drowsy'),
    entry('Pregnancy and babies', 'Pregnancy', 'pregnancy/', 'pregnancy baby', 'pregnancy', 'breastfeeding milk'),
    entry('Fits after stopping', 'Stopping baclofen', 'stopping/#fits', 'fit stop', 'stopping', 'seizure sudden'),
    entry('Liquid baclofen', 'How to take it', 'taking/#liquid', 'liquid baclofen', 'taking', 'syringe measure'),
    entry('Thoughts of harming yourself', 'Side effects', THOUGHTS, 'thoughts harming yourself', 'side effects', 'mood low'),
    entry('Side effects', 'Side effects', 'side-effects/', 'side effects', 'side effects', 'sleepy dizzy weak'),
  ],
  synonyms: [['vomit', 'threw up', 'being sick', 'puke']],
  crisis: { href: THOUGHTS, phrases: ['kill myself', 'want die', 'end all'] },
});

const hrefs = (found) => found.results.map((r) => r.href);
const first = (found) => found.results[0]?.href;

test('a word finds its other forms: plurals, -ing, -ed, -ies', async () => {
  const search = await searchPage({ index: INDEX });
  // Typed longer forms find the sections written with the short word, and back again.
  assert.equal(first(search('beeping')), 'stopping/#pump-alarms');
  assert.equal(first(search('babies')), 'pregnancy/');
  assert.equal(first(search('fits')), 'stopping/#fits');
  assert.equal(first(search('stopped')), 'stopping/#fits');
  assert.equal(first(search('liquids')), 'taking/#liquid');
  assert.equal(first(search('alarm')), 'stopping/#pump-alarms');
});

test('a word being typed finds the words it starts, so results come as the reader types', async () => {
  const search = await searchPage({ index: INDEX });
  assert.equal(first(search('alco')), 'medicines/#alcohol');
  assert.equal(first(search('pregn')), 'pregnancy/');
});

test('a section whose heading holds the word comes before one that only mentions it', async () => {
  const search = await searchPage({ index: INDEX });
  // "alcohol" is in both sections' page keywords; only one has it as its heading.
  assert.deepEqual(hrefs(search('alcohol')).slice(0, 2), ['medicines/#alcohol', 'medicines/#driving']);
  // "sick" is the heading of one section; "drowsy" only in the text of two, in the index's order.
  assert.equal(first(search('sick')), 'missed-dose/#sick');
  assert.deepEqual(hrefs(search('drowsy')), ['medicines/#alcohol', 'medicines/#driving']);
});

test('common words alone ask the reader for more, and beside other words are left out', async () => {
  const search = await searchPage({ index: INDEX });
  const found = search('what is the');
  assert.deepEqual(found.results, []);
  assert.equal(found.status, 'Type a longer word.');
  assert.deepEqual(hrefs(search('what about the pump alarms')), hrefs(search('pump alarms')));
  // An empty box says nothing.
  assert.equal(search('   ').status, '');
});

test('the name of the medicine beside other words does not pull in every section about it', async () => {
  const search = await searchPage({ index: INDEX });
  assert.equal(first(search('can I drink on baclofen')), 'medicines/#alcohol');
  assert.deepEqual(hrefs(search('can I drink on baclofen')), ['medicines/#alcohol']);
  // Alone, it is the word to find.
  assert.ok(hrefs(search('baclofen')).includes('taking/#liquid'));
});

test('a phrase of a synonym group finds the sections written with another of its words', async () => {
  const search = await searchPage({ index: INDEX });
  assert.equal(first(search('threw up')), 'missed-dose/#sick');
  assert.equal(first(search('my child threw up after his tablets')), 'missed-dose/#sick');
  assert.equal(first(search('puke')), 'missed-dose/#sick');
});

test('words that find nothing leave the others to find their sections, and the status says so', async () => {
  const search = await searchPage({ index: INDEX });
  assert.deepEqual(hrefs(search('zebra pump')), hrefs(search('pump')));
  const none = search('zebra');
  assert.deepEqual(none.results, []);
  assert.equal(none.status, 'Nothing matches “zebra”.');
  assert.equal(none.echoed, 'zebra');
  const one = search('syringe');
  assert.equal(one.status, '1 section matches “syringe”.');
  // No section has both words: those with one are shown, and the reader is told.
  const partial = search('syringe seizure');
  assert.deepEqual(hrefs(partial).sort(), ['stopping/#fits', 'taking/#liquid']);
  assert.match(partial.status, /None has all your words\.$/);
});

test('a result on a part of a page names its page; a whole page does not name itself', async () => {
  const search = await searchPage({ index: INDEX });
  const [alcohol] = search('alcohol').results;
  assert.equal(alcohol.page, 'In: Medicines, alcohol and driving');
  const [sideEffects] = search('dizzy').results;
  assert.equal(sideEffects.heading, 'Side effects');
  assert.equal(sideEffects.page, null);
});

test('words about killing oneself show the crisis line of the reader\'s region first (fact sheet §0c)', async () => {
  for (const [timeZone, line] of [
    ['Europe/London', 'Call Samaritans: 116 123'],
    ['Europe/Dublin', 'Call Samaritans: 116 123'],
    ['America/Indiana/Indianapolis', 'Call 988 Suicide & Crisis Lifeline: 988'],
    ['Australia/Perth', 'Call Lifeline: 13 11 14'],
    // A region the guide has no crisis line for: the box (which says to call the local emergency
    // number), with no line of another country's.
    ['Asia/Tokyo', null],
  ]) {
    const search = await searchPage({ index: INDEX, timeZone });
    for (const query of ['I want to die', 'feel like killing myself', 'I want to end it all']) {
      const found = search(query);
      assert.equal(found.crisis, true, `${timeZone}: ${query}`);
      assert.equal(found.crisisLine, line, `${timeZone}: ${query}`);
      assert.equal(first(found), THOUGHTS, `${timeZone}: ${query}`);
      // Said first, before the results.
      assert.ok(found.status.startsWith(line ? `Crisis. ${line}. ` : 'Crisis. '), found.status);
    }
    assert.equal(search('pump alarms').crisis, false, timeZone);
    assert.equal(search('').crisis, false, timeZone);
  }
});

test('the region a clinic chose wins over the device\'s time zone for the crisis line', async () => {
  const search = await searchPage({ index: INDEX, timeZone: 'Europe/London', region: 'au' });
  assert.equal(search('kill myself').crisisLine, 'Call Lifeline: 13 11 14');
});

test('crisis words in another order, or apart, are not a crisis phrase', async () => {
  const search = await searchPage({ index: INDEX });
  assert.equal(search('die want').crisis, false);
  assert.equal(search('want to stop my tablets, will I die').crisis, false);
});

test('the crisis section comes first even when another section matches the words better', async () => {
  const search = await searchPage({ index: INDEX });
  const found = search('I want to die, side effects');
  assert.equal(first(found), THOUGHTS);
  assert.equal(hrefs(found).filter((h) => h === THOUGHTS).length, 1, 'listed once');
});

test('words holding a number a person could call are never echoed back as the guide\'s', async () => {
  const search = await searchPage({ index: INDEX });
  for (const query of ['call 0800 123 456 pump', 'pump ١٢٣', 'pump 9 9 9']) {
    const found = search(query);
    assert.equal(found.echoed, null, query);
    assert.ok(!/\d{3}|١٢٣|9 9 9/.test(found.status), `${query}: ${found.status}`);
    assert.equal(first(found), 'stopping/#pump-alarms', query);
  }
  // Two digits are not a phone number: "12 tablets" is echoed.
  assert.equal(search('12 tablets').echoed, '12 tablets');
});

test('hidden characters that reorder text are taken out of the echoed words', async () => {
  const search = await searchPage({ index: INDEX });
  const found = search('pump\u202Esmrala\u200B');
  assert.equal(found.echoed, 'pumpsmrala');
  assert.ok(!/[\u202E\u200B]/.test(found.status));
  // The echo is at most 60 characters.
  assert.equal(search(`pump ${'x'.repeat(100)}`).echoed.length, 60);
});

test('a link to the search page starts with its words, unless they hold a number', async () => {
  const filled = await searchPage({ index: INDEX, address: '?q=alcohol' });
  assert.equal(filled.input.value, 'alcohol');
  assert.equal(first(filled.read()), 'medicines/#alcohol');
  const refused = await searchPage({ index: INDEX, address: '?q=call%20999%20now' });
  assert.equal(refused.input.value, '');
  assert.deepEqual(refused.read().results, []);
});

test('the start page\'s box fetches the index only when the reader comes to it', async () => {
  const search = await searchPage({ index: INDEX, lazy: true });
  assert.equal(first(search('pump beeping')), 'stopping/#pump-alarms');
});
