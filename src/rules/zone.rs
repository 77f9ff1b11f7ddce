//! Europe/Copenhagen wall-clock time ↔ instants.
//!
//! The hotline's hours are wall-clock times in Denmark, whatever zone the visitor's device is
//! in. Twice a year a wall-clock time is not a single instant:
//!
//! - **gap** (last Sunday of March, 02:00–03:00 does not exist): a time in the gap resolves to
//!   the instant the clocks jump, i.e. the first wall-clock time that does exist (03:00 CEST).
//! - **fold** (last Sunday of October, 02:00–03:00 happens twice): a time in the fold resolves
//!   to the **earlier** of its two instants (the CEST one).
//!
//! Both rules map wall-clock time to instants monotonically (a later wall-clock time never gets
//! an earlier instant), so an interval keeps its order; an interval that lies wholly inside the
//! gap becomes empty.

use chrono::{
    DateTime, Datelike, Duration, NaiveDate, NaiveDateTime, Offset, TimeZone, Timelike, Utc,
};
use chrono_tz::Europe::Copenhagen;

/// The instant of a Copenhagen wall-clock time, with the gap and fold rules above.
pub fn instant(local: NaiveDateTime) -> DateTime<Utc> {
    match Copenhagen.from_local_datetime(&local) {
        chrono::LocalResult::Single(t) => t.to_utc(),
        chrono::LocalResult::Ambiguous(earlier, _later) => earlier.to_utc(),
        chrono::LocalResult::None => gap_end(local),
    }
}

/// The Copenhagen calendar date and wall-clock time of an instant.
pub fn local(t: DateTime<Utc>) -> NaiveDateTime {
    t.with_timezone(&Copenhagen).naive_local()
}

/// The Copenhagen calendar date of an instant.
pub fn local_date(t: DateTime<Utc>) -> NaiveDate {
    local(t).date()
}

/// RFC 3339 with the Copenhagen offset, to the second: `2026-11-30T21:00:00+01:00`.
///
/// Written out by hand: it is the public `next-change` format, and chrono's general formatter
/// would cost the wasm build more than this function.
pub fn rfc3339(t: DateTime<Utc>) -> String {
    let wall = local(t);
    let offset = offset_at(t);
    let sign = if offset < 0 { '-' } else { '+' };
    let (hours, minutes) = (offset.abs() / 3600, offset.abs() % 3600 / 60);
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}{sign}{hours:02}:{minutes:02}",
        wall.year(),
        wall.month(),
        wall.day(),
        wall.hour(),
        wall.minute(),
        wall.second(),
    )
}

/// UTC offset in seconds east at an instant.
fn offset_at(t: DateTime<Utc>) -> i64 {
    i64::from(Copenhagen.offset_from_utc_datetime(&t.naive_utc()).fix().local_minus_utc())
}

/// The instant the clocks jumped over `local`, which lies in a gap.
///
/// With `before`/`after` the offsets either side of the gap, the jump instant `T` satisfies
/// `local - after < T <= local - before` (read `local` as if it were UTC); the offset changes
/// exactly once in that window, so a binary search over whole seconds finds `T`.
fn gap_end(local: NaiveDateTime) -> DateTime<Utc> {
    let as_utc = local.and_utc();
    let before = offset_at(as_utc - Duration::days(1));
    let after = offset_at(as_utc + Duration::days(1));
    let (mut lo, mut hi) = (as_utc.timestamp() - after, as_utc.timestamp() - before);
    while hi - lo > 1 {
        let mid = lo + (hi - lo) / 2;
        let mid_instant = DateTime::from_timestamp(mid, 0).unwrap_or(as_utc);
        if offset_at(mid_instant) == after {
            hi = mid;
        } else {
            lo = mid;
        }
    }
    DateTime::from_timestamp(hi, 0).unwrap_or(as_utc)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wall(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M:%S").unwrap()
    }

    fn utc(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().to_utc()
    }

    #[test]
    fn ordinary_times_have_one_instant() {
        assert_eq!(instant(wall("2026-11-30 21:00:00")), utc("2026-11-30T20:00:00Z"));
        assert_eq!(instant(wall("2026-07-01 09:00:00")), utc("2026-07-01T07:00:00Z"));
    }

    #[test]
    fn gap_resolves_to_the_jump() {
        // 29 March 2026: 02:00 CET becomes 03:00 CEST at 01:00 UTC.
        assert_eq!(instant(wall("2026-03-29 01:59:59")), utc("2026-03-29T00:59:59Z"));
        assert_eq!(instant(wall("2026-03-29 02:00:00")), utc("2026-03-29T01:00:00Z"));
        assert_eq!(instant(wall("2026-03-29 02:30:00")), utc("2026-03-29T01:00:00Z"));
        assert_eq!(instant(wall("2026-03-29 02:59:59")), utc("2026-03-29T01:00:00Z"));
        assert_eq!(instant(wall("2026-03-29 03:00:00")), utc("2026-03-29T01:00:00Z"));
        assert_eq!(instant(wall("2026-03-29 03:00:01")), utc("2026-03-29T01:00:01Z"));
    }

    #[test]
    fn fold_resolves_to_the_earlier_instant() {
        // 25 October 2026: 03:00 CEST becomes 02:00 CET at 01:00 UTC.
        assert_eq!(instant(wall("2026-10-25 01:59:59")), utc("2026-10-24T23:59:59Z"));
        assert_eq!(instant(wall("2026-10-25 02:00:00")), utc("2026-10-25T00:00:00Z"));
        assert_eq!(instant(wall("2026-10-25 02:30:00")), utc("2026-10-25T00:30:00Z"));
        assert_eq!(instant(wall("2026-10-25 02:59:59")), utc("2026-10-25T00:59:59Z"));
        assert_eq!(instant(wall("2026-10-25 03:00:00")), utc("2026-10-25T02:00:00Z"));
    }

    #[test]
    fn local_reads_wall_clock_on_both_sides_of_the_fold() {
        assert_eq!(local(utc("2026-10-25T00:30:00Z")), wall("2026-10-25 02:30:00"));
        assert_eq!(local(utc("2026-10-25T01:30:00Z")), wall("2026-10-25 02:30:00"));
        assert_eq!(local_date(utc("2026-12-31T23:00:00Z")), wall("2027-01-01 00:00:00").date());
    }

    /// `CHRONO_TZ_TIMEZONE_FILTER` in `.cargo/config.toml` keeps the wasm small. (tzdata links
    /// Copenhagen to Berlin, so Berlin stays in too; any other zone must not.)
    #[test]
    fn rfc3339_carries_the_copenhagen_offset() {
        assert_eq!(rfc3339(utc("2026-11-30T20:00:00Z")), "2026-11-30T21:00:00+01:00");
        assert_eq!(rfc3339(utc("2026-07-01T07:00:00Z")), "2026-07-01T09:00:00+02:00");
        assert_eq!(rfc3339(utc("2026-10-25T00:30:00Z")), "2026-10-25T02:30:00+02:00");
        assert_eq!(rfc3339(utc("2026-10-25T01:30:00Z")), "2026-10-25T02:30:00+01:00");
        assert_eq!(rfc3339(utc("2026-12-31T23:00:00Z")), "2027-01-01T00:00:00+01:00");
    }

    #[test]
    fn only_copenhagen_is_compiled_in() {
        assert!("Europe/Copenhagen".parse::<chrono_tz::Tz>().is_ok());
        assert!("America/New_York".parse::<chrono_tz::Tz>().is_err());
        assert!("Europe/London".parse::<chrono_tz::Tz>().is_err());
    }
}
