//! What a widget shows, and for which line: the built-in defaults. A hosted, validated JSON
//! config will replace these values per embed (time-rules issue); the widget only ever sees
//! this type.

use crate::rules::Schedule;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Config {
    /// E.164, e.g. `+4570200000`.
    pub phone: String,
    pub schedule: Schedule,
}

impl Config {
    /// Den Digitale Hotline as announced: 70 20 00 00, the default weekly hours.
    pub fn builtin() -> Config {
        Config { phone: "+4570200000".to_owned(), schedule: Schedule::hotline_default() }
    }
}
