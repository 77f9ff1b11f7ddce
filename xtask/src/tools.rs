//! Installing what the build and tests need, only when it is missing or at the wrong version,
//! from the registries this project may use (crates.io, npm, Debian).

use std::path::PathBuf;
use std::process::Command;

use crate::{Result, output, root, run};

/// The wasm target for rustup.
pub fn ensure_wasm_target(target: &str) -> Result {
    let installed = output(Command::new("rustup").args(["target", "list", "--installed"]))
        .ok_or("`rustup` is needed (https://rustup.rs) to add the wasm target")?;
    if installed.lines().any(|line| line.trim() == target) {
        return Ok(());
    }
    run(Command::new("rustup").args(["target", "add", target]))
}

/// `wasm-bindgen` CLI at exactly the version of the `wasm-bindgen` crate in `Cargo.lock`
/// (they must match). Returns the path to run it from. Installing takes ~7 minutes once.
pub fn ensure_wasm_bindgen() -> Result<PathBuf> {
    let version = locked_version("wasm-bindgen")?;
    let bin = cargo_home().join("bin").join("wasm-bindgen");
    let current = output(Command::new(&bin).arg("--version")).unwrap_or_default();
    if current.split_whitespace().nth(1) != Some(version.as_str()) {
        println!("Installing wasm-bindgen-cli {version} (about 7 minutes, once)…");
        // Not `--locked`: its lock file wants a crate version this registry lacks.
        run(Command::new("cargo").args(["install", "wasm-bindgen-cli", "--version", &version]))?;
    }
    Ok(bin)
}

/// The npm tools in `package-lock.json` (esbuild, binaryen's wasm-opt, playwright-core, …),
/// installed with `npm ci` when `node_modules` is missing or older than the lock file.
pub fn ensure_npm_packages() -> Result {
    let root = root();
    let modified = |path: PathBuf| std::fs::metadata(path).and_then(|m| m.modified()).ok();
    let lock = modified(root.join("package-lock.json"));
    let installed = modified(root.join("node_modules/.package-lock.json"));
    if installed.is_some() && installed >= lock {
        return Ok(());
    }
    output(Command::new("npm").arg("--version"))
        .ok_or("Node.js and npm are needed (Debian: `apt-get install -y nodejs npm`)")?;
    run(Command::new("npm").args(["ci", "--no-audit", "--no-fund"]))
}

/// The Debian packages the browser tests need, each with the file that shows it is
/// installed: the three engines — Chromium; Firefox ESR (over WebDriver BiDi); WebKitGTK's
/// WebDriver, which starts WebKitGTK's MiniBrowser and needs an X server (Xvfb) — and nginx and
/// Apache, on which the README's server recipes are tested.
const BROWSERS: [(&str, &str); 6] = [
    ("chromium", "/usr/bin/chromium"),
    ("firefox-esr", "/usr/bin/firefox-esr"),
    ("webkit2gtk-driver", "/usr/bin/WebKitWebDriver"),
    ("xvfb", "/usr/bin/Xvfb"),
    ("nginx-light", "/usr/sbin/nginx"),
    ("apache2", "/usr/sbin/apache2"),
];

/// Debian's Chromium at `/usr/bin/chromium` (the benchmark's browser).
pub fn ensure_chromium() -> Result {
    ensure_debian_packages(&BROWSERS[..1])
}

/// All three browser engines of the browser tests, nginx and Apache.
pub fn ensure_browsers() -> Result {
    ensure_debian_packages(&BROWSERS)
}

/// Installs with apt the `(package, file)` pairs whose file is missing, in one go.
fn ensure_debian_packages(packages: &[(&str, &str)]) -> Result {
    let missing: Vec<&str> = packages
        .iter()
        .filter(|(_, file)| !std::path::Path::new(file).exists())
        .map(|(package, _)| *package)
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    println!("Installing Debian's {} (about 30 seconds)…", missing.join(", "));
    let as_root = output(Command::new("id").arg("-u")).is_some_and(|uid| uid.trim() == "0");
    let apt = |args: &[&str]| {
        if as_root {
            run(Command::new("apt-get").args(args))
        } else {
            run(Command::new("sudo").arg("apt-get").args(args))
        }
    };
    apt(&["update"])?;
    apt(&[&["install", "-y"][..], &missing].concat())
}

/// The version `Cargo.lock` resolved for a crate.
fn locked_version(name: &str) -> Result<String> {
    let lock = std::fs::read_to_string(root().join("Cargo.lock"))
        .map_err(|error| format!("cannot read Cargo.lock: {error}"))?;
    let needle = format!("name = \"{name}\"\nversion = \"");
    let start = lock.find(&needle).ok_or(format!("{name} is not in Cargo.lock"))? + needle.len();
    let len = lock[start..].find('"').ok_or("Cargo.lock is malformed")?;
    Ok(lock[start..start + len].to_owned())
}

pub fn cargo_home() -> PathBuf {
    match std::env::var_os("CARGO_HOME") {
        Some(home) => PathBuf::from(home),
        None => PathBuf::from(std::env::var_os("HOME").unwrap_or_default()).join(".cargo"),
    }
}
