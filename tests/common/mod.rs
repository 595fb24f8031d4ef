//! The scratch-content harness, once, for every test that runs the build's content generators on
//! a changed copy of `content/` (`content_validation`, `add_a_page`, `planner_content`).
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

/// The repository's root (this package's manifest folder).
pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// `build/banned-claims.toml`, the ruled-out claims and mirrors the text rules read.
pub fn banned_claims() -> PathBuf {
    root().join("build/banned-claims.toml")
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// A scratch copy of `content/`, removed when dropped.
pub struct Scratch(pub PathBuf);

impl Scratch {
    pub fn new() -> Self {
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let dir = std::env::temp_dir().join(format!(
            "baclofen-content-{}-{}-{}",
            env!("CARGO_CRATE_NAME"),
            std::process::id(),
            NEXT.fetch_add(1, Ordering::Relaxed)
        ));
        let _ = std::fs::remove_dir_all(&dir);
        copy_dir(&root().join("content"), &dir);
        Scratch(dir)
    }

    /// The content folder.
    pub fn path(&self) -> &Path {
        &self.0
    }

    /// Replaces the first `from` in `file` with `to` (the file must hold `from`).
    pub fn edit(&self, file: &str, from: &str, to: &str) {
        let path = self.0.join(file);
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains(from), "{file} does not contain {from:?}");
        std::fs::write(path, text.replacen(from, to, 1)).unwrap();
    }

    /// The line of the first `needle` in a scratch file, so a test does not copy a position that
    /// moves with every content edit.
    pub fn line_of(&self, file: &str, needle: &str) -> usize {
        let text = std::fs::read_to_string(self.0.join(file)).unwrap();
        text[..text.find(needle).unwrap_or_else(|| panic!("{file} has no {needle:?}"))].matches('\n').count()
            + 1
    }
}

impl Default for Scratch {
    fn default() -> Self {
        Self::new()
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// A document written from the code (`docs/…`) must be committed as `fresh`. With `UPDATE_DOCS`
/// set the file is written and the test still fails, so a run that writes never passes: review
/// the diff, then run again without it.
pub fn assert_doc_current(doc: &str, fresh: &str, test: &str) {
    let path = root().join(doc);
    if std::env::var_os("UPDATE_DOCS").is_some() {
        std::fs::write(&path, fresh).unwrap();
        panic!("{doc} written: review the diff, then run `cargo test --test {test}` without UPDATE_DOCS");
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == fresh,
        "{doc} is out of date: run `UPDATE_DOCS=1 cargo test --test {test}`, review the diff, and run it again"
    );
}
