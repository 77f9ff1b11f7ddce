//! Entry points for the checker page (`check.html`): the very validator the widget runs on a
//! hosted config (the browser's `JSON.parse` through [`super::json`], then
//! [`Config::from_json`]), with every problem in Danish and English, and the coming days as
//! the validator command lists them ([`coming_days`]).
//!
//! Built only with the `checker` feature, into the page's own `check.wasm` (same source, same
//! path from text to config as the widget; the widget's download stays without these).

use chrono::{Datelike, NaiveDate};
use wasm_bindgen::prelude::*;

use crate::config::{Config, ConfigError, Path, Step};
use crate::ui::Lang;
use crate::ui::listing::{ListedDay, coming_days};

/// `{ problems: [{ path, en, da }] }` for config text: `path` is the list of keys and indexes
/// (for the page to find the line), `en` and `da` the message. An empty list: valid.
#[wasm_bindgen]
pub fn check_config(text: &str) -> JsValue {
    let problems = js_sys::Array::new();
    if let Err(errors) = validate(text) {
        for error in &errors {
            let problem = js_sys::Object::new();
            set(&problem, "path", &path(&error.path));
            set(&problem, "en", &error.english().into());
            set(&problem, "da", &error.danish().into());
            problems.push(&problem);
        }
    }
    let result = js_sys::Object::new();
    set(&result, "problems", &problems);
    result.into()
}

/// For a valid config: `{ name, phone, days: [day], announcement }` from `from` (`YYYY-MM-DD`)
/// for `count` days in `lang` (`da`/`en`); `announcement` is `{ text, days }` for the first
/// week of the next new weekly hours after `from`, or `null`. Each day is `{ date, label,
/// hours, note, newHours }`. `null` for an invalid config or date.
#[wasm_bindgen]
pub fn check_days(text: &str, from: &str, count: u32, lang: &str) -> JsValue {
    let (Ok(config), Ok(from)) = (validate(text), from.parse::<NaiveDate>()) else {
        return JsValue::NULL;
    };
    let lang = Lang::from_attribute(lang).unwrap_or_default();
    let result = js_sys::Object::new();
    let name = match lang {
        Lang::Da => &config.name.da,
        Lang::En => &config.name.en,
    };
    set(&result, "name", &name.into());
    set(&result, "phone", &config.phone.as_str().into());
    set(&result, "days", &days(&coming_days(&config, from, count.into(), lang)));
    let announcement = match config.schedule.next_version(from) {
        Some(version) => {
            let announcement = js_sys::Object::new();
            let text = lang.texts().new_hours_from(version.from);
            set(&announcement, "text", &text.into());
            set(&announcement, "days", &days(&coming_days(&config, version.from, 7, lang)));
            announcement.into()
        }
        None => JsValue::NULL,
    };
    set(&result, "announcement", &announcement);
    result.into()
}

/// The widget's own way from text to a config (see `hosted.rs`).
fn validate(text: &str) -> Result<Config, Vec<ConfigError>> {
    let json = super::json::parse(text).map_err(|kind| vec![ConfigError::document(kind)])?;
    Config::from_json(&json).map_err(|errors| errors.0)
}

fn path(path: &Path) -> JsValue {
    let steps = js_sys::Array::new();
    for step in &path.0 {
        match step {
            Step::Key(key) => steps.push(&key.as_str().into()),
            Step::Index(index) => steps.push(&(*index as f64).into()),
        };
    }
    steps.into()
}

fn days(listed: &[ListedDay]) -> JsValue {
    let days = js_sys::Array::new();
    for day in listed {
        let item = js_sys::Object::new();
        set(&item, "date", &iso(day.date).into());
        set(&item, "label", &day.row.label.as_str().into());
        set(&item, "hours", &day.row.hours.as_str().into());
        set(&item, "note", &day.row.note.as_deref().map_or(JsValue::NULL, JsValue::from));
        set(&item, "newHours", &day.new_hours.as_deref().map_or(JsValue::NULL, JsValue::from));
        days.push(&item);
    }
    days.into()
}

fn set(object: &js_sys::Object, key: &str, value: &JsValue) {
    let _ = js_sys::Reflect::set(object, &key.into(), value);
}

/// `2026-12-24`.
fn iso(date: NaiveDate) -> String {
    let mut out = String::with_capacity(10);
    for (value, width) in [(date.year() as u32, 4), (date.month(), 2), (date.day(), 2)] {
        if !out.is_empty() {
            out.push('-');
        }
        for shift in (0..width).rev() {
            out.push(char::from(b'0' + (value / 10u32.pow(shift) % 10) as u8));
        }
    }
    out
}
