//! Fuzzing the config parser and validator with generated JSON: whatever comes in, they return
//! a config or a list of problems; they never panic or hang. A short run is part of
//! `cargo test`; a long one:
//!
//! ```sh
//! PROPTEST_CASES=200000 cargo test --release --test config_fuzz   # ~2 minutes
//! ```
#![cfg(not(target_arch = "wasm32"))]

use chrono::DateTime;
use digital_hotline::config::{BUILTIN_JSON, Config};
use proptest::prelude::*;
use serde_json::Value;

/// Words the validator looks for, so generated documents get past the first checks.
const KEYS: &[&str] = &[
    "version",
    "name",
    "phone",
    "weekly",
    "holidays",
    "exceptions",
    "versions",
    "da",
    "en",
    "mon",
    "tue",
    "wed",
    "thu",
    "fri",
    "sat",
    "sun",
    "date",
    "from",
    "to",
    "hours",
    "note",
    "paaskedag",
    "juledag",
    "foerste_maj",
    "x",
];

fn leaf() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        (-3i64..30).prop_map(Value::from),
        any::<f64>()
            .prop_filter("JSON numbers are finite", |n| n.is_finite())
            .prop_map(Value::from),
        "[0-9]{2}:[0-9]{2}-[0-9]{2}:[0-9]{2}".prop_map(Value::from),
        "(19|20|21|22|29)[0-9]{2}-[01][0-9]-[0-3][0-9]".prop_map(Value::from),
        prop::sample::select(vec!["closed", "ordinary", "+4570200000", "24:00", "", "<b>"])
            .prop_map(Value::from),
        "\\PC{0,12}".prop_map(Value::from),
    ]
}

fn json() -> impl Strategy<Value = Value> {
    leaf().prop_recursive(6, 64, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..8).prop_map(Value::Array),
            prop::collection::vec((prop::sample::select(KEYS), inner), 0..8).prop_map(|fields| {
                Value::Object(fields.into_iter().map(|(k, v)| (k.to_owned(), v)).collect())
            }),
        ]
    })
}

/// Every place in a document, as JSON pointers.
fn pointers(value: &Value, at: String, out: &mut Vec<String>) {
    match value {
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                pointers(item, format!("{at}/{i}"), out);
            }
        }
        Value::Object(map) => {
            for (key, item) in map {
                pointers(item, format!("{at}/{key}"), out);
            }
        }
        _ => {}
    }
    out.push(at);
}

/// Checks the outcome is a config or a non-empty list of problems, and that a config
/// answers status queries.
fn check(outcome: Result<Config, digital_hotline::config::ConfigErrors>, seconds: i64) {
    match outcome {
        Ok(config) => {
            let now = DateTime::from_timestamp(seconds, 0).unwrap();
            let status = config.schedule.status_at(now);
            assert!(status.next_change.is_none_or(|next| next > now));
        }
        Err(errors) => {
            // Every problem has words in both languages.
            assert!(!errors.0.is_empty());
            assert!(errors.0.iter().all(|e| !e.english().is_empty() && !e.danish().is_empty()));
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn arbitrary_json_documents(doc in json()) {
        check(Config::from_json(&digital_hotline::config::json::parse(&doc.to_string()).unwrap()), 1_800_000_000);
    }

    #[test]
    fn arbitrary_text(text in "\\PC{0,200}") {
        check(Config::parse(&text), 1_800_000_000);
    }

    /// The built-in config with a few values swapped for generated ones: gets deep into
    /// the validator and, when the result is valid, into the time rules.
    #[test]
    fn mutated_builtin_config(
        edits in prop::collection::vec((any::<prop::sample::Index>(), json()), 1..4),
        seconds in 631_152_000i64..5_680_281_600,
    ) {
        let mut doc: Value = serde_json::from_str(BUILTIN_JSON).unwrap();
        for (index, value) in edits {
            let mut places = Vec::new();
            pointers(&doc, String::new(), &mut places);
            let place = index.get(&places).clone();
            match doc.pointer_mut(&place) {
                Some(slot) => *slot = value,
                None => doc = value,
            }
        }
        check(Config::parse(&doc.to_string()), seconds);
    }
}
