//! The offline copy: `sw.js` lists every file of the build (release only) under a version that
//! changes with any file, and the registration script (part of `start.js`) offers the update.

use baclofen_guide::content::SITE;
use std::path::Path;

const SW_TEMPLATE: &str = include_str!("../sw.js");
const SW_REGISTER_TEMPLATE: &str = include_str!("../sw-register.js");

/// A checksum of every file (64-bit FNV-1a over paths and contents): the offline cache version.
fn fingerprint(files: &[(String, Vec<u8>)]) -> String {
    let mut all = Vec::new();
    for (path, bytes) in files {
        all.extend_from_slice(path.as_bytes());
        all.push(0);
        all.extend_from_slice(bytes);
    }
    crate::modules::content_hash(&all)
}

fn files_under(dir: &Path, prefix: &str, out: &mut Vec<(String, Vec<u8>)>) -> Result<(), String> {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .flatten()
        .map(|e| e.path())
        .collect();
    entries.sort();
    for path in entries {
        let name = path.file_name().unwrap_or_default().to_string_lossy().to_string();
        if path.is_dir() {
            files_under(&path, &format!("{prefix}{name}/"), out)?;
        } else {
            out.push((
                format!("{prefix}{name}"),
                std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?,
            ));
        }
    }
    Ok(())
}

/// The URL that fetches a file: a folder for `index.html`, so navigations match.
fn precache_url(path: &str) -> String {
    match path.strip_suffix("index.html") {
        Some("") => "./".to_string(),
        Some(folder) => folder.to_string(),
        None => path.to_string(),
    }
}

/// The script that registers `sw.js` and offers an update, with the content's words (release
/// builds put it at the end of `start.js`).
pub fn register_script() -> String {
    SW_REGISTER_TEMPLATE
        .replace("__UPDATE_TEXT__", &crate::html::js_string(SITE.offline.update_available))
        .replace("__UPDATE_ACTION__", &crate::html::js_string(SITE.offline.update_action))
}

/// A file's Subresource Integrity value ("sha256-…"), which the service worker checks before
/// it keeps a new version (a truncated or swapped module fails the install, and the working
/// copy stays). `None` for what a host may change after the build: `config.json` (the clinic
/// edits it) and the pages (some hosts add to HTML).
fn integrity(path: &str, bytes: &[u8]) -> Option<String> {
    let changeable = path == "config.json" || path.ends_with(".html");
    (!changeable).then(|| crate::html::sha256_source(bytes))
}

/// Writes `sw.js`, which lists every file of this build (release only).
pub fn write_offline_copy(staging: &Path) -> Result<(), String> {
    let mut files = Vec::new();
    files_under(staging, "", &mut files)?;
    // The build manifest is for the checks, not for readers.
    files.retain(|(path, _)| path != "sw.js" && path != crate::manifest::MANIFEST_FILE);
    let entries: Vec<(String, Option<String>)> =
        files.iter().map(|(path, bytes)| (precache_url(path), integrity(path, bytes))).collect();
    let urls = serde_json::to_string(&entries).map_err(|e| e.to_string())?;
    let worker = SW_TEMPLATE.replace("__VERSION__", &fingerprint(&files)).replace("__PRECACHE__", &urls);
    std::fs::write(staging.join("sw.js"), worker).map_err(|e| format!("sw.js: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn precache_urls_name_folders_for_pages() {
        assert_eq!(precache_url("index.html"), "./");
        assert_eq!(precache_url("about/index.html"), "about/");
        assert_eq!(precache_url("app-0123.wasm"), "app-0123.wasm");
    }

    #[test]
    fn the_cache_version_changes_with_any_file() {
        let a = vec![("a.js".to_string(), b"one".to_vec())];
        let b = vec![("a.js".to_string(), b"two".to_vec())];
        assert_ne!(fingerprint(&a), fingerprint(&b));
        assert_eq!(fingerprint(&a), fingerprint(&a.clone()));
    }

    #[test]
    fn modules_carry_their_sha256_and_changeable_files_none() {
        assert_eq!(
            integrity("app-1_bg.wasm", b"").as_deref(),
            Some("sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=")
        );
        assert!(integrity("keep-0123.js", b"x").is_some());
        assert_eq!(integrity("config.json", b"{}"), None);
        assert_eq!(integrity("about/index.html", b"<p>"), None);
    }
}
