//! Property tests of the status query over random instants (1990–2150) and random valid
//! schedules: the state holds from `since` up to `next_change` and flips exactly there, and
//! `next_open` is the next opening.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use chrono::{DateTime, Duration, Utc};
use digital_hotline::rules::{Schedule, zone};
use proptest::prelude::*;
use support::schedule_around;

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
