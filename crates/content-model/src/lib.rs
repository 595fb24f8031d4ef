//! The types of the guide's reviewed content (`content/`): `build.rs` validates the TOML, builds
//! values of these types and bakes them (`databake`, feature `bake`) into `OUT_DIR/content.rs`,
//! which `src/content.rs` includes. Adding a content field is one edit here plus the build
//! script line that fills it; the generated Rust follows from the type.
//!
//! No parsing happens at run time, and the WebAssembly never compiles databake: `bake` is enabled
//! only from the app's `[build-dependencies]`.

#![no_std]

extern crate alloc;

pub mod planner;

use alloc::string::{String, ToString};
use alloc::vec::Vec;
use baclofen_logic::red_flags::{triage, Level, Mask, Rule, Triage};

/// Site-wide wording and metadata (`content/site.toml`).
#[derive(Debug, PartialEq, Eq)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = baclofen_content_model))]
pub struct Site {
    pub product_name: &'static str,
    pub tagline: &'static str,
    pub content_version: &'static str,
    /// When the content was last checked against its sources, in words ("23 November 2026").
    pub checked_on: &'static str,
    /// The same date as `YYYY-MM-DD`, for `<time datetime>`.
    pub checked_on_iso: &'static str,
    pub disclaimer: &'static str,
    pub emergency: &'static str,
    /// Digits for `tel:` buttons where no region applies but the device's time zone is in the
    /// EU/EEA or Switzerland (`emergency_default_time_zones`), where 112 works.
    pub emergency_default_number: &'static str,
    /// The time zones of the EU/EEA and Switzerland without a region row of their own.
    pub emergency_default_time_zones: &'static [&'static str],
    /// The emergency line where no number applies: "call your local emergency number", no button.
    pub emergency_local: &'static str,
    /// Said next to the default number, so no one relies on it alone.
    pub emergency_number_note: &'static str,
    /// The emergency line once a clinic or region has set the number (`{number}`).
    pub emergency_configured: &'static str,
    /// The emergency line with a note beside the number (`{number}`, `{note}`).
    pub emergency_with_note: &'static str,
    /// Said beside a number no clinic set ("or your local emergency number").
    pub emergency_local_note: &'static str,
    pub offline: Offline,
    pub startup: Startup,
}

/// A region preset for clinic settings: its emergency number and other lines, where our sources
/// (fact sheet §0c) give them, and the device time zones that point to it.
#[derive(Debug, PartialEq, Eq)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = baclofen_content_model))]
pub struct Region {
    pub id: &'static str,
    pub name: &'static str,
    pub emergency_number: Option<&'static str>,
    /// Other emergency numbers the sources say work there (the UK's 112, Ireland's 999).
    pub also_emergency: &'static [&'static str],
    /// Said beside the call button ("or 999").
    pub emergency_note: Option<&'static str>,
    pub out_of_hours_name: Option<&'static str>,
    pub out_of_hours_phone: Option<&'static str>,
    /// Mental-health crisis line: name and number as shown.
    pub crisis: Option<(&'static str, &'static str)>,
    /// Poisons line: name and number as shown.
    pub poisons: Option<(&'static str, &'static str)>,
    pub sources: &'static [&'static str],
    /// IANA time zone names; `Area/*` covers every zone under `Area/`.
    pub time_zones: &'static [&'static str],
}

/// The notice offered when a new version has been downloaded for offline use.
#[derive(Debug, PartialEq, Eq)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = baclofen_content_model))]
pub struct Offline {
    pub update_available: &'static str,
    pub update_action: &'static str,
}

/// What the page says when the app cannot run: failed to start, no JavaScript.
#[derive(Debug, PartialEq, Eq)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = baclofen_content_model))]
pub struct Startup {
    pub failed: &'static str,
    /// In place of `failed` when the app's own files arrived damaged (a broken upload).
    pub damaged: &'static str,
    /// In place of `failed` in a sandboxed frame without `allow-same-origin`.
    pub sandboxed: &'static str,
    /// In place of a helper that stopped after the start ("Reload the page").
    pub helper_stopped: &'static str,
    pub no_script: &'static str,
    pub emergency_signs: &'static str,
}

/// One entry of the source registry (`content/sources.toml`).
#[derive(Debug, PartialEq, Eq)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = baclofen_content_model))]
pub struct Source {
    pub id: &'static str,
    pub title: &'static str,
    pub publisher: &'static str,
    pub address: &'static str,
    pub section: &'static str,
    pub checked: &'static str,
}

/// One page of the guide (`content/pages/<slug>.toml`).
#[derive(Debug, PartialEq, Eq)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = baclofen_content_model))]
pub struct Page {
    pub slug: &'static str,
    pub nav_label: &'static str,
    pub title: &'static str,
    pub description: &'static str,
    /// Extra words that find this page in search; never shown.
    pub keywords: &'static [&'static str],
    pub blocks: &'static [Block],
    /// Set on an Easy Read page: the slug of the full page it retells (`easy_read_of`).
    pub easy_read_of: Option<&'static str>,
    /// Set on a full page that has an Easy Read version: that version's slug (filled by the build).
    pub easy_read: Option<&'static str>,
}

#[derive(Debug, PartialEq, Eq)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = baclofen_content_model))]
pub struct Block {
    /// Set when the block is true in one country only; it is then labelled, and hidden when a
    /// clinic has chosen the other country.
    pub region: Option<RegionTag>,
    pub kind: BlockKind,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = baclofen_content_model))]
pub enum RegionTag {
    Uk,
    Us,
}

impl RegionTag {
    /// The settings' region id this block belongs to.
    pub fn id(self) -> &'static str {
        match self {
            RegionTag::Uk => "uk",
            RegionTag::Us => "us",
        }
    }
}

#[derive(Debug, PartialEq, Eq)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = baclofen_content_model))]
pub enum BlockKind {
    /// A section heading; `id` is its anchor, listed in the page's contents.
    Heading(Heading),
    Paragraph(Statement),
    List(List),
    Callout(Callout),
    Question(Question),
    StepUp(StepUp),
    /// A link into a helper or another page, such as "Sick after a dose?".
    WayIn(WayIn),
    /// The place of a helper module (its own WebAssembly): what the page shows there until it
    /// starts, or without JavaScript.
    Helper(Helper),
    /// One point of an Easy Read page: a picture drawn for the guide beside a few short sentences.
    Point(Point),
}

/// An Easy Read point: its words (one idea a sentence), with a picture beside them whose text
/// alternative is those words. `kind` marks a point that says to get help (emergency, urgent) or
/// a rule to keep; the words always say it too.
#[derive(Debug, PartialEq, Eq)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = baclofen_content_model))]
pub struct Point {
    pub picture: Picture,
    pub kind: Option<CalloutKind>,
    pub words: Statement,
    /// Short list items after the words ("a high temperature"), each its own line.
    pub items: &'static [&'static str],
}

/// The pictures drawn for the Easy Read pages (`src/components/easy_read.rs` draws each). The
/// content names them in kebab case: `picture = "pump-alarm"`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = baclofen_content_model))]
pub enum Picture {
    Tablet,
    Muscle,
    Head,
    Doctor,
    Clock,
    StepsUp,
    StepsDown,
    Food,
    Syringe,
    Alarm,
    Child,
    NoDouble,
    Stop,
    Phone,
    Ambulance,
    Hospital,
    Breathing,
    Sleep,
    Confused,
    Fit,
    TooMuch,
    Swelling,
    Thermometer,
    Pump,
    PumpAlarm,
    Card,
    Calendar,
    Sick,
    Moving,
    Pharmacist,
}

impl Picture {
    /// Every picture with its name in the content.
    pub const ALL: [(&'static str, Picture); 30] = [
        ("tablet", Picture::Tablet),
        ("muscle", Picture::Muscle),
        ("head", Picture::Head),
        ("doctor", Picture::Doctor),
        ("clock", Picture::Clock),
        ("steps-up", Picture::StepsUp),
        ("steps-down", Picture::StepsDown),
        ("food", Picture::Food),
        ("syringe", Picture::Syringe),
        ("alarm", Picture::Alarm),
        ("child", Picture::Child),
        ("no-double", Picture::NoDouble),
        ("stop", Picture::Stop),
        ("phone", Picture::Phone),
        ("ambulance", Picture::Ambulance),
        ("hospital", Picture::Hospital),
        ("breathing", Picture::Breathing),
        ("sleep", Picture::Sleep),
        ("confused", Picture::Confused),
        ("fit", Picture::Fit),
        ("too-much", Picture::TooMuch),
        ("swelling", Picture::Swelling),
        ("thermometer", Picture::Thermometer),
        ("pump", Picture::Pump),
        ("pump-alarm", Picture::PumpAlarm),
        ("card", Picture::Card),
        ("calendar", Picture::Calendar),
        ("sick", Picture::Sick),
        ("moving", Picture::Moving),
        ("pharmacist", Picture::Pharmacist),
    ];

    pub fn from_name(name: &str) -> Option<Picture> {
        Picture::ALL.iter().find(|(n, _)| *n == name).map(|(_, p)| *p)
    }

    pub fn name(self) -> &'static str {
        Picture::ALL.iter().find(|(_, p)| *p == self).map_or("", |(n, _)| n)
    }
}

/// A helper's placeholder: `<div id="{element_id}" class="island" data-module="{module}">`.
#[derive(Debug, PartialEq, Eq)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = baclofen_content_model))]
pub struct Helper {
    /// The bin name (`src/bin/<module>.rs`) that starts in this place.
    pub module: &'static str,
    /// `<module>-tool`, or an older id that links use (`red-flag-tool` for `checker`).
    pub element_id: &'static str,
    pub text: &'static str,
}

/// A plain link to another part of the guide: `page` is a page's slug, `anchor` may be empty.
#[derive(Debug, PartialEq, Eq)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = baclofen_content_model))]
pub struct WayIn {
    pub text: &'static str,
    pub page: &'static str,
    pub anchor: &'static str,
}

#[derive(Debug, PartialEq, Eq)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = baclofen_content_model))]
pub struct Heading {
    pub text: &'static str,
    pub id: &'static str,
}

/// A sentence followed by bullet points, all from the same sources.
#[derive(Debug, PartialEq, Eq)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = baclofen_content_model))]
pub struct List {
    pub intro: Statement,
    pub items: &'static [&'static str],
}

/// A question people ask, with its sourced answer.
#[derive(Debug, PartialEq, Eq)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = baclofen_content_model))]
pub struct Question {
    pub question: &'static str,
    pub answer: Statement,
}

/// The label's step-up schedule, drawn as a picture with `steps` as its words.
#[derive(Debug, PartialEq, Eq)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = baclofen_content_model))]
pub struct StepUp {
    pub title: &'static str,
    pub intro: Statement,
    pub doses_mg: &'static [u16],
    pub days_per_step: u16,
    pub times_a_day: u16,
    /// One sentence per step, for people who cannot see the picture.
    pub steps: &'static [&'static str],
}

impl Page {
    /// The page's headings, for its "On this page" list.
    pub fn headings(&self) -> impl Iterator<Item = &'static Heading> {
        self.blocks.iter().filter_map(|block| match &block.kind {
            BlockKind::Heading(heading) => Some(heading),
            _ => None,
        })
    }

    /// The helper modules whose places are on this page, in page order.
    pub fn helpers(&self) -> impl Iterator<Item = &'static Helper> {
        self.blocks.iter().filter_map(|block| match &block.kind {
            BlockKind::Helper(helper) => Some(helper),
            _ => None,
        })
    }

    /// Every source the page cites, in first-cited order, once each.
    pub fn source_ids(&self) -> Vec<&'static str> {
        let mut ids = Vec::new();
        for block in self.blocks {
            let sources = match &block.kind {
                BlockKind::Heading(_) | BlockKind::WayIn(_) | BlockKind::Helper(_) => &[][..],
                BlockKind::Paragraph(s) => s.sources,
                BlockKind::List(l) => l.intro.sources,
                BlockKind::Callout(c) => c.sources,
                BlockKind::Question(q) => q.answer.sources,
                BlockKind::StepUp(s) => s.intro.sources,
                BlockKind::Point(p) => p.words.sources,
            };
            add_ids(&mut ids, sources);
        }
        ids
    }
}

/// Plain text with the ids of the sources it comes from (empty only for statements about the guide).
#[derive(Debug, PartialEq, Eq)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = baclofen_content_model))]
pub struct Statement {
    pub text: &'static str,
    pub sources: &'static [&'static str],
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = baclofen_content_model))]
pub enum CalloutKind {
    /// Call the emergency number now.
    Emergency,
    /// Contact the prescriber today.
    Urgent,
    /// A rule that keeps people safe, such as "do not stop suddenly".
    Warning,
    Info,
}

#[derive(Debug, PartialEq, Eq)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = baclofen_content_model))]
pub struct Callout {
    pub kind: CalloutKind,
    pub title: &'static str,
    pub text: &'static str,
    pub items: &'static [&'static str],
    pub sources: &'static [&'static str],
}

/// The missed-dose helper's numbers and wording (`content/missed-dose.toml`).
#[derive(Debug, PartialEq, Eq)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = baclofen_content_model))]
pub struct MissedDoseContent {
    pub rules: baclofen_logic::missed_dose::Rules,
    /// The skip windows a clinic may choose, in minutes (inclusive).
    pub skip_window_range: (u16, u16),
    pub withdrawal_question: Statement,
    /// Early pump-withdrawal signs: any "yes" is an emergency (fact sheet §11 rows 4–5).
    pub pump_withdrawal_question: Statement,
    pub vomited_question: Statement,
    pub rules_wording: &'static [RuleWording],
    pub disagreements: &'static [DisagreementWording],
    pub next_dose_moved: Statement,
    pub never_double: Statement,
    /// The vomiting route's line instead of `never_double` (a dose given again is not extra).
    pub never_double_vomited: Statement,
    pub safety_net: Statement,
    /// Every "ask" answer's safe default (fact sheet §13.1); `{next}` is the next usual dose.
    pub safe_default: Statement,
    /// The safe default on the vomiting route: the dose that came back up is not taken again.
    pub safe_default_vomited: Statement,
}

/// What the helper says when one engine rule decides the answer. Texts may hold the
/// placeholders `{next}`, `{window}`, `{gap}` and `{vomit}`.
#[derive(Debug, PartialEq, Eq)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = baclofen_content_model))]
pub struct RuleWording {
    pub key: &'static str,
    pub action: &'static str,
    pub then: &'static str,
    pub why: &'static str,
    pub sources: &'static [&'static str],
}

#[derive(Debug, PartialEq, Eq)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = baclofen_content_model))]
pub struct DisagreementWording {
    pub key: &'static str,
    pub wording: Statement,
}

/// The red-flag checker's questions, rules and wording (`content/red-flags.toml`).
#[derive(Debug, PartialEq, Eq)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = baclofen_content_model))]
pub struct RedFlagContent {
    /// Routine, urgent, emergency, in that order.
    pub levels: &'static [LevelWording],
    /// Shown when nothing ticked is a red flag.
    pub none: Statement,
    pub pump: PumpQuestion,
    /// Everything that can be ticked, in the order asked; `bit` is its place in the engine's mask.
    pub items: &'static [Item],
    pub groups: &'static [Group],
    /// The rule table the engine runs; `rule_text[i]` words `rules[i]`.
    pub rules: &'static [Rule<'static>],
    pub rule_text: &'static [RuleText],
    /// The sentences that name a route for when the person an answer names is closed.
    pub closed: ClosedWords,
}

/// Templates for the route when the person an answer names is closed (§11 design notes).
#[derive(Debug, PartialEq, Eq)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = baclofen_content_model))]
pub struct ClosedWords {
    /// After an urgent answer: `{who}` and `{service}`.
    pub urgent: &'static str,
    /// After a routine answer: `{who}` and `{service}`.
    pub routine: &'static str,
    /// Help now that is not the emergency number: `{service}`.
    pub help_now: &'static str,
    /// `{service}` for a region's named service: `{name}`.
    pub named: &'static str,
    /// `{service}` for a clinic's own out-of-hours number: `{phone}`.
    pub clinic: &'static str,
    /// `{service}` when neither is known.
    pub general: &'static str,
    pub sources: &'static [&'static str],
}

/// Which route-when-closed line a rule's answer carries.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = baclofen_content_model))]
pub enum Closed {
    /// Emergency rules (the emergency number is the route), and rules that name no one.
    None,
    /// "If you cannot reach {who} …, {service}."
    OutOfHours,
    /// "Get help now: {service}, or go to the emergency department."
    HelpNow,
    /// The action itself names the emergency department (row 11).
    InAction,
}

/// Who to turn to out of hours, from the settings: a clinic's number, a region's named service,
/// or neither.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OutOfHours<'a> {
    Clinic(&'a str),
    Named(&'a str),
    General,
}

/// Something that can be ticked: a sign or a situation.
#[derive(Debug, PartialEq, Eq)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = baclofen_content_model))]
pub struct Item {
    pub id: &'static str,
    pub bit: Mask,
    pub label: &'static str,
    /// The label when someone else's symptoms are being checked.
    pub carer_label: &'static str,
    pub group: &'static str,
    /// An answer to the pump question rather than a box of its own.
    pub question: bool,
    /// Ticked by another choice (a child), never shown as a box.
    pub hidden: bool,
}

/// Where a group is asked: emergency signs first, then the pump question, then the others.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = baclofen_content_model))]
pub enum Step {
    First,
    Pump,
    Others,
}

#[derive(Debug, PartialEq, Eq)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = baclofen_content_model))]
pub struct Group {
    pub id: &'static str,
    pub title: &'static str,
    pub hint: &'static str,
    pub step: Step,
    /// When not 0, the group is asked only once this item is ticked.
    pub shown_by: Mask,
    /// Every item of the group.
    pub mask: Mask,
}

/// "Does the person have a baclofen pump?" Yes and Not sure tick an item; No hides the pump
/// group, and anything ticked in it stops counting.
#[derive(Debug, PartialEq, Eq)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = baclofen_content_model))]
pub struct PumpQuestion {
    pub legend: &'static str,
    pub carer_legend: &'static str,
    pub hint: &'static str,
    pub yes: Mask,
    pub not_sure: Mask,
    pub group_mask: Mask,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PumpAnswer {
    Yes,
    No,
    NotSure,
}

#[derive(Debug, PartialEq, Eq)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = baclofen_content_model))]
pub struct LevelWording {
    pub level: Level,
    /// "Emergency", "Urgent", "Not urgent": said in words beside the icon and colour.
    pub label: &'static str,
    /// A line that fits every rule of the level (where else to go); never a timing.
    pub detail: &'static str,
    pub sources: &'static [&'static str],
}

/// A call button a rule asks for besides the emergency number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = baclofen_content_model))]
pub enum Call {
    None,
    /// The region's mental-health crisis line.
    Crisis,
    /// The region's poisons line (fact sheet §0c), for an adult who took extra and seems well.
    Poisons,
    /// The pump team, whose number a clinic may not have set: where to find it, and the
    /// emergency number for warning signs (fact sheet §11 rows 11, 12a, 12b).
    PumpTeam,
}

#[derive(Debug, PartialEq, Eq)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = baclofen_content_model))]
pub struct RuleText {
    /// The fact sheet row, such as "4-pump-withdrawal" or "C1-oral-withdrawal".
    pub id: &'static str,
    /// The card's title when this is the most urgent rule: says how soon, in words.
    pub action: &'static str,
    pub carer_action: &'static str,
    pub call: Call,
    pub why: &'static str,
    pub carer_why: &'static str,
    pub if_worse: &'static str,
    pub sources: &'static [&'static str],
    /// The route-when-closed line this rule's answer carries.
    pub closed: Closed,
    /// Who the answer asks to be contacted ("the prescriber"), for `Closed::OutOfHours`.
    pub contact: &'static str,
}

/// Everything the person has answered in the checker.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Answers {
    /// Boxes ticked (signs and situations), as item bits.
    pub ticked: Mask,
    pub pump: Option<PumpAnswer>,
    pub child: bool,
}

impl RedFlagContent {
    pub fn level(&self, level: Level) -> &'static LevelWording {
        self.levels.iter().find(|l| l.level == level).expect("wording for every level")
    }

    pub fn item(&self, id: &str) -> Option<&'static Item> {
        self.items.iter().find(|i| i.id == id)
    }

    fn bit(&self, id: &str) -> Mask {
        self.item(id).map_or(0, |i| i.bit)
    }

    /// Whether a group is asked, given the answers so far.
    pub fn group_shown(&self, group: &Group, answers: &Answers) -> bool {
        let hidden_by_pump = answers.pump == Some(PumpAnswer::No) && group.mask & self.pump.group_mask != 0;
        let waiting = group.shown_by != 0 && answers.ticked & group.shown_by == 0;
        !hidden_by_pump && !waiting
    }

    /// What counts: the ticks in groups that are asked, the pump answer, and "a child".
    pub fn effective(&self, answers: &Answers) -> Mask {
        let asked = self.groups.iter().filter(|g| self.group_shown(g, answers)).fold(0, |m, g| m | g.mask);
        let pump = match answers.pump {
            Some(PumpAnswer::Yes) => self.pump.yes,
            Some(PumpAnswer::NotSure) => self.pump.not_sure,
            _ => 0,
        };
        let questions = self.items.iter().filter(|i| i.question).fold(0, |m, i| m | i.bit);
        (answers.ticked & asked & !questions) | pump | if answers.child { self.bit("child") } else { 0 }
    }

    /// The answer for everything answered so far.
    pub fn evaluate(&self, answers: &Answers) -> Triage {
        triage(self.rules, self.effective(answers))
    }

    /// The sentence that says where to go when the person rule `rule` names is closed, for
    /// this out-of-hours route; `None` when the rule needs none (emergency rules, rules that
    /// name no one, and rules whose action already names the emergency department).
    pub fn when_closed(&self, rule: usize, out_of_hours: OutOfHours<'_>) -> Option<String> {
        let text = self.rule_text.get(rule)?;
        let template = match text.closed {
            Closed::None | Closed::InAction => return None,
            Closed::HelpNow => self.closed.help_now,
            Closed::OutOfHours if self.rules[rule].level == Level::Routine => self.closed.routine,
            Closed::OutOfHours => self.closed.urgent,
        };
        let service = match out_of_hours {
            OutOfHours::Clinic(phone) => self.closed.clinic.replace("{phone}", phone),
            OutOfHours::Named(name) => self.closed.named.replace("{name}", name),
            OutOfHours::General => self.closed.general.to_string(),
        };
        Some(template.replace("{who}", text.contact).replace("{service}", &service))
    }
}

impl MissedDoseContent {
    pub fn wording(&self, rule: baclofen_logic::missed_dose::RuleId) -> &'static RuleWording {
        // build.rs guarantees every rule has wording.
        self.rules_wording.iter().find(|w| w.key == rule.key()).expect("wording for every rule")
    }

    pub fn disagreement(&self, which: baclofen_logic::missed_dose::Disagreement) -> &'static Statement {
        &self
            .disagreements
            .iter()
            .find(|d| d.key == which.key())
            .expect("wording for every disagreement")
            .wording
    }
}

/// Adds each id once, keeping the order first cited.
fn add_ids(ids: &mut Vec<&'static str>, more: &'static [&'static str]) {
    for id in more {
        if !ids.contains(id) {
            ids.push(id);
        }
    }
}

impl MissedDoseContent {
    /// Every source the missed-dose rules cite, for the page's printed source list.
    pub fn source_ids(&self) -> Vec<&'static str> {
        let mut ids = Vec::new();
        for statement in [
            &self.withdrawal_question,
            &self.pump_withdrawal_question,
            &self.vomited_question,
            &self.next_dose_moved,
            &self.never_double,
            &self.never_double_vomited,
            &self.safety_net,
            &self.safe_default,
            &self.safe_default_vomited,
        ] {
            add_ids(&mut ids, statement.sources);
        }
        self.rules_wording.iter().for_each(|w| add_ids(&mut ids, w.sources));
        self.disagreements.iter().for_each(|d| add_ids(&mut ids, d.wording.sources));
        ids
    }
}

impl RedFlagContent {
    /// Every source the checker's levels and rules cite, for the page's printed source list.
    pub fn source_ids(&self) -> Vec<&'static str> {
        let mut ids = Vec::new();
        self.levels.iter().for_each(|l| add_ids(&mut ids, l.sources));
        add_ids(&mut ids, self.none.sources);
        add_ids(&mut ids, self.closed.sources);
        self.rule_text.iter().for_each(|r| add_ids(&mut ids, r.sources));
        ids
    }
}
