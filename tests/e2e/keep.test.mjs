// "Take it with you" (#19) in Chromium, used as a person would, by the words on the page: enter
// dose times, download the calendar file and read it with a real iCalendar parser (ical.js),
// print the summary (one page of A4 and of US Letter, no navigation), hand a carer the link
// (and refuse a changed one), all by keyboard too, with axe in every state, and offline.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import ICAL from 'ical.js';
import { axeViolations, assertClean, launchWithTextSize, openPage, waitForApp, waitForOfflineCopy } from './browser.mjs';
import { startServer } from './server.mjs';
import { PREFIX, useSite, DIST_DIR } from './site.mjs';
import { fillMissedDose, tick } from './person.mjs';

const site = useSite();
const PAGE = 'take-it-with-you/';
const NOW = '2026-11-23T10:00:00Z';

async function open(suffix = '', options = {}) {
  const opened = await openPage(site.browser, site.origin, {
    timezoneId: 'Europe/London',
    locale: 'en-GB',
    acceptDownloads: true,
    ...options,
  });
  await opened.page.clock.setFixedTime(new Date(NOW));
  await opened.page.goto(site.url + PAGE + suffix);
  await waitForApp(opened.page);
  return opened;
}

const tool = (page) => page.locator('#keep-tool');

async function enterTimes(page, times = ['08:00', '14:00', '20:00']) {
  const helper = tool(page);
  await helper.getByRole('radio', { name: 'Me, or another adult' }).check();
  await helper.getByRole('radio', { name: 'Tablets' }).check();
  await helper.getByLabel('How many doses each day?').selectOption(String(times.length));
  for (const [i, time] of times.entries()) {
    await helper.getByLabel(`Time of dose ${i + 1}`).fill(time);
  }
  await helper.getByRole('button', { name: 'Use these times' }).click();
  await helper.locator('.keep-sheet', { hasText: times.join(', ') }).waitFor();
}

async function download(page) {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    tool(page).getByRole('button', { name: 'Download the calendar file' }).click(),
  ]);
  assert.equal(file.suggestedFilename(), 'dose-reminders.ics');
  return readFileSync(await file.path(), 'utf8');
}

const events = (text) =>
  new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));

// The doses are the one schedule record shared with the missed-dose helper (issue 28 item 5).
const stored = (page) =>
  page.evaluate(() => ({
    keep: localStorage.getItem('baclofen-guide.schedule'),
    kept: localStorage.getItem('baclofen-guide.kept'),
  }));

test('enter times, download the calendar file, and ical.js reads three daily reminders with alarms', async () => {
  const { page, problems } = await open();
  await enterTimes(page);
  const text = await download(page);
  const list = events(text);
  assert.deepEqual(
    list.map((e) => e.startDate.toString()),
    ['2026-11-23T08:00:00', '2026-11-23T14:00:00', '2026-11-23T20:00:00'],
  );
  for (const e of list) {
    assert.equal(e.summary, 'Medicine reminder');
    assert.equal(e.component.getFirstPropertyValue('rrule').freq, 'DAILY');
    const alarm = e.component.getFirstSubcomponent('valarm');
    assert.equal(alarm.getFirstPropertyValue('action'), 'DISPLAY');
    assert.equal(alarm.getFirstPropertyValue('trigger').toSeconds(), 0);
    assert.match(e.description, /^Times you entered on 23 Nov 2026\. If your prescriber changes your times/);
    assert.doesNotMatch(e.description, /baclofen/i, 'the plain title never names the medicine');
  }
  // The person can choose the title that names the medicine.
  await tool(page).getByRole('radio', { name: 'Baclofen' }).check();
  const named = events(await download(page));
  assert.equal(named[0].summary, 'Baclofen');
  assert.match(named[0].description, /in the Baclofen guide on 23 Nov 2026/);
  assert.deepEqual(await stored(page), { keep: null, kept: null }, 'nothing kept without the tick');
  assert.deepEqual(await axeViolations(page), []);
  assertClean(problems);
});

function pdfPages(buffer) {
  return (buffer.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
}

test('the summary in print media: no navigation, readable without colour, one page on A4 and on Letter', async () => {
  const { page, problems } = await open();
  // A full history: as many kept answers as the guide keeps (six), each with long words.
  const kept = ['a1'];
  for (let i = 0; i < 6; i++) {
    kept.push(`${i % 2 ? 'symptoms' : 'missed'}|${29400000 + i * 1440}|Contact your prescriber or pharmacist today|Missing several doses is like stopping suddenly, and that can cause withdrawal. More spasms than usual.`);
  }
  await page.evaluate((text) => localStorage.setItem('baclofen-guide.kept', text), kept.join('\n'));
  await page.reload();
  await waitForApp(page);
  await enterTimes(page, ['07:00', '11:00', '15:00', '19:00']);
  await page.emulateMedia({ media: 'print', colorScheme: 'light' });
  for (const hidden of ['.site-header', '.site-footer', 'nav', '.page__lede', '#keep-tool form', '#keep-carer-link']) {
    const shown = await page.locator(hidden).evaluateAll((els) => els.filter((el) => el.offsetParent !== null).length);
    assert.equal(shown, 0, `${hidden} is printed`);
  }
  const sheet = page.locator('.keep-sheet');
  assert.ok(await sheet.isVisible());
  const words = await sheet.innerText();
  for (const expected of ['My baclofen doses', 'An adult', 'Tablets', '07:00, 11:00, 15:00, 19:00', 'Symptom check', 'Times entered on 23 Nov 2026', 'Questions I may want to ask', 'My clinic', 'content version']) {
    assert.ok(words.includes(expected), `${expected} missing from the printed summary`);
  }
  // Without colour: every printed word is black (or near) on white.
  const colours = await sheet.evaluate((el) =>
    [...el.querySelectorAll('*')].map((e) => getComputedStyle(e).color).filter((c) => c !== 'rgb(0, 0, 0)'),
  );
  assert.deepEqual(colours, []);
  for (const format of ['A4', 'Letter']) {
    const pdf = await page.pdf({ format, printBackground: false });
    assert.ok(pdf.length > 1000, `${format}: a PDF was made`);
    assert.equal(pdfPages(pdf), 1, `${format}: one page`);
  }
  assertClean(problems);
});

test('carer link round trip: the carer sees the times and nothing is kept until they say yes', async () => {
  const { page } = await open();
  await enterTimes(page);
  const link = await tool(page).getByLabel('Link for a carer').inputValue();
  assert.match(link, /\/take-it-with-you\/#carer=v1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{6}$/);
  assert.ok(await tool(page).locator('svg.keep-qr rect').count() > 20, 'a QR code drawn on the page');
  await page.context().close();

  const carer = await openPage(site.browser, site.origin, { timezoneId: 'America/New_York' });
  await carer.page.goto(link);
  await waitForApp(carer.page);
  const card = carer.page.getByRole('region', { name: 'Dose times shared with you' });
  await card.waitFor();
  assert.match(await card.innerText(), /08:00, 14:00, 20:00/);
  // The carer sees how old the schedule is: the day the times were entered.
  assert.match(await card.innerText(), /Times entered on 23 Nov 2026\./);
  assert.deepEqual(await stored(carer.page), { keep: null, kept: null }, 'nothing kept before the answer');
  assert.deepEqual(await axeViolations(carer.page), []);
  await card.getByRole('button', { name: 'Yes, keep them' }).click();
  await carer.page.getByText('Kept on this device. You can use them below.').waitFor();
  assert.deepEqual(JSON.parse((await stored(carer.page)).keep), {
    version: 1, person: 'adult', form: 'tablet', times: ['08:00', '14:00', '20:00'], entered: '2026-11-23', name: '', title: 'plain',
  });
  assertClean(carer.problems);
});

test('a changed carer link shows why and changes nothing on the device', async () => {
  const { page } = await open();
  await enterTimes(page);
  const link = await tool(page).getByLabel('Link for a carer').inputValue();
  const at = link.indexOf('#carer=v1.') + '#carer=v1.'.length + 3;
  const tampered = link.slice(0, at) + (link[at] === 'A' ? 'B' : 'A') + link.slice(at + 1);
  await tool(page).getByLabel('Keep my times on this device').check();
  const before = await stored(page);
  assert.ok(before.keep);
  await page.goto(tampered);
  await page.reload();
  await waitForApp(page);
  const alert = tool(page).getByRole('alert');
  await alert.waitFor();
  assert.match(await alert.innerText(), /damaged or has been changed.*Nothing on this device has changed/s);
  assert.deepEqual(await stored(page), before);
  assert.match(await page.locator('.keep-sheet').innerText(), /08:00, 14:00, 20:00/);
  assert.deepEqual(await axeViolations(page), []);
});

async function tabTo(page, selector) {
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s), selector)) return;
  }
  assert.fail(`Tab never reached ${selector}`);
}

test('keyboard only: enter the times, keep them, and download the file', async () => {
  const { page, problems } = await open();
  await tabTo(page, '#person-adult');
  await page.keyboard.press('Space');
  await tabTo(page, '#form-tablet');
  await page.keyboard.press('Space');
  await tabTo(page, '#dose-count');
  await page.keyboard.press('ArrowDown');
  await tool(page).locator('input[type=time]').nth(1).waitFor();
  const ids = await tool(page).locator('input[type=time]').evaluateAll((els) => els.map((el) => el.id));
  // Typed as a person types into the time field: hours, minutes, and AM/PM where the
  // browser's own locale shows a 12-hour clock.
  for (const [id, digits, half] of [[ids[0], '0800', 'A'], [ids[1], '0800', 'P']]) {
    await tabTo(page, `#${id}`);
    await page.keyboard.type(digits);
    if (!(await page.locator(`#${id}`).inputValue())) await page.keyboard.type(half);
    if (!(await page.locator(`#${id}`).inputValue())) await page.keyboard.type(half === 'A' ? '00' : '20');
  }
  await tabTo(page, '#keep-on-device');
  await page.keyboard.press('Space');
  await tabTo(page, 'form.helper__form button[type=submit]');
  await page.keyboard.press('Enter');
  await page.locator('.keep-sheet', { hasText: '08:00, 20:00' }).waitFor();
  assert.deepEqual(JSON.parse((await stored(page)).keep).times, ['08:00', '20:00']);
  await tabTo(page, '#keep-download');
  const [file] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  assert.equal(events(readFileSync(await file.path(), 'utf8')).length, 2);
  // Clear everything, by keyboard too.
  await tabTo(page, '#keep-clear');
  await page.keyboard.press('Enter');
  await page.getByText('Everything this guide kept on this device is cleared.').waitFor();
  assert.deepEqual(await stored(page), { keep: null, kept: null });
  assert.deepEqual(await axeViolations(page), []);
  assertClean(problems);
});

test('every state passes axe: empty, with errors, filled, and with a refused link', async () => {
  const { page } = await open();
  assert.deepEqual(await axeViolations(page), [], 'empty');
  await tool(page).getByRole('button', { name: 'Use these times' }).click();
  // The error summary takes focus (it is not also a live region: issue 28's screen-reader contract).
  await tool(page).locator('.error-summary:focus').waitFor();
  assert.deepEqual(await axeViolations(page), [], 'errors');
  await enterTimes(page);
  assert.deepEqual(await axeViolations(page), [], 'filled');
  await page.emulateMedia({ colorScheme: 'dark' });
  assert.deepEqual(await axeViolations(page), [], 'filled, dark');
  await page.goto(site.url + PAGE + '#carer=v9.AAAA.AAAAAA');
  await page.reload();
  await waitForApp(page);
  await tool(page).getByRole('alert').waitFor();
  assert.deepEqual(await axeViolations(page), [], 'refused link');
});

test('offline after one visit: the page starts, makes the file and the carer link with the server gone', async () => {
  const server = await startServer({ root: DIST_DIR, prefix: PREFIX, port: 0 });
  const origin = new URL(server.url).origin;
  const { context, page, problems } = await openPage(site.browser, origin, { timezoneId: 'Europe/London', acceptDownloads: true });
  try {
    await page.clock.setFixedTime(new Date(NOW));
    await page.goto(server.url + PAGE);
    await waitForApp(page);
    await waitForOfflineCopy(page);
    await server.close();
    await page.reload();
    await waitForApp(page);
    await enterTimes(page, ['09:00', '21:00']);
    const list = events(await download(page));
    assert.equal(list.length, 2);
    assert.match(await tool(page).getByLabel('Link for a carer').inputValue(), /#carer=v1\./);
    assertClean(problems);
  } finally {
    await context.close();
  }
});

test('after a missed-dose answer, "Add my next dose to my calendar" gives one event at the re-planned time', async () => {
  // Medicines for Children: a child's late dose given at 11:00 means the next waits 4 hours, so
  // the 14:00 dose moves to 15:00. NHS: never two doses together. One event, at 15:00, no repeat.
  const { context, page, problems } = await openPage(site.browser, site.origin, {
    timezoneId: 'Europe/London',
    acceptDownloads: true,
  });
  try {
    await page.clock.setFixedTime(new Date('2026-06-10T10:00:00Z'));
    await page.goto(site.url + 'missed-dose/');
    await waitForApp(page);
    await fillMissedDose(page, { person: 'A child (under 18)', dose: 'The 08:00 today dose' });
    await page.getByRole('button', { name: /Show what to do/ }).click();
    const card = page.locator('#missed-dose-result');
    await card.waitFor();
    assert.match(await card.innerText(), /15:00/);
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      card.getByRole('button', { name: 'Add my next dose to my calendar' }).click(),
    ]);
    assert.equal(file.suggestedFilename(), 'next-dose.ics');
    const list = events(readFileSync(await file.path(), 'utf8'));
    assert.equal(list.length, 1, 'one event, never two doses');
    assert.equal(list[0].startDate.toString(), '2026-06-10T15:00:00');
    assert.ok(!list[0].isRecurring());
    assert.equal(list[0].summary, 'Medicine reminder');
    // Kept for the appointment only when the person asks, then shown on the summary.
    await card.getByRole('button', { name: 'Keep this answer for my appointment' }).click();
    await card.getByText('Kept on this device for your appointment summary').waitFor();
    await page.goto(site.url + PAGE);
    await waitForApp(page);
    assert.match(await page.locator('.keep-sheet').innerText(), /Missed dose, 10 Jun 2026 11:00/);
    assert.deepEqual(await axeViolations(page), []);
    assertClean(problems);
  } finally {
    await context.close();
  }
});

test('a symptom-check answer the person chose to keep is on the appointment summary, in words', async () => {
  const { context, page, problems } = await openPage(site.browser, site.origin, { timezoneId: 'Europe/London' });
  try {
    await page.clock.setFixedTime(new Date(NOW));
    await page.goto(site.url + 'side-effects/');
    await waitForApp(page);
    await tick(page, 'A bit more drowsy or unsteady than usual');
    const card = page.locator('#red-flag-result');
    assert.match(await card.innerText(), /Not urgent: Mention it at your next visit/);
    assert.equal((await stored(page)).kept, null, 'nothing kept before the tap');
    await card.getByRole('button', { name: 'Keep this answer for my appointment' }).click();
    await card.getByText('Kept on this device for your appointment summary').waitFor();
    await page.goto(site.url + PAGE);
    await waitForApp(page);
    const sheet = await page.locator('.keep-sheet').innerText();
    assert.match(sheet, /Symptom check, 23 Nov 2026 10:00: Not urgent: Mention it at your next visit/);
    assert.deepEqual(await axeViolations(page), []);
    assertClean(problems);
  } finally {
    await context.close();
  }
});

test("at 200 % text on a 320 px screen the filled page and a carer's card fit without sideways scrolling", async () => {
  const context = await launchWithTextSize(32, { viewport: { width: 320, height: 740 }, timezoneId: 'Europe/London' });
  try {
    const page = await context.newPage();
    await page.clock.setFixedTime(new Date(NOW));
    await page.goto(site.url + PAGE);
    await waitForApp(page);
    await enterTimes(page);
    const sideways = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.equal(await sideways(), 0, 'filled page scrolls sideways');
    assert.deepEqual(await axeViolations(page), []);
    const link = await tool(page).getByLabel('Link for a carer').inputValue();
    await page.goto(link);
    await page.reload();
    await waitForApp(page);
    await page.getByRole('region', { name: 'Dose times shared with you' }).waitFor();
    assert.equal(await sideways(), 0, "carer's card scrolls sideways");
    assert.deepEqual(await axeViolations(page), []);
  } finally {
    await context.close();
  }
});

// ---- Attack review 2026-12-07 (issue #32): forged and damaged carer links. ----

/** CRC-32 (IEEE), as the carer link's format says (crates/logic/src/carer_link.rs). */
function crc32(bytes) {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k += 1) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

/**
 * A carer link made by hand from the published format, as an attacker would:
 * `v1.<base64url data>.<base64url CRC-32 of "v1." + data>`, data = [who|form<<1, count,
 * minutes (2 bytes each)…, entered day since 1970 (2 bytes), name in UTF-8].
 */
function forge({ times = [480, 1200], day = 20780, name = 'Sam', child = false, form = 0 } = {}) {
  const data = [(child ? 1 : 0) | (form << 1), times.length];
  for (const t of times) data.push(t >> 8, t & 255);
  data.push(day >> 8, day & 255, ...Buffer.from(name, 'utf8'));
  const check = crc32([...Buffer.from('v1.'), ...data]);
  const b64 = (bytes) => Buffer.from(bytes).toString('base64url');
  return `#carer=v1.${b64(data)}.${b64([check >>> 24, (check >>> 16) & 255, (check >>> 8) & 255, check & 255])}`;
}

/** Days since 1970 of a UTC date. */
const dayOf = (iso) => Date.parse(`${iso}T00:00:00Z`) / 86400000;

test('B4: a forged link whose name carries a phone number, bidi controls or a line break is refused, and nothing is kept', async () => {
  const { page } = await open();
  // The forger's tool reproduces the app's own link byte for byte.
  await enterTimes(page, ['08:00', '20:00']);
  await tool(page).getByLabel('First name (you can leave this empty)').fill('Sam');
  await tool(page).getByRole('button', { name: 'Use these times' }).click();
  await tool(page).locator('.keep-sheet', { hasText: 'Sam' }).waitFor();
  const own = await tool(page).getByLabel('Link for a carer').inputValue();
  assert.equal(own.slice(own.indexOf('#')), forge({ name: 'Sam', day: dayOf('2026-11-23') }));
  for (const name of [
    'CALL 0800 555 0123 NOW',
    '\u202eWON 3210 555 0080 LLAC',
    'Sam\u2028Call 0800 555 0123',
    'Sa\u200bm',
    '\u2066Sam\u2069',
    'Sam \uff10\uff18\uff10\uff10',
  ]) {
    await page.goto(site.url + PAGE + forge({ name, day: dayOf('2026-11-23') }));
    await page.reload();
    await waitForApp(page);
    const alert = tool(page).getByRole('alert');
    await alert.waitFor();
    assert.match(await alert.innerText(), /The name in this link cannot be shown.*Nothing on this device has changed/s, JSON.stringify(name));
    assert.doesNotMatch(await page.locator('body').innerText(), /0800|0080|\u202e/, JSON.stringify(name));
    assert.deepEqual(await stored(page), { keep: null, kept: null });
  }
  // A name the link may carry is shown as what the sender typed, never as the guide's words.
  await page.goto(site.url + PAGE + forge({ name: 'Sam', day: dayOf('2026-11-23') }));
  await page.reload();
  await waitForApp(page);
  const card = page.getByRole('region', { name: 'Dose times shared with you' });
  await card.waitFor();
  assert.match(await card.innerText(), /Name, as the sender typed it\s*\u201c?Sam\u201d?/);
  assert.equal(await card.locator('q bdi').innerText(), 'Sam');
  await page.context().close();
});

test('B5: a link entered "tomorrow" in Auckland is read in London, and its reminders start today, not tomorrow', async () => {
  // 16:34 in London on 7 December is 05:34 on 8 December in Auckland.
  const at = new Date('2026-12-07T16:34:00Z');
  const maker = await openPage(site.browser, site.origin, { timezoneId: 'Pacific/Auckland', locale: 'en-NZ' });
  await maker.page.clock.setFixedTime(at);
  await maker.page.goto(site.url + PAGE);
  await waitForApp(maker.page);
  await enterTimes(maker.page, ['08:00', '20:00']);
  const link = await tool(maker.page).getByLabel('Link for a carer').inputValue();
  await maker.context.close();

  const { page } = await open('', {});
  await page.clock.setFixedTime(at);
  await page.goto(link);
  await page.reload();
  await waitForApp(page);
  const card = page.getByRole('region', { name: 'Dose times shared with you' });
  await card.waitFor();
  assert.match(await card.innerText(), /Times entered on 8 Dec 2026\./);
  await card.getByRole('button', { name: 'Yes, keep them' }).click();
  const file = await download(page);
  const starts = events(file).map((e) => e.startDate.toString());
  assert.deepEqual(starts, ['2026-12-07T08:00:00', '2026-12-07T20:00:00'], 'tonight\'s 20:00 dose has its reminder');
  await page.context().close();
});

test('B5: a forged link entered ten years ahead is refused, and nothing is kept', async () => {
  const { page } = await open();
  await page.goto(site.url + PAGE + forge({ day: dayOf('2026-11-23') + 3650 }));
  await page.reload();
  await waitForApp(page);
  const alert = tool(page).getByRole('alert');
  await alert.waitFor();
  assert.match(await alert.innerText(), /later than tomorrow.*Nothing on this device has changed/s);
  assert.deepEqual(await stored(page), { keep: null, kept: null });
  await page.context().close();
});

test('B6: a link damaged around its version is reported as damaged, not as a newer guide', async () => {
  const { page } = await open();
  const good = forge({ day: dayOf('2026-11-23') });
  for (const damaged of [good.replace('v1.', 'v1%2E'), good.replace('v1.', 'v1 .')]) {
    await page.goto(site.url + PAGE + damaged);
    await page.reload();
    await waitForApp(page);
    const alert = tool(page).getByRole('alert');
    await alert.waitFor();
    assert.match(await alert.innerText(), /damaged or has been changed/, damaged);
    assert.doesNotMatch(await alert.innerText(), /newer version/);
  }
  await page.context().close();
});

test('B7: with times already kept, the question says they would be replaced, and "No" leaves them kept and in use', async () => {
  const { page } = await open();
  await page.evaluate(() => localStorage.setItem('baclofen-guide.keep', 'k1|adult|tablet|07:00,15:00,23:00|plain|2026-11-01|Me'));
  await page.goto(site.url + PAGE + forge({ day: dayOf('2026-11-23') }));
  await page.reload();
  await waitForApp(page);
  const card = page.getByRole('region', { name: 'Dose times shared with you' });
  await card.waitFor();
  assert.match(await card.innerText(), /Replace your saved times \(07:00, 15:00, 23:00\) with these\?/);
  await card.getByRole('button', { name: 'No, just show them' }).click();
  await page.getByText('Your own saved times are still kept on this device').waitFor();
  assert.equal(await tool(page).getByLabel('Keep my times on this device').isChecked(), true, 'the box matches storage');
  // The old k1 record was moved into the one record, unchanged.
  assert.deepEqual(JSON.parse((await stored(page)).keep).times, ['07:00', '15:00', '23:00']);
  assert.equal(await page.evaluate(() => localStorage.getItem('baclofen-guide.keep')), null);
  assert.match(await page.locator('.keep-sheet').innerText(), /07:00, 15:00, 23:00/);
  // The link's times are still on screen, in the shared card.
  assert.match(await page.getByRole('region', { name: 'Dose times shared with you' }).innerText(), /08:00, 20:00/);
  await page.context().close();
});

test('B17: times and answers kept by a newer version of the guide are left as they are', async () => {
  const { page } = await open();
  const newer = { keep: '{"version":2,"person":"adult","times":["07:00"],"extra":true}', kept: 'a2\nmissed|29000000|Take it now|Then 15:00' };
  const oldStores = { 'baclofen-guide.dose-times': 'v2|adult|tablet|07:00|extra' };
  await page.evaluate(({ n, old }) => {
    localStorage.setItem('baclofen-guide.schedule', n.keep);
    localStorage.setItem('baclofen-guide.kept', n.kept);
    for (const [key, value] of Object.entries(old)) localStorage.setItem(key, value);
  }, { n: newer, old: oldStores });
  await page.reload();
  await waitForApp(page);
  await tool(page).getByText('saved by a newer version of this guide').waitFor();
  assert.deepEqual(await stored(page), newer);
  // Keeping new times here does not write over them.
  await enterTimes(page, ['08:00', '20:00']);
  await tool(page).getByLabel('Keep my times on this device').check();
  await tool(page).getByText('did not let the guide keep anything').waitFor();
  assert.deepEqual(await stored(page), newer);
  // An answer kept now from the missed-dose helper does not overwrite them either.
  await page.goto(site.url + 'missed-dose/');
  await waitForApp(page);
  await page.getByText('saved by a newer version of this guide').waitFor();
  await fillMissedDose(page, { dose: 'The 08:00 today dose' });
  await page.getByLabel(/Remember these dose times/).check();
  await page.getByRole('button', { name: /Show what to do/ }).click();
  await page.getByRole('button', { name: 'Keep this answer for my appointment' }).click();
  await page.getByText('The answer was not kept.').waitFor();
  assert.deepEqual(await stored(page), newer);
  assert.equal(await page.evaluate(() => localStorage.getItem('baclofen-guide.dose-times')), oldStores['baclofen-guide.dose-times']);
  await page.context().close();
});

test('a change of dose times in one helper is what the other offers', async () => {
  const { page, problems } = await open();
  // Kept here...
  await enterTimes(page, ['08:00', '14:00', '20:00']);
  await tool(page).getByLabel('Keep my times on this device').check();
  await tool(page).getByText('Kept on this device.').waitFor();
  // ...offered by the missed-dose helper, where the person changes them...
  await page.goto(site.url + 'missed-dose/');
  await waitForApp(page);
  await page.getByLabel('An adult').check();
  await page.getByLabel('Tablets', { exact: true }).check();
  await page.getByRole('button', { name: 'Use my saved times: 08:00, 14:00 and 20:00' }).waitFor();
  await fillMissedDose(page, { times: ['07:00', '19:00'], dose: 'The 07:00 today dose' });
  assert.equal(await page.getByLabel(/Remember these dose times/).isChecked(), true, 'the box matches storage');
  await page.getByRole('button', { name: /Show what to do/ }).click();
  await page.locator('#missed-dose-result').waitFor();
  // ...and the changed times are the ones here, on the summary, the carer link and the calendar.
  await page.goto(site.url + PAGE);
  await waitForApp(page);
  await tool(page).locator('.keep-sheet', { hasText: '07:00, 19:00' }).waitFor();
  assert.doesNotMatch(await tool(page).locator('.keep-sheet').innerText(), /14:00/);
  assert.deepEqual(
    events(await download(page)).map((e) => e.startDate.toString()),
    ['2026-11-23T07:00:00', '2026-11-23T19:00:00'],
  );
  // Changed here, and the missed-dose helper offers the new times.
  await enterTimes(page, ['09:00', '21:00']);
  await page.goto(site.url + 'missed-dose/');
  await waitForApp(page);
  await page.getByLabel('An adult').check();
  await page.getByLabel('Tablets', { exact: true }).check();
  await page.getByRole('button', { name: 'Use my saved times: 09:00 and 21:00' }).waitFor();
  assertClean(problems);
  await page.context().close();
});

// Issue 28 item 4, the screen-reader contract for this helper: the accessibility tree (ARIA
// snapshot) of its main states, and what its live regions say after one action. Each result is
// one short sentence in the one region that is always in the page; the error summary takes
// focus instead; focus moves or a region speaks, never both.
async function listen(page) {
  await page.evaluate(() => {
    window.__said = [];
    window.__focus = [];
    const live = (node) => node?.closest?.('[aria-live], [role=status], [role=alert]');
    new MutationObserver((records) => {
      const changed = new Set();
      for (const r of records) {
        const region = live(r.target.nodeType === 1 ? r.target : r.target.parentElement);
        if (region) changed.add(region);
      }
      for (const region of changed) window.__said.push(region.textContent.trim());
    }).observe(document.body, { childList: true, subtree: true, characterData: true });
    document.addEventListener('focusin', (e) => window.__focus.push(e.target.id || e.target.className || e.target.tagName));
  });
}

async function heard(page) {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  return page.evaluate(() => {
    const out = { said: window.__said.filter((s) => s !== ''), focus: window.__focus };
    window.__said = [];
    window.__focus = [];
    return out;
  });
}

test('screen reader: the main states as a screen reader meets them, one sentence per result, focus or a region', async () => {
  const { page, problems } = await open();
  const helper = tool(page);
  // Empty: the form's questions by name, and one live region, silent.
  let tree = await helper.ariaSnapshot();
  assert.match(tree, /- region "My doses":/, tree);
  assert.match(tree, /- group "Who is the medicine for\?":/, tree);
  assert.match(tree, /- radio "Me, or another adult"/, tree);
  assert.match(tree, /- textbox "First name \(you can leave this empty\)"/, tree);
  assert.match(tree, /- checkbox "Keep my times on this device"/, tree);
  assert.match(tree, /- button "Use these times"/, tree);
  assert.match(tree, /- region "Add dose reminders to my calendar":/, tree);
  assert.equal((tree.match(/- status: \S/g) ?? []).length, 0, tree);
  // Errors: the summary takes focus, names each thing to fix as a link, and no region speaks.
  await listen(page);
  await helper.getByRole('button', { name: 'Use these times' }).click();
  await helper.locator('.error-summary:focus').waitFor();
  let { said, focus } = await heard(page);
  assert.deepEqual(said, [], 'a region spoke as focus moved');
  assert.ok(focus.some((f) => f.includes('error-summary')), JSON.stringify(focus));
  tree = await helper.locator('.error-summary').ariaSnapshot();
  assert.match(tree, /^- region "Please check the answers marked below\.":/, tree);
  assert.match(tree, /- link "Choose who the medicine is for\."/, tree);
  assert.match(tree, /- link "Choose how the medicine is taken\."/, tree);
  // Times used: one sentence; the summary is an article named by its title, outside any region.
  await enterTimes(page, ['08:00', '20:00']);
  ({ said } = await heard(page));
  assert.deepEqual(said, ['Your times are ready below.']);
  const sheet = helper.locator('.keep-sheet');
  assert.equal(await sheet.evaluate((s) => !!s.closest('[aria-live], [role=status], [role=alert]')), false);
  tree = await sheet.ariaSnapshot();
  assert.match(tree, /^- article "[^"]+":/, tree);
  assert.match(tree, /- heading "[^"]+" \[level=3\]/, tree);
  assert.match(tree, /08:00, 20:00/, tree);
  tree = await helper.ariaSnapshot();
  assert.match(tree, /- textbox "Link for a carer"/, tree);
  assert.match(tree, /- button "Copy the link"/, tree);
  assert.match(tree, /- img "[^"]+"/, tree);
  assert.match(tree, /- button "Download the calendar file"/, tree);
  assert.equal((tree.match(/- status: \S/g) ?? []).length, 1, tree);
  // Kept: one sentence, the same region; nothing else speaks.
  await helper.getByLabel('Keep my times on this device').check();
  await helper.getByText('Kept on this device.').waitFor();
  ({ said } = await heard(page));
  assert.deepEqual(said, ['Kept on this device.']);
  assertClean(problems);
  await page.context().close();
});

test('screen reader: a carer link as a region with its question and two answers; "Yes" is said once', async () => {
  const { page } = await open();
  await enterTimes(page, ['08:00', '20:00']);
  const link = await tool(page).getByLabel('Link for a carer').inputValue();
  await page.context().close();
  const carer = await openPage(site.browser, site.origin, { timezoneId: 'Europe/London' });
  await carer.page.clock.setFixedTime(new Date(NOW));
  await carer.page.goto(link);
  await waitForApp(carer.page);
  const card = carer.page.getByRole('region', { name: 'Dose times shared with you' });
  await card.waitFor();
  const tree = await card.ariaSnapshot();
  assert.match(tree, /^- region "Dose times shared with you":/, tree);
  assert.match(tree, /- heading "Dose times shared with you" \[level=2\]/, tree);
  assert.match(tree, /- group "[^"]+":\s+- button "Yes, keep them"\s+- button "No, just show them"/, tree);
  assert.match(tree, /08:00, 20:00/, tree);
  await listen(carer.page);
  await card.getByRole('button', { name: 'Yes, keep them' }).click();
  await carer.page.getByText('Kept on this device. You can use them below.').waitFor();
  const { said } = await heard(carer.page);
  assert.deepEqual(said, ['Kept on this device. You can use them below.']);
  await carer.context.close();
});

test('code review §1.2 item 3: "Remove" takes away that kept answer, and focus goes to the list heading, not to another answer', async () => {
  const { page } = await open();
  await page.evaluate(() => localStorage.setItem('baclofen-guide.kept', [
    'a1',
    'missed|29400000|First kept answer|One',
    'missed|29400100|Second kept answer|Two',
    'symptoms|29400200|Third kept answer|Three',
  ].join('\n')));
  await page.reload();
  await waitForApp(page);
  const list = tool(page).locator('.keep-kept');
  const second = list.getByRole('listitem').filter({ hasText: 'Second kept answer' });
  await second.getByRole('button', { name: 'Remove' }).focus();
  await page.keyboard.press('Enter');
  await list.getByRole('listitem').filter({ hasText: 'Second kept answer' }).waitFor({ state: 'detached' });
  const left = await list.getByRole('listitem').allInnerTexts();
  assert.equal(left.length, 2, left.join('\n'));
  assert.match(left[0], /First kept answer/);
  assert.match(left[1], /Third kept answer/);
  assert.equal(await page.evaluate(() => document.activeElement.tagName), 'H4');
  assert.match(await page.evaluate(() => localStorage.getItem('baclofen-guide.kept')), /^a1\nmissed\|29400000\|First kept answer\|One\nsymptoms\|29400200\|Third kept answer\|Three$/);
  await page.context().close();
});

test('issue 29 item 6: "Use these times" moves focus to the part that became ready, and the region says its one sentence', async () => {
  const { page, problems } = await open();
  await listen(page);
  await enterTimes(page, ['08:00', '20:00']);
  await tool(page).locator('#keep-calendar-title:focus').waitFor();
  const focused = await page.evaluate(() => ({
    tag: document.activeElement.tagName,
    text: document.activeElement.textContent,
    tabindex: document.activeElement.getAttribute('tabindex'),
  }));
  assert.deepEqual(focused, { tag: 'H2', text: 'Add dose reminders to my calendar', tabindex: '-1' });
  const { said, focus } = await heard(page);
  // The heading names the part; the region says what happened, once; nothing is said twice.
  assert.deepEqual(said, ['Your times are ready below.']);
  assert.equal(focus.at(-1), 'keep-calendar-title', JSON.stringify(focus));
  // The next Tab goes on into the part that became ready.
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.closest('section')?.getAttribute('aria-labelledby')), 'keep-calendar-title');
  assertClean(problems);
  await page.context().close();
});

// A browser with a share sheet, stood in for by a stub that records what it was given.
async function openWithShare(share) {
  const opened = await openPage(site.browser, site.origin, { timezoneId: 'Europe/London', locale: 'en-GB' });
  if (share) {
    await opened.page.addInitScript(() => {
      window.__shared = [];
      window.__shareResult = () => Promise.resolve();
      Object.defineProperty(Navigator.prototype, 'share', {
        configurable: true,
        value(data) { window.__shared.push({ ...data }); return window.__shareResult(); },
      });
      Object.defineProperty(Navigator.prototype, 'canShare', { configurable: true, value: () => true });
    });
  } else {
    await opened.page.addInitScript(() => {
      delete Navigator.prototype.share;
      delete Navigator.prototype.canShare;
    });
  }
  await opened.page.clock.setFixedTime(new Date(NOW));
  await opened.page.goto(site.url + PAGE);
  await waitForApp(opened.page);
  return opened;
}

test('issue 29 item 6: with a share sheet, "Share the link" shares the carer link the page shows; cancelled says nothing, failed says one sentence', async () => {
  const { page, problems } = await openWithShare(true);
  await enterTimes(page, ['08:00', '20:00']);
  const link = await tool(page).getByLabel('Link for a carer').inputValue();
  assert.match(link, /\/take-it-with-you\/#carer=v1\./);
  const share = tool(page).getByRole('button', { name: 'Share the link' });
  await share.click();
  await page.waitForFunction(() => window.__shared.length === 1);
  const [shared] = await page.evaluate(() => window.__shared);
  assert.equal(shared.url, link);
  assert.equal(shared.title, 'Dose times');
  assert.ok(shared.text.length > 0);
  assert.doesNotMatch(shared.title + shared.text, /baclofen/i, 'what the share sheet shows does not name the medicine');
  // The person closes the sheet (AbortError): nothing is said. Then a real failure: one sentence.
  await listen(page);
  await page.evaluate(() => { window.__shareResult = () => Promise.reject(new DOMException('closed', 'AbortError')); });
  await share.click();
  await page.waitForFunction(() => window.__shared.length === 2);
  await page.evaluate(() => { window.__shareResult = () => Promise.reject(new DOMException('no', 'NotAllowedError')); });
  await share.click();
  await tool(page).locator('#keep-notice', { hasText: 'Sharing did not work. You can copy the link instead.' }).waitFor();
  const { said } = await heard(page);
  assert.deepEqual(said, ['Sharing did not work. You can copy the link instead.']);
  // Copy and the QR code stay as they were.
  await tool(page).getByRole('button', { name: 'Copy the link' }).waitFor();
  assert.ok(await tool(page).locator('svg.keep-qr rect').count() > 20);
  assertClean(problems);
  await page.context().close();
});

test('issue 29 item 6: without a share sheet there is no Share button, and copy and the QR code are as before', async () => {
  const { page, problems } = await openWithShare(false);
  await enterTimes(page, ['08:00', '20:00']);
  await tool(page).getByRole('button', { name: 'Copy the link' }).waitFor();
  assert.ok(await tool(page).locator('svg.keep-qr rect').count() > 20);
  assert.equal(await page.getByRole('button', { name: /share/i }).count(), 0);
  assertClean(problems);
  await page.context().close();
});
