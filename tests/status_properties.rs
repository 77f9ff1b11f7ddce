//! Property tests of the status query over random instants (1990–2150) and random valid
//! schedules: the state holds from `since` up to `next_change` and flips exactly there, and
//! `next_open` is the next opening.
#![cfg(not(target_arch = "wasm32"))]

use chrono::{DateTime, Days, Duration, NaiveDate, Utc};
use digital_hotline::rules::{
    ClockTime, DayRule, Exception, Holiday, Interval, Schedule, WeeklyHours, zone,
};
use proptest::prelude::*;

/// Disjoint intervals on quarter-hour boundaries, often touching each other, 00:00 or 24:00
/// (so openings run across midnight), sometimes inside the 02:00–03:00 DST hour.
fn day_intervals() -> impl Strategy<Value = Vec<Interval>> {
    let bounds =
        prop::collection::btree_set(prop_oneof![Just(0u16), Just(96), 8u16..=12, 0u16..=96], 0..=6);
    (bounds, prop::collection::vec(any::<bool>(), 6)).prop_map(|(bounds, keep)| {
        let time = |q: u16| ClockTime::new((q / 4) as u8, (q % 4 * 15) as u8);
        let bounds: Vec<u16> = bounds.into_iter().collect();
        // Consecutive windows of the sorted bounds; keeping neighbours makes them touch.
        bounds
            .windows(2)
            .zip(keep)
            .filter(|(_, keep)| *keep)
            .filter_map(|(pair, _)| Interval::new(time(pair[0])?, time(pair[1])?))
            .collect()
    })
}

fn weekly() -> impl Strategy<Value = WeeklyHours> {
    prop::array::uniform7(day_intervals()).prop_map(|days| WeeklyHours::new(days).unwrap())
}

fn day_rule() -> impl Strategy<Value = DayRule> {
    prop_oneof![
        Just(DayRule::Closed),
        Just(DayRule::Ordinary),
        day_intervals().prop_map(|intervals| if intervals.is_empty() {
            DayRule::Closed
        } else {
            DayRule::Hours(intervals)
        }),
    ]
}

/// A schedule whose exceptions and versions lie around `today`, where the instant is.
fn schedule_around(today: NaiveDate) -> impl Strategy<Value = Schedule> {
    let exceptions = prop::collection::vec((-20i64..40, 0u64..5, day_rule()), 0..4);
    let versions = prop::collection::vec((-30i64..60, weekly()), 0..3);
    let holidays = prop::collection::vec(day_rule(), Holiday::ALL.len());
    (weekly(), holidays, exceptions, versions).prop_map(
        move |(weekly, holidays, exceptions, versions)| {
            let mut schedule = Schedule::new(weekly);
            for (holiday, rule) in Holiday::ALL.into_iter().zip(holidays) {
                schedule.set_holiday(holiday, rule);
            }
            let shift =
                |days: i64| today.checked_add_signed(chrono::TimeDelta::days(days)).unwrap();
            for (offset, length, rule) in exceptions {
                let first = shift(offset);
                let last = first.checked_add_days(Days::new(length)).unwrap();
                schedule.add_exception(Exception { first, last, rule, note: None });
            }
            for (offset, weekly) in versions {
                schedule.add_version(shift(offset), weekly);
            }
            schedule
        },
    )
}

fn instant_and_schedule() -> impl Strategy<Value = (DateTime<Utc>, Schedule)> {
    // 1990-01-01 to 2150-01-01, whole seconds.
    (631_152_000i64..5_680_281_600).prop_flat_map(|seconds| {
        let now = DateTime::from_timestamp(seconds, 0).unwrap();
        (Just(now), schedule_around(zone::local_date(now)))
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn state_holds_until_next_change_and_flips_there((now, schedule) in instant_and_schedule()) {
        let status = schedule.status_at(now);
        let open_at = |t: DateTime<Utc>| schedule.status_at(t).open;
        if let Some(next) = status.next_change {
            prop_assert!(next > now);
            let midpoint = now + (next - now) / 2;
            prop_assert_eq!(open_at(midpoint), status.open);
            prop_assert_eq!(open_at(next - Duration::seconds(1)), status.open);
            prop_assert_ne!(open_at(next), status.open);
        }
        if let Some(since) = status.since {
            prop_assert!(since <= now);
            prop_assert_eq!(open_at(since), status.open);
            prop_assert_ne!(open_at(since - Duration::seconds(1)), status.open);
        }
    }

    #[test]
    fn next_open_is_the_next_opening((now, schedule) in instant_and_schedule()) {
        let status = schedule.status_at(now);
        let Some(next_open) = status.next_open else { return Ok(()) };
        prop_assert!(next_open > now);
        prop_assert!(schedule.status_at(next_open).open);
        if status.open {
            // Closed from the coming close until next_open, and nothing opens in between.
            let close = status.next_change.unwrap();
            let closed = schedule.status_at(close);
            prop_assert!(!closed.open);
            prop_assert_eq!(closed.next_change, Some(next_open));
        } else {
            prop_assert_eq!(status.next_change, Some(next_open));
        }
    }
}
