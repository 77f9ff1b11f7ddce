//! The one place the widget reads the clock: the visitor's `Date.now()` (which Playwright's
//! clock controls in the browser tests), corrected when a config server says it is wrong.

use chrono::{DateTime, NaiveDate, NaiveTime, Utc};

use crate::rules::zone;

/// A visitor clock further off than this is corrected with the config server's time.
const TRUSTED_SKEW_MS: i64 = 2 * 60 * 1000;

/// Now, by the visitor's clock plus `offset_ms`.
pub fn now(offset_ms: i64) -> DateTime<Utc> {
    let millis = js_sys::Date::now() as i64 + offset_ms;
    DateTime::from_timestamp_millis(millis).unwrap_or_default()
}

/// The correction for the visitor's clock from a response's `Date` header: 0 unless the two
/// differ by more than two minutes (transfer time and the header's whole seconds stay below).
pub fn offset_from(date_header: Option<&str>) -> i64 {
    let Some(server) = date_header.map(js_sys::Date::parse).filter(|t| t.is_finite()) else {
        return 0;
    };
    let offset = server as i64 - js_sys::Date::now() as i64;
    if offset.abs() <= TRUSTED_SKEW_MS {
        return 0;
    }
    let minutes = offset / 60_000;
    let message = format!(
        "<digital-hotline>: this device's clock differs from the config server's by {minutes} \
         minutes; using the server's time."
    );
    web_sys::console::debug_1(&message.into());
    offset
}

/// A `preview-at` value: Copenhagen wall time `YYYY-MM-DDTHH:MM[:SS]` (what a
/// `datetime-local` input gives), or any instant with an offset, such as RFC 3339.
pub fn parse_preview(value: &str) -> Option<DateTime<Utc>> {
    let value = value.trim();
    let number = |range: std::ops::Range<usize>| value.get(range)?.parse::<u32>().ok();
    let wall = match value.len() {
        16 | 19 if value.as_bytes()[10] == b'T' || value.as_bytes()[10] == b' ' => {
            let date =
                NaiveDate::from_ymd_opt(number(0..4)? as i32, number(5..7)?, number(8..10)?)?;
            let seconds = if value.len() == 19 { number(17..19)? } else { 0 };
            let time = NaiveTime::from_hms_opt(number(11..13)?, number(14..16)?, seconds)?;
            Some(zone::instant(date.and_time(time)))
        }
        _ => None,
    };
    wall.or_else(|| {
        let millis = js_sys::Date::parse(value);
        millis.is_finite().then(|| DateTime::from_timestamp_millis(millis as i64)).flatten()
    })
}
