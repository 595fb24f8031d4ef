//! Keeps `docs/clinical-safety.md` honest: every Rust test it names must exist, as a function
//! marked `#[test]` or `#[wasm_bindgen_test]` (code review §3.9: a helper of the same name is not a test).
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

/// Whether `code` defines `fn name(` as a test: a `#[test]` or `#[wasm_bindgen_test]` attribute
/// stands before the `fn`, with only other attributes, doc comments and blank lines between.
/// A helper function of the same name is not evidence.
fn is_test_function(code: &str, name: &str) -> bool {
    let needle = format!("fn {name}(");
    code.match_indices(&needle).any(|(at, _)| {
        let line_start = code[..at].rfind('\n').map_or(0, |n| n + 1);
        let before_fn = code[line_start..at].trim();
        if !before_fn.is_empty() && before_fn != "pub" && before_fn != "async" && before_fn != "pub async" {
            return false;
        }
        for line in code[..line_start].lines().rev() {
            let line = line.trim();
            if line == "#[test]" || line == "#[wasm_bindgen_test]" || line.starts_with("#[wasm_bindgen_test(")
            {
                return true;
            }
            if line.is_empty() || line.starts_with("///") || line.starts_with("//") || line.starts_with("#[")
            {
                continue;
            }
            return false;
        }
        false
    })
}

#[test]
fn only_functions_marked_as_tests_count_as_evidence() {
    let code = "fn helper_used_by_tests() {}\n\n#[test]\n/// Proves it.\nfn a_real_test_here() {}\n\n#[wasm_bindgen_test]\nasync fn a_browser_test_here() {}\n";
    assert!(is_test_function(code, "a_real_test_here"));
    assert!(is_test_function(code, "a_browser_test_here"));
    assert!(!is_test_function(code, "helper_used_by_tests"));
    assert!(!is_test_function(code, "not_there_at_all"));
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
        assert!(is_test_function(&code, name), "the hazard log names `{name}`, which is not a test");
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
