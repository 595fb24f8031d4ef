//! Issue #16: arrows only downward. No module of the guide's crate, nor of `xtask`, imports a
//! module that imports it back, directly or round a longer loop. Read from the sources' `crate::`
//! paths (outside `#[cfg(test)]` code), one node per file.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Loops known and waiting for a fix (none today); a pair here must go, not grow.
const KNOWN: [(&str, &str); 0] = [];

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            // The entry points sit on top of everything; nothing imports them.
            if !path.ends_with("bin") {
                files(&path, out);
            }
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// `src/components/link.rs` → `components::link`; `src/boot/mod.rs` → `boot`.
fn module_of(src: &Path, file: &Path) -> String {
    let rel = file.strip_prefix(src).unwrap().with_extension("");
    let mut parts: Vec<String> = rel.iter().map(|p| p.to_string_lossy().into_owned()).collect();
    if parts.last().is_some_and(|p| p == "mod") {
        parts.pop();
    }
    parts.join("::")
}

/// Every `crate::a::b` path in the code, as the longest prefix that is a module of `modules`.
fn imports(code: &str, modules: &BTreeSet<String>) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    for (start, _) in code.match_indices("crate::") {
        let rest = &code[start + "crate::".len()..];
        let path: String =
            rest.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == ':').collect();
        let segments: Vec<&str> = path.split("::").filter(|s| !s.is_empty()).collect();
        for n in (1..=segments.len()).rev() {
            let candidate = segments[..n].join("::");
            if modules.contains(&candidate) {
                found.insert(candidate);
                break;
            }
        }
    }
    found
}

/// The import graph of the crate whose sources are in `dir` (`src`, `xtask/src`).
fn graph(dir: &str) -> BTreeMap<String, BTreeSet<String>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    let mut all = Vec::new();
    files(&src, &mut all);
    let modules: BTreeSet<String> = all.iter().map(|f| module_of(&src, f)).collect();
    all.iter()
        .map(|file| {
            let text = std::fs::read_to_string(file).unwrap();
            let code = text.split("#[cfg(test)]").next().unwrap_or_default();
            let me = module_of(&src, file);
            let mut uses = imports(code, &modules);
            // A module may use its own children and parent folder freely.
            uses.retain(|m| {
                m != &me && !m.starts_with(&format!("{me}::")) && !me.starts_with(&format!("{m}::"))
            });
            (me, uses)
        })
        .collect()
}

fn reaches(graph: &BTreeMap<String, BTreeSet<String>>, from: &str, to: &str) -> Option<Vec<String>> {
    let mut seen = BTreeSet::new();
    let mut stack = vec![vec![from.to_string()]];
    while let Some(path) = stack.pop() {
        let last = path.last().unwrap().clone();
        for next in graph.get(&last).into_iter().flatten() {
            if next == to {
                let mut found = path.clone();
                found.push(next.clone());
                return Some(found);
            }
            if seen.insert(next.clone()) {
                let mut longer = path.clone();
                longer.push(next.clone());
                stack.push(longer);
            }
        }
    }
    None
}

/// Panics with the loop if a module of `graph` imports one that leads back to it.
fn assert_no_cycle(graph: &BTreeMap<String, BTreeSet<String>>) {
    let known = |a: &str, b: &str| KNOWN.iter().any(|(x, y)| (a, b) == (*x, *y) || (a, b) == (*y, *x));
    for (module, uses) in graph {
        for used in uses {
            if known(module, used) {
                continue;
            }
            if let Some(back) = reaches(graph, used, module) {
                if back.windows(2).any(|w| known(&w[0], &w[1])) {
                    continue;
                }
                panic!("{module} imports {used}, which leads back: {}", back.join(" → "));
            }
        }
    }
}

#[test]
fn no_module_imports_a_module_that_imports_it_back() {
    let graph = graph("src");
    assert!(graph.len() > 20, "only {} modules found", graph.len());
    assert_no_cycle(&graph);
}

#[test]
fn no_xtask_module_imports_a_module_that_imports_it_back() {
    let graph = graph("xtask/src");
    assert!(graph.len() >= 8, "only {} xtask modules found", graph.len());
    assert!(graph.values().any(|uses| !uses.is_empty()), "xtask's imports are read");
    assert_no_cycle(&graph);
}

#[test]
fn the_cycle_check_finds_a_cycle() {
    // The checker itself, on a made-up pair of modules.
    let mut graph = BTreeMap::new();
    graph.insert("a".to_string(), BTreeSet::from(["b".to_string()]));
    graph.insert("b".to_string(), BTreeSet::from(["c".to_string()]));
    graph.insert("c".to_string(), BTreeSet::from(["a".to_string()]));
    assert_eq!(reaches(&graph, "b", "a"), Some(vec!["b".into(), "c".into(), "a".into()]));
    let modules =
        BTreeSet::from(["app".to_string(), "components::link".to_string(), "components".to_string()]);
    assert_eq!(
        imports("use crate::components::link::{self, Link};\nuse crate::app::MAIN_ID;", &modules),
        BTreeSet::from(["components::link".to_string(), "app".to_string()])
    );
}
