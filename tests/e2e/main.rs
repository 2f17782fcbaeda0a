//! End-to-end tests: the built site in headless Chromium over WebDriver, each view and fault
//! from a visitor's side. One test binary with a module per area, rather than one binary per
//! area: each binary linked the whole test support and its dependencies again (12 links of
//! about 40 s and 360 MB each on two cores). Run through `make e2e`, which builds the site and
//! sets the variables the tests read; filter with `make e2e E2E_ARGS=updates::`.

#[path = "../common/mod.rs"]
mod common;
#[path = "../support/mod.rs"]
mod support;

mod a11y;
mod browse;
mod compare;
mod embed;
mod keyboard;
mod offline;
mod pages;
mod prefix;
mod search;
mod states;
mod updates;
mod views;
