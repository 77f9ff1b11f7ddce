//! schema.org `ContactPoint` JSON-LD for the host page (the opt-in `structured-data`
//! attribute), so search engines can show the number and the hours: the weekly hours of the
//! coming year (schedule versions included) and every special day in it.

use std::fmt::Write;

use chrono::{Days, NaiveDate, Weekday};

use super::texts::Lang;
use crate::config::Config;
use crate::rules::{ClockTime, Interval, Reason, WeeklyHours};

/// How far ahead special days and schedule versions are listed.
const DAYS_AHEAD: u64 = 365;

const SCHEMA_DAYS: [&str; 7] =
    ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

/// The JSON-LD text for `config`, as of the Copenhagen date `today`.
pub fn contact_point(config: &Config, today: NaiveDate, lang: Lang) -> String {
    let texts = lang.texts();
    let name = match lang {
        Lang::Da => &config.name.da,
        Lang::En => &config.name.en,
    };
    let last = today.checked_add_days(Days::new(DAYS_AHEAD - 1)).unwrap_or(today);
    // The `hoursAvailable` items, written one after the other into one string.
    let mut hours = String::new();

    // Weekly hours, one stretch per schedule version in force during the coming year.
    let mut from = today;
    while from <= last {
        let weekly = config.schedule.weekly_on(from);
        let next = config.schedule.next_version(from).map(|v| v.from).filter(|d| *d <= last);
        let until = next.and_then(|d| d.pred_opt());
        let valid = (from != today).then_some(from);
        weekly_specs(&mut hours, weekly, valid, until);
        match next {
            Some(next) => from = next,
            None => break,
        }
    }

    // Days that are not ordinary: holidays and exceptions, closed or with their own hours.
    for date in today.iter_days().take_while(|d| *d <= last) {
        let day = config.schedule.day(date);
        let label = match &day.reason {
            Reason::Weekday => continue,
            Reason::Holiday(holiday) => texts.holiday(*holiday).to_owned(),
            Reason::Exception(Some(note)) => match lang {
                Lang::Da => note.da.clone(),
                Lang::En => note.en.clone(),
            },
            Reason::Exception(None) => texts.special_hours().to_owned(),
        };
        let closed = [Interval { start: ClockTime::MIDNIGHT, end: ClockTime::MIDNIGHT }];
        let intervals = if day.intervals.is_empty() { &closed[..] } else { day.intervals };
        for interval in intervals {
            next_item(&mut hours);
            let _ = write!(
                hours,
                "{{\"@type\":\"OpeningHoursSpecification\",\"name\":{},\"validFrom\":\"{date}\",\
                 \"validThrough\":\"{date}\",\"opens\":\"{}\",\"closes\":\"{}\"}}",
                string(&label),
                time(interval.start),
                time(interval.end),
            );
        }
    }

    format!(
        "{{\"@context\":\"https://schema.org\",\"@type\":\"ContactPoint\",\"name\":{},\
         \"telephone\":{},\"contactType\":\"customer support\",\"areaServed\":\"DK\",\
         \"availableLanguage\":\"Danish\",\"hoursAvailable\":[{}]}}",
        string(name),
        string(&config.phone),
        hours
    )
}

/// Starts another item of a JSON array written into `out`: a comma unless it is the first.
/// (Written in place rather than collected and joined: the widget's wasm then needs no
/// `join`.)
fn next_item(out: &mut String) {
    if !out.is_empty() {
        out.push(',');
    }
}

/// One `OpeningHoursSpecification` per distinct interval, with every weekday that has it,
/// appended to the items in `out`.
fn weekly_specs(
    out: &mut String,
    weekly: &WeeklyHours,
    from: Option<NaiveDate>,
    until: Option<NaiveDate>,
) {
    let days = [
        Weekday::Mon,
        Weekday::Tue,
        Weekday::Wed,
        Weekday::Thu,
        Weekday::Fri,
        Weekday::Sat,
        Weekday::Sun,
    ];
    // Each distinct interval once, by start then end. Put in place one by one rather than
    // sorted afterwards: a week has a handful, and a slice sort is ~2 KB brotli of code.
    let key = |interval: &Interval| (interval.start, interval.end);
    let mut intervals: Vec<Interval> = Vec::new();
    for interval in days.iter().flat_map(|d| weekly.on(*d)) {
        if let Err(at) = intervals.binary_search_by_key(&key(interval), key) {
            intervals.insert(at, *interval);
        }
    }
    let validity = from.map(|d| format!(",\"validFrom\":\"{d}\"")).unwrap_or_default()
        + &until.map(|d| format!(",\"validThrough\":\"{d}\"")).unwrap_or_default();
    for interval in intervals {
        let mut on = String::new();
        for day in days.iter().filter(|d| weekly.on(**d).contains(&interval)) {
            next_item(&mut on);
            let _ = write!(
                on,
                "\"https://schema.org/{}\"",
                SCHEMA_DAYS[day.num_days_from_monday() as usize]
            );
        }
        next_item(out);
        let _ = write!(
            out,
            "{{\"@type\":\"OpeningHoursSpecification\",\"dayOfWeek\":[{on}],\"opens\":\"{}\",\
             \"closes\":\"{}\"{validity}}}",
            time(interval.start),
            time(interval.end),
        );
    }
}

/// `HH:MM`; the end of the day is written `23:59`, as schema.org has no `24:00`.
fn time(t: ClockTime) -> String {
    if t == ClockTime::END_OF_DAY {
        return "23:59".to_owned();
    }
    format!("{:02}:{:02}", t.hour(), t.minute())
}

/// A JSON string literal. `<` is escaped too, so the text can never close the `<script>`
/// element it is put in.
fn string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '<' => out.push_str("\\u003c"),
            c if u32::from(c) < 0x20 => out.push_str(&format!("\\u{:04x}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(all(test, not(target_arch = "wasm32")))] // the tests parse with serde_json
mod tests {
    use serde_json::{Value, json};

    use super::*;

    fn parsed(config: &Config, today: &str) -> Value {
        serde_json::from_str(&contact_point(config, today.parse().unwrap(), Lang::Da)).unwrap()
    }

    #[test]
    fn contact_point_with_weekly_hours_and_holidays() {
        let data = parsed(&Config::announced(), "2026-12-01");
        assert_eq!(data["@context"], "https://schema.org");
        assert_eq!(data["@type"], "ContactPoint");
        assert_eq!(data["telephone"], "+4570200000");
        assert_eq!(data["name"], "Den Digitale Hotline");
        let hours = data["hoursAvailable"].as_array().unwrap();
        let weekly: Vec<&Value> = hours.iter().filter(|h| h.get("dayOfWeek").is_some()).collect();
        assert_eq!(
            weekly,
            [
                &json!({"@type": "OpeningHoursSpecification", "dayOfWeek": ["https://schema.org/Friday"], "opens": "09:00", "closes": "17:00"}),
                &json!({"@type": "OpeningHoursSpecification", "dayOfWeek": ["https://schema.org/Monday", "https://schema.org/Tuesday", "https://schema.org/Wednesday", "https://schema.org/Thursday"], "opens": "09:00", "closes": "21:00"}),
                &json!({"@type": "OpeningHoursSpecification", "dayOfWeek": ["https://schema.org/Sunday"], "opens": "17:00", "closes": "21:00"}),
            ]
        );
        let christmas_eve = hours.iter().find(|h| h["validFrom"] == "2026-12-24").unwrap();
        assert_eq!(
            christmas_eve,
            &json!({"@type": "OpeningHoursSpecification", "name": "Juleaftensdag", "validFrom": "2026-12-24", "validThrough": "2026-12-24", "opens": "00:00", "closes": "00:00"})
        );
        // A year of special days: 2026-12-01 to 2027-11-30.
        let special: Vec<&str> = hours.iter().filter_map(|h| h["validThrough"].as_str()).collect();
        assert!(special.contains(&"2027-05-06"), "Kristi himmelfartsdag 2027: {special:?}");
        assert!(!special.iter().any(|d| *d >= "2027-12-01"));
    }

    #[test]
    fn schedule_versions_get_validity() {
        let mut config = Config::announced();
        let mut days: [Vec<Interval>; 7] = Default::default();
        days[0] = vec![Interval::hours(8, 24)];
        config.schedule.add_version("2027-04-01".parse().unwrap(), WeeklyHours::new(days).unwrap());
        let data = parsed(&config, "2027-03-01");
        let weekly: Vec<&Value> = data["hoursAvailable"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|h| h.get("dayOfWeek").is_some())
            .collect();
        assert!(
            weekly[..3]
                .iter()
                .all(|h| h["validThrough"] == "2027-03-31" && h.get("validFrom").is_none())
        );
        assert_eq!(
            weekly[3],
            &json!({"@type": "OpeningHoursSpecification", "dayOfWeek": ["https://schema.org/Monday"], "opens": "08:00", "closes": "23:59", "validFrom": "2027-04-01"})
        );
    }

    #[test]
    fn strings_cannot_break_out_of_the_script_element() {
        assert_eq!(string("a\"b\\c</script>\n"), "\"a\\\"b\\\\c\\u003c/script>\\u000a\"");
    }
}
