// The independent vignette audit, run through the built page as people use it: every story in
// tests/vignettes/*.toml is answered by clicking the words on the page (who it is for, the pump
// question, the signs; or the missed-dose questions with the device's clock and time zone set to
// the story's), and the advice is read back from the answer card. Prints
// "vignettes (page): N, appropriate A (P%), under-triaged U, over-triaged O" and fails on any
// under-triage or wrong advice.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { openPage, waitForApp } from './browser.mjs';
import { useSite } from './site.mjs';
import { tick, answerPump, readAnswer } from './person.mjs';

const site = useSite();

/** The small part of TOML the story files use: [[story]] tables of strings, numbers, booleans
 *  and arrays of strings, with # comments. */
function readStories(file) {
  const stories = [];
  for (const raw of readFileSync(new URL(`../vignettes/${file}`, import.meta.url), 'utf8').split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    if (line === '[[story]]') {
      stories.push({});
      continue;
    }
    const eq = line.indexOf('=');
    const key = line.slice(0, eq).trim();
    const value = line.slice(eq + 1).trim();
    stories.at(-1)[key] = JSON.parse(value);
  }
  return stories;
}

// The fact sheet's one timing vocabulary (§11 design notes). 'urgent/now' is row 11 and row 19: the
// team or NHS 111 now, the emergency department now if they cannot be reached (no ambulance).
const CHECKER_RANK = {
  'emergency/now': 5, 'urgent/now': 4, 'urgent/straight-away': 3, 'urgent/today': 2, 'routine/before': 1, 'routine/next-visit': 0,
};
const MISSED_RANK = {
  'take-now': 0, 'leave-out': 0, 'repeat-dose': 0, 'wait-for-next': 0,
  'contact-today': 1, 'ask-now': 2, 'pump-team-now': 2, emergency: 3,
};

const VIEWER = { me: 'Me', carer: 'Someone I care for', child: 'A child' };
const PUMP = { yes: 'Yes', no: 'No', 'not-sure': 'Not sure' };

async function checkerStory(page, story) {
  await page.goto(site.url + 'side-effects/');
  await waitForApp(page);
  await page.getByRole('radio', { name: VIEWER[story.viewer], exact: true }).check();
  if (story.pump) await answerPump(page, PUMP[story.pump]);
  for (const id of story.ticks) {
    // A box the page does not have cannot be ticked (see /work/team/new-ticks.md).
    const box = page.locator(`label[for="flag-${id}"]`);
    if ((await box.count()) === 0) return { verdict: 'under', why: `no box "${id}" on the page` };
    // The words a person reads next to the box.
    const name = (await box.textContent()).trim();
    await tick(page, name);
  }
  const answer = await readAnswer(page);
  const got = `${answer.level}/${answer.timing}`;
  const want = `${story.expect_level}/${story.expect_timing}`;
  if (story.expect_crisis_line && !answer.crisis) return { verdict: 'under', why: `${got}: no crisis line` };
  const [a, w] = [CHECKER_RANK[got] ?? -1, CHECKER_RANK[want]];
  return { verdict: a === w ? 'ok' : a < w ? 'under' : 'over', why: `${got} ("${answer.title}"), expected ${want}` };
}

/** The UTC instant at which clocks in `zone` show `local` ("2026-05-12 13:30"). */
function instantIn(zone, local) {
  const [date, time] = local.split(' ');
  const wanted = Date.parse(`${date}T${time}:00Z`);
  const shown = (t) => {
    const parts = Object.fromEntries(
      new Intl.DateTimeFormat('en-GB', {
        timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
      }).formatToParts(new Date(t)).map((p) => [p.type, p.value]),
    );
    return Date.parse(`${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:00Z`);
  };
  // Try the offsets in force a day either side; the earlier instant wins for a repeated hour.
  const candidates = [-1, 1]
    .map((d) => wanted - (shown(wanted + d * 86400000) - (wanted + d * 86400000)))
    .sort((x, y) => x - y);
  return new Date(candidates.find((t) => shown(t) === wanted) ?? candidates[0]);
}

const FORM = { tablet: 'Tablets', liquid: 'Liquid', granules: 'Granules', pump: 'A pump under the skin (intrathecal)' };
const HAPPENED = {
  missed: 'A dose was missed',
  vomited: 'A dose was taken, but it came back up (vomited)',
  'ran-out': 'The medicine has run out',
};

/** What the answer card must say for the §13.1/§13.2 fields (revised 2026-12-07), read from the
 *  card's words: [story field, value that asks for the check, patterns the card must match]. */
const SAYS = [
  // §13.1: every "ask" answer also says what to do if no advice comes before the next dose is due.
  ['expect_safe_default', true, [/(leave out|do not (take|give)|don't (take|give)|skip)/i, /usual time/i]],
  // §13.2: say plainly whether to take the next dose.
  ['expect_next_dose', 'usual-time', [/next (dose|one)[^.]{0,60}usual time/i]],
  ['expect_next_dose', 'ask-first', [/(ask|check)[^.]{0,80}before[^.]{0,40}(restart|start|taking|giving)/i]],
  // §13.2: the emergency signs are named in the answer itself.
  ['expect_emergency_signs', true, [/(fever|high temperature)/i, /confus/i, /(hallucinat|seeing or hearing things)/i, /(\bfit\b|fits|seizure)/i, /stiff/i]],
];

async function missedDoseStory(browser, story) {
  const { context, page } = await openPage(browser, site.origin, { timezoneId: story.zone });
  try {
    await page.clock.setFixedTime(instantIn(story.zone, story.now));
    await page.goto(site.url + 'missed-dose/');
    await waitForApp(page);
    await page.getByLabel(story.person === 'child' ? 'A child (under 18)' : 'An adult').check();
    await page.getByLabel(FORM[story.form], { exact: true }).check();
    if (story.form !== 'pump') {
      const n = story.times.length;
      await page.getByLabel('How many times a day?').selectOption({ label: n === 1 ? 'Once a day' : `${n} times a day` });
      for (const [i, time] of story.times.entries()) await page.getByLabel(`Dose ${i + 1} time`).fill(time);
      await page.getByLabel(HAPPENED[story.event], { exact: true }).check();
      if (story.event !== 'ran-out') {
        const which = page.getByLabel(story.event === 'vomited' ? 'Which dose was taken?' : 'Which dose was missed?');
        // The newest dose at that time of day: the menu lists the newest first.
        const labels = await which.locator('option').allInnerTexts();
        const label = labels.find((l) => l.startsWith(`The ${story.dose} `));
        assert.ok(label, `${story.id}: no "${story.dose}" in ${labels}`);
        await which.selectOption({ label });
      }
      if (story.event === 'missed') {
        await page.getByLabel(story.count === 'two-or-more' ? 'Two or more in a row' : 'Just this one').check();
      }
      if (story.event === 'vomited') {
        await page.getByLabel('How many minutes after taking it did it come back up?').fill(String(story.vomited_after_minutes));
      }
    }
    await page.getByRole('radio', { name: story.withdrawal_signs ? 'Yes' : 'No', exact: true }).check();
    await page.getByRole('button', { name: /Show what to do/ }).click();
    const card = page.locator('#missed-dose-result');
    await card.waitFor();
    const label = (await card.locator('.result__label').innerText()).replace(/[:\s]+$/, '');
    const action = await card.locator('.result__action').innerText();
    const then = await card.locator('.result__then').innerText();
    const words = await card.innerText();
    let got;
    if (label === 'Emergency') got = 'emergency';
    // "Straight away": ask a pharmacist before the next dose (one timing vocabulary, §11 notes).
    else if (label === 'Now' || label === 'Straight away') got = /pump team/i.test(action) ? 'pump-team-now' : 'ask-now';
    else if (label === 'Today') got = 'contact-today';
    else if (/same dose again/i.test(action)) got = 'repeat-dose';
    else if (/do not (take or )?give the dose again/i.test(action)) got = 'wait-for-next';
    else if (/leave out/i.test(action)) got = 'leave-out';
    else if (/(take|give) the missed dose now/i.test(action)) got = 'take-now';
    else got = `unknown: ${action}`;
    const [a, w] = [MISSED_RANK[got] ?? -1, MISSED_RANK[story.expect]];
    const why = `${got} ("${action}" ${then}), expected ${story.expect}`;
    if (a !== w) return { verdict: a < w ? 'under' : 'over', why };
    if (got !== story.expect) return { verdict: 'wrong', why };
    if (story.expect_next && !then.includes(story.expect_next)) return { verdict: 'wrong', why: `${why}; next ${story.expect_next}` };
    const missing = SAYS.filter(([field, value]) => (value === true ? story[field] === true : story[field] === value))
      .flatMap(([, , patterns]) => patterns)
      .filter((pattern) => !pattern.test(words));
    if (missing.length) return { verdict: 'wrong', why: `${why}; the card does not say ${missing.join(', ')}` };
    return { verdict: 'ok', why };
  } finally {
    await context.close();
  }
}

const checkerStories = readStories('red-flags.toml');
const missedStories = readStories('missed-dose.toml');
const results = [];
const chunks = (list, size) => Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, i * size + size));

for (const [i, chunk] of chunks(checkerStories, 20).entries()) {
  test(`symptom checker stories, part ${i + 1}`, async () => {
    // A UK device, so the crisis line the self-harm stories expect is known.
    const { context, page } = await openPage(site.browser, site.origin, { timezoneId: 'Europe/London' });
    try {
      for (const story of chunk) results.push({ id: story.id, ...(await checkerStory(page, story)) });
    } finally {
      await context.close();
    }
  });
}

for (const [i, chunk] of chunks(missedStories, 8).entries()) {
  test(`missed-dose stories, part ${i + 1}`, async () => {
    for (const story of chunk) results.push({ id: story.id, ...(await missedDoseStory(site.browser, story)) });
  });
}

test('every vignette, answered on the page by its words, gets advice at least as urgent as the fact sheet says', () => {
  const count = (v) => results.filter((r) => r.verdict === v).length;
  for (const r of results.filter((r) => r.verdict !== 'ok')) console.log(`  ${r.verdict} ${r.id}: ${r.why}`);
  const n = results.length;
  assert.equal(n, checkerStories.length + missedStories.length, 'every story was run');
  console.log(
    `vignettes (page): ${n}, appropriate ${count('ok')} (${Math.round((100 * count('ok')) / n)}%), under-triaged ${count('under')}, over-triaged ${count('over')}, wrong advice ${count('wrong')}`,
  );
  assert.equal(count('under'), 0, 'under-triaged stories (listed above)');
  assert.equal(count('wrong'), 0, 'wrong advice (listed above)');
});
