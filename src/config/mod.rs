//! The JSON config: service name, phone number and every time rule, validated into a
//! [`Config`] with errors that name the field. The built-in default is `hotline.json` in this
//! folder, compiled in; a hosted config (the `config` attribute) uses the same format.

pub mod json;
pub mod problem;
mod validate;

use crate::rules::{Bilingual, Schedule};

pub use json::Json;
pub use problem::{ConfigError, FORMAT_VERSION, Kind, Path, Step};
pub use validate::ConfigErrors;

/// The built-in config, also the starting point for a hosted one.
pub const BUILTIN_JSON: &str = include_str!("hotline.json");

/// What a widget shows, and for which line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Config {
    /// The service's name.
    pub name: Bilingual,
    /// `+45` and 8 digits, e.g. `+4570200000`.
    pub phone: String,
    pub schedule: Schedule,
}

impl Config {
    /// Validates a parsed document.
    pub fn from_json(json: &Json) -> Result<Config, ConfigErrors> {
        validate::config(json)
    }

    /// Parses and validates JSON text (with `serde_json`; the wasm build parses with the
    /// browser's `JSON.parse` and calls [`Config::from_json`]).
    #[cfg(not(target_arch = "wasm32"))]
    pub fn parse(text: &str) -> Result<Config, ConfigErrors> {
        let json =
            json::parse(text).map_err(|kind| ConfigErrors(vec![ConfigError::document(kind)]))?;
        Config::from_json(&json)
    }

    /// The line as announced, coded in Rust: what `hotline.json` says (tested). The wasm uses
    /// it as the built-in config, so it parses no JSON unless a page names a hosted config.
    pub fn announced() -> Config {
        Config {
            name: Bilingual {
                da: "Den Digitale Hotline".to_owned(),
                en: "The Digital Hotline".to_owned(),
            },
            phone: "+4570200000".to_owned(),
            schedule: Schedule::hotline_default(),
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))] // the tests parse with serde_json
mod tests;
