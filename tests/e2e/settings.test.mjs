// Clinic settings and embedding in Chromium: config.json and address parameters reach the page,
// invalid ones show a notice and never become HTML or links, settings stay on links, and the
// guide embedded in a clinic page from another origin applies its settings and resizes.
import { test, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { axeViolations, openPage, waitForApp } from './browser.mjs';
import { useSite } from './site.mjs';
import { startServer } from './server.mjs';

const site = useSite();

const CLINIC = {
  clinic_name: 'Riverside Neurology',
  clinic_phone: '020 7946 0000',
  region: 'uk',
  accent: '#2d5a27',
};

function useConfig(config) {
  site.server.overrides['config.json'] = typeof config === 'string' ? config : JSON.stringify(config);
}

afterEach(() => {
  delete site.server.overrides['config.json'];
});

test('config.json settings reach the footer, the checker and the colours', async () => {
  useConfig(CLINIC);
  const { context, page, problems } = await openPage(site.browser, site.origin);
  await page.goto(site.url);
  await waitForApp(page);
  assert.equal(await page.locator('#emergency-line').innerText(), 'In an emergency call 999.');
  const clinic = page.locator('#clinic-contact');
  await clinic.waitFor();
  assert.match(await clinic.innerText(), /Riverside Neurology/);
  assert.equal(await clinic.locator('a', { hasText: '020 7946 0000' }).getAttribute('href'), 'tel:02079460000');
  assert.equal(await clinic.locator('a', { hasText: '111' }).getAttribute('href'), 'tel:111');
  assert.equal(await page.evaluate(() => document.documentElement.style.getPropertyValue('--brand')), '#2d5a27');
  assert.equal(await page.locator('.settings-notice').count(), 0);
  assert.deepEqual(await axeViolations(page), []);

  await page.goto(site.url + 'side-effects/');
  await waitForApp(page);
  await page.getByLabel('Had a fit (seizure)').check();
  assert.equal(await page.locator('.checker__bar a.call__button').getAttribute('href'), 'tel:999');
  assert.doesNotMatch(await page.locator('#red-flag-result').innerText(), /911 in the US/);
  await page.getByLabel('Had a fit (seizure)').uncheck();
  await page.getByLabel('Itchy all over, without a rash').check();
  const contacts = page.locator('#red-flag-result .contacts a');
  assert.deepEqual(await contacts.evaluateAll((links) => links.map((a) => a.getAttribute('href'))), ['tel:02079460000', 'tel:111']);
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(problems.consoleErrors, []);
  assert.deepEqual(problems.foreignRequests, []);
  assert.deepEqual(await context.cookies(), []);
  await context.close();
});

test('invalid settings are ignored with a visible notice and never become HTML or links', async () => {
  const { context, page, problems } = await openPage(site.browser, site.origin);
  const query = '?clinic_name=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E&clinic_phone=javascript:alert(1)' +
    '&emergency_number=101&accent=red&colour=blue';
  await page.goto(site.url + 'side-effects/' + query);
  await waitForApp(page);
  const notice = page.locator('.settings-notice');
  await notice.waitFor();
  const text = await notice.innerText();
  for (const name of ['clinic_name', 'clinic_phone', 'emergency_number', 'accent', 'colour']) {
    assert.match(text, new RegExp(name), `${name} is named`);
  }
  assert.match(text, /can only be 999, 911, 000 or 112/);
  assert.equal(await page.locator('img').count(), 0, 'no element made from a setting');
  assert.equal(await page.locator('a[href^="javascript:"]').count(), 0);
  assert.equal(await page.locator('#clinic-contact').isVisible(), false);
  assert.match(await page.locator('#emergency-line').innerText(), /your local emergency number/);
  await page.getByLabel('Had a fit (seizure)').check();
  assert.equal(await page.locator('.checker__bar a.call__button').getAttribute('href'), 'tel:112');
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(problems.pageErrors, []);
  await context.close();
});

test('a config.json that is not JSON is reported and the guide still works', async () => {
  useConfig('{ "region": "uk", oops');
  const { context, page, problems } = await openPage(site.browser, site.origin);
  await page.goto(site.url + 'missed-dose/');
  await waitForApp(page);
  assert.match(await page.locator('.settings-notice').innerText(), /config\.json could not be read/);
  await page.locator('#dose-time-0').fill('08:00');
  await page.getByLabel('No', { exact: true }).check();
  await page.getByRole('button', { name: 'Show what to do' }).click();
  await page.locator('#missed-dose-result').waitFor();
  assert.deepEqual(problems.pageErrors, []);
  await context.close();
});

test('a clinic can lock its settings so that links cannot change them', async () => {
  useConfig({ url_settings: false, region: 'au' });
  const { context, page } = await openPage(site.browser, site.origin);
  await page.goto(site.url + '?region=us');
  await waitForApp(page);
  assert.equal(await page.locator('#emergency-line').innerText(), 'In an emergency call 000.');
  assert.match(await page.locator('.settings-notice').innerText(), /region was ignored: this site takes settings only from config\.json/);
  await context.close();
});

test('settings from the address stay on links to other pages, and embed mode hides the site header', async () => {
  const { context, page, problems } = await openPage(site.browser, site.origin);
  await page.goto(site.url + 'about/?region=us&embed=1');
  await waitForApp(page);
  assert.equal(await page.locator('.site-header').isVisible(), false);
  assert.equal(await page.locator('footer').isVisible(), true);
  assert.equal(await page.locator('#emergency-line').innerText(), 'In an emergency call 911.');
  await page.locator('.site-footer__meta a', { hasText: 'Sources and review' }).click();
  await page.waitForURL(site.url + 'sources/?region=us&embed=1');
  await waitForApp(page);
  assert.equal(await page.locator('#emergency-line').innerText(), 'In an emergency call 911.');
  assert.equal(await page.locator('.site-header').isVisible(), false);
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(problems.consoleErrors, []);
  await context.close();
});

/** The example clinic page, served from another origin, pointing at this test's guide. */
async function startClinic() {
  const html = readFileSync('examples/clinic.html', 'utf8').replace('http://127.0.0.1:8080/', site.url);
  return startServer({ root: 'examples', prefix: '/', overrides: { 'clinic.html': html } });
}

async function frameHeight(page) {
  return page.locator('iframe.baclofen-guide-frame').evaluate((frame) => frame.getBoundingClientRect().height);
}

test('embedded from another origin, the guide applies its settings and resizes its frame', async () => {
  const clinic = await startClinic();
  const clinicOrigin = new URL(clinic.url).origin;
  assert.notEqual(clinicOrigin, site.origin);
  useConfig({ embed_origins: [clinicOrigin] });
  const { context, page, problems } = await openPage(site.browser, clinicOrigin);
  try {
    await page.goto(clinic.url + 'clinic.html');
    const frame = page.frameLocator('iframe.baclofen-guide-frame');
    await frame.locator('html[data-app-started] main h1').waitFor();
    assert.equal(await page.locator('iframe').getAttribute('title'), 'Baclofen guide');
    // The frame takes the guide's height instead of the 800px it starts with.
    await page.waitForFunction(() => document.querySelector('iframe').style.height !== '800px');
    const inner = await frame.locator('html').evaluate((html) => html.scrollHeight);
    assert.ok(Math.abs((await frameHeight(page)) - inner) <= 1, 'frame height follows the page');
    assert.equal(await frame.locator('.site-header').isVisible(), false);
    assert.equal(await frame.locator('#emergency-line').innerText(), 'In an emergency call 999.');
    const clinicLink = frame.locator('#clinic-contact a', { hasText: '020 7946 0000' });
    assert.equal(await clinicLink.getAttribute('href'), 'tel:02079460000');

    // An answer makes the page taller; the frame follows.
    const before = await frameHeight(page);
    await frame.locator('#dose-time-0').fill('08:00');
    await frame.getByLabel('No', { exact: true }).check();
    await frame.getByRole('button', { name: 'Show what to do' }).click();
    await frame.locator('#missed-dose-result').waitFor();
    await page.waitForFunction((h) => document.querySelector('iframe').getBoundingClientRect().height > h, before);
    // The clinic's own text moves down with the frame instead of being covered.
    const textTop = await page.locator('.after-guide').evaluate((p) => p.getBoundingClientRect().top);
    const frameBottom = await page.locator('iframe').evaluate((f) => f.getBoundingClientRect().bottom);
    assert.ok(textTop >= frameBottom, `${textTop} >= ${frameBottom}`);

    const foreign = problems.foreignRequests.filter((url) => new URL(url).origin !== site.origin);
    assert.deepEqual(foreign, [], 'only the clinic and the guide are contacted');
    assert.deepEqual(problems.consoleErrors, []);
    assert.deepEqual(await context.cookies(), []);
  } finally {
    await context.close();
    await clinic.close();
  }
});

test('a site not listed in embed_origins is told so and gets no height', async () => {
  const clinic = await startClinic();
  const { context, page } = await openPage(site.browser, new URL(clinic.url).origin);
  try {
    await page.goto(clinic.url + 'clinic.html');
    const frame = page.frameLocator('iframe.baclofen-guide-frame');
    await frame.locator('html[data-app-started] main h1').waitFor();
    assert.match(await frame.locator('.settings-notice').innerText(), /embed_origins does not list the site/);
    await page.waitForTimeout(300);
    assert.equal(await page.locator('iframe').evaluate((f) => f.style.height), '800px');
  } finally {
    await context.close();
    await clinic.close();
  }
});
