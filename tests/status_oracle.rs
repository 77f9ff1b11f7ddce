//! `status_at` against an independent, brute-force oracle.
//!
//! The oracle shares only [`Schedule::day`] (which intervals a calendar day has) with the code
//! under test. It turns wall-clock times into instants its own way: Copenhagen's offset from
//! the EU rule written out afresh (Denmark's rule since 1996, so instants are drawn from
//! 1996–2197), and a wall-clock time's instant as the first UTC minute whose wall-clock time is
//! not earlier — which is the documented gap rule (the jump) and fold rule (the earlier
//! instant) without naming either. Open means: inside some interval's `[start, end)`. No
//! merging, no look-ahead loop.
//!
//! Then, second by second around every interval boundary in the three weeks after a random
//! instant, and at random instants, `status_at(t).open` must equal the oracle's membership and
//! `status_at(t).next_change` the first later instant where membership differs (or `None` when
//! that lies beyond the 400-day look-ahead).
#![cfg(not(target_arch = "wasm32"))]

mod support;

use chrono::{DateTime, Datelike, Days, Duration, NaiveDate, NaiveDateTime, NaiveTime, Utc};
use chrono::{TimeDelta, Weekday};
use digital_hotline::rules::{LOOKAHEAD_DAYS, Schedule};
use proptest::prelude::*;
use support::schedule_around;

/// How many days after the drawn instant are probed around every boundary.
const PROBED_DAYS: u64 = 21;

/// Copenhagen wall-clock time of an instant: CEST (+2) from 01:00 UTC on the last Sunday of
/// March until 01:00 UTC on the last Sunday of October, CET (+1) otherwise.
fn wall(t: DateTime<Utc>) -> NaiveDateTime {
    let change = |month: u32| {
        let last_sunday = (25..=31)
            .map(|day| NaiveDate::from_ymd_opt(t.year(), month, day).unwrap())
            .find(|date| date.weekday() == Weekday::Sun)
            .unwrap();
        last_sunday.and_hms_opt(1, 0, 0).unwrap().and_utc()
    };
    let summer = change(3) <= t && t < change(10);
    t.naive_utc() + Duration::hours(if summer { 2 } else { 1 })
}

/// The first whole UTC minute whose wall-clock time is `local` or later. Copenhagen is 1 or 2
/// hours ahead of UTC, so the walk starts 2 hours before `local` read as UTC.
fn instant(local: NaiveDateTime) -> DateTime<Utc> {
    let mut t = local.and_utc() - Duration::hours(2);
    while wall(t) < local {
        t += Duration::minutes(1);
    }
    t
}

/// Midnight starting `date`, as an instant.
fn midnight(date: NaiveDate) -> DateTime<Utc> {
    instant(date.and_time(NaiveTime::MIN))
}

/// Every opening interval of some days as instants `[start, end)`, unmerged.
struct Oracle {
    spans: Vec<(DateTime<Utc>, DateTime<Utc>)>,
    /// Every span boundary, sorted, with the state from it on: membership changes only there.
    boundaries: Vec<(DateTime<Utc>, bool)>,
}

impl Oracle {
    fn new(schedule: &Schedule, days: impl Iterator<Item = NaiveDate>) -> Oracle {
        let mut spans = Vec::new();
        for date in days {
            let start_of_day = date.and_time(NaiveTime::MIN);
            for interval in schedule.day(date).intervals {
                let at =
                    |minutes: u16| instant(start_of_day + Duration::minutes(i64::from(minutes)));
                spans.push((at(interval.start.minutes()), at(interval.end.minutes())));
            }
        }
        let mut instants: Vec<_> = spans.iter().flat_map(|&(s, e)| [s, e]).collect();
        instants.sort();
        instants.dedup();
        let mut oracle = Oracle { spans, boundaries: Vec::new() };
        oracle.boundaries = instants.into_iter().map(|b| (b, oracle.open_at(b))).collect();
        oracle
    }

    fn open_at(&self, t: DateTime<Utc>) -> bool {
        self.spans.iter().any(|&(start, end)| start <= t && t < end)
    }

    /// The first instant after `t` with the other state, if before 24:00 on the 400th day
    /// after `t`'s date (as far as `status_at` promises to know).
    fn next_change(&self, t: DateTime<Utc>) -> Option<DateTime<Utc>> {
        let horizon_end = midnight(wall(t).date() + Days::new(LOOKAHEAD_DAYS + 1));
        let open = self.open_at(t);
        self.boundaries
            .iter()
            .filter(|&&(b, _)| b > t)
            .take_while(|&&(b, _)| b < horizon_end)
            .find(|&&(_, state)| state != open)
            .map(|&(b, _)| b)
    }
}

/// Instants 1996–2197: anywhere, or within three days of a DST change, or around the end of
/// chrono-tz's table (mid-2099 to mid-2100).
fn instant_strategy() -> impl Strategy<Value = DateTime<Utc>> {
    let anywhere = (820_454_400i64..7_131_888_000).prop_map(|s| DateTime::from_timestamp(s, 0));
    let dst = (1996i32..2198, prop::bool::ANY, -3i64..=3, 0i64..86_400).prop_map(
        |(year, spring, days, seconds)| {
            let last = NaiveDate::from_ymd_opt(year, if spring { 3 } else { 10 }, 31).unwrap();
            let sunday = last - TimeDelta::days(i64::from(last.weekday().num_days_from_sunday()));
            let day = sunday + TimeDelta::days(days);
            Some(day.and_time(NaiveTime::MIN).and_utc() + Duration::seconds(seconds))
        },
    );
    let table_end = (4_086_000_000i64..4_118_000_000).prop_map(|s| DateTime::from_timestamp(s, 0));
    prop_oneof![anywhere, dst, table_end].prop_map(Option::unwrap)
}

fn case() -> impl Strategy<Value = (DateTime<Utc>, Schedule, Vec<u32>)> {
    instant_strategy().prop_flat_map(|now| {
        // Random probes: seconds into the probed window.
        let probes = prop::collection::vec(0u32..(PROBED_DAYS as u32 * 86_400), 8);
        (Just(now), schedule_around(wall(now).date()), probes)
    })
}

/// Checks `status_at` at `t` against the oracle.
fn check(schedule: &Schedule, oracle: &Oracle, t: DateTime<Utc>) -> Result<(), TestCaseError> {
    let status = schedule.status_at(t);
    prop_assert_eq!(status.open, oracle.open_at(t), "open at {}", t);
    prop_assert_eq!(status.next_change, oracle.next_change(t), "next change at {}", t);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn status_agrees_with_brute_force((now, schedule, probes) in case()) {
        let today = wall(now).date();
        let first = today - Days::new(1);
        let last = today + Days::new(PROBED_DAYS + LOOKAHEAD_DAYS + 1);
        let oracle = Oracle::new(&schedule, first.iter_days().take_while(|d| *d <= last));
        let window_end = now + Duration::days(PROBED_DAYS as i64);

        check(&schedule, &oracle, now)?;
        for &(b, _) in oracle.boundaries.iter().filter(|&&(b, _)| now < b && b < window_end) {
            for t in [b - Duration::seconds(1), b, b + Duration::seconds(1)] {
                check(&schedule, &oracle, t)?;
            }
        }
        for seconds in probes {
            check(&schedule, &oracle, now + Duration::seconds(i64::from(seconds)))?;
        }
    }
}

/// The oracle's own conversion, at the rule's stated examples: it must be right before it can
/// judge anything.
#[test]
fn oracle_conversion_follows_the_rule() {
    let utc = |s: &str| DateTime::parse_from_rfc3339(s).unwrap().to_utc();
    let local = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap();
    let rows = [
        // Ordinary winter and summer times.
        ("2026-11-30 21:00", "2026-11-30T20:00:00Z"),
        ("2026-07-01 09:00", "2026-07-01T07:00:00Z"),
        // Gap (29 March 2026): 02:00–03:00 is the jump at 01:00 UTC.
        ("2026-03-29 01:59", "2026-03-29T00:59:00Z"),
        ("2026-03-29 02:30", "2026-03-29T01:00:00Z"),
        ("2026-03-29 03:00", "2026-03-29T01:00:00Z"),
        // Fold (25 October 2026): the earlier instant.
        ("2026-10-25 02:30", "2026-10-25T00:30:00Z"),
        ("2026-10-25 03:00", "2026-10-25T02:00:00Z"),
        // The rule goes on after 2099: 28 March and 31 October 2100.
        ("2100-03-28 02:30", "2100-03-28T01:00:00Z"),
        ("2100-07-01 12:00", "2100-07-01T10:00:00Z"),
        ("2100-10-31 02:30", "2100-10-31T00:30:00Z"),
    ];
    for (wall_clock, expected) in rows {
        assert_eq!(instant(local(wall_clock)), utc(expected), "{wall_clock}");
    }
}
