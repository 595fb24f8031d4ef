#!/usr/bin/env python3
"""Self-consistency check of the hand-written planner cases (not a planner, not a runner).

Checks: TOML parses; ids unique; the step dates follow the convention in README.md (step k starts on
start_date + k*every_days, `to` is the day before the next step, the last step has no `to`);
days/end_date/last_dose agree with the steps; daily_mg = dose_mg * doses per day; tablets * strength
and ml * concentration equal the dose (decimals, no floats); `fits` agrees with the steps; the dose
moves by the letter's change and never passes the end; check_dates agree with the steps.
"""
import sys, tomllib, pathlib
from datetime import date, timedelta
from decimal import Decimal as D
from fractions import Fraction

here = pathlib.Path(__file__).parent
failures = []
ids = {}
counts = {}

def fail(cid, msg):
    failures.append(f"{cid}: {msg}")

def dec(x):
    return D(str(x))

def tablets_value(s):
    if s in ("no-fit",):
        return None
    total = Fraction(0)
    for part in s.split():
        total += Fraction(part)
    return total

for f in sorted(here.glob("*.toml")):
    data = tomllib.loads(f.read_text())
    cases = data.get("case", [])
    counts[f.name] = len(cases)
    for c in cases:
        cid = c["id"]
        if cid in ids:
            fail(cid, f"duplicate id (also in {ids[cid]})")
        ids[cid] = f.name
        e = c.get("expect", {})
        for k in ("story", "note"):
            if not (c.get(k) or e.get(k)):
                fail(cid, f"missing {k}")
        if "errors" in e:
            if "steps" in e:
                fail(cid, "bad input must not have steps")
            continue
        steps = e["steps"]
        start = date.fromisoformat(c["start_date"])
        every = c["every_days"]
        n = c["doses_per_day"]
        if len(c["times"]) != n:
            fail(cid, "times and doses_per_day disagree")
        extra = {x["from"]: x for x in c.get("extra_changes", [])}
        change = dec(c["change_mg"])
        per_dose_change = change if c["change_per"] == "dose" else None
        end = dec(c["end_dose_mg"])
        up = change > 0
        prev = None
        no_fit = False
        times = c["times"]
        for k, s in enumerate(steps):
            frm = start + timedelta(days=k * every)
            if s["from"] != frm.isoformat():
                fail(cid, f"step {k} from {s['from']} != {frm}")
            if s["day"] != k * every + 1:
                fail(cid, f"step {k} day {s['day']} != {k*every+1}")
            last = k == len(steps) - 1
            if last:
                if "to" in s:
                    fail(cid, "last step must have no `to`")
            else:
                to = frm + timedelta(days=every - 1)
                if s.get("to") != to.isoformat():
                    fail(cid, f"step {k} to {s.get('to')} != {to}")
            if s["from"] in extra:
                n = extra[s["from"]]["doses_per_day"]
                times = extra[s["from"]]["times"]
            daily = dec(s["daily_mg"])
            if "dose_mg" in s:
                dose = dec(s["dose_mg"])
                if dose * n != daily:
                    fail(cid, f"step {k} daily {daily} != {dose}*{n}")
            else:
                dose = None
                if daily % n == 0:
                    fail(cid, f"step {k} has no dose_mg but {daily}/{n} is exact")
            # progression of the daily total
            if k == 0:
                if dose != dec(c["start_dose_mg"]):
                    fail(cid, "first step is not the starting dose")
            else:
                step_change = daily - prev_daily
                full = per_dose_change * prev_n if per_dose_change is not None else change
                if prev_n != n:
                    full = None  # more than one change at once: not comparable
                if last:
                    if dose != end:
                        fail(cid, f"last step {dose} is not the end {end}")
                    if full is not None and step_change != full and "last-step-smaller" not in s.get("warn", []):
                        fail(cid, "uneven last step without last-step-smaller")
                elif full is not None and step_change != full:
                    fail(cid, f"step {k} changes by {step_change}, letter says {full}")
                if dose is not None and ((up and dose > end) or (not up and dose < end)):
                    fail(cid, f"step {k} passes the end")
            prev_daily, prev_n = daily, n
            # tablets / ml
            if c["form"] == "tablet":
                t = s["tablets"]
                # Halves (README convention 7, revised 2026-12-07): UK 10 mg always; US 10 and 20 mg
                # only with score_line = true; anything else whole tablets only.
                strength = dec(c["strength_mg"])
                halves = (c["region"] == "UK" and strength == 10) or (
                    c["region"] == "US" and strength in (10, 20) and c.get("score_line", False))
                pieces = 2 if halves else 1
                if t == "no-fit":
                    no_fit = True
                    if dose is not None:
                        r = Fraction(dose) / Fraction(strength)
                        if (r * pieces).denominator == 1:
                            fail(cid, f"step {k} marked no-fit but {dose} fits")
                else:
                    v = tablets_value(t)
                    if (v * pieces).denominator != 1:
                        fail(cid, f"step {k} tablets {t} is not whole/half")
                    if dose is None or Fraction(dose) != v * Fraction(dec(c["strength_mg"])):
                        fail(cid, f"step {k} tablets {t} x {c['strength_mg']} != {dose}")
            else:
                ml = dec(s["ml"])
                if ml * dec(c["concentration_mg_per_ml"]) != dose:
                    fail(cid, f"step {k} {ml} mL x {c['concentration_mg_per_ml']} != {dose}")
                if ml != ml.quantize(D("0.01")):
                    fail(cid, f"step {k} mL not to 0.01")
                # Review M8: a volume that is not whole tenths of a mL asks which syringe to use.
                odd = dose != 0 and ml != ml.quantize(D("0.1"))
                if odd != ("ask-which-syringe" in s.get("warn", [])):
                    fail(cid, f"step {k} {ml} mL and ask-which-syringe disagree")
        if e["fits"] == no_fit:
            fail(cid, "fits disagrees with the steps")
        if e["days"] != steps[-1]["day"]:
            fail(cid, "days != day of last step")
        if e["end_date"] != steps[-1]["from"]:
            fail(cid, "end_date != from of last step")
        if end == 0:
            ld = date.fromisoformat(e["end_date"]) - timedelta(days=1)
            want = f"{ld.isoformat()} {max(times)}"
            if e.get("last_dose") != want:
                fail(cid, f"last_dose {e.get('last_dose')} != {want}")
        elif "last_dose" in e:
            fail(cid, "last_dose only for stopping plans")
        if any("ask-which-syringe" in s.get("warn", []) for s in steps) != ("ask-which-syringe" in e["warnings"]):
            fail(cid, "ask-which-syringe disagrees with the steps")
        # warnings present on steps appear in the plan set
        for s in steps:
            for w in s.get("warn", []):
                if w not in e["warnings"]:
                    fail(cid, f"step warning {w} missing from plan warnings")
        if c["who"] == "child":
            if "child-no-adult-maximum" not in e["warnings"] or "above-maximum" in e["warnings"]:
                fail(cid, "child plan warnings")
            # Decision (i): above 60 mg a day, or above 40 if the carer says the child is under 8.
            limit = 40 if c.get("child_under_8", False) else 60
            flagged = [s["from"] for s in steps if dec(s["daily_mg"]) > limit]
            marked = [s["from"] for s in steps if "child-check-specialist" in s.get("warn", [])]
            if flagged != marked or bool(flagged) != ("child-check-specialist" in e["warnings"]):
                fail(cid, f"child-check-specialist {marked} != {flagged}")
        else:
            over = any(dec(s["daily_mg"]) > 80 for s in steps)
            if over != ("above-maximum" in e["warnings"]):
                fail(cid, "above-maximum disagrees with daily totals")
        # Taper checks (README convention 10, fact sheet §13.14): measured from the first reduction.
        day1 = dec(steps[0]["daily_mg"])
        first_cut = next((s for s in steps if dec(s["daily_mg"]) < day1), None)
        one_step = end == 0 and first_cut is not None and dec(first_cut["daily_mg"]) == 0
        if one_step != ("one-step-stop" in e["warnings"]):
            fail(cid, "one-step-stop disagrees with the steps")
        if end == 0 and first_cut is not None:
            taper = (date.fromisoformat(e["end_date"]) - date.fromisoformat(first_cut["from"])).days
        else:
            taper = None
        fast = taper is not None and taper < 7 and not one_step
        if fast != ("faster-than-sources" in e["warnings"]):
            fail(cid, f"faster-than-sources disagrees with the taper ({taper} days)")
        soft = taper is not None and 7 <= taper < 14 and day1 >= 60 and not one_step
        if soft != ("high-dose-under-14-days" in e["warnings"]):
            fail(cid, f"high-dose-under-14-days disagrees ({taper} days from {day1} mg a day)")
        big = []
        for a, b in zip(steps, steps[1:]):
            if dec(a["daily_mg"]) - dec(b["daily_mg"]) > day1 / 2 and not one_step:
                big.append(b["from"])
        marked = [s["from"] for s in steps if "big-cut" in s.get("warn", [])]
        if big != marked or bool(big) != ("big-cut" in e["warnings"]):
            fail(cid, f"big-cut steps {marked} != {big}")
        year = date.fromisoformat(e["end_date"]) > start.replace(year=start.year + 1)
        if year != ("longer-than-a-year" in e["warnings"]):
            fail(cid, "longer-than-a-year disagrees")
        for cd in e.get("check_dates", []):
            d = date.fromisoformat(cd["date"])
            k = min((d - start).days // every, len(steps) - 1)
            s = steps[k]
            if dec(s["dose_mg"]) != dec(cd["dose_mg"]):
                fail(cid, f"check_date {d} dose disagrees with step {k}")
            want_n = c["doses_per_day"]
            for x_from, x in sorted(extra.items()):
                if x_from <= cd["date"]:
                    want_n = x["doses_per_day"]
            if dec(s["dose_mg"]) == 0:
                want_n = 0
            if cd["doses"] != want_n:
                fail(cid, f"check_date {d} doses {cd['doses']} != {want_n}")

total = sum(counts.values())
for name, k in counts.items():
    print(f"{name}: {k}")
print(f"total: {total}")
if not 20 <= total <= 60:
    failures.append(f"total {total} outside 20-60")
if failures:
    print("\n".join(failures))
    sys.exit(1)
print("ok")
