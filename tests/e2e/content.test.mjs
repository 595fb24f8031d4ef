// The explainer's sections in Chromium: search as you type, printing with sources and the
// review date, country labels and the clinic's region, contents on each page, the step-up
// picture's words, and sources that resolve.
import { test } from 'node:test';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import assert from 'node:assert/strict';
import { assertClean, axeViolations, openPage, waitForApp } from './browser.mjs';
import { PAGES, useSite, DIST_DIR } from './site.mjs';

const site = useSite();

/** The clinic's region, as its config.json sets it (undefined: the file as built). */
function useRegion(region) {
  if (region) site.server.overrides['config.json'] = JSON.stringify({ region });
  else delete site.server.overrides['config.json'];
}

/** Every page that reads as a section (search has no text of its own). */
const SECTIONS = PAGES.filter(([path]) => path !== 'search/');

test('search lists matching sections as you type, and a result opens its section', async () => {
  const { context, page, problems } = await openPage(site.browser, site.origin);
  await page.goto(site.url + 'search/');
  const input = page.getByLabel('Search for');
  await input.pressSequentially('alc');
  const results = page.locator('#search-results li');
  await results.first().waitFor();
  assert.match(await results.first().innerText(), /alcohol/i);
  await input.pressSequentially('ohol');
  // Each state is waited for, not read at once: the results follow the typing.
  const status = page.locator('#search-status');
  await status.filter({ hasText: /sections? match(es)? “alcohol”/ }).waitFor();
  const texts = await results.allInnerTexts();
  assert.ok(texts.some((t) => /In: Other medicines, alcohol and driving/.test(t)), texts.join('\n'));
  assert.ok(texts.length <= 10);
  // Words in any order, plural or not, all must match.
  await input.fill('pump alarms');
  await status.filter({ hasText: /“pump alarms”/ }).waitFor();
  assert.match(await results.first().innerText(), /^Pump alarms/);
  await input.fill('zebra');
  await status.filter({ hasText: /Nothing matches “zebra”/ }).waitFor();
  assert.equal(await results.count(), 0);
  // Typed text is shown as text, never as markup.
  await input.fill('<img src=x onerror=alert(1)>');
  assert.equal(await page.locator('#search-results img, main img').count(), 0);
  await input.fill('pregnant');
  await page.locator('#search-results').getByRole('link', { name: 'Pregnancy', exact: true }).click();
  await page.waitForURL(site.url + 'special-situations/#pregnancy');
  assert.equal(await page.locator('main h1').innerText(), 'Special situations');
  assertClean(problems);
  await context.close();
});

test('a search address fills the box, and the results pass axe in light and dark', async () => {
  for (const colorScheme of ['light', 'dark']) {
    const { context, page, problems } = await openPage(site.browser, site.origin, { colorScheme });
    for (const width of [320, 1280]) {
      await page.setViewportSize({ width, height: 800 });
      await page.goto(site.url + 'search/?q=kidney');
      await waitForApp(page);
      await page.locator('#search-results li').first().waitFor();
      assert.equal(await page.getByLabel('Search for').inputValue(), 'kidney');
      assert.equal(await page.locator('.settings-notice').count(), 0, 'q is not a clinic setting');
      assert.deepEqual(await axeViolations(page), [], `search results, ${colorScheme}, ${width}px`);
    }
    assertClean(problems);
    await context.close();
  }
});

test('without JavaScript the search page still lists every section', async () => {
  const { context, page } = await openPage(site.browser, site.origin, { javaScriptEnabled: false });
  await page.goto(site.url + 'search/');
  assert.equal(await page.locator('.search').isVisible(), false);
  assert.equal(await page.locator('nav.contents a').count(), SECTIONS.length - 1);
  await context.close();
});

test('every section prints with its sources and the review date, without navigation', async () => {
  const { context, page, problems } = await openPage(site.browser, site.origin);
  await page.addInitScript(() => {
    window.print = () => document.documentElement.setAttribute('data-printed', '');
  });
  await page.emulateMedia({ media: 'print' });
  for (const [path, heading] of SECTIONS.filter(([p]) => p !== 'sources/')) {
    await page.goto(site.url + path);
    // Printed as the person will print it: once the page's module is live (not a race with it).
    await page.waitForSelector('html[data-app-started]', { state: 'attached', timeout: 20000 });
    // "Take it with you" prints the person's summary alone (H104), on its own test in keep.test.mjs.
    if (await page.locator('.keep-sheet').count()) {
      assert.ok(await page.locator('.keep-sheet').isVisible(), `${path} prints the summary`);
      assert.equal(await page.locator('.page-sources').isVisible(), false, `${path} prints the summary alone`);
      continue;
    }
    const sources = page.locator('.page-sources');
    assert.ok(await sources.isVisible(), `${path || 'home'} prints its sources`);
    assert.match(await sources.innerText(), /Checked against these sources on \d{1,2} \w+ 20\d\d\. Content version \d+\.\d+\.\d+/);
    assert.ok((await sources.locator('li').count()) > 0, `${path || 'home'} lists sources`);
    for (const hidden of ['.site-nav', '.pager', '.toc', '.print-action', '.site-footer__sections']) {
      const shown = await page.locator(hidden).evaluateAll((nodes) => nodes.some((n) => n.offsetParent !== null));
      assert.equal(shown, false, `${hidden} is hidden in print on ${path || 'home'}`);
    }
    assert.equal(await page.locator('main h1').innerText(), heading);
  }
  // On screen, the button prints.
  await page.emulateMedia({ media: 'screen' });
  await page.goto(site.url + 'overdose/');
  await page.getByRole('button', { name: 'Print this page' }).click();
  assert.equal(await page.evaluate(() => document.documentElement.hasAttribute('data-printed')), true);
  // A real PDF of the longest section renders.
  const pdf = await page.pdf({ format: 'A4' }).catch(() => null);
  if (pdf) assert.ok(pdf.length > 10_000);
  assertClean(problems);
  await context.close();
});

test('every source a section cites resolves to an entry on the Sources page', async () => {
  const { context, page } = await openPage(site.browser, site.origin);
  await page.goto(site.url + 'sources/');
  const known = new Set(await page.locator('.source-list__id').allInnerTexts());
  for (const [path] of SECTIONS) {
    await page.goto(site.url + path);
    const cited = await page.locator('main .citations abbr').allInnerTexts();
    const listed = await page.locator('.page-sources strong').allInnerTexts();
    for (const id of cited) {
      assert.ok(known.has(id), `${path}: ${id} is not on the Sources page`);
      assert.ok(listed.includes(id), `${path}: ${id} is missing from the page's own source list`);
    }
  }
  await context.close();
});

test('country facts are labelled, both shown by default, and the clinic region hides the other', async () => {
  const { context, page, problems } = await openPage(site.browser, site.origin);
  const visible = (region) =>
    page.locator(`[data-only-region="${region}"]`).evaluateAll((nodes) => nodes.filter((n) => n.offsetParent !== null).length);
  await page.goto(site.url + 'forms/');
  await waitForApp(page);
  assert.ok((await visible('uk')) > 0 && (await visible('us')) > 0);
  assert.match(await page.locator('[data-only-region="uk"]').first().innerText(), /^In the UK/);
  assert.match(await page.locator('[data-only-region="us"]').first().innerText(), /^In the US/);
  // The clinic's region (config.json, which wins over the address since issue #14).
  try {
    useRegion('uk');
    await page.goto(site.url + 'forms/');
    await waitForApp(page);
    assert.ok((await visible('uk')) > 0);
    assert.equal(await visible('us'), 0);
    // The choice follows the reader to the next page.
    await page.locator('.pager__next a').click();
    await page.waitForURL(/taking\//);
    await waitForApp(page);
    assert.equal(await visible('us'), 0);
    useRegion('us');
    await page.goto(site.url + 'special-situations/');
    await waitForApp(page);
    assert.equal(await visible('uk'), 0);
    assert.ok((await visible('us')) > 0);
    // A country with neither label keeps both.
    useRegion('au');
    await page.goto(site.url + 'forms/');
    await waitForApp(page);
    assert.ok((await visible('uk')) > 0 && (await visible('us')) > 0);
  } finally {
    useRegion(undefined);
  }
  assertClean(problems);
  await context.close();
});

test('each long section has its own contents, and the step-up picture has its words', async () => {
  const { context, page, problems } = await openPage(site.browser, site.origin);
  await page.goto(site.url + 'special-situations/');
  const toc = page.locator('nav.toc');
  assert.ok((await toc.locator('a').count()) >= 8);
  await toc.getByRole('link', { name: 'Pregnancy' }).click();
  await page.waitForFunction(() => location.hash === '#pregnancy');
  assert.ok(await page.locator('h2#pregnancy').isVisible());
  await page.goto(site.url + 'taking/');
  const picture = page.locator('figure.step-up svg');
  assert.equal(await picture.getAttribute('aria-hidden'), 'true');
  assert.equal(await picture.locator('rect').count(), 4);
  const steps = await page.locator('.step-up__steps li').allInnerTexts();
  assert.equal(steps.length, 4);
  assert.match(steps[0], /^Days 1 to 3: 5 mg, three times a day/);
  assert.match(await page.locator('figure.step-up figcaption').innerText(), /step-up plan/);
  assertClean(problems);
  await context.close();
});

test('the guide never shows 25 mg tablets as a standard strength', async () => {
  const { context, page } = await openPage(site.browser, site.origin);
  for (const [path] of SECTIONS) {
    await page.goto(site.url + path);
    // The page's words, without source titles (one source is named after a 25 mg product).
    const text = await page.locator('main').evaluate((main) => {
      const copy = main.cloneNode(true);
      copy.querySelectorAll('.page-sources, .citations, .source-list').forEach((n) => n.remove());
      return copy.innerText ?? copy.textContent;
    });
    for (const sentence of text.split(/(?<=[.!?])\s+/).filter((s) => /25 mg tablet/i.test(s))) {
      assert.match(sentence, /Australia|Spain|not sold in the US or the UK/, `${path}: ${sentence}`);
    }
  }
  await context.close();
});

// Issue #15: what reaches a patient. The mirror list is the build's own data (build/banned-claims.toml).
const MIRRORS = readFileSync('build/banned-claims.toml', 'utf8')
  .split('\n')
  .map((line) => /^domain = "(.+)"$/.exec(line)?.[1])
  .filter(Boolean);

function builtFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return builtFiles(full);
    return /\.(html|json|js)$/.test(entry.name) ? [full] : [];
  });
}

test('no mirror, forum, test server or API address is anywhere in the built site', () => {
  assert.ok(MIRRORS.length >= 20, 'the mirror list looks truncated');
  const files = builtFiles(DIST_DIR);
  assert.ok(files.some((f) => f.endsWith(path.join('sources', 'index.html'))), 'dist/ has the sources page');
  for (const file of files) {
    const text = readFileSync(file, 'utf8').toLowerCase();
    for (const mirror of MIRRORS) {
      const [host, ...rest] = mirror.split('/');
      const pattern = new RegExp(`[/.]${host.replace(/[.]/g, '\\.')}${rest.length ? '/' + rest.join('/') : ''}(?=[/"'?#\\s<]|$)`);
      assert.doesNotMatch(text, pattern, `${file} names the mirror ${mirror}`);
    }
  }
});

test('every source links to the publisher page it names, with the date it was checked', async () => {
  const { context, page } = await openPage(site.browser, site.origin);
  await page.goto(site.url + 'sources/');
  const entries = await page.locator('.source-list > li').evaluateAll((items) =>
    items.map((li) => ({
      id: li.querySelector('.source-list__id')?.textContent,
      href: li.querySelector('.source-list__address a')?.getAttribute('href'),
      text: li.textContent,
    })));
  assert.ok(entries.length >= 30);
  for (const { id, href, text } of entries) {
    const url = new URL(href);
    assert.ok(['https:', 'http:'].includes(url.protocol), `${id}: ${href}`);
    const onMirror = (mirror) => {
      const [host, ...rest] = mirror.split('/');
      const hostMatches = url.hostname === host || url.hostname.endsWith('.' + host);
      return hostMatches && (rest.length === 0 || url.pathname.startsWith('/' + rest.join('/')));
    };
    assert.ok(!MIRRORS.some(onMirror), `${id}: ${href} is a mirror`);
    assert.match(text, /Checked \d{1,2} \w+ 20\d\d\./, `${id} says when it was checked`);
    if (/Food and Drug Administration label/.test(text)) assert.equal(url.host, 'dailymed.nlm.nih.gov', `${id}: FDA labels open on DailyMed`);
  }
  assert.ok(!entries.some((e) => e.id === 'MIMS-SmPC'));
  await context.close();
});

test('the glossary explains the medical words and is in the navigation', async () => {
  const { context, page, problems } = await openPage(site.browser, site.origin);
  await page.goto(site.url);
  assert.equal(await page.locator('nav.contents a', { hasText: 'Words explained' }).count(), 1, 'the start page contents list it');
  await page.locator('.site-footer__sections a', { hasText: 'Words explained' }).first().click();
  await page.waitForURL(site.url + 'glossary/');
  assert.equal(await page.locator('main h1').innerText(), 'Words explained');
  const main = await page.locator('main').innerText();
  for (const word of ['Prescriber', 'Pump team', 'Out-of-hours service', 'MAOI', 'Suspension', 'Antidote', 'Physiotherapy', 'Intrathecal']) {
    assert.match(main, new RegExp(word), `${word} is explained`);
  }
  assert.deepEqual(await axeViolations(page), []);
  assertClean(problems);
  await context.close();
});

test('phone numbers follow the clinic region, each labelled with its country', async () => {
  const { context, page, problems } = await openPage(site.browser, site.origin);
  const shown = (text) => page.locator('main p', { hasText: text }).evaluateAll((nodes) => nodes.filter((n) => n.offsetParent !== null).length);
  await page.goto(site.url + 'overdose/');
  await waitForApp(page);
  assert.ok((await shown('1-800-222-1222')) > 0 && (await shown('NHS 111')) > 0, 'both countries by default');
  assert.ok((await shown('13 11 26')) > 0, 'Australia is named in words');
  try {
    useRegion('uk');
    await page.goto(site.url + 'overdose/');
    await waitForApp(page);
    assert.equal(await shown('1-800-222-1222'), 0);
    assert.ok((await shown('NHS 111')) > 0);
    useRegion('us');
    await page.goto(site.url + 'side-effects/');
    await waitForApp(page);
    assert.equal(await shown('116 123'), 0);
    assert.ok((await shown('988')) > 0);
  } finally {
    useRegion(undefined);
  }
  assertClean(problems);
  await context.close();
});

test('the corrected warnings read as a pharmacist signed them', async () => {
  const { context, page } = await openPage(site.browser, site.origin);
  const text = async (path) => {
    await page.goto(site.url + path);
    return page.locator('main').innerText();
  };
  const sideEffects = await text('side-effects/');
  const common = await page.locator('main ul', { hasText: 'feeling sleepy or drowsy' }).first().innerText();
  assert.doesNotMatch(common, /confus/i, 'confusion is not a common effect to wait out');
  assert.match(sideEffects, /Sudden confusion: call your emergency number now/);
  assert.match(sideEffects, /Confusion that came on over days: contact your prescriber straight away/);
  assert.doesNotMatch(sideEffects, /Tell a doctor at once/);
  assert.doesNotMatch(await text('stopping/'), /if the pump stops/);
  assert.doesNotMatch(await text('storage/'), /just because a pack is out of date/);
  assert.doesNotMatch(await text('taking/'), /usual most/i);
  assert.doesNotMatch(await text('how-it-works/'), /few weeks/);
  assert.doesNotMatch(await text('special-situations/'), /mainly after 2 months/);
  for (const [path] of SECTIONS) assert.doesNotMatch(await text(path), /\d ml\b/, `${path}: units are written mL`);
  await context.close();
});

/**
 * Issue 27 item 2 (fact sheet §11 design notes, review M13): every sentence that asks a person to
 * contact their prescriber, pharmacist, pump team or doctor now, straight away or today names the
 * route for when they are closed; "if they are closed" always has its subject; a US reader never
 * sees NHS 111. Read as a person sees each section (hidden country blocks left out), for a UK
 * clinic, a US clinic and no region. The helpers' published rules are their engines' (checked in
 * their own walks), so the placeholders are left out here.
 */
test('every contact sentence names a route for when they are closed, in the UK, the US and with no region', async () => {
  const { context, page, problems } = await openPage(site.browser, site.origin);
  const ASKS = /\b(contact|call|ask|speak to|phone)\b/;
  const WHOM = /\b(prescriber|pharmacist|pump team|doctor)\b/;
  const WHEN = /\b(now|straight away|today)\b/;
  const ROUTE = /out-of-hours|NHS 111|emergency department|A&E|go to hospital/i;
  const NO_SUBJECT = /\bif (they|he|she|it) (is|are) closed\b|\bif they're closed\b/i;
  const blocks = () =>
    page.locator('main .statement, main .callout, main section.question').evaluateAll((nodes) =>
      nodes.filter((n) => n.offsetParent !== null && !n.closest('.island')).map((n) => n.innerText));
  try {
    for (const region of ['uk', 'us', undefined]) {
      useRegion(region);
      for (const [path] of SECTIONS) {
        await page.goto(site.url + path);
        await waitForApp(page);
        const texts = await blocks();
        for (const text of texts) {
          assert.doesNotMatch(text, NO_SUBJECT, `${path} (${region ?? 'no region'}): a closed door without a subject: ${text}`);
          if (region === 'us') assert.doesNotMatch(text, /NHS 111/, `${path}: NHS 111 shown to a US reader: ${text}`);
          for (const sentence of text.toLowerCase().split(/[.?!;\n]/)) {
            if (ASKS.test(sentence) && WHOM.test(sentence) && WHEN.test(sentence)) {
              assert.match(text, ROUTE, `${path} (${region ?? 'no region'}): "${sentence.trim()}" names no route for when they are closed`);
            }
          }
        }
        if (region === 'uk' && ['side-effects/', 'missed-dose/', 'stopping/', 'special-situations/'].includes(path)) {
          assert.ok(texts.some((t) => /NHS 111/.test(t)), `${path}: a UK reader is told about NHS 111`);
        }
      }
    }
  } finally {
    useRegion(undefined);
  }
  assertClean(problems);
  await context.close();
});

/**
 * The clinical review's serious findings (2026-12-07), as a carer reads the built pages: each
 * callout found by its heading, its words checked against the fact sheet's row (§11 rows 1b, C6,
 * 11, 12a/12b, 19, 23/23b and the design notes' static-list line).
 */
test('a carer reading the pages finds sudden confusion, pump alarms, urine and floppy babies are now, never today', async () => {
  const { context, page, problems } = await openPage(site.browser, site.origin);
  const callout = (name) => page.locator('section.callout', { has: page.getByRole('heading', { name }) });
  await page.goto(site.url + 'side-effects/');
  await waitForApp(page);
  // S1: sudden confusion is an emergency, with the pump, missed doses and a high temperature named.
  const sudden = await callout(/Sudden confusion: call your emergency number now/).innerText();
  for (const words of [/even if they can be woken/, /uses a baclofen pump/, /missed doses, ran out or stopped/, /38 °C/, /kidney problems/]) {
    assert.match(sudden, words);
  }
  assert.match(await callout(/Very sleepy and confused, with sudden jerks/).innerText(), /even if they can be woken/);
  // S2: an older person's new confusion never waits for the next visit.
  const older = await page.locator('main p', { hasText: 'Older people get confused' }).innerText();
  assert.match(older, /Sudden confusion in an older person is an emergency/);
  assert.doesNotMatch(older.replace(/without confusion/g, ''), /confus[^.]*\btoday\b/i);
  // S3: the contact-today lists send pump users and missed doses to the emergency number.
  for (const name of [/Contact your prescriber today if you notice/, /Contact your prescriber today if$/]) {
    assert.match(await callout(name).innerText(), /Have a baclofen pump, or missed doses, ran out or stopped\? Call your emergency number now instead\./);
  }
  // S6: cannot pass any urine is help now.
  const urine = await callout(/Cannot pass any urine: get help now/).innerText();
  assert.match(urine, /get medical help now/);
  assert.match(urine, /autonomic dysreflexia/);
  // S5: the two-tone alarm.
  await page.goto(site.url + 'stopping/');
  await waitForApp(page);
  const alarms = await page.locator('main li', { hasText: 'two-tone alarm' }).innerText();
  assert.match(alarms, /Call your pump team now\. If you cannot speak to them straight away, go to the emergency department now with your pump card\./);
  assert.match(alarms, /Do not wait for symptoms/);
  assert.match(await page.locator('main li', { hasText: 'single beep' }).innerText(), /today/);
  // S7: a floppy, very hard to wake or unfed baby.
  await page.goto(site.url + 'special-situations/');
  await waitForApp(page);
  const baby = await callout(/Watch your baby/).innerText();
  assert.match(baby, /Get urgent help now if your baby is floppy, very hard to wake, or not feeding/);
  assert.match(baby, /under 8 weeks old and you are very worried/);
  assert.match(baby, /a bit sleepier than usual, or feeding a little less, contact their doctor today/);
  assertClean(problems);
  await context.close();
});
