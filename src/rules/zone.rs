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
//!
//! **Beyond 2099.** chrono-tz builds its transitions for the years up to 2099 only; after the
//! last one (October 2099) its table says CET for ever. From [`TABLE_END`] (2100-01-01 00:00
//! UTC, in winter, so both agree there) this module applies the EU rule instead: CET (+01:00),
//! and CEST (+02:00) from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday
//! of October. Every conversion below goes through [`offset_at`] and [`candidates`], so both
//! sides of the boundary follow the same gap and fold rules.

use chrono::{
    DateTime, Datelike, Duration, LocalResult, NaiveDate, NaiveDateTime, NaiveTime, Offset,
    TimeZone, Timelike, Utc, Weekday,
};
use chrono_tz::Europe::Copenhagen;

/// The first instant chrono-tz's table does not cover with real rules: 2100-01-01T00:00:00Z.
const TABLE_END: i64 = 4_102_444_800;

const CET: i64 = 3600;
const CEST: i64 = 7200;

/// The instant of a Copenhagen wall-clock time, with the gap and fold rules above.
pub fn instant(local: NaiveDateTime) -> DateTime<Utc> {
    match candidates(local) {
        LocalResult::Single(t) => t,
        LocalResult::Ambiguous(earlier, _later) => earlier,
        LocalResult::None => gap_end(local),
    }
}

/// The Copenhagen calendar date and wall-clock time of an instant.
pub fn local(t: DateTime<Utc>) -> NaiveDateTime {
    let wall = t.naive_utc().checked_add_signed(Duration::seconds(offset_at(t)));
    // Only the last hours chrono can represent overflow; they stay as they are.
    wall.unwrap_or(t.naive_utc())
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
    if t.timestamp() < TABLE_END {
        i64::from(Copenhagen.offset_from_utc_datetime(&t.naive_utc()).fix().local_minus_utc())
    } else {
        eu_offset(t)
    }
}

/// The instants whose Copenhagen wall-clock time is `local`: one, two (fold) or none (gap).
fn candidates(local: NaiveDateTime) -> LocalResult<DateTime<Utc>> {
    let as_utc = local.and_utc();
    // Wall-clock times before 2100-01-01 01:00 are before TABLE_END whatever the offset (CET
    // there), so chrono-tz answers them; later ones are tried against the EU rule's two offsets.
    if as_utc.timestamp() < TABLE_END + CET {
        return Copenhagen.from_local_datetime(&local).map(|t| t.to_utc());
    }
    let summer = as_utc - Duration::seconds(CEST);
    let winter = as_utc - Duration::seconds(CET);
    match (eu_offset(summer) == CEST, eu_offset(winter) == CET) {
        (true, true) => LocalResult::Ambiguous(summer, winter),
        (true, false) => LocalResult::Single(summer),
        (false, true) => LocalResult::Single(winter),
        (false, false) => LocalResult::None,
    }
}

/// The EU rule (Directive 2000/84/EC): summer time from 01:00 UTC on the last Sunday of March
/// to 01:00 UTC on the last Sunday of October.
fn eu_offset(t: DateTime<Utc>) -> i64 {
    let year = t.year();
    let starts = last_sunday_one_utc(year, 3);
    let ends = last_sunday_one_utc(year, 10);
    if (starts..ends).contains(&t) { CEST } else { CET }
}

/// 01:00 UTC on the last Sunday of `month` (March or October: both have 31 days).
fn last_sunday_one_utc(year: i32, month: u32) -> DateTime<Utc> {
    let last = NaiveDate::from_ymd_opt(year, month, 31).unwrap_or(NaiveDate::MAX);
    let back = last.weekday().days_since(Weekday::Sun);
    let sunday = last - Duration::days(i64::from(back));
    sunday.and_time(NaiveTime::MIN).and_utc() + Duration::hours(1)
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

    /// The last transitions in chrono-tz's table (2099) and the EU rule beyond it (2100, 2200).
    /// Expected values come from the rule: the clocks change at 01:00 UTC on the last Sunday of
    /// March (29 Mar 2099, 28 Mar 2100, 30 Mar 2200) and of October (25 Oct 2099, 31 Oct 2100,
    /// 26 Oct 2200).
    #[test]
    fn instants_read_as_wall_clock_around_the_transitions_2099_to_2200() {
        let rows = [
            ("2099-03-29T00:59:59Z", "2099-03-29T01:59:59+01:00"),
            ("2099-03-29T01:00:00Z", "2099-03-29T03:00:00+02:00"),
            ("2099-03-29T01:00:01Z", "2099-03-29T03:00:01+02:00"),
            ("2099-10-25T00:59:59Z", "2099-10-25T02:59:59+02:00"),
            ("2099-10-25T01:00:00Z", "2099-10-25T02:00:00+01:00"),
            ("2099-10-25T01:00:01Z", "2099-10-25T02:00:01+01:00"),
            ("2099-12-31T23:59:59Z", "2100-01-01T00:59:59+01:00"),
            ("2100-01-01T00:00:00Z", "2100-01-01T01:00:00+01:00"),
            ("2100-03-28T00:59:59Z", "2100-03-28T01:59:59+01:00"),
            ("2100-03-28T01:00:00Z", "2100-03-28T03:00:00+02:00"),
            ("2100-03-28T01:00:01Z", "2100-03-28T03:00:01+02:00"),
            ("2100-07-01T10:00:00Z", "2100-07-01T12:00:00+02:00"),
            ("2100-10-31T00:59:59Z", "2100-10-31T02:59:59+02:00"),
            ("2100-10-31T01:00:00Z", "2100-10-31T02:00:00+01:00"),
            ("2100-10-31T01:00:01Z", "2100-10-31T02:00:01+01:00"),
            ("2200-03-30T00:59:59Z", "2200-03-30T01:59:59+01:00"),
            ("2200-03-30T01:00:00Z", "2200-03-30T03:00:00+02:00"),
            ("2200-03-30T01:00:01Z", "2200-03-30T03:00:01+02:00"),
            ("2200-10-26T00:59:59Z", "2200-10-26T02:59:59+02:00"),
            ("2200-10-26T01:00:00Z", "2200-10-26T02:00:00+01:00"),
            ("2200-10-26T01:00:01Z", "2200-10-26T02:00:01+01:00"),
        ];
        for (t, expected) in rows {
            assert_eq!(rfc3339(utc(t)), expected, "{t}");
            assert_eq!(local(utc(t)), wall(&expected[..19].replace('T', " ")), "{t}");
        }
    }

    /// Wall-clock times around the same transitions, with the gap and fold rules.
    #[test]
    fn wall_clock_reads_as_instants_around_the_transitions_2099_to_2200() {
        let rows = [
            // Gaps: 02:00–03:00 does not exist; it and 03:00 are the jump.
            ("2099-03-29 01:59:59", "2099-03-29T00:59:59Z"),
            ("2099-03-29 02:00:00", "2099-03-29T01:00:00Z"),
            ("2099-03-29 02:30:00", "2099-03-29T01:00:00Z"),
            ("2099-03-29 03:00:00", "2099-03-29T01:00:00Z"),
            ("2099-03-29 03:00:01", "2099-03-29T01:00:01Z"),
            ("2100-03-28 01:59:59", "2100-03-28T00:59:59Z"),
            ("2100-03-28 02:00:00", "2100-03-28T01:00:00Z"),
            ("2100-03-28 02:30:00", "2100-03-28T01:00:00Z"),
            ("2100-03-28 03:00:00", "2100-03-28T01:00:00Z"),
            ("2100-03-28 03:00:01", "2100-03-28T01:00:01Z"),
            ("2200-03-30 01:59:59", "2200-03-30T00:59:59Z"),
            ("2200-03-30 02:00:00", "2200-03-30T01:00:00Z"),
            ("2200-03-30 02:30:00", "2200-03-30T01:00:00Z"),
            ("2200-03-30 03:00:00", "2200-03-30T01:00:00Z"),
            ("2200-03-30 03:00:01", "2200-03-30T01:00:01Z"),
            // Folds: 02:00–03:00 happens twice; the earlier (CEST) instant is taken.
            ("2099-10-25 01:59:59", "2099-10-24T23:59:59Z"),
            ("2099-10-25 02:00:00", "2099-10-25T00:00:00Z"),
            ("2099-10-25 02:59:59", "2099-10-25T00:59:59Z"),
            ("2099-10-25 03:00:00", "2099-10-25T02:00:00Z"),
            ("2100-10-31 01:59:59", "2100-10-30T23:59:59Z"),
            ("2100-10-31 02:00:00", "2100-10-31T00:00:00Z"),
            ("2100-10-31 02:59:59", "2100-10-31T00:59:59Z"),
            ("2100-10-31 03:00:00", "2100-10-31T02:00:00Z"),
            ("2200-10-26 01:59:59", "2200-10-25T23:59:59Z"),
            ("2200-10-26 02:00:00", "2200-10-26T00:00:00Z"),
            ("2200-10-26 02:59:59", "2200-10-26T00:59:59Z"),
            ("2200-10-26 03:00:00", "2200-10-26T02:00:00Z"),
            // Across the end of chrono-tz's table, and an ordinary summer day after it.
            ("2100-01-01 00:59:59", "2099-12-31T23:59:59Z"),
            ("2100-01-01 01:00:00", "2100-01-01T00:00:00Z"),
            ("2100-07-01 12:00:00", "2100-07-01T10:00:00Z"),
        ];
        for (local_time, expected) in rows {
            assert_eq!(instant(wall(local_time)), utc(expected), "{local_time}");
        }
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
