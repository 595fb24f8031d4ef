// The red-flag checker in Chromium: live triage, care cards, call button, carer wording,
// the bridge from the missed-dose helper, keyboard use and axe in every result state.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { axeViolations, openPage, waitForApp } from './browser.mjs';
import { useSite } from './site.mjs';

const site = useSite();

async function openChecker(query = '', options = {}) {
  const opened = await openPage(site.browser, site.origin, options);
  await opened.page.goto(site.url + 'side-effects/' + query);
  await waitForApp(opened.page);
  return opened;
}

const card = (page) => page.locator('#red-flag-result');

test('an emergency shows, with a call button, the moment it is ticked', async () => {
  const { context, page, problems } = await openChecker();
  assert.equal(await card(page).count(), 0, 'no answer before anything is ticked');
  await page.getByLabel('Had a fit (seizure)').check();
  const bar = page.locator('.checker__bar');
  await bar.waitFor();
  assert.match(await bar.innerText(), /Call your emergency number now/);
  assert.equal(await bar.locator('a.call__button').getAttribute('href'), 'tel:112');
  // The bar stays on screen while ticking further down the page.
  assert.ok(await bar.isVisible());
  const text = await card(page).innerText();
  assert.match(text, /Emergency: Call your emergency number now/);
  assert.match(text, /or your local emergency number: 999 in the UK, 911 in the US, 000 in Australia/);
  assert.match(text, /If it gets worse:/);
  assert.match(text, /FDA-TAB/);
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(problems.consoleErrors, []);
  assert.deepEqual(problems.foreignRequests, []);
  await context.close();
});

test('a pump user with itching is an emergency; without the pump it is urgent', async () => {
  const { context, page } = await openChecker();
  await page.getByLabel('Itchy all over, without a rash').check();
  assert.match(await card(page).innerText(), /Urgent: Contact your prescriber today/);
  assert.match(await card(page).innerText(), /NHS 111/);
  assert.deepEqual(await axeViolations(page), []);
  await page.getByLabel('Uses a baclofen pump (intrathecal)').check();
  assert.match(await card(page).innerText(), /Emergency: Call your emergency number now/);
  assert.match(await card(page).innerText(), /early signs of withdrawal or a pump problem/);
  // Unticking goes back down.
  await page.getByLabel('Uses a baclofen pump (intrathecal)').uncheck();
  assert.match(await card(page).innerText(), /Urgent/);
  await context.close();
});

test('combinations raise the level: sedatives with drowsiness, then with hard to wake', async () => {
  const { context, page } = await openChecker();
  await page.getByLabel('A bit more drowsy or unsteady than usual').check();
  assert.match(await card(page).innerText(), /Not urgent: Mention it at your next visit/);
  assert.deepEqual(await axeViolations(page), []);
  await page.getByLabel(/Has had alcohol, strong painkillers/).check();
  assert.match(await card(page).innerText(), /Urgent/);
  assert.match(await card(page).innerText(), /Do not drive/);
  await page.getByLabel('Cannot be woken properly, or has passed out').check();
  assert.match(await card(page).innerText(), /Emergency/);
  assert.match(await card(page).innerText(), /Also noted/);
  await context.close();
});

test('none of these gives a calm answer, and ticking a symptom clears it', async () => {
  const { context, page } = await openChecker();
  await page.getByLabel('None of these').check();
  assert.match(await card(page).innerText(), /No red flags ticked/);
  assert.deepEqual(await axeViolations(page), []);
  await page.getByLabel('Pins and needles').check();
  assert.equal(await page.getByLabel('None of these').isChecked(), false);
  assert.match(await card(page).innerText(), /Not urgent/);
  await context.close();
});

test('for someone I care for, the wording speaks about them', async () => {
  const { context, page } = await openChecker();
  await page.getByLabel('Someone I care for').check();
  await page.getByLabel(/They took more than prescribed/).check();
  const text = await card(page).innerText();
  assert.match(text, /even if they seem well/);
  // Choosing "a child" counts as the child situation: any child ingestion is an emergency.
  await page.getByLabel('A child', { exact: true }).check();
  assert.match(await card(page).innerText(), /A child who swallows any amount/);
  await context.close();
});

test('the missed-dose helper bridges here with missed doses already ticked, and back', async () => {
  const { context, page } = await openPage(site.browser, site.origin, { timezoneId: 'Europe/London' });
  await page.clock.setFixedTime(new Date('2026-11-23T10:00:00Z'));
  await page.goto(site.url + 'missed-dose/');
  await waitForApp(page);
  await page.getByLabel('Two or more in a row').check();
  await page.getByLabel('No', { exact: true }).check();
  await page.getByRole('button', { name: /Show what to do/ }).click();
  await page.getByRole('link', { name: 'Check symptoms for withdrawal now' }).click();
  await page.waitForURL(site.url + 'side-effects/?context=missed#checker');
  assert.ok(await page.getByLabel('Has missed doses, run out, or stopped suddenly').isChecked());
  assert.match(await card(page).innerText(), /Urgent/);
  await page.getByLabel('Seeing or hearing things that are not there').check();
  assert.match(await card(page).innerText(), /Emergency/);
  await page.getByRole('link', { name: 'Work out what to do about a missed dose' }).click();
  await page.waitForURL(site.url + 'missed-dose/');
  await context.close();
});

test('unknown situations in the address are ignored', async () => {
  const { context, page, problems } = await openChecker('?context=fever,%3Cscript%3E,pump');
  assert.ok(await page.getByLabel('Uses a baclofen pump (intrathecal)').isChecked());
  assert.equal(await page.getByLabel('High temperature (fever)').isChecked(), false);
  assert.deepEqual(problems.pageErrors, []);
  await context.close();
});

test('keyboard only: tick with Space, the answer is announced in a live region', async () => {
  const { context, page } = await openChecker();
  await page.locator('#flag-chest-pain').focus();
  await page.keyboard.press('Space');
  assert.equal(await page.locator('.checker__answer').getAttribute('role'), 'status');
  assert.match(await card(page).innerText(), /Emergency/);
  await page.keyboard.press('Space');
  assert.equal(await card(page).count(), 0);
  await context.close();
});

test('dark mode and narrow screens: zero axe violations for an emergency card', async () => {
  const { context, page } = await openChecker('', { colorScheme: 'dark', viewport: { width: 320, height: 700 } });
  await page.getByLabel('Chest pain').check();
  assert.deepEqual(await axeViolations(page), []);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `scrolls sideways by ${overflow}px`);
  await context.close();
});
