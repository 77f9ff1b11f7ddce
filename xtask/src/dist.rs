//! The drop-in bundle: Rust → wasm → wasm-bindgen → wasm-opt → one minified classic script.

use std::path::PathBuf;
use std::process::Command;

use crate::{Result, root, run, tools};

pub const WASM_TARGET: &str = "wasm32-unknown-unknown";

/// Everything `build` needs.
pub fn ensure_tools() -> Result {
    tools::ensure_wasm_target(WASM_TARGET)?;
    tools::ensure_wasm_bindgen()?;
    tools::ensure_npm_packages()
}

/// Builds `dist/digital-hotline.js` and `dist/digital-hotline.wasm` beside it.
pub fn build() -> Result {
    let root = root();
    let glue_dir = root.join("target/wasm-bindgen");
    let dist = root.join("dist");
    std::fs::create_dir_all(&dist).map_err(|error| format!("cannot create dist/: {error}"))?;

    run(Command::new("cargo").args([
        "build",
        "--release",
        "--package",
        "digital-hotline",
        "--lib",
        "--target",
        WASM_TARGET,
    ]))?;
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
        .arg(dist.join("digital-hotline.wasm")))?;
    run(Command::new(npm_bin("esbuild")).args([
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
        "--outfile=dist/digital-hotline.js",
    ]))?;
    run(Command::new("node").args([
        "xtask/size.mjs",
        "dist/digital-hotline.js",
        "dist/digital-hotline.wasm",
    ]))
}

fn npm_bin(name: &str) -> PathBuf {
    root().join("node_modules/.bin").join(name)
}
