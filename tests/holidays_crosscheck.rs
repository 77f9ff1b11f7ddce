//! Cross-check of the computed holidays against an independent source: the PyPI `holidays`
//! package's Denmark calendar for 1950–2100, generated into a fixture by
//! `tests/fixtures/generate_dk_holidays.py` (see its docstring).

use std::collections::BTreeSet;

use chrono::NaiveDate;
use digital_hotline::rules::Holiday;

#[test]
fn computed_holidays_match_the_python_holidays_package_1950_to_2100() {
    let fixture = include_str!("fixtures/dk-holidays-1950-2100.csv");
    let expected: BTreeSet<(String, String)> = fixture
        .lines()
        .filter(|line| !line.starts_with('#') && *line != "date,key")
        .map(|line| {
            let (date, key) = line.split_once(',').expect("date,key");
            (date.to_owned(), key.to_owned())
        })
        .collect();
    assert!(expected.len() > 2000, "fixture looks truncated: {} rows", expected.len());

    let mut computed = BTreeSet::new();
    let mut date = NaiveDate::from_ymd_opt(1950, 1, 1).unwrap();
    while date <= NaiveDate::from_ymd_opt(2100, 12, 31).unwrap() {
        for holiday in Holiday::all_on(date) {
            computed.insert((date.to_string(), holiday.key().to_owned()));
        }
        date = date.succ_opt().unwrap();
    }

    let missing: Vec<_> = expected.difference(&computed).take(10).collect();
    let extra: Vec<_> = computed.difference(&expected).take(10).collect();
    assert!(missing.is_empty() && extra.is_empty(), "missing {missing:?}, extra {extra:?}");
}
