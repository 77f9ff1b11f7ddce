//! The drop-in bundle: Rust → wasm → wasm-bindgen → wasm-opt → one minified classic script
//! that knows the wasm's integrity hash.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::{Result, imports, output, root, run, run_in, tools};

pub const WASM_TARGET: &str = "wasm32-unknown-unknown";
pub const JS: &str = "digital-hotline.js";
pub const WASM: &str = "digital-hotline.wasm";

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
    bundle(&[], &dist, &root().join("target"))?;
    size_report(&[dist.join(JS), dist.join(WASM)])
}

/// The same bundle with the `test-hooks` feature, in `target/test-bundle/`, for the browser
/// tests that need to make the wasm panic. Never published.
pub fn build_test_bundle() -> Result {
    bundle(
        &["--features", "test-hooks"],
        &root().join("target/test-bundle"),
        &root().join("target"),
    )
}

/// Builds the bundle of this checkout into `out` using the cargo target directory
/// `target_dir`.
pub fn bundle(cargo_args: &[&str], out: &Path, target_dir: &Path) -> Result {
    bundle_from(&root(), cargo_args, out, target_dir)
}

/// [`bundle`] of the checkout at `root` (the tools still come from this one's `node_modules`).
///
/// Paths that would end up in the wasm (the checkout, the cargo home, the target directory)
/// are remapped to fixed names, so the same commit builds to the same bytes anywhere.
pub fn bundle_from(root: &Path, cargo_args: &[&str], out: &Path, target_dir: &Path) -> Result {
    let glue_dir = target_dir.join("wasm-bindgen");
    std::fs::create_dir_all(out)
        .map_err(|error| format!("cannot create {}: {error}", out.display()))?;

    let remap = |from: &Path, to: &str| format!("--remap-path-prefix={}={to}", from.display());
    // rustc applies the last prefix that matches: the target directory, which may lie inside
    // the checkout or not, comes last so it reads `/target` either way.
    let rustflags = [
        remap(&tools::cargo_home(), "/cargo"),
        remap(root, "/digital-hotline"),
        remap(target_dir, "/target"),
    ]
    .join("\x1f");
    // From `root`, so its `.cargo/config.toml` applies.
    run_in(
        root,
        Command::new("cargo")
            .args([
                "build",
                "--release",
                "--package",
                "digital-hotline",
                "--lib",
                "--target",
                WASM_TARGET,
            ])
            .args(cargo_args)
            .env("CARGO_TARGET_DIR", target_dir)
            .env("CARGO_ENCODED_RUSTFLAGS", rustflags),
    )?;
    let wasm = target_dir.join(WASM_TARGET).join("release/digital_hotline.wasm");
    run(Command::new(tools::ensure_wasm_bindgen()?)
        .args(["--target", "web", "--no-typescript", "--out-dir"])
        .arg(&glue_dir)
        .arg(&wasm))?;
    // binaryen from npm: Debian's binaryen 108 writes wasm that fails in browsers. First the
    // exports nobody calls go, so their code can: Leptos always enables server_fn's browser
    // client, whose wasm-streams adapters are `#[wasm_bindgen]` classes (IntoUnderlying*).
    // Then passes run until nothing shrinks; sections a browser does not read are dropped.
    run(Command::new(npm_bin("wasm-opt"))
        .args([
            "--remove-exports",
            "--pass-arg=remove-exports@*intounderlying*",
            "-Oz",
            "--converge",
            "--strip-debug",
            "--strip-producers",
            "--strip-target-features",
        ])
        .arg(glue_dir.join("digital_hotline_bg.wasm"))
        .arg("-o")
        .arg(out.join(WASM)))?;
    let glue = glue_dir.join("digital_hotline.js");
    let short_glue = glue_dir.join("digital_hotline_short.js");
    let read = |file: &Path| {
        std::fs::read(file).map_err(|error| format!("cannot read {}: {error}", file.display()))
    };
    let write = |file: &Path, bytes: &[u8]| {
        std::fs::write(file, bytes)
            .map_err(|error| format!("cannot write {}: {error}", file.display()))
    };
    let glue_text = String::from_utf8(read(&glue)?).map_err(|_| "the glue is not UTF-8")?;
    let (wasm, glue_text) =
        imports::shorten(&read(&out.join(WASM))?, &glue_text, "./digital_hotline_bg.js")?;
    write(&out.join(WASM), &wasm)?;
    write(&short_glue, glue_text.as_bytes())?;
    // The loader fetches the wasm with this hash, so a changed wasm is refused.
    let integrity = integrity(&out.join(WASM))?;
    run(Command::new(npm_bin("esbuild"))
        .args([
            root.join("src/embed/loader.js").to_str().ok_or("checkout path is not UTF-8")?,
            "--bundle",
            "--format=iife",
            "--minify",
            // Old enough that a browser below the widget's floor still parses the script and
            // shows the fallback with one message (tests/browser/floor.test.mjs).
            "--target=es2017",
            "--legal-comments=none",
            // The glue's default wasm URL uses import.meta, which a classic script lacks; the
            // loader always passes the URL itself.
            "--log-override:empty-import-meta=silent",
        ])
        .arg(format!("--alias:digital-hotline-glue={}", short_glue.display()))
        .arg(format!("--define:WASM_INTEGRITY=\"{integrity}\""))
        .arg(format!("--outfile={}", out.join(JS).display())))
}

/// The Subresource Integrity value of a file, `sha384-…`.
pub fn integrity(file: &Path) -> Result<String> {
    output(Command::new("node").arg("xtask/integrity.mjs").arg(file))
        .map(|line| line.trim().to_owned())
        .ok_or_else(|| format!("cannot hash {}", file.display()))
}

/// Prints raw, gzip and brotli sizes of `files` and their total.
pub fn size_report(files: &[PathBuf]) -> Result {
    run(Command::new("node").arg("xtask/size.mjs").args(files))
}

fn npm_bin(name: &str) -> PathBuf {
    root().join("node_modules/.bin").join(name)
}
