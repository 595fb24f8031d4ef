// The missed-dose helper in Chromium with a fixed clock and time zone: worked cases from the
// sources, midnight and daylight-saving days, bad input, escalation, pump, memory, a11y.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { axeViolations, openPage, waitForApp } from './browser.mjs';
import { useSite } from './site.mjs';

const site = useSite();

/** Opens the helper with the device clock fixed at `isoInstant` in `timezoneId`. */
async function openHelper(isoInstant, timezoneId = 'Europe/London', options = {}) {
  const opened = await openPage(site.browser, site.origin, { timezoneId, ...options });
  await opened.page.clock.setFixedTime(new Date(isoInstant));
  await opened.page.goto(site.url + 'missed-dose/');
  await waitForApp(opened.page);
  return opened;
}

async function setTimes(page, times) {
  const count = await page.locator('input[type=time]').count();
  for (let i = count - 1; i > 0; i -= 1) await page.getByRole('button', { name: `Remove dose ${i + 1}` }).click();
  for (let i = 0; i < times.length; i += 1) {
    if (i > 0) await page.getByRole('button', { name: 'Add a dose time' }).click();
    await page.locator(`#dose-time-${i}`).fill(times[i]);
  }
}

async function submit(page) {
  await page.getByRole('button', { name: /Show what to do/ }).click();
}

async function resultText(page) {
  await page.waitForSelector('#missed-dose-result');
  return page.locator('#missed-dose-result').innerText();
}

test('adult, doses 08:00 14:00 20:00, missed 08:00: at 10:00 take it now and keep 14:00', async () => {
  const { context, page, problems } = await openHelper('2026-11-23T10:00:00Z');
  await page.getByLabel('No', { exact: true }).check();
  await submit(page);
  const text = await resultText(page);
  assert.match(text, /What to do: Take the missed dose now\./);
  assert.match(text, /next dose at the usual time: 14:00 today/);
  assert.match(text, /Sources differ here\. An older US guide/);
  assert.match(text, /Never take two doses at once/);
  // Changing any answer removes the old advice, so it is never shown for other inputs.
  await page.getByLabel('Two or more in a row').check();
  assert.equal(await page.locator('#missed-dose-result').count(), 0);
  await page.getByLabel('Just this one').check();
  await submit(page);
  await resultText(page);
  // The day picture lists the doses in words too.
  assert.match(text, /08:00 today: missed dose/);
  assert.match(text, /10:00 today: take the missed dose now/);
  assert.match(text, /14:00 today: your next dose/);
  // Focus moves to the answer so it is read out.
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'missed-dose-result');
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(problems.consoleErrors, []);
  assert.deepEqual(problems.foreignRequests, []);
  await context.close();
});

test('adult at 13:30: leave it out and take 14:00 (NHS under-2-hours rule), with why and source', async () => {
  const { context, page } = await openHelper('2026-11-23T13:30:00Z');
  await page.getByLabel('No', { exact: true }).check();
  await submit(page);
  const text = await resultText(page);
  assert.match(text, /Leave out the missed dose\./);
  assert.match(text, /14:00 today/);
  await page.getByText('Why this answer').click();
  const why = await page.locator('.result__why').innerText();
  assert.match(why, /less than 2 hours/);
  assert.match(why, /NHS-HOW/);
  await context.close();
});

test('child at 11:00: give it now and move the next dose to 15:00 (4-hour gap)', async () => {
  const { context, page } = await openHelper('2026-11-23T11:00:00Z');
  await page.getByLabel('A child (under 18)').check();
  await page.getByLabel('No', { exact: true }).check();
  await submit(page);
  const text = await resultText(page);
  assert.match(text, /Give the missed dose now\./);
  assert.match(text, /Give the next dose at 15:00 today/);
  assert.match(text, /at least 4 hours between doses/);
  assert.match(text, /14:00 today: usual time, moved later/);
  await context.close();
});

test('midnight crossing: due 22:00, remembered 01:30 the next day', async () => {
  const { context, page } = await openHelper('2026-11-24T01:30:00Z');
  await setTimes(page, ['08:00', '15:00', '22:00']);
  await page.getByLabel('No', { exact: true }).check();
  await submit(page);
  const text = await resultText(page);
  assert.match(text, /Take the missed dose now\./);
  assert.match(text, /08:00 today/);
  assert.match(text, /22:00 yesterday: missed dose/);
  await context.close();
});

test('US spring-forward night in New York: real minutes decide, not clock faces', async () => {
  // 01:30 EST on 8 March 2026 = 06:30 UTC; the 04:00 dose is 90 real minutes away.
  const { context, page } = await openHelper('2026-03-08T06:30:00Z', 'America/New_York');
  await setTimes(page, ['01:00', '04:00', '10:00', '16:00', '22:00']);
  await page.getByLabel('No', { exact: true }).check();
  await submit(page);
  const text = await resultText(page);
  assert.match(text, /Leave out the missed dose\./);
  assert.match(text, /04:00 today/);
  await context.close();
});

test('two or more doses missed: contact the prescriber today, with a way to check symptoms', async () => {
  const { context, page } = await openHelper('2026-11-23T10:00:00Z');
  await page.getByLabel('Two or more in a row').check();
  await page.getByLabel('No', { exact: true }).check();
  await submit(page);
  const text = await resultText(page);
  assert.match(text, /Today: Contact your prescriber or pharmacist today\./);
  assert.doesNotMatch(text, /Take the missed dose/);
  assert.deepEqual(await axeViolations(page), []);
  await page.getByRole('link', { name: 'Check symptoms for withdrawal now' }).click();
  await page.waitForURL(site.url + 'side-effects/?context=missed#checker');
  await context.close();
});

test('withdrawal signs are an emergency', async () => {
  const { context, page } = await openHelper('2026-11-23T10:00:00Z');
  await page.getByLabel('Yes', { exact: true }).check();
  await submit(page);
  const text = await resultText(page);
  assert.match(text, /Emergency: Call your emergency number now\./);
  assert.match(text, /local emergency number/);
  assert.deepEqual(await axeViolations(page), []);
  await context.close();
});

test('a pump gets pump guidance and no dose arithmetic', async () => {
  const { context, page } = await openHelper('2026-11-23T10:00:00Z');
  await page.getByLabel('A pump under the skin (intrathecal)').check();
  assert.equal(await page.locator('input[type=time]').count(), 0, 'no dose times for a pump');
  assert.match(await page.locator('form').innerText(), /itching without a rash/);
  await page.getByLabel('No', { exact: true }).check();
  await submit(page);
  const text = await resultText(page);
  assert.match(text, /Call your pump team today\./);
  assert.match(text, /two-tone alarm/);
  assert.doesNotMatch(text, /missed dose now/);
  await context.close();
});

test('bad input: a clear message at each field, nothing typed is lost, no answer shown', async () => {
  const { context, page, problems } = await openHelper('2026-11-23T10:00:00Z');
  await setTimes(page, ['08:00', '20:00', '14:00']);
  await submit(page);
  const summary = page.locator('.error-summary');
  await summary.waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'missed-dose-errors');
  const text = await summary.innerText();
  assert.match(text, /order you take them/);
  assert.match(text, /Answer yes or no/);
  assert.equal(await page.locator('#dose-time-2').getAttribute('aria-invalid'), 'true');
  assert.deepEqual(
    await page.locator('input[type=time]').evaluateAll((inputs) => inputs.map((i) => i.value)),
    ['08:00', '20:00', '14:00'],
  );
  assert.equal(await page.locator('#missed-dose-result').count(), 0);
  // The summary link takes keyboard users to the field.
  await summary.getByRole('link', { name: /order you take them/ }).click();
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'dose-time-2');
  assert.deepEqual(await axeViolations(page), []);
  // Duplicates and doses too close together are caught too.
  await page.locator('#dose-time-2').fill('08:00');
  await submit(page);
  assert.match(await summary.innerText(), /already in the list/);
  await page.locator('#dose-time-2').fill('20:30');
  await submit(page);
  assert.match(await summary.innerText(), /less than 2 hours/);
  assert.deepEqual(problems.pageErrors, []);
  await context.close();
});

test('dose times are remembered only when asked, and can be forgotten', async () => {
  const { context, page } = await openHelper('2026-11-23T10:00:00Z');
  await setTimes(page, ['07:00', '15:00', '23:00']);
  await page.getByLabel('No', { exact: true }).check();
  await submit(page);
  await resultText(page);
  assert.equal(await page.evaluate(() => localStorage.length), 0, 'nothing stored without consent');
  await page.getByLabel(/Remember these dose times/).check();
  await submit(page);
  await resultText(page);
  assert.equal(await page.evaluate(() => localStorage.getItem('baclofen-guide.dose-times')), 'v1|adult|tablet|07:00,15:00,23:00');
  await page.reload();
  await waitForApp(page);
  assert.equal(await page.locator('#dose-time-2').inputValue(), '23:00');
  assert.ok(await page.getByLabel(/Remember these dose times/).isChecked());
  await page.getByLabel(/Remember these dose times/).uncheck();
  assert.equal(await page.evaluate(() => localStorage.length), 0);
  // Damaged data is discarded with a notice, and the page still works.
  await page.evaluate(() => localStorage.setItem('baclofen-guide.dose-times', '{"old":true}'));
  await page.reload();
  await waitForApp(page);
  assert.match(await page.locator('.notice').innerText(), /could not be read/);
  assert.equal(await page.evaluate(() => localStorage.length), 0);
  assert.deepEqual(await context.cookies(), []);
  await context.close();
});

test('keyboard only: fill the form and hear the answer', async () => {
  const { context, page } = await openHelper('2026-11-23T10:00:00Z');
  await page.locator('#person-adult').focus();
  // Tab through to the withdrawal question, answer with the keyboard, submit with Enter.
  await page.locator('#withdrawal-no').focus();
  await page.keyboard.press('Space');
  await page.locator('button[type=submit]').focus();
  await page.keyboard.press('Enter');
  await resultText(page);
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'missed-dose-result');
  assert.equal(await page.locator('.helper__answer').getAttribute('aria-live'), 'polite');
  await context.close();
});
