//! The versioned release folder web teams host: `dist/digital-hotline/<version>/` with the
//! loader, both wasm files (without and with hosted configs), the built-in config as a starting point for a hosted one, and the exact
//! snippet to paste, integrity hash included.

use std::path::{Path, PathBuf};
use std::process::{self, Command};

use crate::dist::{self, CONFIG_WASM, JS, WASM};
use crate::{Result, output, root, run};

const CONFIG: &str = "hotline.json";
const SNIPPET: &str = "embed.html";
/// Styles the fallback markup in the snippet before any script runs (`xtask/page-css.mjs`).
const CSS: &str = "digital-hotline.css";

/// `cargo xtask release [--base-url URL] [--verify]`.
pub fn release(args: &[String]) -> Result {
    let mut base_url = String::new();
    let mut verify = false;
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--base-url" => base_url = args.next().ok_or("--base-url needs a URL")?.clone(),
            "--verify" => verify = true,
            other => return Err(format!("unknown option {other}")),
        }
    }
    if !base_url.is_empty() && !base_url.ends_with('/') {
        base_url.push('/');
    }
    let version = package_version()?;
    let out = release_dir()?;
    let _ = std::fs::remove_dir_all(&out);
    dist::bundle(&[], &out, &root().join("target"))?;
    copy(&root().join("src/config/hotline.json"), &out.join(CONFIG))?;
    checker(&out)?;
    contract(&out)?;
    let integrity = dist::integrity(&out.join(JS))?;
    page_stylesheet(&out.join(CSS))?;
    let css =
        Linked { href: format!("{base_url}{CSS}"), integrity: dist::integrity(&out.join(CSS))? };
    let script = Linked { href: format!("{base_url}{JS}"), integrity: integrity.clone() };
    write(&out.join(SNIPPET), &snippet(&version, &css, &script, &prerender("da", "full")?))?;
    fallbacks(&version, &css.integrity)?;
    // For the demo page's snippet builder: which release, and the loader's hash.
    let manifest = format!(
        "{{\"version\": \"{version}\", \"js\": \"{version}/{JS}\", \"integrity\": \"{integrity}\"}}\n"
    );
    write(&root().join("dist/digital-hotline/release.json"), &manifest)?;
    npm_package(&out, &version)?;
    // What a page loads without `config=`, and with it (its config included).
    dist::size_report(&[out.join(JS), out.join(WASM)])?;
    dist::size_report(&[out.join(JS), out.join(CONFIG_WASM), out.join(CONFIG)])?;
    precompress(&out)?;
    println!("Release {version}: {}", out.display());
    if verify {
        verify_reproducible()?;
    }
    Ok(())
}

/// The config checker page for whoever edits the hours: `check.html` with its stylesheet and
/// script, and `check.wasm`: the widget's code with hosted configs and the checker's entry
/// points (the `checker` feature), so the widget's own wasm files do not carry them.
fn checker(out: &Path) -> Result {
    let built = dist::wasm(&["checker"], &out.join("check.wasm"))?;
    let source = root().join("src/checker");
    for file in ["check.html", "check.css"] {
        copy(&source.join(file), &out.join(file))?;
    }
    // The glue of that very build, with its wasm's shortened import names.
    let glue = built.glue;
    run(Command::new(root().join("node_modules/.bin/esbuild"))
        .arg(source.join("check.js"))
        .args(["--bundle", "--format=iife", "--minify", "--target=es2022", "--legal-comments=none"])
        .arg("--log-override:empty-import-meta=silent")
        .arg(format!("--alias:digital-hotline-glue={}", glue.display()))
        .arg(format!("--outfile={}", out.join("check.js").display())))
}

/// `digital-hotline.d.ts` (with `-react` and `-preact` companions for their JSX) and
/// `custom-elements.json`, generated from the element's one description
/// (`src/embed/contract.json`).
fn contract(out: &Path) -> Result {
    run(Command::new("node").arg("xtask/contract.mjs").arg(out))
}

/// The files a package carries, from the release folder.
const PACKAGE_FILES: [&str; 9] = [
    JS,
    WASM,
    CONFIG_WASM,
    "digital-hotline.d.ts",
    "digital-hotline-react.d.ts",
    "digital-hotline-preact.d.ts",
    "custom-elements.json",
    SNIPPET,
    CONFIG,
];

/// An npm-ready folder, `dist/npm/`: the release's widget, types and manifest with a
/// `package.json` at the release's version, the licence and a README for the package. Never
/// published by this project; `npm pack` of it is tested (`tests/browser/package.test.mjs`).
fn npm_package(out: &Path, version: &str) -> Result {
    let package = root().join("dist/npm");
    let _ = std::fs::remove_dir_all(&package);
    std::fs::create_dir_all(&package)
        .map_err(|error| format!("cannot create {}: {error}", package.display()))?;
    for file in PACKAGE_FILES {
        copy(&out.join(file), &package.join(file))?;
    }
    copy(&root().join("src/package/README.md"), &package.join("README.md"))?;
    write(&package.join("LICENSE"), MIT_LICENSE)?;
    let files = PACKAGE_FILES.map(|file| format!("\"{file}\"")).join(", ");
    let manifest = format!(
        r#"{{
  "name": "digital-hotline",
  "version": "{version}",
  "description": "<digital-hotline>: is Den Digitale Hotline (70 20 00 00) open right now? A drop-in web component.",
  "license": "MIT",
  "keywords": ["web-component", "custom-element", "opening-hours", "denmark"],
  "types": "./digital-hotline.d.ts",
  "customElements": "./custom-elements.json",
  "exports": {{
    ".": {{ "types": "./digital-hotline.d.ts", "default": "./digital-hotline.js" }},
    "./react": {{ "types": "./digital-hotline-react.d.ts" }},
    "./preact": {{ "types": "./digital-hotline-preact.d.ts" }},
    "./digital-hotline.js": "./digital-hotline.js",
    "./digital-hotline.wasm": "./digital-hotline.wasm",
    "./digital-hotline-config.wasm": "./digital-hotline-config.wasm",
    "./custom-elements.json": "./custom-elements.json",
    "./embed.html": "./embed.html",
    "./hotline.json": "./hotline.json",
    "./package.json": "./package.json"
  }},
  "files": [{files}],
  "sideEffects": true
}}
"#
    );
    write(&package.join("package.json"), &manifest)
}

/// The licence `Cargo.toml` names (`license = "MIT"`).
const MIT_LICENSE: &str = "MIT License

Copyright (c) 2026 The digital-hotline authors

Permission is hereby granted, free of charge, to any person obtaining a copy of this software
and associated documentation files (the \"Software\"), to deal in the Software without
restriction, including without limitation the rights to use, copy, modify, merge, publish,
distribute, sublicense, and/or sell copies of the Software, and to permit persons to whom the
Software is furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all copies or
substantial portions of the Software.

THE SOFTWARE IS PROVIDED \"AS IS\", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING
BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND
NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM,
DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.
";

/// A file the snippet links, with its Subresource Integrity hash.
struct Linked {
    href: String,
    integrity: String,
}

/// The embed as a web team pastes it (DESIGN §1): the page stylesheet and the loader with
/// their integrity hashes, and the element whose content is the box rendered ahead of time
/// (`fallback`), so it has its final size at first paint and shows name, number and hours
/// with no script at all.
fn snippet(version: &str, css: &Linked, script: &Linked, fallback: &str) -> String {
    let Linked { href: css_href, integrity: css_integrity } = css;
    let Linked { href: src, integrity } = script;
    format!(
        "<!-- Den Digitale Hotline, digital-hotline {version}. Paste where the box should be. -->
<link rel=\"stylesheet\" href=\"{css_href}\" integrity=\"{css_integrity}\" crossorigin=\"anonymous\">
<script src=\"{src}\" defer integrity=\"{integrity}\" crossorigin=\"anonymous\"></script>
<digital-hotline lang=\"da\">
{fallback}
</digital-hotline>
"
    )
}

/// Builds the bundle again from scratch in a copy of the checkout at another path, with
/// another target directory, and compares its files (the loader and both wasm files) with the
/// release in `dist/` byte for byte.
///
/// The copy holds the files git knows (tracked, and untracked but not ignored) as they are
/// in the working tree, so uncommitted edits are compared too.
pub fn verify_reproducible() -> Result {
    let out = release_dir()?;
    let scratch = std::env::temp_dir().join(format!("digital-hotline-reproduce-{}", process::id()));
    let _ = std::fs::remove_dir_all(&scratch);
    let (checkout, target, again) =
        (scratch.join("checkout"), scratch.join("target"), scratch.join("out"));
    println!("Building again in {} to compare…", checkout.display());
    let result = copy_checkout(&checkout)
        .and_then(|()| dist::bundle_from(&checkout, &[], &again, &target))
        .and_then(|()| {
            for file in BUNDLE {
                if read(&out.join(file))? != read(&again.join(file))? {
                    return Err(format!(
                        "{file} differs between two builds of the same source (kept for \
                         comparison: {} and {})",
                        out.join(file).display(),
                        again.join(file).display()
                    ));
                }
            }
            Ok(())
        });
    if result.is_ok() {
        let _ = std::fs::remove_dir_all(&scratch);
        let files = BUNDLE.join(", ");
        println!("Reproducible: {files} are byte-identical across two clean builds.");
    }
    result
}

/// The files `dist::bundle` builds.
const BUNDLE: [&str; 3] = [JS, WASM, CONFIG_WASM];

/// Copies the files git lists for this checkout into `to`.
fn copy_checkout(to: &Path) -> Result {
    let listed = output(Command::new("git").args([
        "ls-files",
        "-z",
        "--cached",
        "--others",
        "--exclude-standard",
    ]))
    .ok_or("`git ls-files` failed: the check needs a git checkout")?;
    for path in listed.split('\0').filter(|path| !path.is_empty()) {
        let from = root().join(path);
        // Listed but deleted in the working tree: the first build did not see it either.
        if !from.is_file() {
            continue;
        }
        let to = to.join(path);
        if let Some(parent) = to.parent() {
            std::fs::create_dir_all(parent)
                .map_err(|error| format!("cannot create {}: {error}", parent.display()))?;
        }
        copy(&from, &to)?;
    }
    Ok(())
}

/// The stylesheet that gives the fallback markup the box's look and size, made from
/// `style/widget.css` (the shadow root's own CSS), so the two cannot drift apart.
fn page_stylesheet(out: &Path) -> Result {
    run(Command::new("node").arg("xtask/page-css.mjs").arg("style/widget.css").arg(out))
}

/// The fallback markup for `lang` and `variant`, rendered natively by the widget's own
/// components from the built-in config (`src/bin/hotline-prerender.rs`).
fn prerender(lang: &str, variant: &str) -> Result<String> {
    let args = ["--features", "prerender", "--bin", "hotline-prerender", "--", lang, variant];
    crate::output(Command::new("cargo").args(["run", "--quiet"]).args(args))
        .ok_or_else(|| format!("hotline-prerender {lang} {variant} failed"))
}

/// `dist/digital-hotline/fallbacks.json`, for the demo page's snippet builder: the page
/// stylesheet and the fallback markup of each language and variant.
fn fallbacks(version: &str, css_integrity: &str) -> Result {
    let mut markup = Vec::new();
    for lang in ["da", "en"] {
        for variant in ["full", "compact"] {
            let html = json_string(&prerender(lang, variant)?);
            markup.push(format!("\"{lang}-{variant}\": {html}"));
        }
    }
    let json = format!(
        "{{\"css\": \"{version}/{CSS}\", \"cssIntegrity\": \"{css_integrity}\", \"fallbacks\": {{{}}}}}\n",
        markup.join(", ")
    );
    write(&root().join("dist/digital-hotline/fallbacks.json"), &json)
}

/// `text` as a JSON string literal.
fn json_string(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// `.br` and `.gz` beside every file of the release, for servers that send precompressed
/// files (README "Server recipes"): the wasm files are 160–215 KB raw and 59–77 KB with brotli.
fn precompress(out: &Path) -> Result {
    run(Command::new("node").arg("xtask/precompress.mjs").arg(out))
}

/// `dist/digital-hotline/<version>/`.
fn release_dir() -> Result<PathBuf> {
    Ok(root().join("dist/digital-hotline").join(package_version()?))
}

/// `version` from the widget's `Cargo.toml`.
fn package_version() -> Result<String> {
    let manifest = std::fs::read_to_string(root().join("Cargo.toml"))
        .map_err(|error| format!("cannot read Cargo.toml: {error}"))?;
    manifest
        .lines()
        .find_map(|line| line.strip_prefix("version = \"")?.strip_suffix('"'))
        .map(str::to_owned)
        .ok_or_else(|| "no version in Cargo.toml".to_owned())
}

fn read(path: &Path) -> Result<Vec<u8>> {
    std::fs::read(path).map_err(|error| format!("cannot read {}: {error}", path.display()))
}

fn write(path: &Path, text: &str) -> Result {
    std::fs::write(path, text).map_err(|error| format!("cannot write {}: {error}", path.display()))
}

fn copy(from: &Path, to: &Path) -> Result {
    std::fs::copy(from, to)
        .map(drop)
        .map_err(|error| format!("cannot copy {}: {error}", from.display()))
}
