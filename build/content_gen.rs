//! Content validation and code generation, shared by `build.rs` and the native test
//! `tests/content_validation.rs` (which feeds it broken content on purpose).

use baclofen_content_model as model;
use baclofen_content_rules::{Expect, Placeholders, TextRules};
use serde::Deserialize;
use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use toml::Spanned;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SourcesFile {
    source: Vec<RawSource>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSource {
    id: Spanned<String>,
    title: Spanned<String>,
    publisher: Spanned<String>,
    address: Spanned<String>,
    section: Spanned<String>,
    checked: Spanned<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSite {
    product_name: Spanned<String>,
    tagline: Spanned<String>,
    content_version: Spanned<String>,
    checked_on: Spanned<String>,
    disclaimer: Spanned<String>,
    emergency: Spanned<String>,
    emergency_sources: Vec<Spanned<String>>,
    emergency_default_number: Spanned<String>,
    emergency_default_time_zones: Vec<Spanned<String>>,
    emergency_local: Spanned<String>,
    emergency_number_note: Spanned<String>,
    emergency_configured: Spanned<String>,
    emergency_with_note: Spanned<String>,
    emergency_local_note: Spanned<String>,
    navigation: Vec<Spanned<String>>,
    /// Sections that must always be there (issue #3); a guard against deleting one by mistake.
    required_pages: Vec<Spanned<String>>,
    offline: RawOffline,
    startup: RawStartup,
    region: Vec<RawRegion>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRegion {
    id: Spanned<String>,
    name: Spanned<String>,
    emergency_number: Option<Spanned<String>>,
    #[serde(default)]
    also_emergency: Vec<Spanned<String>>,
    emergency_note: Option<Spanned<String>>,
    out_of_hours_name: Option<Spanned<String>>,
    out_of_hours_phone: Option<Spanned<String>>,
    crisis_name: Option<Spanned<String>>,
    crisis_phone: Option<Spanned<String>>,
    poisons_name: Option<Spanned<String>>,
    poisons_phone: Option<Spanned<String>>,
    #[serde(default)]
    sources: Vec<Spanned<String>>,
    #[serde(default)]
    time_zones: Vec<Spanned<String>>,
}

/// A line's name and number, which go together; the number as people dial it: digits in groups
/// separated by single spaces or hyphens.
fn region_line(
    file: &ContentFile,
    name: &Option<Spanned<String>>,
    phone: &Option<Spanned<String>>,
    errors: &mut Vec<String>,
) -> Option<(String, String)> {
    match (name, phone) {
        (Some(name), Some(phone)) => {
            let groups_ok = phone
                .get_ref()
                .split([' ', '-'])
                .all(|g| !g.is_empty() && g.bytes().all(|b| b.is_ascii_digit()));
            if !groups_ok {
                errors.push(
                    file.error(phone, "phone numbers here are digits in groups split by one space or hyphen"),
                );
            }
            Some((name.get_ref().clone(), phone.get_ref().clone()))
        }
        (None, None) => None,
        (Some(name), None) => {
            errors.push(file.error(name, "a line's name and phone go together"));
            None
        }
        (None, Some(phone)) => {
            errors.push(file.error(phone, "a line's name and phone go together"));
            None
        }
    }
}

/// `Area/Zone`, `Area/*`, or an old single-word alias (`GB`, `NZ-CHAT`).
fn valid_time_zone(zone: &str) -> bool {
    let name = zone.strip_suffix("/*").unwrap_or(zone);
    !name.is_empty()
        && name.split('/').all(|part| {
            !part.is_empty()
                && part.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'+'))
        })
}

fn optional_text(field: &Option<Spanned<String>>) -> Option<&'static str> {
    field.as_ref().map(|f| leak(f.get_ref()))
}

/// The region presets a clinic can choose from (issue #6); each must be in content/site.toml.
const REQUIRED_REGIONS: [&str; 7] = ["uk", "ie", "us", "ca", "au", "nz", "other"];

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawOffline {
    update_available: Spanned<String>,
    update_action: Spanned<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawStartup {
    failed: Spanned<String>,
    damaged: Spanned<String>,
    sandboxed: Spanned<String>,
    helper_stopped: Spanned<String>,
    no_script: Spanned<String>,
    emergency_signs: Spanned<String>,
    emergency_signs_sources: Vec<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPage {
    nav_label: Spanned<String>,
    title: Spanned<String>,
    description: Spanned<String>,
    /// Extra words people may search with ("drink" for the alcohol section); never shown.
    #[serde(default)]
    keywords: Vec<Spanned<String>>,
    #[serde(default)]
    block: Vec<RawBlock>,
    /// On an Easy Read page: the slug of the full page it retells.
    easy_read_of: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawBlock {
    #[serde(rename = "type")]
    block_type: Spanned<String>,
    kind: Option<Spanned<String>>,
    title: Option<Spanned<String>>,
    text: Spanned<String>,
    #[serde(default)]
    items: Vec<Spanned<String>>,
    #[serde(default)]
    sources: Vec<Spanned<String>>,
    /// A statement about this guide itself rather than about the medicine: needs no source.
    #[serde(default)]
    editorial: bool,
    /// Set when a statement is true in one country only: "uk" or "us".
    region: Option<Spanned<String>>,
    /// The step-up picture: the dose at each step, how many days each step lasts, doses a day.
    #[serde(default)]
    doses_mg: Vec<u16>,
    days_per_step: Option<u16>,
    times_a_day: Option<u16>,
    /// A way into a helper or another page (`way_in` blocks): "missed-dose#missed-dose-tool".
    to: Option<Spanned<String>>,
    /// The WebAssembly module (a `src/bin/<module>.rs`) a `helper` block holds the place of.
    module: Option<Spanned<String>>,
    /// The picture beside an Easy Read `point` (a name from `Picture::ALL`).
    picture: Option<Spanned<String>>,
}

/// Helper elements whose id is older than the `<module>-tool` rule; links and tests use them.
const ELEMENT_ID_ALIASES: [(&str, &str); 1] = [("checker", "red-flag-tool")];

/// The element that holds a helper module's placeholder: `<module>-tool`, or its older alias.
pub fn helper_element_id(module: &str) -> String {
    ELEMENT_ID_ALIASES
        .iter()
        .find(|(m, _)| *m == module)
        .map_or_else(|| format!("{module}-tool"), |(_, id)| id.to_string())
}

/// `"medicines-alcohol-driving"` → `"MedicinesAlcoholDriving"`: a page's `Route` variant.
fn variant_name(slug: &str) -> String {
    slug.split('-')
        .map(|part| {
            let mut chars = part.chars();
            chars.next().map(|c| c.to_ascii_uppercase().to_string() + chars.as_str()).unwrap_or_default()
        })
        .collect()
}

/// What a page is called and holds, as generated: for tests and the build manifest.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageSummary {
    pub slug: String,
    /// The `Route` variant generated for it.
    pub route: String,
    pub title: String,
    /// `(anchor, text)` of each heading.
    pub headings: Vec<(String, String)>,
    /// The helper modules the page holds a place for.
    pub modules: Vec<String>,
}

/// The checked content as values of the app's own types (`crates/content-model`), which
/// `build.rs` bakes into `OUT_DIR/content.rs` as `pub static` items.
#[allow(dead_code)] // each user reads only part of it
pub struct Content {
    pub sources: &'static [model::Source],
    pub regions: &'static [model::Region],
    pub site: model::Site,
    pub pages: &'static [model::Page],
    pub missed_dose: model::MissedDoseContent,
    pub schedule_limits: baclofen_logic::schedule::Limits,
    pub red_flags: model::RedFlagContent,
}

/// Everything `build.rs` writes: the content statics, the `Route` enum, and what each page is.
#[allow(dead_code)] // each user reads only part of it
pub struct Generated {
    /// Baked by `build.rs` into `OUT_DIR/content.rs`, included by `src/content.rs`.
    pub content: Content,
    /// `pub mod ui` and `UI_TEXTS` (`content/ui.toml`), Rust source appended to `content.rs`.
    pub ui: String,
    /// `OUT_DIR/routes.rs`, included by `src/route.rs`.
    pub routes: String,
    /// Home first, then the navigation order (read by the tests; build.rs needs only the code).
    pub pages: Vec<PageSummary>,
}

/// The `Route` enum: one variant per page in `pages` order (its discriminant is the page's
/// index in `content::PAGES`), then `NotFound`.
fn routes_code(pages: &[PageSummary]) -> String {
    let mut out = String::from(
        "// Generated by build.rs from content/site.toml `navigation`. Do not edit.\n\n/// One variant per page of `content/pages/`, home first then the navigation order; its\n/// discriminant is the page's index in `content::PAGES`.\n#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]\npub enum Route {\n",
    );
    for page in pages {
        writeln!(out, "    /// `content/pages/{}.toml`\n    {},", page.slug, page.route).unwrap();
    }
    out.push_str("    /// Any other address (`404.html`).\n    NotFound,\n}\n\nimpl Route {\n    /// Every route that has a page, home first, then in navigation order.\n");
    let all: Vec<String> = pages.iter().map(|p| format!("Route::{}", p.route)).collect();
    writeln!(out, "    pub const PAGES: [Route; {}] = [{}];\n", pages.len(), all.join(", ")).unwrap();
    out.push_str("    /// The content page slug, which is also the route's folder name.\n    pub fn slug(self) -> &'static str {\n        match self {\n");
    for page in pages {
        writeln!(out, "            Route::{} => {:?},", page.route, page.slug).unwrap();
    }
    out.push_str("            Route::NotFound => \"not-found\",\n        }\n    }\n}\n");
    out
}

/// `"Kidney problems"` → `"kidney-problems"`: the anchor of a heading.
fn anchor_id(text: &str) -> String {
    let mut id = String::new();
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            id.push(c.to_ascii_lowercase());
        } else if !id.is_empty() && !id.ends_with('-') {
            id.push('-');
        }
    }
    id.trim_end_matches('-').to_string()
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MissedDoseFile {
    numbers: MissedDoseNumbers,
    questions: MissedDoseQuestions,
    rule: Vec<RuleWording>,
    disagreement: Vec<DisagreementWording>,
    notes: MissedDoseNotes,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MissedDoseNumbers {
    skip_window_minutes: Spanned<u16>,
    skip_window_min_minutes: Spanned<u16>,
    skip_window_max_minutes: Spanned<u16>,
    child_min_gap_minutes: Spanned<u16>,
    child_vomit_window_minutes: Spanned<u16>,
    late_dose_note_minutes: Spanned<u16>,
    max_doses_per_day: Spanned<u8>,
    min_minutes_between_doses: Spanned<u16>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MissedDoseQuestions {
    withdrawal: Spanned<String>,
    withdrawal_sources: Vec<Spanned<String>>,
    pump_withdrawal: Spanned<String>,
    pump_withdrawal_sources: Vec<Spanned<String>>,
    vomited: Spanned<String>,
    vomited_sources: Vec<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleWording {
    id: Spanned<String>,
    /// `now`, `straight-away`, `today` or `self-care`: how soon the answer asks the person to act.
    timing: Spanned<String>,
    action: Spanned<String>,
    then: Spanned<String>,
    why: Spanned<String>,
    sources: Vec<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DisagreementWording {
    id: Spanned<String>,
    text: Spanned<String>,
    sources: Vec<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MissedDoseNotes {
    next_dose_moved: Spanned<String>,
    next_dose_moved_sources: Vec<Spanned<String>>,
    never_double: Spanned<String>,
    never_double_sources: Vec<Spanned<String>>,
    never_double_vomited: Spanned<String>,
    never_double_vomited_sources: Vec<Spanned<String>>,
    safety_net: Spanned<String>,
    safety_net_sources: Vec<Spanned<String>>,
    safe_default: Spanned<String>,
    safe_default_sources: Vec<Spanned<String>>,
    safe_default_vomited: Spanned<String>,
    safe_default_vomited_sources: Vec<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RedFlagFile {
    levels: RedFlagLevels,
    closed: RawClosed,
    none: RawStatement,
    pump: RawPumpQuestion,
    group: Vec<RawGroup>,
    item: Vec<RawItem>,
    rule: Vec<RawRule>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RedFlagLevels {
    emergency: RawLevel,
    urgent: RawLevel,
    routine: RawLevel,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLevel {
    label: Spanned<String>,
    detail: Spanned<String>,
    sources: Vec<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawClosed {
    urgent: Spanned<String>,
    routine: Spanned<String>,
    help_now: Spanned<String>,
    named: Spanned<String>,
    clinic: Spanned<String>,
    general: Spanned<String>,
    sources: Vec<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawStatement {
    text: Spanned<String>,
    sources: Vec<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPumpQuestion {
    legend: Spanned<String>,
    carer_legend: Spanned<String>,
    hint: Spanned<String>,
    yes: Spanned<String>,
    not_sure: Spanned<String>,
    group: Spanned<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawItem {
    id: Spanned<String>,
    group: Spanned<String>,
    label: Spanned<String>,
    carer_label: Option<Spanned<String>>,
    #[serde(default)]
    question: bool,
    #[serde(default)]
    hidden: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawGroup {
    id: Spanned<String>,
    title: Spanned<String>,
    hint: Option<Spanned<String>>,
    step: Option<Spanned<String>>,
    shown_by: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRule {
    id: Spanned<String>,
    level: Spanned<String>,
    timing: Spanned<String>,
    action: Spanned<String>,
    carer_action: Option<Spanned<String>>,
    call: Option<Spanned<String>>,
    when: Spanned<Vec<Vec<Spanned<String>>>>,
    why: Spanned<String>,
    carer_why: Option<Spanned<String>>,
    if_worse: Spanned<String>,
    sources: Vec<Spanned<String>>,
    /// `out-of-hours`, `help-now`, `in-action` or `none`: the route when the person named is
    /// closed. Required on urgent and routine rules; emergency rules have none.
    closed: Option<Spanned<String>>,
    /// Who the answer asks to be contacted ("the prescriber"), for `out-of-hours`.
    contact: Option<Spanned<String>>,
}

/// Placeholders the app fills in missed-dose wording.
const PLACEHOLDERS: [&str; 5] = ["{next}", "{window}", "{gap}", "{vomit}", "{late}"];

/// Missed-dose and red-flag wording: every rule, but sentences not yet held to 25 words, because
/// five safety sentences are longer (missed-dose.toml: the short-gap rule and the withdrawal
/// question and action; both files: the pump team's "if you cannot speak to them straight away").
/// Splitting them is a clinical-wording change for the content's owners; then this goes.
const MISSED_DOSE_TEXT: Expect<'static> = Expect::only(&PLACEHOLDERS).any_length();
const RED_FLAG_TEXT: Expect<'static> = Expect::PATIENT.any_length();

/// One content file: its path and text, so any span can be turned into `file:line`.
struct ContentFile {
    path: PathBuf,
    text: String,
}

impl ContentFile {
    fn read(path: PathBuf) -> Result<Self, String> {
        let text =
            std::fs::read_to_string(&path).map_err(|e| format!("{}: cannot read: {e}", path.display()))?;
        Ok(Self { path, text })
    }

    fn parse<T: serde::de::DeserializeOwned>(&self) -> Result<T, String> {
        toml::from_str(&self.text).map_err(|e| {
            let line = e.span().map(|s| self.line_of(s.start)).unwrap_or(1);
            format!("{}:{line}: {}", self.path.display(), e.message())
        })
    }

    fn line_of(&self, offset: usize) -> usize {
        self.text[..offset.min(self.text.len())].matches('\n').count() + 1
    }

    fn error<T>(&self, spanned: &Spanned<T>, message: impl std::fmt::Display) -> String {
        format!("{}:{}: {message}", self.path.display(), self.line_of(spanned.span().start))
    }
}

/// The one set of text rules (`crates/content-rules`), with the problems placed at `file:line`.
trait CheckIn {
    /// Every rule, for patient wording a helper fills in (any `{name}`, sentences of 25 words).
    fn check(&self, file: &ContentFile, text: &Spanned<String>, errors: &mut Vec<String>) {
        self.check_as(file, text, Expect::PATIENT, errors);
    }
    fn check_as(&self, file: &ContentFile, text: &Spanned<String>, expect: Expect, errors: &mut Vec<String>);
}

impl CheckIn for TextRules {
    fn check_as(&self, file: &ContentFile, text: &Spanned<String>, expect: Expect, errors: &mut Vec<String>) {
        errors.extend(self.problems(text.get_ref(), expect).into_iter().map(|m| file.error(text, m)));
    }
}

fn check_sources(
    file: &ContentFile,
    ids: &[Spanned<String>],
    known: &BTreeSet<String>,
    anchor: &Spanned<String>,
    errors: &mut Vec<String>,
) {
    if ids.is_empty() {
        errors.push(file.error(
            anchor,
            "statement has no sources; add `sources = [..]` with ids from content/sources.toml",
        ));
    }
    for id in ids {
        if !known.contains(id.get_ref()) {
            errors.push(file.error(
                id,
                format!(
                    "unknown source id `{}` (known ids are listed in content/sources.toml)",
                    id.get_ref()
                ),
            ));
        }
    }
}

/// "2026-11-23" → "23 November 2026", rejecting anything that is not a real date.
fn date_in_words(date: &str) -> Option<String> {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let mut parts = date.split('-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return None;
    }
    let (year, month, day): (u32, usize, u32) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let days_in_month = [31, if leap { 29 } else { 28 }, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    if !(1..=12).contains(&month) || day == 0 || day > days_in_month[month - 1] {
        return None;
    }
    Some(format!("{day} {} {year}", MONTHS[month - 1]))
}

/// A checked statement: `Statement { text, sources }`.
fn statement(
    file: &ContentFile,
    text: &Spanned<String>,
    sources: &[Spanned<String>],
    ctx: (&TextRules, &BTreeSet<String>),
    errors: &mut Vec<String>,
) -> model::Statement {
    let (rules, known) = ctx;
    rules.check_as(file, text, MISSED_DOSE_TEXT, errors);
    check_sources(file, sources, known, text, errors);
    model::Statement { text: leak(text.get_ref()), sources: str_list(sources) }
}

fn missed_dose(
    root: &Path,
    ctx: (&TextRules, &BTreeSet<String>),
    errors: &mut Vec<String>,
) -> Result<(model::MissedDoseContent, baclofen_logic::schedule::Limits), String> {
    let file = ContentFile::read(root.join("missed-dose.toml"))?;
    let content: MissedDoseFile = file.parse()?;
    let n = &content.numbers;
    let (default, min, max) = (
        *n.skip_window_minutes.get_ref(),
        *n.skip_window_min_minutes.get_ref(),
        *n.skip_window_max_minutes.get_ref(),
    );
    if !(min > 0 && min <= default && default <= max) {
        errors.push(file.error(
            &n.skip_window_minutes,
            format!("skip window {default} must lie within {min}..={max} minutes, and {min} must be above 0"),
        ));
    }
    // A clinic may lengthen the window (more cautious), never shorten it below the NHS rule
    // (fact sheet §13.1; clinical review M7).
    if min != default {
        errors.push(file.error(
            &n.skip_window_min_minutes,
            format!("skip_window_min_minutes ({min}) must equal skip_window_minutes ({default}): a clinic may make the window longer, never shorter"),
        ));
    }
    if *n.child_min_gap_minutes.get_ref() < max {
        errors.push(file.error(
            &n.child_min_gap_minutes,
            "the child's minimum gap must be at least the largest skip window",
        ));
    }
    if *n.child_vomit_window_minutes.get_ref() == 0 {
        errors.push(file.error(&n.child_vomit_window_minutes, "the vomiting window must be above 0"));
    }
    let late = *n.late_dose_note_minutes.get_ref();
    if late == 0 || late >= default {
        errors.push(file.error(
            &n.late_dose_note_minutes,
            "the late-dose note must be above 0 and below the skip window",
        ));
    }
    let (most, gap) = (*n.max_doses_per_day.get_ref(), *n.min_minutes_between_doses.get_ref());
    if most == 0 || gap == 0 || u32::from(most) * u32::from(gap) > 24 * 60 {
        errors.push(file.error(
            &n.max_doses_per_day,
            format!(
                "{most} doses a day at least {gap} minutes apart do not fit in a day (both must be above 0)"
            ),
        ));
    }
    // `{late}` is not a clinic setting, so it is filled in here, at build time.
    let late_words = match (late / 60, late % 60) {
        (1, 0) => "1 hour".to_string(),
        (h, 0) => format!("{h} hours"),
        (0, m) => format!("{m} minutes"),
        (h, m) => format!("{h} hours and {m} minutes"),
    };

    let late = |text: &str| leak(&text.replace("{late}", &late_words));
    let statement = |text: &Spanned<String>, sources: &[Spanned<String>], errors: &mut Vec<String>| {
        let s = statement(&file, text, sources, ctx, errors);
        model::Statement { text: late(s.text), ..s }
    };
    let mut rules_wording = Vec::new();
    let keys: Vec<&str> = baclofen_logic::missed_dose::RuleId::ALL.iter().map(|r| r.key()).collect();
    let mut seen = BTreeSet::new();
    for rule in &content.rule {
        let id = rule.id.get_ref().as_str();
        if !keys.contains(&id) {
            errors.push(file.error(
                &rule.id,
                format!("unknown rule id `{id}`; the engine's rules are {}", keys.join(", ")),
            ));
        }
        if !seen.insert(id.to_string()) {
            errors.push(file.error(&rule.id, format!("rule `{id}` appears twice")));
        }
        {
            use baclofen_logic::red_flags::Timing;
            let engine = baclofen_logic::missed_dose::RuleId::ALL
                .iter()
                .find(|r| r.key() == id)
                .and_then(|r| r.timing());
            let said = match rule.timing.get_ref().as_str() {
                "now" => Some(Timing::Now),
                "straight-away" => Some(Timing::StraightAway),
                "today" => Some(Timing::Today),
                "self-care" => None,
                other => {
                    errors.push(file.error(
                        &rule.timing,
                        format!("unknown timing `{other}`; use now, straight-away, today or self-care"),
                    ));
                    engine
                }
            };
            if keys.contains(&id) && said != engine {
                errors.push(file.error(
                    &rule.timing,
                    format!("the engine's answer for `{id}` is {engine:?}, not {said:?}"),
                ));
            }
            if let Some(timing) = said {
                check_action_timing(&file, &rule.action, timing, errors);
            }
        }
        for text in [&rule.action, &rule.then, &rule.why] {
            ctx.0.check_as(&file, text, MISSED_DOSE_TEXT, errors);
        }
        check_sources(&file, &rule.sources, ctx.1, &rule.id, errors);
        rules_wording.push(model::RuleWording {
            key: leak(id),
            action: late(rule.action.get_ref()),
            then: late(rule.then.get_ref()),
            why: late(rule.why.get_ref()),
            sources: str_list(&rule.sources),
        });
    }
    for key in &keys {
        if !seen.contains(*key) {
            errors.push(format!("{}:1: no wording for the engine's rule `{key}`", file.path.display()));
        }
    }
    let disagreement_keys: Vec<&str> =
        baclofen_logic::missed_dose::Disagreement::ALL.iter().map(|d| d.key()).collect();
    let mut disagreements = Vec::new();
    for d in &content.disagreement {
        if !disagreement_keys.contains(&d.id.get_ref().as_str()) {
            errors.push(file.error(&d.id, format!("unknown disagreement id `{}`", d.id.get_ref())));
        }
        disagreements.push(model::DisagreementWording {
            key: leak(d.id.get_ref()),
            wording: statement(&d.text, &d.sources, errors),
        });
    }
    for key in disagreement_keys {
        if !content.disagreement.iter().any(|d| d.id.get_ref() == key) {
            errors.push(format!("{}:1: no wording for the disagreement `{key}`", file.path.display()));
        }
    }
    let q = &content.questions;
    let notes = &content.notes;
    let content = model::MissedDoseContent {
        rules: baclofen_logic::missed_dose::Rules {
            skip_window: default,
            child_min_gap: *n.child_min_gap_minutes.get_ref(),
            child_vomit_window: *n.child_vomit_window_minutes.get_ref(),
            late_dose_note: *n.late_dose_note_minutes.get_ref(),
        },
        skip_window_range: (min, max),
        withdrawal_question: statement(&q.withdrawal, &q.withdrawal_sources, errors),
        pump_withdrawal_question: statement(&q.pump_withdrawal, &q.pump_withdrawal_sources, errors),
        vomited_question: statement(&q.vomited, &q.vomited_sources, errors),
        rules_wording: rules_wording.leak(),
        disagreements: disagreements.leak(),
        next_dose_moved: statement(&notes.next_dose_moved, &notes.next_dose_moved_sources, errors),
        never_double: statement(&notes.never_double, &notes.never_double_sources, errors),
        never_double_vomited: statement(
            &notes.never_double_vomited,
            &notes.never_double_vomited_sources,
            errors,
        ),
        safety_net: statement(&notes.safety_net, &notes.safety_net_sources, errors),
        safe_default: statement(&notes.safe_default, &notes.safe_default_sources, errors),
        safe_default_vomited: statement(
            &notes.safe_default_vomited,
            &notes.safe_default_vomited_sources,
            errors,
        ),
    };
    // The schedules the helpers accept (`[numbers]` in missed-dose.toml).
    let limits = baclofen_logic::schedule::Limits {
        max_doses_per_day: usize::from(most),
        min_minutes_between_doses: gap,
    };
    Ok((content, limits))
}

fn red_flags(
    root: &Path,
    ctx: (&TextRules, &BTreeSet<String>),
    errors: &mut Vec<String>,
) -> Result<model::RedFlagContent, String> {
    use baclofen_logic::red_flags::{triage, Level, Mask, Rule, Timing};
    use model::{Call, ClosedWords, Group, Item, LevelWording, PumpQuestion, RuleText, Step};

    let file = ContentFile::read(root.join("red-flags.toml"))?;
    let content: RedFlagFile = file.parse()?;
    let (rules, known) = ctx;
    let text = |t: &Spanned<String>, errors: &mut Vec<String>| {
        rules.check_as(&file, t, RED_FLAG_TEXT, errors);
        leak(t.get_ref())
    };

    let mut levels = Vec::new();
    for (level, wording) in [
        (Level::Routine, &content.levels.routine),
        (Level::Urgent, &content.levels.urgent),
        (Level::Emergency, &content.levels.emergency),
    ] {
        check_sources(&file, &wording.sources, known, &wording.label, errors);
        check_region_free(&file, &wording.detail, errors);
        levels.push(LevelWording {
            level,
            label: text(&wording.label, errors),
            detail: text(&wording.detail, errors),
            sources: str_list(&wording.sources),
        });
    }
    let none = statement(&file, &content.none.text, &content.none.sources, ctx, errors);
    let raw_closed = &content.closed;
    check_sources(&file, &raw_closed.sources, known, &raw_closed.urgent, errors);
    for (template, needs) in [
        (&raw_closed.urgent, &["{who}", "{service}"][..]),
        (&raw_closed.routine, &["{who}", "{service}"]),
        (&raw_closed.help_now, &["{service}"]),
        (&raw_closed.named, &["{name}"]),
        (&raw_closed.clinic, &["{phone}"]),
    ] {
        for placeholder in needs {
            if !template.get_ref().contains(placeholder) {
                errors.push(file.error(template, format!("needs the placeholder {placeholder}")));
            }
        }
    }
    for template in [&raw_closed.urgent, &raw_closed.routine, &raw_closed.help_now] {
        check_timing_vocabulary(&file, template, errors);
    }
    let closed_words = ClosedWords {
        urgent: text(&raw_closed.urgent, errors),
        routine: text(&raw_closed.routine, errors),
        help_now: text(&raw_closed.help_now, errors),
        named: text(&raw_closed.named, errors),
        clinic: text(&raw_closed.clinic, errors),
        general: text(&raw_closed.general, errors),
        sources: str_list(&raw_closed.sources),
    };

    // Groups first: items name them.
    let group_ids: Vec<&str> = content.group.iter().map(|g| g.id.get_ref().as_str()).collect();
    // Every item gets one bit, in the order they are written.
    let ids: Vec<&str> = content.item.iter().map(|i| i.id.get_ref().as_str()).collect();
    let bit_of = |id: &str| ids.iter().position(|i| *i == id).map(|p| (1 as Mask) << p);
    let room = Mask::BITS as usize;
    if ids.len() > room {
        errors.push(
            file.error(&content.item[room].id, format!("more than {room} items; the engine holds {room}")),
        );
    }
    let mut items = Vec::new();
    for (n, item) in content.item.iter().enumerate() {
        let id = item.id.get_ref();
        if ids[..n].contains(&id.as_str()) {
            errors.push(file.error(&item.id, format!("`{id}` is used twice")));
        }
        if !group_ids.contains(&item.group.get_ref().as_str()) {
            errors.push(file.error(&item.group, format!("unknown group `{}`", item.group.get_ref())));
        }
        let label = text(&item.label, errors);
        let carer_label = item.carer_label.as_ref().map_or(label, |c| text(c, errors));
        for said in std::iter::once(&item.label).chain(&item.carer_label) {
            check_timing_vocabulary(&file, said, errors);
            check_region_free(&file, said, errors);
        }
        items.push(Item {
            id: leak(id),
            bit: (1 as Mask).checked_shl(n as u32).unwrap_or(0),
            label,
            carer_label,
            group: leak(item.group.get_ref()),
            question: item.question,
            hidden: item.hidden,
        });
    }
    let group_mask = |group: &str| {
        content
            .item
            .iter()
            .enumerate()
            .filter(|(_, i)| i.group.get_ref() == group)
            .fold(0 as Mask, |m, (n, _)| m | 1 << n)
    };
    let mut groups = Vec::new();
    for group in &content.group {
        let id = group.id.get_ref();
        if !content.item.iter().any(|i| i.group.get_ref() == id && !i.hidden) {
            errors.push(file.error(&group.id, "group has nothing to tick"));
        }
        let step = match group.step.as_ref().map(|s| s.get_ref().as_str()) {
            None => Step::Others,
            Some("first") => Step::First,
            Some("pump") => Step::Pump,
            Some(other) => {
                errors.push(file.error(
                    group.step.as_ref().unwrap(),
                    format!("unknown step `{other}`; use first or pump"),
                ));
                Step::Others
            }
        };
        let shown_by = match &group.shown_by {
            None => 0,
            Some(by) => bit_of(by.get_ref()).unwrap_or_else(|| {
                errors.push(file.error(by, format!("unknown item `{}`", by.get_ref())));
                0
            }),
        };
        let hint = group.hint.as_ref().map_or("", |h| text(h, errors));
        groups.push(Group {
            id: leak(id),
            title: text(&group.title, errors),
            hint,
            step,
            shown_by,
            mask: group_mask(id),
        });
    }
    let pump = &content.pump;
    let pump_bit = |id: &Spanned<String>, errors: &mut Vec<String>| {
        bit_of(id.get_ref()).unwrap_or_else(|| {
            errors.push(file.error(id, format!("unknown item `{}`", id.get_ref())));
            0
        })
    };
    if !group_ids.contains(&pump.group.get_ref().as_str()) {
        errors.push(file.error(&pump.group, format!("unknown group `{}`", pump.group.get_ref())));
    }
    let pump_question = PumpQuestion {
        legend: text(&pump.legend, errors),
        carer_legend: text(&pump.carer_legend, errors),
        hint: text(&pump.hint, errors),
        yes: pump_bit(&pump.yes, errors),
        not_sure: pump_bit(&pump.not_sure, errors),
        group_mask: group_mask(pump.group.get_ref()),
    };

    let mut table: Vec<Rule<'static>> = Vec::new();
    let mut rule_text = Vec::new();
    let mut rule_ids = BTreeSet::new();
    for rule in &content.rule {
        if !rule_ids.insert(rule.id.get_ref().clone()) {
            errors.push(file.error(&rule.id, format!("rule `{}` appears twice", rule.id.get_ref())));
        }
        let level = match rule.level.get_ref().as_str() {
            "emergency" => Level::Emergency,
            "urgent" => Level::Urgent,
            "routine" => Level::Routine,
            other => {
                errors.push(file.error(
                    &rule.level,
                    format!("unknown level `{other}`; use emergency, urgent or routine"),
                ));
                Level::Emergency
            }
        };
        let timing = match rule.timing.get_ref().as_str() {
            "now" => Timing::Now,
            "straight-away" => Timing::StraightAway,
            "today" => Timing::Today,
            "before" => Timing::Before,
            "next-visit" => Timing::NextVisit,
            other => {
                errors.push(file.error(
                    &rule.timing,
                    format!("unknown timing `{other}`; use now, straight-away, today, before or next-visit"),
                ));
                Timing::Now
            }
        };
        if !timing.fits(level) {
            errors.push(file.error(
                &rule.timing,
                format!("timing `{}` does not fit level `{}` (emergency: now; urgent: now, straight-away or today; routine: before or next-visit)", rule.timing.get_ref(), rule.level.get_ref()),
            ));
        }
        // The title says its own timing, and never a sooner or later one than the rule's.
        for action in std::iter::once(&rule.action).chain(rule.carer_action.as_ref()) {
            check_action_timing(&file, action, timing, errors);
        }
        // What to do, and when, in the one timing vocabulary; no region's service in any text.
        for said in [&rule.action, &rule.if_worse].into_iter().chain(rule.carer_action.as_ref()) {
            check_timing_vocabulary(&file, said, errors);
        }
        for said in [&rule.action, &rule.if_worse, &rule.why]
            .into_iter()
            .chain(rule.carer_action.as_ref())
            .chain(rule.carer_why.as_ref())
        {
            check_region_free(&file, said, errors);
        }
        let closed = closed_route(&file, rule, level, errors);
        let call = match rule.call.as_ref().map(|c| c.get_ref().as_str()) {
            None => Call::None,
            Some("crisis") => Call::Crisis,
            Some("poisons") => Call::Poisons,
            Some("pump-team") => Call::PumpTeam,
            Some(other) => {
                errors.push(file.error(
                    rule.call.as_ref().unwrap(),
                    format!("unknown call `{other}`; use crisis, poisons or pump-team"),
                ));
                Call::None
            }
        };
        if rule.when.get_ref().is_empty() || rule.when.get_ref().iter().any(|c| c.is_empty()) {
            errors
                .push(file.error(&rule.when, "`when` needs at least one clause, and no clause may be empty"));
        }
        let clauses: Vec<Mask> = rule
            .when
            .get_ref()
            .iter()
            .map(|clause| {
                clause.iter().fold(0 as Mask, |mask, id| {
                    let name = id.get_ref();
                    let bits = match name.strip_prefix("group:") {
                        Some(group) if group_ids.contains(&group) => group_mask(group),
                        Some(group) => {
                            errors.push(file.error(id, format!("unknown group `{group}`")));
                            0
                        }
                        None => bit_of(name).unwrap_or_else(|| {
                            errors.push(file.error(id, format!("unknown item `{name}`")));
                            0
                        }),
                    };
                    mask | bits
                })
            })
            .collect();
        table.push(Rule { level, timing, clauses: clauses.leak() });
        check_sources(&file, &rule.sources, known, &rule.id, errors);
        let action = text(&rule.action, errors);
        let carer_action = rule.carer_action.as_ref().map_or(action, |c| text(c, errors));
        let why = text(&rule.why, errors);
        let carer_why = rule.carer_why.as_ref().map_or(why, |c| text(c, errors));
        rule_text.push(RuleText {
            id: leak(rule.id.get_ref()),
            action,
            carer_action,
            call,
            why,
            carer_why,
            if_worse: text(&rule.if_worse, errors),
            sources: str_list(&rule.sources),
            closed,
            contact: rule.contact.as_ref().map_or("", |c| text(c, errors)),
        });
    }

    // No tick leaves a person without an answer (§11 design notes): every item a person can
    // tick, ticked on its own, fires at least one rule.
    for (n, item) in content.item.iter().enumerate() {
        if !item.hidden && triage(&table, (1 as Mask) << n).level.is_none() {
            errors.push(file.error(
                &item.id,
                format!("`{}` ticked on its own gets no answer: add a rule", item.id.get_ref()),
            ));
        }
    }

    Ok(model::RedFlagContent {
        levels: levels.leak(),
        none,
        pump: pump_question,
        items: items.leak(),
        groups: groups.leak(),
        rules: table.leak(),
        rule_text: rule_text.leak(),
        closed: closed_words,
    })
}

/// Words that mean "contact someone": an urgent or routine answer that uses one must name a
/// route for when that person is closed (§11 design notes).
const CONTACT_WORDS: [&str; 9] =
    ["prescriber", "pharmacist", "pump team", "doctor", "health visitor", "midwife", "clinic", "team", "gp"];

/// A rule's `closed`, checked against its level and words.
fn closed_route(
    file: &ContentFile,
    rule: &RawRule,
    level: baclofen_logic::red_flags::Level,
    errors: &mut Vec<String>,
) -> model::Closed {
    use baclofen_logic::red_flags::Level;
    use model::Closed;
    let said = [
        Some(&rule.action),
        rule.carer_action.as_ref(),
        Some(&rule.why),
        rule.carer_why.as_ref(),
        Some(&rule.if_worse),
    ]
    .into_iter()
    .flatten()
    .map(|t| format!(" {} ", t.get_ref().to_lowercase()))
    .collect::<String>();
    let names_someone = CONTACT_WORDS.iter().any(|w| said.contains(&format!(" {w}")));
    let Some(closed) = &rule.closed else {
        if level != Level::Emergency {
            errors.push(file.error(
                &rule.id,
                "an urgent or routine rule needs `closed` (out-of-hours, help-now, in-action or none): the route when the person it names is closed",
            ));
        }
        return Closed::None;
    };
    if level == Level::Emergency {
        errors.push(
            file.error(closed, "an emergency rule's route is the emergency number: leave out `closed`"),
        );
    }
    let kind = match closed.get_ref().as_str() {
        "out-of-hours" => Closed::OutOfHours,
        "help-now" => Closed::HelpNow,
        "in-action" => Closed::InAction,
        "none" => Closed::None,
        other => {
            errors.push(file.error(
                closed,
                format!("unknown `closed` `{other}`; use out-of-hours, help-now, in-action or none"),
            ));
            Closed::None
        }
    };
    match (kind, &rule.contact) {
        (Closed::OutOfHours, None) => errors
            .push(file.error(closed, "`out-of-hours` needs `contact`: who the answer asks to be contacted")),
        (Closed::OutOfHours, Some(_)) => {}
        (_, Some(contact)) => {
            errors.push(file.error(contact, "`contact` is only for `closed = \"out-of-hours\"`"))
        }
        (_, None) => {}
    }
    if kind == Closed::InAction {
        for action in std::iter::once(&rule.action).chain(rule.carer_action.as_ref()) {
            if !action.get_ref().contains("emergency department") {
                errors.push(
                    file.error(action, "`in-action` needs the action to name the emergency department"),
                );
            }
        }
    }
    if kind == Closed::None && names_someone {
        errors.push(file.error(
            closed,
            "this rule asks someone to be contacted, so it needs a route for when they are closed (out-of-hours, help-now or in-action)",
        ));
    }
    kind
}

/// Region-specific services (NHS 111) come from `content/site.toml` by region, never from a rule;
/// "If they are closed" names no one.
fn check_region_free(file: &ContentFile, text: &Spanned<String>, errors: &mut Vec<String>) {
    let lower = text.get_ref().to_lowercase();
    if lower.contains("111") {
        errors.push(file.error(
            text,
            "a region's service (NHS 111) comes from content/site.toml by region, not from this text",
        ));
    }
    if lower.contains("if they are closed") || lower.contains("if they're closed") {
        errors.push(file.error(text, "\"If they are closed\" names no one: say who, or use `closed`"));
    }
}

/// `content/ui.toml`: the helpers' form messages, labels and buttons, as `pub mod ui { pub mod
/// <table> { pub const KEY: &str } }` (unused ones cost the WebAssembly nothing) and a list of
/// every text for the tests (`UI_TEXTS`).
fn ui_code(
    root: &Path,
    ctx: (&TextRules, &BTreeSet<String>),
    errors: &mut Vec<String>,
) -> Result<String, String> {
    // Numbers the engine also uses (from missed-dose.toml): the sentence must say them.
    let numbers = ContentFile::read(root.join("missed-dose.toml"))?.parse::<MissedDoseFile>()?.numbers;
    let must_say: [(&str, &str, String); 2] = [
        (
            "missed_dose_form",
            "too_many_doses",
            format!("up to {} doses", numbers.max_doses_per_day.get_ref()),
        ),
        (
            "missed_dose_form",
            "too_close",
            format!("{} hours", numbers.min_minutes_between_doses.get_ref() / 60),
        ),
    ];
    words_code(root, ("ui.toml", "ui", "UI_TEXTS"), &must_say, Expect::PATIENT, ctx, errors)
}

/// `content/web-team.toml`: the words for a clinic's web team (settings messages, the clinic
/// setup page), as `content::web_team` and `WEB_TEAM_TEXTS`; checked like every text, but not
/// held to the patients' reading level.
fn web_team_code(
    root: &Path,
    ctx: (&TextRules, &BTreeSet<String>),
    errors: &mut Vec<String>,
) -> Result<String, String> {
    let web_team = Expect { placeholders: Placeholders::Unchecked, max_sentence_words: None };
    words_code(root, ("web-team.toml", "web_team", "WEB_TEAM_TEXTS"), &[], web_team, ctx, errors)
}

/// A words file: each `[table]` a module of `pub const KEY: &str`, plus a list of every text
/// for the tests. `must_say`: (table, key, words) a text must contain.
fn words_code(
    root: &Path,
    (file_name, module, list_name): (&str, &str, &str),
    must_say: &[(&str, &str, String)],
    expect: Expect,
    ctx: (&TextRules, &BTreeSet<String>),
    errors: &mut Vec<String>,
) -> Result<String, String> {
    use std::collections::BTreeMap;
    let file = ContentFile::read(root.join(file_name))?;
    let tables: BTreeMap<Spanned<String>, BTreeMap<Spanned<String>, Spanned<String>>> = file.parse()?;
    let name_ok = |name: &str| {
        name.starts_with(|c: char| c.is_ascii_lowercase())
            && name.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
    };
    let mut modules = format!("pub mod {module} {{\n");
    let mut list = format!("pub static {list_name}: &[(&str, &str)] = &[\n");
    for (table, entries) in &tables {
        if !name_ok(table.get_ref()) {
            errors.push(file.error(table, "a table name is lower-case letters, digits and _"));
        }
        writeln!(modules, "    pub mod {} {{", table.get_ref()).unwrap();
        for (key, text) in entries {
            if !name_ok(key.get_ref()) {
                errors.push(file.error(key, "a key is lower-case letters, digits and _"));
            }
            ctx.0.check_as(&file, text, expect, errors);
            writeln!(
                modules,
                "        pub const {}: &str = {:?};",
                key.get_ref().to_uppercase(),
                text.get_ref()
            )
            .unwrap();
            writeln!(
                list,
                "    ({:?}, {:?}),",
                format!("{}.{}", table.get_ref(), key.get_ref()),
                text.get_ref()
            )
            .unwrap();
        }
        modules.push_str("    }\n");
    }
    for (table, key, words) in must_say {
        let found = tables
            .iter()
            .find(|(t, _)| t.get_ref() == table)
            .and_then(|(_, entries)| entries.iter().find(|(k, _)| k.get_ref() == key));
        match found {
            Some((_, text)) if !text.get_ref().contains(words.as_str()) => errors
                .push(file.error(text, format!("`{table}.{key}` must say \"{words}\", as the engine does"))),
            Some(_) => {}
            None => errors.push(format!("{}:1: `{table}.{key}` is missing", file.path.display())),
        }
    }
    modules.push_str("}\n\n");
    list.push_str("];\n");
    Ok(modules + &list)
}

/// An action must say its own timing in words ("now", "straight away", "today", "before") and
/// never a sooner one: a "today" title on a "straight away" rule is the defect this prevents.
fn check_action_timing(
    file: &ContentFile,
    action: &Spanned<String>,
    timing: baclofen_logic::red_flags::Timing,
    errors: &mut Vec<String>,
) {
    use baclofen_logic::red_flags::Timing;
    let words = action.get_ref().to_lowercase();
    let joined = format!(
        " {} ",
        words.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ")
    );
    let has = |w: &str| joined.contains(&format!(" {w} "));
    let (needed, sooner): (Option<&str>, &[&str]) = match timing {
        Timing::Now => (Some("now"), &[]),
        Timing::StraightAway => (Some("straight away"), &["now"]),
        Timing::Today => (Some("today"), &["now", "straight away"]),
        Timing::Before => (Some("before"), &["now", "straight away", "today"]),
        Timing::NextVisit => (None, &["now", "straight away", "today"]),
    };
    if let Some(word) = needed {
        if !has(word) {
            errors.push(
                file.error(
                    action,
                    format!("this action's timing is `{timing:?}`, so it must say \"{word}\""),
                ),
            );
        }
    }
    for word in sooner {
        if has(word) {
            errors.push(
                file.error(
                    action,
                    format!("this action says \"{word}\", sooner than its timing `{timing:?}`"),
                ),
            );
        }
    }
}

/// Timing words outside the one vocabulary (now, straight away, today, before, next visit: §11
/// design notes). A checker text that uses one of these fails the build.
const OTHER_TIMING_WORDS: [&str; 16] = [
    "immediately",
    "at once",
    "promptly",
    "as soon as",
    "asap",
    "soon",
    "sooner",
    "urgently",
    "same day",
    "tomorrow",
    "this week",
    "right away",
    "shortly",
    "in a while",
    "later",
    "when you can",
];

fn check_timing_vocabulary(file: &ContentFile, text: &Spanned<String>, errors: &mut Vec<String>) {
    let words = text.get_ref().to_lowercase();
    let joined = format!(
        " {} ",
        words.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ")
    );
    for word in OTHER_TIMING_WORDS {
        if joined.contains(&format!(" {word} ")) {
            errors.push(file.error(
                text,
                format!("\"{word}\" is not one of the timing words (now, straight away, today, before, next visit)"),
            ));
        }
    }
}

/// One content block, or `None` (with the errors recorded) when it is unusable.
fn block(
    file: &ContentFile,
    block: &RawBlock,
    ctx: (&TextRules, &BTreeSet<String>),
    anchors: &mut BTreeSet<String>,
    errors: &mut Vec<String>,
) -> Option<model::Block> {
    use model::{BlockKind, RegionTag};
    let (rules, known) = ctx;
    let block_type = block.block_type.get_ref().as_str();
    // A page is static text: nothing fills a placeholder in it.
    rules.check_as(file, &block.text, Expect::PAGE, errors);
    for text in block.items.iter().chain(&block.title) {
        rules.check_as(file, text, Expect::PAGE, errors);
    }
    let mut refuse = |message: &str| errors.push(file.error(&block.block_type, message));
    let allowed: &[&str] = match block_type {
        "heading" => &[],
        "paragraph" => &["sources", "region"],
        "list" => &["items", "sources", "region"],
        "callout" => &["kind", "title", "items", "sources", "region"],
        "question" => &["title", "sources", "region"],
        "step_up" => &["title", "items", "sources", "region", "doses_mg", "days_per_step", "times_a_day"],
        "way_in" => &["to", "region"],
        "helper" => &["module"],
        "point" => &["picture", "kind", "items", "sources", "region"],
        other => {
            refuse(&format!(
                "unknown block type `{other}`; use heading, paragraph, list, callout, question, step_up, way_in, helper or point"
            ));
            return None;
        }
    };
    let present = [
        ("kind", block.kind.is_some()),
        ("title", block.title.is_some()),
        ("items", !block.items.is_empty()),
        ("sources", !block.sources.is_empty() || block.editorial),
        ("region", block.region.is_some()),
        ("doses_mg", !block.doses_mg.is_empty()),
        ("days_per_step", block.days_per_step.is_some()),
        ("times_a_day", block.times_a_day.is_some()),
        ("to", block.to.is_some()),
        ("module", block.module.is_some()),
        ("picture", block.picture.is_some()),
    ];
    for (field, _) in present.iter().filter(|(field, is_set)| *is_set && !allowed.contains(field)) {
        refuse(&format!("a {block_type} block does not take `{field}`"));
    }
    // Headings and ways in (a link to another part of the guide) state nothing to source.
    if !matches!(block_type, "heading" | "way_in" | "helper") {
        if block.editorial {
            if !block.sources.is_empty() {
                errors.push(file.error(&block.text, "an editorial statement takes no sources"));
            }
        } else {
            check_sources(file, &block.sources, known, &block.text, errors);
        }
    }
    let region = match block.region.as_ref().map(|r| r.get_ref().as_str()) {
        None => None,
        Some("uk") => Some(RegionTag::Uk),
        Some("us") => Some(RegionTag::Us),
        Some(other) => {
            errors.push(file.error(
                block.region.as_ref().unwrap(),
                format!("unknown region `{other}`; use \"uk\" or \"us\""),
            ));
            None
        }
    };
    let text = leak(block.text.get_ref());
    let sources = str_list(&block.sources);
    let items = str_list(&block.items);
    let statement = model::Statement { text, sources };
    let title = match &block.title {
        Some(title) => leak(title.get_ref()),
        None => {
            if matches!(block_type, "callout" | "question" | "step_up") {
                errors.push(file.error(&block.block_type, format!("a {block_type} block needs a `title`")));
            }
            ""
        }
    };
    let kind = match block_type {
        "heading" => {
            let id = anchor_id(text);
            if !anchors.insert(id.clone()) {
                errors.push(
                    file.error(&block.text, format!("two headings on this page share the anchor `{id}`")),
                );
            }
            BlockKind::Heading(model::Heading { text, id: leak(&id) })
        }
        "paragraph" => BlockKind::Paragraph(statement),
        "list" => {
            if block.items.is_empty() {
                errors.push(file.error(&block.block_type, "a list needs `items`"));
            }
            BlockKind::List(model::List { intro: statement, items })
        }
        "point" => {
            use model::CalloutKind;
            let picture = match block.picture.as_ref() {
                None => {
                    errors.push(file.error(&block.block_type, "a point needs a `picture`"));
                    None
                }
                Some(name) => {
                    let found = model::Picture::from_name(name.get_ref());
                    if found.is_none() {
                        let names: Vec<&str> = model::Picture::ALL.iter().map(|(n, _)| *n).collect();
                        errors.push(file.error(
                            name,
                            format!("unknown picture `{}`; use one of {}", name.get_ref(), names.join(", ")),
                        ));
                    }
                    found
                }
            };
            let kind = match block.kind.as_ref().map(|k| (k, k.get_ref().as_str())) {
                None => None,
                Some((_, "emergency")) => Some(CalloutKind::Emergency),
                Some((_, "urgent")) => Some(CalloutKind::Urgent),
                Some((_, "warning")) => Some(CalloutKind::Warning),
                Some((k, _)) => {
                    errors
                        .push(file.error(k, "a point's `kind` is \"emergency\", \"urgent\" or \"warning\""));
                    None
                }
            };
            BlockKind::Point(model::Point { picture: picture?, kind, words: statement, items })
        }
        "callout" => {
            use model::CalloutKind;
            let kind = match block.kind.as_ref().map(|k| k.get_ref().as_str()) {
                Some("emergency") => CalloutKind::Emergency,
                Some("urgent") => CalloutKind::Urgent,
                Some("warning") => CalloutKind::Warning,
                Some("info") => CalloutKind::Info,
                _ => {
                    errors.push(file.error(
                        &block.block_type,
                        "a callout needs `kind` = \"emergency\", \"urgent\", \"warning\" or \"info\"",
                    ));
                    CalloutKind::Info
                }
            };
            BlockKind::Callout(model::Callout { kind, title, text, items, sources })
        }
        "question" => BlockKind::Question(model::Question { question: title, answer: statement }),
        "way_in" => {
            let to = leak(block.to.as_ref().map(|t| t.get_ref().as_str()).unwrap_or_default());
            let (slug, anchor) = to.split_once('#').unwrap_or((to, ""));
            let plain =
                |s: &str| s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
            if slug.is_empty() || !plain(slug) || !plain(anchor) {
                errors.push(file.error(
                    &block.block_type,
                    "a way_in needs `to` = \"<page>\" or \"<page>#<anchor>\" (lower-case letters, digits and -)",
                ));
            }
            BlockKind::WayIn(model::WayIn { text, page: slug, anchor })
        }
        "helper" => {
            // The module is a `src/bin/<module>.rs`; its element is `<module>-tool`.
            let Some(module) = block.module.as_ref() else {
                errors.push(file.error(&block.block_type, "a helper needs `module` = \"<bin name>\""));
                return None;
            };
            let name = module.get_ref().as_str();
            if name.is_empty()
                || name.starts_with('-')
                || name.ends_with('-')
                || !name.bytes().all(|b| b.is_ascii_lowercase() || b == b'-')
            {
                errors.push(file.error(
                    module,
                    format!("helper module `{name}` must be a bin name: lower-case letters and -"),
                ));
            }
            if !anchors.insert(format!("helper:{name}")) {
                errors.push(file.error(module, format!("two helpers on this page use the module `{name}`")));
            }
            let element_id = helper_element_id(name);
            if !anchors.insert(element_id.clone()) {
                errors.push(
                    file.error(module, format!("the element id `{element_id}` is already used on this page")),
                );
            }
            BlockKind::Helper(model::Helper { module: leak(name), element_id: leak(&element_id), text })
        }
        _ => {
            let doses = block.doses_mg.clone().leak();
            let days = block.days_per_step.unwrap_or(0);
            let times = block.times_a_day.unwrap_or(0);
            if doses.is_empty() || doses.windows(2).any(|w| w[0] >= w[1]) || days == 0 || times == 0 {
                errors.push(file.error(
                    &block.block_type,
                    "a step_up needs rising `doses_mg`, and `days_per_step` and `times_a_day` above 0",
                ));
            }
            if block.items.len() != doses.len() {
                errors.push(file.error(
                    &block.block_type,
                    format!(
                        "a step_up needs one item (its words for people who cannot see the picture) per dose: {} doses, {} items",
                        doses.len(),
                        block.items.len()
                    ),
                ));
            }
            BlockKind::StepUp(model::StepUp {
                title,
                intro: statement,
                doses_mg: doses,
                days_per_step: days,
                times_a_day: times,
                steps: items,
            })
        }
    };
    Some(model::Block { region, kind })
}

/// A checked text as the `&'static str` the content types hold (the build script is short-lived).
fn leak(text: &str) -> &'static str {
    Box::leak(text.to_owned().into_boxed_str())
}

fn str_list(items: &[Spanned<String>]) -> &'static [&'static str] {
    items.iter().map(|s| leak(s.get_ref())).collect::<Vec<_>>().leak()
}

/// Validates the content under `root` against the ruled-out claims in `banned` and returns the
/// checked content (and the Rust source for `ui` and `Route`), or every problem found.
pub fn generate(root: &Path, banned: &Path) -> Result<Generated, Vec<String>> {
    let mut errors = Vec::new();
    let one = |r: Result<ContentFile, String>| r.map_err(|e| vec![e]);

    let rules = TextRules::load(banned).map_err(|e| vec![e])?;

    let sources_file = one(ContentFile::read(root.join("sources.toml")))?;
    let sources: SourcesFile = sources_file.parse().map_err(|e| vec![e])?;
    let mut known = BTreeSet::new();
    let mut sources_out = Vec::new();
    for s in &sources.source {
        if !known.insert(s.id.get_ref().clone()) {
            errors.push(sources_file.error(&s.id, format!("duplicate source id `{}`", s.id.get_ref())));
        }
        for field in [&s.id, &s.address] {
            if field.get_ref().trim().is_empty() {
                errors.push(sources_file.error(field, "empty field"));
            }
        }
        // What the source list shows a patient passes the same rules as every other text (a
        // section is the source's own words, so its sentences are as long as the source wrote them).
        for field in [&s.title, &s.publisher, &s.section] {
            rules.check_as(&sources_file, field, Expect::PAGE.any_length(), &mut errors);
        }
        if !s.address.get_ref().starts_with("https://") && !s.address.get_ref().starts_with("http://") {
            errors.push(sources_file.error(&s.address, "address must start with https:// or http://"));
        }
        // Patients see the publisher's own page, never a mirror or a test server (fact sheet §0b).
        if let Some(mirror) = rules.mirror_of(s.address.get_ref()) {
            errors.push(sources_file.error(
                &s.address,
                format!(
                    "`{}` is a mirror, not the publisher's own page (baclofen-facts.md §0b): {}; cite the publisher's page",
                    mirror.domain, mirror.why
                ),
            ));
        }
        let checked = date_in_words(s.checked.get_ref()).unwrap_or_else(|| {
            errors.push(sources_file.error(&s.checked, "date must be YYYY-MM-DD"));
            String::new()
        });
        sources_out.push(model::Source {
            id: leak(s.id.get_ref()),
            title: leak(s.title.get_ref()),
            publisher: leak(s.publisher.get_ref()),
            address: leak(s.address.get_ref()),
            section: leak(s.section.get_ref()),
            checked: leak(&checked),
        });
    }
    let site_file = one(ContentFile::read(root.join("site.toml")))?;
    let site: RawSite = site_file.parse().map_err(|e| vec![e])?;
    for text in [
        &site.product_name,
        &site.tagline,
        &site.content_version,
        &site.disclaimer,
        &site.emergency,
        &site.emergency_number_note,
        &site.emergency_local_note,
        &site.offline.update_available,
        &site.offline.update_action,
        &site.startup.failed,
        &site.startup.damaged,
        &site.startup.sandboxed,
        &site.startup.helper_stopped,
        &site.startup.no_script,
        &site.startup.emergency_signs,
    ] {
        rules.check(&site_file, text, &mut errors);
    }
    check_sources(&site_file, &site.emergency_sources, &known, &site.emergency, &mut errors);
    check_sources(
        &site_file,
        &site.startup.emergency_signs_sources,
        &known,
        &site.startup.emergency_signs,
        &mut errors,
    );
    let number = site.emergency_default_number.get_ref();
    if number.is_empty() || !number.bytes().all(|b| b.is_ascii_digit()) {
        errors.push(
            site_file.error(&site.emergency_default_number, "the emergency number must be digits only"),
        );
    }
    if site.emergency_configured.get_ref().matches("{number}").count() != 1 {
        errors.push(site_file.error(&site.emergency_configured, "must contain {number} exactly once"));
    }
    rules.check(&site_file, &site.emergency_configured, &mut errors);
    let with_note = site.emergency_with_note.get_ref();
    if with_note.matches("{number}").count() != 1 || with_note.matches("{note}").count() != 1 {
        errors.push(site_file.error(&site.emergency_with_note, "must contain {number} and {note} once each"));
    }
    rules.check(&site_file, &site.emergency_with_note, &mut errors);
    let mut zones_seen = BTreeSet::new();
    let mut regions = Vec::new();
    let mut region_ids = BTreeSet::new();
    for region in &site.region {
        if !region_ids.insert(region.id.get_ref().as_str()) {
            errors
                .push(site_file.error(&region.id, format!("region `{}` listed twice", region.id.get_ref())));
        }
        for number in [&region.emergency_number, &region.out_of_hours_phone]
            .into_iter()
            .flatten()
            .chain(&region.also_emergency)
        {
            if number.get_ref().is_empty() || !number.get_ref().bytes().all(|b| b.is_ascii_digit()) {
                errors.push(site_file.error(number, "phone numbers here must be digits only"));
            }
        }
        if region.out_of_hours_name.is_some() != region.out_of_hours_phone.is_some() {
            errors.push(site_file.error(&region.id, "out_of_hours_name and out_of_hours_phone go together"));
        }
        let crisis = region_line(&site_file, &region.crisis_name, &region.crisis_phone, &mut errors);
        let poisons = region_line(&site_file, &region.poisons_name, &region.poisons_phone, &mut errors);
        let has_lines = region.emergency_number.is_some() || crisis.is_some() || poisons.is_some();
        if has_lines && region.sources.is_empty() {
            errors.push(site_file.error(&region.id, "a region with phone numbers needs `sources`"));
        }
        if !region.time_zones.is_empty() && region.emergency_number.is_none() {
            errors.push(site_file.error(&region.id, "time zones need the region's emergency_number"));
        }
        if let Some(note) = &region.emergency_note {
            rules.check(&site_file, note, &mut errors);
        }
        for id in &region.sources {
            if !known.contains(id.get_ref().as_str()) {
                errors.push(site_file.error(id, format!("unknown source `{}`", id.get_ref())));
            }
        }
        for zone in &region.time_zones {
            if !valid_time_zone(zone.get_ref()) {
                errors.push(
                    site_file.error(zone, "a time zone is Area/Zone, Area/* or an old alias such as GB"),
                );
            }
            if !zones_seen.insert(zone.get_ref().to_ascii_lowercase()) {
                errors.push(site_file.error(zone, format!("time zone `{}` listed twice", zone.get_ref())));
            }
        }
        let line = |line: Option<(String, String)>| line.map(|(name, phone)| (leak(&name), leak(&phone)));
        regions.push(model::Region {
            id: leak(region.id.get_ref()),
            name: leak(region.name.get_ref()),
            emergency_number: optional_text(&region.emergency_number),
            also_emergency: str_list(&region.also_emergency),
            emergency_note: optional_text(&region.emergency_note),
            out_of_hours_name: optional_text(&region.out_of_hours_name),
            out_of_hours_phone: optional_text(&region.out_of_hours_phone),
            crisis: line(crisis),
            poisons: line(poisons),
            sources: str_list(&region.sources),
            time_zones: str_list(&region.time_zones),
        });
    }
    // The 112 zones: no region's zone, each named once (fact sheet §0c: EU/EEA and Switzerland).
    for zone in &site.emergency_default_time_zones {
        if !valid_time_zone(zone.get_ref()) {
            errors.push(site_file.error(zone, "a time zone is Area/Zone, Area/* or an old alias such as GB"));
        }
        if !zones_seen.insert(zone.get_ref().to_ascii_lowercase()) {
            errors.push(
                site_file.error(zone, format!("time zone `{}` listed twice or in a region", zone.get_ref())),
            );
        }
    }
    rules.check(&site_file, &site.emergency_local, &mut errors);
    for required in REQUIRED_REGIONS {
        if !region_ids.contains(required) {
            errors.push(format!("{}:1: region `{required}` is missing", site_file.path.display()));
        }
    }
    let checked_on = date_in_words(site.checked_on.get_ref()).unwrap_or_else(|| {
        errors.push(site_file.error(&site.checked_on, "date must be YYYY-MM-DD"));
        String::new()
    });
    let text = |t: &Spanned<String>| leak(t.get_ref());
    let site_out = model::Site {
        product_name: text(&site.product_name),
        tagline: text(&site.tagline),
        content_version: text(&site.content_version),
        checked_on: leak(&checked_on),
        checked_on_iso: text(&site.checked_on),
        disclaimer: text(&site.disclaimer),
        emergency: text(&site.emergency),
        emergency_default_number: text(&site.emergency_default_number),
        emergency_default_time_zones: str_list(&site.emergency_default_time_zones),
        emergency_local: text(&site.emergency_local),
        emergency_number_note: text(&site.emergency_number_note),
        emergency_configured: text(&site.emergency_configured),
        emergency_with_note: text(&site.emergency_with_note),
        emergency_local_note: text(&site.emergency_local_note),
        offline: model::Offline {
            update_available: text(&site.offline.update_available),
            update_action: text(&site.offline.update_action),
        },
        startup: model::Startup {
            failed: text(&site.startup.failed),
            damaged: text(&site.startup.damaged),
            sandboxed: text(&site.startup.sandboxed),
            helper_stopped: text(&site.startup.helper_stopped),
            no_script: text(&site.startup.no_script),
            emergency_signs: text(&site.startup.emergency_signs),
        },
    };

    // Home first, then the navigation order; every page file must be listed.
    let plain_slug = |s: &str| {
        s.starts_with(|c: char| c.is_ascii_lowercase())
            && !s.ends_with('-')
            && !s.contains("--")
            && s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
    };
    let mut slugs: Vec<&Spanned<String>> = Vec::new();
    let mut seen = BTreeSet::new();
    for slug in &site.navigation {
        if slug.get_ref() == "home" || !seen.insert(slug.get_ref().clone()) {
            errors.push(
                site_file.error(slug, format!("`{}` listed twice (home is always first)", slug.get_ref())),
            );
        }
        if !plain_slug(slug.get_ref()) || slug.get_ref() == "not-found" {
            errors.push(site_file.error(
                slug,
                "a page's name is lower-case letters, digits and single hyphens, starts with a letter, and is not `not-found`",
            ));
        }
        slugs.push(slug);
    }
    for required in &site.required_pages {
        if required.get_ref() != "home" && !seen.contains(required.get_ref()) {
            errors.push(site_file.error(
                required,
                format!(
                    "the section `{}` is missing from `navigation` (every page in `required_pages` must be there)",
                    required.get_ref()
                ),
            ));
        }
    }
    let pages_dir = root.join("pages");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&pages_dir)
        .map_err(|e| vec![format!("{}: cannot read: {e}", pages_dir.display())])?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    for file in &files {
        let stem = file.file_stem().unwrap().to_string_lossy().to_string();
        if stem != "home" && !seen.contains(&stem) {
            errors.push(format!(
                "{}:1: page is not listed in `navigation` in content/site.toml",
                file.display()
            ));
        }
    }

    let mut pages = Vec::new();
    let mut easy_links: Vec<(String, String, String)> = Vec::new();
    let home = Spanned::new(0..0, "home".to_string());
    let mut summaries = Vec::new();
    for slug in std::iter::once(&home).chain(slugs) {
        let path = pages_dir.join(format!("{}.toml", slug.get_ref()));
        if !path.exists() {
            errors.push(site_file.error(slug, format!("required page {} is missing", path.display())));
            continue;
        }
        let file = match ContentFile::read(path) {
            Ok(f) => f,
            Err(e) => {
                errors.push(e);
                continue;
            }
        };
        let page: RawPage = match file.parse() {
            Ok(p) => p,
            Err(e) => {
                errors.push(e);
                continue;
            }
        };
        for text in [&page.nav_label, &page.title, &page.description] {
            rules.check_as(&file, text, Expect::PAGE, &mut errors);
        }
        if page.block.is_empty() {
            errors.push(format!("{}:1: page has no content blocks", file.path.display()));
        }
        for keyword in &page.keywords {
            rules.check(&file, keyword, &mut errors);
        }
        let easy = page.easy_read_of.is_some();
        for block in &page.block {
            let kind = block.block_type.get_ref().as_str();
            if easy && !matches!(kind, "heading" | "point" | "way_in") {
                errors.push(file.error(
                    &block.block_type,
                    format!("an Easy Read page holds heading, point and way_in blocks, not `{kind}`"),
                ));
            }
            if !easy && kind == "point" {
                errors.push(file.error(
                    &block.block_type,
                    "a point belongs on an Easy Read page (one with `easy_read_of`)",
                ));
            }
        }
        let mut blocks = Vec::new();
        let mut anchors = BTreeSet::new();
        let mut summary = PageSummary {
            slug: slug.get_ref().clone(),
            route: variant_name(slug.get_ref()),
            title: page.title.get_ref().clone(),
            headings: Vec::new(),
            modules: Vec::new(),
        };
        for block in &page.block {
            if let Some(value) = self::block(&file, block, (&rules, &known), &mut anchors, &mut errors) {
                blocks.push(value);
                match block.block_type.get_ref().as_str() {
                    "heading" => {
                        summary.headings.push((anchor_id(block.text.get_ref()), block.text.get_ref().clone()))
                    }
                    "helper" => summary.modules.extend(block.module.as_ref().map(|m| m.get_ref().clone())),
                    _ => {}
                }
            }
        }
        pages.push(model::Page {
            slug: text(slug),
            nav_label: text(&page.nav_label),
            title: text(&page.title),
            description: text(&page.description),
            keywords: str_list(&page.keywords),
            blocks: blocks.leak(),
            easy_read_of: page.easy_read_of.as_ref().map(text),
            easy_read: None,
        });
        if let Some(of) = &page.easy_read_of {
            easy_links.push((file.error(of, ""), of.get_ref().clone(), slug.get_ref().clone()));
        }
        summaries.push(summary);
    }

    // Each Easy Read page names a full page; that page links to it, and back.
    for (at, of, easy) in easy_links {
        let at = at.trim_end_matches(": ");
        match pages.iter().position(|p| p.slug == of) {
            None => errors.push(format!("{at}: `easy_read_of` names no page `{of}`")),
            Some(i) if pages[i].easy_read_of.is_some() => {
                errors.push(format!("{at}: `{of}` is itself an Easy Read page"))
            }
            Some(i) if pages[i].easy_read.is_some() => {
                errors.push(format!("{at}: `{of}` already has an Easy Read version"))
            }
            Some(i) => pages[i].easy_read = Some(leak(&easy)),
        }
    }

    let ctx = (&rules, &known);
    let missed_dose = missed_dose(root, ctx, &mut errors).map_err(|e| errors.push(e)).ok();
    let red_flags = red_flags(root, ctx, &mut errors).map_err(|e| errors.push(e)).ok();
    let ui = ui_code(root, ctx, &mut errors).map_err(|e| errors.push(e)).ok();
    let web_team = web_team_code(root, ctx, &mut errors).map_err(|e| errors.push(e)).ok();
    // The words files are plain `&str` constants, written after the baked statics.
    let ui = ui.zip(web_team).map(|(ui, web_team)| ui + "\n" + &web_team);

    match (missed_dose, red_flags, ui) {
        (Some((missed_dose, schedule_limits)), Some(red_flags), Some(ui)) if errors.is_empty() => {
            Ok(Generated {
                content: Content {
                    sources: sources_out.leak(),
                    regions: regions.leak(),
                    site: site_out,
                    pages: pages.leak(),
                    missed_dose,
                    schedule_limits,
                    red_flags,
                },
                ui,
                routes: routes_code(&summaries),
                pages: summaries,
            })
        }
        _ => Err(errors),
    }
}
