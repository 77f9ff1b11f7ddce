//! Generators of valid schedules, shared by the property tests.

use chrono::{Days, NaiveDate, TimeDelta};
use digital_hotline::rules::{
    ClockTime, DayRule, Exception, Holiday, Interval, Schedule, WeeklyHours,
};
use proptest::prelude::*;

/// Disjoint intervals on quarter-hour boundaries, often touching each other, 00:00 or 24:00
/// (so openings run across midnight), sometimes inside the 02:00–03:00 DST hour.
pub fn day_intervals() -> impl Strategy<Value = Vec<Interval>> {
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

pub fn weekly() -> impl Strategy<Value = WeeklyHours> {
    prop::array::uniform7(day_intervals()).prop_map(|days| WeeklyHours::new(days).unwrap())
}

pub fn day_rule() -> impl Strategy<Value = DayRule> {
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

/// A schedule whose exceptions (up to five days long) and versions lie around `today`.
pub fn schedule_around(today: NaiveDate) -> impl Strategy<Value = Schedule> {
    let exceptions = prop::collection::vec((-20i64..40, 0u64..5, day_rule()), 0..4);
    let versions = prop::collection::vec((-30i64..60, weekly()), 0..3);
    let holidays = prop::collection::vec(day_rule(), Holiday::ALL.len());
    (weekly(), holidays, exceptions, versions).prop_map(
        move |(weekly, holidays, exceptions, versions)| {
            let mut schedule = Schedule::new(weekly);
            for (holiday, rule) in Holiday::ALL.into_iter().zip(holidays) {
                schedule.set_holiday(holiday, rule);
            }
            let shift = |days: i64| today.checked_add_signed(TimeDelta::days(days)).unwrap();
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
