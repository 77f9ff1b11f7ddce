//! Every validation message, asserted word for word in English and Danish, and the built-in
//! config.

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

/// Each problem in English and in Danish.
fn errors(text: &str) -> Vec<(String, String)> {
    match Config::parse(text) {
        Ok(_) => Vec::new(),
        Err(ConfigErrors(errors)) => errors.iter().map(|e| (e.english(), e.danish())).collect(),
    }
}

fn errors_with(edits: &[(&str, Value)]) -> Vec<(String, String)> {
    errors(&config_with(edits))
}

/// The English messages only, for rows that test something else.
fn english(found: Vec<(String, String)>) -> Vec<String> {
    found.into_iter().map(|(english, _)| english).collect()
}

/// `[(english, danish)]` as owned strings, to compare with [`errors`].
fn both(rows: &[(&str, &str)]) -> Vec<(String, String)> {
    rows.iter().map(|(en, da)| (en.to_string(), da.to_string())).collect()
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
    let rows: [(Value, &str, &str); 7] = [
        (
            json!(["18:00-17:00"]),
            "weekly.fri[0]: end 17:00 is before start 18:00",
            "fredag: lukketid 17.00 ligger før åbningstid 18.00",
        ),
        (
            json!(["09:00-09:00"]),
            "weekly.fri[0]: empty interval 09:00-09:00",
            "fredag: tomt tidsrum 9.00–9.00",
        ),
        (
            json!(["25:00-26:00"]),
            "weekly.fri[0]: 25:00 is not a time of day",
            "fredag: 25:00 er ikke et klokkeslæt",
        ),
        (
            json!(["09:00-24:30"]),
            "weekly.fri[0]: 24:30 is not a time of day",
            "fredag: 24:30 er ikke et klokkeslæt",
        ),
        (
            json!(["9-17"]),
            "weekly.fri[0]: \"9-17\" is not \"HH:MM-HH:MM\"",
            "fredag: \"9-17\" skal skrives som \"TT:MM-TT:MM\", fx \"09:00-17:00\"",
        ),
        (
            json!([900]),
            "weekly.fri[0]: expected \"HH:MM-HH:MM\", found a number",
            "fredag: skal være et tidsrum i anførselstegn, fx \"09:00-17:00\", men er et tal",
        ),
        (
            json!(["09:00-13:00", "12:00-18:00"]),
            "weekly.fri[1]: 12:00-18:00 overlaps 09:00-13:00",
            "fredag: 12.00–18.00 overlapper 9.00–13.00",
        ),
    ];
    for (fri, en, da) in rows {
        assert_eq!(errors_with(&[("/weekly/fri", fri.clone())]), both(&[(en, da)]), "{fri}");
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
        both(&[(
            "weekly.sat: missing (use [] for closed)",
            "lørdag: mangler (skriv [] for lukket)"
        )])
    );
    assert_eq!(
        errors_with(&[("/weekly/saturday", json!([]))]),
        both(&[(
            "weekly.saturday: unknown key (did you mean \"sat\"? expected one of: mon, tue, wed, thu, fri, sat, sun)",
            "ugetider, \"saturday\": ukendt felt (mente du \"sat\"? kendte: mon, tue, wed, thu, fri, sat, sun)"
        )])
    );
    // A weekday written in Danish, whole or short: the key it meant, and the day now missing.
    assert_eq!(
        errors_with(&[("/weekly/fri", Value::Null), ("/weekly/fre", json!(["09:00-17:00"]))]),
        both(&[
            (
                "weekly.fre: unknown key (did you mean \"fri\"? expected one of: mon, tue, wed, thu, fri, sat, sun)",
                "ugetider, \"fre\": ukendt felt (mente du \"fri\"? kendte: mon, tue, wed, thu, fri, sat, sun)"
            ),
            ("weekly.fri: missing (use [] for closed)", "fredag: mangler (skriv [] for lukket)"),
        ])
    );
    assert_eq!(
        english(errors_with(&[("/weekly/Lørdag", json!([]))])),
        [
            "weekly.Lørdag: unknown key (did you mean \"sat\"? expected one of: mon, tue, wed, thu, fri, sat, sun)"
        ]
    );
    assert_eq!(
        english(errors_with(&[("/weekly/xyz", json!([]))])),
        ["weekly.xyz: unknown key (expected one of: mon, tue, wed, thu, fri, sat, sun)"]
    );
    assert_eq!(
        errors_with(&[("/weekly/mon", json!("09:00-21:00"))]),
        both(&[(
            "weekly.mon: expected a list, found a string",
            "mandag: skal være en liste [ … ], men er en tekst"
        )])
    );
    let many: Vec<String> = (0..25).map(|h| format!("{h:02}:00-{h:02}:30")).collect();
    assert_eq!(
        errors_with(&[("/weekly/mon", json!(many))]),
        both(&[("weekly.mon: 25 entries, at most 24 allowed", "mandag: 25 stk., højst 24")])
    );
    assert_eq!(
        errors_with(&[("/weekly", Value::Null)]),
        both(&[("weekly: missing", "ugetider: mangler")])
    );
    assert_eq!(
        errors_with(&[("/weekly", json!([]))]),
        both(&[(
            "weekly: expected hours per weekday (\"mon\" … \"sun\") as an object, found a list",
            "ugetider: skal være et objekt med tider for hver ugedag (\"mon\" … \"sun\"), men er en liste"
        )])
    );
}

#[test]
fn version_messages() {
    assert_eq!(
        errors_with(&[("/version", Value::Null)]),
        both(&[(
            "version: missing (this widget reads version 1)",
            "version: mangler (skriv \"version\": 1)"
        )])
    );
    assert_eq!(
        errors_with(&[("/version", json!(2)), ("/weekly", json!("anything"))]),
        both(&[(
            "version: 2 is newer than this widget understands (at most 1)",
            "version: 2 er nyere, end denne widget forstår (højst 1)"
        )])
    );
    assert_eq!(
        errors_with(&[("/version", json!(0))]),
        both(&[(
            "version: 0 is not a config version (expected 1)",
            "version: 0 er ikke en config-version (skal være 1)"
        )])
    );
    assert_eq!(
        errors_with(&[("/version", json!("1"))]),
        both(&[("version: expected 1, found a string", "version: skal være 1, men er en tekst")])
    );
}

#[test]
fn top_level_messages() {
    assert_eq!(
        errors("[]"),
        both(&[(
            "expected the config as an object, found a list",
            "skal være et objekt { … }, men er en liste"
        )])
    );
    let broken = errors("{");
    assert_eq!(broken.len(), 1);
    assert_eq!(broken[0].0, "not valid JSON: EOF while parsing an object at line 1 column 1");
    assert_eq!(broken[0].1, "ikke gyldig JSON (EOF while parsing an object at line 1 column 1)");
    assert_eq!(
        errors_with(&[("/colour", json!("red"))]),
        both(&[(
            "colour: unknown key (expected one of: version, name, phone, weekly, holidays, exceptions, versions)",
            "\"colour\": ukendt felt (kendte: version, name, phone, weekly, holidays, exceptions, versions)"
        )])
    );
    assert_eq!(
        english(errors_with(&[("/holiday", json!({}))])),
        [
            "holiday: unknown key (did you mean \"holidays\"? expected one of: version, name, phone, weekly, holidays, exceptions, versions)"
        ]
    );
    let huge = format!("[{}0]", "0,".repeat(json::MAX_BYTES));
    assert_eq!(
        errors(&huge),
        both(&[(
            "524291 bytes is too large (at most 262144)",
            "filen er for stor: 524291 bytes (højst 262144)"
        )])
    );
    let deep = format!("{}{}", "[".repeat(40), "]".repeat(40));
    assert_eq!(
        errors(&deep),
        both(&[("nested more than 32 levels deep", "mere end 32 niveauer inden i hinanden")])
    );
}

/// This is a Danish line: `+45` and 8 digits, nothing else (the README says so too).
#[test]
fn phone_messages() {
    assert_eq!(
        errors_with(&[("/phone", json!("7020"))]),
        both(&[(
            "phone: \"7020\" is not a Danish number: \"+45\" and 8 digits (like \"+4570200000\")",
            "telefonnummer: \"7020\" er ikke et dansk nummer: \"+45\" og 8 cifre (som \"+4570200000\")"
        )])
    );
    let refused =
        ["70200000", "+45702000001", "+45 70 20 00 00", "+4570", "+46812345678", "+457020000a"];
    for bad in refused {
        assert_eq!(errors_with(&[("/phone", json!(bad))]).len(), 1, "{bad}");
    }
    for good in ["+4570200000", "+4529204355"] {
        assert_eq!(errors_with(&[("/phone", json!(good))]), [], "{good}");
    }
    assert_eq!(
        errors_with(&[("/phone", json!(4570200000u64))]),
        both(&[(
            "phone: expected a phone number as a string (\"+45\" and 8 digits), found a number",
            "telefonnummer: skal være et nummer i anførselstegn (\"+45\" og 8 cifre), men er et tal"
        )])
    );
    assert_eq!(
        errors_with(&[("/phone", Value::Null)]),
        both(&[("phone: missing", "telefonnummer: mangler")])
    );
}

#[test]
fn name_messages() {
    assert_eq!(
        errors_with(&[("/name/en", Value::Null)]),
        both(&[("name.en: missing", "navn på engelsk: mangler")])
    );
    assert_eq!(
        errors_with(&[("/name/da", json!(" "))]),
        both(&[("name.da: is empty", "navn på dansk: er tom")])
    );
    assert_eq!(
        errors_with(&[("/name/da", json!("x".repeat(101)))]),
        both(&[("name.da: 101 characters, at most 100", "navn på dansk: 101 tegn, højst 100")])
    );
    assert_eq!(
        errors_with(&[("/name/da", json!("Hotline \u{202E}eniltoh"))]),
        both(&[(
            "name.da: contains control or bidirectional formatting characters",
            "navn på dansk: indeholder kontroltegn eller tegn, der ændrer skriveretningen"
        )])
    );
    assert_eq!(
        errors_with(&[("/name/da", json!("<b>Hotline</b>"))]),
        both(&[(
            "name.da: contains < or >; names and notes are plain text",
            "navn på dansk: indeholder < eller >; navne og noter er ren tekst"
        )])
    );
    assert_eq!(
        errors_with(&[("/name", json!("Hotline"))]),
        both(&[(
            "name: expected Danish and English text (\"da\", \"en\") as an object, found a string",
            "navn: skal være et objekt med dansk og engelsk tekst (\"da\", \"en\"), men er en tekst"
        )])
    );
    assert_eq!(
        errors_with(&[("/name/de", json!("Hotline"))]),
        both(&[(
            "name.de: unknown key (expected one of: da, en)",
            "navn, \"de\": ukendt felt (kendte: da, en)"
        )])
    );
}

#[test]
fn holiday_messages() {
    assert_eq!(
        errors_with(&[("/holidays/paaskedag", json!("maybe"))]),
        both(&[(
            "holidays.paaskedag: unknown value \"maybe\" (expected \"closed\", \"ordinary\" or a list of hours)",
            "helligdage, paaskedag: ukendt værdi \"maybe\" (skal være \"closed\", \"ordinary\" eller en liste af tidsrum)"
        )])
    );
    assert_eq!(
        errors_with(&[("/holidays/paaskedag", json!(true))]),
        both(&[(
            "holidays.paaskedag: expected \"closed\", \"ordinary\" or a list of hours, found a boolean",
            "helligdage, paaskedag: skal være \"closed\", \"ordinary\" eller en liste af tidsrum, men er true/false"
        )])
    );
    let known = "nytaarsdag, skaertorsdag, langfredag, paaskedag, anden_paaskedag, store_bededag, \
        kristi_himmelfartsdag, pinsedag, anden_pinsedag, grundlovsdag, juleaftensdag, juledag, \
        anden_juledag, nytaarsaftensdag, foerste_maj";
    assert_eq!(
        errors_with(&[("/holidays/easter", json!("closed"))]),
        both(&[(
            &format!("holidays.easter: unknown holiday (known: {known})"),
            &format!("helligdage, \"easter\": ukendt helligdag (kendte: {known})")
        )])
    );
    assert_eq!(
        errors_with(&[("/holidays/grundlovsdag", json!(["12:00-09:00"]))]),
        both(&[(
            "holidays.grundlovsdag[0]: end 09:00 is before start 12:00",
            "helligdage, grundlovsdag: lukketid 9.00 ligger før åbningstid 12.00"
        )])
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
        both(&[(
            "exceptions[2].date: \"2026-02-30\" is not a date (expected \"YYYY-MM-DD\")",
            "undtagelse nr. 3, dato: \"2026-02-30\" er ikke en dato (skrives \"ÅÅÅÅ-MM-DD\")"
        )])
    );
    assert_eq!(
        one(json!({"date": "2026-7-1", "hours": "closed"})),
        both(&[(
            "exceptions[0].date: \"2026-7-1\" is not a date (expected \"YYYY-MM-DD\")",
            "undtagelse nr. 1, dato: \"2026-7-1\" er ikke en dato (skrives \"ÅÅÅÅ-MM-DD\")"
        )])
    );
    assert_eq!(
        one(json!({"date": "2300-01-01", "hours": "closed"})),
        both(&[(
            "exceptions[0].date: \"2300-01-01\" is outside the years 1900–2200",
            "undtagelse nr. 1, dato: \"2300-01-01\" ligger uden for årene 1900–2200"
        )])
    );
    assert_eq!(
        one(json!({"from": "2026-07-10", "to": "2026-07-01", "hours": "closed"})),
        both(&[(
            "exceptions[0].to: 2026-07-01 is before from 2026-07-10",
            "undtagelse nr. 1, til: 2026-07-01 ligger før fra-datoen 2026-07-10"
        )])
    );
    assert_eq!(
        one(json!({"from": "2026-07-10", "hours": "closed"})),
        both(&[(
            "exceptions[0]: give either \"date\", or \"from\" and \"to\"",
            "undtagelse nr. 1: angiv enten \"date\" eller både \"from\" og \"to\""
        )])
    );
    assert_eq!(
        one(json!({"date": "2026-07-10"})),
        both(&[("exceptions[0].hours: missing", "undtagelse nr. 1, åbningstid: mangler")])
    );
    assert_eq!(
        one(json!({"date": "2026-07-10", "hours": ["17:00-09:00"]})),
        both(&[(
            "exceptions[0].hours[0]: end 09:00 is before start 17:00",
            "undtagelse nr. 1, åbningstid: lukketid 9.00 ligger før åbningstid 17.00"
        )])
    );
    assert_eq!(
        one(json!({"date": "2026-07-10", "hours": "closed", "reason": "x"})),
        both(&[(
            "exceptions[0].reason: unknown key (expected one of: date, from, to, hours, note)",
            "undtagelse nr. 1, \"reason\": ukendt felt (kendte: date, from, to, hours, note)"
        )])
    );
    assert_eq!(
        one(json!({"date": "2026-07-10", "hours": "closed", "note": {"da": "Lukket"}})),
        both(&[("exceptions[0].note.en: missing", "undtagelse nr. 1, note på engelsk: mangler")])
    );
    assert_eq!(
        errors_with(&[(
            "/exceptions",
            json!([
                {"from": "2026-12-28", "to": "2026-12-30", "hours": "closed"},
                {"date": "2026-12-29", "hours": ["10:00-12:00"]}
            ])
        )]),
        both(&[(
            "exceptions[1]: overlaps exceptions[0]",
            "undtagelse nr. 2: overlapper undtagelse nr. 1"
        )])
    );
    let many = vec![json!({"date": "2026-07-10", "hours": "closed"}); 1001];
    assert_eq!(
        errors_with(&[("/exceptions", json!(many))]),
        both(&[(
            "exceptions: 1001 entries, at most 1000 allowed",
            "undtagelser: 1001 stk., højst 1000"
        )])
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
        both(&[(
            "versions[1].from: 2027-01-01 is not after the previous version's from 2027-04-01",
            "nye ugetider nr. 2, fra: 2027-01-01 ligger ikke efter de forrige nye ugetiders fra-dato 2027-04-01"
        )])
    );
    assert_eq!(
        errors_with(&[("/versions", json!([{"from": "2027-04-01"}]))]),
        both(&[("versions[0].weekly: missing", "nye ugetider nr. 1, ugetider: mangler")])
    );
    let mut friday_wrong = week.clone();
    friday_wrong["fri"] = json!(["18:00-17:00"]);
    assert_eq!(
        errors_with(&[("/versions", json!([{"from": "2027-04-01", "weekly": friday_wrong}]))]),
        both(&[(
            "versions[0].weekly.fri[0]: end 17:00 is before start 18:00",
            "nye ugetider nr. 1, fredag: lukketid 17.00 ligger før åbningstid 18.00"
        )])
    );
    assert_eq!(
        errors_with(&[("/versions", json!([{"from": "2027-04-01", "weekly": week, "until": 1}]))]),
        both(&[(
            "versions[0].until: unknown key (expected one of: from, weekly)",
            "nye ugetider nr. 1, \"until\": ukendt felt (kendte: from, weekly)"
        )])
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
        english(found),
        [
            "version: missing (this widget reads version 1)",
            "phone: \"7020\" is not a Danish number: \"+45\" and 8 digits (like \"+4570200000\")",
            "weekly.fri[0]: end 17:00 is before start 18:00",
            "holidays.paaskedag: unknown value \"maybe\" (expected \"closed\", \"ordinary\" or a list of hours)",
            "exceptions[0].date: \"2026-02-30\" is not a date (expected \"YYYY-MM-DD\")",
        ]
    );
}

#[test]
fn wrong_kinds_of_value() {
    let rows: [(&str, Value, &str, &str); 5] = [
        (
            "/name/da",
            json!(7),
            "name.da: expected a string, found a number",
            "navn på dansk: skal være en tekst i anførselstegn, men er et tal",
        ),
        (
            "/holidays",
            json!(["closed"]),
            "holidays: expected a rule per holiday as an object, found a list",
            "helligdage: skal være et objekt med en regel for hver helligdag, men er en liste",
        ),
        (
            "/exceptions",
            json!([{"date": 20261224, "hours": "closed"}]),
            "exceptions[0].date: expected a date \"YYYY-MM-DD\", found a number",
            "undtagelse nr. 1, dato: skal være en dato i anførselstegn, fx \"2026-12-24\", men er et tal",
        ),
        (
            "/exceptions",
            json!(["2026-12-24"]),
            "exceptions[0]: expected an exception as an object, found a string",
            "undtagelse nr. 1: skal være et objekt med en undtagelse, men er en tekst",
        ),
        (
            "/versions",
            json!([null]),
            "versions[0]: expected a schedule version as an object, found null",
            "nye ugetider nr. 1: skal være et objekt med \"from\" og \"weekly\", men er null",
        ),
    ];
    for (pointer, value, en, da) in rows {
        assert_eq!(errors_with(&[(pointer, value)]), both(&[(en, da)]), "{pointer}");
    }
}

#[test]
fn messages_quote_config_strings_safely() {
    assert_eq!(
        english(errors_with(&[("/holidays/paaskedag", json!("ma\u{202E}ybe \"x\""))])),
        [
            "holidays.paaskedag: unknown value \"ma\\u{202e}ybe \\u{0022}x\\u{0022}\" (expected \"closed\", \"ordinary\" or a list of hours)"
        ]
    );
    assert_eq!(
        errors_with(&[("/version", json!(1.5))]),
        both(&[(
            "version: a fractional number is not a config version (expected 1)",
            "version: et decimaltal er ikke en config-version (skal være 1)"
        )])
    );
    assert_eq!(
        english(errors_with(&[("/version", json!(-3))])),
        ["version: -3 is not a config version (expected 1)"]
    );
}
