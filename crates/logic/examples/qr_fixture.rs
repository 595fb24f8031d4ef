//! Prints carer links and their QR matrices (one row per line, `1` dark, `0` light) for the
//! decoding check in tests/carer-qr.test.mjs (jsQR reads a rasterised copy):
//!     cargo run -q -p baclofen-logic --example qr_fixture

use baclofen_logic::carer_link::{encode, CarerCopy};
use baclofen_logic::missed_dose::{Form, Person};
use baclofen_logic::schedule::Schedule;
use baclofen_logic::time::{ClockTime, Date};

#[path = "../tests/common/fact_sheet.rs"]
mod fact_sheet;
use fact_sheet::LIMITS;

fn main() {
    let t = |text| ClockTime::parse(text).unwrap();
    let cases = [
        (Person::Adult, Form::Tablet, vec![t("08:00"), t("14:00"), t("20:00")], ""),
        (
            Person::Child,
            Form::Liquid,
            vec![t("07:30"), t("11:30"), t("15:30"), t("19:30"), t("23:30"), t("03:30")],
            "Zoë-Ann O'Brien",
        ),
    ];
    for (person, form, times, name) in cases {
        let copy = CarerCopy {
            person,
            form,
            schedule: Schedule::from_times(&times, &LIMITS).unwrap(),
            entered: Date::new(2026, 11, 23).unwrap(),
            name: name.into(),
        };
        let link = format!(
            "https://guide.example-clinic.nhs.uk/baclofen/take-it-with-you/#{}",
            encode(&copy).unwrap()
        );
        let m = baclofen_logic::qr::matrix(&link).unwrap();
        println!("LINK {link}");
        for y in 0..m.size {
            let row: String = (0..m.size).map(|x| if m.is_dark(x, y) { '1' } else { '0' }).collect();
            println!("{row}");
        }
        println!("END");
    }
}
