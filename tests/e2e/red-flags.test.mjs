// The red-flag checker in Chromium, used as a person would: by the words on the page. Live
// triage, the emergency questions first, the pump question, care cards titled with the rule's
// own timing, the call buttons, carer wording, the bridge from the missed-dose helper, keyboard
// use and axe in every result state.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { axeViolations, openPage, waitForApp } from './browser.mjs';
import { useSite } from './site.mjs';
import { tick, answerPump } from './person.mjs';

const site = useSite();

async function openChecker(query = '', options = {}) {
  const opened = await openPage(site.browser, site.origin, options);
  await opened.page.goto(site.url + 'side-effects/' + query);
  await waitForApp(opened.page);
  return opened;
}

const card = (page) => page.locator('#red-flag-result');

test('an emergency shows, with a call button, the moment it is ticked', async () => {
  const { context, page, problems } = await openChecker('', { timezoneId: 'Asia/Tokyo' });
  try {
    assert.equal(await card(page).count(), 0, 'no answer before anything is ticked');
    // The emergency signs are asked first, before anything else to tick.
    const first = page.locator('input[type=checkbox]').first();
    assert.equal(await first.getAttribute('id'), 'flag-breathing');
    await page.getByLabel('Having or has had a fit (seizure)').check();
    const bar = page.locator('.checker__bar');
    await bar.waitFor();
    assert.match(await bar.innerText(), /Emergency:\s*Call your emergency number now/);
    // Fact sheet §0c: Japan's number is 119 (never a guessed 112).
    assert.equal(await bar.locator('a.call__button').getAttribute('href'), 'tel:119');
    const text = await card(page).innerText();
    assert.match(text, /Emergency: Call your emergency number now/);
    assert.match(text, /or your local emergency number/);
    assert.match(text, /If it gets worse:/);
    assert.match(text, /FDA-TAB/);
    // As after "See the answer": the card in view, above the bar.
    await bar.getByRole('link', { name: 'See the answer' }).click();
    assert.deepEqual(await axeViolations(page), []);
    assert.deepEqual(problems.consoleErrors, []);
    assert.deepEqual(problems.foreignRequests, []);
  } finally {
    await context.close();
  }
});

test('a pump sign is an emergency without the pump question, and "No" takes the pump signs away', async () => {
  const { context, page } = await openChecker();
  try {
    await tick(page, 'Pins and needles');
    assert.match(await card(page).innerText(), /Emergency: Call your emergency number now, or go to hospital/);
    assert.match(await card(page).innerText(), /early signs of withdrawal or a pump problem/);
    await answerPump(page, 'No');
    assert.equal(await page.getByLabel('Pins and needles').count(), 0, 'the pump group is hidden');
    assert.equal(await card(page).count(), 0, 'and its ticks stop counting');
    await answerPump(page, 'Yes');
    await tick(page, 'A new rash or itching');
    assert.match(await card(page).innerText(), /Emergency/, 'any itch with a pump');
    assert.deepEqual(await axeViolations(page), []);
  } finally {
    await context.close();
  }
});

test('the title says the rule\'s own timing: a two-tone alarm is "now", with the emergency department if the team cannot be reached', async () => {
  // Fact sheet §11 row 11 (revised 2026-12-07), review S5.
  const { context, page } = await openChecker();
  try {
    await tick(page, 'The pump makes a two-tone alarm');
    const title = await card(page).locator('h3').innerText();
    assert.match(title, /Urgent: Call your pump team now\. If you cannot speak to them straight away \(for example in the evening or at a weekend\), go to the emergency department now with your pump card\. Do not wait for symptoms/);
    assert.doesNotMatch(title, /today/);
    await tick(page, 'High temperature (fever) of 38 °C or more');
    assert.match(await card(page).innerText(), /Emergency/, 'a pump alarm with a fever is C2');
  } finally {
    await context.close();
  }
});

test('thoughts of self-harm: straight away, with the crisis line for the region', async () => {
  const { context, page } = await openChecker('', { timezoneId: 'Europe/London' });
  try {
    await page.getByLabel('I have thoughts of harming or killing myself').check();
    const text = await card(page).innerText();
    assert.match(text, /Urgent: Speak to a doctor straight away, or go to hospital/);
    const crisis = card(page).getByRole('link', { name: /Samaritans/ });
    assert.equal(await crisis.getAttribute('href'), 'tel:116123');
    await page.getByLabel('I might act on thoughts of harming or killing myself, or I am not safe right now').check();
    assert.match(await card(page).locator('h3').innerText(), /Emergency/);
    assert.equal(await card(page).getByRole('link', { name: /Call 999/ }).getAttribute('href'), 'tel:999');
  } finally {
    await context.close();
  }
});

test('combinations raise the level: sedatives with drowsiness, then with hard to wake', async () => {
  const { context, page } = await openChecker();
  try {
    await tick(page, 'A bit more drowsy or unsteady than usual');
    assert.match(await card(page).innerText(), /Not urgent: Mention it at your next visit/);
    assert.deepEqual(await axeViolations(page), []);
    await tick(page, /Had alcohol, a strong painkiller/);
    assert.match(await card(page).innerText(), /Urgent/);
    assert.match(await card(page).innerText(), /do not drive/i);
    await page.getByLabel('Cannot be woken (no response to voice or a firm shake), or passed out and not coming round').check();
    const text = await card(page).innerText();
    assert.match(text, /Emergency/);
    assert.doesNotMatch(text, /Also noted/, 'no lesser reasons under an emergency');
  } finally {
    await context.close();
  }
});

test('none of these gives a calm answer, and ticking a sign clears it', async () => {
  const { context, page } = await openChecker();
  try {
    await page.getByLabel('None of these').check();
    assert.match(await card(page).innerText(), /No red flags ticked/);
    assert.deepEqual(await axeViolations(page), []);
    await page.getByLabel('Chest pain').check();
    assert.equal(await page.getByLabel('None of these').isChecked(), false);
    assert.match(await card(page).innerText(), /Emergency/);
  } finally {
    await context.close();
  }
});

test('for someone I care for, the wording speaks about them; a child counts as a child', async () => {
  const { context, page } = await openChecker();
  try {
    await page.getByLabel('Someone I care for').check();
    await page.getByLabel(/Has taken more baclofen than prescribed/).check();
    assert.match(await card(page).innerText(), /even if they seem well/);
    await page.getByLabel('A child', { exact: true }).check();
    assert.match(await card(page).innerText(), /A child who swallows any baclofen/);
  } finally {
    await context.close();
  }
});

test('the missed-dose helper bridges here with missed doses already ticked, and back', async () => {
  const { context, page } = await openPage(site.browser, site.origin, { timezoneId: 'Europe/London' });
  try {
    await page.clock.setFixedTime(new Date('2026-11-23T10:00:00Z'));
    await page.goto(site.url + 'missed-dose/');
    await waitForApp(page);
    await page.getByLabel('An adult').check();
    await page.getByLabel('Tablets').check();
    await page.getByLabel('How many times a day?').selectOption({ label: '3 times a day' });
    for (const [n, time] of [[1, '08:00'], [2, '14:00'], [3, '20:00']]) {
      await page.getByLabel(`Dose ${n} time`).fill(time);
    }
    await page.getByLabel('A dose was missed').check();
    await page.getByLabel('Which dose was missed?').selectOption({ label: 'The 08:00 today dose' });
    await page.getByLabel('Two or more in a row').check();
    await page.getByLabel('No', { exact: true }).check();
    await page.getByRole('button', { name: /Show what to do/ }).click();
    await page.getByRole('link', { name: 'Check symptoms for withdrawal now' }).click();
    await page.waitForURL(site.url + 'side-effects/?context=missed-several#checker');
    await page.locator('html[data-app-started]').waitFor();
    assert.match(await card(page).innerText(), /Urgent: Contact your prescriber or pharmacist today/);
    await tick(page, 'Has started seeing or hearing things that are not there');
    assert.match(await card(page).innerText(), /Emergency/);
    await page.getByRole('link', { name: 'Work out what to do about a missed dose' }).click();
    await page.waitForURL(site.url + 'missed-dose/');
  } finally {
    await context.close();
  }
});

test('a link can name situations but never tick a sign', async () => {
  const { context, page, problems } = await openChecker('?context=fever,breathing,%3Cscript%3E,pump');
  try {
    assert.ok(await page.getByRole('radio', { name: 'Yes' }).isChecked(), 'pump answered yes');
    assert.equal(await page.getByLabel('Breathing is slow, shallow or difficult').isChecked(), false);
    assert.equal(await card(page).locator('.care-card__label').innerText(), 'Not urgent: ');
    assert.deepEqual(problems.pageErrors, []);
  } finally {
    await context.close();
  }
});

test('keyboard only: Tab to a sign, tick with Space, the answer is announced in a live region', async () => {
  const { context, page } = await openChecker();
  try {
    const focused = () => page.evaluate(() => document.activeElement?.id);
    // Click the checker's title (this puts focus on the page's main content), then move only
    // with keys: Tab past the page's own contents links into the "who" question.
    await page.locator('#checker-title').click();
    const stops = [];
    for (let i = 0; i < 15 && (await focused()) !== 'viewer-me'; i += 1) {
      await page.keyboard.press('Tab');
      stops.push(await page.evaluate(() => document.activeElement?.textContent?.trim().slice(0, 30)));
    }
    assert.equal(await focused(), 'viewer-me', `Tab enters the "who" question at its first choice; stops: ${stops}`);
    // Arrow keys move through the choices, choosing as they go: Me, Someone I care for, A child.
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    assert.equal(await focused(), 'viewer-child');
    assert.ok(await page.getByLabel('A child', { exact: true }).isChecked());
    // From the last "who" choice, Tab reaches the first emergency sign.
    await page.keyboard.press('Tab');
    assert.equal(await focused(), 'flag-breathing');
    await page.keyboard.press('Space');
    assert.equal(await page.locator('.checker__answer').getAttribute('role'), 'status');
    assert.match(await card(page).innerText(), /Emergency/);
    await page.keyboard.press('Space');
    assert.equal(await card(page).count(), 0);
  } finally {
    await context.close();
  }
});

test('"See the answer" keeps the title and the call button in view', async () => {
  const { context, page } = await openChecker('', { viewport: { width: 360, height: 740 } });
  try {
    await page.getByLabel('Chest pain').check();
    await page.locator('.checker__bar').getByRole('link', { name: 'See the answer' }).click();
    await page.waitForFunction(() => document.activeElement?.id === 'red-flag-result');
    // Waits for any smooth scrolling to settle with both in view (fails after 5 s otherwise).
    await page.waitForFunction(
      () => {
        // The bar is above the card by now, or sits at the bottom of the screen.
        const bar = document.querySelector('.checker__bar').getBoundingClientRect();
        const bottom = bar.top > 0 ? bar.top : window.innerHeight;
        const inView = (el) => {
          const r = el.getBoundingClientRect();
          return r.top >= 0 && r.bottom <= bottom;
        };
        const card = document.getElementById('red-flag-result');
        return inView(card.querySelector('h3')) && inView(card.querySelector('.call__button'));
      },
      null,
      { timeout: 5000 },
    );
  } finally {
    await context.close();
  }
});

// ---- Fact sheet §11 as revised on 2026-12-07: the serious findings of the clinical review,
// driven as a person would, by the words on the page. ----

/** The card's text after ticking `boxes` (labels as shown), with an optional pump answer. */
async function answerFor(page, boxes, { pump, viewer } = {}) {
  if (viewer) await page.getByLabel(viewer, { exact: true }).check();
  if (pump) await answerPump(page, pump);
  for (const box of boxes) await tick(page, box);
  return { title: await card(page).locator('h3').innerText(), text: await card(page).innerText() };
}

test('S1: sudden confusion is an emergency at any age; confusion over days is straight away, with a route when closed', async () => {
  const { context, page } = await openChecker('', { timezoneId: 'Europe/London' });
  try {
    let answer = await answerFor(page, ['Confusion that has crept in over a few days, but awake and alert']);
    assert.match(answer.title, /^Urgent: Contact your prescriber straight away/);
    assert.match(answer.text, /If you cannot reach the prescriber \(in the evening or at a weekend\), call NHS 111\./);
    answer = await answerFor(page, ['Suddenly confused, not making sense, or seeing or hearing things, over hours']);
    assert.match(answer.title, /^Emergency: Call your emergency number now/);
    assert.ok(await card(page).getByRole('link', { name: 'Call 999' }).isVisible());
  } finally {
    await context.close();
  }
  const second = await openChecker('', { timezoneId: 'America/New_York' });
  try {
    // Very sleepy, confused over days and sudden jerks, though they can be woken (row 1b).
    const answer = await answerFor(
      second.page,
      ['Confusion that has crept in over a few days, but awake and alert', 'So sleepy, weak or floppy that the day cannot be managed', 'Sudden jerks or twitches of their arms, legs or body'],
      { viewer: 'Someone I care for' },
    );
    assert.match(answer.title, /^Emergency/);
  } finally {
    await second.context.close();
  }
});

test('S2: an older adult is never told "today" or "next visit" about new confusion', async () => {
  const { context, page } = await openChecker();
  try {
    let answer = await answerFor(page, ['Is an older adult'], { viewer: 'Someone I care for' });
    assert.match(answer.text, /sudden confusion is an emergency/);
    assert.doesNotMatch(answer.text, /confusion[^.;]*next visit/i);
    answer = await answerFor(page, ['Confusion that has crept in over a few days, but awake and alert']);
    assert.match(answer.title, /^Urgent: Contact their prescriber straight away/);
    await page.getByLabel('Confusion that has crept in over a few days, but awake and alert').uncheck();
    answer = await answerFor(page, ['Falling, or legs giving way']);
    assert.match(answer.title, /^Urgent: Contact their prescriber today/);
  } finally {
    await context.close();
  }
});

test('S4: a pump user with overdose signs is an emergency, and the sign under the pump heading counts as a pump', async () => {
  const { context, page } = await openChecker();
  try {
    let answer = await answerFor(page, ['Blurred or double vision, slurred speech, clumsiness, or ringing in the ears'], { pump: 'Not sure' });
    assert.match(answer.title, /^Emergency: Call your emergency number now, or go to hospital/);
    assert.match(answer.text, /too much baclofen/);
  } finally {
    await context.close();
  }
  const second = await openChecker();
  try {
    const answer = await answerFor(second.page, ['Very sleepy or floppy, slurred speech, blurred or double vision, clumsy, or slow breathing']);
    assert.match(answer.title, /^Emergency/);
  } finally {
    await second.context.close();
  }
});

test('S5: a suspected pump fault is hospital now; a missed refill is straight away and an hourly beep today, each with a route', async () => {
  const { context, page } = await openChecker('', { timezoneId: 'America/Chicago' });
  try {
    let answer = await answerFor(page, ['The pump beeps about once an hour']);
    assert.match(answer.title, /^Urgent: Call your pump team today to book a refill/);
    assert.match(answer.text, /If you cannot reach the pump team \(in the evening or at a weekend\), contact your out-of-hours service\./);
    assert.doesNotMatch(answer.text, /111/);
    answer = await answerFor(page, ['The hourly beep has gone on for more than a day']);
    assert.match(answer.title, /^Urgent: Call your pump team straight away to book a refill/);
    answer = await answerFor(page, ['The pump or its tube may be damaged or not working: for example the pump moved, a refill went wrong, or the team said so']);
    assert.match(answer.title, /^Emergency: Go to hospital now, and call your pump team on the way/);
  } finally {
    await context.close();
  }
});

test('S6: cannot pass any urine is help now (NHS 111 or the emergency department in the UK), an emergency with severe pain or dysreflexia', async () => {
  const { context, page } = await openChecker('', { timezoneId: 'Europe/London' });
  try {
    let answer = await answerFor(page, ['Cannot pass any urine (pee), or the lower tummy is swollen and painful']);
    assert.match(answer.title, /^Urgent: Get medical help now\. If you use a catheter, follow your own plan/);
    assert.match(answer.text, /Get help now: call NHS 111, or go to the emergency department\./);
    answer = await answerFor(page, ['Has a spinal cord injury, and now a pounding headache, flushing or sweating']);
    assert.match(answer.title, /^Emergency: Call your emergency number now/);
    assert.match(answer.text, /autonomic dysreflexia/);
  } finally {
    await context.close();
  }
  const us = await openChecker('', { timezoneId: 'America/New_York' });
  try {
    const answer = await answerFor(us.page, ['Cannot pass any urine (pee), or the lower tummy is swollen and painful']);
    assert.match(answer.text, /Get help now: contact your out-of-hours service, or go to the emergency department\./);
    assert.doesNotMatch(answer.text, /111/);
  } finally {
    await us.context.close();
  }
});

test('S7: a floppy, very hard to wake or not-feeding baby is help now; a bit sleepier is today', async () => {
  const { context, page } = await openChecker();
  try {
    let answer = await answerFor(page, ['Is a newborn or breastfed baby whose mother takes baclofen', 'Baby is a bit sleepier than usual, or feeding a little less'], { viewer: 'A child' });
    assert.match(answer.title, /^Urgent: Contact the baby's doctor or health visitor today/);
    answer = await answerFor(page, ['Baby is not feeding']);
    assert.match(answer.title, /^Emergency: Get help for the baby now/);
  } finally {
    await context.close();
  }
});

// ---- Tester findings F6, F7 and F10, and the call button's place in the tab order (issue #29) ----

test('F7: two missed doses say to take the next dose at the usual time, never extra (fact sheet §13.2); running out says ask first', async () => {
  const { context, page } = await openChecker('', { timezoneId: 'Europe/London' });
  try {
    let answer = await answerFor(page, [/^Missed two or more doses in a row/]);
    assert.match(answer.title, /^Urgent: Contact your prescriber or pharmacist today/);
    assert.match(answer.title, /Take the next dose at the usual time, never extra/);
    // Never told to take the missed doses, or two together (only "do not").
    assert.doesNotMatch(answer.text, /(?<!not )take (the missed|two) doses/i);
    assert.match(answer.text, /Do not take the missed doses now/);
    // Ran out, or more than a day's doses: ask before restarting (§13.2), whatever else is ticked.
    answer = await answerFor(page, [/^Ran out/]);
    assert.match(answer.title, /Ask them before you start taking it again/);
    assert.doesNotMatch(answer.title, /usual time/);
    await page.getByLabel(/^Ran out/).uncheck();
    // A carer is told what to give.
    answer = await answerFor(page, [], { viewer: 'Someone I care for' });
    assert.match(answer.title, /Give the next dose at the usual time, never extra/);
  } finally {
    await context.close();
  }
});

test('F10: the answer cites the sources of the rules that fired, and no others', async () => {
  const { context, page } = await openChecker('', { timezoneId: 'Europe/London' });
  try {
    for (const boxes of [['Having or has had a fit (seizure)'], [/^Missed two or more doses in a row/]]) {
      if (boxes[0] instanceof RegExp) await page.getByLabel('Having or has had a fit (seizure)').uncheck();
      await answerFor(page, boxes);
      // Every citation in the card belongs to one of its reasons (one reason per fired rule).
      const cited = await card(page).locator('.citations').count();
      const inReasons = await card(page).locator('.care-card__reasons .citations').count();
      assert.ok(cited > 0);
      assert.equal(cited, inReasons, `${boxes}: a citation outside the reasons`);
      assert.equal(inReasons, await card(page).locator('.care-card__reasons > li').count());
    }
  } finally {
    await context.close();
  }
});

test('F6: in the UK the out-of-hours route "call NHS 111" has its call button (fact sheet §0c); elsewhere no number is guessed', async () => {
  const { context, page } = await openChecker('', { timezoneId: 'Europe/London' });
  try {
    const answer = await answerFor(page, [/^Missed two or more doses in a row/]);
    assert.match(answer.text, /call NHS 111\./);
    const call = card(page).getByRole('link', { name: /^Call NHS 111/ });
    assert.equal(await call.getAttribute('href'), 'tel:111');
  } finally {
    await context.close();
  }
  for (const timezoneId of ['America/New_York', 'Asia/Tokyo']) {
    const other = await openChecker('', { timezoneId });
    try {
      const answer = await answerFor(other.page, [/^Missed two or more doses in a row/]);
      assert.match(answer.text, /contact your out-of-hours service\./);
      assert.equal(await card(other.page).locator('a[href^="tel:"]').count(), 0, `${timezoneId}: no number to dial`);
    } finally {
      await other.context.close();
    }
  }
});

test('by keyboard, the call button is the next stop after the answer', async () => {
  const { context, page } = await openChecker('', { timezoneId: 'Europe/London' });
  try {
    const focused = () => page.evaluate(() => document.activeElement?.textContent?.trim());
    await page.getByLabel('Having or has had a fit (seizure)').check();
    await page.locator('.checker__bar').getByRole('link', { name: 'See the answer' }).press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'red-flag-result');
    await page.keyboard.press('Tab');
    assert.equal(await focused(), 'Call 999');
    await page.getByLabel('Having or has had a fit (seizure)').uncheck();
    await answerFor(page, [/^Missed two or more doses in a row/]);
    await page.locator('.checker__bar').getByRole('link', { name: 'See the answer' }).press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'red-flag-result');
    await page.keyboard.press('Tab');
    assert.match(await focused(), /^Call NHS 111/);
  } finally {
    await context.close();
  }
});
