// The screen-reader contract of the live helpers (issue 28 item 4), checked in Chromium as a
// screen reader sees the page: the accessibility tree (Playwright's ARIA snapshot) of each answer
// state, and what every live region on the page says after one action. A new answer is said
// once, in one short sentence; the answer's card is outside any live region; focus moves or a
// region speaks, never both. Expected words come from the fact sheet (§11), by level.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, waitForApp } from './browser.mjs';
import { useSite } from './site.mjs';
import { fillMissedDose, tick } from './person.mjs';

const site = useSite();

async function openChecker() {
  const opened = await openPage(site.browser, site.origin, { timezoneId: 'Europe/London' });
  await opened.page.goto(site.url + 'side-effects/');
  await waitForApp(opened.page);
  return opened;
}

/**
 * From now on, records what each live region (aria-live, role=status or alert) in the page says
 * each time its words change, and where focus goes.
 */
async function listen(page) {
  await page.evaluate(() => {
    window.__said = [];
    window.__focus = [];
    const live = (node) => node?.closest?.('[aria-live], [role=status], [role=alert]');
    new MutationObserver((records) => {
      const changed = new Set();
      for (const r of records) {
        const el = r.target.nodeType === 1 ? r.target : r.target.parentElement;
        const region = live(el);
        if (region && region.getAttribute('aria-live') !== 'off') changed.add(region);
      }
      for (const region of changed) window.__said.push(region.textContent.trim());
    }).observe(document.body, { childList: true, subtree: true, characterData: true });
    document.addEventListener('focusin', (e) => window.__focus.push(e.target.id || e.target.tagName));
  });
}

/** What the regions said and where focus went since `listen`, then starts again. */
async function heard(page) {
  // The regions are read after the page settles: wait for two frames.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  return page.evaluate(() => {
    const out = { said: window.__said.filter((s) => s !== ''), focus: window.__focus };
    window.__said = [];
    window.__focus = [];
    return out;
  });
}

const LEVELS = [
  // [sign to tick, the level's label (fact sheet §11), the card's first call link, if any]
  ['Having or has had a fit (seizure)', 'Emergency', /^Call 999$/],
  ['The pump makes a two-tone alarm', 'Urgent', null],
  ['A bit more drowsy or unsteady than usual', 'Not urgent', null],
];

for (const [sign, label, call] of LEVELS) {
  test(`checker, ${label}: one short sentence is said, the card is outside the live region`, async () => {
    const { context, page } = await openChecker();
    try {
      await listen(page);
      const box = page.getByRole('checkbox', { name: sign, includeHidden: true });
      if (!(await box.isVisible())) await box.locator('xpath=ancestor::details[1]/summary').click();
      await heard(page);
      const id = await box.getAttribute('id');
      await page.getByRole('checkbox', { name: sign }).check();
      const card = page.locator('#red-flag-result');
      await card.waitFor();
      const { said, focus } = await heard(page);
      assert.equal(said.length, 1, `one announcement, got ${JSON.stringify(said)}`);
      assert.match(said[0], new RegExp(`^${label}: `));
      assert.ok(said[0].split(/\s+/).length <= 25, `short: ${said[0]}`);
      assert.doesNotMatch(said[0], /\.\s/, 'one sentence');
      // Focus is where the person put it (the box they ticked): the region speaks instead.
      assert.deepEqual(focus.filter((f) => f !== id), [], 'focus moved as well');
      assert.equal(await page.evaluate(() => document.activeElement?.id), id);
      // The card as a screen reader meets it: an article named by its heading, the level first.
      const tree = await card.ariaSnapshot();
      // (YAML quotes a line that holds ": ".)
      assert.match(tree, new RegExp(`^- '?article "${label}: [^"]+"'?:`), tree);
      assert.match(tree, new RegExp(`- '?heading "${label}: [^"]+" \\[level=3\\]'?`), tree);
      assert.match(tree, /- heading "Why" \[level=4\]/, tree);
      assert.match(tree, /- listitem:/, tree);
      if (call) assert.match(tree, /- link "Call 999"/, tree);
      if (label !== 'Emergency') assert.match(tree, /- button "Keep this answer for my appointment"/, tree);
      // The card is in no live region; one region holds the sentence (the card's own status,
      // for "Answer kept", is empty until the person keeps the answer).
      assert.equal(await card.evaluate((c) => !!c.closest('[aria-live], [role=status], [role=alert]')), false);
      const helper = await page.locator('#red-flag-tool').ariaSnapshot();
      assert.equal((helper.match(/- status: \S/g) ?? []).length, 1, helper);
      assert.match(helper, new RegExp(`- status: ["']?${label}: `), helper);
    } finally {
      await context.close();
    }
  });
}

test('checker, none of these: the calm answer is said once', async () => {
  const { context, page } = await openChecker();
  try {
    await listen(page);
    await page.getByLabel('None of these').check();
    await page.locator('#red-flag-result').waitFor();
    const { said } = await heard(page);
    assert.deepEqual(said, ['Not urgent: No red flags ticked']);
    const tree = await page.locator('#red-flag-result').ariaSnapshot();
    assert.match(tree, /^- '?article "Not urgent: No red flags ticked"'?:/, tree);
  } finally {
    await context.close();
  }
});

test('checker: another sign with the same answer says nothing again; "See the answer" moves focus and says nothing', async () => {
  const { context, page } = await openChecker();
  try {
    await listen(page);
    await page.getByLabel('Chest pain').check();
    await page.locator('#red-flag-result').waitFor();
    assert.equal((await heard(page)).said.length, 1);
    await page.getByLabel('Wheezing, or the chest feels tight').check();
    assert.deepEqual((await heard(page)).said, [], 'the same answer was said again');
    await page.locator('.checker__bar').getByRole('link', { name: 'See the answer' }).click();
    await page.waitForFunction(() => document.activeElement?.id === 'red-flag-result');
    const { said, focus } = await heard(page);
    assert.deepEqual(said, [], 'focus moved and a region spoke');
    assert.ok(focus.includes('red-flag-result'), JSON.stringify(focus));
  } finally {
    await context.close();
  }
});

test('checker: "Answer kept" is said once, and goes with a new answer', async () => {
  const { context, page } = await openChecker();
  try {
    await tick(page, 'A bit more drowsy or unsteady than usual');
    await listen(page);
    await page.getByRole('button', { name: 'Keep this answer for my appointment' }).click();
    await page.getByText('Kept on this device for your appointment summary').waitFor();
    const { said } = await heard(page);
    assert.equal(said.length, 1, JSON.stringify(said));
    assert.match(said[0], /^Kept on this device/);
    await tick(page, 'Falling, or legs giving way');
    assert.equal(await page.getByText('Kept on this device for your appointment summary').count(), 0, 'a new answer shows as kept');
  } finally {
    await context.close();
  }
});

test('checker: a translator rewrites and moves its nodes, and the next answer is right and in view', async () => {
  const { context, page, problems } = await openChecker();
  try {
    await tick(page, 'A bit more drowsy or unsteady than usual');
    // As Chrome's page translation does: each text node becomes <font> with other words; and
    // an extension moves the answer out of the helper.
    await page.evaluate(() => {
      const root = document.getElementById('red-flag-tool');
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      const texts = [];
      while (walker.nextNode()) texts.push(walker.currentNode);
      for (const text of texts) {
        if (!text.data.trim()) continue;
        const font = document.createElement('font');
        font.textContent = `[fr] ${text.data}`;
        text.replaceWith(font);
      }
      document.body.append(root.querySelector('.checker__card'));
    });
    await page.locator('#flag-seizure').check();
    const helper = page.locator('#red-flag-tool');
    await helper.locator('.checker__bar a.call__button').waitFor();
    assert.match(await helper.locator('.checker__bar').innerText(), /^Emergency:/);
    assert.match(await helper.locator('#red-flag-result h3').innerText(), /^Emergency: /);
    assert.ok(await page.locator('#flag-seizure').isChecked());
    assert.equal(await page.locator('#red-flag-tool .helper-stopped').count(), 0);
    assert.deepEqual(problems.pageErrors, []);
    // And it keeps working.
    await page.locator('#flag-seizure').uncheck();
    assert.match(await helper.locator('#red-flag-result h3').innerText(), /^Urgent: |^Not urgent: /);
  } finally {
    await context.close();
  }
});

// The missed-dose helper. "Show what to do" is one action: the answer is said once, by the live
// region, in one short sentence (its level and first sentence); the card is in no live region and
// focus stays on the button (F5: it was said twice, by focus and by the region). Problems move
// focus to the summary, which is in no live region. Expected answers from the fact sheet: NHS
// (take a missed dose when remembered, unless the next is due within 2 hours), Medicines for
// Children (a child sick within 30 minutes of a dose is given it again; more than 4 doses a day,
// ask), and withdrawal signs are an emergency.

async function openMissedDose(isoInstant) {
  const opened = await openPage(site.browser, site.origin, { timezoneId: 'Europe/London' });
  await opened.page.clock.setFixedTime(new Date(isoInstant));
  await opened.page.goto(site.url + 'missed-dose/');
  await waitForApp(opened.page);
  return opened;
}

const MISSED_DOSE_STATES = [
  // [name, clock, answers, the sentence said (level: first sentence of the action), call link]
  ['take now', '2026-11-23T10:00:00Z', { dose: 'The 08:00 today dose' }, 'What to do: Take the missed dose now.', null],
  ['leave out', '2026-11-23T12:30:00Z', { dose: 'The 08:00 today dose' }, 'What to do: Leave out the missed dose.', null],
  ['ask', '2026-11-23T09:30:00Z', { person: 'A child (under 18)', times: ['08:00', '12:00', '16:00', '20:00'], dose: 'The 08:00 today dose' },
    'Straight away: Ask your pharmacist or prescriber straight away, before the next dose is due.', null],
  ['vomited', '2026-11-23T08:25:00Z', { person: 'A child (under 18)', form: 'Liquid', happened: 'A dose was taken, but it came back up (vomited)', dose: 'The 08:00 today dose', minutes: '20' },
    'What to do: Give the same dose again now.', null],
  ['emergency signs', '2026-11-23T10:00:00Z', { dose: 'The 08:00 today dose', withdrawal: 'Yes' }, 'Emergency: Call your emergency number now.', /^Call 999$/],
];

for (const [name, clock, answers, sentence, call] of MISSED_DOSE_STATES) {
  test(`missed dose, ${name}: one short sentence is said, the card is outside any live region, focus stays`, async () => {
    const { context, page } = await openMissedDose(clock);
    try {
      await fillMissedDose(page, answers);
      if (answers.minutes) await page.getByLabel('How many minutes after taking it did it come back up?').fill(answers.minutes);
      const button = page.getByRole('button', { name: /Show what to do/ });
      await button.focus();
      await listen(page);
      await button.press('Enter');
      const card = page.locator('#missed-dose-result');
      await card.waitFor();
      const { said, focus } = await heard(page);
      assert.deepEqual(said, [sentence], 'said once, in one sentence');
      assert.ok(sentence.split(/\s+/).length <= 25, sentence);
      assert.deepEqual(focus, [], 'focus moved as well');
      assert.match(await page.evaluate(() => document.activeElement?.textContent ?? ''), /Show what to do/);
      // The card as a screen reader meets it: an article named by its heading.
      const tree = await card.ariaSnapshot();
      const heading = sentence.replace(/\.$/, '');
      assert.match(tree, new RegExp(`^- '?article "${heading.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`), tree);
      assert.match(tree, /- '?heading "[^"]+" \[level=3\]'?/, tree);
      assert.match(tree, /- button "Keep this answer for my appointment"/, tree);
      assert.match(tree, /- group: Why this answer|- 'group: Why this answer'|- group "Why this answer"|Why this answer/, tree);
      if (call) assert.match(tree, /- link "Call 999"/, tree);
      else assert.doesNotMatch(tree, /- link "Call 999"/, tree);
      assert.equal(await card.evaluate((c) => !!c.closest('[aria-live], [role=status], [role=alert]')), false);
      // One region in the helper holds the sentence (the card's own status is empty until a tap).
      const helper = await page.locator('#missed-dose-tool').ariaSnapshot();
      assert.equal((helper.match(/- status: \S/g) ?? []).length, 1, helper);
    } finally {
      await context.close();
    }
  });
}

test('missed dose: problems move focus to the summary and no region speaks; asking again says the answer again, once', async () => {
  const { context, page } = await openMissedDose('2026-11-23T10:00:00Z');
  try {
    await listen(page);
    await page.getByRole('button', { name: /Show what to do/ }).click();
    const summary = page.getByRole('region', { name: 'There is a problem' });
    await summary.waitFor();
    await page.waitForFunction(() => document.activeElement?.id === 'error-summary');
    let { said, focus } = await heard(page);
    assert.deepEqual(said, [], 'the summary is said by focus alone');
    assert.ok(focus.includes('error-summary'), JSON.stringify(focus));
    assert.match(await summary.ariaSnapshot(), /- link "Choose who the medicine is for\./);
    await fillMissedDose(page, { dose: 'The 08:00 today dose' });
    await heard(page);
    const button = page.getByRole('button', { name: /Show what to do/ });
    await button.click();
    await page.locator('#missed-dose-result').waitFor();
    ({ said } = await heard(page));
    assert.deepEqual(said, ['What to do: Take the missed dose now.']);
    await button.click();
    ({ said } = await heard(page));
    assert.deepEqual(said, ['What to do: Take the missed dose now.'], 'asked again: said again, once');
    // "Keep this answer" says one sentence, and goes with a new answer.
    await page.getByRole('button', { name: 'Keep this answer for my appointment' }).click();
    await page.getByText('Kept on this device for your appointment summary').waitFor();
    ({ said } = await heard(page));
    assert.equal(said.length, 1, JSON.stringify(said));
    assert.match(said[0], /^Kept on this device/);
    await page.getByRole('radio', { name: 'Yes', exact: true }).check();
    assert.equal(await page.locator('#missed-dose-result').count(), 0, 'an answer never outlives its inputs');
    assert.equal(await page.getByText('Kept on this device for your appointment summary').count(), 0);
  } finally {
    await context.close();
  }
});
