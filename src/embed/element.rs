//! One live widget: shadow root and styles, the rendered view, the host's `state` /
//! `next-change` attributes, the `statuschange` event, the live region, and the timer to the
//! next redraw.

use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};

use chrono::{DateTime, Utc};
use leptos::prelude::*;
use leptos::tachys::view::{Mountable, Render};
use wasm_bindgen::prelude::*;
use web_sys::{
    CssStyleSheet, CustomEvent, CustomEventInit, HtmlElement, ShadowRoot, ShadowRootInit,
};

use super::clock::{self, Correction};
#[cfg(feature = "hosted-config")]
use super::hosted;
use super::listener::Listener;
use super::runtime;
use super::timer::Timer;
use crate::config::Config;
use crate::rules::{Status, zone};
use crate::ui::{HotlineWidget, Label, Lang, Variant, WidgetView, structured_data};

/// The longest a widget waits before it reads the clock again, however far the next redraw.
/// Timers stand still while a laptop sleeps (and a tab that was never hidden hears no
/// `visibilitychange` on waking), and the wall clock can be set: a check this often bounds
/// how long the widget can be wrong, at the cost of one timer task that touches no DOM.
const CHECK_MS: i64 = 5 * 60 * 1000;

/// The widget's CSS, shared by every shadow root on the page as one constructed stylesheet
/// (no `<style>` element, so a CSP without `'unsafe-inline'` allows it): `style/widget.css`,
/// minified by `build.rs`.
const CSS: &str = include_str!(concat!(env!("OUT_DIR"), "/widget.css"));

thread_local! {
    static SHEET: RefCell<Option<CssStyleSheet>> = const { RefCell::new(None) };
    /// `hotline.json` as coded in Rust ([`Config::announced`], tested equal to the file): no
    /// JSON to parse and validate before the first render. Shared by every widget.
    static BUILTIN: Rc<Config> = Rc::new(Config::announced());
    /// Whether a `config` attribute was reported as unused: once per page is enough.
    #[cfg(not(feature = "hosted-config"))]
    static WARNED: Cell<bool> = const { Cell::new(false) };
}

/// The built-in config, for widgets without a `config` URL and when a hosted one fails.
pub(super) fn builtin() -> Rc<Config> {
    BUILTIN.with(Rc::clone)
}

/// A mounted widget. Dropping it (JS: `free()`) cancels its timer, removes its listeners and
/// its view.
#[wasm_bindgen]
pub struct Widget {
    _live: Rc<Live>,
}

struct Live {
    host: HtmlElement,
    lang: Lang,
    variant: Variant,
    /// `label`: whether the compact line names the hotline.
    label: Label,
    /// `preview-at`: show this moment, frozen, instead of now.
    preview: Option<DateTime<Utc>>,
    shown: RefCell<Option<Shown>>,
    timer: RefCell<Option<Timer>>,
    /// What is shown holds from the first instant (when it was drawn) until the second (the
    /// next redraw); a clock reading outside that span calls for a redraw.
    holds: Cell<Option<(DateTime<Utc>, DateTime<Utc>)>>,
    listeners: RefCell<Vec<Listener>>,
}

/// What exists once a config is known.
struct Shown {
    config: Rc<Config>,
    shadow: ShadowRoot,
    /// Where the view is mounted, anew at each redraw.
    container: HtmlElement,
    /// The polite live region. It stays while the view is redrawn, and gets text only when the
    /// state flips, so a screen reader announces open ↔ closed and nothing else.
    announcer: HtmlElement,
    /// The mounted view, to unmount at the next redraw.
    view: Option<Box<dyn Mountable>>,
    /// Applied to the visitor's clock: the config server's time when the two disagree.
    clock: Correction,
}

/// What to show for one instant.
struct Composed {
    now: DateTime<Utc>,
    status: Status,
    content: WidgetView,
}

/// What a redraw showed, for the steps after it.
struct Drawn {
    now: DateTime<Utc>,
    status: Status,
    headline: &'static str,
    redraw_at: DateTime<Utc>,
    announcer: HtmlElement,
}

/// Turns `host` into a live widget. With a `config` URL it renders once that config (or, on
/// failure, the built-in one) is there; until then the host's fallback content shows. A build
/// without the `hosted-config` feature (the loader never gives it such a host) shows the
/// built-in config and says so once.
#[wasm_bindgen]
pub fn mount(host: HtmlElement) -> Result<Widget, JsValue> {
    #[cfg(feature = "test-hooks")]
    if host.get_attribute("test-panic").as_deref() == Some("mount") {
        panic!("test panic while mounting");
    }
    let lang = host.get_attribute("lang").unwrap_or_default();
    let lang = Lang::from_attribute(&lang).unwrap_or_else(|| {
        warn(&format!("lang=\"{lang}\" is not a language it speaks (da, en); showing Danish."));
        Lang::Da
    });
    let variant = host.get_attribute("variant").unwrap_or_default();
    let variant = Variant::from_attribute(&variant).unwrap_or_else(|| {
        warn(&format!("variant=\"{variant}\" is not a variant (full, compact); showing full."));
        Variant::Full
    });
    let label = host.get_attribute("label").unwrap_or_default();
    let label = Label::from_attribute(&label).unwrap_or_else(|| {
        warn(&format!("label=\"{label}\" is not a label (full, short); showing full."));
        Label::Full
    });
    let preview = host.get_attribute("preview-at").and_then(|value| {
        let instant = clock::parse_preview(&value);
        if instant.is_none() {
            warn(&format!("preview-at=\"{value}\" is not a date and time; showing now."));
        }
        instant
    });
    let live = Rc::new(Live {
        host,
        lang,
        variant,
        label,
        preview,
        shown: RefCell::new(None),
        timer: RefCell::new(None),
        holds: Cell::new(None),
        listeners: RefCell::new(Vec::new()),
    });
    if live.preview.is_none() {
        live.listen_for_wake_ups();
    }
    match live.host.get_attribute("config") {
        None => live.render(builtin(), Correction::NONE),
        #[cfg(not(feature = "hosted-config"))]
        Some(_) => {
            if !WARNED.replace(true) {
                warn(
                    "this module has no hosted configs (config= needs \
                     digital-hotline-config.wasm); showing the built-in opening hours.",
                );
            }
            live.render(builtin(), Correction::NONE);
        }
        #[cfg(feature = "hosted-config")]
        Some(url) => {
            // A re-mounted element (moved, or an attribute changed) keeps its shadow root:
            // show the fallback through a slot while the config is on its way.
            if let Some(shadow) = live.host.shadow_root() {
                let slot = document(&live.host)?.create_element("slot")?;
                shadow.replace_children_with_node_1(&slot);
            }
            let base = live.host.base_uri().ok().flatten().unwrap_or_default();
            let waiting = Rc::downgrade(&live);
            let ready = move |config, correction| {
                // A widget removed meanwhile is not drawn.
                if let Some(live) = waiting.upgrade() {
                    live.render(config, correction);
                }
            };
            hosted::request(&url, &base, Box::new(ready));
        }
    }
    Ok(Widget { _live: live })
}

impl Live {
    /// Draws the widget with `config` and keeps it current from then on, reading the
    /// visitor's clock corrected by `clock`.
    ///
    /// The first drawing is the longest work of the page's load (on first use the browser
    /// compiles the code it runs), so it comes in two tasks: here what to show (the rules,
    /// the texts), then the view in a task of its own. Until the second, the element shows
    /// what it showed before, and claims no state.
    fn render(self: &Rc<Live>, config: Rc<Config>, mut clock: Correction) {
        let first = self.compose(&config, &mut clock);
        if self.host.has_attribute("structured-data") {
            let json =
                structured_data::contact_point(&config, zone::local_date(first.now), self.lang);
            add_structured_data(&self.host, &config.phone, &json);
        }
        let live = Rc::downgrade(self);
        runtime::soon(move || {
            // A widget removed meanwhile is not drawn.
            let Some(live) = live.upgrade() else { return };
            if let Err(error) = live.prepare(config, clock) {
                web_sys::console::error_2(&"<digital-hotline>: could not render".into(), &error);
                return;
            }
            live.refresh(Some(first));
        });
    }

    /// What to show at the clock's now (or the preview's moment).
    fn compose(&self, config: &Config, clock: &mut Correction) -> Composed {
        let now = self.preview.unwrap_or_else(|| clock.now());
        let status = config.schedule.status_at(now);
        let content = WidgetView::new(now, &status, config, self.lang, self.preview.is_some());
        Composed { now, status, content }
    }

    /// Everything that can fail comes before the shadow root, which hides the fallback.
    fn prepare(&self, config: Rc<Config>, clock: Correction) -> Result<(), JsValue> {
        let mut shown = self.shown.try_borrow_mut().map_err(|_| "digital-hotline: busy")?;
        let sheet: JsValue = stylesheet()?.into();
        let document = document(&self.host)?;
        let container: HtmlElement = document.create_element("div")?.unchecked_into();
        let announcer: HtmlElement = document.create_element("p")?.unchecked_into();
        announcer.set_class_name("announcer");
        announcer.set_attribute("role", "status")?;
        let shadow = match self.host.shadow_root() {
            Some(shadow) => shadow,
            None => self.host.attach_shadow(&ShadowRootInit::new(web_sys::ShadowRootMode::Open))?,
        };
        shadow.set_adopted_style_sheets(&js_sys::Array::of1(&sheet));
        shadow.replace_children_with_node_2(&container, &announcer);
        *shown = Some(Shown { config, shadow, container, announcer, view: None, clock });
        Ok(())
    }

    /// Shows `composed`, or else what is true now, then waits for the next redraw.
    fn refresh(self: &Rc<Live>, composed: Option<Composed>) {
        let Some(drawn) = self.redraw(composed) else { return };
        if self.preview.is_some() {
            // A picture of another moment: no state to claim, nothing to wait for.
            let _ = self.host.remove_attribute("state");
            let _ = self.host.remove_attribute("next-change");
            return;
        }
        // Attributes and the event come after the redraw, with no borrow held: a listener may
        // do anything, even remove or re-render this element.
        if self.reflect(&drawn.status) {
            drawn.announcer.set_text_content(Some(drawn.headline));
        }
        self.wake_at(drawn.now, drawn.redraw_at);
    }

    /// Mounts the view anew, of `composed` or for now. `None` before a config is known, or
    /// when re-entered from a host-page event handler during a redraw (the outer one finishes
    /// the job).
    fn redraw(&self, composed: Option<Composed>) -> Option<Drawn> {
        let mut shown = self.shown.try_borrow_mut().ok()?;
        let shown = shown.as_mut()?;
        #[cfg(feature = "test-hooks")]
        if shown.view.is_some()
            && self.host.get_attribute("test-panic").as_deref() == Some("redraw")
        {
            panic!("test panic while redrawing");
        }
        let Composed { now, status, content } =
            composed.unwrap_or_else(|| self.compose(&shown.config, &mut shown.clock));
        let (headline, redraw_at) = (content.headline, content.redraw_at);
        let (variant, label) = (self.variant, self.label);
        // The link is the only focusable element: keep keyboard focus on it across the redraw.
        let focused = shown.shadow.active_element().is_some();
        if let Some(mut old) = shown.view.take() {
            old.unmount();
        }
        // Static markup, built and mounted directly: no reactive owner or async executor is
        // needed for a view that never updates itself.
        let mut view =
            view! { <HotlineWidget content=content variant=variant label=label /> }.build();
        view.mount(&shown.container, None);
        shown.view = Some(Box::new(view));
        if focused && let Ok(Some(link)) = shown.shadow.query_selector(".phone") {
            let _ = link.unchecked_into::<HtmlElement>().focus();
        }
        Some(Drawn { now, status, headline, redraw_at, announcer: shown.announcer.clone() })
    }

    /// Writes `state` / `next-change` on the host and, when `state` changed (including from
    /// absent on the first render), dispatches `statuschange`. Returns whether an earlier
    /// state flipped, which is worth announcing.
    fn reflect(&self, status: &Status) -> bool {
        let state = if status.open { "open" } else { "closed" };
        let next_change = status.next_change.map(zone::rfc3339);
        let previous = self.host.get_attribute("state");
        let _ = self.host.set_attribute("state", state);
        let _ = match &next_change {
            Some(next_change) => self.host.set_attribute("next-change", next_change),
            None => self.host.remove_attribute("next-change"),
        };
        if previous.as_deref() == Some(state) {
            return false;
        }
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
        previous.is_some()
    }

    /// Notes that what was drawn at `now` holds until `at`, and waits for that.
    fn wake_at(self: &Rc<Live>, now: DateTime<Utc>, at: DateTime<Utc>) {
        self.holds.set(Some((now, at)));
        self.wait(now, at);
    }

    /// One timer per widget, set to the next redraw or [`CHECK_MS`], whichever comes first.
    fn wait(self: &Rc<Live>, now: DateTime<Utc>, until: DateTime<Utc>) {
        let delay = (until - now).num_milliseconds().clamp(0, CHECK_MS);
        let live: Weak<Live> = Rc::downgrade(self);
        let timer = Timer::new(delay as u32, move || {
            if let Some(live) = live.upgrade() {
                live.check();
            }
        });
        // Replacing the previous (already fired) timer drops it; clearing a fired id is a no-op.
        *self.timer.borrow_mut() = Some(timer);
    }

    /// Reads the clock: redraws when what is shown no longer holds (the redraw time came, or
    /// the clock jumped past it or back before the drawing), else only waits on, with no DOM
    /// work.
    fn check(self: &Rc<Live>) {
        let now = self.shown.try_borrow_mut().ok().and_then(|mut shown| {
            let shown = shown.as_mut()?;
            Some(shown.clock.now())
        });
        match (now, self.holds.get()) {
            (Some(now), Some((from, until))) if from <= now && now < until => self.wait(now, until),
            _ => self.refresh(None),
        }
    }

    /// Timers do not run while a laptop sleeps and may be throttled in a hidden tab: check
    /// again when the page is shown.
    fn listen_for_wake_ups(self: &Rc<Live>) {
        let Some(window) = web_sys::window() else { return };
        let listeners = ["visibilitychange", "pageshow"].map(|event| {
            let live = Rc::downgrade(self);
            Listener::new(&window, event, move |_| {
                let visible = web_sys::window()
                    .and_then(|w| w.document())
                    .is_none_or(|d| d.visibility_state() == web_sys::VisibilityState::Visible);
                if let Some(live) = live.upgrade().filter(|_| visible) {
                    live.check();
                }
            })
        });
        self.listeners.borrow_mut().extend(listeners);
    }
}

/// Puts the schema.org JSON-LD in the page's `<head>`, once per phone number however many
/// widgets ask for it. A data block, not a script: no CSP stops it.
fn add_structured_data(host: &HtmlElement, phone: &str, json: &str) {
    let Ok(document) = document(host) else { return };
    let Some(head) = document.head() else { return };
    let selector = format!("script[data-digital-hotline=\"{phone}\"]");
    let script = match head.query_selector(&selector) {
        Ok(Some(script)) => script,
        _ => {
            let Ok(script) = document.create_element("script") else { return };
            let _ = script.set_attribute("type", "application/ld+json");
            let _ = script.set_attribute("data-digital-hotline", phone);
            let _ = head.append_child(&script);
            script
        }
    };
    script.set_text_content(Some(json));
}

fn warn(message: &str) {
    web_sys::console::warn_1(&format!("<digital-hotline>: {message}").into());
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
