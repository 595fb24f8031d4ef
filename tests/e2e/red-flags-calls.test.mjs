// Who a person can call from an answer, by the device's time zone, as a person reads and taps it.
// Every number below is typed from the fact sheet (baclofen-facts.md §0c), not from the code:
// the poisons line in the overdose answer (§11 row 3, "or poison centre immediately"), and pump
// answers that name the pump team when no clinic number is set (§11 row 11: "call the pump team
// now; if you cannot speak to them straight away, go to the emergency department now with your
// pump card"; row 5c: the emergency number "with symptoms or no transport").
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, waitForApp } from './browser.mjs';
import { useSite } from './site.mjs';
import { fillMissedDose, tick } from './person.mjs';

const site = useSite();

// §0c: emergency numbers, and the poisons line where the row has one.
const US = { zone: 'America/New_York', emergency: '911', poisons: { name: 'Poison Help', number: '1-800-222-1222', tel: 'tel:18002221222' } };
const JAPAN = { zone: 'Asia/Tokyo', emergency: '119', poisons: null };
const AUSTRALIA = { zone: 'Australia/Sydney', emergency: '000', poisons: { name: 'Poisons Information Centre', number: '13 11 26', tel: 'tel:131126' } };
// A time zone with no §0c row, outside the EU/EEA, the UK and Switzerland: no number is guessed.
const NO_ROW = { zone: 'Asia/Kolkata', emergency: null, poisons: null };

async function open(path, timezoneId, options = {}) {
  const opened = await openPage(site.browser, site.origin, { timezoneId, ...options });
  await opened.page.goto(site.url + path);
  await waitForApp(opened.page);
  return opened;
}

const card = (page) => page.locator('#red-flag-result');

test('the overdose answer offers the region\'s poisons line as a call button (§0c), and never a guessed one', async () => {
  for (const region of [US, AUSTRALIA, JAPAN, NO_ROW]) {
    const { context, page, problems } = await open('side-effects/', region.zone);
    try {
      await tick(page, "Took more baclofen than prescribed, or someone else's baclofen, even with no signs yet");
      const answer = card(page);
      await answer.waitFor();
      assert.match(await answer.innerText(), /Emergency: Call your emergency number now/);
      const emergency = answer.locator('a.call__button').first();
      if (region.emergency) {
        assert.equal(await emergency.getAttribute('href'), `tel:${region.emergency}`, region.zone);
      }
      const poisons = answer.getByRole('link', { name: /Poison/ });
      if (region.poisons) {
        assert.equal(await poisons.count(), 1, `${region.zone}: one poisons button`);
        assert.equal(await poisons.getAttribute('href'), region.poisons.tel);
        const name = await poisons.innerText();
        assert.ok(name.includes(region.poisons.name) && name.includes(region.poisons.number), name);
        // The overdose page's condition: only an adult who seems well calls it instead.
        assert.match(await answer.innerText(), /If an adult took extra but seems well/);
      } else {
        assert.equal(await poisons.count(), 0, `${region.zone}: no poisons line in §0c`);
      }
      // Every number that can be dialled is one of §0c's for this region.
      const allowed = [region.emergency, region.poisons?.tel.slice(4)].filter(Boolean).map((n) => `tel:${n}`);
      for (const href of await answer.locator('a[href^="tel:"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')))) {
        assert.ok(allowed.includes(href), `${region.zone}: ${href} is not a §0c number`);
      }
      assert.deepEqual(problems.foreignRequests, []);
    } finally {
      await context.close();
    }
  }
});

test('a child\'s overdose, or one with a danger sign, gets the emergency number alone (§11 C7, row 1)', async () => {
  const { context, page } = await open('side-effects/', US.zone);
  try {
    await tick(page, "Took more baclofen than prescribed, or someone else's baclofen, even with no signs yet");
    await tick(page, /Breathing is slow/);
    await card(page).waitFor();
    assert.equal(await card(page).getByRole('link', { name: /Poison/ }).count(), 0);
    assert.equal(await card(page).locator('a.call__button').first().getAttribute('href'), 'tel:911');
  } finally {
    await context.close();
  }
});

/** The pump answer when no clinic number is set: the pump team's own number, and a button. */
async function assertPumpFallback(scope, region) {
  const text = await scope.innerText();
  assert.match(text, /the number your pump team gave you/, 'sends the person to the pump team\'s own number');
  const buttons = scope.locator('a[href^="tel:"]');
  if (region.emergency) {
    assert.ok((await buttons.count()) >= 1, `${region.zone}: a number to call`);
    assert.equal(await scope.getByRole('link', { name: `Call ${region.emergency}` }).getAttribute('href'), `tel:${region.emergency}`);
  } else {
    // §0c: no row, no guessed number: the words alone.
    assert.equal(await buttons.count(), 0, `${region.zone}: no guessed number`);
    assert.match(text, /call your local emergency number/i);
  }
}

test('a two-tone alarm, a missed refill and an hourly beep with no clinic number still give someone to call', async () => {
  for (const region of [US, JAPAN, NO_ROW]) {
    for (const sign of ['The pump makes a two-tone alarm', 'A refill visit was missed, or is overdue', 'The pump beeps about once an hour']) {
      const { context, page } = await open('side-effects/', region.zone);
      try {
        await tick(page, sign);
        await card(page).waitFor();
        assert.match(await card(page).innerText(), /Urgent: Call your pump team/, sign);
        await assertPumpFallback(card(page), region);
      } finally {
        await context.close();
      }
    }
  }
});

test('the missed-dose helper\'s pump answer with no clinic number still gives someone to call', async () => {
  for (const region of [US, NO_ROW]) {
    const { context, page } = await open('missed-dose/', region.zone);
    try {
      await fillMissedDose(page, { form: 'A pump under the skin (intrathecal)' });
      await page.getByRole('button', { name: /Show what to do/ }).click();
      const result = page.locator('#missed-dose-result');
      await result.waitFor();
      assert.match(await result.innerText(), /Now: Call your pump team now/);
      await assertPumpFallback(result, region);
    } finally {
      await context.close();
    }
  }
});

test('the stopping page sends the person to the pump team\'s own number, with the emergency number, with and without JavaScript', async () => {
  const { context, page } = await open('stopping/', US.zone);
  try {
    const box = page.locator('section, aside, div').filter({ has: page.getByRole('heading', { name: /Cannot reach your pump team/ }) }).last();
    assert.match(await box.innerText(), /the number your pump team gave you/);
    assert.equal(await box.getByRole('link', { name: 'Call 911' }).getAttribute('href'), 'tel:911');
  } finally {
    await context.close();
  }
  const nojs = await openPage(site.browser, site.origin, { javaScriptEnabled: false, timezoneId: US.zone });
  try {
    await nojs.page.goto(site.url + 'stopping/');
    const text = await nojs.page.locator('main').innerText();
    assert.match(text, /Cannot reach your pump team/);
    assert.match(text, /the number your pump team gave you/);
    // §11 row 11: the emergency department now, with the pump card.
    assert.match(text, /emergency department now with your pump card/);
  } finally {
    await nojs.context.close();
  }
});
