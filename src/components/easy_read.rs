//! Easy Read (issue #31): a point is a picture drawn for the guide beside a few short sentences,
//! each sentence on its own line. The point is a `<figure>` whose caption is its words, so the
//! words are the picture's text alternative and a screen reader says them once. The pictures
//! are simple line drawings on a 48 × 48 grid, in the text colour, so they print in black.
//! Also the link from a full page to its Easy Read version, and back.

use crate::components::link;
use crate::content::ui::easy_read as words;
use crate::content::{CalloutKind, Page, Picture, Point};
use crate::route::Route;
use yew::prelude::*;

/// One stroke of a picture: a line (`Line`), a filled shape (`Fill`) or a circle (`Ring`).
enum Shape {
    Line(&'static str),
    Fill(&'static str),
    Ring(u8, u8, u8),
}

use Shape::{Fill, Line, Ring};

/// The strokes of each picture.
fn drawing(picture: Picture) -> &'static [Shape] {
    match picture {
        Picture::Tablet => &[
            Line("M10 30 24 16a6 6 0 0 1 8.5 8.5L18.5 38.5a6 6 0 0 1-8.5-8.5z"),
            Line("M17 23l8.5 8.5"),
            Ring(36, 34, 7),
            Line("M31 34h10"),
        ],
        Picture::Muscle => &[
            Line("M6 42c0-12 4-20 10-27l4-8 7 2-3 9c6-3 14-1 17 6 3 8-4 18-14 18z"),
            Line("M22 30c3-3 8-3 11 0"),
        ],
        Picture::Head => &[
            Line("M30 44v-7h4a4 4 0 0 0 4-4v-5l4-1-4-7C38 11 31 5 22 5 13 5 7 12 7 21c0 6 3 10 6 13v10"),
            Line("M17 18c2-4 8-5 11-1 3 0 5 4 2 7-2 3-9 3-11 0-3 0-4-4-2-6z"),
        ],
        Picture::Doctor => &[
            Ring(24, 13, 8),
            Line("M8 45c0-11 7-17 16-17s16 6 16 17"),
            Fill("M31 33h3v3h3v3h-3v3h-3v-3h-3v-3h3z"),
        ],
        Picture::Clock => &[Ring(24, 24, 19), Line("M24 12v12l8 5")],
        Picture::StepsUp => &[Line("M4 42h10v-8h10v-8h10v-8h10"), Line("M8 24 24 10m-7 0h7v7")],
        Picture::StepsDown => &[Line("M4 16h10v8h10v8h10v8h10"), Line("M12 6l16 14m0-7v7h-7")],
        Picture::Food => &[
            Ring(24, 26, 13),
            Ring(24, 26, 7),
            Line("M4 10v8a2 2 0 0 0 4 0v-8M6 20v22"),
            Line("M43 10c-4 3-4 12 0 14v18"),
        ],
        Picture::Syringe => &[
            Line("M14 30 30 14l6 6-16 16z"),
            Line("M33 17l7-7m-3-4 7 7"),
            Line("M17 33l-9 9"),
            Line("M21 25l3 3m1-7 3 3"),
        ],
        Picture::Alarm => &[
            Ring(24, 26, 15),
            Line("M24 17v9l6 4"),
            Line("M6 13l6-6m30 6-6-6"),
            Line("M14 40l-4 5m24-5 4 5"),
        ],
        Picture::Child => &[Ring(24, 12, 7), Line("M24 19v14m-9-8h18m-9 8-6 11m6-11 6 11")],
        Picture::NoDouble => &[Ring(17, 24, 7), Ring(31, 24, 7), Ring(24, 24, 21), Line("M9 9l30 30")],
        Picture::Stop => &[Line("M17 3h14l14 14v14L31 45H17L3 31V17z"), Fill("M12 21h24v6H12z")],
        Picture::Phone => &[
            Line("M16 4h16a3 3 0 0 1 3 3v34a3 3 0 0 1-3 3H16a3 3 0 0 1-3-3V7a3 3 0 0 1 3-3z"),
            Line("M21 38h6"),
            Line("M40 14c3 3 3 9 0 12"),
        ],
        Picture::Ambulance => &[
            Line("M3 36V16h24v20m0-14h10l8 8v6H3"),
            Ring(13, 38, 4),
            Ring(35, 38, 4),
            Fill("M13 20h4v4h4v4h-4v4h-4v-4H9v-4h4z"),
        ],
        Picture::Hospital => &[
            Line("M8 44V10h32v34M3 44h42"),
            Fill("M22 14h4v6h6v4h-6v6h-4v-6h-6v-4h6z"),
            Line("M20 44v-8h8v8"),
        ],
        Picture::Breathing => &[
            Line("M24 5v17m0-4c-3 3-5 4-8 4m8-4c3 3 5 4 8 4"),
            Line("M19 13C11 13 5 25 5 36c0 5 5 7 9 4l6-4c2-2 2-4 2-8z"),
            Line("M29 13c8 0 14 12 14 23 0 5-5 7-9 4l-6-4c-2-2-2-4-2-8z"),
        ],
        Picture::Sleep => &[
            Ring(20, 28, 15),
            Line("M11 26q3 3 6 0m6 0q3 3 6 0"),
            Line("M15 36h10"),
            Line("M32 4h9l-9 9h9m-3 4h6l-6 6h6"),
        ],
        Picture::Confused => &[
            Ring(20, 28, 15),
            Line("M14 24h.01m12 0h.01"),
            Line("M13 36c3-2 5 2 7 0s5-2 7 0"),
            Line("M34 8a6 6 0 1 1 8 6c-2 1-3 2-3 4m0 5h.01"),
        ],
        Picture::Fit => &[Fill("M27 3 13 26h10l-5 19 17-26H25l6-16z"), Line("M3 40l3-3 3 3m30 0 3-3 3 3")],
        Picture::TooMuch => &[
            Line("M7 18h16v26H7zm2-7h12v7H9z"),
            Ring(33, 40, 4),
            Ring(41, 32, 4),
            Ring(31, 29, 4),
            Ring(39, 20, 4),
        ],
        Picture::Swelling => {
            &[Ring(24, 24, 20), Line("M16 18h.01m16 0h.01"), Line("M13 31c5-6 17-6 22 0-5 7-17 7-22 0z")]
        }
        Picture::Thermometer => &[
            Line("M19 8a5 5 0 0 1 10 0v22a9 9 0 1 1-10 0z"),
            Line("M24 16v20"),
            Line("M33 10h5m-5 7h5m-5 7h5"),
        ],
        Picture::Pump => &[Ring(20, 22, 15), Ring(20, 22, 5), Line("M35 22c6 0 8 6 8 12v11")],
        Picture::PumpAlarm => {
            &[Ring(18, 26, 13), Ring(18, 26, 4), Line("M35 16c3 3 3 11 0 14m5-18c6 6 6 16 0 22")]
        }
        Picture::Card => &[
            Line("M4 11h40v27H4z"),
            Line("M10 19h14m-14 6h18m-18 6h10"),
            Fill("M34 18h4v4h4v4h-4v4h-4v-4h-4v-4h4z"),
        ],
        Picture::Calendar => {
            &[Line("M6 10h36v32H6zm0 8h36M14 5v9m20-9v9"), Line("M12 25h4m6 0h4m6 0h4M12 33h4m6 0h4m6 0h4")]
        }
        Picture::Sick => &[
            Ring(24, 16, 12),
            Line("M19 12h.01m10 0h.01"),
            Line("M18 22q6-4 12 0"),
            Line("M9 36h30c0 6-7 9-15 9s-15-3-15-9z"),
        ],
        Picture::Moving => &[Ring(27, 7, 4), Line("M25 14l-4 14 7 6v10m-7-16-6 14m8-24-8 6m10-8 7 6 6-2")],
        Picture::Pharmacist => {
            &[Line("M13 15h22v29H13zm3-9h16v9H16z"), Fill("M22 22h4v6h6v4h-6v6h-4v-6h-6v-4h6z")]
        }
    }
}

/// A picture as inline SVG, hidden from assistive technology: its words are beside it.
pub fn picture(picture: Picture) -> Html {
    let shapes = drawing(picture).iter().map(|shape| match shape {
        Line(d) => html! { <path d={*d} /> },
        Fill(d) => html! { <path class="easy-point__fill" d={*d} /> },
        Ring(cx, cy, r) => html! { <circle cx={cx.to_string()} cy={cy.to_string()} r={r.to_string()} /> },
    });
    html! {
        <svg class="easy-point__picture" viewBox="0 0 48 48" width="64" height="64"
            aria-hidden="true" focusable="false" data-picture={picture.name()}>
            { for shapes }
        </svg>
    }
}

/// The sentences of a text, each with its closing mark: "Take it. Then wait." → two.
pub fn sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    for (i, b) in bytes.iter().enumerate() {
        let ends = matches!(b, b'.' | b'?' | b'!') && bytes.get(i + 1).is_none_or(|next| *next == b' ');
        if ends {
            out.push(text[start..=i].trim());
            start = i + 1;
        }
    }
    if !text[start..].trim().is_empty() {
        out.push(text[start..].trim());
    }
    out
}

fn modifier(kind: Option<CalloutKind>) -> &'static str {
    match kind {
        Some(CalloutKind::Emergency) => "easy-point--emergency",
        Some(CalloutKind::Urgent) => "easy-point--urgent",
        Some(CalloutKind::Warning) => "easy-point--warning",
        _ => "",
    }
}

/// One point: the picture, then each sentence on its own line, then any list items.
pub fn point(point: &'static Point) -> Html {
    html! {
        <figure class={classes!("easy-point", modifier(point.kind))}>
            { picture(point.picture) }
            <figcaption class="easy-point__words">
                { for sentences(point.words.text).into_iter().map(|s| html! { <span class="easy-point__sentence">{ s }</span> }) }
                if !point.items.is_empty() {
                    <ul>{ for point.items.iter().map(|item| html! { <li>{ *item }</li> }) }</ul>
                }
            </figcaption>
        </figure>
    }
}

/// Under a page's title: a full page links to its Easy Read version, an Easy Read page back to
/// the full page.
pub fn page_link(page: &'static Page) -> Html {
    let (to, label, title) = match (page.easy_read, page.easy_read_of) {
        (Some(easy), _) => (easy, words::VERSION, None),
        (None, Some(full)) => (full, words::FULL_PAGE, Route::for_slug(full).page().map(|p| p.title)),
        (None, None) => return html! {},
    };
    html! {
        <p class="easy-read-link">
            <a href={link::href(Route::for_slug(to), None, None)}>
                { label }
                if let Some(title) = title {
                    {" "}{ title }
                }
            </a>
        </p>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_keep_their_marks_and_numbers() {
        assert_eq!(
            sentences("Take it. Is it late? Wait 2.5 hours!"),
            ["Take it.", "Is it late?", "Wait 2.5 hours!"]
        );
        assert_eq!(sentences("No mark at the end"), ["No mark at the end"]);
    }

    #[test]
    fn every_picture_is_drawn_and_named() {
        for (name, picture) in Picture::ALL {
            assert!(!drawing(picture).is_empty(), "{name}");
            assert_eq!(Picture::from_name(name), Some(picture));
        }
    }
}
