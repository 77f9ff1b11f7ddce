//! The drop-in bundle: Rust → wasm → wasm-bindgen → wasm-opt → one minified classic script.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::{Result, root, run, tools};

pub const WASM_TARGET: &str = "wasm32-unknown-unknown";

/// Everything `build` needs.
pub fn ensure_tools() -> Result {
    tools::ensure_wasm_target(WASM_TARGET)?;
    tools::ensure_wasm_bindgen()?;
    tools::ensure_npm_packages()
}

/// Builds `dist/digital-hotline.js` and `dist/digital-hotline.wasm` beside it, and prints
/// their sizes.
pub fn build() -> Result {
    let dist = root().join("dist");
    bundle(&[], &dist)?;
    run(Command::new("node").args([
        "xtask/size.mjs",
        "dist/digital-hotline.js",
        "dist/digital-hotline.wasm",
    ]))
}

/// The same bundle with the `test-hooks` feature, in `target/test-bundle/`, for the browser
/// tests that need to make the wasm panic. Never published.
pub fn build_test_bundle() -> Result {
    bundle(&["--features", "test-hooks"], &root().join("target/test-bundle"))
}

fn bundle(cargo_args: &[&str], out: &Path) -> Result {
    let root = root();
    let glue_dir = root.join("target/wasm-bindgen");
    std::fs::create_dir_all(out)
        .map_err(|error| format!("cannot create {}: {error}", out.display()))?;

    run(Command::new("cargo")
        .args([
            "build",
            "--release",
            "--package",
            "digital-hotline",
            "--lib",
            "--target",
            WASM_TARGET,
        ])
        .args(cargo_args))?;
    let wasm = root.join("target").join(WASM_TARGET).join("release/digital_hotline.wasm");
    run(Command::new(tools::ensure_wasm_bindgen()?)
        .args(["--target", "web", "--no-typescript", "--out-dir"])
        .arg(&glue_dir)
        .arg(&wasm))?;
    // binaryen from npm: Debian's binaryen 108 writes wasm that fails in browsers.
    run(Command::new(npm_bin("wasm-opt"))
        .args(["-Oz", "--strip-debug", "--strip-producers"])
        .arg(glue_dir.join("digital_hotline_bg.wasm"))
        .arg("-o")
        .arg(out.join("digital-hotline.wasm")))?;
    run(Command::new(npm_bin("esbuild"))
        .args([
            "src/embed/loader.js",
            "--bundle",
            "--format=iife",
            "--minify",
            "--target=es2022",
            "--legal-comments=none",
            "--alias:digital-hotline-glue=./target/wasm-bindgen/digital_hotline.js",
            // The glue's default wasm URL uses import.meta, which a classic script lacks; the
            // loader always passes the URL itself.
            "--log-override:empty-import-meta=silent",
        ])
        .arg(format!("--outfile={}", out.join("digital-hotline.js").display())))
}

fn npm_bin(name: &str) -> PathBuf {
    root().join("node_modules/.bin").join(name)
}
