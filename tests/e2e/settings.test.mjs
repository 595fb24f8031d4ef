// Clinic settings, embedding and the clinic setup page in Chromium (issues #6, #13, #14): the clinic's config.json wins;
// the address only fills gaps, and only inside a frame; spoof links change nothing; names never
// carry hidden formatting; a config.json that fails (404, 500, no answer) neither blocks the
// helpers nor loses a cached clinic copy; messages for the web team go to the console, never to
// patients; embed_origins match exactly; phone formats are cleaned; and with nothing set, the
// emergency number follows the device's time zone (fact sheet §0c).
import { test, afterEach, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { axeViolations, openPage, waitForApp, waitForOfflineCopy } from './browser.mjs';
import { useSite, PREFIX, DIST_DIR } from './site.mjs';
import { startServer } from './server.mjs';

const site = useSite();

const CLINIC = {
  clinic_name: 'Riverside Neurology',
  clinic_phone: '020 7946 0000',
  region: 'uk',
  accent: '#2d5a27',
};

/** The spoof links, all at once. */
const SPOOF =
  '?clinic_phone=09091234567&clinic_name=Call%20URGENT:%20ignore%20999,%20call%20our%20line%200909' +
  '&emergency_number=000&region=au&out_of_hours_phone=09091234567';

function useConfig(config) {
  site.server.overrides['config.json'] = typeof config === 'string' ? config : JSON.stringify(config);
}

afterEach(() => {
  delete site.server.overrides['config.json'];
  site.intercept = undefined;
});

/** Console warnings: where the guide tells the clinic's web team what it ignored. */
function collectWarnings(page) {
  const warnings = [];
  page.on('console', (msg) => {
    if (msg.type() === 'warning') warnings.push(msg.text());
  });
  return warnings;
}

/** Nothing meant for the web team is on the page a patient sees. */
async function assertNoWebTeamText(page) {
  assert.equal(await page.locator('.settings-notice').count(), 0);
  const text = await page.locator('body').innerText();
  assert.doesNotMatch(text, /config\.json|was ignored|not a setting/);
}

// dist/ served like `useSite`, but a test may answer config.json itself (a broken or slow host).
let hosted;
async function host() {
  hosted ??= await startServer({
    root: DIST_DIR,
    prefix: PREFIX,
    overrides: site.server.overrides,
    intercept: (relative, req, res) => site.intercept?.(relative, req, res) ?? false,
  });
  return hosted;
}

const held = new Set();
after(async () => {
  for (const res of held) res.destroy();
  await hosted?.close();
});

/** config.json answers 404, 500, or never. */
function breakConfig(how) {
  site.intercept = (relative, req, res) => {
    if (relative !== 'config.json') return false;
    if (how === 'never') {
      held.add(res); // Never answered (closed when the tests end).
      return true;
    }
    res.writeHead(how === '404' ? 404 : 500, { 'content-type': 'text/plain' }).end('broken');
    return true;
  };
}

test('config.json settings reach the footer (the name once), the checker and the colours', async () => {
  useConfig(CLINIC);
  const { context, page, problems } = await openPage(site.browser, site.origin);
  await page.goto(site.url);
  await waitForApp(page);
  assert.equal(await page.locator('#emergency-line').innerText(), 'In an emergency call 999.');
  const clinic = page.locator('#clinic-contact');
  await clinic.waitFor();
  const footer = await clinic.textContent();
  assert.equal(footer, 'Riverside Neurology: 020 7946 0000. NHS 111: 111');
  assert.equal(footer.split('Riverside Neurology').length, 2, 'the clinic is named once');
  assert.equal(await clinic.locator('a', { hasText: '020 7946 0000' }).getAttribute('href'), 'tel:02079460000');
  assert.equal(await clinic.locator('a', { hasText: '111' }).getAttribute('href'), 'tel:111');
  // Each number sits in its own left-to-right isolate, apart from the name.
  assert.deepEqual(await clinic.locator('a bdi').evaluateAll((b) => b.map((e) => e.getAttribute('dir'))), ['ltr', 'ltr']);
  assert.equal(await page.evaluate(() => document.documentElement.style.getPropertyValue('--brand')), '#2d5a27');
  await assertNoWebTeamText(page);
  assert.deepEqual(await axeViolations(page), []);

  await page.goto(site.url + 'side-effects/');
  await waitForApp(page);
  await page.locator('#flag-seizure').check();
  assert.equal(await page.locator('.checker__bar a.call__button').getAttribute('href'), 'tel:999');
  assert.deepEqual(problems.consoleErrors, []);
  assert.deepEqual(problems.foreignRequests, []);
  assert.deepEqual(await context.cookies(), []);
  await context.close();
});

test('spoof links opened directly change nothing on a UK clinic and say nothing to patients', async () => {
  useConfig(CLINIC);
  const { context, page, problems } = await openPage(site.browser, site.origin, { timezoneId: 'Australia/Sydney' });
  const warnings = collectWarnings(page);
  for (const spoof of [SPOOF, '?clinic_name=%E2%80%AEygolorueN%20edisreviR', '?embed=1&accent=%23000000']) {
    await page.goto(site.url + 'side-effects/' + spoof);
    await waitForApp(page);
    const footer = await page.locator('#clinic-contact').textContent();
    assert.equal(footer, 'Riverside Neurology: 020 7946 0000. NHS 111: 111', spoof);
    assert.equal(await page.locator('#emergency-line').innerText(), 'In an emergency call 999.');
    assert.doesNotMatch(await page.locator('body').innerText(), /0909|ignore 999|\u202e/);
    assert.equal(await page.locator('a[href*="0909"]').count(), 0);
    assert.equal(await page.locator('html[data-embed]').count(), 0, 'embed mode only inside a frame');
    await page.locator('#flag-seizure').check();
    assert.equal(await page.locator('.checker__bar a.call__button').getAttribute('href'), 'tel:999');
    await assertNoWebTeamText(page);
  }
  assert.ok(warnings.some((w) => /Baclofen guide settings: clinic_phone not-in-frame/.test(w)), warnings.join('\n'));
  assert.deepEqual(problems.consoleErrors, []);
  await context.close();
});

/** A clinic page on another origin (localhost, not 127.0.0.1) framing `src`. */
async function framingPage(src) {
  const html = `<!doctype html><html lang="en"><head><title>Clinic</title><link rel="icon" href="data:,"></head>` +
    `<body><h1>Clinic</h1><iframe class="baclofen-guide-frame" title="Baclofen guide" src="${src}" style="width:100%;height:800px;border:0"></iframe></body></html>`;
  const clinic = await startServer({ root: 'examples', prefix: '/', overrides: { 'frame.html': html } });
  return { clinic, url: `http://localhost:${clinic.port}/frame.html`, origin: `http://localhost:${clinic.port}` };
}

test('inside a frame on a listed site, the address fills only what config.json leaves unset, never the contacts', async () => {
  const query = SPOOF.replace('out_of_hours_phone=09091234567', 'out_of_hours_phone=0161%20496%200000') + '&embed=1';
  const { clinic, url, origin } = await framingPage(site.url + 'side-effects/' + query);
  useConfig({ clinic_name: 'Riverside Neurology', clinic_phone: '020 7946 0000', embed_origins: [origin] });
  const { context, page, problems } = await openPage(site.browser, site.origin, { timezoneId: 'Europe/London' });
  try {
    await page.goto(url);
    const frame = page.frameLocator('iframe');
    await frame.locator('html[data-app-started] main h1').waitFor();
    // Name and phone from the file; the out-of-hours number is part of the same contact block, so
    // the address cannot add it (attack review B1); 000 and Australia refused for a UK device.
    assert.equal(await frame.locator('#clinic-contact').textContent(), 'Riverside Neurology: 020 7946 0000');
    assert.equal(await frame.locator('#clinic-contact a', { hasText: '0161' }).count(), 0);
    assert.equal(await frame.locator('#emergency-line').innerText(), 'In an emergency call 999 or your local emergency number.');
    assert.equal(await frame.locator('.site-header').isVisible(), false, 'embed=1 filled the gap');
    await frame.locator('#flag-seizure').check();
    assert.equal(await frame.locator('.checker__bar a.call__button').getAttribute('href'), 'tel:999');
    assert.equal(await frame.locator('a[href*="0909"]').count(), 0);
    assert.equal(await frame.locator('.settings-notice').count(), 0);
    assert.deepEqual(problems.pageErrors, []);
  } finally {
    await context.close();
    await clinic.close();
  }
});

test('settings from the address stay on links inside a frame, and embed mode hides the site header', async () => {
  const { clinic, url, origin } = await framingPage(site.url + 'about/?region=us&embed=1');
  useConfig({ embed_origins: [origin] });
  const { context, page, problems } = await openPage(site.browser, site.origin, { timezoneId: 'America/Chicago' });
  try {
    await page.goto(url);
    const frame = page.frameLocator('iframe');
    await frame.locator('html[data-app-started] main h1').waitFor();
    assert.equal(await frame.locator('.site-header').isVisible(), false);
    assert.equal(await frame.locator('#emergency-line').innerText(), 'In an emergency call 911.');
    await frame.locator('.site-footer__meta a', { hasText: 'Sources and review' }).click();
    await frame.locator('html[data-app-started] main h1', { hasText: 'Sources' }).waitFor();
    const inner = page.frames().find((f) => f.url().includes('/sources/'));
    assert.equal(inner.url(), site.url + 'sources/?region=us&embed=1');
    assert.equal(await frame.locator('#emergency-line').innerText(), 'In an emergency call 911.');
    assert.deepEqual(problems.pageErrors, []);
  } finally {
    await context.close();
    await clinic.close();
  }
});

test('a clinic name with a right-to-left override is rejected, and the web team is told in the console', async () => {
  useConfig({ clinic_name: '\u202eygolorueN edisreviR', clinic_phone: '+44 (0)20 7946 0000' });
  const { context, page, problems } = await openPage(site.browser, site.origin);
  const warnings = collectWarnings(page);
  await page.goto(site.url);
  await waitForApp(page);
  assert.equal(await page.locator('#clinic-contact').textContent(), 'Your clinic: +44 20 7946 0000');
  assert.equal(await page.locator('#clinic-contact a').getAttribute('href'), 'tel:+442079460000');
  assert.ok(warnings.some((w) => /Baclofen guide settings: clinic_name name /.test(w)), warnings.join('\n'));
  await assertNoWebTeamText(page);
  assert.deepEqual(problems.consoleErrors, []);
  await context.close();
});

test('phone formats clinics type are cleaned for display and dialled as digits; letters are refused', async () => {
  useConfig({ clinic_name: 'Lakeside Clinic', clinic_phone: '(555) 123-4567', out_of_hours_phone: '1-800-FDA-1088', region: 'us' });
  const { context, page } = await openPage(site.browser, site.origin);
  const warnings = collectWarnings(page);
  await page.goto(site.url);
  await waitForApp(page);
  assert.equal(await page.locator('#clinic-contact').textContent(), 'Lakeside Clinic: (555) 123-4567');
  assert.equal(await page.locator('#clinic-contact a').getAttribute('href'), 'tel:5551234567');
  assert.ok(warnings.some((w) => /Baclofen guide settings: out_of_hours_phone phone /.test(w)), warnings.join('\n'));
  useConfig({ clinic_phone: '020-7946-0000', out_of_hours_phone: '020.7946.0001' });
  await page.reload();
  await waitForApp(page);
  assert.deepEqual(await page.locator('#clinic-contact a').evaluateAll((a) => a.map((l) => [l.textContent, l.getAttribute('href')])),
    [['020-7946-0000', 'tel:02079460000'], ['020.7946.0001', 'tel:02079460001']]);
  await context.close();
});

test('invalid settings never become HTML or links, and patients see no notice', async () => {
  useConfig({ clinic_name: '<img src=x onerror=alert(1)>', clinic_phone: 'javascript:alert(1)', emergency_number: '12345678', accent: 'red', colour: 'blue' });
  const { context, page, problems } = await openPage(site.browser, site.origin, { timezoneId: 'Europe/Paris' });
  const warnings = collectWarnings(page);
  await page.goto(site.url + 'side-effects/');
  await waitForApp(page);
  for (const name of ['clinic_name', 'clinic_phone', 'emergency_number', 'accent', 'colour']) {
    assert.ok(warnings.some((w) => w.startsWith(`Baclofen guide settings: ${name} `)), `${name} is named`);
  }
  assert.ok(warnings.some((w) => /colour unknown/.test(w)));
  assert.equal(await page.locator('img').count(), 0, 'no element made from a setting');
  assert.equal(await page.locator('a[href^="javascript:"]').count(), 0);
  assert.equal(await page.locator('#clinic-contact').isVisible(), false);
  assert.match(await page.locator('#emergency-line').innerText(), /your local emergency number/);
  await page.locator('#flag-seizure').check();
  assert.equal(await page.locator('.checker__bar a.call__button').getAttribute('href'), 'tel:112');
  await assertNoWebTeamText(page);
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(problems.pageErrors, []);
  await context.close();
});

test('a config.json that is not JSON is reported to the web team and the guide still works', async () => {
  useConfig('{ "region": "uk", oops');
  const { context, page, problems } = await openPage(site.browser, site.origin);
  const warnings = collectWarnings(page);
  await page.goto(site.url + 'missed-dose/');
  await waitForApp(page);
  assert.ok(warnings.some((w) => /config\.json not-json-object/.test(w)), warnings.join('\n'));
  await assertNoWebTeamText(page);
  assert.deepEqual(problems.pageErrors, []);
  await context.close();
});

test('a clinic can lock its settings so that even an embedding page cannot change them', async () => {
  useConfig({ url_settings: false });
  const { clinic, url } = await framingPage(site.url + '?region=uk&clinic_phone=0909%20123%204567');
  const { context, page } = await openPage(site.browser, site.origin, { timezoneId: 'Europe/London' });
  try {
    await page.goto(url);
    const frame = page.frameLocator('iframe');
    await frame.locator('html[data-app-started] main h1').waitFor();
    assert.equal(await frame.locator('#clinic-contact').isVisible(), false);
    assert.equal(await frame.locator('#emergency-line').innerText(), 'In an emergency call 999 or your local emergency number.');
  } finally {
    await context.close();
    await clinic.close();
  }
});

for (const how of ['404', '500', 'never']) {
  test(`config.json answering ${how}: the helpers start within seconds, address settings are refused, the web team is told`, async () => {
    const server = await host();
    breakConfig(how);
    const { context, page, problems } = await openPage(site.browser, site.origin, { timezoneId: 'Europe/Paris' });
    const warnings = collectWarnings(page);
    const started = Date.now();
    await page.goto(server.url + 'side-effects/?clinic_phone=09091234567&emergency_number=000', { waitUntil: 'commit' });
    await waitForApp(page);
    const seconds = (Date.now() - started) / 1000;
    assert.ok(seconds < 10, `started after ${seconds} s`);
    await page.locator('#flag-seizure').check();
    assert.equal(await page.locator('.checker__bar a.call__button').getAttribute('href'), 'tel:112');
    assert.match(await page.locator('#emergency-line').innerText(), /or your local emergency number/);
    assert.equal(await page.locator('#clinic-contact').isVisible(), false);
    assert.ok(warnings.some((w) => /config\.json unreadable/.test(w)), warnings.join('\n'));
    await assertNoWebTeamText(page);
    assert.deepEqual(problems.pageErrors, []);
    await context.close();
  });
}

test('config.json failing after a visit: the clinic numbers come from the copy saved on the device', async () => {
  const server = await host();
  useConfig(CLINIC);
  const { context, page, problems } = await openPage(site.browser, new URL(server.url).origin);
  await page.goto(server.url);
  await waitForApp(page);
  await waitForOfflineCopy(page);
  for (const how of ['404', '500', 'never']) {
    breakConfig(how);
    const started = Date.now();
    await page.goto(server.url + 'side-effects/', { waitUntil: 'commit' });
    await waitForApp(page);
    assert.ok(Date.now() - started < 10000, how);
    assert.equal(await page.locator('#clinic-contact').textContent(), 'Riverside Neurology: 020 7946 0000. NHS 111: 111', how);
    await page.locator('#flag-seizure').check();
    assert.equal(await page.locator('.checker__bar a.call__button').getAttribute('href'), 'tel:999', how);
    await assertNoWebTeamText(page);
  }
  assert.deepEqual(problems.pageErrors, []);
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
  const { context, page, problems } = await openPage(site.browser, clinicOrigin, { timezoneId: 'Europe/London' });
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

    // The page grows (as it does when an answer appears); the frame follows.
    const before = await frameHeight(page);
    await frame.locator('body').evaluate((body) => { body.style.paddingBottom = '600px'; });
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

test('embed_origins match exactly: the same host on another port, or without its port, gets no height', async () => {
  const clinic = await startClinic();
  const clinicOrigin = new URL(clinic.url).origin; // http://127.0.0.1:<port>
  for (const listed of ['http://127.0.0.1', `http://localhost:${clinic.port}`, `${clinicOrigin}/`]) {
    useConfig({ embed_origins: [listed] });
    const { context, page } = await openPage(site.browser, clinicOrigin);
    const warnings = [];
    page.on('console', (msg) => { if (msg.type() === 'warning') warnings.push(msg.text()); });
    try {
      await page.goto(clinic.url + 'clinic.html');
      const frame = page.frameLocator('iframe.baclofen-guide-frame');
      await frame.locator('html[data-app-started] main h1').waitFor();
      // The guide decides before it marks itself started (the first height is posted then too).
      // A message the frame posts now reaches the clinic after any the guide posted before it,
      // so once it has arrived, a height that was coming would be here.
      await page.evaluate(() => {
        window.probed = new Promise((resolve) => {
          window.addEventListener('message', (event) => { if (event.data === 'e2e-probe') resolve(); });
        });
      });
      await frame.locator('html').evaluate(() => window.parent.postMessage('e2e-probe', '*'));
      await page.evaluate(() => window.probed);
      const height = await page.locator('iframe').evaluate((f) => f.style.height);
      assert.equal(height, '800px', `${listed} must not receive the height`);
      assert.equal(await frame.locator('.settings-notice').count(), 0);
    } finally {
      await context.close();
    }
  }
  await clinic.close();
});

/** Fact sheet §0c: the number a device in each time zone calls when nobody has set one. */
const ZONES = [
  ['Europe/London', '999', 'In an emergency call 999 or your local emergency number.'],
  ['America/New_York', '911', 'In an emergency call 911 or your local emergency number.'],
  ['Australia/Sydney', '000', 'In an emergency call 000 or your local emergency number.'],
  ['Pacific/Auckland', '111', 'In an emergency call 111 or your local emergency number.'],
  ['Europe/Dublin', '112', 'In an emergency call 112 or 999.'],
  // Added to §0c on 2026-12-07 (issue 27 item 5, review M12): never "Call 112" in Tokyo.
  ['Asia/Tokyo', '119', 'In an emergency call 119 or your local emergency number.'],
  // No row, but in the EU/EEA or Switzerland, where 112 works.
  ['Europe/Paris', '112', 'In an emergency call 112 or your local emergency number.'],
  // No row, outside the EU/EEA, the UK and Switzerland: no number is guessed, no button to dial.
  ['Asia/Kolkata', null, 'In an emergency, call your local emergency number.'],
  ['America/Mexico_City', null, 'In an emergency, call your local emergency number.'],
];

for (const [timezoneId, number, line] of ZONES) {
  test(`with nothing set, a device in ${timezoneId} calls ${number ?? 'its local emergency number, with no button'}`, async () => {
    const { context, page, problems } = await openPage(site.browser, site.origin, { timezoneId });
    for (const path of ['side-effects/', 'about/']) {
      await page.goto(site.url + path);
      await waitForApp(page);
      assert.equal(await page.locator('#emergency-line').innerText(), line, path);
    }
    await page.goto(site.url + 'side-effects/');
    await waitForApp(page);
    await page.locator('#flag-seizure').check();
    const bar = page.locator('.checker__bar');
    await bar.waitFor();
    if (number) {
      assert.equal(await bar.locator('a.call__button').getAttribute('href'), `tel:${number}`);
    } else {
      assert.equal(await page.locator('a[href^="tel:"]').count(), 0, 'no number to dial');
      assert.match(await bar.locator('.call__local').innerText(), /call your local emergency number/);
      assert.doesNotMatch(await page.locator('body').innerText(), /Call 112/);
    }
    assert.deepEqual(problems.consoleErrors, []);
    await context.close();
  });
}

test('the clinic setup page checks with the guide rules, previews, and writes config.json and the snippet', async () => {
  useConfig({ clinic_name: 'Riverside Neurology', colour: 'red' });
  const { context, page, problems } = await openPage(site.browser, site.origin, { timezoneId: 'Europe/London' });
  await page.goto(site.url + 'clinic-setup/');
  await page.locator('#setup-file', { hasText: 'config.json was read' }).waitFor();
  assert.match(await page.locator('#setup-file').innerText(), /1 settings in use, 1 ignored \(1 unknown name\)/);
  assert.match(await page.locator('#setup-file-notices').innerText(), /colour is not a setting this guide knows/);
  assert.equal(await page.locator('#set-clinic_name').inputValue(), 'Riverside Neurology');
  assert.equal(await page.locator('nav a[href*="clinic-setup"]').count(), 0, 'not in the patient navigation');

  await page.locator('#set-clinic_phone').fill('+44 (0)20 7946 0000');
  await page.locator('#set-region').selectOption('uk');
  await page.locator('#preview-footer', { hasText: 'Riverside Neurology: +44 20 7946 0000. NHS 111: 111' }).waitFor();
  assert.equal(await page.locator('#preview-contacts a').first().getAttribute('href'), 'tel:+442079460000');
  assert.equal(await page.locator('#preview-call a').getAttribute('href'), 'tel:999');
  assert.match(await page.locator('#preview-lines').innerText(), /Samaritans: 116 123/);
  const config = JSON.parse(await page.locator('#setup-config').inputValue());
  assert.deepEqual(config, { clinic_name: 'Riverside Neurology', clinic_phone: '+44 20 7946 0000', region: 'uk' });

  // The same messages as the guide, beside the field.
  await page.locator('#set-clinic_phone').fill('0800 CLINIC');
  await page.locator('#set-clinic_phone-error', { hasText: 'Letters cannot be dialled' }).waitFor();
  assert.equal(await page.locator('#set-clinic_phone').getAttribute('aria-invalid'), 'true');
  await page.locator('#set-clinic_name').fill('\u202eevil');
  await page.locator('#set-clinic_name-error', { hasText: 'hidden formatting characters' }).waitFor();
  await page.locator('#set-embed_origins').fill('http://localhost.evil.example');
  await page.locator('#set-embed_origins-error', { hasText: 'web origins' }).waitFor();

  await page.locator('#setup-embed-page').selectOption('missed-dose');
  const snippet = await page.locator('#setup-embed').inputValue();
  assert.match(snippet, new RegExp(`<script src="${site.url}embed.js" data-page="missed-dose" async></script>`));
  assert.match(snippet, new RegExp(`src="${site.url}missed-dose/\\?embed=1"`));

  await page.locator('#setup-link').fill(site.url + '?clinic_phone=09091234567&region=au&colour=red');
  await page.locator('#setup-link-notices', { hasText: 'Opened directly: nothing from the link is used' }).waitFor();
  assert.match(await page.locator('#setup-link-notices').innerText(), /1 name is not/);
  assert.deepEqual(problems.foreignRequests, [], 'nothing leaves the device');
  assert.deepEqual(problems.pageErrors, []);
  assert.deepEqual(problems.consoleErrors, []);
  assert.deepEqual(await axeViolations(page), []);
  await context.close();
});

test('the setup page preview is what the guide shows for the config.json it writes', async () => {
  const { context, page } = await openPage(site.browser, site.origin, { timezoneId: 'America/New_York' });
  await page.goto(site.url + 'clinic-setup/');
  await page.locator('#setup-file', { hasText: 'config.json' }).waitFor();
  await page.locator('#set-clinic_name').fill('Lakeside  Clinic');
  await page.locator('#set-clinic_phone').fill('(555) 123-4567');
  await page.locator('#set-out_of_hours_phone').fill('555.123.9999');
  await page.locator('#preview-footer', { hasText: 'Lakeside Clinic: (555) 123-4567' }).waitFor();
  const preview = await page.locator('#preview-footer').textContent();
  const line = await page.locator('#preview-emergency-line').innerText();
  useConfig(await page.locator('#setup-config').inputValue());
  await page.goto(site.url);
  await waitForApp(page);
  assert.equal(await page.locator('#clinic-contact').textContent(), preview);
  assert.equal(await page.locator('#emergency-line').innerText(), line);
  assert.equal(line, 'In an emergency call 911 or your local emergency number.');
  await context.close();
});

test('the clinic setup page works offline after one visit, and needs nothing from other sites', async () => {
  const server = await startServer({ root: DIST_DIR, prefix: PREFIX, port: 0 });
  const origin = new URL(server.url).origin;
  const { context, page, problems } = await openPage(site.browser, origin, { timezoneId: 'Australia/Sydney' });
  try {
    await page.goto(server.url + 'clinic-setup/');
    await page.locator('#setup-file', { hasText: 'config.json was read' }).waitFor();
    await waitForOfflineCopy(page);
    await server.close();
    await page.reload();
    await page.locator('#set-clinic_phone').fill('02 9876 5432');
    await page.locator('#preview-footer', { hasText: 'Your clinic: 02 9876 5432' }).waitFor();
    assert.equal(await page.locator('#preview-call a').getAttribute('href'), 'tel:000');
    assert.match(await page.locator('#preview-lines').innerText(), /Lifeline: 13 11 14/);
    assert.match(await page.locator('#preview-lines').innerText(), /Poisons Information Centre: 13 11 26/);
    assert.deepEqual(problems.foreignRequests, []);
    assert.deepEqual(problems.pageErrors, []);
  } finally {
    await context.close();
  }
});

// ---- Attack review 2026-12-07 (issue #32): each break reproduced as the review did it. ----

/**
 * config.json as a common static host serves it: `Last-Modified` six months ago, an `ETag`, and
 * no `Cache-Control` (so the browser may cache it by heuristic for weeks), answering 304 when
 * the browser asks with the same ETag. `served.count` counts the host's config.json requests.
 */
function heuristicHost(served) {
  const sixMonthsAgo = new Date(Date.now() - 180 * 24 * 3600 * 1000).toUTCString();
  site.intercept = (relative, req, res) => {
    if (relative !== 'config.json') return false;
    served.count += 1;
    const body = JSON.stringify(served.config);
    const etag = `"${createHash('sha256').update(body).digest('hex').slice(0, 16)}"`;
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, { etag, 'last-modified': sixMonthsAgo }).end();
    } else {
      res.writeHead(200, { 'content-type': 'application/json', etag, 'last-modified': sixMonthsAgo }).end(body);
    }
    return true;
  };
}

test('B10: a changed config.json reaches the reader at once, from a host that sends only Last-Modified and ETag', async () => {
  const server = await host();
  const served = { count: 0, config: { clinic_name: 'Riverside Neurology', clinic_phone: '020 7946 0000', region: 'uk' } };
  heuristicHost(served);
  // With the offline copy refused (a private window, a frame whose storage is blocked) and with it.
  for (const serviceWorkers of ['block', 'allow']) {
    served.config.clinic_phone = '020 7946 0000';
    const { context, page, problems } = await openPage(site.browser, new URL(server.url).origin, { serviceWorkers });
    await page.goto(server.url + 'about/');
    await waitForApp(page);
    await page.locator('#clinic-contact', { hasText: '020 7946 0000' }).waitFor();
    served.config.clinic_phone = '020 7946 1111';
    const before = served.count;
    for (let visit = 0; visit < 2; visit += 1) {
      await page.goto(server.url + 'about/');
      await waitForApp(page);
      assert.equal(await page.locator('#clinic-contact').textContent(), 'Riverside Neurology: 020 7946 1111. NHS 111: 111', serviceWorkers);
    }
    assert.ok(served.count - before >= 2, `the host was asked on every visit (${served.count - before}, ${serviceWorkers})`);
    assert.deepEqual(problems.pageErrors, []);
    await context.close();
  }
});

test('B10: inside a cross-site frame with no offline copy, a changed config.json reaches the reader', async () => {
  const server = await host();
  const html = `<!doctype html><html lang="en"><head><title>Clinic</title><link rel="icon" href="data:,"></head>` +
    `<body><script src="${server.url}embed.js" data-page="missed-dose"></script></body></html>`;
  const clinic = await startServer({ root: 'examples', prefix: '/', overrides: { 'clinic.html': html } });
  const served = {
    count: 0,
    config: { clinic_name: 'Riverside Neurology', clinic_phone: '020 7946 0000', region: 'uk', embed_origins: [`http://localhost:${clinic.port}`] },
  };
  heuristicHost(served);
  const { context, page } = await openPage(site.browser, `http://localhost:${clinic.port}`, { serviceWorkers: 'block' });
  try {
    await page.goto(`http://localhost:${clinic.port}/clinic.html`);
    const frame = page.frameLocator('iframe.baclofen-guide-frame');
    await frame.locator('#clinic-contact', { hasText: '020 7946 0000' }).waitFor();
    served.config.clinic_phone = '020 7946 1111';
    for (let visit = 0; visit < 2; visit += 1) {
      await page.goto(`http://localhost:${clinic.port}/clinic.html`);
      await frame.locator('html[data-app-started]').waitFor();
      assert.equal(await frame.locator('#clinic-contact').textContent(), 'Riverside Neurology: 020 7946 1111. NHS 111: 111');
    }
  } finally {
    await context.close();
    await clinic.close();
  }
});

test('B13: a config.json that redirects (even on the same site) is not read, with or without the offline copy', async () => {
  const server = await host();
  site.intercept = (relative, req, res) => {
    if (relative === 'config.json') {
      res.writeHead(302, { location: `${PREFIX}other.json` }).end();
      return true;
    }
    if (relative === 'other.json') {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ clinic_name: 'Other Clinic', clinic_phone: '0909 879 0555' }));
      return true;
    }
    return false;
  };
  for (const serviceWorkers of ['block', 'allow']) {
    const { context, page, problems } = await openPage(site.browser, new URL(server.url).origin, { serviceWorkers });
    for (let visit = 0; visit < 2; visit += 1) {
      await page.goto(server.url + 'side-effects/');
      await waitForApp(page);
      assert.doesNotMatch(await page.locator('body').innerText(), /Other Clinic|0909/, serviceWorkers);
      assert.equal(await page.locator('a[href*="0909"]').count(), 0);
    }
    assert.deepEqual(problems.pageErrors, []);
    await context.close();
  }
});

test("B14: an emergency number in config.json that is not the region's own is refused; the region's number stays", async () => {
  const cases = [
    [{ region: 'uk', emergency_number: '911' }, 'Europe/London', '999'],
    [{ region: 'uk', emergency_number: '99' }, 'Europe/London', '999'],
    [{ emergency_number: '00' }, 'Europe/London', '999'],
    [{ region: 'au', emergency_number: '12' }, 'Europe/London', '000'],
  ];
  for (const [config, timezoneId, number] of cases) {
    useConfig(config);
    const { context, page, problems } = await openPage(site.browser, site.origin, { timezoneId });
    const warnings = collectWarnings(page);
    await page.goto(site.url + 'side-effects/');
    await waitForApp(page);
    const label = JSON.stringify(config);
    assert.equal(await page.locator('#emergency-line').innerText(), `In an emergency call ${number} or your local emergency number.`, label);
    await page.locator('#flag-seizure').check();
    assert.equal(await page.locator('.checker__bar a.call__button').getAttribute('href'), `tel:${number}`, label);
    await page.locator('.checker__bar').getByRole('link', { name: 'See the answer' }).click();
    const card = page.locator('#red-flag-result');
    assert.deepEqual(await card.locator('a.call__button').evaluateAll((a) => a.map((l) => l.getAttribute('href'))), [`tel:${number}`], label);
    assert.match(await card.innerText(), /or your local emergency number/, label);
    assert.ok(warnings.some((w) => /emergency_number emergency-not-regional/.test(w)), warnings.join('\n'));
    await assertNoWebTeamText(page);
    assert.deepEqual(problems.pageErrors, []);
    await context.close();
  }
});

test('B14: the clinic setup page blocks a wrong emergency number: no file to copy, never "Ready to copy"', async () => {
  const { context, page, problems } = await openPage(site.browser, site.origin, { timezoneId: 'Europe/London' });
  await page.goto(site.url + 'clinic-setup/');
  await page.locator('#setup-file', { hasText: 'config.json' }).waitFor();
  await page.getByLabel('Emergency number').fill('99');
  await page.getByLabel('Region').selectOption('uk');
  const error = page.locator('#set-emergency_number-error');
  await error.filter({ hasText: "region's own emergency numbers" }).waitFor();
  assert.equal(await page.getByLabel('Emergency number').getAttribute('aria-invalid'), 'true');
  const summary = page.locator('#setup-summary');
  assert.match(await summary.innerText(), /no file to copy/);
  assert.doesNotMatch(await summary.innerText(), /Ready to copy/);
  assert.equal(await summary.getAttribute('role'), 'alert');
  assert.equal(await page.locator('#setup-config').inputValue(), '');
  assert.equal(await page.getByRole('button', { name: 'Copy config.json' }).isDisabled(), true);
  // The preview shows what the guide would: the region's number, never the typo.
  assert.equal(await page.locator('#preview-call a').getAttribute('href'), 'tel:999');
  assert.match(await page.locator('#preview-emergency-line').innerText(), /999 or your local emergency number/);
  // Fixed: the file is offered again.
  await page.getByLabel('Emergency number').fill('');
  await summary.filter({ hasText: 'Ready to copy' }).waitFor();
  assert.deepEqual(JSON.parse(await page.locator('#setup-config').inputValue()), { region: 'uk' });
  assert.equal(await page.getByRole('button', { name: 'Copy config.json' }).isDisabled(), false);
  assert.deepEqual(problems.pageErrors, []);
  await context.close();
});

test('B1: a site the file does not list frames the guide and adds nothing; a listed one adds nothing to the contacts', async () => {
  // The review's file: embed_origins names the clinic's own site; the framing page is another.
  useConfig({ clinic_name: 'Riverside Neurology', clinic_phone: '020 7946 0000', embed_origins: ['https://www.riverside-neuro.example'] });
  const evil = await framingPage(site.url + 'side-effects/?embed=1&out_of_hours_phone=0909%20879%200555');
  const { context, page, problems } = await openPage(site.browser, site.origin, { timezoneId: 'Europe/London' });
  const warnings = [];
  page.on('console', (msg) => { if (msg.type() === 'warning') warnings.push(msg.text()); });
  try {
    await page.goto(evil.url);
    const frame = page.frameLocator('iframe');
    await frame.locator('html[data-app-started] main h1').waitFor();
    assert.equal(await frame.locator('#clinic-contact').textContent(), 'Riverside Neurology: 020 7946 0000');
    assert.equal(await frame.locator('a[href*="0909"]').count(), 0);
    assert.doesNotMatch(await frame.locator('body').innerText(), /0909|Out of hours/);
    assert.equal(await frame.locator('.site-header').isVisible(), true, 'embed=1 from an unlisted site is refused too');
    assert.ok(warnings.some((w) => /out_of_hours_phone embedder-not-allowed/.test(w)), warnings.join('\n'));
  } finally {
    await context.close();
    await evil.clinic.close();
  }
  // The review's variant: a file with a name only, and a clinic_phone in the address of a listed site.
  const listed = await framingPage(site.url + 'about/?clinic_phone=0909%20879%200555&embed=1');
  useConfig({ clinic_name: 'Riverside Neurology', embed_origins: [listed.origin] });
  const second = await openPage(site.browser, site.origin, { timezoneId: 'Europe/London' });
  try {
    await second.page.goto(listed.url);
    const frame = second.page.frameLocator('iframe');
    await frame.locator('html[data-app-started] main h1').waitFor();
    assert.equal(await frame.locator('#clinic-contact').textContent(), 'Riverside Neurology');
    assert.equal(await frame.locator('a[href*="0909"]').count(), 0);
    assert.equal(await frame.locator('.site-header').isVisible(), false, 'a listed site still fills the other gaps');
  } finally {
    await second.context.close();
    await listed.clinic.close();
  }
  assert.deepEqual(problems.pageErrors, []);
});

test('B2 and B20: the setup page refuses spaced or full-width digits in a name and a misplaced (0); its preview is the guide', async () => {
  const { context, page } = await openPage(site.browser, site.origin, { timezoneId: 'Europe/London' });
  await page.goto(site.url + 'clinic-setup/');
  await page.locator('#setup-file', { hasText: 'config.json' }).waitFor();
  for (const name of ['Riverside 09 09 87 90 55 5', 'Riverside \uff10\uff19\uff10\uff19 \uff18\uff17\uff19']) {
    await page.getByLabel('Clinic name').fill(name);
    await page.locator('#set-clinic_name-error', { hasText: 'phone number' }).waitFor();
  }
  await page.getByLabel('Clinic name').fill('Riverside Neurology');
  for (const typed of ['+44 (0)20 7946 (0)000', '+353 (0)1 (0)23 4567', '+44 (0)(0)20 7946 0000', '+44 20 7946 (0)000', '+(0)20 7946 0000']) {
    await page.getByLabel('Clinic phone').fill(typed);
    await page.locator('#set-clinic_phone-error:not([hidden])').waitFor();
    assert.equal(await page.getByLabel('Clinic phone').getAttribute('aria-invalid'), 'true', typed);
  }
  await page.getByLabel('Clinic phone').fill('+44 (0)20 7946 0000');
  await page.locator('#preview-footer', { hasText: 'Riverside Neurology: +44 20 7946 0000' }).waitFor();
  const preview = await page.locator('#preview-contacts a').first().getAttribute('href');
  assert.equal(preview, 'tel:+442079460000');
  useConfig(await page.locator('#setup-config').inputValue());
  await page.goto(site.url + 'about/');
  await waitForApp(page);
  assert.equal(await page.locator('#clinic-contact').textContent(), 'Riverside Neurology: +44 20 7946 0000');
  assert.equal(await page.locator('#clinic-contact a').getAttribute('href'), preview);
  await context.close();
});

test('B21: the setup page says when the host fails and the saved copy was read instead', async () => {
  const server = await host();
  useConfig({ region: 'uk', clinic_name: 'Riverside Neurology' });
  const { context, page, problems } = await openPage(site.browser, new URL(server.url).origin);
  await page.goto(server.url + 'clinic-setup/');
  await page.locator('#setup-file', { hasText: 'config.json was read' }).waitFor();
  assert.doesNotMatch(await page.locator('#setup-file').innerText(), /saved on this device/);
  await waitForOfflineCopy(page);
  // The guide's own read saves a copy; then the host answers 404.
  await page.goto(server.url + 'about/');
  await waitForApp(page);
  breakConfig('404');
  await page.goto(server.url + 'clinic-setup/');
  const status = page.locator('#setup-file');
  await status.filter({ hasText: 'config.json' }).filter({ hasNotText: 'Reading' }).waitFor();
  assert.match(await status.innerText(), /The host did not give config\.json just now \(the host answered 404\): this is the copy saved on this device/);
  assert.deepEqual(problems.pageErrors, []);
  await context.close();
});

test('B16: in a sandboxed frame without allow-same-origin the message is for the web team, not "use another browser"', async () => {
  const html = `<!doctype html><html lang="en"><head><title>Clinic</title><link rel="icon" href="data:,"></head>` +
    `<body><iframe sandbox="allow-scripts" title="Baclofen guide" src="${site.url}missed-dose/?embed=1" style="width:100%;height:800px;border:0"></iframe></body></html>`;
  const clinic = await startServer({ root: 'examples', prefix: '/', overrides: { 'sandboxed.html': html } });
  const { context, page } = await openPage(site.browser, site.origin, { timezoneId: 'Europe/London' });
  try {
    await page.goto(`http://localhost:${clinic.port}/sandboxed.html`);
    const failed = page.frameLocator('iframe').locator('#boot-failed');
    await failed.waitFor();
    assert.match(await failed.innerText(), /The website showing this guide blocks it from starting/);
    assert.doesNotMatch(await failed.innerText(), /another browser/);
  } finally {
    await context.close();
    await clinic.close();
  }
});
