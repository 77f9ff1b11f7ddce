//! Config text → [`Json`] with the browser's own `JSON.parse`, so no JSON parser ships in the
//! wasm. The result goes through the same validator as the native `serde_json` path.

use std::collections::BTreeMap;

use wasm_bindgen::{JsCast, JsValue};

use crate::config::Kind;
use crate::config::json::{Json, MAX_BYTES, MAX_DEPTH};

/// Parses JSON text; the error is the problem, without a path (it is the whole document).
pub fn parse(text: &str) -> Result<Json, Kind> {
    if text.len() > MAX_BYTES {
        return Err(Kind::TooLarge { bytes: text.len() });
    }
    let value = js_sys::JSON::parse(text).map_err(|error| {
        let reason = error.dyn_ref::<js_sys::Error>().map(|e| String::from(e.message()));
        Kind::NotJson(reason.unwrap_or_default())
    })?;
    from_js(&value, 0)
}

fn from_js(value: &JsValue, depth: usize) -> Result<Json, Kind> {
    if depth > MAX_DEPTH {
        return Err(Kind::TooDeep);
    }
    if value.is_null() {
        return Ok(Json::Null);
    }
    if let Some(b) = value.as_bool() {
        return Ok(Json::Bool(b));
    }
    if let Some(n) = value.as_f64() {
        return Ok(Json::Number(n));
    }
    if let Some(s) = value.as_string() {
        return Ok(Json::String(s));
    }
    if js_sys::Array::is_array(value) {
        let items: js_sys::Array = value.clone().unchecked_into();
        return items
            .iter()
            .map(|item| from_js(&item, depth + 1))
            .collect::<Result<_, _>>()
            .map(Json::Array);
    }
    let object: &js_sys::Object = value.unchecked_ref();
    let mut map = BTreeMap::new();
    for entry in js_sys::Object::entries(object).iter() {
        let entry: js_sys::Array = entry.unchecked_into();
        let key = entry.get(0).as_string().unwrap_or_default();
        map.insert(key, from_js(&entry.get(1), depth + 1)?);
    }
    Ok(Json::Object(map))
}
