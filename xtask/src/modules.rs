//! The page modules (issue #18): the settings module trunk builds as the main app, and one
//! module per helper that trunk builds as a "worker" (so it starts nowhere by itself) with an
//! ES-module loader. Here each helper module gets a content-hashed name, and `start.js` loads
//! one module per page: a helper's module on the page that holds its placeholder
//! (`data-module="<name>"`; it applies the clinic's settings too), the settings module elsewhere.

use serde::Serialize;
use std::path::Path;

/// One module's files, relative to the guide's root.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Module {
    pub name: String,
    pub js: String,
    pub wasm: String,
}

/// 64-bit FNV-1a, as hex: a file name that changes whenever the file does.
pub fn content_hash(bytes: &[u8]) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in bytes {
        hash ^= u64::from(*byte);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("{hash:016x}")
}

/// Renames trunk's `<name>.js` and `<name>_bg.wasm` to `<name>-<hash>.js` and
/// `<name>-<hash>_bg.wasm` (the hash covers both), so a browser cache never pairs an old loader
/// with a new module.
pub fn hashed_helper_module(staging: &Path, name: &str) -> Result<Module, String> {
    let read = |file: &str| {
        std::fs::read(staging.join(file)).map_err(|e| {
            format!(
                "{file}: {e} (a page has data-module=\"{name}\": index.html needs \
                 <link data-trunk rel=\"rust\" data-bin=\"{name}\" data-type=\"worker\" data-bindgen-target=\"web\">)"
            )
        })
    };
    let (js_file, wasm_file) = (format!("{name}.js"), format!("{name}_bg.wasm"));
    let (js, wasm) = (read(&js_file)?, read(&wasm_file)?);
    let hash = content_hash(&[js.as_slice(), wasm.as_slice()].concat());
    let module = Module {
        name: name.to_string(),
        js: format!("{name}-{hash}.js"),
        wasm: format!("{name}-{hash}_bg.wasm"),
    };
    for (from, to) in [(&js_file, &module.js), (&wasm_file, &module.wasm)] {
        std::fs::rename(staging.join(from), staging.join(to)).map_err(|e| format!("{from}: {e}"))?;
    }
    Ok(module)
}

/// The module names a page's HTML asks for (`data-module="…"`), in order, once each.
pub fn modules_in(html: &str) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for part in html.split("data-module=\"").skip(1) {
        let name = part.split('"').next().unwrap_or_default().to_string();
        if !names.contains(&name) {
            names.push(name);
        }
    }
    names
}

/// `start.js`: once the page has loaded and painted (so the static text never waits, and
/// Lighthouse's LCP does not count the modules' download), starts the page: a helper's page
/// loads its helper's module (which applies the settings too); any other page reads config.json
/// and loads the settings module only if there is a setting to apply (in the file or the
/// address), else shows the device's time-zone emergency number with no WebAssembly at all. If a module cannot be loaded or
/// instantiated it tells `static/boot.js`, which shows the start-up failure message.
///
/// Read aloud (issue #31): every page's prerendered "Read aloud" button is shown here (it needs
/// JavaScript), and its module is fetched only when the button is pressed; until then a page
/// loads no WebAssembly for it.
pub fn start_script(
    site: &Module,
    helpers: &[Module],
    read_aloud: &Module,
    defaults: &Defaults,
) -> Result<String, String> {
    let read_aloud = serde_json::to_string(&[&read_aloud.js, &read_aloud.wasm]).map_err(|e| e.to_string())?;
    let files: serde_json::Map<String, serde_json::Value> =
        helpers.iter().map(|m| (m.name.clone(), serde_json::json!([m.js, m.wasm]))).collect();
    let files = serde_json::to_string(&files).map_err(|e| e.to_string())?;
    let site = serde_json::to_string(&[&site.js, &site.wasm]).map_err(|e| e.to_string())?;
    let defaults = serde_json::to_string(defaults).map_err(|e| e.to_string())?;
    Ok(format!(
        r#"// Written by xtask. Starts the page after the static page has loaded and painted.
(function () {{
  var SITE = {site};
  var HELPERS = {files};
  var READ_ALOUD = {read_aloud};
  // With no clinic settings, what the settings module would show, worked out at build time by
  // the same Rust code (src/settings.rs) for each time-zone region of content/site.toml.
  var DEFAULTS = {defaults};
  // boot.js comes first in this same file (xtask post-build), so window.baclofenBoot is there.
  function failed(error) {{
    window.baclofenBoot.failed(error);
  }}
  // A later task (after input and paint): scheduler.postTask where there is one, since a chain
  // of setTimeout calls is held back to 4 ms a step.
  function nextTask() {{
    return new Promise(function (resolve) {{
      if (window.scheduler && scheduler.postTask) scheduler.postTask(resolve);
      else setTimeout(resolve, 0);
    }});
  }}
  // The WebAssembly is fetched side by side with its loader (not after it: one round trip less
  // before a helper is live on a slow connection) and compiled as it arrives. Finishing the
  // compilation and starting the module are two tasks, not one long one on a slow phone. A host
  // that serves it with another type than application/wasm: the loader fetches it again and
  // compiles it from its bytes.
  function load(files) {{
    var path = './' + files[1];
    var wasm = window.fetch && WebAssembly.compileStreaming
      ? WebAssembly.compileStreaming(fetch(path)).then(function (compiled) {{
          return nextTask().then(function () {{ return compiled; }});
        }}, function () {{ return path; }})
      : path;
    return Promise.all([import('./' + files[0]), wasm]).then(function (loaded) {{
      return loaded[0].default({{ module_or_path: loaded[1] }});
    }});
  }}
  // The same rule as region_for_time_zone in src/settings.rs: a zone, or every zone of an area.
  function zoneDefaults() {{
    var zone = '';
    // Temporal where the browser has it: the first Intl.DateTimeFormat is one long task on a
    // slow phone (docs/adr/0002-start-up-after-first-paint.md).
    try {{ zone = window.Temporal ? Temporal.Now.timeZoneId() : ''; }} catch (e) {{}}
    if (!zone) try {{ zone = Intl.DateTimeFormat().resolvedOptions().timeZone || ''; }} catch (e) {{}}
    zone = String(zone).trim().toLowerCase();
    if (!zone) return DEFAULTS.none;
    for (var i = 0; i < DEFAULTS.regions.length; i++) {{
      var zones = DEFAULTS.regions[i].zones;
      for (var j = 0; j < zones.length; j++) {{
        var pattern = zones[j].toLowerCase();
        var area = pattern.charAt(pattern.length - 1) === '*' ? pattern.slice(0, -1) : null;
        if (area ? zone.length > area.length && zone.indexOf(area) === 0 : zone === pattern) return DEFAULTS.regions[i];
      }}
    }}
    return DEFAULTS.none;
  }}
  function text(selector, value) {{
    var element = document.querySelector(selector);
    if (element) element.textContent = value;
    return element;
  }}
  // Nothing set: the time zone's emergency number, with no WebAssembly at all.
  function showDefaults() {{
    var shown = zoneDefaults();
    text('#emergency-line', shown.sentence);
    text('#helper-stopped .helper-stopped__emergency', shown.sentence);
    var call = text('#helper-stopped .call__button', shown.call);
    if (call && shown.href) call.setAttribute('href', shown.href);
    else if (call) call.removeAttribute('href');
    // The call buttons in the pages' emergency boxes (src/pages/content_page.rs), shown once
    // they hold the number to dial.
    var lines = document.querySelectorAll('[data-emergency-call]');
    for (var i = 0; i < lines.length; i++) {{
      var button = lines[i].querySelector('.call__button');
      var note = lines[i].querySelector('.call__note');
      if (!button || !shown.href) continue;
      button.textContent = shown.call;
      button.setAttribute('href', shown.href);
      if (note) note.textContent = shown.note || '';
      lines[i].hidden = false;
    }}
    window.baclofenBoot.started();
  }}
  // Settings to apply: any key of config.json not starting with "_", or any key in the address
  // but the page's own. Anything unreadable goes to the settings module, which says why.
  function needsSettings(config) {{
    if (!config || typeof config !== 'object' || Array.isArray(config)) return true;
    for (var key in config) if (Object.prototype.hasOwnProperty.call(config, key) && key.charAt(0) !== '_') return true;
    var query = location.search.replace(/^\?/, '');
    if (!query) return false;
    var pairs = query.split('&');
    for (var i = 0; i < pairs.length; i++) {{
      var name = pairs[i].split('=')[0];
      if (name && DEFAULTS.page_keys.indexOf(name) < 0) return true;
    }}
    return false;
  }}
  // boot.js fetched it early (the same promise the WebAssembly reads).
  function readConfig() {{
    return window.baclofenBoot.config().then(function (text) {{
      return text === null ? null : JSON.parse(text);
    }});
  }}
  // Read aloud: the button is shown before the first paint (as the print button is, so nothing
  // moves), and its module fetched only once it is pressed (the module then reads at once). If
  // it cannot be fetched, the control says so; the page goes on working.
  function readAloud() {{
    var button = document.querySelector('[data-read-aloud]');
    if (!button || typeof WebAssembly !== 'object') return;
    button.hidden = false;
    button.addEventListener('click', function () {{
      button.setAttribute('aria-disabled', 'true');
      load(READ_ALOUD).catch(function () {{
        var message = document.querySelector('.read-aloud__failed');
        if (message) message.hidden = false;
        button.removeAttribute('aria-disabled');
      }});
    }}, {{ once: true }});
  }}
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', readAloud);
  else readAloud();
  function start() {{
    // A helper's module also applies the settings, so a page loads at most one module.
    var island = document.querySelector('[data-module]');
    var name = island ? island.getAttribute('data-module') : null;
    // config.json and the page's module download side by side.
    if (window.fetch) window.baclofenBoot.config();
    if (name) {{
      if (HELPERS.hasOwnProperty(name)) load(HELPERS[name]).catch(failed);
      else failed('no module called ' + name);
      return;
    }}
    readConfig().then(needsSettings, function () {{ return true; }}).then(function (needed) {{
      if (needed) load(SITE).catch(failed);
      else showDefaults();
    }});
  }}
  // After the page's text is on screen (boot.js), so the page's module never delays that paint.
  window.baclofenBoot.afterPaint(start);
}})();
"#
    ))
}

/// What a page without a helper shows when nothing is set (see `start_script`).
#[derive(Serialize)]
pub struct Defaults {
    pub regions: Vec<ZoneDefaults>,
    pub none: ZoneDefaults,
    pub page_keys: Vec<&'static str>,
}

#[derive(Serialize)]
pub struct ZoneDefaults {
    pub zones: Vec<&'static str>,
    pub sentence: String,
    pub call: String,
    pub href: String,
    /// Said beside the call button ("or your local emergency number").
    pub note: Option<String>,
}

impl Defaults {
    /// Worked out by the settings code itself: the settings a device in each region gets when
    /// config.json and the address set nothing.
    pub fn from_settings() -> Defaults {
        use baclofen_guide::content::REGIONS;
        use baclofen_guide::content::SITE;
        use baclofen_guide::settings::call_label;
        use baclofen_guide::settings::{tel_href, Settings};
        // No number (a zone with no region, outside the EU/EEA, the UK and Switzerland): the
        // words only, and no link to dial (an empty href: start.js removes the attribute).
        let shown = |settings: Settings, zones: Vec<&'static str>| ZoneDefaults {
            zones,
            sentence: settings.emergency_sentence(),
            call: settings.call_number().map_or(SITE.emergency_local.to_string(), call_label),
            href: settings.call_number().map(tel_href).unwrap_or_default(),
            note: settings.emergency_note().map(str::to_string),
        };
        Defaults {
            regions: REGIONS
                .iter()
                .filter(|r| !r.time_zones.is_empty())
                .map(|r| {
                    shown(
                        Settings { time_zone_region: Some(r), ..Settings::default() },
                        r.time_zones.to_vec(),
                    )
                })
                .chain([shown(
                    Settings { zone_112: true, ..Settings::default() },
                    SITE.emergency_default_time_zones.to_vec(),
                )])
                .collect(),
            none: shown(Settings::default(), Vec::new()),
            page_keys: baclofen_guide::settings::PAGE_KEYS.to_vec(),
        }
    }
}

/// The page's own scripts without their comment lines (release builds): every page downloads
/// `start.js` (with boot.js and the offline copy's registration in it) before its first paint,
/// and the comments were a third of its bytes. The files in the repository keep them. Only
/// whole lines that start with `//` go; none of these scripts has a line inside a string.
pub fn without_comment_lines(js: &str) -> String {
    js.lines().filter(|line| !line.trim_start().starts_with("//")).map(|line| [line, "\n"].concat()).collect()
}

/// [`without_comment_lines`] for each of `names` in `staging` (as Trunk copied them).
pub fn shrink_scripts(staging: &Path, names: &[&str]) -> Result<(), String> {
    for name in names {
        let file = staging.join(name);
        let js = std::fs::read_to_string(&file).map_err(|e| format!("{}: {e}", file.display()))?;
        std::fs::write(&file, without_comment_lines(&js)).map_err(|e| format!("{}: {e}", file.display()))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comment_lines_go_and_code_stays_as_it_was() {
        let js = "// About this file.\n(function () {\n  // Why.\n  var a = 'http://x/'; // kept: code on the line\n  return a;\n})();\n";
        assert_eq!(
            without_comment_lines(js),
            "(function () {\n  var a = 'http://x/'; // kept: code on the line\n  return a;\n})();\n"
        );
    }

    #[test]
    fn a_page_names_each_of_its_modules_once() {
        let html =
            r#"<div id="a-tool" data-module="a"></div><p data-module="b"></p><div data-module="a"></div>"#;
        assert_eq!(modules_in(html), ["a", "b"]);
        assert!(modules_in("<main></main>").is_empty());
    }

    #[test]
    fn helper_files_get_one_hash_that_follows_their_content() {
        let dir = std::env::temp_dir().join(format!("xtask-modules-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("x.js"), "js").unwrap();
        std::fs::write(dir.join("x_bg.wasm"), "wasm").unwrap();
        let first = hashed_helper_module(&dir, "x").unwrap();
        assert!(dir.join(&first.js).exists() && dir.join(&first.wasm).exists());
        assert!(!dir.join("x.js").exists());
        std::fs::write(dir.join("x.js"), "js").unwrap();
        std::fs::write(dir.join("x_bg.wasm"), "wasm 2").unwrap();
        let second = hashed_helper_module(&dir, "x").unwrap();
        assert_ne!(first.js, second.js, "a changed module gets a new name");
        let missing = hashed_helper_module(&dir, "nowhere").unwrap_err();
        assert!(missing.contains("data-bin=\"nowhere\""), "{missing}");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
