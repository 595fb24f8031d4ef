//! `build-manifest.json`: what the build wrote, for the checks that read it instead of keeping
//! their own lists or scraping HTML (the budget check, the bench, the end-to-end walk): every
//! page with its folder, title, headings, the modules it loads and the files of its first view.

use crate::modules::Module;
use baclofen_guide::route::Route;
use serde::Serialize;
use std::path::Path;

#[derive(Serialize)]
pub struct Heading {
    pub id: &'static str,
    pub text: &'static str,
}

#[derive(Serialize)]
pub struct PageEntry {
    pub slug: &'static str,
    /// The page's folder under the guide's root ("" for the start page).
    pub path: String,
    pub title: &'static str,
    pub headings: Vec<Heading>,
    /// The helper module this page loads instead of the settings module (at most one).
    pub modules: Vec<String>,
    /// Every file the page needs before it is ready: its HTML, the style sheet, scripts,
    /// config.json and its helper's module, as paths under the guide's root, when no clinic
    /// setting is set (the guide as built).
    pub first_view: Vec<String>,
    /// The same when a clinic set something in config.json (or an embedding page in the
    /// address): pages without a helper then load the settings module too.
    pub first_view_with_settings: Vec<String>,
}

#[derive(Serialize)]
pub struct Manifest {
    pub site_module: Module,
    pub helper_modules: Vec<Module>,
    /// Modules no page loads at first view, fetched when a person asks (read aloud).
    pub on_press_modules: Vec<Module>,
    pub pages: Vec<PageEntry>,
    #[serde(skip)]
    common: Vec<String>,
}

/// The files a page's `<head>` links: the style sheet, the icon and the scripts.
pub fn linked_files(template: &str) -> Vec<String> {
    let mut files = Vec::new();
    for tag in template.split('<').skip(1) {
        let attribute = if tag.starts_with("script ") {
            "src=\""
        } else if tag.starts_with("link rel=\"stylesheet\"") || tag.starts_with("link rel=\"icon\"") {
            "href=\""
        } else {
            continue;
        };
        if let Some(value) = tag.split(attribute).nth(1).and_then(|v| v.split('"').next()) {
            files.push(value.trim_start_matches("./").to_string());
        }
    }
    files
}

impl Manifest {
    pub fn new(template: &str, site: &Module) -> Manifest {
        let mut common = linked_files(template);
        common.push("config.json".to_string());
        Manifest {
            site_module: site.clone(),
            helper_modules: Vec::new(),
            on_press_modules: Vec::new(),
            pages: Vec::new(),
            common,
        }
    }

    pub fn add_page(&mut self, route: Route, modules: &[String], helpers: &[Module]) -> Result<(), String> {
        let page = route.page().ok_or(format!("{route:?} has no page"))?;
        let path = match route {
            Route::Home => String::new(),
            _ => format!("{}/", route.slug()),
        };
        let mut first_view = vec![format!("{path}index.html")];
        first_view.extend(self.common.iter().cloned());
        if modules.len() > 1 {
            return Err(format!("{}: one helper per page (found {})", route.slug(), modules.join(", ")));
        }
        // A page without a helper loads the settings module only when a clinic set something.
        let mut with_settings = if modules.is_empty() {
            let mut files = first_view.clone();
            files.extend([self.site_module.js.clone(), self.site_module.wasm.clone()]);
            files
        } else {
            first_view.clone()
        };
        for name in modules {
            let module = helpers.iter().find(|m| &m.name == name).ok_or(format!("no module {name}"))?;
            first_view.extend([module.js.clone(), module.wasm.clone()]);
            with_settings.extend([module.js.clone(), module.wasm.clone()]);
            if !self.helper_modules.contains(module) {
                self.helper_modules.push(module.clone());
            }
        }
        self.pages.push(PageEntry {
            slug: route.slug(),
            path,
            title: page.title,
            headings: page.headings().map(|h| Heading { id: h.id, text: h.text }).collect(),
            modules: modules.to_vec(),
            first_view,
            first_view_with_settings: with_settings,
        });
        Ok(())
    }

    pub fn write(&self, staging: &Path) -> Result<(), String> {
        let json = serde_json::to_string_pretty(self).map_err(|e| e.to_string())?;
        std::fs::write(staging.join(MANIFEST_FILE), json).map_err(|e| format!("{MANIFEST_FILE}: {e}"))
    }
}

pub const MANIFEST_FILE: &str = "build-manifest.json";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_head_links_are_the_common_first_view() {
        let head = r#"<link rel="stylesheet" href="./app-1.css"><link rel="icon" href="icon.svg" type="image/svg+xml"><link rel="manifest" href="manifest.webmanifest"><script src="boot.js" defer></script><script src="start.js" defer></script>"#;
        assert_eq!(linked_files(head), ["app-1.css", "icon.svg", "boot.js", "start.js"]);
    }
}
