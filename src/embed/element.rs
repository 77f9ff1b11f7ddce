//! One live widget: shadow root and styles, the Leptos view, the host's `state` /
//! `next-change` attributes, the `statuschange` event, and the timer to the next redraw.

use std::any::Any;
use std::cell::RefCell;
use std::rc::{Rc, Weak};

use chrono::{DateTime, Utc};
use gloo_events::EventListener;
use gloo_timers::callback::Timeout;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use web_sys::{
    CssStyleSheet, CustomEvent, CustomEventInit, HtmlElement, ShadowRoot, ShadowRootInit,
};

use super::{clock, hosted};
use crate::config::{BUILTIN_JSON, Config};
use crate::rules::{Status, zone};
use crate::ui::{HotlineWidget, Lang, Variant, WidgetView};

/// `setTimeout` fires at once for delays above 2³¹−1 ms (~24.8 days).
const MAX_TIMER_MS: i64 = i32::MAX as i64;

/// The widget's CSS, shared by every shadow root on the page as one constructed stylesheet
/// (no `<style>` element, so a CSP without `'unsafe-inline'` allows it).
const CSS: &str = include_str!("../../style/widget.css");

thread_local! {
    static SHEET: RefCell<Option<CssStyleSheet>> = const { RefCell::new(None) };
    /// Parsed once per page, shared by every widget on it.
    static BUILTIN: Rc<Config> = Rc::new(builtin_config());
}

/// A mounted widget. Dropping it (JS: `free()`) cancels its timer, removes its listeners and
/// its view.
#[wasm_bindgen]
pub struct Widget {
    _live: Rc<Live>,
}

pub(super) struct Live {
    host: HtmlElement,
    lang: Lang,
    variant: Variant,
    rendered: RefCell<Option<Rendered>>,
    timer: RefCell<Option<Timeout>>,
    listeners: RefCell<Vec<EventListener>>,
}

/// What exists once a config is known.
struct Rendered {
    config: Rc<Config>,
    content: ArcRwSignal<WidgetView>,
    /// The Leptos `UnmountHandle`: dropping it removes the view and its reactive graph.
    _view: Box<dyn Any>,
}

/// Turns `host` into a live widget. With a `config` URL it renders once that config (or, on
/// failure, the built-in one) is there; until then the host's fallback content shows.
#[wasm_bindgen]
pub fn mount(host: HtmlElement) -> Result<Widget, JsValue> {
    let lang = Lang::from_tag(&host.get_attribute("lang").unwrap_or_default());
    let variant = host.get_attribute("variant").unwrap_or_default();
    let variant = Variant::from_attribute(&variant).unwrap_or_default();
    // A re-mounted element (moved, or an attribute changed) keeps its shadow root: show the
    // fallback through a slot until this mount renders.
    if let Some(shadow) = host.shadow_root() {
        let slot = document(&host)?.create_element("slot")?;
        shadow.replace_children_with_node_1(&slot);
    }
    let live = Rc::new(Live {
        host,
        lang,
        variant,
        rendered: RefCell::new(None),
        timer: RefCell::new(None),
        listeners: RefCell::new(Vec::new()),
    });
    live.listen_for_wake_ups();
    match live.host.get_attribute("config") {
        None => live.render(builtin())?,
        Some(url) => hosted::request(&url, &live),
    }
    Ok(Widget { _live: live })
}

impl Live {
    /// Draws the widget with `config` and starts keeping it current.
    pub(super) fn render(self: &Rc<Live>, config: Rc<Config>) -> Result<(), JsValue> {
        let shadow = self.shadow_root()?;
        let container: HtmlElement = document(&self.host)?.create_element("div")?.unchecked_into();
        shadow.replace_children_with_node_1(&container);
        let now = clock::now();
        let status = config.schedule.status_at(now);
        let content = ArcRwSignal::new(WidgetView::new(now, &status, &config, self.lang));
        let view = {
            let content = content.clone();
            let variant = self.variant;
            leptos::mount::mount_to(container, move || {
                view! { <HotlineWidget content=content variant=variant /> }
            })
        };
        *self.rendered.borrow_mut() = Some(Rendered { config, content, _view: Box::new(view) });
        self.show(now, &status);
        Ok(())
    }

    /// Reads the clock again and shows what is true now. Runs on the timer and when the page
    /// becomes visible again, so a late timer (laptop sleep) corrects itself.
    fn refresh(self: &Rc<Live>) {
        let now = clock::now();
        let update = self.rendered.borrow().as_ref().map(|rendered| {
            let status = rendered.config.schedule.status_at(now);
            rendered.content.set(WidgetView::new(now, &status, &rendered.config, self.lang));
            status
        });
        if let Some(status) = update {
            self.show(now, &status);
        }
    }

    /// Reflects `status` on the host and waits for the next redraw.
    fn show(self: &Rc<Live>, now: DateTime<Utc>, status: &Status) {
        self.reflect(status);
        let redraw_at =
            self.rendered.borrow().as_ref().map(|r| r.content.with_untracked(|v| v.redraw_at));
        if let Some(redraw_at) = redraw_at {
            self.wake_at(now, redraw_at);
        }
    }

    /// Writes `state` / `next-change` on the host and, when `state` changed (including from
    /// absent on the first render), dispatches `statuschange`.
    fn reflect(&self, status: &Status) {
        let state = if status.open { "open" } else { "closed" };
        let next_change = status.next_change.map(zone::rfc3339);
        let previous = self.host.get_attribute("state");
        let _ = self.host.set_attribute("state", state);
        let _ = match &next_change {
            Some(next_change) => self.host.set_attribute("next-change", next_change),
            None => self.host.remove_attribute("next-change"),
        };
        if previous.as_deref() != Some(state) {
            let detail = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&detail, &"state".into(), &state.into());
            let next_change = next_change.map_or(JsValue::NULL, |t| t.into());
            let _ = js_sys::Reflect::set(&detail, &"nextChange".into(), &next_change);
            let init = CustomEventInit::new();
            init.set_bubbles(true);
            init.set_composed(true);
            init.set_detail(&detail);
            if let Ok(event) = CustomEvent::new_with_event_init_dict("statuschange", &init) {
                let _ = self.host.dispatch_event(&event);
            }
        }
    }

    /// One timer per widget, set to the next redraw: no polling in between.
    fn wake_at(self: &Rc<Live>, now: DateTime<Utc>, at: DateTime<Utc>) {
        let delay = (at - now).num_milliseconds().clamp(0, MAX_TIMER_MS);
        let live: Weak<Live> = Rc::downgrade(self);
        let timeout = Timeout::new(delay as u32, move || {
            if let Some(live) = live.upgrade() {
                live.refresh();
            }
        });
        // Replacing the previous (already fired) timeout drops it; clearing a fired id is a no-op.
        *self.timer.borrow_mut() = Some(timeout);
    }

    /// Timers do not run while a laptop sleeps and may be throttled in a hidden tab: check
    /// again when the page is shown.
    fn listen_for_wake_ups(self: &Rc<Live>) {
        let Some(window) = web_sys::window() else { return };
        let listeners = ["visibilitychange", "pageshow"].map(|event| {
            let live = Rc::downgrade(self);
            EventListener::new(&window, event, move |_| {
                let visible = web_sys::window()
                    .and_then(|w| w.document())
                    .is_none_or(|d| d.visibility_state() == web_sys::VisibilityState::Visible);
                if let Some(live) = live.upgrade().filter(|_| visible) {
                    live.refresh();
                }
            })
        });
        self.listeners.borrow_mut().extend(listeners);
    }

    fn shadow_root(&self) -> Result<ShadowRoot, JsValue> {
        let shadow = match self.host.shadow_root() {
            Some(shadow) => shadow,
            None => self.host.attach_shadow(&ShadowRootInit::new(web_sys::ShadowRootMode::Open))?,
        };
        let sheet: JsValue = stylesheet()?.into();
        shadow.set_adopted_style_sheets(&js_sys::Array::of1(&sheet));
        Ok(shadow)
    }

    pub(super) fn host(&self) -> &HtmlElement {
        &self.host
    }
}

/// The built-in config, for widgets without a `config` URL and when a hosted one fails.
pub(super) fn builtin() -> Rc<Config> {
    BUILTIN.with(Rc::clone)
}

/// `hotline.json`, parsed by the browser. It is tested to equal [`Config::announced`], which
/// stands in should it ever fail here.
fn builtin_config() -> Config {
    super::json::parse(BUILTIN_JSON)
        .ok()
        .and_then(|json| Config::from_json(&json).ok())
        .unwrap_or_else(Config::announced)
}

fn document(host: &HtmlElement) -> Result<web_sys::Document, JsValue> {
    host.owner_document().ok_or_else(|| "digital-hotline: element has no document".into())
}

fn stylesheet() -> Result<CssStyleSheet, JsValue> {
    SHEET.with(|cell| {
        if let Some(sheet) = cell.borrow().as_ref() {
            return Ok(sheet.clone());
        }
        let sheet = CssStyleSheet::new()?;
        sheet.replace_sync(CSS)?;
        *cell.borrow_mut() = Some(sheet.clone());
        Ok(sheet)
    })
}
