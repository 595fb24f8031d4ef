# Two commands for a fresh machine: `make serve` and `make test`. Everything else is here too.
SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help

export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export CHROMEDRIVER ?= /usr/bin/chromedriver
export TRUNK_SKIP_VERSION_CHECK := true
WASM := --target wasm32-unknown-unknown
PORT ?= 8080

.PHONY: help tools dist serve example bench bench-compare budget budget-check watch test lint lint-js test-js test-native test-wasm test-e2e test-add-a-page clean

help:
	@echo "make serve   install what is missing, build the release bundle, serve it on http://127.0.0.1:$(PORT)/"
	@echo "make test    install what is missing, run every check and test"
	@echo "make dist    build the static bundle into dist/"
	@echo "make watch   rebuild on change and serve with trunk (development)"
	@echo "make bench   sizes, Lighthouse, offline reload and engine timings -> bench/report.md"
	@echo "make example the guide on :$(PORT) embedded in an example clinic page on http://127.0.0.1:8081/clinic.html"

tools:
	@scripts/install-tools.sh

# The post-build hook (Trunk.toml) runs xtask, so it is built first.
dist: tools
	cargo build --quiet -p xtask
	trunk build --release

serve: dist
	node tests/e2e/serve.mjs --root dist --port $(PORT)

# The guide on $(PORT) (allowing the example's origin in its config) and a clinic page on 8081.
example: dist
	node tests/e2e/serve.mjs --root dist --port $(PORT) --config examples/config.json & \
	trap 'kill $$!' EXIT; node tests/e2e/serve.mjs --root examples --port 8081

# Size budgets (tests/budget.mjs, from dist/build-manifest.json): prints every module and first view
# against its target; fails above the ceilings.
budget: dist budget-check

budget-check:
	node tests/budget.mjs

# Lighthouse is installed here only (bench/package-lock.json), so `make test` stays lean.
bench: dist
	npm ci --prefix bench --no-audit --no-fund --silent
	node bench/run.mjs

# Today's build against another in one run, helper pages only: make bench-compare BEFORE=path/to/dist
bench-compare: dist
	node bench/compare.mjs $(BEFORE) dist

watch: tools
	cargo build --quiet -p xtask
	trunk serve

test: tools lint test-js test-native test-wasm dist budget-check test-e2e test-add-a-page

lint: lint-js
	cargo fmt --all -- --check
	cargo clippy --quiet --workspace --all-targets -- -D warnings
	cargo clippy --quiet -p baclofen-guide --all-targets $(WASM) -- -D warnings

# The JavaScript the guide ships (static/*.js, xtask/*.js): biome (biome.jsonc) and the TypeScript
# checker over the JavaScript as it is (jsconfig.json for the page scripts, jsconfig.sw.json for
# the service worker), versions pinned in package.json.
lint-js:
	@[ -x node_modules/.bin/biome ] && [ -x node_modules/.bin/tsc ] || npm ci --no-audit --no-fund
	biome lint --error-on-warnings
	tsc -p jsconfig.json
	tsc -p jsconfig.sw.json

# Node unit tests of the shipped scripts' logic (tests/js), against the fact sheet and the docs.
test-js:
	node --test tests/js/

test-native:
	cargo test --workspace
	@# The vignette audit's one line (issue #13): N stories, appropriate, under- and over-triaged.
	cargo test --quiet --test vignettes -- --nocapture | grep -E '^(vignettes:|  (UNDER|WRONG|over))'
	@# Calendar files (#19) read back by a real iCalendar parser (ical.js), carer QR codes by jsQR.
	node --test tests/calendar.test.mjs tests/carer-qr.test.mjs

test-wasm:
	cargo test -p baclofen-guide $(WASM) --test web --test web_checker --test web_keep --test web_planner

test-e2e:
	node tests/e2e/run.mjs

# A copy of the project with one more page (one file, one line) is built and walked end to end.
test-add-a-page: tools
	scripts/add-a-page.sh

clean:
	cargo clean
	rm -rf dist tests/e2e/artifacts
