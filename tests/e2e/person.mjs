// Using the symptom checker as a person does: open the heading a sign sits under if it is
// closed, then tick the sign by its words.

/** Ticks the checkbox with this accessible name, opening its group first when it is closed. */
export async function tick(page, name) {
  // A box inside a closed heading is hidden from the accessibility tree until it is opened.
  const box = page.getByRole('checkbox', { name, exact: typeof name === 'string', includeHidden: true });
  if (!(await box.isVisible())) {
    await box.locator('xpath=ancestor::details[1]/summary').click();
  }
  await page.getByRole('checkbox', { name, exact: typeof name === 'string' }).check();
}

/** Answers "Do you have a baclofen pump?" (Yes, No or Not sure). */
export async function answerPump(page, answer) {
  const group = page.getByRole('group', { name: /have a baclofen pump/ });
  await group.getByRole('radio', { name: answer, exact: true }).check();
}

/** The answer as a person reads it: the level's word and how soon the title says to act. */
export async function readAnswer(page) {
  const card = page.locator('#red-flag-result');
  if ((await card.count()) === 0) return { level: null, timing: null, title: '' };
  const label = (await card.locator('.care-card__label').innerText()).replace(/[:\s]+$/, '');
  const title = await card.locator('h3').innerText();
  const level = { Emergency: 'emergency', Urgent: 'urgent', 'Not urgent': 'routine' }[label] ?? null;
  const words = title.toLowerCase();
  const timing = /\bnow\b/.test(words)
    ? 'now'
    : /straight away/.test(words)
      ? 'straight-away'
      : /\btoday\b/.test(words)
        ? 'today'
        : /\bbefore\b/.test(words)
          ? 'before'
          : 'next-visit';
  const crisis = (await card.getByRole('link', { name: /Samaritans|988|Lifeline/ }).count()) > 0;
  return { level, timing, title, crisis };
}

/** Answers the missed-dose questions in the order they are asked. */
export async function fillMissedDose(page, {
  person = 'An adult', form = 'Tablets', times = ['08:00', '14:00', '20:00'], happened = 'A dose was missed',
  dose, count = 'Just this one', withdrawal = 'No',
} = {}) {
  await page.getByLabel(person).check();
  await page.getByLabel(form, { exact: true }).check();
  if (form !== 'A pump under the skin (intrathecal)') {
    const n = times.length;
    await page.getByLabel('How many times a day?').selectOption({ label: n === 1 ? 'Once a day' : `${n} times a day` });
    for (const [i, time] of times.entries()) await page.getByLabel(`Dose ${i + 1} time`).fill(time);
    await page.getByLabel(happened, { exact: true }).check();
    if (dose) await page.getByLabel(/Which dose was (missed|taken)\?/).selectOption({ label: dose });
    if (happened === 'A dose was missed') await page.getByLabel(count).check();
  }
  await page.getByRole('radio', { name: withdrawal, exact: true }).check();
}
