//! The drop-in bundle: Rust → wasm → wasm-bindgen → wasm-opt, twice (without and with hosted
//! configs) → one minified classic script that knows both wasm files' integrity hashes.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Mutex;

use crate::{Result, glue, imports, output, root, run, run_in, tools};

pub const WASM_TARGET: &str = "wasm32-unknown-unknown";
pub const JS: &str = "digital-hotline.js";
/// The widget with the built-in config only: what a page without `config=` fetches.
pub const WASM: &str = "digital-hotline.wasm";
/// The widget with hosted configs (feature `hosted-config`): fetched only for `config=`.
pub const CONFIG_WASM: &str = "digital-hotline-config.wasm";
/// The feature that makes [`CONFIG_WASM`].
const HOSTED_CONFIG: &str = "hosted-config";

/// Everything `build` needs.
pub fn ensure_tools() -> Result {
    tools::ensure_wasm_target(WASM_TARGET)?;
    tools::ensure_wasm_bindgen()?;
    tools::ensure_npm_packages()
}

/// Builds `dist/digital-hotline.js` with both wasm files beside it, and prints their sizes:
/// what a page without `config=` loads, then what a page with it loads.
pub fn build() -> Result {
    let dist = root().join("dist");
    bundle(&[], &dist, &root().join("target"))?;
    size_report(&[dist.join(JS), dist.join(WASM)])?;
    size_report(&[dist.join(JS), dist.join(CONFIG_WASM)])
}

/// The same bundle with the `test-hooks` feature, in `target/test-bundle/`, for the browser
/// tests that need to make the wasm panic. Never published.
pub fn build_test_bundle() -> Result {
    bundle(&["test-hooks"], &root().join("target/test-bundle"), &root().join("target"))
}

/// Builds the bundle of this checkout into `out` using the cargo target directory
/// `target_dir`: the loader and both wasm files, each built with `features`.
pub fn bundle(features: &[&str], out: &Path, target_dir: &Path) -> Result {
    bundle_from(&root(), features, out, target_dir)
}

/// Bundles already built by this run: (checkout, features, target directory) and the folder
/// they went to. A second request for the same bundle (`cargo xtask test` builds `dist/` and
/// then the release) copies the files instead of switching cargo's features back and forth,
/// each switch a full build of the crate.
static BUILT: Mutex<Vec<(String, PathBuf)>> = Mutex::new(Vec::new());

/// [`bundle`] of the checkout at `root` (the tools still come from this one's `node_modules`).
pub fn bundle_from(root: &Path, features: &[&str], out: &Path, target_dir: &Path) -> Result {
    let key = format!("{}|{}|{}", root.display(), features.join(","), target_dir.display());
    let earlier = BUILT.lock().ok().and_then(|built| {
        built.iter().find(|(known, _)| *known == key).map(|(_, folder)| folder.clone())
    });
    if let Some(earlier) = earlier.filter(|earlier| earlier != out) {
        std::fs::create_dir_all(out)
            .map_err(|error| format!("cannot create {}: {error}", out.display()))?;
        for file in [JS, WASM, CONFIG_WASM] {
            copy(&earlier.join(file), &out.join(file))?;
        }
        return Ok(());
    }
    let light = wasm_from(root, features, &out.join(WASM), target_dir)?;
    let config = wasm_from(
        root,
        &[features, &[HOSTED_CONFIG]].concat(),
        &out.join(CONFIG_WASM),
        target_dir,
    )?;
    loader(root, &light, &config, &out.join(JS))?;
    if let Ok(mut built) = BUILT.lock() {
        built.push((key, out.to_owned()));
    }
    Ok(())
}

/// A built wasm and the glue that loads it.
pub struct Built {
    pub wasm: PathBuf,
    /// wasm-bindgen's JS for this very wasm, with its shortened import names.
    pub glue: PathBuf,
}

/// Builds the widget's wasm with `features` into `wasm` (this checkout; see [`wasm_from`]).
pub fn wasm(features: &[&str], wasm: &Path) -> Result<Built> {
    wasm_from(&root(), features, wasm, &root().join("target"))
}

/// Rust → wasm → wasm-bindgen → wasm-opt → short import names, for the checkout at `root`
/// with `features`, into the file `wasm`. The glue goes to a folder of its own per feature set
/// in `target_dir/wasm-bindgen/`, so one build's glue never replaces another's.
///
/// Paths that would end up in the wasm (the checkout, the cargo home, the target directory)
/// are remapped to fixed names, so the same commit builds to the same bytes anywhere.
fn wasm_from(root: &Path, features: &[&str], wasm: &Path, target_dir: &Path) -> Result<Built> {
    let name = if features.is_empty() { "default".to_owned() } else { features.join("+") };
    let glue_dir = target_dir.join("wasm-bindgen").join(name);
    if let Some(parent) = wasm.parent() {
        std::fs::create_dir_all(parent)
            .map_err(|error| format!("cannot create {}: {error}", parent.display()))?;
    }

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
            .args((!features.is_empty()).then(|| format!("--features={}", features.join(","))))
            .env("CARGO_TARGET_DIR", target_dir)
            .env("CARGO_ENCODED_RUSTFLAGS", rustflags),
    )?;
    let built = target_dir.join(WASM_TARGET).join("release/digital_hotline.wasm");
    run(Command::new(tools::ensure_wasm_bindgen()?)
        .args(["--target", "web", "--no-typescript", "--out-dir"])
        .arg(&glue_dir)
        .arg(&built))?;
    // binaryen from npm: Debian's binaryen 108 writes wasm that fails in browsers. Passes run
    // until nothing shrinks; sections a browser does not read are dropped. (The unused
    // wasm-streams exports Leptos brings are left out at link time: `.cargo/wasm-link.sh`.)
    run(Command::new(npm_bin("wasm-opt"))
        .args([
            "-Oz",
            "--converge",
            "--strip-debug",
            "--strip-producers",
            "--strip-target-features",
        ])
        .arg(glue_dir.join("digital_hotline_bg.wasm"))
        .arg("-o")
        .arg(wasm))?;
    let glue = glue_dir.join("digital_hotline.js");
    let short_glue = glue_dir.join("digital_hotline_short.js");
    let glue_text = String::from_utf8(read(&glue)?).map_err(|_| "the glue is not UTF-8")?;
    let glue_text = glue::without_removed_classes(&glue_text)?;
    let (bytes, glue_text) = imports::shorten(&read(wasm)?, &glue_text, "./digital_hotline_bg.js")?;
    write(wasm, &bytes)?;
    write(&short_glue, glue_text.as_bytes())?;
    Ok(Built { wasm: wasm.to_owned(), glue: short_glue })
}

/// esbuild bundles `src/embed/loader.js` with both glues into one minified classic script that
/// knows each wasm's integrity hash, so a changed wasm is refused.
fn loader(root: &Path, light: &Built, config: &Built, js: &Path) -> Result {
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
            // V8's explicit compile hint (Chrome 136+; a comment elsewhere): compile every
            // function while the script streams in, off the main thread, instead of each one on
            // its first call. Nearly all are called during load (the glue's imports on the first
            // render).
            "--banner:js=//# allFunctionsCalledOnLoad",
            // The glue's default wasm URL uses import.meta, which a classic script lacks; the
            // loader always passes the URL itself.
            "--log-override:empty-import-meta=silent",
        ])
        .arg(format!("--alias:digital-hotline-glue={}", light.glue.display()))
        .arg(format!("--alias:digital-hotline-config-glue={}", config.glue.display()))
        .arg(format!("--define:WASM_INTEGRITY=\"{}\"", integrity(&light.wasm)?))
        .arg(format!("--define:CONFIG_WASM_INTEGRITY=\"{}\"", integrity(&config.wasm)?))
        .arg(format!("--outfile={}", js.display())))
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

fn read(file: &Path) -> Result<Vec<u8>> {
    std::fs::read(file).map_err(|error| format!("cannot read {}: {error}", file.display()))
}

fn write(file: &Path, bytes: &[u8]) -> Result {
    std::fs::write(file, bytes).map_err(|error| format!("cannot write {}: {error}", file.display()))
}

fn copy(from: &Path, to: &Path) -> Result {
    std::fs::copy(from, to)
        .map(drop)
        .map_err(|error| format!("cannot copy {}: {error}", from.display()))
}
