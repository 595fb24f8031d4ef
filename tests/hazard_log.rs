//! Keeps `docs/clinical-safety.md` honest: every Rust test it names must exist.
#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;

fn rust_sources(dir: &Path, out: &mut String) {
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir()
            && !path.ends_with("target")
            && !path.ends_with("node_modules")
            && !path.ends_with(".git")
        {
            rust_sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push_str(&std::fs::read_to_string(&path).unwrap());
        }
    }
}

#[test]
fn every_test_named_in_the_hazard_log_exists() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let log = std::fs::read_to_string(root.join("docs/clinical-safety.md")).unwrap();
    let mut code = String::new();
    for dir in ["src", "tests", "crates", "xtask"] {
        rust_sources(&root.join(dir), &mut code);
    }
    let names: Vec<&str> = log
        .split('`')
        .skip(1)
        .step_by(2)
        .filter(|s| {
            s.matches('_').count() >= 2
                && s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
        })
        .collect();
    assert!(names.len() >= 20, "only {} test names found in the hazard log", names.len());
    for name in names {
        assert!(code.contains(&format!("fn {name}(")), "the hazard log names `{name}`, which is not a test");
    }
    let e2e: String = std::fs::read_dir(root.join("tests/e2e"))
        .unwrap()
        .flatten()
        .filter(|e| e.path().to_string_lossy().ends_with(".test.mjs"))
        .map(|e| std::fs::read_to_string(e.path()).unwrap())
        .collect();
    for line in log.lines().filter(|l| l.starts_with("| H")) {
        assert!(line.contains("e2e") || line.contains('`'), "{line}: names no test");
        for title in line.split("e2e `").skip(1).filter_map(|rest| rest.split('`').next()) {
            let title = title.trim_end_matches('…');
            assert!(
                e2e.contains(title),
                "the hazard log names the end-to-end test {title:?}, which does not exist"
            );
        }
    }
}
