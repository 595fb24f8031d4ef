// Accessibility in every state (issue #7): each result state of both helpers in light and dark
// mode at 320 and 1280 px, text at 200 % with reflow at 320 px, and reduced motion.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { axeViolations, openPage, waitForApp } from './browser.mjs';
import { PAGES, useSite } from './site.mjs';

const site = useSite();

/** Each state: where it lives and how to reach it. Dose times default to 08:00 at 10:00 London. */
const STATES = [
  ['missed dose: errors', 'missed-dose/', async (page) => {
    await page.locator('#dose-time-0').fill('');
    await page.getByRole('button', { name: /Show what to do/ }).click();
    await page.locator('.error-summary').waitFor();
  }],
  ['missed dose: take it now', 'missed-dose/', async (page) => {
    await page.locator('#dose-time-0').fill('08:00');
    await page.getByLabel('No', { exact: true }).check();
    await page.getByRole('button', { name: /Show what to do/ }).click();
    await page.locator('#missed-dose-result').waitFor();
  }],
  ['missed dose: contact today', 'missed-dose/', async (page) => {
    await page.locator('#dose-time-0').fill('08:00');
    await page.getByLabel('Two or more in a row').check();
    await page.getByLabel('No', { exact: true }).check();
    await page.getByRole('button', { name: /Show what to do/ }).click();
    await page.locator('.result--urgent').waitFor();
  }],
  ['missed dose: emergency', 'missed-dose/', async (page) => {
    await page.getByLabel('Yes', { exact: true }).check();
    await page.getByRole('button', { name: /Show what to do/ }).click();
    await page.locator('.result--emergency').waitFor();
  }],
  ['checker: emergency', 'side-effects/', async (page) => {
    await page.getByLabel('Had a fit (seizure)').check();
    await page.locator('.care-card--emergency').waitFor();
  }],
  ['checker: urgent', 'side-effects/', async (page) => {
    await page.getByLabel('Itchy all over, without a rash').check();
    await page.locator('.care-card--urgent').waitFor();
  }],
  ['checker: not urgent', 'side-effects/', async (page) => {
    await page.getByLabel('A bit more drowsy or unsteady than usual').check();
    await page.locator('.care-card--routine').waitFor();
  }],
  ['checker: none of these', 'side-effects/', async (page) => {
    await page.getByLabel('None of these').check();
    await page.locator('.care-card').waitFor();
  }],
];

async function open(options, width) {
  const opened = await openPage(site.browser, site.origin, { timezoneId: 'Europe/London', ...options });
  await opened.page.clock.setFixedTime(new Date('2026-11-23T10:00:00Z'));
  await opened.page.setViewportSize({ width, height: 800 });
  return opened;
}

/** Sideways scrolling, and text cut off inside its own box (the reflow criterion). */
async function reflowProblems(page) {
  return page.evaluate(() => {
    const problems = [];
    const overflow = document.documentElement.scrollWidth - window.innerWidth;
    if (overflow > 0) problems.push(`page scrolls sideways by ${overflow}px`);
    for (const element of document.querySelectorAll('h1, h2, h3, h4, p, li, label, legend, a, button, summary')) {
      if (element.closest('[hidden], .visually-hidden, .skip-link') || element.getClientRects().length === 0) continue;
      if (element.scrollWidth > element.clientWidth + 1 && getComputedStyle(element).overflowX !== 'visible') {
        problems.push(`${element.tagName.toLowerCase()} "${element.textContent.trim().slice(0, 40)}" is cut off`);
      }
    }
    return problems;
  });
}

for (const colorScheme of ['light', 'dark']) {
  test(`every helper result state has zero axe violations in ${colorScheme} mode at 320 and 1280 px`, async () => {
    for (const width of [320, 1280]) {
      const { context, page, problems } = await open({ colorScheme }, width);
      for (const [name, path, reach] of STATES) {
        await page.goto(site.url + path);
        await waitForApp(page);
        await reach(page);
        assert.deepEqual(await axeViolations(page), [], `${name} at ${width}px`);
        assert.deepEqual(await reflowProblems(page), [], `${name} at ${width}px`);
      }
      assert.deepEqual(problems.consoleErrors, []);
      await context.close();
    }
  });
}

test('text at 200 % reflows at 320 px with nothing cut off, on every page and in every state', async () => {
  const { context, page } = await open({}, 320);
  // Through the CSS object model: the pages' Content Security Policy forbids inline styles.
  const zoomText = () => page.evaluate(() => { document.documentElement.style.fontSize = '200%'; });
  for (const [path] of PAGES) {
    await page.goto(site.url + path);
    await waitForApp(page);
    await zoomText();
    assert.deepEqual(await reflowProblems(page), [], `${path || 'home'} at 200 %`);
  }
  for (const [name, path, reach] of STATES) {
    await page.goto(site.url + path);
    await waitForApp(page);
    await zoomText();
    await reach(page);
    assert.deepEqual(await reflowProblems(page), [], `${name} at 200 %`);
  }
  await context.close();
});

test('with reduced motion nothing moves: no smooth scrolling, transitions or animations', async () => {
  for (const reducedMotion of ['reduce', 'no-preference']) {
    const { context, page } = await open({ reducedMotion }, 1280);
    await page.goto(site.url + 'side-effects/');
    await waitForApp(page);
    await page.getByLabel('Had a fit (seizure)').check();
    await page.locator('a.call__button').first().focus();
    const moving = await page.evaluate(() => {
      const found = [];
      const html = document.documentElement;
      if (getComputedStyle(html).scrollBehavior === 'smooth') found.push('smooth scrolling');
      for (const element of document.querySelectorAll('*')) {
        const style = getComputedStyle(element);
        const seconds = (list) => list.split(',').some((d) => parseFloat(d) > 0);
        if (style.animationName !== 'none' && seconds(style.animationDuration)) found.push(`animation on ${element.tagName}`);
        if (seconds(style.transitionDuration)) found.push(`transition on ${element.tagName}`);
      }
      return found;
    });
    if (reducedMotion === 'reduce') assert.deepEqual(moving, []);
    // The check itself can see motion: without the preference, scrolling is smooth.
    else assert.ok(moving.includes('smooth scrolling'), moving.join(', '));
    await context.close();
  }
});
