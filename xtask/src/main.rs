//! The project's commands: `cargo xtask demo | test | dist | release | bench | browser`.
//!
//! Each command first installs what a fresh machine lacks (see `tools.rs`), so the README's two
//! commands work on a machine with only rustup, Node/npm and apt.

mod dist;
mod glue;
mod imports;
mod release;
mod tools;

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

const USAGE: &str = "\
usage: cargo xtask <command>

  demo   install what is missing, build the bundle, serve the demo page on http://127.0.0.1:8080
  test   install what is missing, then fmt, clippy (host + wasm32), cargo test, the bundle,
         the browser tests and the reproducible-build check (what CI runs)
  dist   build the drop-in bundle: dist/digital-hotline.js + dist/digital-hotline.wasm (no hosted
         config) + dist/digital-hotline-config.wasm (fetched only for config=)
  release [--base-url URL] [--verify]
         the versioned folder to host: dist/digital-hotline/<version>/ with the loader, both
         wasm files, hotline.json and embed.html (the snippet, integrity included); --verify builds
         again from scratch in a copy of the checkout elsewhere and checks the files are
         byte-identical
  bench  size and speed report, side by side with a peer page on npm opening_hours
         (BENCH_LOADS=15 cold loads per page by default), then Lighthouse on a municipal
         page with the widget and with its fallback only (never pass/fail)
  browser  build the bundles and run only the browser tests (quicker while working on them;
         `-- PATTERN` runs the tests whose names match)
";

fn main() -> ExitCode {
    let command = std::env::args().nth(1).unwrap_or_default();
    let result = match command.as_str() {
        "demo" => demo(),
        "test" => test(),
        "dist" => dist::ensure_tools().and_then(|()| dist::build()),
        "release" => dist::ensure_tools()
            .and_then(|()| release::release(&std::env::args().skip(2).collect::<Vec<_>>())),
        "bench" => dist::ensure_tools()
            .and_then(|()| tools::ensure_chromium())
            .and_then(|()| release::release(&[]))
            .and_then(|()| run(Command::new("node").arg("bench/run.mjs")))
            .and_then(|()| run(Command::new("node").arg("bench/lighthouse.mjs"))),
        "browser" => dist::ensure_tools()
            .and_then(|()| tools::ensure_browsers())
            .and_then(|()| browser_tests(std::env::args().nth(2).as_deref())),
        _ => {
            eprint!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("xtask {command}: {message}");
            ExitCode::FAILURE
        }
    }
}

/// An error message for the person at the terminal.
type Result<T = ()> = std::result::Result<T, String>;

fn demo() -> Result {
    dist::ensure_tools()?;
    dist::build()?;
    release::release(&[])?;
    println!("Demo: http://127.0.0.1:8080/  (Ctrl+C to stop)");
    run(Command::new("node").args(["xtask/serve.mjs", "--port", "8080"]))
}

fn test() -> Result {
    dist::ensure_tools()?;
    tools::ensure_browsers()?;
    run(Command::new("cargo").args(["fmt", "--all", "--", "--check"]))?;
    run(Command::new("cargo").args([
        "clippy",
        "--workspace",
        "--all-targets",
        "--",
        "-D",
        "warnings",
    ]))?;
    // The wasm code with every feature, and as the two widget builds have it without hosted
    // configs (the published one, and the test bundle's).
    for features in [&["--all-features"][..], &[], &["--features", "test-hooks"]] {
        run(Command::new("cargo")
            .args(["clippy", "--package", "digital-hotline", "--all-targets"])
            .args(features)
            .args(["--target", dist::WASM_TARGET, "--", "-D", "warnings"]))?;
    }
    run(Command::new("cargo").args(["test", "--workspace"]))?;
    browser_tests(None)?;
    release::verify_reproducible()
}

/// Both bundles, then the browser tests (`node --test`), optionally only those matching.
fn browser_tests(pattern: Option<&str>) -> Result {
    dist::build_test_bundle()?;
    dist::build()?;
    release::release(&[])?;
    let mut node = Command::new("node");
    node.arg("--test");
    if let Some(pattern) = pattern {
        node.arg(format!("--test-name-pattern={pattern}"));
    }
    run(node.arg("tests/browser/"))
}

/// The workspace root: every command runs from there.
fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("xtask lives in the workspace").to_owned()
}

/// Runs a command from the workspace root, echoing it; fails unless it exits with success.
fn run(command: &mut Command) -> Result {
    run_in(&root(), command)
}

/// [`run`] from another directory (a second checkout, for the reproducibility check).
fn run_in(dir: &Path, command: &mut Command) -> Result {
    let shown = format!("{command:?}").replace('"', "");
    println!("$ {shown}");
    let status = command
        .current_dir(dir)
        .status()
        .map_err(|error| format!("could not start `{shown}`: {error}"))?;
    if status.success() { Ok(()) } else { Err(format!("`{shown}` failed ({status})")) }
}

/// Runs a command from the workspace root and returns its standard output, or `None` when it
/// cannot start or fails (used to ask tools for their version).
fn output(command: &mut Command) -> Option<String> {
    let output = command.current_dir(root()).output().ok()?;
    output.status.success().then(|| String::from_utf8_lossy(&output.stdout).into_owned())
}
