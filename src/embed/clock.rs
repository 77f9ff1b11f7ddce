//! The one place the widget reads the clock: the visitor's `Date.now()` (which Playwright's
//! clock controls in the browser tests), corrected when a config server says it is wrong.

use chrono::{DateTime, NaiveDate, NaiveTime, Utc};

use crate::rules::zone;

/// Without hosted configs no server's time is ever known: the visitor's clock as it is.
#[cfg(not(feature = "hosted-config"))]
#[derive(Clone, Copy, Debug)]
pub struct Correction;

#[cfg(not(feature = "hosted-config"))]
impl Correction {
    pub const NONE: Correction = Correction;

    pub fn now(&mut self) -> DateTime<Utc> {
        DateTime::from_timestamp_millis(js_sys::Date::now() as i64).unwrap_or_default()
    }
}

/// A visitor clock further off than this is corrected with the config server's time.
#[cfg(feature = "hosted-config")]
const TRUSTED_SKEW_MS: i64 = 2 * 60 * 1000;

/// A response whose time (`Date` plus `Age`) is further behind the visitor's clock than this
/// is taken for a stale copy, not for a fast clock. A cache that does not send `Age` (a
/// service worker, an old proxy) looks exactly like a visitor clock that runs ahead; wrong
/// clocks that run ahead by more than 14 hours are rare (a wrong time zone setting gives at
/// most that much), while a kept copy can be days old.
#[cfg(feature = "hosted-config")]
const STALE_MS: i64 = 14 * 60 * 60 * 1000;

/// How to correct the visitor's clock, measured from one response.
///
/// It holds while the visitor's clock runs on undisturbed. When that clock jumps against the
/// browser's monotonic clock (`performance.now()`), the correction is re-evaluated at the next
/// reading: a jump that cancels it means the visitor's clock was set right, so it is dropped;
/// any other jump (typically a laptop's sleep, during which the monotonic clock may stand
/// still) keeps it. (A sleep exactly as long as the error, to within two minutes, looks the
/// same and drops it; the next page load measures again.)
#[cfg(feature = "hosted-config")]
#[derive(Clone, Copy, Debug)]
pub struct Correction {
    /// Added to the visitor's clock.
    offset_ms: i64,
    /// The visitor's clock minus the monotonic clock when last checked.
    anchor_ms: f64,
}

#[cfg(feature = "hosted-config")]
impl Correction {
    /// No correction: the visitor's clock is right, or nothing says otherwise.
    pub const NONE: Correction = Correction { offset_ms: 0, anchor_ms: 0.0 };

    /// The correction a response calls for, from its `Date` and `Age` headers: none unless the
    /// server's time differs from the visitor's clock by more than two minutes (transfer time
    /// and the headers' whole seconds stay below), or when the response is stale.
    ///
    /// A cache (a CDN) keeps the origin's `Date` and says in `Age` how many seconds ago that
    /// was, so the server's time now is `Date` + `Age`.
    pub fn from_headers(date: Option<&str>, age: Option<&str>) -> Correction {
        let Some(date) = date.map(js_sys::Date::parse).filter(|t| t.is_finite()) else {
            return Correction::NONE;
        };
        let age_ms = age.and_then(|age| age.trim().parse::<u32>().ok()).unwrap_or(0);
        let (wall, anchor_ms) = readings();
        let offset_ms = date as i64 + i64::from(age_ms) * 1000 - wall as i64;
        if offset_ms.abs() <= TRUSTED_SKEW_MS {
            return Correction::NONE;
        }
        if offset_ms < -STALE_MS {
            debug(&format!(
                "the config server's time is {} hours behind this device's clock: taken for a \
                 stale cached copy, so the device's clock is used.",
                -offset_ms / 3_600_000
            ));
            return Correction::NONE;
        }
        debug(&format!(
            "this device's clock differs from the config server's by {} minutes; using the \
             server's time.",
            offset_ms / 60_000
        ));
        Correction { offset_ms, anchor_ms }
    }

    /// Now, by the visitor's clock corrected, re-evaluating the correction first (see the
    /// type's documentation).
    pub fn now(&mut self) -> DateTime<Utc> {
        let (wall, anchor_ms) = readings();
        if self.offset_ms != 0 {
            let jump = (anchor_ms - self.anchor_ms) as i64;
            if jump.abs() > TRUSTED_SKEW_MS {
                if (self.offset_ms - jump).abs() <= TRUSTED_SKEW_MS {
                    debug("this device's clock was set right; using it again.");
                    self.offset_ms = 0;
                }
                self.anchor_ms = anchor_ms;
            }
        }
        DateTime::from_timestamp_millis(wall as i64 + self.offset_ms).unwrap_or_default()
    }
}

/// The visitor's clock, and it minus the monotonic clock (which stays put unless the wall
/// clock jumps). Without `performance` the second reading is 0: no jump is ever seen.
#[cfg(feature = "hosted-config")]
fn readings() -> (f64, f64) {
    let wall = js_sys::Date::now();
    let performance = web_sys::window().and_then(|window| window.performance());
    (wall, performance.map_or(0.0, |p| wall - p.now()))
}

#[cfg(feature = "hosted-config")]
fn debug(message: &str) {
    web_sys::console::debug_1(&format!("<digital-hotline>: {message}").into());
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
