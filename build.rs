//! Reads the reviewed content in `content/`, validates it, and writes it as Rust
//! statics into `OUT_DIR/content.rs` (included by `src/content.rs`).
//!
//! Bad content fails the build with `file:line: message`, so a reviewer's typo can
//! never reach a patient and the wasm carries no TOML parser.

#[path = "build/content_gen.rs"]
mod content_gen;
#[path = "build/keep_gen.rs"]
mod keep_gen;
#[path = "build/planner_gen.rs"]
mod planner_gen;

use std::path::{Path, PathBuf};

const CONTENT_DIR: &str = "content";
/// Claims from the seed articles that the fact sheet (§12) rules out; build data, not content.
const BANNED_CLAIMS: &str = "build/banned-claims.toml";

fn main() {
    planner_gen::run(CONTENT_DIR, BANNED_CLAIMS);
    keep_gen::run(CONTENT_DIR, BANNED_CLAIMS);
    println!("cargo:rerun-if-changed={CONTENT_DIR}");
    println!("cargo:rerun-if-changed=build/content_gen.rs");
    println!("cargo:rerun-if-changed={BANNED_CLAIMS}");
    match content_gen::generate(Path::new(CONTENT_DIR), Path::new(BANNED_CLAIMS)) {
        Ok(generated) => {
            let out = PathBuf::from(std::env::var("OUT_DIR").unwrap());
            std::fs::write(out.join("content.rs"), generated.content).expect("write generated content");
            std::fs::write(out.join("routes.rs"), generated.routes).expect("write generated routes");
        }
        Err(errors) => {
            eprintln!("\nContent in {CONTENT_DIR}/ failed validation:");
            for e in &errors {
                eprintln!("  {e}");
            }
            eprintln!();
            // Surface each message in cargo's own output as well.
            for e in &errors {
                println!("cargo:warning={e}");
            }
            std::process::exit(1);
        }
    }
}
