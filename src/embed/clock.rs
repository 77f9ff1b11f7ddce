//! The one place the widget reads the clock: the visitor's `Date.now()`, which Playwright's
//! clock controls in the browser tests.

use chrono::{DateTime, Utc};

pub fn now() -> DateTime<Utc> {
    DateTime::from_timestamp_millis(js_sys::Date::now() as i64).unwrap_or_default()
}
