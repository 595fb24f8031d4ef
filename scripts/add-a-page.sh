#!/usr/bin/env bash
# Adding a page is one new file in content/pages/ plus one line in content/site.toml (issue #16).
# This proves it on a real build: a copy of the project gets a page "travel" and one navigation
# line, nothing else; the copy is built as `make dist` builds (trunk, xtask), and then
#   - tests/add-a-page-check.mjs reads the build: the page's folder, its place in every page's
#     navigation and in the start page's contents, the search index, the offline list and the
#     build manifest;
#   - the end-to-end walks (shell, no-js, offline) run against that build, unchanged.
# The copy's own target directory is kept between runs (ADD_A_PAGE_DIR, default under /tmp).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=${ADD_A_PAGE_DIR:-/tmp/baclofen-add-a-page}
COPY="$WORK/project"
export CARGO_TARGET_DIR="$WORK/target"

rm -rf "$COPY"
mkdir -p "$COPY" "$CARGO_TARGET_DIR"
# The project as it is now (tracked and new files, not ignored ones such as target/ or dist/).
(cd "$ROOT" && git ls-files -z --cached --others --exclude-standard | xargs -0 tar -cf - 2>/dev/null) |
  tar -xf - -C "$COPY"
ln -s "$ROOT/node_modules" "$COPY/node_modules"
# A first run starts from the main build's compiled dependencies (the same registry crates).
if [ ! -d "$CARGO_TARGET_DIR/wasm32-unknown-unknown" ] && [ -d "$ROOT/target/wasm32-unknown-unknown/release" ]; then
  mkdir -p "$CARGO_TARGET_DIR/wasm32-unknown-unknown"
  cp -a "$ROOT/target/wasm32-unknown-unknown/release" "$CARGO_TARGET_DIR/wasm32-unknown-unknown/"
fi

# The one new file ...
cat > "$COPY/content/pages/travel.toml" <<'EOF'
nav_label = "Travel"
title = "Travelling with baclofen"
description = "A page added by scripts/add-a-page.sh to prove that a page is one file and one line."
keywords = ["holiday", "trip"]

[[block]]
type = "heading"
text = "Before you go"

[[block]]
type = "paragraph"
text = "Pack enough medicine for the whole trip."
editorial = true
EOF
# ... and the one line: after "storage" in `navigation`.
sed -i 's/^  "storage",$/  "storage",\n  "travel",/' "$COPY/content/site.toml"
grep -q '^  "travel",$' "$COPY/content/site.toml" || { echo 'add-a-page: could not add the navigation line' >&2; exit 1; }

# Built the way `make dist` builds (the post-build hook runs target/debug/xtask).
ln -sfn "$CARGO_TARGET_DIR" "$COPY/target"
(cd "$COPY" && cargo build --quiet -p xtask && trunk build --release > "$WORK/build.log" 2>&1) || {
  tail -40 "$WORK/build.log" >&2
  exit 1
}

node "$ROOT/tests/add-a-page-check.mjs" "$COPY/dist" travel storage
cd "$ROOT"
E2E_DIST="$COPY/dist" node --test tests/e2e/shell.test.mjs tests/e2e/no-js.test.mjs tests/e2e/offline.test.mjs
