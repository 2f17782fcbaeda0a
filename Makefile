# Midlands Health Resources: every task goes through here.
#
#   make serve   set up what is missing, then serve the app on http://127.0.0.1:8080
#   make test    set up what is missing, then run every check and test
#
# PUBLIC_URL is the one setting for the path prefix the site is served under; trunk writes it
# into <base href>, which the router and the dataset fetch read at run time.

# SITE_URL, when given, is the site's public address (https://example.org/partners/health/):
# every page then gets a canonical link and og:url, and the build writes sitemap.xml and
# robots.txt. Its path is the prefix, unless PUBLIC_URL says otherwise (the build refuses a
# mismatch). Without it, none of those are written.
SITE_URL ?=
export SITE_URL
PUBLIC_URL ?= $(if $(SITE_URL),$(shell printf '%s' '$(SITE_URL)' | sed -E 's#^[A-Za-z]+://[^/]*##; s#^$$#/#; s#([^/])$$#\1/#'),/)
TRUNK_VERSION := 0.21.14
# Splits the app's wasm into a main module and per-view chunks (xtask/src/app_build.rs).
WASM_SPLIT_VERSION := 0.2.4
# The wasm-bindgen CLI must equal the crate's version exactly; read it from Cargo.lock.
WASM_BINDGEN_VERSION := $(shell awk '/^name = "wasm-bindgen"$$/ {getline; gsub(/"/, "", $$3); print $$3; exit}' Cargo.lock)
TOOLS := $(CURDIR)/.tools
CARGO_BIN := $(HOME)/.cargo/bin
# The npm tools (binaryen's wasm-opt, terser, axe-core) are pinned by tools/package.json and
# its lockfile, and installed into .tools/ with `npm ci --ignore-scripts`: the lockfile's
# versions and integrity hashes, and no package's install script (none of the three needs
# one; binaryen's wasm-opt is JavaScript and wasm). The check compares each installed
# version with the pinned one, and runs wasm-opt and terser.
npm_pinned = $(shell node -p "require('./tools/package.json').dependencies['$(1)']")
# $(call npm_match,PINNED_DIR,INSTALL_DIR): true when every package PINNED_DIR/package.json
# names is installed in INSTALL_DIR/node_modules at its pinned version.
npm_match = node -e 'const want = require("./$(1)/package.json").dependencies; \
	for (const name in want) { let got; try { got = require("$(2)/node_modules/" + name + "/package.json").version; } catch (e) {} \
	if (got !== want[name]) process.exit(1); }'
NPM_TOOLS_MATCH := $(call npm_match,tools,$(TOOLS))
# npm's binaryen gives a working wasm-opt; Debian's (v108) silently breaks the module.
export PATH := $(TOOLS)/node_modules/.bin:$(CARGO_BIN):$(PATH)
export CHROMEDRIVER ?= /usr/bin/chromedriver
# The end-to-end tests run in Chromium's headless shell (faster: see tests/support/webdriver.rs);
# screenshots and benchmarks in the full browser, which is what visitors run.
HEADLESS_SHELL := /usr/lib/chromium/chromium-headless-shell
FULL_CHROME := /usr/bin/chromium
bench bench-peers screenshots: export CHROME ?= $(FULL_CHROME)
export WASM_BINDGEN_TEST_TIMEOUT ?= 120
export WASM_BINDGEN_TEST_DRIVER_TIMEOUT ?= 60

.PHONY: serve dist test test-lane-code test-lane-site app-wasm setup setup-browser setup-peers check unit wasm-test e2e size screenshots bench bench-engine bench-peers clean dist-prefixed

# Trunk's watcher ignores target/ (Trunk.toml) and refuses to start when it does not exist
# yet, as in a fresh clone. Serving sets up the test browsers too, so that after it a fresh
# machine has every tool the tests need. The debug build it serves is written under target/,
# never into dist/, which only ever holds a release build (the one `make e2e`, `make size`
# and `make screenshots` test).
SERVE_DIST := target/serve-dist
serve: setup setup-browser
	mkdir -p target
	trunk serve --public-url $(PUBLIC_URL) --dist $(SERVE_DIST)

# A step's tools are checked before it unless a variable says so: `make test` checks them once,
# and its lanes' makes skip it.
NEEDS_SETUP ?= setup
NEEDS_BROWSER ?= setup-browser

# `make test` builds the site as its other steps build (LINT, below), so that they share what
# they compile; `make dist` alone, the build a site deploys, builds without clippy.
dist: $(NEEDS_SETUP)
	$(DIST_LINT) trunk build --release --public-url $(PUBLIC_URL)

# `make test` runs in two lanes at once, then the end-to-end tests and the size report, which
# need both. The code's lane: clippy's builds, the native tests, the wasm tests. The site's: the
# release build, twice (`dist`, `dist-prefixed`). The release build is one process for most of
# its time (LTO, one codegen unit), which left the other core idle when the steps ran in a row.
# Cargo locks each build directory, and the lanes build in different ones (debug and release),
# so neither waits for the other. Each lane's lines are prefixed with its name. Measured in the
# README (Tests, "Latest figures").
test: setup setup-browser
	@$(MAKE) --no-print-directory -j2 test-lane-code test-lane-site
	@$(MAKE) --no-print-directory $(SET_UP) e2e size
	@echo "All checks and tests passed."

SET_UP := NEEDS_SETUP= NEEDS_BROWSER=
test-lane-%: SHELL := /bin/bash
test-lane-%: .SHELLFLAGS := -o pipefail -c
test-lane-code:
	@$(MAKE) --no-print-directory -j1 $(SET_UP) check unit wasm-test 2>&1 | sed -u 's/^/code | /'
test-lane-site:
	@$(MAKE) --no-print-directory -j1 $(SET_UP) DIST_LINT='$(LINT)' app-wasm dist dist-prefixed 2>&1 | sed -u 's/^/site | /'

# The app's release wasm, built as the first step of trunk's pre-build hook builds it (`link`
# in xtask/src/app_build.rs: these binaries, in release, without clippy), which then finds it
# built. The site's lane starts with it so that it starts at once: the hook is `cargo xtask`,
# which waits for the debug build directory while the code's lane builds there, and which
# links the library (the pages it writes), so after a change to a page it is built again
# after the native tests' build of the library, not beside it.
APP_BINARIES := app widget-app
app-wasm:
	cargo build --target wasm32-unknown-unknown --release $(addprefix --bin ,$(APP_BINARIES))

# The same site built for a path prefix, for the end-to-end test that serves it there.
TEST_PREFIX := /partners/health/
dist-prefixed: $(NEEDS_SETUP)
	SITE_URL= $(DIST_LINT) trunk build --release --public-url $(TEST_PREFIX) --dist target/dist-prefixed

# --- tools: each step is skipped when its tool is already there ---------------------------

# Each tool's version is checked, not only its presence. `cargo install` uses --locked (the
# crate's own lockfile) except for wasm-bindgen-cli, whose lockfile names a dependency version
# missing from the registry (see the README).
setup:
	@rustup target list --installed | grep -qx wasm32-unknown-unknown \
		|| rustup target add wasm32-unknown-unknown
	@trunk --version 2>/dev/null | grep -qx "trunk $(TRUNK_VERSION)" \
		|| cargo install trunk --version $(TRUNK_VERSION) --locked
	@wasm-bindgen --version 2>/dev/null | grep -qx "wasm-bindgen $(WASM_BINDGEN_VERSION)" \
		|| cargo install wasm-bindgen-cli --version $(WASM_BINDGEN_VERSION)
	@cargo install --list | grep -q "^wasm_split_cli_support v$(WASM_SPLIT_VERSION):" \
		|| cargo install wasm_split_cli_support --version $(WASM_SPLIT_VERSION) --features build-binary --locked
	@$(NPM_TOOLS_MATCH) \
		|| (mkdir -p $(TOOLS) && cp tools/package.json tools/package-lock.json $(TOOLS)/ \
			&& cd $(TOOLS) && npm ci --ignore-scripts --no-audit --no-fund --silent)
	@wasm-opt --version | grep -q "version $(firstword $(subst ., ,$(call npm_pinned,binaryen)))" \
		|| (echo "wasm-opt is not binaryen $(call npm_pinned,binaryen): $$(command -v wasm-opt)" && false)
	@terser --version | grep -qx "terser $(call npm_pinned,terser)" \
		|| (echo "terser is not $(call npm_pinned,terser): $$(command -v terser)" && false)

# Chromium's version is read from the binary behind Debian's launcher script (/usr/bin/chromium
# prints a shell error on these machines, "[: …: unexpected operator", whenever it runs).
setup-browser: setup
	@test -x $(FULL_CHROME) -a -x /usr/bin/chromedriver -a -x $(HEADLESS_SHELL) \
		|| (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver chromium-headless-shell)
	@major() { "$$1" --version | grep -o '[0-9]*' | head -1; }; \
		for browser in /usr/lib/chromium/chromium $(HEADLESS_SHELL); do \
			test "$$(major $$browser)" = "$$(major /usr/bin/chromedriver)" \
				|| { echo "$$browser and chromedriver differ in major version"; exit 1; }; \
		done
	@test "$$(node -p "require('$(TOOLS)/node_modules/axe-core/package.json').version")" = "$(call npm_pinned,axe-core)" \
		|| (echo "axe-core is not $(call npm_pinned,axe-core)" && false)

# --- checks and tests -----------------------------------------------------------------------

# Lint while building. `cargo clippy` is cargo's check with clippy-driver standing in for
# rustc on the workspace's own crates (RUSTC_WORKSPACE_WRAPPER, its arguments in CLIPPY_ARGS
# split by the marker below, as cargo-clippy 0.1.95 passes them). Given to a real build, the
# same driver lints and compiles in one pass, so `check` builds what the tests run, linting
# every crate of ours, and the later steps reuse it: the dependencies are no longer compiled a
# second time in check mode (from scratch, natively 149 -> 106 s, wasm32 92 -> 55 s, the
# tests' builds included). Every step of `make test` that runs cargo has them, so that each
# reuses the others' builds (cargo builds our crates again when they change); `xtask` drops
# them for the app's release wasm (xtask/src/app_build.rs). Only on those commands, never
# exported: `cargo install` in `setup` would lint the tools it installs, and `make serve`
# builds without them, so a warning never stops serving (cargo keeps both builds of our
# crates side by side: switching between serving and testing compiles nothing again).
LINT := RUSTC_WORKSPACE_WRAPPER=clippy-driver CLIPPY_ARGS=-D__CLIPPY_HACKERY__warnings__CLIPPY_HACKERY__
# The site's build under `make test` (its site lane passes LINT).
DIST_LINT :=

# The native test targets `cargo test --workspace` leaves out (`test = false`: the end-to-end
# tests, the size report, benchmarks and screenshots), built and so linted here too. For
# wasm32: the library, the two binaries, the wasm tests (with the feature the benchmark's
# example needs, which `wasm-test` passes too, so that it reuses this build).
NOT_IN_CARGO_TEST := e2e size_report bench_search bench_browser bench_startup screenshots
WASM_LINTED := --lib --bins --test wasm_components --test bench_wasm --example bench_engine --features bench-engine
check:
	cargo fmt --all -- --check
	@# CLIPPY_ARGS is cargo-clippy's own interface, not a documented one: fail rather than lint
	@# without `-D warnings` should clippy-driver ever stop reading it (a clippy warning here,
	@# which must fail as an error that names `-D warnings`, and nothing else).
	@mkdir -p $(BUILT)/lint-probe && echo 'pub fn probe(v: &Vec<u8>) -> usize { v.len() }' > $(BUILT)/lint-probe/probe.rs
	@out=$$($(LINT) clippy-driver rustc --edition 2021 --crate-type lib --emit metadata --out-dir $(BUILT)/lint-probe $(BUILT)/lint-probe/probe.rs 2>&1); \
		echo "$$out" | grep -q 'clippy::ptr-arg. implied by .-D warnings' \
		|| { echo "$$out"; echo "clippy-driver no longer fails on a warning with CLIPPY_ARGS (see LINT in the Makefile)"; false; }
	$(LINT) cargo test --workspace --no-run
	$(LINT) cargo test --workspace --no-run $(addprefix --test ,$(NOT_IN_CARGO_TEST))
	$(LINT) cargo build --target wasm32-unknown-unknown $(WASM_LINTED)

unit:
	$(LINT) cargo test --workspace

# Two tests at a time: 85 and 89 s against 103 and 105 s with one, on two cores, every test
# passing. Tests that hold a download back wait for the server's gate, not for time, and every
# wait allows 20 s; E2E_THREADS=1 runs them one at a time.
E2E_THREADS ?= 2
e2e:
	MHR_DIST=$(CURDIR)/dist MHR_DIST_PREFIXED=$(CURDIR)/target/dist-prefixed MHR_PREFIX=$(TEST_PREFIX) MHR_AXE=$(TOOLS)/node_modules/axe-core/axe.min.js $(LINT) cargo test --workspace --test e2e -- --test-threads=$(E2E_THREADS) $(E2E_ARGS)

wasm-test: $(NEEDS_BROWSER)
	$(LINT) cargo test --target wasm32-unknown-unknown --test wasm_components --features bench-engine

# Benchmarks: search natively (bench_search), then in Chromium (bench_browser: our engine's
# release wasm, and the first use of the site's search box at 10,000 resources with the Long
# Tasks API), filters in Chromium (bench_wasm), and start-up over cold loads (bench_startup).
# BENCH_ARGS goes to both search benchmarks: --sizes N,N, --corpus FILE, --queries FILE (the
# same JSON for both), and --export DIR to the native one (see tests/bench_search.rs);
# BENCH_STARTUP_ARGS takes --loads N, --profile NAME, --page PATH, --widget VIEW (a partner's
# page with one widget), --dist DIR (tests/bench_startup.rs).
bench: setup setup-browser dist bench-engine
	cargo test --release --test bench_search -- $(BENCH_ARGS)
	MHR_DIST=$(CURDIR)/dist cargo test --release --test bench_browser -- --engine $(BENCH_ENGINE) $(BENCH_ARGS)
	cargo test --release --target wasm32-unknown-unknown --test bench_wasm -- --nocapture
	MHR_DIST=$(CURDIR)/dist cargo test --release --test bench_startup -- $(BENCH_STARTUP_ARGS)

# Our engine beside MiniSearch and FlexSearch (pinned in tools/peers), on the same corpora and
# queries, in one Chromium session; BENCH_ARGS as for `make bench`.
bench-peers: setup setup-browser setup-peers bench-engine
	cargo test --release --test bench_browser -- --engine $(BENCH_ENGINE) --peers --no-first-use $(BENCH_ARGS)

# Our search engine as a JavaScript module (tests/bench/engine.rs), built and optimised as
# the app's release wasm is.
BUILT := $(or $(CARGO_TARGET_DIR),$(CURDIR)/target)
BENCH_ENGINE := $(BUILT)/bench-engine
bench-engine: setup
	cargo build --release --target wasm32-unknown-unknown --example bench_engine --features bench-engine
	wasm-bindgen --target web --no-typescript --out-dir $(BENCH_ENGINE) $(BUILT)/wasm32-unknown-unknown/release/examples/bench_engine.wasm
	wasm-opt -Os --low-memory-unused $(BENCH_ENGINE)/bench_engine_bg.wasm -o $(BENCH_ENGINE)/bench_engine_bg.wasm

setup-peers:
	@$(call npm_match,tools/peers,$(TOOLS)/peers) \
		|| (mkdir -p $(TOOLS)/peers && cp tools/peers/package.json tools/peers/package-lock.json $(TOOLS)/peers/ \
			&& cd $(TOOLS)/peers && npm ci --ignore-scripts --no-audit --no-fund --silent)

size:
	$(LINT) cargo test --workspace --test size_report -- $(CURDIR)/dist

clean:
	rm -rf dist target

# Built as `check` builds it (with the workspace and LINT), so that after `make test` it only runs.
screenshots:
	MHR_DIST=$(CURDIR)/dist $(LINT) cargo test --workspace --test screenshots
