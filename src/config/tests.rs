//! Every validation message, asserted word for word, and the built-in config.

use chrono::NaiveDate;
use serde_json::{Value, json};

use super::*;
use crate::rules::{DayRule, Holiday, Interval, Reason};

/// The built-in config with `edits` applied: (JSON pointer, new value); `Value::Null` at a
/// pointer ending in `/-` appends nothing, a `null` value removes the field.
fn config_with(edits: &[(&str, Value)]) -> String {
    let mut doc: Value = serde_json::from_str(BUILTIN_JSON).unwrap();
    for (pointer, value) in edits {
        let (parent, key) = pointer.rsplit_once('/').unwrap();
        let parent = doc.pointer_mut(parent).unwrap();
        match (parent, value) {
            (Value::Object(map), Value::Null) => {
                map.remove(key);
            }
            (Value::Object(map), value) => {
                map.insert(key.to_owned(), value.clone());
            }
            (Value::Array(items), value) => items[key.parse::<usize>().unwrap()] = value.clone(),
            _ => panic!("cannot edit {pointer}"),
        }
    }
    doc.to_string()
}

fn errors(text: &str) -> Vec<String> {
    match Config::parse(text) {
        Ok(_) => Vec::new(),
        Err(ConfigErrors(errors)) => errors.iter().map(ToString::to_string).collect(),
    }
}

fn errors_with(edits: &[(&str, Value)]) -> Vec<String> {
    errors(&config_with(edits))
}

#[test]
fn builtin_json_is_the_announced_line() {
    assert_eq!(Config::parse(BUILTIN_JSON), Ok(Config::announced()));
}

#[test]
fn minimal_config_gets_default_holidays() {
    let text = config_with(&[
        ("/holidays", Value::Null),
        ("/exceptions", Value::Null),
        ("/versions", Value::Null),
    ]);
    assert_eq!(Config::parse(&text), Ok(Config::announced()));
}

#[test]
fn full_config_reaches_the_schedule() {
    let text = config_with(&[
        ("/holidays/grundlovsdag", json!(["09:00-12:00"])),
        ("/holidays/juleaftensdag", json!("ordinary")),
        (
            "/exceptions",
            json!([
                {"date": "2026-12-28", "hours": "closed", "note": {"da": "Lukket pga. systemopdatering", "en": "Closed for a system update"}},
                {"from": "2027-07-12", "to": "2027-07-16", "hours": ["10:00-14:00"]}
            ]),
        ),
        (
            "/versions",
            json!([{"from": "2027-04-01", "weekly": {"mon": ["08:00-20:00"], "tue": [], "wed": [], "thu": [], "fri": [], "sat": [], "sun": []}}]),
        ),
    ]);
    let config = Config::parse(&text).unwrap();
    let schedule = &config.schedule;
    let date = |s: &str| s.parse::<NaiveDate>().unwrap();
    assert_eq!(
        *schedule.holiday_rule(Holiday::Grundlovsdag),
        DayRule::Hours(vec![Interval::hours(9, 12)])
    );
    assert_eq!(schedule.day(date("2026-12-24")).intervals, [Interval::hours(9, 21)]);
    let closed = schedule.day(date("2026-12-28"));
    assert!(closed.intervals.is_empty());
    let Reason::Exception(Some(note)) = closed.reason else { panic!("exception expected") };
    assert_eq!(note.da, "Lukket pga. systemopdatering");
    assert_eq!(schedule.day(date("2027-07-14")).intervals, [Interval::hours(10, 14)]);
    assert_eq!(schedule.day(date("2027-04-05")).intervals, [Interval::hours(8, 20)]);
    assert_eq!(schedule.next_version(date("2027-03-01")).map(|v| v.from), Some(date("2027-04-01")));
}

#[test]
fn interval_messages() {
    let rows: [(Value, &str); 7] = [
        (json!(["18:00-17:00"]), "weekly.fri[0]: end 17:00 is before start 18:00"),
        (json!(["09:00-09:00"]), "weekly.fri[0]: empty interval 09:00-09:00"),
        (json!(["25:00-26:00"]), "weekly.fri[0]: 25:00 is not a time of day"),
        (json!(["09:00-24:30"]), "weekly.fri[0]: 24:30 is not a time of day"),
        (json!(["9-17"]), "weekly.fri[0]: \"9-17\" is not \"HH:MM-HH:MM\""),
        (json!([900]), "weekly.fri[0]: expected \"HH:MM-HH:MM\", found a number"),
        (json!(["09:00-13:00", "12:00-18:00"]), "weekly.fri[1]: 12:00-18:00 overlaps 09:00-13:00"),
    ];
    for (fri, expected) in rows {
        assert_eq!(errors_with(&[("/weekly/fri", fri.clone())]), [expected], "{fri}");
    }
}

#[test]
fn intervals_may_end_at_midnight_and_come_unsorted() {
    let text = config_with(&[("/weekly/sat", json!(["20:00-24:00", "10:00-12:00"]))]);
    let config = Config::parse(&text).unwrap();
    let saturday = "2026-11-28".parse::<NaiveDate>().unwrap();
    let hours = config.schedule.day(saturday).intervals.to_vec();
    let end = Interval::new(
        crate::rules::ClockTime::new(20, 0).unwrap(),
        crate::rules::ClockTime::END_OF_DAY,
    );
    assert_eq!(hours, [Interval::hours(10, 12), end.unwrap()]);
}

#[test]
fn weekly_messages() {
    assert_eq!(
        errors_with(&[("/weekly/sat", Value::Null)]),
        ["weekly.sat: missing (use [] for closed)"]
    );
    assert_eq!(
        errors_with(&[("/weekly/saturday", json!([]))]),
        ["weekly.saturday: unknown key (expected one of: mon, tue, wed, thu, fri, sat, sun)"]
    );
    assert_eq!(
        errors_with(&[("/weekly/mon", json!("09:00-21:00"))]),
        ["weekly.mon: expected a list, found a string"]
    );
    let many: Vec<String> = (0..25).map(|h| format!("{h:02}:00-{h:02}:30")).collect();
    assert_eq!(
        errors_with(&[("/weekly/mon", json!(many))]),
        ["weekly.mon: 25 entries, at most 24 allowed"]
    );
    assert_eq!(errors_with(&[("/weekly", Value::Null)]), ["weekly: missing"]);
}

#[test]
fn version_messages() {
    assert_eq!(
        errors_with(&[("/version", Value::Null)]),
        ["version: missing (this widget reads version 1)"]
    );
    assert_eq!(
        errors_with(&[("/version", json!(2)), ("/weekly", json!("anything"))]),
        ["version: 2 is newer than this widget understands (at most 1)"]
    );
    assert_eq!(
        errors_with(&[("/version", json!(0))]),
        ["version: 0 is not a config version (expected 1)"]
    );
    assert_eq!(errors_with(&[("/version", json!("1"))]), ["version: expected 1, found a string"]);
}

#[test]
fn top_level_messages() {
    assert_eq!(errors("[]"), ["expected the config as an object, found a list"]);
    assert_eq!(errors("{").len(), 1);
    assert!(errors("{")[0].starts_with("not valid JSON: "));
    assert_eq!(
        errors_with(&[("/colour", json!("red"))]),
        [
            "colour: unknown key (expected one of: version, name, phone, weekly, holidays, exceptions, versions)"
        ]
    );
}

#[test]
fn phone_messages() {
    let expected = "phone: \"7020\" is not an E.164 number (like \"+4570200000\")";
    assert_eq!(errors_with(&[("/phone", json!("7020"))]), [expected]);
    for bad in ["70200000", "+45702000001", "+45 70 20 00 00", "+0123456789", "+4570"] {
        assert_eq!(errors_with(&[("/phone", json!(bad))]).len(), 1, "{bad}");
    }
    assert_eq!(errors_with(&[("/phone", json!("+46812345678"))]), Vec::<String>::new());
    assert_eq!(
        errors_with(&[("/phone", json!(4570200000u64))]),
        ["phone: expected an E.164 number as a string, found a number"]
    );
    assert_eq!(errors_with(&[("/phone", Value::Null)]), ["phone: missing"]);
}

#[test]
fn name_messages() {
    assert_eq!(errors_with(&[("/name/en", Value::Null)]), ["name.en: missing"]);
    assert_eq!(errors_with(&[("/name/da", json!(" "))]), ["name.da: is empty"]);
    assert_eq!(
        errors_with(&[("/name/da", json!("x".repeat(101)))]),
        ["name.da: 101 characters, at most 100"]
    );
    assert_eq!(
        errors_with(&[("/name/da", json!("Hotline \u{202E}eniltoh"))]),
        ["name.da: contains control or bidirectional formatting characters"]
    );
    assert_eq!(
        errors_with(&[("/name", json!("Hotline"))]),
        ["name: expected Danish and English text (\"da\", \"en\") as an object, found a string"]
    );
}

#[test]
fn holiday_messages() {
    assert_eq!(
        errors_with(&[("/holidays/paaskedag", json!("maybe"))]),
        [
            "holidays.paaskedag: unknown value \"maybe\" (expected \"closed\", \"ordinary\" or a list of hours)"
        ]
    );
    assert_eq!(
        errors_with(&[("/holidays/paaskedag", json!(true))]),
        [
            "holidays.paaskedag: expected \"closed\", \"ordinary\" or a list of hours, found a boolean"
        ]
    );
    let unknown = errors_with(&[("/holidays/easter", json!("closed"))]);
    assert_eq!(unknown.len(), 1);
    assert!(
        unknown[0].starts_with("holidays.easter: unknown holiday (known: nytaarsdag, skaertorsdag"),
        "{unknown:?}"
    );
    assert_eq!(
        errors_with(&[("/holidays/grundlovsdag", json!(["12:00-09:00"]))]),
        ["holidays.grundlovsdag[0]: end 09:00 is before start 12:00"]
    );
}

#[test]
fn exception_messages() {
    let one = |exception: Value| errors_with(&[("/exceptions", json!([exception]))]);
    assert_eq!(
        errors_with(&[(
            "/exceptions",
            json!([
                {"date": "2026-12-01", "hours": "closed"},
                {"date": "2026-12-02", "hours": "closed"},
                {"date": "2026-02-30", "hours": "closed"}
            ])
        )]),
        ["exceptions[2].date: \"2026-02-30\" is not a date (expected \"YYYY-MM-DD\")"]
    );
    assert_eq!(
        one(json!({"date": "2026-7-1", "hours": "closed"})),
        ["exceptions[0].date: \"2026-7-1\" is not a date (expected \"YYYY-MM-DD\")"]
    );
    assert_eq!(
        one(json!({"date": "2300-01-01", "hours": "closed"})),
        ["exceptions[0].date: \"2300-01-01\" is outside the years 1900–2200"]
    );
    assert_eq!(
        one(json!({"from": "2026-07-10", "to": "2026-07-01", "hours": "closed"})),
        ["exceptions[0].to: 2026-07-01 is before from 2026-07-10"]
    );
    assert_eq!(
        one(json!({"from": "2026-07-10", "hours": "closed"})),
        ["exceptions[0]: give either \"date\", or \"from\" and \"to\""]
    );
    assert_eq!(one(json!({"date": "2026-07-10"})), ["exceptions[0].hours: missing"]);
    assert_eq!(
        one(json!({"date": "2026-07-10", "hours": "closed", "reason": "x"})),
        ["exceptions[0].reason: unknown key (expected one of: date, from, to, hours, note)"]
    );
    assert_eq!(
        one(json!({"date": "2026-07-10", "hours": "closed", "note": {"da": "Lukket"}})),
        ["exceptions[0].note.en: missing"]
    );
    assert_eq!(
        errors_with(&[(
            "/exceptions",
            json!([
                {"from": "2026-12-28", "to": "2026-12-30", "hours": "closed"},
                {"date": "2026-12-29", "hours": ["10:00-12:00"]}
            ])
        )]),
        ["exceptions[1]: overlaps exceptions[0]"]
    );
    let many = vec![json!({"date": "2026-07-10", "hours": "closed"}); 1001];
    assert_eq!(
        errors_with(&[("/exceptions", json!(many))]),
        ["exceptions: 1001 entries, at most 1000 allowed"]
    );
}

#[test]
fn version_list_messages() {
    let week = json!({"mon": [], "tue": [], "wed": [], "thu": [], "fri": [], "sat": [], "sun": []});
    assert_eq!(
        errors_with(&[(
            "/versions",
            json!([{"from": "2027-04-01", "weekly": week}, {"from": "2027-01-01", "weekly": week}])
        )]),
        ["versions[1].from: 2027-01-01 is not after the previous version's from 2027-04-01"]
    );
    assert_eq!(
        errors_with(&[("/versions", json!([{"from": "2027-04-01"}]))]),
        ["versions[0].weekly: missing"]
    );
}

#[test]
fn every_problem_is_reported_at_once() {
    let found = errors_with(&[
        ("/version", Value::Null),
        ("/phone", json!("7020")),
        ("/weekly/fri", json!(["18:00-17:00"])),
        ("/holidays/paaskedag", json!("maybe")),
        ("/exceptions", json!([{"date": "2026-02-30", "hours": "closed"}])),
    ]);
    assert_eq!(
        found,
        [
            "version: missing (this widget reads version 1)",
            "phone: \"7020\" is not an E.164 number (like \"+4570200000\")",
            "weekly.fri[0]: end 17:00 is before start 18:00",
            "holidays.paaskedag: unknown value \"maybe\" (expected \"closed\", \"ordinary\" or a list of hours)",
            "exceptions[0].date: \"2026-02-30\" is not a date (expected \"YYYY-MM-DD\")",
        ]
    );
}

#[test]
fn wrong_kinds_of_value() {
    let rows: [(&str, Value, &str); 5] = [
        ("/name/da", json!(7), "name.da: expected a string, found a number"),
        (
            "/holidays",
            json!(["closed"]),
            "holidays: expected a rule per holiday as an object, found a list",
        ),
        (
            "/exceptions",
            json!([{"date": 20261224, "hours": "closed"}]),
            "exceptions[0].date: expected a date \"YYYY-MM-DD\", found a number",
        ),
        (
            "/exceptions",
            json!(["2026-12-24"]),
            "exceptions[0]: expected an exception as an object, found a string",
        ),
        (
            "/versions",
            json!([null]),
            "versions[0]: expected a schedule version as an object, found null",
        ),
    ];
    for (pointer, value, expected) in rows {
        assert_eq!(errors_with(&[(pointer, value)]), [expected], "{pointer}");
    }
}

#[test]
fn messages_quote_config_strings_safely() {
    assert_eq!(
        errors_with(&[("/holidays/paaskedag", json!("ma\u{202E}ybe \"x\""))]),
        [
            "holidays.paaskedag: unknown value \"ma\\u{202e}ybe \\u{0022}x\\u{0022}\" (expected \"closed\", \"ordinary\" or a list of hours)"
        ]
    );
    assert_eq!(
        errors_with(&[("/version", json!(1.5))]),
        ["version: a fractional number is not a config version (expected 1)"]
    );
}
