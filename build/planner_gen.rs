//! Reads `content/planner.toml` (the dose-change planner's words, numbers and products), checks it
//! and writes it as Rust statics (`OUT_DIR/planner.rs`, included by `src/planner/content.rs`).
//!
//! A problem fails the build with `file:line: message`: an unknown or missing source id on a
//! clinical statement, text that breaks the one set of text rules (`crates/content-rules`: markup,
//! `javascript:`, a mirror address, a ruled-out claim, an unknown placeholder, a sentence over 25
//! words), a missing or unknown word, a strength that is not a number. Strings are written with Rust's
//! own string escaping (`{:?}`), never as raw HTML.

use baclofen_content_model::planner::{Limits, Liquid, Split, Tablet, Warning};
use baclofen_content_rules::{source_ids, Expect, TextRules};
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::Path;
use toml::Spanned;

/// Every word the page uses, in the order of the generated struct. Adding a word: add it here
/// and in content/planner.toml.
const WORDS: &[&str] = &[
    "heading",
    "intro",
    "latest_only",
    "child_note",
    "pump_note",
    "error_summary",
    "submit",
    "fix_first",
    "who_legend",
    "who_adult",
    "who_child",
    "form_legend",
    "form_tablet",
    "form_liquid",
    "tablet_label",
    "tablet_hint",
    "score_line",
    "score_line_hint",
    "child_under_8",
    "liquid_label",
    "liquid_hint",
    "choose",
    "doses_label",
    "doses_hint",
    "one_change_note",
    "midnight",
    "time_label",
    "start_date_label",
    "start_date_hint",
    "start_label",
    "start_hint",
    "per_legend",
    "per_dose",
    "per_day",
    "direction_legend",
    "direction_up",
    "direction_down",
    "step_label",
    "step_hint",
    "step_per_legend",
    "every_label",
    "every_hint",
    "end_label",
    "end_hint",
    "plan_heading",
    "table_label",
    "plan_summary",
    "plan_summary_stop",
    "plan_continue",
    "col_date",
    "col_step",
    "col_times",
    "col_dose",
    "col_measure",
    "col_total",
    "step_start",
    "step_new",
    "step_stop",
    "no_doses",
    "does_not_fit",
    "does_not_fit_ml",
    "tablet_one",
    "tablet_many",
    "day_one",
    "day_many",
    "half_tablet",
    "and_a_half",
    "months",
    "weekdays",
    "mg",
    "step_of",
    "ml",
    "syringe_heading",
    "syringe_text",
    "syringe_ask",
    "syringe_ask_short",
    "syringe_measure",
    "print",
    "print_note",
    "calendar",
    "calendar_event",
    "calendar_note",
    "calendar_file",
    "calendar_unknown",
    "dose_unknown",
    "sources_label",
    "symptom_link",
    "plan_ready",
    "plan_ready_checks",
];

/// Words that state a clinical fact and so must name their sources (`<word>_sources`).
const CLINICAL_WORDS: &[&str] = &[
    "intro",
    "latest_only",
    "child_note",
    "pump_note",
    "liquid_hint",
    "syringe_text",
    "syringe_ask",
    "syringe_measure",
    "score_line_hint",
];

const ERRORS: &[&str] = &[
    "empty_choice",
    "empty",
    "not_a_number",
    "negative",
    "zero",
    "too_precise",
    "too_large",
    "not_a_date",
    "not_a_time",
    "same_time_twice",
    "times_out_of_order",
    "wrong_direction_up",
    "wrong_direction_down",
    "does_not_split",
    "more_than_doubles",
    "too_long",
    "date_out_of_range",
    "whole_number",
    "choose_per",
];

const FIELDS: &[&str] =
    &["who", "form", "strength", "doses", "time", "start_date", "start", "direction", "step", "every", "end"];

/// The engine's checks (crates/logic/src/planner.rs `Check`) plus the withdrawal-signs card; each
/// needs exactly one warning.
const CHECKS: &[&str] = &[
    "above-label-maximum",
    "stops-faster-than-sources",
    "stops-in-one-step",
    "big-cut",
    "high-dose-short-taper",
    "child-doses-by-specialist",
    "short-last-step",
    "longer-than-a-year",
    "does-not-fit",
    "does-not-fit-liquid",
    "ask-which-syringe",
    "child-check-with-specialist",
    "withdrawal-signs",
];

const PLACEHOLDERS: &[&str] = &[
    "{to}",
    "{date}",
    "{total}",
    "{from}",
    "{max}",
    "{days}",
    "{doses}",
    "{change}",
    "{n}",
    "{ml}",
    "{strength}",
    "{field}",
    "{dose}",
    "{last}",
];

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPlanner {
    numbers: RawNumbers,
    tablet: Vec<RawTablet>,
    liquid: Vec<RawLiquid>,
    words: BTreeMap<String, toml::Value>,
    warning: Vec<RawWarning>,
    errors: RawErrors,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawNumbers {
    adult_max_daily_mg: Spanned<u32>,
    adult_max_sources: Vec<Spanned<String>>,
    shortest_taper_days: Spanned<u32>,
    shortest_taper_sources: Vec<Spanned<String>>,
    high_dose_taper_days: Spanned<u32>,
    high_dose_daily_mg: u32,
    big_cut_percent: u32,
    taper_sources: Vec<Spanned<String>>,
    child_check_daily_mg: Spanned<u32>,
    child_under_8_check_daily_mg: u32,
    child_check_sources: Vec<Spanned<String>>,
    input_max_mg: u32,
    max_plan_days: u32,
    max_doses_per_day: u8,
    max_every_days: u32,
    mg_decimals: u32,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTablet {
    regions: Vec<Spanned<String>>,
    strength_mg: Spanned<String>,
    split: Spanned<String>,
    sources: Vec<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLiquid {
    regions: Vec<Spanned<String>>,
    mg_per_ml: Spanned<String>,
    label: Spanned<String>,
    sources: Vec<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawWarning {
    check: Spanned<String>,
    title: Spanned<String>,
    text: Spanned<String>,
    sources: Vec<Spanned<String>>,
}

#[derive(Deserialize)]
struct RawErrors {
    fields: BTreeMap<String, String>,
    #[serde(flatten)]
    messages: BTreeMap<String, toml::Value>,
}

struct Checker {
    path: String,
    text: String,
    known: BTreeSet<String>,
    rules: TextRules,
    errors: Vec<String>,
}

impl Checker {
    fn line_of(&self, offset: usize) -> usize {
        self.text[..offset.min(self.text.len())].matches('\n').count() + 1
    }

    fn at(&mut self, offset: usize, message: impl std::fmt::Display) {
        let line = self.line_of(offset);
        self.errors.push(format!("{}:{line}: {message}", self.path));
    }

    /// The offset of `key = ` within the table that starts with `header` (for keys without spans).
    fn key_offset(&self, header: &str, key: &str) -> usize {
        let start = self.text.find(header).unwrap_or(0);
        let pattern = format!("\n{key} =");
        self.text[start..].find(&pattern).map(|i| start + i + 1).unwrap_or(start)
    }

    /// Every text passes the one set of text rules (`crates/content-rules`), with the
    /// placeholders the planner fills.
    fn text(&mut self, offset: usize, value: &str) {
        for problem in self.rules.problems(value, Expect::only(PLACEHOLDERS)) {
            self.at(offset, problem);
        }
    }

    fn sources(&mut self, anchor: usize, ids: &[Spanned<String>]) {
        if ids.is_empty() {
            self.at(anchor, "clinical statement has no sources; add ids from content/sources.toml");
        }
        for id in ids {
            if !self.known.contains(id.get_ref()) {
                self.at(
                    id.span().start,
                    format!("unknown source id `{}` (known ids are in content/sources.toml)", id.get_ref()),
                );
            }
        }
    }

    fn plain_sources(&mut self, anchor: usize, ids: &[String]) {
        let spanned: Vec<Spanned<String>> =
            ids.iter().map(|s| Spanned::new(anchor..anchor, s.clone())).collect();
        self.sources(anchor, &spanned);
    }
}

/// "7.5" → 7500 micrograms; `None` unless a plain positive decimal with at most 3 places.
fn micrograms(mg: &str) -> Option<u64> {
    let (whole, frac) = mg.split_once('.').unwrap_or((mg, ""));
    if whole.is_empty() || frac.len() > 3 || !(whole.bytes().chain(frac.bytes()).all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    let mut ug: u64 = whole.parse::<u64>().ok()? * 1000;
    let mut scale = 100;
    for b in frac.bytes() {
        ug += u64::from(b - b'0') * scale;
        scale /= 10;
    }
    (ug > 0).then_some(ug)
}

/// A checked text as the `&'static str` the content types hold (the build script is short-lived).
fn leak(text: &str) -> &'static str {
    Box::leak(text.to_owned().into_boxed_str())
}

fn list(items: &[Spanned<String>]) -> &'static [&'static str] {
    items.iter().map(|s| leak(s.get_ref())).collect::<Vec<_>>().leak()
}

/// The checked planner content: values of the app's types (`crates/content-model`), which
/// build.rs bakes, and the word structs, still written here as Rust from the word lists above.
#[allow(dead_code)] // the tests read only the errors
pub struct Generated {
    pub limits: Limits,
    pub mg_decimals: u32,
    pub adult_max_mg: u32,
    pub adult_max_sources: &'static [&'static str],
    pub taper_sources: &'static [&'static str],
    pub tablets: &'static [Tablet],
    pub liquids: &'static [Liquid],
    /// `Words` and `WORDS`.
    pub words: String,
    pub warnings: &'static [Warning],
    /// `ErrorWords`, `ERRORS`, `FieldNames` and `FIELD_NAMES`.
    pub errors: String,
}

/// Region ids the tablet and liquid lists may name (content/site.toml).
fn region_ids(content: &Path) -> BTreeSet<String> {
    #[derive(Deserialize)]
    struct Site {
        region: Vec<RegionId>,
    }
    #[derive(Deserialize)]
    struct RegionId {
        id: String,
    }
    std::fs::read_to_string(content.join("site.toml"))
        .ok()
        .and_then(|t| toml::from_str::<Site>(&t).ok())
        .map(|s| s.region.into_iter().map(|r| r.id).collect())
        .unwrap_or_default()
}

/// Validates `content/planner.toml` and returns its content, or every problem found.
pub fn generate(content: &Path, banned: &Path) -> Result<Generated, Vec<String>> {
    let path = content.join("planner.toml");
    let read = |p: &Path| {
        std::fs::read_to_string(p).map_err(|e| vec![format!("{}:1: cannot read: {e}", p.display())])
    };
    let text = read(&path)?;
    let known = source_ids(content).map_err(|e| vec![e])?;
    let rules = TextRules::load(banned).map_err(|e| vec![e])?;
    let mut c =
        Checker { path: path.display().to_string(), text: text.clone(), known, rules, errors: vec![] };
    let raw: RawPlanner = toml::from_str(&text).map_err(|e| {
        let line = e.span().map(|s| c.line_of(s.start)).unwrap_or(1);
        vec![format!("{}:{line}: {}", c.path, e.message())]
    })?;
    let regions = region_ids(content);

    let n = &raw.numbers;
    c.sources(n.adult_max_daily_mg.span().start, &n.adult_max_sources);
    c.sources(n.shortest_taper_days.span().start, &n.shortest_taper_sources);
    c.sources(n.high_dose_taper_days.span().start, &n.taper_sources);
    c.sources(n.child_check_daily_mg.span().start, &n.child_check_sources);
    if n.big_cut_percent == 0
        || n.big_cut_percent > 100
        || *n.high_dose_taper_days.get_ref() < *n.shortest_taper_days.get_ref()
    {
        c.at(
            n.high_dose_taper_days.span().start,
            "high_dose_taper_days must be at least shortest_taper_days, and big_cut_percent from 1 to 100",
        );
    }
    if n.mg_decimals > 3 || n.max_doses_per_day == 0 || n.max_every_days == 0 {
        c.at(
            c.key_offset("[numbers]", "mg_decimals"),
            "numbers out of range (mg_decimals ≤ 3, limits above 0)",
        );
    }
    let limits = Limits {
        adult_max_daily_ug: u64::from(*n.adult_max_daily_mg.get_ref()) * 1000,
        input_max_ug: u64::from(n.input_max_mg) * 1000,
        shortest_taper_days: *n.shortest_taper_days.get_ref(),
        high_dose_taper_days: *n.high_dose_taper_days.get_ref(),
        high_dose_daily_ug: u64::from(n.high_dose_daily_mg) * 1000,
        big_cut_percent: n.big_cut_percent,
        child_check_daily_ug: u64::from(*n.child_check_daily_mg.get_ref()) * 1000,
        child_under_8_check_daily_ug: u64::from(n.child_under_8_check_daily_mg) * 1000,
        max_plan_days: n.max_plan_days,
        max_doses_per_day: n.max_doses_per_day,
        max_every_days: n.max_every_days,
    };

    let check_regions = |c: &mut Checker, items: &[Spanned<String>]| {
        if items.is_empty() {
            c.errors.push(format!("{}:1: a product needs `regions`", c.path));
        }
        for r in items {
            if !regions.is_empty() && !regions.contains(r.get_ref()) {
                c.at(
                    r.span().start,
                    format!("unknown region `{}` (regions are in content/site.toml)", r.get_ref()),
                );
            }
        }
    };
    let mut tablets = Vec::new();
    for t in &raw.tablet {
        check_regions(&mut c, &t.regions);
        c.sources(t.strength_mg.span().start, &t.sources);
        let ug = micrograms(t.strength_mg.get_ref()).unwrap_or_else(|| {
            c.at(
                t.strength_mg.span().start,
                "strength_mg must be a number of mg more than 0, like \"10\" or \"2.5\"",
            );
            0
        });
        let (split, halves_if_scored) = match t.split.get_ref().as_str() {
            "whole" => (Split::Whole, false),
            "halves" => (Split::Halves, false),
            "halves-if-scored" => (Split::Whole, true),
            other => {
                c.at(t.split.span().start, format!("split `{other}` must be whole, halves or halves-if-scored (no source says a baclofen tablet may be cut into quarters, and the page has no words for them)"));
                (Split::Whole, false)
            }
        };
        tablets.push(Tablet {
            regions: list(&t.regions),
            strength_ug: ug,
            label: leak(&format!("{} mg", t.strength_mg.get_ref())),
            split,
            halves_if_scored,
            sources: list(&t.sources),
        });
    }
    let mut liquids = Vec::new();
    for l in &raw.liquid {
        check_regions(&mut c, &l.regions);
        c.text(l.label.span().start, l.label.get_ref());
        c.sources(l.mg_per_ml.span().start, &l.sources);
        let ug = micrograms(l.mg_per_ml.get_ref()).unwrap_or_else(|| {
            c.at(l.mg_per_ml.span().start, "mg_per_ml must be a number of mg more than 0, like \"1\"");
            0
        });
        liquids.push(Liquid {
            regions: list(&l.regions),
            ug_per_ml: ug,
            label: leak(l.label.get_ref()),
            sources: list(&l.sources),
        });
    }

    // Words: every required word present, nothing unknown, clinical ones sourced.
    let words_at = |c: &Checker, key: &str| c.key_offset("[words]", key);
    let mut word_struct = String::from("pub struct Words {\n");
    let mut word_value = String::from("pub static WORDS: Words = Words {\n");
    for key in raw.words.keys() {
        let base = key.strip_suffix("_sources").unwrap_or(key);
        if !WORDS.contains(&base) {
            let at = words_at(&c, key);
            c.at(at, format!("unknown word `{key}` (the words are listed in build/planner_gen.rs WORDS)"));
        }
    }
    for &key in WORDS {
        let at = words_at(&c, key);
        let value = match raw.words.get(key) {
            Some(toml::Value::String(s)) => s.clone(),
            _ => {
                c.at(at, format!("missing word `{key}` in [words] (a string)"));
                String::new()
            }
        };
        c.text(at, &value);
        writeln!(word_struct, "    pub {key}: &'static str,").unwrap();
        writeln!(word_value, "    {key}: {value:?},").unwrap();
        let sources_key = format!("{key}_sources");
        match raw.words.get(&sources_key) {
            Some(toml::Value::Array(items)) => {
                let ids: Vec<String> = items.iter().filter_map(|v| v.as_str().map(str::to_string)).collect();
                let at = words_at(&c, &sources_key);
                c.plain_sources(at, &ids);
                writeln!(word_struct, "    pub {sources_key}: &'static [&'static str],").unwrap();
                writeln!(word_value, "    {sources_key}: &{ids:?},").unwrap();
            }
            Some(_) => c.at(at, format!("`{sources_key}` must be a list of source ids")),
            None if CLINICAL_WORDS.contains(&key) => c.at(
                at,
                format!(
                    "clinical statement `{key}` has no `{sources_key}`; add ids from content/sources.toml"
                ),
            ),
            None => {}
        }
    }
    word_struct.push_str("}\n\n");
    word_value.push_str("};\n\n");

    // Warnings: one per check, each sourced.
    let mut seen = BTreeSet::new();
    let mut warnings = Vec::new();
    for w in &raw.warning {
        let id = w.check.get_ref().as_str();
        if !CHECKS.contains(&id) {
            c.at(w.check.span().start, format!("unknown check `{id}`; use one of {}", CHECKS.join(", ")));
        }
        if !seen.insert(id.to_string()) {
            c.at(w.check.span().start, format!("check `{id}` has two warnings"));
        }
        c.text(w.title.span().start, w.title.get_ref());
        c.text(w.text.span().start, w.text.get_ref());
        c.sources(w.text.span().start, &w.sources);
        warnings.push(Warning {
            check: leak(id),
            title: leak(w.title.get_ref()),
            text: leak(w.text.get_ref()),
            sources: list(&w.sources),
        });
    }
    for id in CHECKS {
        if !seen.contains(*id) {
            c.errors.push(format!("{}:1: no [[warning]] for check `{id}`", c.path));
        }
    }

    // Error messages and field names.
    let mut err_struct = String::from("pub struct ErrorWords {\n");
    let mut err_value = String::from("pub static ERRORS: ErrorWords = ErrorWords {\n");
    for key in raw.errors.messages.keys() {
        if !ERRORS.contains(&key.as_str()) {
            let at = c.key_offset("[errors]", key);
            c.at(at, format!("unknown error message `{key}`"));
        }
    }
    for &key in ERRORS {
        let at = c.key_offset("[errors]", key);
        let value = match raw.errors.messages.get(key) {
            Some(toml::Value::String(s)) => s.clone(),
            _ => {
                c.at(at, format!("missing error message `{key}`"));
                String::new()
            }
        };
        c.text(at, &value);
        writeln!(err_struct, "    pub {key}: &'static str,").unwrap();
        writeln!(err_value, "    {key}: {value:?},").unwrap();
    }
    err_struct.push_str("}\n\npub struct FieldNames {\n");
    err_value.push_str("};\n\npub static FIELD_NAMES: FieldNames = FieldNames {\n");
    for key in raw.errors.fields.keys() {
        if !FIELDS.contains(&key.as_str()) {
            let at = c.key_offset("[errors.fields]", key);
            c.at(at, format!("unknown field `{key}`"));
        }
    }
    for &key in FIELDS {
        let at = c.key_offset("[errors.fields]", key);
        let value = raw.errors.fields.get(key).cloned().unwrap_or_else(|| {
            c.at(at, format!("missing field name `{key}`"));
            String::new()
        });
        c.text(at, &value);
        writeln!(err_struct, "    pub {key}: &'static str,").unwrap();
        writeln!(err_value, "    {key}: {value:?},").unwrap();
    }
    err_struct.push_str("}\n\n");
    err_value.push_str("};\n");

    if c.errors.is_empty() {
        Ok(Generated {
            limits,
            mg_decimals: n.mg_decimals,
            adult_max_mg: *n.adult_max_daily_mg.get_ref(),
            adult_max_sources: list(&n.adult_max_sources),
            taper_sources: list(&n.shortest_taper_sources),
            tablets: tablets.leak(),
            liquids: liquids.leak(),
            words: word_struct + &word_value,
            warnings: warnings.leak(),
            errors: err_struct + &err_value,
        })
    } else {
        Err(c.errors)
    }
}
