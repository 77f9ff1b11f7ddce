//! Property tests of the status query over random instants (1990–2150) and random valid
//! schedules: the state holds up to `next_change` and flips exactly there. (`status_oracle.rs`
//! checks the same against an independent computation.)
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
    }
}
