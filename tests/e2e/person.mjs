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
