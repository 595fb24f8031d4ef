// The dose-change planner (#20) in Chromium, used as a carer and a patient would, by the words on
// the page: a child's liquid step-up from the specialist's letter and an adult's two-week step-down
// become dated plans that match a hand calculation; bad input keeps what was typed; the plan
// prints on one page of A4 and of Letter; the calendar file is read back by ical.js; axe finds
// nothing in any state; and it all works offline.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import ICAL from 'ical.js';
import { axeViolations, assertClean, launchWithTextSize, openPage, waitForApp, waitForOfflineCopy } from './browser.mjs';
import { startServer } from './server.mjs';
import { PREFIX, useSite, DIST_DIR } from './site.mjs';

const site = useSite();
const PAGE = 'dose-planner/';

async function open(options = {}, url = site.url, origin = site.origin) {
  const opened = await openPage(site.browser, origin, {
    timezoneId: 'Europe/London',
    locale: 'en-GB',
    acceptDownloads: true,
    ...options,
  });
  await opened.page.goto(url + PAGE);
  await waitForApp(opened.page);
  await tool(opened.page).getByRole('button', { name: 'Make the plan' }).waitFor();
  return opened;
}

const tool = (page) => page.locator('#planner-tool');

/** Fills the form as a person would, by the labels they read. */
async function enter(page, plan) {
  const t = tool(page);
  await t.getByRole('radio', { name: plan.who }).check();
  await t.getByRole('radio', { name: plan.form }).check();
  await t.getByLabel(plan.form === 'Tablets' ? 'Tablet strength' : 'Strength of the liquid').selectOption({ label: plan.strength });
  await t.getByLabel('How many doses a day?').fill(String(plan.times.length));
  for (const [i, time] of plan.times.entries()) {
    await t.getByLabel(`Time of dose ${i + 1}`).fill(time);
  }
  await t.getByLabel('First day of the plan').fill(plan.from);
  await t.getByLabel('Starting dose, in mg').fill(plan.start);
  await t.getByRole('group', { name: 'Is that for each dose or for the whole day?' }).getByRole('radio', { name: 'For each dose' }).check();
  await t.getByRole('radio', { name: plan.up ? 'Going up' : 'Going down, or stopping' }).check();
  await t.getByLabel('Change at each step, in mg').fill(plan.step);
  await t.getByRole('group', { name: 'Is the change for each dose or for the whole day?' }).getByRole('radio', { name: 'For each dose' }).check();
  await t.getByLabel('Number of days between changes').fill(plan.every);
  await t.getByLabel('Dose to reach, in mg').fill(plan.end);
  await t.getByRole('button', { name: 'Make the plan' }).click();
}

async function rows(page) {
  const table = tool(page).getByRole('table');
  await table.waitFor();
  return table.locator('tbody tr').evaluateAll((trs) =>
    trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => c.textContent.trim())),
  );
}

// A specialist's letter (the numbers are the letter's): 2.5 mg three times a day, up by 2.5 mg a
// dose every 7 days to 10 mg three times a day; liquid 1 mg in 1 mL (fact sheet §2).
const CHILD = {
  who: 'A child (under 18)',
  form: 'Liquid (oral solution or suspension)',
  strength: '1 mg in 1 mL (5 mg in 5 mL)',
  times: ['07:00', '13:00', '19:00'],
  from: '2026-12-01',
  start: '2.5',
  up: true,
  step: '2.5',
  every: '7',
  end: '10',
};

// An adult's two-week step-down (NHS: usually over 1 to 2 weeks): 15 mg three times a day, down
// 5 mg a dose every 5 days, on UK 10 mg tablets (half a tablet = 5 mg, NHS-HOW).
const ADULT_DOWN = {
  who: 'An adult',
  form: 'Tablets',
  strength: '10 mg',
  times: ['08:00', '14:00', '20:00'],
  from: '2026-12-01',
  start: '15',
  up: false,
  step: '5',
  every: '5',
  end: '0',
};

test("a child's liquid step-up becomes a dated plan in mL that matches the hand calculation", async () => {
  const { page, problems } = await open();
  await enter(page, CHILD);
  const r = await rows(page);
  // Hand calculation: 2.5 ÷ 1 = 2.5 mL for 7 days, then 5, 7.5, and 10 mL from 22 December.
  assert.equal(r.length, 22);
  assert.deepEqual(r[0], ['Tuesday 1 December 2026', 'Start', '07:00, 13:00, 19:00', '2.5 mg', '2.5 mL', '7.5 mg']);
  assert.deepEqual(r[7].slice(0, 5), ['Tuesday 8 December 2026', 'Change 1', '07:00, 13:00, 19:00', '5 mg', '5 mL']);
  assert.deepEqual(r[14].slice(3), ['7.5 mg', '7.5 mL', '22.5 mg']);
  assert.deepEqual(r[21], ['Tuesday 22 December 2026', 'Change 3', '07:00, 13:00, 19:00', '10 mg', '10 mL', '30 mg']);
  const t = tool(page);
  assert.ok(await t.getByRole('heading', { name: 'Doses for a child' }).isVisible());
  assert.equal(await t.getByText('The US label says the most is').count(), 0, 'no adult maximum for a child');
  // A syringe picture per dose, each with its words.
  assert.ok(await t.getByRole('img', { name: /Fill the oral syringe to the 2\.5 mL mark/ }).isVisible());
  assert.deepEqual(await axeViolations(page), []);
  assertClean(problems);
});

test("an adult's two-week step-down in tablets, with the withdrawal signs and the symptom checker", async () => {
  const { page, problems } = await open();
  await enter(page, ADULT_DOWN);
  const r = await rows(page);
  // 15 mg (1 and a half tablets) 1–5 Dec, 10 mg 6–10 Dec, 5 mg 11–15 Dec, none from 16 Dec.
  assert.equal(r.length, 16);
  assert.deepEqual(r[0].slice(3), ['15 mg', '1 and a half tablets', '45 mg']);
  assert.deepEqual(r[5].slice(0, 5), ['Sunday 6 December 2026', 'Change 1', '08:00, 14:00, 20:00', '10 mg', '1 tablet']);
  assert.deepEqual(r[10].slice(3), ['5 mg', 'half a tablet', '15 mg']);
  assert.deepEqual(r[15], ['Wednesday 16 December 2026', 'Stop', 'No doses', '0', '', '0 mg']);
  const t = tool(page);
  // 15 days: not faster than the sources, so no "stops faster" card; the signs are always shown.
  assert.equal(await t.getByRole('heading', { name: 'This stops faster than our sources describe' }).count(), 0);
  assert.ok(await t.getByRole('heading', { name: 'While the dose goes down' }).isVisible());
  const checker = t.getByRole('link', { name: 'Check symptoms now' }).first();
  assert.match(await checker.getAttribute('href'), /side-effects\/?#red-flag-tool$/);
  assert.deepEqual(await axeViolations(page), []);
  assertClean(problems);
});

test('a stop in under a week gets the withdrawal card with its sources', async () => {
  const { page, problems } = await open();
  await enter(page, { ...ADULT_DOWN, start: '10', every: '3' });
  const card = tool(page).locator('[data-check=stops-faster-than-sources]');
  await card.waitFor();
  // Counted from the first reduction (4 Dec) to the stop (7 Dec), not from day 1 (fact sheet §13.14).
  assert.match(await card.innerText(), /to stopping in 3 days/);
  assert.match(await card.innerText(), /Sources: NHS-ABOUT/);
  assertClean(problems);
});

// Clinical review S8 (fact sheet §13.14): 20 mg three times a day for a week, then nothing. The old
// count (7 days from day 1) raised no warning at all.
test('a stop in one step after a week is always flagged, with the withdrawal signs and the symptom checker', async () => {
  const { page, problems } = await open();
  await enter(page, { ...ADULT_DOWN, start: '20', step: '20', every: '7' });
  const t = tool(page);
  const heading = t.getByRole('heading', { name: 'This plan stops all at once' });
  await heading.waitFor();
  const card = t.locator('[data-check=stops-in-one-step]');
  const words = await card.innerText();
  assert.match(words, /from 60 mg a day to nothing in one step/);
  for (const sign of ['high temperature', 'confusion', 'seeing things that are not there', 'fits', 'much stiffer muscles']) {
    assert.ok(words.includes(sign), `${sign} missing from: ${words}`);
  }
  const checker = card.getByRole('link', { name: 'Check symptoms now' });
  assert.match(await checker.getAttribute('href'), /side-effects\/?#red-flag-tool$/);
  // A single cut of more than half the day's total is flagged too, however slow the plan.
  await enter(page, { ...ADULT_DOWN, start: '20', step: '15', every: '14', end: '5' });
  const cut = t.locator('[data-check=big-cut]');
  await cut.waitFor();
  assert.match(await cut.innerText(), /from 60 mg to 15 mg a day in one step/);
  assert.equal(await cut.getByRole('link', { name: 'Check symptoms now' }).count(), 1);
  assert.deepEqual(await axeViolations(page), []);
  assertClean(problems);
});

// Fact sheet §13.14, decision (f): US 10 and 20 mg tablets are halved only after the person confirms
// a line across the tablet; US 5 mg is never halved (the question is not asked).
test('US 20 mg tablets are halved only after the person ticks "my tablet has a line across it"', async () => {
  const { page, problems } = await open({ timezoneId: 'America/New_York', locale: 'en-US' });
  const US = { ...ADULT_DOWN, strength: '20 mg', start: '10', up: true, step: '10', every: '3', end: '20' };
  await enter(page, US);
  let r = await rows(page);
  assert.deepEqual(r[0].slice(3, 5), ['10 mg', 'Does not fit: ask your pharmacist']);
  const t = tool(page);
  const line = t.getByRole('checkbox', { name: 'My tablet has a line across it (a score line)' });
  await line.check();
  await t.getByRole('button', { name: 'Make the plan' }).click();
  await t.getByRole('cell', { name: 'half a tablet' }).first().waitFor();
  r = await rows(page);
  assert.deepEqual(r[0].slice(3, 5), ['10 mg', 'half a tablet']);
  assert.deepEqual(r[3].slice(3, 5), ['20 mg', '1 tablet']);
  // Another strength clears the tick; 5 mg tablets are never asked about a line.
  await t.getByLabel('Tablet strength').selectOption({ label: '5 mg' });
  assert.equal(await t.getByRole('checkbox', { name: /line across it/ }).count(), 0);
  assert.deepEqual(await axeViolations(page), []);
  assertClean(problems);
});

// Review M8: a volume that is not whole tenths of a mL says which syringe to ask about, beside the
// volume. Decision (i): a child's plan above 40 mg a day when the carer says the child is under 8
// gets the quiet specialist flag, with no number in it.
test('odd syringe volumes and the children\'s specialist flag', async () => {
  const { page, problems } = await open();
  await tool(page).getByRole('radio', { name: 'A child (under 18)' }).check();
  await tool(page).getByRole('checkbox', { name: 'The child is under 8 years old' }).check();
  await enter(page, {
    who: 'A child (under 18)', form: 'Liquid (oral solution or suspension)', strength: '2 mg in 1 mL (10 mg in 5 mL)',
    times: ['07:00', '11:00', '15:00', '19:00'], from: '2026-12-01', start: '10', up: true, step: '2.5', every: '7', end: '12.5',
  });
  const r = await rows(page);
  assert.deepEqual(r[7].slice(3, 5), ['12.5 mg', '6.25 mL (ask your pharmacist which syringe to use)']);
  const t = tool(page);
  assert.ok(await t.getByRole('heading', { name: 'Ask your pharmacist which syringe to use' }).isVisible());
  assert.ok(await t.getByRole('img', { name: /6\.25 mL: ask your pharmacist which syringe to use/ }).isVisible());
  const flag = t.locator('[data-check=child-check-with-specialist]');
  await flag.waitFor();
  const words = await flag.innerText();
  assert.match(words, /Check the plan with the child's specialist/);
  assert.doesNotMatch(words.replace(/Sources:.*$/s, '').replace(/\d{1,2} December 2026/, ''), /\d/);
  assertClean(problems);
});

// Fact sheet §2: a 10 mg in 5 mL liquid is 2 mg in 1 mL; §13.10: mg and mL are always shown
// together. 2.25 mg is 2.25 ÷ 2 = 1.125 mL, between the syringe's marks: the mL it needs is
// shown with "ask your pharmacist", and the note above the plan speaks of the liquid.
test('a liquid dose between the syringe marks shows the mL it needs, under a note about the syringe', async () => {
  const { page, problems } = await open();
  await enter(page, {
    who: 'A child (under 18)', form: 'Liquid (oral solution or suspension)', strength: '2 mg in 1 mL (10 mg in 5 mL)',
    times: ['08:00', '20:00'], from: '2026-12-07', start: '2.5', up: false, step: '0.25', every: '7', end: '2',
  });
  const r = await rows(page);
  assert.equal(r.length, 15);
  assert.equal(r[7][0], 'Monday 14 December 2026');
  assert.equal(r[7][3], '2.25 mg');
  assert.match(r[7][4], /^1\.125 mL\b.*pharmacist/);
  assert.equal(r[14][4], '1 mL');
  const t = tool(page);
  const note = t.locator('[data-check=does-not-fit-liquid]');
  await note.waitFor();
  const words = await note.innerText();
  assert.match(words, /syringe/);
  assert.doesNotMatch(words, /tablet/i);
  assert.equal(await t.locator('[data-check=does-not-fit]').count(), 0);
  assert.deepEqual(await axeViolations(page), []);
  assertClean(problems);
});

// Issue 29: a typed first day is confirmed in words under the field, as its description
// (7 December 2026 is a Monday); nothing is pre-filled.
test('the first day of the plan is confirmed in words, read as the date field\'s description', async () => {
  const { page, problems } = await open();
  const field = tool(page).getByLabel('First day of the plan');
  assert.equal(await field.inputValue(), '');
  await field.fill('2026-12-07');
  await assert.doesNotReject(() =>
    page.waitForFunction(() => {
      const input = document.querySelector('#planner-tool input[type=date]');
      const ids = (input?.getAttribute('aria-describedby') || '').split(/\s+/);
      return ids.some((id) => document.getElementById(id)?.textContent.includes('Monday 7 December 2026'));
    }),
  );
  // The accessible description, as the accessibility tree computes it (Chromium, through CDP).
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  const node = nodes.find((n) => n.name?.value === 'First day of the plan' && !n.ignored && n.role?.value !== 'StaticText' && n.role?.value !== 'LabelText');
  assert.match(node?.description?.value ?? '', /Monday 7 December 2026/, JSON.stringify(node?.description));
  assert.ok(await tool(page).getByText('Monday 7 December 2026', { exact: true }).isVisible(), 'shown under the field');
  assertClean(problems);
});

test('bad input gets a message at each field and in the summary, and nothing typed is lost', async () => {
  const { page, problems } = await open();
  const t = tool(page);
  await t.getByRole('radio', { name: 'An adult' }).check();
  await t.getByRole('radio', { name: 'Tablets' }).check();
  await t.getByLabel('How many doses a day?').fill('3');
  await t.getByLabel('Starting dose, in mg').fill('ten');
  await t.getByLabel('Change at each step, in mg').fill('-5');
  await t.getByLabel('Number of days between changes').fill('0');
  await t.getByLabel('Dose to reach, in mg').fill('1000');
  await t.getByRole('button', { name: 'Make the plan' }).click();
  // The summary is named by its heading and takes focus (it is not a live region as well).
  const summary = t.getByRole('region', { name: 'There is a problem' });
  await summary.waitFor();
  const words = await summary.innerText();
  for (const expected of [
    'Enter the starting dose as a number, like 5 or 7.5',
    'Enter the change at each step as a number of 0 or more, without a minus sign',
    'Enter the number of days between changes as a number more than 0',
    'The number for the dose to reach is more than this page can plan',
    'Choose the strength',
  ]) {
    assert.ok(words.includes(expected), `${expected} missing from: ${words}`);
  }
  // The summary has focus, and each message is at its field too.
  assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('error-summary')), true);
  const start = t.getByLabel('Starting dose, in mg');
  assert.equal(await start.getAttribute('aria-invalid'), 'true');
  assert.match(await start.getAttribute('aria-describedby'), /planner-start-error/);
  // Nothing typed is lost.
  assert.equal(await start.inputValue(), 'ten');
  assert.equal(await t.getByLabel('Change at each step, in mg').inputValue(), '-5');
  assert.equal(await t.getByLabel('Number of days between changes').inputValue(), '0');
  assert.equal(await t.getByLabel('Dose to reach, in mg').inputValue(), '1000');
  assert.equal(await t.getByRole('table').count(), 0, 'no plan from bad input');
  assert.deepEqual(await axeViolations(page), []);
  // An end before the start when going up.
  await t.getByLabel('Tablet strength').selectOption({ label: '10 mg' });
  await enter(page, { ...ADULT_DOWN, up: true, start: '20', end: '5' });
  await summary.waitFor();
  assert.match(await summary.innerText(), /must be more than the starting dose when the dose is going up/);
  assert.equal(await t.getByLabel('Dose to reach, in mg').inputValue(), '5');
  assertClean(problems);
});

function pdfPages(buffer) {
  return (buffer.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
}

test('the two-week plan prints on one page of A4 and of Letter, without the form', async () => {
  const { page, problems } = await open();
  await enter(page, ADULT_DOWN);
  await rows(page);
  await page.emulateMedia({ media: 'print', colorScheme: 'light' });
  for (const hidden of ['#planner-tool form', '.site-header', 'nav']) {
    const shown = await page.locator(hidden).evaluateAll((els) => els.filter((el) => el.offsetParent !== null).length);
    assert.equal(shown, 0, `${hidden} is printed`);
  }
  assert.ok(await tool(page).getByRole('table').isVisible());
  for (const format of ['A4', 'Letter']) {
    const pdf = await page.pdf({ format, printBackground: false });
    assert.equal(pdfPages(pdf), 1, `${format}: one page`);
  }
  assertClean(problems);
});

test('the plan goes into a calendar: ical.js reads one event per dose and the last dose daily', async () => {
  const { page, problems } = await open();
  await enter(page, CHILD);
  await rows(page);
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    tool(page).getByRole('link', { name: 'Add this plan to my calendar' }).click(),
  ]);
  assert.equal(file.suggestedFilename(), 'dose-plan.ics');
  const text = readFileSync(await file.path(), 'utf8');
  const events = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
  // 21 days × 3 doses before the last step, then 3 daily events for 10 mg.
  assert.equal(events.length, 21 * 3 + 3);
  assert.equal(events[0].startDate.toString(), '2026-12-01T07:00:00');
  assert.equal(events[0].summary, 'Dose: 2.5 mg (2.5 mL)');
  const last = events.at(-1);
  assert.equal(last.startDate.toString(), '2026-12-22T19:00:00');
  assert.equal(last.component.getFirstPropertyValue('rrule').freq, 'DAILY');
  for (const e of events) {
    assert.doesNotMatch(`${e.summary} ${e.description}`, /baclofen/i, 'a shared calendar never names the medicine');
  }
  assertClean(problems);
});

test('offline after one visit: the planner starts and makes a plan with the server gone', async () => {
  const server = await startServer({ root: DIST_DIR, prefix: PREFIX, port: 0 });
  const origin = new URL(server.url).origin;
  const { context, page, problems } = await openPage(site.browser, origin, { timezoneId: 'Europe/London' });
  try {
    await page.goto(server.url + PAGE);
    await waitForApp(page);
    await waitForOfflineCopy(page);
    await server.close();
    await page.reload();
    await waitForApp(page);
    await tool(page).getByRole('button', { name: 'Make the plan' }).waitFor();
    await enter(page, ADULT_DOWN);
    assert.equal((await rows(page)).length, 16);
    assertClean(problems);
  } finally {
    await context.close();
  }
});

/**
 * What every live region in the page says now (aria-live, role=status or alert), non-empty
 * only; a region not rendered (display: none, as the start-up messages are until needed) says
 * nothing.
 */
async function liveWords(page) {
  return page.locator('[aria-live], [role=status], [role=alert]').evaluateAll((els) =>
    els.filter((el) => el.checkVisibility()).map((el) => el.textContent.trim()).filter((text) => text !== ''),
  );
}

// The screen-reader contract (issue 28 item 4): a new plan is said in one short sentence by the
// status line, the plan itself is outside any live region and focus stays where the person was;
// after a submission with problems the summary takes focus and no region speaks.
test('screen reader: a plan is said in one short sentence, and the plan is read in order (ARIA snapshot)', async () => {
  const { page, problems } = await open();
  await enter(page, ADULT_DOWN);
  await rows(page);
  const said = await liveWords(page);
  assert.equal(said.length, 1, JSON.stringify(said));
  assert.match(said[0], /Tuesday 1 December 2026/);
  assert.ok(said[0].split(/\s+/).length <= 25, said[0]);
  assert.doesNotMatch(said[0], /\.\s/, 'one sentence');
  assert.equal(await page.evaluate(() => !!document.activeElement?.closest('.planner__plan')), false, 'focus did not move too');
  const plan = tool(page).locator('.planner__plan');
  assert.equal(await plan.evaluate((p) => !!p.closest('[aria-live], [role=status], [role=alert]')), false);
  const tree = await plan.ariaSnapshot();
  assert.match(tree, /^- region "Your plan":/, tree);
  assert.match(tree, /- heading "Your plan" \[level=2\]/, tree);
  // A down plan always shows the withdrawal signs, before the table.
  assert.ok(tree.indexOf('heading "While the dose goes down"') < tree.indexOf('- table'), tree);
  assert.match(tree, /- region "Your plan by date":\s+- table "Your plan":/, tree);
  assert.match(tree, /- columnheader "Each dose"/, tree);
  assert.match(tree, /- rowheader "Tuesday 1 December 2026"/, tree);
  assert.match(tree, /- cell "1 and a half tablets"/, tree);
  assert.match(tree, /- button "Print this plan"/, tree);
  assert.match(tree, /- link "Add this plan to my calendar"/, tree);
  assertClean(problems);
});

test('screen reader: a too-fast plan is said with points to check, and its warning comes first (ARIA snapshot)', async () => {
  const { page, problems } = await open();
  // Clinical review S8 (fact sheet §13.14): 20 mg three times a day for a week, then nothing.
  await enter(page, { ...ADULT_DOWN, start: '20', step: '20', every: '7' });
  await rows(page);
  const said = await liveWords(page);
  assert.equal(said.length, 1, JSON.stringify(said));
  assert.match(said[0], /check/i, said[0]);
  assert.doesNotMatch(said[0], /\.\s/, 'one sentence');
  const tree = await tool(page).locator('.planner__plan').ariaSnapshot();
  const warned = tree.indexOf('heading "This plan stops all at once" [level=3]');
  assert.ok(warned > 0 && warned < tree.indexOf('- table'), tree);
  assert.match(tree, /- link "Check symptoms now"/, tree);
  assertClean(problems);
});

test('screen reader: the error summary takes focus, named by its heading, and no region speaks (ARIA snapshot)', async () => {
  const { page, problems } = await open();
  await enter(page, ADULT_DOWN);
  await rows(page);
  const t = tool(page);
  await t.getByLabel('Starting dose, in mg').fill('ten');
  await t.getByRole('button', { name: 'Make the plan' }).click();
  const summary = t.getByRole('region', { name: 'There is a problem' });
  await summary.waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('aria-labelledby')), 'planner-error-title');
  assert.deepEqual(await liveWords(page), [], 'focus moved: nothing is said as well');
  const tree = await summary.ariaSnapshot();
  assert.match(tree, /^- region "There is a problem":/, tree);
  assert.match(tree, /- heading "There is a problem" \[level=3\]/, tree);
  assert.match(tree, /- link "Enter the starting dose as a number, like 5 or 7\.5"/, tree);
  // Its link moves to the field.
  await summary.getByRole('link').first().click();
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'planner-start');
  assert.equal(await t.getByRole('table').count(), 0);
  assertClean(problems);
});

// Attack review B8: a first day of 31 December 9999 made a calendar file ical.js could not read
// (DTSTART:100000101…). The form now says so at the date, keeps everything typed, and the
// latest first day it accepts still gives a file ical.js reads.
test('B8: a first day near the end of year 9999 gets a message at the date; the last accepted day still makes a readable calendar', async () => {
  const { page, problems } = await open();
  const t = tool(page);
  await enter(page, { ...ADULT_DOWN, from: '9999-12-31', start: '30', step: '5', every: '3' });
  const date = t.getByLabel('First day of the plan');
  await t.locator('#planner-start-date-error').waitFor();
  assert.match(await t.locator('#planner-start-date-error').innerText(), /between .*2000 and .*9996/);
  assert.equal(await date.getAttribute('aria-invalid'), 'true');
  assert.equal(await date.inputValue(), '9999-12-31');
  assert.equal(await t.getByLabel('Starting dose, in mg').inputValue(), '30');
  assert.equal(await t.getByRole('link', { name: 'Add this plan to my calendar' }).count(), 0);
  // 9999-12-31 less the longest plan (1100 days) and its last day.
  await date.fill('9996-12-25');
  await t.getByRole('button', { name: 'Make the plan' }).click();
  await rows(page);
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    t.getByRole('link', { name: 'Add this plan to my calendar' }).click(),
  ]);
  const text = readFileSync(await file.path(), 'utf8');
  const events = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
  assert.ok(events.length > 0);
  for (const e of events) assert.match(e.startDate.toString(), /^999[67]-\d\d-\d\dT\d\d:\d\d:00$/);
  assert.equal(events[0].startDate.toString(), '9996-12-25T08:00:00');
  assertClean(problems);
});

// At 320 px with the browser's text at 200 %, the plan reads as one card per day, and every value
// is shown, and read, under its column's name.
test('at 320 px with text at 200 %: the plan reads as cards, each value under its column name', async () => {
  const context = await launchWithTextSize(32, { viewport: { width: 320, height: 740 }, timezoneId: 'Europe/London', locale: 'en-GB' });
  try {
    const page = await context.newPage();
    await page.goto(site.url + PAGE);
    await waitForApp(page);
    await enter(page, ADULT_DOWN);
    const table = tool(page).getByRole('table');
    await table.waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), 0, 'nothing off to the side');
    // Each row is a card: its cells stacked, each with its column's name before the value.
    const first = table.locator('tbody tr').first();
    const shown = await first.locator('th, td').evaluateAll((cells) =>
      cells.filter((c) => c.offsetParent !== null).map((c) => `${getComputedStyle(c, '::before').content}|${c.textContent.trim()}`),
    );
    assert.deepEqual(shown, [
      '"Date: "|Tuesday 1 December 2026',
      '"Change: "|Start',
      '"Dose times: "|08:00, 14:00, 20:00',
      '"Each dose: "|15 mg',
      '"Tablets or liquid: "|1 and a half tablets',
      '"Day total: "|45 mg',
    ]);
    const boxes = await first.locator('td').evaluateAll((cells) => cells.map((c) => c.getBoundingClientRect().left));
    assert.ok(boxes.every((x) => Math.abs(x - boxes[0]) < 1), `stacked, not side by side: ${boxes}`);
    // A screen reader hears the name with each value too.
    const tree = await first.ariaSnapshot();
    assert.match(tree, /Each dose: 15 mg/, tree);
    assert.match(tree, /Day total: 45 mg/, tree);
    assert.deepEqual(await axeViolations(page), []);
  } finally {
    await context.close();
  }
});
