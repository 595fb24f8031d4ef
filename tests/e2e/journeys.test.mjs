// Five journeys people make (issue #17), on a 360 × 740 phone with the browser's text size at
// 200 %, by the words on the page. Each asserts the final advice and prints the taps and the
// scrolling it took: "journey: <name>: N taps, M px scrolled".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { launchWithTextSize, waitForApp } from './browser.mjs';
import { useSite } from './site.mjs';

const site = useSite();

/** A phone with large text, counting taps and the distance scrolled. */
async function phone(name, run) {
  const context = await launchWithTextSize(32, { viewport: { width: 360, height: 740 }, timezoneId: 'Europe/London', locale: 'en-GB' });
  const tally = { taps: 0, scrolled: 0 };
  try {
    const page = await context.newPage();
    await page.clock.setFixedTime(new Date('2026-11-23T10:00:00Z'));
    /** One tap (or one typed answer), with the scrolling it needed. */
    const tap = async (action) => {
      const before = await page.evaluate(() => window.scrollY);
      await action();
      const after = await page.evaluate(() => window.scrollY);
      tally.taps += 1;
      tally.scrolled += Math.abs(after - before);
    };
    await run(page, tap);
    console.log(`journey: ${name}: ${tally.taps} taps, ${Math.round(tally.scrolled)} px scrolled`);
  } finally {
    await context.close();
  }
  return tally;
}

async function open(page, path) {
  await page.goto(site.url + path);
  await waitForApp(page);
}

test('an adult whose 08:00 dose is late at 10:00 is told to take it now', async () => {
  await phone('adult late dose', async (page, tap) => {
    await open(page, 'missed-dose/');
    await tap(() => page.getByLabel('An adult').check());
    await tap(() => page.getByLabel('Tablets').check());
    await tap(() => page.getByLabel('How many times a day?').selectOption({ label: '3 times a day' }));
    await tap(() => page.getByLabel('Dose 1 time').fill('08:00'));
    await tap(() => page.getByLabel('Dose 2 time').fill('14:00'));
    await tap(() => page.getByLabel('Dose 3 time').fill('20:00'));
    await tap(() => page.getByLabel('A dose was missed').check());
    await tap(() => page.getByLabel('Which dose was missed?').selectOption({ label: 'The 08:00 today dose' }));
    await tap(() => page.getByLabel('Just this one').check());
    await tap(() => page.getByRole('radio', { name: 'No', exact: true }).check());
    await tap(() => page.getByRole('button', { name: 'Show what to do' }).click());
    const answer = page.locator('#missed-dose-result');
    await answer.waitFor();
    assert.match(await answer.innerText(), /Take the missed dose now/);
  });
});

test('a parent whose child was sick 15 minutes after a dose is told to give the same dose again', async () => {
  await phone('child sick after a dose', async (page, tap) => {
    await page.clock.setFixedTime(new Date('2026-11-23T08:20:00Z'));
    await open(page, '');
    await tap(() => page.getByRole('link', { name: /sick after a dose\? Work out what to do now/ }).click());
    await page.locator('html[data-app-started]').waitFor();
    await tap(() => page.getByLabel('A child (under 18)').check());
    await tap(() => page.getByLabel('Liquid', { exact: true }).check());
    await tap(() => page.getByLabel('How many times a day?').selectOption({ label: '2 times a day' }));
    await tap(() => page.getByLabel('Dose 1 time').fill('08:00'));
    await tap(() => page.getByLabel('Dose 2 time').fill('20:00'));
    await tap(() => page.getByLabel('A dose was taken, but it came back up (vomited)').check());
    await tap(() => page.getByLabel('Which dose was taken?').selectOption({ label: 'The 08:00 today dose' }));
    await tap(() => page.getByLabel('How many minutes after taking it did it come back up?').fill('15'));
    await tap(() => page.getByRole('radio', { name: 'No', exact: true }).check());
    await tap(() => page.getByRole('button', { name: 'Show what to do for my child' }).click());
    const answer = page.locator('#missed-dose-result');
    await answer.waitFor();
    assert.match(await answer.innerText(), /Give the same dose again now/);
  });
});

test('a carer of a pump user: beeping is today, then itching and confusion is an emergency', async () => {
  await phone('pump beeping, then itchy and confused', async (page, tap) => {
    await open(page, 'side-effects/');
    await tap(() => page.getByLabel('Someone I care for').check());
    const pump = page.getByRole('group', { name: /have a baclofen pump/ });
    await tap(() => pump.getByRole('radio', { name: 'Yes', exact: true }).check());
    await tap(() => page.getByLabel('The pump beeps about once an hour').check());
    const bar = page.locator('.checker__bar');
    assert.match(await bar.innerText(), /Urgent:\s*Call their pump team today/);
    await tap(() => page.getByLabel('Itching or scratching a lot, often with no rash').check());
    assert.match(await bar.innerText(), /Emergency/);
    await tap(() => page.locator('summary', { hasText: 'Confusion, mood and the mind' }).click());
    await tap(() => page.getByLabel('Confusion that has crept in over a few days, but awake and alert').check());
    await tap(() => bar.getByRole('link', { name: 'See the answer' }).click());
    const card = page.locator('#red-flag-result');
    assert.match(await card.locator('h3').innerText(), /Emergency: Call your emergency number now, or go to hospital/);
    assert.ok(await card.locator('.call__button').first().isVisible());
  });
});

test('drowsy after a new sleeping tablet: contact today, do not drive', async () => {
  await phone('drowsy after a new sleeping tablet', async (page, tap) => {
    await open(page, 'side-effects/');
    await tap(() => page.getByLabel('Me', { exact: true }).check());
    await tap(() => page.locator('summary', { hasText: 'Doses and other medicines' }).click());
    await tap(() => page.getByLabel(/a sleeping pill or another calming medicine/).check());
    await tap(() => page.locator('summary', { hasText: 'Sleepiness, weakness and falls' }).click());
    await tap(() => page.getByLabel('A bit more drowsy or unsteady than usual').check());
    const bar = page.locator('.checker__bar');
    assert.match(await bar.innerText(), /Urgent:\s*Contact your prescriber or pharmacist today/);
    await tap(() => bar.getByRole('link', { name: 'See the answer' }).click());
    assert.match(await page.locator('#red-flag-result').innerText(), /do not drive/i);
  });
});

test('"can I drink alcohol" finds the answer', async () => {
  await phone('can I drink alcohol', async (page, tap) => {
    await open(page, 'search/');
    await tap(() => page.getByLabel('Search for').fill('can I drink alcohol'));
    const first = page.locator('#search-results a').first();
    await first.waitFor();
    assert.match(await first.innerText(), /alcohol/i);
    await tap(() => first.click());
    await page.waitForURL(/questions\/|medicines-alcohol-driving\//);
    assert.match(await page.locator('main').innerText(), /alcohol/i);
  });
});
