//! Hosted configs (`config="URL"`): fetched once per URL per page and shared by every widget
//! that names it. Any failure (network, 5 s timeout, HTTP error, not JSON, invalid config)
//! falls back to the built-in config with one console warning naming the URL and the reason.
//! The cache knows nothing of widgets: whoever asks passes a callback. Only in the
//! `hosted-config` build (`digital-hotline-config.wasm`).

use std::cell::RefCell;
use std::rc::Rc;

use super::clock::Correction;
use super::element::builtin;
use super::fetch::{Fetched, fetch_text};
use crate::config::Config;

const TIMEOUT_MS: u32 = 5_000;

thread_local! {
    /// Per URL, in order of first use; a page names one or two.
    static HOSTED: RefCell<Vec<(String, Entry)>> = const { RefCell::new(Vec::new()) };
}

/// Called with the config to show and the correction for the visitor's clock.
pub(super) type Ready = Box<dyn FnOnce(Rc<Config>, Correction)>;

enum Entry {
    /// Fetching; these callbacks wait for it.
    Loading(Vec<Ready>),
    /// The hosted config (or the built-in one after a failure), and the correction for the
    /// visitor's clock its server's `Date` and `Age` headers called for.
    Ready(Rc<Config>, Correction),
}

/// Calls `ready` with the config at `attribute` (resolved against `base`, the page's base
/// URL), fetching it unless an earlier request already has.
pub(super) fn request(attribute: &str, base: &str, ready: Ready) {
    let url = match resolve(attribute, base) {
        Ok(url) => url,
        Err(reason) => {
            warn(attribute, &reason);
            return ready(builtin(), Correction::NONE);
        }
    };
    // The callback runs after the cache is let go: it may well ask for a config again.
    let mut ready = Some(ready);
    let (cached, first) = HOSTED.with(|hosted| {
        let mut hosted = hosted.borrow_mut();
        match hosted.iter_mut().find(|(known, _)| *known == url) {
            Some((_, Entry::Ready(config, correction))) => {
                (Some((config.clone(), *correction)), false)
            }
            Some((_, Entry::Loading(waiting))) => {
                waiting.extend(ready.take());
                (None, false)
            }
            None => {
                hosted.push((url.clone(), Entry::Loading(ready.take().into_iter().collect())));
                (None, true)
            }
        }
    });
    if let (Some((config, correction)), Some(ready)) = (cached, ready) {
        ready(config, correction);
    }
    if first {
        let target = url.clone();
        fetch_text(&target, TIMEOUT_MS, move |result| share(url, result));
    }
}

/// Validates what arrived, warns on failure, and calls everyone waiting for it.
fn share(url: String, result: Result<Fetched, String>) {
    let correction = match &result {
        Ok(fetched) => Correction::from_headers(fetched.date.as_deref(), fetched.age.as_deref()),
        Err(_) => Correction::NONE,
    };
    let config = match result.and_then(|fetched| parse(&fetched.text)) {
        Ok(config) => Rc::new(config),
        Err(reason) => {
            warn(&url, &reason);
            builtin()
        }
    };
    let waiting = HOSTED.with(|hosted| {
        let mut hosted = hosted.borrow_mut();
        let entry = hosted.iter_mut().find(|(known, _)| *known == url).map(|(_, entry)| entry);
        match entry.map(|entry| std::mem::replace(entry, Entry::Ready(config.clone(), correction)))
        {
            Some(Entry::Loading(waiting)) => waiting,
            _ => Vec::new(),
        }
    });
    for ready in waiting {
        ready(config.clone(), correction);
    }
}

pub(super) fn parse(text: &str) -> Result<Config, String> {
    let json = super::json::parse(text)
        .map_err(|kind| crate::config::ConfigError::document(kind).english())?;
    Config::from_json(&json).map_err(|errors| format!("invalid config: {errors}"))
}

/// The absolute URL an attribute names, resolved like a link on the page.
fn resolve(attribute: &str, base: &str) -> Result<String, String> {
    let attribute = attribute.trim();
    if attribute.is_empty() {
        return Err("the config attribute is empty".to_owned());
    }
    let url =
        web_sys::Url::new_with_base(attribute, base).map_err(|_| "it is not a URL".to_owned())?;
    match url.protocol().as_str() {
        "https:" | "http:" => Ok(url.href()),
        // Only the page's own scripts can make a blob: URL, and only for their own origin (the
        // checker page previews a pasted config this way); a visitor cannot.
        "blob:" => Ok(url.href()),
        other => Err(format!("only http, https and blob URLs are fetched, not {other}")),
    }
}

fn warn(url: &str, reason: &str) {
    let message = format!(
        "<digital-hotline>: config {url} not used: {reason}. Showing the built-in opening hours."
    );
    web_sys::console::warn_1(&message.into());
}
