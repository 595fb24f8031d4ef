//! The build-time content validator rejects bad content with `file:line` messages.
//! Each test copies the real `content/` into a scratch folder, breaks one thing, and
//! checks the validator names the problem.
#![cfg(not(target_arch = "wasm32"))]

#[path = "../build/content_gen.rs"]
mod content_gen;

#[path = "../build/keep_gen.rs"]
#[allow(dead_code)]
mod keep_gen;
#[path = "../build/planner_gen.rs"]
#[allow(dead_code)]
mod planner_gen;

mod common;

use common::{banned_claims, Scratch};

/// Every problem the build's three content generators find in a scratch copy of `content/`.
fn errors(scratch: &Scratch) -> Vec<String> {
    let mut errors = content_gen::generate(scratch.path(), &banned_claims()).err().unwrap_or_default();
    errors.extend(planner_gen::generate(scratch.path(), &banned_claims()).err().unwrap_or_default());
    errors.extend(keep_gen::generate(scratch.path(), &banned_claims()).err().unwrap_or_default());
    errors
}

fn assert_one_error(errors: &[String], file_and_line: &str, words: &str) {
    assert!(
        errors.iter().any(|e| e.contains(file_and_line) && e.contains(words)),
        "expected an error at {file_and_line} mentioning {words:?}, got {errors:#?}"
    );
}

#[test]
fn the_real_content_is_valid() {
    let scratch = Scratch::new();
    assert_eq!(errors(&scratch), Vec::<String>::new());
}

#[test]
fn an_unknown_source_id_fails_with_file_and_line() {
    let scratch = Scratch::new();
    scratch.edit("pages/about.toml", r#"sources = ["FDA-TAB", "QCH"]"#, r#"sources = ["FDA-TAB", "QHC"]"#);
    let line = scratch.line_of("pages/about.toml", "\"QHC\"");
    assert_one_error(&errors(&scratch), &format!("about.toml:{line}:"), "unknown source id `QHC`");
}

#[test]
fn a_statement_without_sources_fails() {
    let scratch = Scratch::new();
    scratch.edit("pages/taking.toml", "sources = [\"NHS-HOW\", \"PMS\", \"QCH\"]\n", "");
    assert_one_error(&errors(&scratch), "taking.toml:", "statement has no sources");
}

#[test]
fn raw_html_fails() {
    let scratch = Scratch::new();
    scratch.edit("pages/stopping.toml", "Only stop baclofen", "Only stop <script>baclofen");
    assert_one_error(&errors(&scratch), "stopping.toml:", "raw HTML is not allowed");
}

#[test]
fn a_javascript_link_fails() {
    let scratch = Scratch::new();
    scratch.edit("pages/home.toml", "Baclofen is a medicine", "javascript:alert(1) Baclofen is a medicine");
    let line = scratch.line_of("pages/home.toml", "javascript:alert(1)");
    assert_one_error(&errors(&scratch), &format!("home.toml:{line}:"), "`javascript:` is not allowed");
}

#[test]
fn every_ruled_out_claim_from_section_12_fails() {
    let banned = std::fs::read_to_string(banned_claims()).unwrap();
    let phrases: Vec<&str> = banned
        .lines()
        .filter_map(|l| l.strip_prefix("phrase = \"").and_then(|rest| rest.strip_suffix('"')))
        .collect();
    assert!(phrases.len() >= 20, "the §12 list looks truncated");
    for phrase in phrases {
        let scratch = Scratch::new();
        let loud = phrase.to_uppercase();
        scratch.edit("pages/about.toml", "Baclofen is a muscle relaxer.", &format!("Baclofen {loud} works."));
        let line = scratch.line_of("pages/about.toml", &format!("Baclofen {loud} works."));
        assert_one_error(
            &errors(&scratch),
            &format!("about.toml:{line}:"),
            &format!("ruled-out claim `{phrase}`"),
        );
    }
}

#[test]
fn a_missing_required_page_fails() {
    let scratch = Scratch::new();
    std::fs::remove_file(scratch.0.join("pages/stopping.toml")).unwrap();
    assert_one_error(&errors(&scratch), "site.toml:", "required page");
}

#[test]
fn a_section_missing_from_the_navigation_fails() {
    let scratch = Scratch::new();
    scratch.edit("site.toml", "  \"overdose\",\n", "");
    std::fs::remove_file(scratch.0.join("pages/overdose.toml")).unwrap();
    // Named at its line in `required_pages`, wherever that list is.
    let site = std::fs::read_to_string(scratch.0.join("site.toml")).unwrap();
    let start = site.find("required_pages").unwrap();
    let line = site[..start + site[start..].find("\"overdose\"").unwrap()].lines().count();
    assert_one_error(&errors(&scratch), &format!("site.toml:{line}:"), "the section `overdose` is missing");
}

#[test]
fn a_helper_with_an_unknown_field_fails_with_file_and_line() {
    let scratch = Scratch::new();
    scratch.edit(
        "pages/missed-dose.toml",
        "module = \"missed-dose\"\n",
        "module = \"missed-dose\"\nelement = \"x\"\n",
    );
    let line = scratch.line_of("pages/missed-dose.toml", "element = ");
    assert_one_error(&errors(&scratch), &format!("missed-dose.toml:{line}:"), "unknown field `element`");
}

#[test]
fn a_helper_that_is_not_a_bin_name_fails() {
    let scratch = Scratch::new();
    scratch.edit("pages/missed-dose.toml", "module = \"missed-dose\"", "module = \"Missed_Dose\"");
    let line = scratch.line_of("pages/missed-dose.toml", "module = ");
    assert_one_error(&errors(&scratch), &format!("missed-dose.toml:{line}:"), "must be a bin name");
}

#[test]
fn two_helpers_with_one_module_on_a_page_fail() {
    let scratch = Scratch::new();
    let path = scratch.0.join("pages/side-effects.toml");
    let mut text = std::fs::read_to_string(&path).unwrap();
    text.push_str("\n[[block]]\ntype = \"helper\"\nmodule = \"checker\"\ntext = \"Again.\"\n");
    std::fs::write(&path, &text).unwrap();
    let line = text.lines().count() - 1;
    assert_one_error(
        &errors(&scratch),
        &format!("side-effects.toml:{line}:"),
        "two helpers on this page use the module `checker`",
    );
}

#[test]
fn a_helper_without_a_module_and_a_module_on_another_block_fail() {
    let scratch = Scratch::new();
    scratch.edit("pages/missed-dose.toml", "module = \"missed-dose\"\n", "");
    assert_one_error(&errors(&scratch), "missed-dose.toml:", "a helper needs `module`");
    let scratch = Scratch::new();
    scratch.edit(
        "pages/about.toml",
        "type = \"paragraph\"\n",
        "type = \"paragraph\"\nmodule = \"checker\"\n",
    );
    assert_one_error(&errors(&scratch), "about.toml:", "does not take `module`");
}

#[test]
fn a_heading_with_sources_fails() {
    let scratch = Scratch::new();
    scratch.edit(
        "pages/forms.toml",
        "type = \"heading\"\ntext = \"Tablets\"\n",
        "type = \"heading\"\ntext = \"Tablets\"\nsources = [\"NHS-HOW\"]\n",
    );
    assert_one_error(&errors(&scratch), "forms.toml:", "a heading block does not take `sources`");
}

#[test]
fn a_step_up_picture_without_words_for_each_step_fails() {
    let scratch = Scratch::new();
    scratch.edit("pages/taking.toml", "  \"Days 10 to 12: 20 mg, three times a day (60 mg a day).\",\n", "");
    assert_one_error(&errors(&scratch), "taking.toml:", "4 doses, 3 items");
}

#[test]
fn an_unknown_region_fails() {
    let scratch = Scratch::new();
    scratch.edit("pages/forms.toml", "region = \"uk\"", "region = \"england\"");
    assert_one_error(&errors(&scratch), "forms.toml:", "unknown region `england`");
}

#[test]
fn two_headings_with_the_same_anchor_fail() {
    let scratch = Scratch::new();
    scratch.edit("pages/forms.toml", "text = \"Granules\"", "text = \"Tablets!\"");
    assert_one_error(&errors(&scratch), "forms.toml:", "share the anchor `tablets`");
}

#[test]
fn a_page_not_in_the_navigation_fails() {
    let scratch = Scratch::new();
    std::fs::copy(scratch.0.join("pages/about.toml"), scratch.0.join("pages/extra.toml")).unwrap();
    assert_one_error(&errors(&scratch), "extra.toml:1:", "not listed in `navigation`");
}

#[test]
fn an_empty_section_fails() {
    let scratch = Scratch::new();
    let path = scratch.0.join("pages/sources.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, &text[..text.find("[[block]]").unwrap()]).unwrap();
    assert_one_error(&errors(&scratch), "sources.toml:1:", "page has no content blocks");
}

#[test]
fn empty_text_fails() {
    let scratch = Scratch::new();
    scratch.edit("pages/missed-dose.toml", r#"title = "If you miss a dose""#, r#"title = "  ""#);
    let line = scratch.line_of("pages/missed-dose.toml", r#"title = "  ""#);
    assert_one_error(&errors(&scratch), &format!("missed-dose.toml:{line}:"), "text is empty");
}

#[test]
fn a_callout_without_a_level_fails() {
    let scratch = Scratch::new();
    scratch.edit("pages/home.toml", "kind = \"emergency\"\n", "");
    assert_one_error(&errors(&scratch), "home.toml:", "a callout needs `kind`");
}

#[test]
fn a_toml_syntax_error_names_the_line() {
    let scratch = Scratch::new();
    // A value missing its opening quote, on whatever line the version is.
    scratch.edit("site.toml", "content_version = \"", "content_version = ");
    let line = scratch.line_of("site.toml", "content_version = ");
    assert_one_error(&errors(&scratch), &format!("site.toml:{line}:"), "");
}

#[test]
fn an_impossible_review_date_fails() {
    let scratch = Scratch::new();
    let site = std::fs::read_to_string(scratch.0.join("site.toml")).unwrap();
    let line = site.lines().find(|l| l.starts_with("checked_on")).unwrap().to_string();
    scratch.edit("site.toml", &line, r#"checked_on = "2026-02-30""#);
    assert_one_error(&errors(&scratch), "site.toml:", "date must be YYYY-MM-DD");
}

// ---------------------------------------------------------------------------------------------
// Issue #15, "content a pharmacist would sign": each correction is checked against the fact
// sheet (../shared/reference/baclofen-facts.md), on the content as built.

use baclofen_guide::content::{BlockKind, CalloutKind, RegionTag, PAGES, SOURCES};

/// One block as a reader meets it: its callout level (if any), its country, all its words and
/// the sources it cites.
struct Said {
    slug: &'static str,
    callout: Option<CalloutKind>,
    region: Option<RegionTag>,
    words: String,
    sources: &'static [&'static str],
}

fn said() -> Vec<Said> {
    let mut out = Vec::new();
    for page in PAGES {
        for block in page.blocks {
            let (callout, words, sources): (Option<CalloutKind>, String, &'static [&'static str]) =
                match &block.kind {
                    BlockKind::Heading(h) => (None, h.text.to_string(), &[]),
                    BlockKind::WayIn(w) => (None, w.text.to_string(), &[]),
                    BlockKind::Helper(h) => (None, h.text.to_string(), &[]),
                    BlockKind::Paragraph(s) => (None, s.text.to_string(), s.sources),
                    BlockKind::List(l) => {
                        (None, format!("{} {}", l.intro.text, l.items.join(" ")), l.intro.sources)
                    }
                    BlockKind::Callout(c) => {
                        (Some(c.kind), format!("{} {} {}", c.title, c.text, c.items.join(" ")), c.sources)
                    }
                    BlockKind::Question(q) => {
                        (None, format!("{} {}", q.question, q.answer.text), q.answer.sources)
                    }
                    BlockKind::StepUp(s) => {
                        (None, format!("{} {} {}", s.title, s.intro.text, s.steps.join(" ")), s.intro.sources)
                    }
                    BlockKind::Point(p) => {
                        (p.kind, format!("{} {}", p.words.text, p.items.join(" ")), p.words.sources)
                    }
                };
            out.push(Said { slug: page.slug, callout, region: block.region, words, sources });
        }
    }
    out
}

fn on_page(slug: &str) -> Vec<Said> {
    let blocks: Vec<Said> = said().into_iter().filter(|s| s.slug == slug).collect();
    assert!(!blocks.is_empty(), "no page `{slug}`");
    blocks
}

fn lower(s: &Said) -> String {
    s.words.to_lowercase()
}

fn is_alarm(s: &Said) -> bool {
    matches!(s.callout, Some(CalloutKind::Emergency | CalloutKind::Urgent))
}

/// Fact sheet §7 and §11 rows 1b, 1c, C5, C6: confusion is a warning sign, never a common effect
/// to wait out ("keep taking baclofen"); sudden confusion is an emergency, and confusion over
/// days means the prescriber straight away.
#[test]
fn confusion_is_a_warning_sign_never_a_common_side_effect_to_wait_out() {
    let page = on_page("side-effects");
    for block in &page {
        let words = lower(block);
        if words.contains("tend to get better") || words.contains("keep taking baclofen") {
            assert!(
                !words.contains("confus"),
                "confusion is filed with effects to wait out: {}",
                block.words
            );
        }
    }
    let gradual = page
        .iter()
        .find(|b| is_alarm(b) && lower(b).contains("confus") && lower(b).contains("straight away"))
        .expect(
            "a callout says to contact a prescriber straight away about confusion that came on over days",
        );
    assert!(lower(gradual).contains("days"), "{}", gradual.words);
    let answer = on_page("questions").into_iter().find(|b| lower(b).contains("common side effects")).unwrap();
    let words = lower(&answer);
    assert!(
        words.contains("sudden confusion is an emergency") && words.contains("straight away"),
        "{}",
        answer.words
    );
}

/// S1 (clinical review 2026-12-07; fact sheet §11 rows 1b, 4, 6, C1, C5): sudden new confusion, or
/// very sleepy and confused with jerks even if they can be woken, is an emergency; so is confusion
/// with a pump, with missed doses or stopping, with a high temperature, with kidney disease or
/// dehydration.
#[test]
fn sudden_confusion_is_an_emergency_with_every_exception_named() {
    let page = on_page("side-effects");
    let callout = page
        .iter()
        .find(|b| b.callout == Some(CalloutKind::Emergency) && lower(b).contains("suddenly becomes confused"))
        .expect("an emergency callout for sudden confusion");
    let words = lower(callout);
    for must in [
        "emergency number",
        "even if they can be woken",
        "jerks",
        "kidney",
        "not drinking enough",
        "pump",
        "missed doses",
        "ran out or stopped",
        "38 °c",
        "sees or hears things",
    ] {
        assert!(words.contains(must), "the sudden-confusion callout leaves out `{must}`: {}", callout.words);
    }
    assert!(callout.sources.contains(&"NHS-CONFUSION"));
    // The encephalopathy callout: emergency even when the person can be woken (review decision d).
    let jerks = page
        .iter()
        .find(|b| b.words.starts_with("Very sleepy and confused, with sudden jerks"))
        .expect("the encephalopathy callout");
    assert_eq!(jerks.callout, Some(CalloutKind::Emergency));
    let words = lower(jerks);
    assert!(words.contains("even if they can be woken") && words.contains("emergency"), "{}", jerks.words);
    assert!(!words.contains("contact a doctor"), "{}", jerks.words);
}

/// S2 (fact sheet §11 C6): an older adult with new confusion is never told "today" or "next
/// visit"; sudden confusion is an emergency, over days straight away; a fall alone is today.
#[test]
fn older_adults_with_new_confusion_never_wait_for_today_or_the_next_visit() {
    for slug in ["side-effects", "special-situations"] {
        let page = on_page(slug);
        let older: Vec<&Said> = page.iter().filter(|b| lower(b).contains("older")).collect();
        assert!(!older.is_empty(), "{slug}: no words for older adults");
        for block in &older {
            for sentence in lower(block).split(['.', ':']) {
                let plain = sentence.replace("without confusion", "").replace("not confused", "");
                if plain.contains("confus") {
                    let waits_for_a_visit = plain.contains("next visit") && !plain.contains("never");
                    assert!(
                        !plain.contains("today") && !waits_for_a_visit,
                        "{slug}: new confusion in an older person must not wait: {sentence}"
                    );
                }
            }
        }
        let all: String = older.iter().map(|b| lower(b)).collect::<Vec<_>>().join(" ");
        assert!(all.contains("sudden confusion") && all.contains("emergency"), "{slug}: {all}");
        assert!(
            all.contains("straight away"),
            "{slug}: confusion over days needs the prescriber straight away"
        );
    }
}

/// S3 (fact sheet §11 design notes): every static "contact today" list of signs carries the line
/// that sends pump users and people who missed doses, ran out or stopped to the emergency number.
#[test]
fn every_contact_today_list_sends_pump_users_and_missed_doses_to_the_emergency_number() {
    const LINE: &str =
        "Have a baclofen pump, or missed doses, ran out or stopped? Call your emergency number now instead.";
    let mut lists = 0;
    for page in PAGES {
        for block in page.blocks {
            if let BlockKind::Callout(c) = &block.kind {
                let today = format!("{} {}", c.title, c.text).to_lowercase().contains("today");
                if c.kind == CalloutKind::Urgent && today && !c.items.is_empty() {
                    lists += 1;
                    assert!(
                        c.items.contains(&LINE),
                        "{}: the list \"{}\" needs the line {LINE:?}",
                        page.slug,
                        c.title
                    );
                }
            }
        }
    }
    assert!(
        lists >= 2,
        "the side-effects page has two contact-today lists (dose too high, serious side effects)"
    );
}

/// M1 (fact sheet §11 design notes): every "Get help now" list names rows 1, 1b, 2, 3, 4, 5, 5b,
/// 6 and 7, in words a carer can check, on the home, side effects, missed dose and stopping pages.
/// The words for each row come from the fact sheet; one list drifting from the others fails here.
#[test]
fn every_get_help_now_list_names_each_emergency_row_of_the_fact_sheet() {
    let rows: [(&str, &[&str]); 9] = [
        (
            "1 breathing, cannot be woken",
            &["slow, shallow or difficult breathing", "cannot be woken", "firm shake", "passed out"],
        ),
        (
            "1b sudden confusion, sleepy + confused + jerks",
            &["suddenly becomes confused", "jerks, even if they can be woken"],
        ),
        ("2 a fit", &["fit (seizure)"]),
        ("3 too much", &["too much", "even if they seem well"]),
        (
            "4 pump: fever, confusion, rigid",
            &["pump and has a high temperature (38 °c or more)", "rigid muscles", "far worse than ever"],
        ),
        (
            "5 pump early signs",
            &[
                "stiffness is coming back",
                "itching with no rash",
                "pins and needles",
                "faint or dizzy when sitting up or standing",
            ],
        ),
        (
            "5b pump overdose",
            &["pump and is very sleepy or floppy", "slurred speech", "blurred or double vision", "clumsy"],
        ),
        (
            "6 missed doses, ran out or stopped + signs",
            &[
                "missed doses, ran out or stopped, and has a high temperature",
                "sees or hears things",
                "much stiffer muscles",
            ],
        ),
        (
            "7 allergic swelling, wheeze",
            &["swelling of the face, lips, tongue or throat", "wheezing", "tight chest"],
        ),
    ];
    for slug in ["home", "side-effects", "missed-dose", "stopping"] {
        let page = on_page(slug);
        let list = page
            .iter()
            .find(|b| b.callout == Some(CalloutKind::Emergency) && b.words.starts_with("Get help now"))
            .unwrap_or_else(|| panic!("{slug}: no \"Get help now\" emergency list"));
        let words = lower(list);
        assert!(words.contains("emergency number") && words.contains("emergency department now"), "{slug}");
        for (row, signs) in rows {
            for sign in signs {
                assert!(words.contains(sign), "{slug}: \"Get help now\" leaves out row {row}: `{sign}`");
            }
        }
    }
}

/// S5 (fact sheet §11 rows 11, 12a, 12b): a two-tone alarm means the pump team now, and the
/// emergency department now with the pump card when they cannot be reached; a single beep is
/// today; a missed refill is straight away.
#[test]
fn a_two_tone_alarm_goes_to_the_emergency_department_when_the_pump_team_cannot_be_reached() {
    let page = on_page("stopping");
    let alarms = page.iter().find(|b| lower(b).contains("two-tone")).expect("the pump alarms");
    let words = lower(alarms);
    for must in [
        "call your pump team now",
        "if you cannot speak to them straight away, go to the emergency department now with your pump card",
        "evening or at a weekend",
        "do not wait for symptoms",
        "call your pump team today to book a refill",
    ] {
        assert!(words.contains(must), "`{must}`: {}", alarms.words);
    }
    assert!(page.iter().all(|b| !lower(b).contains("promptly")));
    assert!(page.iter().any(|b| lower(b).contains("if you miss one, call your pump team straight away")));
    // Row 5c: a suspected pump or tube fault with no symptoms: hospital now.
    assert!(page.iter().any(|b| b.callout == Some(CalloutKind::Emergency)
        && lower(b).contains("go to hospital now")
        && lower(b).contains("even if you feel well")));
}

/// S6 (fact sheet §11 row 19): cannot pass any urine is help now, and an emergency with severe
/// pain or the signs of autonomic dysreflexia; it is not on a "contact today" list.
#[test]
fn cannot_pass_any_urine_means_help_now_never_today() {
    let page = on_page("side-effects");
    for block in &page {
        if lower(block).contains("today") {
            assert!(!lower(block).contains("cannot pass"), "{}", block.words);
        }
    }
    let urine = page.iter().find(|b| lower(b).contains("cannot pass any urine") && is_alarm(b)).unwrap();
    let words = lower(urine);
    for must in [
        "help now",
        "emergency department",
        "emergency number",
        "severe",
        "pounding headache",
        "autonomic dysreflexia",
        "catheter",
    ] {
        assert!(words.contains(must), "`{must}`: {}", urine.words);
    }
}

/// S7 (fact sheet §11 rows 23, 23b, C8): a floppy, very hard to wake or not-feeding baby needs help
/// now (the emergency number under 8 weeks when very worried, breathing pauses, cannot wake);
/// a bit sleepier or feeding a little less is today.
#[test]
fn a_floppy_hard_to_wake_or_unfed_baby_needs_help_now() {
    let page = on_page("special-situations");
    let baby = page
        .iter()
        .find(|b| {
            b.callout == Some(CalloutKind::Emergency) && lower(b).contains("breastfeed")
                || lower(b).starts_with("watch your baby")
        })
        .expect("the baby callout");
    let words = lower(baby);
    for must in [
        "floppy, very hard to wake, or not feeding",
        "help now",
        "under 8 weeks",
        "very worried",
        "breathing stops or pauses",
        "cannot wake",
        "a bit sleepier than usual",
        "today",
    ] {
        assert!(words.contains(must), "`{must}`: {}", baby.words);
    }
    assert!(baby.sources.contains(&"NHS-BABY"));
    for block in &page {
        let words = lower(block);
        if words.contains("floppy") && words.contains("baby") {
            assert!(words.contains("now"), "a floppy baby is never only 'today': {}", block.words);
        }
    }
}

/// Fact sheet §11 design notes: one timing vocabulary (now, straight away, today, before the
/// first dose, next visit) and thresholds a carer can apply.
#[test]
fn pages_use_one_timing_vocabulary_and_carer_thresholds() {
    for block in said() {
        let words = lower(&block).replace("all at once", "suddenly");
        for word in [
            "promptly",
            "as soon as possible",
            "right away",
            "at once",
            "immediately",
            "same day",
            "a fit that does not stop",
            "low blood pressure",
            "cannot be woken properly",
        ] {
            assert!(
                !words.contains(word),
                "{}: `{word}` is not in the timing vocabulary or is not a carer's threshold: {}",
                block.slug,
                block.words
            );
        }
    }
    for page in PAGES {
        let text: String =
            said().iter().filter(|b| b.slug == page.slug).map(lower).collect::<Vec<_>>().join(" ");
        if text.contains("high temperature") && page.slug != "glossary" {
            assert!(text.contains("38 °c"), "{}: a high temperature without 38 °C", page.slug);
        }
        if text.contains("cannot be woken (") || text.contains("can't be woken") {
            assert!(text.contains("firm shake"), "{}", page.slug);
        }
        if text.contains("fit lasting") {
            assert!(
                text.contains("more than 5 minutes") && text.contains("one fit after another"),
                "{}",
                page.slug
            );
        }
    }
}

/// Issue 27 item 2, M13 (fact sheet §11 design notes): every sentence that says to contact the
/// prescriber, pharmacist, pump team or doctor now, straight away or today names the route for
/// when they are closed, in the reader's region; no "if they are closed" without a subject; no
/// NHS 111 in text a US reader sees. Checked for UK, US and unset regions, as the page shows them.
#[test]
fn every_urgent_contact_names_a_route_for_when_they_are_closed_in_every_region() {
    let contact = ["contact", "call", "ask", "speak to", "phone"];
    let whom = ["prescriber", "pharmacist", "pump team", "doctor"];
    let timing = ["now", "straight away", "today"];
    let routes = ["out-of-hours", "nhs 111", "emergency department", "a&e", "go to hospital"];
    for view in [Some(RegionTag::Uk), Some(RegionTag::Us), None] {
        for block in said() {
            if view.is_some() && block.region.is_some() && block.region != view {
                continue;
            }
            let words = lower(&block);
            assert!(
                ![
                    "if they are closed",
                    "if they're closed",
                    "if it is closed",
                    "if he is closed",
                    "if she is closed"
                ]
                .iter()
                .any(|w| words.contains(w)),
                "{}: a closed door without a subject: {}",
                block.slug,
                block.words
            );
            if view == Some(RegionTag::Us) {
                assert!(
                    !words.contains("nhs 111"),
                    "{}: NHS 111 shown to a US reader: {}",
                    block.slug,
                    block.words
                );
            }
            for sentence in words.split(['.', '?', '!', ';']) {
                let asks = contact.iter().any(|c| sentence.contains(c))
                    && whom.iter().any(|w| sentence.contains(w))
                    && timing.iter().any(|t| {
                        sentence.split(|c: char| !c.is_alphanumeric()).any(|w| w == *t)
                            || sentence.contains(t)
                    });
                if asks {
                    assert!(
                        routes.iter().any(|r| words.contains(r)),
                        "{} ({view:?}): \"{}\" names no route for when they are closed: {}",
                        block.slug,
                        sentence.trim(),
                        block.words
                    );
                }
            }
        }
    }
}

/// M3, M9, M10, M11, M14 (clinical review 2026-12-07) on the pages.
#[test]
fn the_moderate_findings_on_the_pages_are_fixed() {
    // M3: no "take no more ... sleepy medicines"; regular medicines, baclofen and epilepsy ones, go on.
    let drowsy = on_page("medicines-alcohol-driving")
        .into_iter()
        .find(|b| lower(b).contains("more drowsy than usual"))
        .unwrap();
    let words = lower(&drowsy);
    assert!(!words.contains("take no more"), "{}", drowsy.words);
    assert!(
        words.contains("keep taking your usual medicines, such as baclofen and epilepsy medicines"),
        "{}",
        drowsy.words
    );
    // M9: travel across time zones.
    assert!(on_page("special-situations").iter().any(|b| lower(b).contains("time zones")
        && lower(b).contains("ask your pharmacist how to move your dose times")));
    // M10: the child rule, on the missed-dose page and in the questions.
    for slug in ["missed-dose", "questions"] {
        assert!(
            on_page(slug)
                .iter()
                .any(|b| lower(b).contains("2-hour rule") && lower(b).contains("at least 4 hours")),
            "{slug}: the child's 2-hour rule and the 4-hour wait"
        );
    }
    // M11: autonomic dysreflexia explained, with its signs and the action, and in the glossary.
    let special = on_page("special-situations");
    let signs =
        special.iter().find(|b| lower(b).starts_with("signs of autonomic dysreflexia")).expect("the signs");
    assert_eq!(signs.callout, Some(CalloutKind::Emergency));
    for must in ["pounding headache", "flushing or sweating", "full bladder"] {
        assert!(lower(signs).contains(must), "{must}");
    }
    assert!(on_page("glossary").iter().any(|b| b.words.starts_with("Autonomic dysreflexia")));
    // M14: cannot keep 2 doses down on a sick day.
    assert!(
        special
            .iter()
            .any(|b| lower(b).contains("cannot keep 2 doses in a row down")
                && lower(b).contains("out-of-hours"))
    );
}

/// Fact sheet §6 (FDA-TAB Overdosage) and §11: vision, speech and coordination changes can be
/// signs of too much baclofen: contact today; with kidney disease, great sleepiness or confusion,
/// call the emergency number.
#[test]
fn signs_the_dose_may_be_too_high_say_what_to_do_and_how_soon() {
    let page = on_page("side-effects");
    for sign in ["blurred or double vision", "slurred speech", "clumsy", "ringing in the ears"] {
        let blocks: Vec<&Said> = page.iter().filter(|b| lower(b).contains(sign)).collect();
        assert!(!blocks.is_empty(), "`{sign}` is missing");
        for block in blocks {
            // Either the "contact today" list (it can mean too much baclofen), or an emergency list
            // (with a pump it can be a pump overdose, fact sheet §11 row 5b).
            assert!(
                block.callout == Some(CalloutKind::Emergency)
                    || (is_alarm(block)
                        && lower(block).contains("today")
                        && lower(block).contains("too much")),
                "`{sign}` must sit under 'contact today, it can mean too much baclofen': {}",
                block.words
            );
        }
    }
    let emergency = page
        .iter()
        .find(|b| b.callout == Some(CalloutKind::Emergency) && lower(b).contains("instead"))
        .expect("an emergency callout follows the dose-too-high signs");
    for must in ["kidney", "hard to wake", "confused"] {
        assert!(lower(emergency).contains(must), "{must}: {}", emergency.words);
    }
}

/// Fact sheet §11 row 1: a person who is hard to wake needs the emergency number, never "tell a
/// doctor".
#[test]
fn hard_to_wake_or_coma_always_means_the_emergency_number() {
    for block in said() {
        let words = lower(&block);
        assert!(!words.contains("tell a doctor at once"), "{}: {}", block.slug, block.words);
        if ["coma", "hard to wake", "cannot be woken", "can't be woken"].iter().any(|w| words.contains(w)) {
            assert!(
                block.callout == Some(CalloutKind::Emergency)
                    || ["emergency number", "call 999", "call 911", "call 000", "call 112"]
                        .iter()
                        .any(|w| words.contains(w)),
                "{}: being hard to wake must say call the emergency number: {}",
                block.slug,
                block.words
            );
        }
    }
}

/// Fact sheet §5 (FDA-IT Boxed Warning): any sudden interruption, whatever the cause — not only a
/// pump that "stops".
#[test]
fn pump_withdrawal_covers_every_sudden_interruption_not_only_a_stopped_pump() {
    let page = on_page("stopping");
    assert!(page.iter().all(|b| !lower(b).contains("if the pump stops")));
    let causes = page
        .iter()
        .find(|b| b.sources.contains(&"FDA-IT") && lower(b).contains("any reason"))
        .expect("the boxed warning's 'for any reason'");
    for cause in ["empty", "refill", "catheter", "mistake"] {
        assert!(lower(causes).contains(cause), "{cause}: {}", causes.words);
    }
    assert!(page.iter().any(|b| lower(b).contains("emergency card") && lower(b).contains("wait for help")));
}

/// The labels do not say that the risk of withdrawal is higher after long or high-dose use (the
/// fact sheet has it from a specialist practice site, §4): it is not cited to them.
#[test]
fn claims_are_not_cited_to_sources_that_do_not_make_them() {
    for block in said() {
        let words = lower(&block);
        assert!(
            !(words.contains("long time") && words.contains("high dose")),
            "{}: {}",
            block.slug,
            block.words
        );
        // FDA-LYV is the granules label: it says nothing about tablets or liquid in children.
        if block.sources.contains(&"FDA-LYV") && words.contains("under 12") {
            assert!(
                words.contains("granules") && !words.contains("tablets"),
                "{}: {}",
                block.slug,
                block.words
            );
        }
    }
}

/// No source says an out-of-date pack may be used; the storage page is about never running out.
#[test]
fn storage_never_suggests_taking_an_out_of_date_pack() {
    for block in said() {
        let words = lower(&block);
        assert!(!words.contains("just because a pack is out of date"), "{}", block.words);
        if words.contains("out of date") || words.contains("out-of-date") {
            assert!(
                words.contains("pharmacist") || words.contains("keep them in date"),
                "{}: {}",
                block.slug,
                block.words
            );
        }
    }
    assert!(on_page("storage").iter().any(|b| lower(b).contains("never run out")));
}

/// Fact sheet §3 and §13.4: 80 mg a day is the US label's maximum, not a "usual most".
#[test]
fn the_us_80_mg_is_a_maximum_not_a_usual_dose() {
    assert!(said().iter().all(|b| !lower(b).contains("usual most")));
    let limit = on_page("taking")
        .into_iter()
        .find(|b| b.words.contains("80 mg a day") && lower(b).contains("should not go above"))
        .expect("the taking page says the US total should not go above 80 mg a day");
    assert_eq!(limit.region, Some(RegionTag::Us));
    assert!(limit.sources.contains(&"FDA-TAB"));
}

/// Answers that came from a seed article rather than a source say what the sources do not say.
#[test]
fn answers_the_sources_do_not_give_are_not_given() {
    let questions = on_page("questions");
    let same = questions.iter().find(|b| lower(b).contains("same as other muscle relaxers")).unwrap();
    let answer = same.words.split('?').nth(1).unwrap().trim();
    assert!(!answer.starts_with("No"), "the sources do not compare them: {answer}");
    assert!(lower(same).contains("do not compare"));
    let dependent = questions.iter().find(|b| lower(b).contains("dependent")).unwrap();
    assert!(lower(dependent).contains("do not say whether"), "{}", dependent.words);
    assert!(!lower(dependent).contains("gets used to"), "{}", dependent.words);
}

/// LactMed: adverse effects are not expected, especially after 2 months; newborns need watching.
/// Fact sheet §13.9: ask everyone about a stomach ulcer, not only UK readers.
#[test]
fn breastfeeding_and_stomach_ulcer_read_right_for_everyone() {
    let page = on_page("special-situations");
    assert!(page.iter().all(|b| !lower(b).contains("mainly after 2 months")));
    let milk =
        page.iter().find(|b| b.sources.contains(&"LACTMED") && lower(b).contains("breast milk")).unwrap();
    assert!(lower(milk).contains("older than 2 months") && lower(milk).contains("newborn"), "{}", milk.words);
    let ulcer: Vec<&Said> =
        page.iter().filter(|b| lower(b).contains("stomach ulcer") && b.callout.is_none()).collect();
    assert!(!ulcer.is_empty());
    assert!(ulcer.iter().all(|b| b.region.is_none()), "the stomach-ulcer question is for every country");
}

/// NHS (fact sheet §3): it takes days to find the right dose.
#[test]
fn finding_the_dose_takes_days_not_weeks() {
    for block in on_page("how-it-works").iter().chain(&on_page("questions")) {
        let words = lower(block);
        if words.contains("dose that suits") || words.contains("right dose") {
            assert!(!words.contains("week"), "{}", block.words);
        }
    }
}

/// Fact sheet §0c: the numbers people may call, with the sources that give each one.
const NUMBERS: [(&str, &[&str]); 11] = [
    ("999", &["NHS-999", "HSE-112"]),
    ("119", &["FDMA-119"]),
    ("112", &["NHS-999", "HSE-112"]),
    ("NHS 111", &["NHS-999"]),
    ("911", &["HRSA-POISON", "LIFELINE-988", "CA-911"]),
    ("000", &["QCH", "LIFELINE-AU"]),
    ("116 123", &["SAMARITANS"]),
    ("988", &["LIFELINE-988"]),
    ("1-800-222-1222", &["HRSA-POISON"]),
    ("13 11 26", &["QCH"]),
    ("13 11 14", &["LIFELINE-AU"]),
];

/// Whether `number` appears in `text` as a whole number (not inside a longer one).
fn says_number(text: &str, number: &str) -> bool {
    text.match_indices(number).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + number.len()..].chars().next();
        let joined = |c: Option<char>| c.is_some_and(|c| c.is_ascii_digit() || c == '-');
        !joined(before) && !joined(after)
    })
}

#[test]
fn every_phone_number_cites_a_source_that_gives_it_and_names_its_country() {
    let mut checked = Vec::new();
    for block in said() {
        for (number, sources) in NUMBERS {
            if says_number(&block.words, number) {
                assert!(
                    block.sources.iter().any(|s| sources.contains(s)),
                    "{}: {number} cites {:?}, none of which gives it (fact sheet §0c: {:?}): {}",
                    block.slug,
                    block.sources,
                    sources,
                    block.words
                );
                let country = block.region.is_some()
                    || ["UK", "US", "Ireland", "Australia", "Canada", "New Zealand", "Japan"]
                        .iter()
                        .any(|c| block.words.contains(c));
                assert!(country, "{}: {number} without its country: {}", block.slug, block.words);
                checked.push(number);
            }
        }
    }
    for number in ["999", "911", "1-800-222-1222", "13 11 26", "116 123", "988"] {
        assert!(checked.contains(&number), "{number} is not shown anywhere the content needs it");
    }
    // The footer's emergency line is on every page: its sources must give its numbers too.
    let site: toml::Value =
        toml::from_str(&std::fs::read_to_string(content_dir().join("site.toml")).unwrap()).unwrap();
    let line = site["emergency"].as_str().unwrap();
    let cited: Vec<&str> =
        site["emergency_sources"].as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect();
    for (number, sources) in NUMBERS {
        if says_number(line, number) {
            assert!(
                cited.iter().any(|s| sources.contains(s)),
                "site.toml emergency: {number} cites {cited:?}"
            );
        }
    }
}

fn content_dir() -> std::path::PathBuf {
    common::root().join("content")
}

/// Every registered source is cited somewhere in content/ (pages, helpers, site), so the Sources
/// page lists nothing that supports nothing.
#[test]
fn every_source_is_cited_somewhere() {
    let mut text = String::new();
    for file in ["site.toml", "red-flags.toml", "missed-dose.toml"] {
        text.push_str(&std::fs::read_to_string(content_dir().join(file)).unwrap());
    }
    for entry in std::fs::read_dir(content_dir().join("pages")).unwrap() {
        text.push_str(&std::fs::read_to_string(entry.unwrap().path()).unwrap());
    }
    for source in SOURCES {
        assert!(text.contains(&format!("\"{}\"", source.id)), "source {} is cited nowhere", source.id);
    }
}

/// Fact sheet §0b: every source shows the publisher's own page; FDA labels are on DailyMed; the
/// MIMS test-server texts are not cited; each source says when it was checked.
#[test]
fn every_source_address_is_the_publishers_own_page() {
    let banned = std::fs::read_to_string(banned_claims()).unwrap();
    let mirrors: Vec<&str> = banned
        .lines()
        .filter_map(|l| l.strip_prefix("domain = \"").and_then(|rest| rest.strip_suffix('"')))
        .collect();
    assert!(mirrors.len() >= 20, "the mirror list looks truncated");
    for required in [
        "healthunlocked.com",
        "imedi.co.uk",
        "themeditary.com",
        "mimsdev.com",
        "docslib.org",
        "api.fda.gov",
        "medlibrary.org",
        "globalrph.com",
        "scribd.com",
        "medikamio.com",
        "oladoctor.com",
        "rchfasthealth.com",
        "issuu.com",
        "drugs.com/uk",
        "xenical4us.top",
    ] {
        assert!(mirrors.contains(&required), "{required} is missing from the mirror list");
    }
    for source in SOURCES {
        let address = source.address.to_lowercase();
        for mirror in &mirrors {
            let host = mirror.split('/').next().unwrap();
            assert!(
                !address.contains(host) || (host == "drugs.com" && !address.contains(mirror)),
                "{}: {}",
                source.id,
                source.address
            );
        }
        if source.publisher.contains("Food and Drug Administration label") {
            assert!(
                address.starts_with("https://dailymed.nlm.nih.gov/"),
                "{}: FDA labels are cited on DailyMed",
                source.id
            );
        }
        assert!(!source.checked.is_empty(), "{} has no checked date", source.id);
    }
    assert!(
        SOURCES.iter().all(|s| s.id != "MIMS-SmPC"),
        "MIMS test-server texts are not cited to patients (§0b)"
    );
}

#[test]
fn a_mirror_address_fails_with_file_and_line() {
    let banned = std::fs::read_to_string(banned_claims()).unwrap();
    let mirrors: Vec<&str> = banned
        .lines()
        .filter_map(|l| l.strip_prefix("domain = \"").and_then(|rest| rest.strip_suffix('"')))
        .collect();
    let sources = std::fs::read_to_string(content_dir().join("sources.toml")).unwrap();
    let (line_no, line) = sources
        .lines()
        .enumerate()
        .find(|(_, l)| l.starts_with("address = "))
        .map(|(n, l)| (n + 1, l.to_string()))
        .unwrap();
    for mirror in mirrors {
        let scratch = Scratch::new();
        scratch.edit("sources.toml", &line, &format!("address = \"https://www.{mirror}/baclofen\""));
        assert_one_error(
            &errors(&scratch),
            &format!("sources.toml:{line_no}:"),
            &format!("`{mirror}` is a mirror"),
        );
    }
    // A subdomain of a mirror is the mirror too; the publisher's own page passes.
    let scratch = Scratch::new();
    scratch.edit("sources.toml", &line, "address = \"https://uat.mimsdev.com/vietnam/drug/info/bamifen\"");
    assert_one_error(&errors(&scratch), &format!("sources.toml:{line_no}:"), "`mimsdev.com` is a mirror");
    let scratch = Scratch::new();
    scratch.edit("sources.toml", &line, "address = \"https://www.drugs.com/mtm/baclofen.html\"");
    assert_eq!(errors(&scratch), Vec::<String>::new());
}

#[test]
fn a_mirror_named_in_patient_text_fails() {
    let scratch = Scratch::new();
    scratch.edit("pages/about.toml", "Baclofen is a muscle relaxer.", "Read more at imedi.co.uk.");
    let line = scratch.line_of("pages/about.toml", "imedi.co.uk");
    assert_one_error(&errors(&scratch), &format!("about.toml:{line}:"), "`imedi.co.uk` is a mirror");
}

#[test]
fn a_source_without_its_checked_date_fails() {
    let scratch = Scratch::new();
    scratch.edit("sources.toml", "checked = \"2026-11-23\"\n", "");
    assert_one_error(&errors(&scratch), "sources.toml:", "checked");
    let scratch = Scratch::new();
    scratch.edit("sources.toml", "checked = \"2026-11-23\"", "checked = \"23/11/2026\"");
    assert_one_error(&errors(&scratch), "sources.toml:", "date must be YYYY-MM-DD");
}

/// Medical words: each has a plain meaning on the glossary page, and the rarest are explained
/// in the same block where a page uses them.
#[test]
fn medical_words_are_explained_in_the_glossary_and_where_they_are_used() {
    let glossary: Vec<String> = PAGES
        .iter()
        .find(|p| p.slug == "glossary")
        .expect("a glossary page")
        .blocks
        .iter()
        .filter_map(|b| match &b.kind {
            BlockKind::Question(q) => Some(q.question.to_lowercase()),
            _ => None,
        })
        .collect();
    let words = [
        "prescriber",
        "pump team",
        "out-of-hours",
        "maoi",
        "suspension",
        "antidote",
        "physiotherapy",
        "physical therapy",
        "motor neurone disease",
        "lithium",
        "intrathecal",
        "catheter",
        "dialysis",
        "psychosis",
        "porphyria",
        "opioid",
        "antihistamine",
        "tricyclic",
        "levodopa",
        "spasticity",
        "withdrawal",
        "seizure",
        "hallucination",
        "ml",
    ];
    for word in words {
        assert!(glossary.iter().any(|g| g.contains(word)), "`{word}` has no entry on the glossary page");
    }
    // Rare words: explained in the block that first uses them, on every page.
    let explained = [
        ("MAOI", "antidepressant"),
        ("antidote", "undoes"),
        ("dialysis", "machine cleans the blood"),
        ("catheter", "tube"),
        ("intrathecal", "fluid around the spinal cord"),
        ("porphyria", "runs in families"),
        ("psychosis", "not there"),
    ];
    for page in PAGES.iter().filter(|p| p.slug != "glossary") {
        let blocks: Vec<Said> = said().into_iter().filter(|s| s.slug == page.slug).collect();
        for (word, meaning) in explained {
            // A brand name ("Lioresal Intrathecal") is a name, not the medical word.
            let uses =
                |b: &&Said| lower(b).replace("lioresal intrathecal", "").contains(&word.to_lowercase());
            if let Some(first) = blocks.iter().find(uses) {
                assert!(
                    lower(first).contains(meaning),
                    "{}: `{word}` first appears without its meaning: {}",
                    page.slug,
                    first.words
                );
            }
        }
    }
}

/// One spelling of units: "mL", never "ml".
#[test]
fn millilitres_are_always_written_ml_with_a_capital_l() {
    for block in said() {
        let words = block.words.replace(['(', ')', ',', '.'], " ");
        assert!(!words.split_whitespace().any(|w| w == "ml"), "{}: {}", block.slug, block.words);
    }
}

/// Issue #15 new topics: each is present, in plain words, with its sources.
#[test]
fn the_new_topics_are_there() {
    let special = on_page("special-situations");
    let checklist = special
        .iter()
        .find(|b| lower(b).contains("tell your prescriber or pharmacist if you"))
        .expect("a before-you-start checklist");
    for ask in ["allergic", "stomach ulcer", "porphyria", "epilepsy", "kidney", "mental health", "pregnant"] {
        assert!(lower(checklist).contains(ask), "{ask} is not on the checklist");
    }
    assert!(special
        .iter()
        .any(|b| lower(b).contains("autonomic dysreflexia") && b.sources.contains(&"FDA-OZO")));
    assert!(special.iter().any(|b| lower(b).contains("sick day")));
    let all: Vec<Said> = said();
    for brand in ["Lioresal", "Gablofen", "Ozobax", "Fleqsuvy", "Lyvispah"] {
        assert!(
            all.iter().any(|b| b.slug == "forms" && b.words.contains(brand)),
            "{brand} is not on the forms page"
        );
    }
    assert!(all.iter().all(|b| !b.words.contains("Lyflex")), "the fact sheet names no source for Lyflex");
    let side = on_page("side-effects");
    assert!(side
        .iter()
        .any(|b| b.words.contains("yellowcard.mhra.gov.uk") && b.sources.contains(&"YELLOW-CARD")));
    assert!(side.iter().any(|b| b.words.contains("www.fda.gov/medwatch") && b.sources.contains(&"MEDWATCH")));
}

// ---- The red-flag rules (content/red-flags.toml) ----

#[test]
fn a_straight_away_rule_titled_today_fails() {
    let scratch = Scratch::new();
    scratch.edit(
        "red-flags.toml",
        "action = \"Call your pump team straight away to book a refill\"",
        "action = \"Call your pump team today to book a refill\"",
    );
    let errors = errors(&scratch);
    assert!(
        errors.iter().any(|e| e.contains("red-flags.toml:") && e.contains("must say \"straight away\"")),
        "{errors:?}"
    );
}

#[test]
fn a_timing_word_outside_the_one_vocabulary_fails() {
    // §11 design notes: now, straight away, today, before the first dose, next visit.
    for word in ["promptly", "immediately", "as soon as you can", "the same day", "soon"] {
        let scratch = Scratch::new();
        scratch.edit(
            "red-flags.toml",
            "action = \"Call your pump team today to book a refill\"",
            &format!("action = \"Call your pump team today to book a refill, {word}\""),
        );
        let line = scratch.line_of("red-flags.toml", word);
        assert_one_error(
            &errors(&scratch),
            &format!("red-flags.toml:{line}:"),
            "is not one of the timing words",
        );
    }
}

#[test]
fn a_contact_answer_with_no_route_for_when_they_are_closed_fails() {
    // Leaving out `closed` on an urgent rule.
    let scratch = Scratch::new();
    scratch.edit("red-flags.toml", "closed = \"out-of-hours\"\ncontact = \"the pump team\"\n", "");
    assert!(errors(&scratch).iter().any(|e| e.contains("needs `closed`")), "{:?}", errors(&scratch));
    // Saying "none" on a rule that asks for the prescriber.
    let scratch = Scratch::new();
    scratch.edit(
        "red-flags.toml",
        "closed = \"out-of-hours\"\ncontact = \"the prescriber\"\n",
        "closed = \"none\"\n",
    );
    assert!(
        errors(&scratch).iter().any(|e| e.contains("needs a route for when they are closed")),
        "{:?}",
        errors(&scratch)
    );
    // "out-of-hours" with no one to reach.
    let scratch = Scratch::new();
    scratch.edit("red-flags.toml", "contact = \"the prescriber\"\n", "");
    assert!(errors(&scratch).iter().any(|e| e.contains("needs `contact`")), "{:?}", errors(&scratch));
}

#[test]
fn a_regions_service_or_a_closed_door_with_no_subject_in_a_rule_fails() {
    let scratch = Scratch::new();
    scratch.edit(
        "red-flags.toml",
        "detail = \"Do not wait for the next visit.\"",
        "detail = \"If they are closed, call NHS 111.\"",
    );
    let line = scratch.line_of("red-flags.toml", "If they are closed");
    let errors = errors(&scratch);
    assert_one_error(&errors, &format!("red-flags.toml:{line}:"), "comes from content/site.toml by region");
    assert_one_error(&errors, &format!("red-flags.toml:{line}:"), "names no one");
}

#[test]
fn an_emergency_rule_that_is_not_now_fails() {
    let scratch = Scratch::new();
    scratch.edit(
        "red-flags.toml",
        "level = \"emergency\"\ntiming = \"now\"",
        "level = \"emergency\"\ntiming = \"today\"",
    );
    let errors = errors(&scratch);
    assert!(errors.iter().any(|e| e.contains("does not fit level `emergency`")), "{errors:?}");
}

#[test]
fn a_box_that_answers_nothing_on_its_own_fails() {
    let scratch = Scratch::new();
    scratch.edit("red-flags.toml", "when = [[\"weight\"]]", "when = [[\"weight\"], [\"older\"]]");
    let errors = errors(&scratch);
    assert!(errors.iter().any(|e| e.contains("`weight` ticked on its own gets no answer")), "{errors:?}");
}

#[test]
fn a_helper_message_that_contradicts_the_engine_fails_with_file_and_line() {
    // missed-dose.toml says up to 6 doses a day (the engine's limit comes from there); saying 8
    // in a message must fail.
    let scratch = Scratch::new();
    scratch.edit("ui.toml", "up to 6 doses", "up to 8 doses");
    let line = scratch.line_of("ui.toml", "up to 8 doses");
    assert_one_error(&errors(&scratch), &format!("ui.toml:{line}:"), "must say \"up to 6 doses\"");
}

#[test]
fn moving_a_schedule_limit_in_content_needs_the_message_to_follow() {
    // The limit lives in one place: raising it to 8 makes the message that says 6 wrong.
    let scratch = Scratch::new();
    scratch.edit("missed-dose.toml", "max_doses_per_day = 6", "max_doses_per_day = 8");
    let line = scratch.line_of("ui.toml", "up to 6 doses");
    assert_one_error(&errors(&scratch), &format!("ui.toml:{line}:"), "must say \"up to 8 doses\"");
    // ... and once the message says 8 too, the content is valid again.
    scratch.edit("ui.toml", "up to 6 doses", "up to 8 doses");
    assert_eq!(errors(&scratch), Vec::<String>::new());
}

#[test]
fn m7_a_clinic_skip_window_shorter_than_the_nhs_two_hours_fails_the_build() {
    // Fact sheet §13.1 (revised 2026-12-07): a clinic may lengthen the window, never shorten it.
    let scratch = Scratch::new();
    scratch.edit("missed-dose.toml", "skip_window_min_minutes = 120", "skip_window_min_minutes = 60");
    let line = scratch.line_of("missed-dose.toml", "skip_window_min_minutes = 60");
    assert_one_error(&errors(&scratch), &format!("missed-dose.toml:{line}:"), "never shorter");
}

#[test]
fn schedule_limits_that_do_not_fit_in_a_day_fail() {
    let scratch = Scratch::new();
    scratch.edit("missed-dose.toml", "max_doses_per_day = 6", "max_doses_per_day = 13");
    let line = scratch.line_of("missed-dose.toml", "max_doses_per_day = 13");
    let errors = errors(&scratch);
    assert!(
        errors
            .iter()
            .any(|e| e.contains(&format!("missed-dose.toml:{line}:")) && e.contains("do not fit in a day")),
        "{errors:?}"
    );
}

#[test]
fn a_ruled_out_claim_in_a_helper_message_fails() {
    let banned = std::fs::read_to_string(banned_claims()).unwrap();
    let phrase = banned.lines().find_map(|l| l.strip_prefix("phrase = \"")?.strip_suffix('"')).unwrap();
    let scratch = Scratch::new();
    scratch.edit("ui.toml", "Choose what happened.", &format!("Choose what happened. {phrase}."));
    let line = scratch.line_of("ui.toml", "Choose what happened.");
    assert_one_error(&errors(&scratch), &format!("ui.toml:{line}:"), "ruled-out claim");
}

// ---- Easy Read pages (issue #31) ----

#[test]
fn an_easy_read_point_with_an_unknown_picture_fails() {
    let scratch = Scratch::new();
    scratch.edit("pages/easy-taking.toml", "picture = \"food\"", "picture = \"sandwich\"");
    assert_one_error(&errors(&scratch), "easy-taking.toml:", "unknown picture `sandwich`");
}

#[test]
fn a_point_on_a_full_page_and_a_paragraph_on_an_easy_read_page_fail() {
    let scratch = Scratch::new();
    scratch.edit(
        "pages/taking.toml",
        "[[block]]\ntype = \"heading\"\ntext = \"Children\"",
        "[[block]]\ntype = \"point\"\npicture = \"child\"\ntext = \"Ask.\"\nsources = [\"MFC\"]\n\n[[block]]\ntype = \"heading\"\ntext = \"Children\"",
    );
    scratch.edit("pages/easy-taking.toml", "type = \"point\"\npicture = \"alarm\"", "type = \"paragraph\"");
    let errors = errors(&scratch);
    assert_one_error(&errors, "taking.toml:", "a point belongs on an Easy Read page");
    assert_one_error(
        &errors,
        "easy-taking.toml:",
        "an Easy Read page holds heading, point and way_in blocks",
    );
}

#[test]
fn an_easy_read_page_of_a_missing_page_fails() {
    let scratch = Scratch::new();
    scratch.edit("pages/easy-about.toml", "easy_read_of = \"about\"", "easy_read_of = \"abuot\"");
    assert_one_error(&errors(&scratch), "easy-about.toml:6", "names no page `abuot`");
}

/// Each of the five full pages links to its Easy Read version, and each version back.
#[test]
fn the_five_pages_people_need_most_have_easy_read_versions_both_ways() {
    for full in ["about", "taking", "missed-dose", "side-effects", "stopping"] {
        let page = PAGES.iter().find(|p| p.slug == full).unwrap();
        let easy = page.easy_read.unwrap_or_else(|| panic!("{full} has no Easy Read version"));
        let easy = PAGES.iter().find(|p| p.slug == easy).unwrap();
        assert_eq!(easy.easy_read_of, Some(full));
    }
}

/// Fact sheet §11 design note: every "get help now" list names rows 1, 1b, 2, 3, 4, 5, 5b, 6
/// and 7; row 11 (two-tone alarm: pump team now, else the emergency department with the pump
/// card); and the out-of-hours route when the prescriber is closed, by region.
#[test]
fn the_easy_read_help_now_page_names_every_emergency_row() {
    let page = on_page("easy-help-now");
    let emergency: String = page
        .iter()
        .filter(|b| b.callout == Some(CalloutKind::Emergency))
        .map(lower)
        .collect::<Vec<_>>()
        .join(" | ");
    let rows: [(&str, &[&str]); 9] = [
        ("1 breathing", &["breathing is slow, shallow"]),
        ("1 cannot be woken", &["cannot be woken", "passed out"]),
        ("1b sudden confusion", &["confused all of a sudden", "suddenly see or hear"]),
        ("2 fit", &["fit (seizure)"]),
        ("3 too much", &["took too much", "child swallowed"]),
        (
            "4 pump withdrawal",
            &["baclofen pump", "high temperature, confusion or very stiff muscles", "spasms far worse"],
        ),
        (
            "5 pump early signs",
            &["itching with no rash", "pins and needles", "feeling faint", "usual stiffness coming back"],
        ),
        ("5b pump overdose", &["very sleepy, floppy", "slurred speech", "slow breathing"]),
        ("6 oral withdrawal", &["stopped baclofen or ran out", "high temperature", "very stiff muscles"]),
    ];
    for (row, words) in rows {
        for w in words {
            assert!(emergency.contains(w), "row {row}: `{w}` is not among the emergency points");
        }
    }
    assert!(emergency.contains("lips, tongue or throat swell") && emergency.contains("wheeze"), "row 7");
    let alarm = page.iter().find(|b| lower(b).contains("two-tone alarm")).expect("row 11");
    for w in ["pump team now", "cannot reach them", "emergency department now", "pump card"] {
        assert!(lower(alarm).contains(w), "row 11: {w}: {}", alarm.words);
    }
    let uk = page.iter().find(|b| b.region == Some(RegionTag::Uk) && b.words.contains("NHS 111"));
    let everywhere = page.iter().find(|b| b.region.is_none() && lower(b).contains("out-of-hours service"));
    assert!(uk.is_some() && everywhere.is_some(), "the out-of-hours route: NHS 111 in the UK, else yours");
}

/// Fact sheet §4 and §13.1: the NHS 2-hour rule, never a double dose, and the out-of-hours route
/// for missed doses; §5 and §11 row 11 for stopping.
#[test]
fn the_easy_read_missed_dose_and_stopping_pages_keep_the_rules() {
    let missed = on_page("easy-missed-dose");
    assert!(missed.iter().any(|b| lower(b).contains("less than 2 hours") && lower(b).contains("leave out")));
    assert!(missed.iter().any(|b| lower(b).contains("never take 2 doses") && b.callout.is_some()));
    assert!(missed.iter().all(|b| !lower(b).contains("double the")));
    assert!(missed.iter().any(|b| b.region == Some(RegionTag::Uk) && b.words.contains("NHS 111")));
    let stopping = on_page("easy-stopping");
    let alarm = stopping.iter().find(|b| lower(b).contains("two-tone alarm")).expect("the alarm");
    assert!(lower(alarm).contains("emergency department now") && lower(alarm).contains("pump card"));
    assert!(stopping.iter().any(|b| lower(b).contains("1 to 2 weeks")));
}

/// Independent tester, from the fact sheet. §13.1: children follow the NHS 2-hour rule too, and a
/// child's late dose is followed by at least 4 hours before the next (Medicines for Children,
/// §4), even if the next dose is later than usual. §13.2: doses missed within the last day: the
/// next dose at the usual time, never extra, and contact today; more than a day's doses or run
/// out: ask before starting again; each with the out-of-hours route.
#[test]
fn the_easy_read_missed_dose_page_gives_the_childrens_rule_and_the_next_dose_after_several_missed() {
    let missed = on_page("easy-missed-dose");
    let child = missed
        .iter()
        .find(|b| lower(b).contains("child") && lower(b).contains("4 hours"))
        .expect("a point with the child's 4-hour wait");
    let words = lower(child);
    assert!(words.contains("2-hour rule"), "the 2-hour rule covers children too: {words}");
    assert!(words.contains("later than usual"), "the next dose may move later: {words}");
    assert!(!words.contains("when you remember"), "not 'always give it', whatever the next dose: {words}");
    let several = missed
        .iter()
        .find(|b| lower(b).contains("2 or more doses"))
        .expect("a point for 2 or more missed doses");
    let words = lower(several);
    for w in ["last day", "next dose at the usual time", "do not take extra", "today", "out-of-hours"] {
        assert!(words.contains(w), "2 or more doses: `{w}` missing: {words}");
    }
    let restart = missed
        .iter()
        .find(|b| lower(b).contains("more than a day"))
        .expect("a point for more than a day's doses or running out");
    let words = lower(restart);
    for w in ["run out", "before you start again", "today", "out-of-hours"] {
        assert!(words.contains(w), "more than a day: `{w}` missing: {words}");
    }
}

/// The safety hole of the code review (§3.6): a mirror address and a `javascript:` link fail the
/// build whichever content file they are in. `text` is the end of a text in `file` (its closing
/// quote included), so the two are put inside a text a patient or a web team reads.
fn refuses_a_mirror_and_a_javascript_link_in(file: &str, text: &str) {
    let inside = text.strip_suffix('"').expect("the end of a quoted text");
    for (added, rule) in [
        (" See www.drugs.com/uk/baclofen.html", "`drugs.com/uk` is a mirror"),
        (" Open javascript:alert(1)", "`javascript:` is not allowed"),
    ] {
        let scratch = Scratch::new();
        scratch.edit(file, text, &format!("{inside}{added}\""));
        let line = scratch.line_of(file, added);
        let name = file.rsplit('/').next().unwrap();
        assert_one_error(&errors(&scratch), &format!("{name}:{line}:"), rule);
    }
}

#[test]
fn a_mirror_or_javascript_link_fails_in_site_toml() {
    refuses_a_mirror_and_a_javascript_link_in("site.toml", "the medicine for stiff muscles and spasms\"");
}

#[test]
fn a_mirror_or_javascript_link_fails_in_sources_toml() {
    refuses_a_mirror_and_a_javascript_link_in("sources.toml", "5, 10, 15, 20 mg: prescribing information\"");
}

#[test]
fn a_mirror_or_javascript_link_fails_in_a_page() {
    refuses_a_mirror_and_a_javascript_link_in(
        "pages/about.toml",
        "Experts do not know every detail of how it works.\"",
    );
}

#[test]
fn a_mirror_or_javascript_link_fails_in_an_easy_read_page() {
    refuses_a_mirror_and_a_javascript_link_in(
        "pages/easy-about.toml",
        "It helps tight muscles to get loose.\"",
    );
}

#[test]
fn a_mirror_or_javascript_link_fails_in_missed_dose_toml() {
    refuses_a_mirror_and_a_javascript_link_in("missed-dose.toml", "a high temperature or confusion?\"");
}

#[test]
fn a_mirror_or_javascript_link_fails_in_red_flags_toml() {
    refuses_a_mirror_and_a_javascript_link_in("red-flags.toml", "Do not wait to see if it gets better.\"");
}

#[test]
fn a_mirror_or_javascript_link_fails_in_ui_toml() {
    refuses_a_mirror_and_a_javascript_link_in("ui.toml", "Choose who the medicine is for.\"");
}

#[test]
fn a_mirror_or_javascript_link_fails_in_web_team_toml() {
    refuses_a_mirror_and_a_javascript_link_in("web-team.toml", "check config.json and the address.\"");
}

#[test]
fn a_mirror_or_javascript_link_fails_in_keep_toml() {
    refuses_a_mirror_and_a_javascript_link_in("keep.toml", "unless you download, print or share it.\"");
}

#[test]
fn a_mirror_or_javascript_link_fails_in_planner_toml() {
    refuses_a_mirror_and_a_javascript_link_in("planner.toml", "It does not choose a dose for you.\"");
}

/// Every content file has its test above (search.toml's, whose texts xtask reads, is in
/// `xtask/src/search_index.rs`), so a new file cannot arrive without one.
#[test]
fn every_content_file_has_a_mirror_and_javascript_test() {
    let this = std::fs::read_to_string(common::root().join("tests/content_validation.rs")).unwrap();
    let tested: Vec<&str> = this
        .lines()
        .filter_map(|l| l.trim().strip_prefix("fn a_mirror_or_javascript_link_fails_in_"))
        .filter_map(|l| l.strip_suffix("() {"))
        .collect();
    for entry in std::fs::read_dir(common::root().join("content")).unwrap() {
        let name = entry.unwrap().file_name().into_string().unwrap();
        let test = match name.as_str() {
            "pages" => "a_page".to_owned(),
            "search.toml" => continue,
            file => file.replace(['-', '.'], "_"),
        };
        assert!(tested.contains(&test.as_str()), "content/{name} has no mirror/javascript test ({tested:?})");
    }
}

/// Fact sheet §0c (numbers: never a guessed one) and §11 design notes (every "contact" names a
/// route for when that person is closed: UK NHS 111; elsewhere "your out-of-hours service"): a
/// page that tells UK readers their out-of-hours route also tells readers elsewhere theirs, in
/// its own text (no JavaScript): the US with 911, Japan with 119, and on a full page the other
/// §0c countries (Ireland 112 or 999, Canada 911, Australia 000, New Zealand 111) and "your local
/// emergency number" for the rest. No out-of-hours number is given outside the UK: §0c has none.
#[test]
fn a_page_with_the_uk_out_of_hours_route_gives_readers_elsewhere_their_route() {
    let all = said();
    let mut pages: Vec<&str> = all
        .iter()
        .filter(|b| b.region == Some(RegionTag::Uk) && b.words.contains("NHS 111"))
        .filter(|b| lower(b).contains("closed") || lower(b).contains("out-of-hours service"))
        .map(|b| b.slug)
        .collect();
    pages.dedup();
    for slug in ["missed-dose", "side-effects", "stopping", "special-situations", "easy-help-now"] {
        assert!(pages.contains(&slug), "{slug}: no UK out-of-hours route found");
    }
    for slug in pages {
        let elsewhere: Vec<&Said> =
            all.iter().filter(|b| b.slug == slug && b.region != Some(RegionTag::Uk)).collect();
        let has = |pred: &dyn Fn(&Said) -> bool| elsewhere.iter().any(|b| pred(b));
        let route = |b: &Said| {
            let w = lower(b);
            w.contains("out-of-hours service") || w.contains("ask your team")
        };
        // An Easy Read page gives the emergency number as the call button of the reader's time
        // zone, never a list of countries' numbers: there, the route alone.
        let easy = slug.starts_with("easy-");
        assert!(
            has(&|b| b.region == Some(RegionTag::Us) && route(b) && (easy || says_number(&b.words, "911"))),
            "{slug}: no route for US readers (out-of-hours, 911)"
        );
        assert!(
            has(&|b| b.words.contains("Japan") && route(b) && (easy || says_number(&b.words, "119"))),
            "{slug}: no route for readers in Japan (out-of-hours, 119)"
        );
        if !easy && slug != "glossary" {
            for (country, number) in
                [("Ireland", "112 or 999"), ("Canada", "911"), ("Australia", "000"), ("New Zealand", "111")]
            {
                assert!(
                    has(&|b| b.words.contains(&format!("{number} in {country}")) && route(b)),
                    "{slug}: no route for readers in {country} ({number})"
                );
            }
            assert!(
                has(&|b| lower(b).contains("local emergency number")),
                "{slug}: nothing for anywhere else"
            );
        }
        for b in &elsewhere {
            assert!(!b.words.contains("NHS 111"), "{slug}: NHS 111 outside a UK block: {}", b.words);
        }
    }
}
