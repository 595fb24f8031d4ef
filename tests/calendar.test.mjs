// The calendar files the guide makes, read by a real iCalendar parser: Mozilla's ical.js (the
// one Thunderbird uses). The files are written by the Rust code itself
// (crates/logic/examples/ics_fixtures.rs), so this checks the bytes a person downloads.
// Run: node --test tests/calendar.test.mjs  (from `make test`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import ICAL from 'ical.js';

const dir = 'target/ics-fixtures';
execFileSync('cargo', ['run', '--quiet', '-p', 'baclofen-logic', '--example', 'ics_fixtures', '--', dir], {
  stdio: 'inherit',
});
const read = (name) => readFileSync(`${dir}/${name}`, 'utf8');
const events = (text) =>
  new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));

// Runs `fn` with the process's local time zone set to `tz` (Node re-reads TZ when it changes).
function inZone(tz, fn) {
  const before = process.env.TZ;
  process.env.TZ = tz;
  try {
    return fn();
  } finally {
    if (before === undefined) delete process.env.TZ;
    else process.env.TZ = before;
  }
}

test('every file is RFC 5545 shaped: CRLF lines of at most 75 octets', () => {
  for (const name of ['daily.ics', 'awkward.ics', 'next-dose.ics', 'plan.ics']) {
    const bytes = readFileSync(`${dir}/${name}`);
    const text = bytes.toString('utf8');
    assert.ok(text.endsWith('\r\n'), name);
    assert.equal(text.split('\n').length, text.split('\r\n').length, `${name}: no bare LF`);
    for (const line of text.split('\r\n').slice(0, -1)) {
      assert.ok(Buffer.byteLength(line, 'utf8') <= 75, `${name}: ${line}`);
    }
    const cal = new ICAL.Component(ICAL.parse(text));
    assert.equal(cal.getFirstPropertyValue('version'), '2.0');
    assert.equal(cal.getFirstPropertyValue('prodid'), '-//Patient guide//Dose reminders//EN');
    // The file's own fields never name the medicine (shared calendars); the words are the person's.
    for (const event of cal.getAllSubcomponents('vevent')) assert.doesNotMatch(event.getFirstPropertyValue('uid'), /baclofen/i);
  }
});

test('daily reminders: one repeating event per dose time, alarm at the time, title and source note', () => {
  const list = events(read('daily.ics'));
  assert.equal(list.length, 3);
  const starts = list.map((e) => e.startDate.toString());
  assert.deepEqual(starts, ['2026-01-05T08:00:00', '2026-01-05T14:00:00', '2026-01-05T20:00:00']);
  for (const e of list) {
    assert.equal(e.summary, 'Medicine reminder');
    assert.match(e.description, /^Times you entered in the Baclofen guide on 5 Jan 2026\./);
    assert.match(e.description, /If your prescriber changes your times, make a new reminder\./);
    assert.ok(e.isRecurring());
    const rule = e.component.getFirstPropertyValue('rrule');
    assert.equal(rule.freq, 'DAILY');
    assert.equal(e.startDate.zone, ICAL.Timezone.localTimezone, 'floating time: the calendar’s own zone');
    const alarm = e.component.getFirstSubcomponent('valarm');
    assert.equal(alarm.getFirstPropertyValue('action'), 'DISPLAY');
    const trigger = alarm.getFirstPropertyValue('trigger');
    assert.equal(trigger.toSeconds(), 0, 'the alarm rings at the dose time');
    assert.equal(e.component.getFirstPropertyValue('transp'), 'TRANSPARENT');
    assert.equal(e.component.getFirstPropertyValue('class'), 'PRIVATE');
  }
  assert.equal(new Set(list.map((e) => e.uid)).size, 3, 'distinct UIDs');
});

// The reference: 2026 clock changes. UK (Europe/London): 29 March and 25 October.
// US (America/New_York, America/Los_Angeles): 8 March and 1 November.
const changes = [
  ['Europe/London', '2026-03-29'],
  ['Europe/London', '2026-10-25'],
  ['America/New_York', '2026-03-08'],
  ['America/New_York', '2026-11-01'],
  ['America/Los_Angeles', '2026-03-08'],
  ['America/Los_Angeles', '2026-11-01'],
];

for (const [tz, day] of changes) {
  test(`expanded reminders stay at 08:00, 14:00 and 20:00 on the clock across ${day} in ${tz}`, () => {
    inZone(tz, () => {
      const change = new Date(`${day}T12:00:00`);
      const from = change.getTime() - 3 * 86400e3;
      const to = change.getTime() + 3 * 86400e3;
      const seen = [];
      for (const e of events(read('daily.ics'))) {
        const it = e.iterator();
        for (let t = it.next(); t; t = it.next()) {
          const at = t.toJSDate();
          if (at.getTime() > to) break;
          if (at.getTime() >= from) seen.push(at);
        }
      }
      assert.equal(seen.length, 18, 'three doses on each of six days');
      seen.sort((a, b) => a - b);
      const offsets = new Set(seen.map((d) => d.getTimezoneOffset()));
      assert.equal(offsets.size, 2, 'the clocks really changed inside the window');
      for (const at of seen) {
        assert.ok([8, 14, 20].includes(at.getHours()) && at.getMinutes() === 0, `${at.toString()}`);
      }
      // The real time from 08:00 on the day before to 08:00 on the day after is 47 or 49 hours.
      const eights = seen.filter((d) => d.getHours() === 8);
      const hours = (eights[3] - eights[1]) / 3600e3;
      assert.ok(hours === 47 || hours === 49, `${hours} h across the change`);
    });
  });
}

test('travel: the same file shows 08:00 in London and in New York (floating time)', () => {
  for (const tz of ['Europe/London', 'America/New_York', 'Asia/Tokyo']) {
    inZone(tz, () => {
      const first = events(read('daily.ics'))[0].startDate.toJSDate();
      assert.equal(first.getHours(), 8, tz);
    });
  }
});

test('escaping and folding: commas, semicolons, backslash, newline and multi-byte letters come back whole', () => {
  const list = events(read('awkward.ics'));
  assert.equal(list.length, 2);
  assert.equal(list[0].summary, 'Baclofen; 10 mg, ½');
  assert.equal(
    list[0].description,
    'Médicament; dose 1, 2 \\ 3\nNächste Dosis: «08:00» — ½ tablet, with food; ça va? 日本語のテキストも折り返します。',
  );
  assert.deepEqual(
    list.map((e) => e.startDate.toString()),
    ['2026-03-01T00:30:00', '2026-03-01T12:30:00'],
  );
});

test('after a missed dose: one event at the re-planned time, never a repeat, never two doses', () => {
  // Reference (Medicines for Children): a child's late dose given at 11:00 means the next dose
  // waits at least 4 hours, so the 14:00 dose moves to 15:00. NHS: never two doses together.
  const list = events(read('next-dose.ics'));
  assert.equal(list.length, 1);
  const [e] = list;
  assert.equal(e.startDate.toString(), '2026-06-10T15:00:00');
  assert.ok(!e.isRecurring());
  assert.equal(e.component.getFirstSubcomponent('valarm').getFirstPropertyValue('trigger').toSeconds(), 0);
});

test('a dose-change plan: dated single events across the UK autumn change stay at 09:00', () => {
  inZone('Europe/London', () => {
    const list = events(read('plan.ics'));
    assert.deepEqual(
      list.map((e) => e.startDate.toString()),
      ['2026-10-24T09:00:00', '2026-10-25T09:00:00', '2026-10-26T09:00:00'],
    );
    for (const e of list) {
      assert.ok(!e.isRecurring());
      assert.equal(e.startDate.toJSDate().getHours(), 9);
    }
    assert.equal(new Set(list.map((e) => e.uid)).size, 3);
  });
});
