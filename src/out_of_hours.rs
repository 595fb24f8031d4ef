//! Who to call when the prescriber, pharmacist or clinic is closed (fact sheet §11 design note,
//! revised 2026-12-07: "Every contact answer names a route for when that person is closed").
//! Pure: the clinic's own out-of-hours number and the region come in, a sentence goes out; its
//! words are in `content/ui.toml` `[out_of_hours]`. Written for the missed-dose helper, and for the
//! symptom checker to share (one route sentence for the whole guide).
//!
//! - A clinic's own out-of-hours number comes first (it is the clinic's setting).
//! - Else the region's service, from `content/site.toml` `[[region]]` (UK: NHS 111). The region
//!   is the clinic's, else the device time zone's (fact sheet §0c).
//! - Else "your out-of-hours service", never a number from another country (no NHS 111 for a
//!   reader in the US).

use crate::content::ui::out_of_hours as words;
use crate::content::Region;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Route<'a> {
    /// The clinic set its own out-of-hours number.
    ClinicLine { phone: &'a str },
    /// The region's out-of-hours service (UK: NHS 111).
    Service { name: &'a str, phone: &'a str },
    /// No clinic number, and the region has no single service the sources name.
    Generic,
}

/// The route for a clinic's out-of-hours number (if it set one) and a region (if known).
pub fn route<'a>(clinic_out_of_hours_phone: Option<&'a str>, region: Option<&'a Region>) -> Route<'a> {
    if let Some(phone) = clinic_out_of_hours_phone {
        return Route::ClinicLine { phone };
    }
    match region.and_then(|r| r.out_of_hours_name.zip(r.out_of_hours_phone)) {
        Some((name, phone)) => Route::Service { name, phone },
        None => Route::Generic,
    }
}

/// The route for these settings: the clinic's number, else its region's service, else the
/// device time zone's region's service.
pub fn for_settings(settings: &crate::settings::Settings) -> Route<'_> {
    route(settings.out_of_hours_phone.as_deref(), settings.region.or(settings.time_zone_region))
}

/// "If your prescriber and pharmacist are closed, call NHS 111." The subject is named, never
/// "if they are closed" (clinical review m14).
pub fn sentence(route: Route<'_>) -> String {
    match route {
        Route::ClinicLine { phone } => words::CLINIC_LINE.replace("{phone}", phone),
        Route::Service { name, phone } => words::SERVICE.replace("{name}", name).replace("{phone}", phone),
        Route::Generic => words::GENERIC.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::REGIONS;

    fn region(id: &str) -> Option<&'static Region> {
        REGIONS.iter().find(|r| r.id == id)
    }

    #[test]
    fn the_uk_route_is_nhs_111_and_no_other_region_is_given_it() {
        // Fact sheet §0c: UK out of hours is NHS 111; no other country's row names a service.
        assert!(sentence(route(None, region("uk"))).contains("NHS 111"));
        for id in ["us", "au", "ie", "ca", "nz", "other"] {
            let words = sentence(route(None, region(id)));
            assert!(!words.contains("111"), "{id}: {words}");
            assert_eq!(route(None, region(id)), Route::Generic, "{id}");
        }
        assert_eq!(route(None, None), Route::Generic);
    }

    #[test]
    fn a_clinics_own_out_of_hours_number_comes_first() {
        let words = sentence(route(Some("+1 555 0100"), region("uk")));
        assert!(words.contains("+1 555 0100") && !words.contains("NHS 111"), "{words}");
    }

    #[test]
    fn every_route_names_who_is_closed() {
        for r in [Route::Generic, route(None, region("uk")), Route::ClinicLine { phone: "0100" }] {
            let words = sentence(r);
            assert!(!words.to_lowercase().starts_with("if they"), "{words}");
            assert!(words.contains("prescriber"), "{words}");
        }
    }
}
