//! Fetching a hosted config's text: no cookies, a timeout, a size limit, and every promise
//! callback guarded (see [`runtime`](super::runtime)).

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use web_sys::{AbortController, RequestCache, RequestCredentials, RequestInit, Response};

use super::runtime;
use super::timer::Timer;
use crate::config::json::MAX_BYTES;

/// A successful response.
pub struct Fetched {
    pub text: String,
    /// The response's `Date` header (the server's clock).
    pub date: Option<String>,
    /// The response's `Age` header: how many seconds a cache has kept it.
    pub age: Option<String>,
}

type Done = Rc<dyn Fn(Result<Fetched, String>)>;

/// `promise.then(resolve, reject)` with plain (guarded) functions.
fn then(promise: &js_sys::Promise, resolve: &js_sys::Function, reject: &js_sys::Function) {
    let then = js_sys::Reflect::get(promise, &"then".into());
    if let Ok(then) = then.and_then(|then| then.dyn_into::<js_sys::Function>()) {
        let _ = then.call2(promise, resolve, reject);
    }
}

/// Fetches `url` and calls `done` once with its text or a one-line reason: "HTTP 404 Not
/// Found", "no answer within 5 seconds", "could not fetch it (TypeError: Failed to fetch)",
/// "5242880 bytes is too large (at most 262144)".
///
/// The size limit is checked before the text is copied into the wasm memory, which never
/// shrinks: by `Content-Length` (then the body is not even downloaded), and by the text's
/// length in UTF-16 units, of which each takes at least one byte in UTF-8.
///
/// Each promise gets a callback for success and one for failure; the one never called stays
/// allocated (a few bytes per URL and page), the price of callbacks that free themselves.
pub fn fetch_text(
    url: &str,
    timeout_ms: u32,
    done: impl FnOnce(Result<Fetched, String>) + 'static,
) {
    let Some(window) = web_sys::window() else { return done(Err("no window".to_owned())) };
    let controller = match AbortController::new() {
        Ok(controller) => controller,
        Err(error) => return done(Err(reason(&error))),
    };
    let timed_out = Rc::new(Cell::new(false));
    let timer = Rc::new(RefCell::new(Some(Timer::new(timeout_ms, {
        let (controller, timed_out) = (controller.clone(), timed_out.clone());
        move || {
            timed_out.set(true);
            controller.abort();
        }
    }))));
    let done = RefCell::new(Some(done));
    let done: Done = Rc::new(move |result| {
        timer.borrow_mut().take();
        if let Some(done) = done.borrow_mut().take() {
            done(result);
        }
    });
    let on_error = {
        let (done, seconds) = (done.clone(), timeout_ms / 1000);
        move || {
            let (done, timed_out) = (done.clone(), timed_out.clone());
            runtime::guard(&Closure::once_into_js(move |error: JsValue| {
                done(Err(if timed_out.get() {
                    format!("no answer within {seconds} seconds")
                } else {
                    format!("could not fetch it ({})", reason(&error))
                }))
            }))
        }
    };
    let on_response = {
        let (on_error, controller) = (on_error.clone(), controller.clone());
        Closure::once_into_js(move |response: JsValue| {
            let response: Response = response.unchecked_into();
            if !response.ok() {
                let text = response.status_text();
                let separator = if text.is_empty() { "" } else { " " };
                return done(Err(format!("HTTP {}{separator}{text}", response.status())));
            }
            let header = |name| response.headers().get(name).ok().flatten();
            let (date, age) = (header("date"), header("age"));
            let length = header("content-length").and_then(|length| length.parse::<u64>().ok());
            if let Some(length) = length.filter(|&length| length > MAX_BYTES as u64) {
                controller.abort();
                return done(Err(format!("{length} bytes is too large (at most {MAX_BYTES})")));
            }
            match response.text() {
                Ok(text) => {
                    let on_text = Closure::once_into_js(move |text: JsValue| {
                        let units = text.dyn_ref::<js_sys::JsString>().map_or(0, |t| t.length());
                        if units as usize > MAX_BYTES {
                            return done(Err(format!(
                                "at least {units} bytes is too large (at most {MAX_BYTES})"
                            )));
                        }
                        let text = text.as_string().unwrap_or_default();
                        done(Ok(Fetched { text, date, age }))
                    });
                    then(&text, &runtime::guard(&on_text), &on_error());
                }
                Err(error) => done(Err(reason(&error))),
            }
        })
    };
    let init = RequestInit::new();
    // No cookies travel to the config host.
    init.set_credentials(RequestCredentials::Omit);
    // Revalidate rather than reuse a cached copy silently: the `Date` header must be fresh to
    // check the visitor's clock against.
    init.set_cache(RequestCache::NoCache);
    init.set_signal(Some(&controller.signal()));
    let response = window.fetch_with_str_and_init(url, &init);
    then(&response, &runtime::guard(&on_response), &on_error());
}

/// A JS error as one line: "TypeError: Failed to fetch".
pub fn reason(error: &JsValue) -> String {
    match error.dyn_ref::<js_sys::Error>() {
        Some(error) => format!("{}: {}", String::from(error.name()), String::from(error.message())),
        None => error.as_string().unwrap_or_else(|| "unknown error".to_owned()),
    }
}
