// Read aloud (issue #31), in Chromium: a spy on `speechSynthesis.speak` records what would be
// said, in order (headless Chromium has no voices of its own). The page's text is read in reading
// order, never hidden text, source ids or the other country's blocks; a phone number is said
// digit by digit; the symptom checker's emergency answer is read action, call, number, then "if it
// gets worse"; the control works from the keyboard alone; the sentence being said is highlighted
// and in view; no speech or no voice is said in words; axe finds nothing; the module is fetched
// only when pressed and is in the offline copy. Pages are found by their words, as a person would.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { assertClean, axeViolations, openPage } from './browser.mjs';
import { DIST_DIR, useSite } from './site.mjs';

const site = useSite();
const MANIFEST = JSON.parse(readFileSync(path.join(DIST_DIR, 'build-manifest.json'), 'utf8'));
const MODULE = MANIFEST.on_press_modules.find((m) => m.name === 'read-aloud');

/**
 * Replaces the browser's voices and speech with a recorder: `window.__spoken` holds each
 * utterance's text and rate in order; an utterance "ends" after `window.__speechMs` ms (never while
 * paused). `voices: false` gives no voices; `speech: false` removes speechSynthesis.
 */
function spy({ voices = true, speech = true } = {}) {
  return [
    ({ voices, speech }) => {
      window.__spoken = [];
      window.__speechMs = 15;
      window.__calls = [];
      if (!speech) {
        Object.defineProperty(window, 'speechSynthesis', { value: undefined, configurable: true });
        return;
      }
      const synth = window.speechSynthesis;
      let queue = [];
      let paused = false;
      let timer = null;
      const next = () => {
        if (timer || paused || !queue.length) return;
        const u = queue[0];
        timer = setTimeout(() => {
          timer = null;
          queue.shift();
          u.dispatchEvent(new Event('end'));
          next();
        }, window.__speechMs);
      };
      synth.getVoices = () => (voices ? [{ name: 'Test voice', lang: 'en-GB', default: true, localService: true }] : []);
      synth.speak = (u) => {
        window.__spoken.push({ text: u.text, rate: u.rate, lang: u.lang });
        queue.push(u);
        next();
      };
      synth.cancel = () => {
        window.__calls.push('cancel');
        clearTimeout(timer);
        timer = null;
        queue = [];
      };
      synth.pause = () => {
        window.__calls.push('pause');
        paused = true;
        clearTimeout(timer);
        timer = null;
      };
      synth.resume = () => {
        window.__calls.push('resume');
        paused = false;
        next();
      };
    },
    { voices, speech },
  ];
}

async function open(options = {}) {
  const opened = await openPage(site.browser, site.origin, { timezoneId: 'Europe/London', ...(options.context ?? {}) });
  await opened.context.addInitScript(...spy(options));
  const modules = [];
  opened.page.on('request', (req) => {
    if (req.url().includes('read-aloud-')) modules.push(req.url());
  });
  return { ...opened, modules };
}

/** Presses the page's "Read aloud" button once the start script has shown it. */
async function pressReadAloud(page) {
  const button = page.getByRole('button', { name: 'Read aloud' });
  await button.waitFor();
  await button.click();
}

const spoken = (page) => page.evaluate(() => window.__spoken.map((u) => u.text));
const status = (page) => page.locator('.read-aloud__status').innerText();

async function readToTheEnd(page) {
  await page.locator('.read-aloud__status', { hasText: 'Finished reading.' }).waitFor({ timeout: 20000 });
  return spoken(page);
}

test('the read-aloud module is built, on no first view, and kept for offline use', () => {
  assert.ok(MODULE, 'build-manifest.json names the read-aloud module');
  for (const page of MANIFEST.pages) {
    assert.ok(!page.first_view.some((f) => f.includes('read-aloud')), `${page.slug} loads read aloud at first view`);
  }
  const worker = readFileSync(path.join(DIST_DIR, 'sw.js'), 'utf8');
  assert.ok(worker.includes(MODULE.js) && worker.includes(MODULE.wasm), 'the offline copy lists the module');
});

test('a page is read in reading order: no hidden text, source ids or the other country', async () => {
  const { page, problems, modules } = await open();
  await page.goto(site.url + 'about/');
  await page.getByRole('button', { name: 'Read aloud' }).waitFor();
  assert.deepEqual(modules, [], 'nothing fetched before the button is pressed');
  await pressReadAloud(page);
  const said = await readToTheEnd(page);
  assert.ok(modules.length >= 1, 'the module is fetched when pressed');
  assert.equal(said[0], 'About baclofen', 'the title first');
  const text = said.join(' | ');
  // A UK device (Europe/London): the UK block with its label, never the US one.
  assert.match(text, /In the UK/);
  assert.doesNotMatch(text, /In the US/);
  assert.doesNotMatch(text, /approved for stiffness caused by multiple sclerosis/);
  // No source ids, no source list, no hidden messages, nothing from the control itself.
  for (const never of ['FDA-TAB', 'NHS-ABOUT', 'Sources', 'JavaScript', 'Read aloud', 'Pause']) {
    assert.ok(!said.some((s) => s.includes(never)), `"${never}" was read: ${text}`);
  }
  // In the order of the page: each sentence is found after the one before.
  const main = (await page.locator('main').innerText()).replace(/\s+/g, ' ');
  let at = 0;
  for (const sentence of said) {
    const found = main.indexOf(sentence, at);
    assert.ok(found >= 0, `"${sentence}" is not in the page after position ${at}`);
    at = found;
  }
  assertClean(problems);
});

test('an Easy Read page is read end to end, with numbers digit by digit', async () => {
  const { page, problems } = await open();
  await page.goto(site.url + 'easy-help-now/');
  await pressReadAloud(page);
  const said = await readToTheEnd(page);
  const text = said.join(' | ');
  // A colon is a pause: the title is said in two parts.
  assert.equal(said.slice(0, 2).join(' '), 'When to get help now: Easy Read');
  // The call button with the number of the device's region (UK here), digit by digit.
  assert.match(text, /Call 9 9 9/);
  assert.match(text, /The out-of-hours service is NHS 1 1 1\./);
  assert.doesNotMatch(text, /911|9 1 1/, 'the US block is not read on a UK device');
  assert.match(said.at(-1), /Check the signs step by step/);
  assertClean(problems);
});

test("the symptom checker's emergency answer: action, who to call, the number digit by digit, then if it gets worse", async () => {
  const { page, problems } = await open();
  await page.goto(site.url + 'side-effects/');
  await page.getByLabel('Having or has had a fit (seizure)').check();
  await page.locator('.care-card--emergency').waitFor();
  await pressReadAloud(page);
  const said = await readToTheEnd(page);
  const title = (await page.locator('.care-card__title').innerText()).replace(/\s+/g, ' ').trim();
  assert.ok(title.startsWith(said[0].replace(/:$/, '')), `first said "${said[0]}", the card's title is "${title}"`);
  const call = said.findIndex((s) => /Call 9 9 9/.test(s));
  const worse = said.findIndex((s) => s.startsWith('If it gets worse'));
  assert.ok(call > 0, `the call button is read with the number digit by digit: ${said.join(' | ')}`);
  assert.ok(worse > call, 'then "if it gets worse"');
  assert.ok(!said.some((s) => /999/.test(s)), 'never "nine hundred and ninety-nine"');
  assertClean(problems);
});

test('the control works from the keyboard: pause, resume, slower, stop; the sentence is highlighted and in view', async () => {
  const { page, problems } = await open();
  await page.goto(site.url + 'easy-missed-dose/');
  await page.evaluate(() => {
    window.__speechMs = 600000;
  });
  await page.getByRole('button', { name: 'Read aloud' }).waitFor();
  // Tab to the button, as a keyboard user would.
  let focused = '';
  for (let i = 0; i < 40 && focused !== 'Read aloud'; i += 1) {
    await page.keyboard.press('Tab');
    focused = await page.evaluate(() => document.activeElement?.textContent.trim() ?? '');
  }
  assert.equal(focused, 'Read aloud');
  await page.keyboard.press('Enter');
  await page.locator('.read-aloud__status', { hasText: 'Reading aloud.' }).waitFor();
  // The focus moves to the island's first button, now "Pause".
  await page.waitForFunction(() => document.activeElement?.textContent.trim() === 'Pause');
  // The sentence being said is highlighted, its block marked and on screen.
  const shown = await page.evaluate(() => {
    const highlight = CSS.highlights.get('read-aloud');
    const range = highlight && [...highlight][0];
    const block = document.querySelector('.read-aloud-current');
    const box = block.getBoundingClientRect();
    return { range: range?.toString(), inView: box.top >= 0 && box.bottom <= innerHeight, last: window.__spoken.at(-1).text };
  });
  assert.equal(shown.range, shown.last);
  assert.ok(shown.inView);
  await page.keyboard.press('Enter');
  await page.locator('.read-aloud__status', { hasText: 'Paused.' }).waitFor();
  assert.equal(await page.evaluate(() => document.activeElement.textContent.trim()), 'Resume');
  await page.keyboard.press('Enter');
  await page.locator('.read-aloud__status', { hasText: 'Reading aloud.' }).waitFor();
  assert.deepEqual(await page.evaluate(() => window.__calls.filter((c) => c !== 'cancel')), ['resume', 'pause', 'resume']);
  // Slower: the sentence is said again, slower.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.textContent.trim()), 'Slower');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => window.__spoken.at(-1).rate < 1);
  assert.equal(await page.getByRole('button', { name: 'Slower' }).getAttribute('aria-pressed'), 'true');
  // Stop: nothing highlighted, the button offers to read again.
  await page.keyboard.press('Shift+Tab');
  assert.equal(await page.evaluate(() => document.activeElement.textContent.trim()), 'Stop');
  await page.keyboard.press('Enter');
  await page.locator('.read-aloud__status', { hasText: 'Stopped.' }).waitFor();
  assert.equal(await page.evaluate(() => CSS.highlights.has('read-aloud')), false);
  assert.equal(await page.locator('.read-aloud-current').count(), 0);
  assert.equal(await page.getByRole('button', { name: 'Read aloud' }).count(), 1);
  assertClean(problems);
});

test('no speech, or no voice for the language: the control says so', async () => {
  for (const [options, words] of [
    [{ speech: false }, 'This browser cannot read aloud.'],
    [{ voices: false }, 'This browser has no English voice'],
  ]) {
    const { page, problems } = await open(options);
    await page.goto(site.url + 'taking/');
    await pressReadAloud(page);
    await page.locator('.read-aloud__status', { hasText: words }).waitFor({ timeout: 5000 });
    assert.deepEqual(await spoken(page), []);
    assertClean(problems);
    await page.context().close();
  }
});

test('axe finds no problems with the control open, on a phone and a wide screen', async () => {
  const found = [];
  for (const width of [320, 1280]) {
    const { page, problems } = await open();
    await page.setViewportSize({ width, height: 800 });
    for (const where of ['about/', 'easy-stopping/']) {
      await page.goto(site.url + where);
      await page.evaluate(() => {
        window.__speechMs = 600000;
      });
      await pressReadAloud(page);
      await page.locator('.read-aloud__status', { hasText: 'Reading aloud.' }).waitFor();
      for (const v of await axeViolations(page)) found.push(`${where} at ${width}px: ${v}`);
    }
    assertClean(problems);
    await page.context().close();
  }
  assert.deepEqual(found, []);
});
