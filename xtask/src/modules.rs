//! The page modules (issue #18): the settings module trunk builds as the main app, and one
//! module per helper that trunk builds as a "worker" (so it starts nowhere by itself) with an
//! ES-module loader. Here each helper module gets a content-hashed name, and `start.js` loads
//! the settings module on every page and a helper's module only on a page that holds its
//! placeholder (`data-module="<name>"`).

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
/// Lighthouse's LCP does not count the modules' download), loads the settings module and, in
/// parallel, the module of each helper placeholder on the page. If a module cannot be loaded or
/// instantiated it tells `static/boot.js`, which shows the start-up failure message.
pub fn start_script(site: &Module, helpers: &[Module]) -> Result<String, String> {
    let files: serde_json::Map<String, serde_json::Value> = helpers
        .iter()
        .map(|m| (m.name.clone(), serde_json::json!([m.js, m.wasm])))
        .collect();
    let files = serde_json::to_string(&files).map_err(|e| e.to_string())?;
    let site = serde_json::to_string(&[&site.js, &site.wasm]).map_err(|e| e.to_string())?;
    Ok(format!(
        r#"// Written by xtask. Starts the page's WebAssembly modules after the static page has loaded and painted.
(function () {{
  var SITE = {site};
  var HELPERS = {files};
  function failed(error) {{
    if (window.baclofenBoot) window.baclofenBoot.failed(error);
    else console.error('The guide could not start:', error);
  }}
  function load(files) {{
    return import('./' + files[0]).then(function (module) {{
      return module.default({{ module_or_path: './' + files[1] }});
    }});
  }}
  function start() {{
    load(SITE).catch(failed);
    var islands = document.querySelectorAll('[data-module]');
    var started = {{}};
    for (var i = 0; i < islands.length; i++) {{
      var name = islands[i].getAttribute('data-module');
      if (started[name]) continue;
      started[name] = true;
      if (HELPERS.hasOwnProperty(name)) load(HELPERS[name]).catch(failed);
      else failed('no module called ' + name);
    }}
  }}
  function afterPaint() {{
    requestAnimationFrame(function () {{ setTimeout(start, 0); }});
  }}
  if (document.readyState === 'complete') afterPaint();
  else addEventListener('load', afterPaint, {{ once: true }});
}})();
"#
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_names_each_of_its_modules_once() {
        let html = r#"<div id="a-tool" data-module="a"></div><p data-module="b"></p><div data-module="a"></div>"#;
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
