//! One live widget: shadow root and styles, the Leptos view, the host's `state` /
//! `next-change` attributes, the `statuschange` event and the timer to the next transition.

use std::any::Any;
use std::cell::RefCell;
use std::rc::{Rc, Weak};

use gloo_timers::callback::Timeout;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use web_sys::{CssStyleSheet, CustomEvent, CustomEventInit, HtmlElement, ShadowRootInit};

use super::clock;
use crate::config::{BUILTIN_JSON, Config};
use crate::rules::{Status, zone};
use crate::ui::{HotlineWidget, Lang, Reading};

/// `setTimeout` fires at once for delays above 2³¹−1 ms (~24.8 days); longer waits re-check.
const MAX_TIMER_MS: i64 = i32::MAX as i64;

/// The widget's CSS, shared by every shadow root on the page as one constructed stylesheet
/// (no `<style>` element, so a CSP without `'unsafe-inline'` allows it).
const CSS: &str = include_str!("../../style/widget.css");

thread_local! {
    static SHEET: RefCell<Option<CssStyleSheet>> = const { RefCell::new(None) };
    /// Parsed once per page, shared by every widget on it.
    static BUILTIN: Rc<Config> = Rc::new(builtin_config());
}

/// A mounted widget. Dropping it (JS: `free()`) cancels its timer and removes its view.
#[wasm_bindgen]
pub struct Widget {
    _live: Rc<Live>,
}

struct Live {
    host: HtmlElement,
    config: Rc<Config>,
    reading: ArcRwSignal<Reading>,
    timer: RefCell<Option<Timeout>>,
    /// The Leptos `UnmountHandle`: dropping it removes the view and its reactive graph.
    _view: Box<dyn Any>,
}

/// Renders the widget into `host`'s open shadow root and keeps it current.
#[wasm_bindgen]
pub fn mount(host: HtmlElement) -> Result<Widget, JsValue> {
    let shadow = match host.shadow_root() {
        Some(shadow) => shadow,
        None => host.attach_shadow(&ShadowRootInit::new(web_sys::ShadowRootMode::Open))?,
    };
    let sheet: JsValue = stylesheet()?.into();
    shadow.set_adopted_style_sheets(&js_sys::Array::of1(&sheet));
    // A re-connected element keeps its shadow root; start it afresh.
    shadow.set_inner_html("");
    let container: HtmlElement = host
        .owner_document()
        .ok_or("digital-hotline: element has no document")?
        .create_element("div")?
        .unchecked_into();
    shadow.append_child(&container)?;

    let config = BUILTIN.with(Rc::clone);
    let now = clock::now();
    let status = config.schedule.status_at(now);
    let reading = ArcRwSignal::new(Reading { now, status: status.clone() });
    let lang = Lang::from_tag(&host.get_attribute("lang").unwrap_or_default());
    let view = {
        let reading = reading.clone();
        let phone = config.phone.clone();
        leptos::mount::mount_to(container, move || {
            view! { <HotlineWidget reading=reading lang=lang phone=phone /> }
        })
    };

    let live =
        Rc::new(Live { host, config, reading, timer: RefCell::new(None), _view: Box::new(view) });
    live.reflect(&status, None);
    live.wait_for_next_change(now, &status);
    Ok(Widget { _live: live })
}

impl Live {
    /// Called by the timer: read the clock again, show the new status and wait for the next
    /// change. Also right after a late timer (laptop sleep), since it never trusts the delay.
    fn refresh(self: &Rc<Live>) {
        let now = clock::now();
        let status = self.config.schedule.status_at(now);
        let was_open = self.reading.with_untracked(|reading| reading.status.open);
        self.reading.set(Reading { now, status: status.clone() });
        self.reflect(&status, Some(was_open));
        self.wait_for_next_change(now, &status);
    }

    /// Writes `state` / `next-change` on the host and, when `state` changed (including from
    /// absent on the first render), dispatches `statuschange`.
    fn reflect(&self, status: &Status, previous_open: Option<bool>) {
        let state = if status.open { "open" } else { "closed" };
        let next_change = status.next_change.map(zone::rfc3339);
        let _ = self.host.set_attribute("state", state);
        let _ = match &next_change {
            Some(next_change) => self.host.set_attribute("next-change", next_change),
            None => self.host.remove_attribute("next-change"),
        };
        if previous_open != Some(status.open) {
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

    /// One timer per widget, set to the next transition: no polling in between.
    fn wait_for_next_change(self: &Rc<Live>, now: chrono::DateTime<chrono::Utc>, status: &Status) {
        let delay = status
            .next_change
            .map_or(MAX_TIMER_MS, |next| (next - now).num_milliseconds())
            .clamp(0, MAX_TIMER_MS);
        let live: Weak<Live> = Rc::downgrade(self);
        let timeout = Timeout::new(delay as u32, move || {
            if let Some(live) = live.upgrade() {
                live.refresh();
            }
        });
        // Replacing the previous (already fired) timeout drops it; clearing a fired id is a no-op.
        *self.timer.borrow_mut() = Some(timeout);
    }
}

/// `hotline.json`, parsed by the browser. It is tested to equal [`Config::announced`], which
/// stands in should it ever fail here.
fn builtin_config() -> Config {
    super::json::parse(BUILTIN_JSON)
        .ok()
        .and_then(|json| Config::from_json(&json).ok())
        .unwrap_or_else(Config::announced)
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
