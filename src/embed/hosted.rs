//! Hosted configs (`config="URL"`): fetched once per URL per page and shared by every widget
//! that names it. Any failure (network, 5 s timeout, HTTP error, not JSON, invalid config)
//! falls back to the built-in config with one console warning naming the URL and the reason.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::{Rc, Weak};

use gloo_timers::callback::Timeout;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, RequestCredentials, RequestInit, Response};

use super::element::{Live, builtin};
use crate::config::Config;

const TIMEOUT_MS: u32 = 5_000;

thread_local! {
    static HOSTED: RefCell<HashMap<String, Entry>> = RefCell::new(HashMap::new());
}

enum Entry {
    /// Fetching; these widgets wait for it.
    Loading(Vec<Weak<Live>>),
    /// The hosted config, or the built-in one after a failure.
    Ready(Rc<Config>),
}

/// Renders `live` with the config at `attribute` (resolved against the page), fetching it
/// unless another widget already has.
pub(super) fn request(attribute: &str, live: &Rc<Live>) {
    let url = match resolve(attribute, live.host()) {
        Ok(url) => url,
        Err(reason) => {
            warn(attribute, &reason);
            return render(live, builtin());
        }
    };
    let (ready, start) = HOSTED.with(|hosted| {
        let mut hosted = hosted.borrow_mut();
        match hosted.get_mut(&url) {
            Some(Entry::Ready(config)) => (Some(config.clone()), false),
            Some(Entry::Loading(waiting)) => {
                waiting.push(Rc::downgrade(live));
                (None, false)
            }
            None => {
                hosted.insert(url.clone(), Entry::Loading(vec![Rc::downgrade(live)]));
                (None, true)
            }
        }
    });
    if let Some(config) = ready {
        render(live, config);
    } else if start {
        wasm_bindgen_futures::spawn_local(load_and_share(url));
    }
}

async fn load_and_share(url: String) {
    let config = match load(&url).await {
        Ok(config) => Rc::new(config),
        Err(reason) => {
            warn(&url, &reason);
            builtin()
        }
    };
    let waiting =
        HOSTED.with(|hosted| match hosted.borrow_mut().insert(url, Entry::Ready(config.clone())) {
            Some(Entry::Loading(waiting)) => waiting,
            _ => Vec::new(),
        });
    for live in waiting.iter().filter_map(Weak::upgrade) {
        render(&live, config.clone());
    }
}

async fn load(url: &str) -> Result<Config, String> {
    let window = web_sys::window().ok_or("no window")?;
    let controller = AbortController::new().map_err(|e| reason(&e))?;
    let timed_out = Rc::new(Cell::new(false));
    let _timeout = {
        let (controller, timed_out) = (controller.clone(), timed_out.clone());
        Timeout::new(TIMEOUT_MS, move || {
            timed_out.set(true);
            controller.abort();
        })
    };
    let init = RequestInit::new();
    // No cookies travel to the config host.
    init.set_credentials(RequestCredentials::Omit);
    init.set_signal(Some(&controller.signal()));
    let fetched: Result<Result<String, String>, JsValue> = async {
        let response: Response =
            JsFuture::from(window.fetch_with_str_and_init(url, &init)).await?.dyn_into()?;
        if !response.ok() {
            let text = response.status_text();
            let separator = if text.is_empty() { "" } else { " " };
            return Ok(Err(format!("HTTP {}{separator}{text}", response.status())));
        }
        Ok(Ok(JsFuture::from(response.text()?).await?.as_string().unwrap_or_default()))
    }
    .await;
    let text = match fetched {
        Ok(text) => text?,
        Err(_) if timed_out.get() => {
            return Err(format!("no answer within {} seconds", TIMEOUT_MS / 1000));
        }
        Err(error) => return Err(format!("could not fetch it ({})", reason(&error))),
    };
    let json = super::json::parse(&text)?;
    Config::from_json(&json).map_err(|errors| format!("invalid config: {errors}"))
}

/// The absolute URL an attribute names, resolved like a link on the page.
fn resolve(attribute: &str, host: &web_sys::HtmlElement) -> Result<String, String> {
    let attribute = attribute.trim();
    if attribute.is_empty() {
        return Err("the config attribute is empty".to_owned());
    }
    let base = host.owner_document().and_then(|d| d.base_uri().ok().flatten()).unwrap_or_default();
    let url =
        web_sys::Url::new_with_base(attribute, &base).map_err(|_| "it is not a URL".to_owned())?;
    match url.protocol().as_str() {
        "https:" | "http:" => Ok(url.href()),
        other => Err(format!("only http and https URLs are fetched, not {other}")),
    }
}

fn render(live: &Rc<Live>, config: Rc<Config>) {
    if let Err(error) = live.render(config) {
        web_sys::console::error_2(&"<digital-hotline>: could not render".into(), &error);
    }
}

fn warn(url: &str, reason: &str) {
    let message = format!(
        "<digital-hotline>: config {url} not used: {reason}. Showing the built-in opening hours."
    );
    web_sys::console::warn_1(&message.into());
}

/// A JS error as one line: "TypeError: Failed to fetch".
fn reason(error: &JsValue) -> String {
    match error.dyn_ref::<js_sys::Error>() {
        Some(error) => format!("{}: {}", String::from(error.name()), String::from(error.message())),
        None => error.as_string().unwrap_or_else(|| "unknown error".to_owned()),
    }
}
