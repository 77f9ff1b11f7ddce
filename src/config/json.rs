//! A parsed JSON document as plain data, so one validator serves every way of parsing text:
//! `serde_json` natively (the validator command, tests) and the browser's own `JSON.parse` in
//! the wasm build, which keeps a JSON parser out of the download.

use std::collections::BTreeMap;

#[cfg(not(target_arch = "wasm32"))]
use super::problem::Kind;

/// Nesting deeper than this is refused: a config is at most five levels deep, and a limit
/// keeps hostile input from exhausting the stack.
pub const MAX_DEPTH: usize = 32;

/// Larger config files are refused before parsing.
pub const MAX_BYTES: usize = 256 * 1024;

#[derive(Clone, Debug, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    Number(f64),
    String(String),
    Array(Vec<Json>),
    /// Keys sorted, so every parser reports problems in the same order; a repeated key keeps
    /// its last value, as `JSON.parse` does.
    Object(BTreeMap<String, Json>),
}

/// Parses JSON text with `serde_json`.
#[cfg(not(target_arch = "wasm32"))]
pub fn parse(text: &str) -> Result<Json, Kind> {
    if text.len() > MAX_BYTES {
        return Err(Kind::TooLarge { bytes: text.len() });
    }
    let value: serde_json::Value =
        serde_json::from_str(text).map_err(|error| Kind::NotJson(error.to_string()))?;
    from_serde(&value, 0)
}

#[cfg(not(target_arch = "wasm32"))]
fn from_serde(value: &serde_json::Value, depth: usize) -> Result<Json, Kind> {
    use serde_json::Value;
    if depth > MAX_DEPTH {
        return Err(Kind::TooDeep);
    }
    Ok(match value {
        Value::Null => Json::Null,
        Value::Bool(b) => Json::Bool(*b),
        Value::Number(n) => Json::Number(n.as_f64().unwrap_or(f64::NAN)),
        Value::String(s) => Json::String(s.clone()),
        Value::Array(items) => Json::Array(
            items.iter().map(|item| from_serde(item, depth + 1)).collect::<Result<_, _>>()?,
        ),
        Value::Object(map) => Json::Object(
            map.iter()
                .map(|(key, item)| Ok((key.clone(), from_serde(item, depth + 1)?)))
                .collect::<Result<_, Kind>>()?,
        ),
    })
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn parses_values() {
        let json = parse(r#"{"b": [1, true, null], "a": "x", "a": "y"}"#).unwrap();
        let Json::Object(map) = json else { panic!("object expected") };
        assert_eq!(map.keys().collect::<Vec<_>>(), ["a", "b"]);
        assert_eq!(map["a"], Json::String("y".into()));
        assert_eq!(map["b"], Json::Array(vec![Json::Number(1.0), Json::Bool(true), Json::Null]));
    }

    #[test]
    fn refuses_bad_text_deep_nesting_and_huge_files() {
        assert!(matches!(parse("{"), Err(Kind::NotJson(_))));
        let deep = format!("{}{}", "[".repeat(40), "]".repeat(40));
        assert_eq!(parse(&deep), Err(Kind::TooDeep));
        let huge = format!("[{}0]", "0,".repeat(MAX_BYTES));
        assert_eq!(parse(&huge), Err(Kind::TooLarge { bytes: huge.len() }));
    }
}
