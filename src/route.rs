//! The app's one route enum and how routes map to paths.
//!
//! Each route is a real folder in `dist/` (`about/index.html`, …) written by `xtask post-build`,
//! so deep links and reloads work on any static host, under any sub-path, with no rewrite rules.
//! Paths here are relative to the app's base URL (the folder that holds the start page).

use crate::content::{self, Page};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Route {
    Home,
    About,
    HowItWorks,
    Forms,
    Taking,
    MissedDose,
    SideEffects,
    Stopping,
    Interactions,
    SpecialSituations,
    Overdose,
    LivingWith,
    OtherTreatments,
    Storage,
    Questions,
    Glossary,
    Sources,
    Search,
    NotFound,
}

impl Route {
    /// Every route that has a page, home first, then in navigation order.
    pub const PAGES: [Route; 18] = [
        Route::Home,
        Route::About,
        Route::HowItWorks,
        Route::Forms,
        Route::Taking,
        Route::MissedDose,
        Route::SideEffects,
        Route::Stopping,
        Route::Interactions,
        Route::SpecialSituations,
        Route::Overdose,
        Route::LivingWith,
        Route::OtherTreatments,
        Route::Storage,
        Route::Questions,
        Route::Glossary,
        Route::Sources,
        Route::Search,
    ];

    /// The content page slug, which is also the route's folder name.
    pub fn slug(self) -> &'static str {
        match self {
            Route::Home => "home",
            Route::About => "about",
            Route::HowItWorks => "how-it-works",
            Route::Forms => "forms",
            Route::Taking => "taking",
            Route::MissedDose => "missed-dose",
            Route::SideEffects => "side-effects",
            Route::Stopping => "stopping",
            Route::Interactions => "medicines-alcohol-driving",
            Route::SpecialSituations => "special-situations",
            Route::Overdose => "overdose",
            Route::LivingWith => "living-with",
            Route::OtherTreatments => "other-treatments",
            Route::Storage => "storage",
            Route::Questions => "questions",
            Route::Glossary => "glossary",
            Route::Sources => "sources",
            Route::Search => "search",
            Route::NotFound => "not-found",
        }
    }

    /// The link target relative to the app base: `./` for home, `about/` for About.
    pub fn href(self) -> String {
        match self {
            Route::Home => "./".to_string(),
            other => format!("{}/", other.slug()),
        }
    }

    /// The route for a path relative to the app base. Accepts what static hosts serve:
    /// `about`, `about/` and `about/index.html`; `""` and `index.html` are home.
    pub fn from_relative_path(path: &str) -> Route {
        let path = path.split(['?', '#']).next().unwrap_or_default();
        let path = path.strip_prefix("./").unwrap_or(path);
        let path = path.strip_suffix("index.html").unwrap_or(path);
        let path = path.trim_matches('/');
        if path.is_empty() {
            return Route::Home;
        }
        Route::PAGES.into_iter().find(|r| *r != Route::Home && r.slug() == path).unwrap_or(Route::NotFound)
    }

    /// The route whose page has this slug.
    pub fn for_slug(slug: &str) -> Route {
        Route::PAGES.into_iter().find(|r| r.slug() == slug).unwrap_or(Route::NotFound)
    }

    /// The sections a reader reads through: every page but home and search.
    pub fn sections() -> impl Iterator<Item = Route> {
        Route::PAGES.into_iter().filter(|r| !matches!(r, Route::Home | Route::Search))
    }

    /// The sections before and after this one, for "previous" and "next" links.
    pub fn neighbours(self) -> (Option<Route>, Option<Route>) {
        let sections: Vec<Route> = Route::sections().collect();
        match sections.iter().position(|r| *r == self) {
            Some(i) => (i.checked_sub(1).map(|p| sections[p]), sections.get(i + 1).copied()),
            None => (None, None),
        }
    }

    pub fn page(self) -> Option<&'static Page> {
        match self {
            Route::NotFound => None,
            route => content::page(route.slug()),
        }
    }

    /// The text for `<title>`.
    pub fn document_title(self) -> String {
        let site = content::SITE.product_name;
        match self.page() {
            Some(page) => format!("{} – {site}", page.title),
            None => format!("Page not found – {site}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_route_has_its_content_page() {
        for route in Route::PAGES {
            assert!(route.page().is_some(), "{route:?} has no content page");
        }
    }

    #[test]
    fn routes_and_content_navigation_agree() {
        let from_content: Vec<&str> = content::PAGES.iter().map(|p| p.slug).collect();
        let from_routes: Vec<&str> = Route::PAGES.iter().map(|r| r.slug()).collect();
        assert_eq!(from_routes, from_content);
    }

    #[test]
    fn href_round_trips_for_every_route() {
        for route in Route::PAGES {
            assert_eq!(Route::from_relative_path(&route.href()), route);
        }
    }

    #[test]
    fn static_host_path_shapes_are_accepted() {
        let cases = [
            ("", Route::Home),
            ("/", Route::Home),
            ("index.html", Route::Home),
            ("about", Route::About),
            ("about/", Route::About),
            ("about/index.html", Route::About),
            ("missed-dose/?embed=1", Route::MissedDose),
            ("side-effects/#emergency", Route::SideEffects),
            ("home/", Route::NotFound),
            ("about/extra/", Route::NotFound),
            ("no-such-page/", Route::NotFound),
            ("javascript:alert(1)", Route::NotFound),
        ];
        for (path, expected) in cases {
            assert_eq!(Route::from_relative_path(path), expected, "path {path:?}");
        }
    }

    #[test]
    fn sections_link_to_their_neighbours_in_order() {
        assert_eq!(Route::About.neighbours(), (None, Some(Route::HowItWorks)));
        assert_eq!(Route::Taking.neighbours(), (Some(Route::Forms), Some(Route::MissedDose)));
        assert_eq!(Route::Sources.neighbours(), (Some(Route::Glossary), None));
        assert_eq!(Route::Home.neighbours(), (None, None));
        assert_eq!(Route::sections().count(), Route::PAGES.len() - 2);
    }

    #[test]
    fn titles_name_the_page_and_the_product() {
        assert_eq!(Route::About.document_title(), format!("About baclofen – {}", content::SITE.product_name));
        assert!(Route::NotFound.document_title().starts_with("Page not found"));
    }
}
