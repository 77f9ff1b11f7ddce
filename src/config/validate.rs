//! JSON → [`Config`], reporting **every** problem with the path to its field, e.g.
//! `weekly.fri[0]: end 17:00 is before start 18:00`.

use std::collections::BTreeMap;
use std::fmt;
use std::sync::Arc;

use chrono::NaiveDate;

use super::Config;
use super::json::Json;
use crate::rules::{
    Bilingual, ClockTime, DayRule, Exception, Holiday, Interval, Schedule, WeeklyHours,
};

/// The config format this widget reads.
pub const FORMAT_VERSION: u32 = 1;

const MAX_INTERVALS_PER_DAY: usize = 24;
const MAX_EXCEPTIONS: usize = 1000;
const MAX_VERSIONS: usize = 50;
const MAX_NAME_CHARS: usize = 100;
const MAX_NOTE_CHARS: usize = 200;
const FIRST_YEAR: i32 = 1900;
const LAST_YEAR: i32 = 2200;
const DAY_KEYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

/// One problem: where (a path such as `exceptions[2].date`, empty for the document) and what.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConfigError {
    pub path: String,
    pub message: String,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

/// Every problem found in one config, in document order as far as the format allows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConfigErrors(pub Vec<ConfigError>);

impl fmt::Display for ConfigErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, error) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str("; ")?;
            }
            write!(f, "{error}")?;
        }
        Ok(())
    }
}

/// Validates a parsed document into a [`Config`].
pub fn config(json: &Json) -> Result<Config, ConfigErrors> {
    let mut check = Check::default();
    match check.config(json) {
        Some(config) if check.errors.is_empty() => Ok(config),
        _ => Err(ConfigErrors(check.errors)),
    }
}

/// `a.b`, or `b` at the top.
fn field(path: &str, key: &str) -> String {
    if path.is_empty() { key.to_owned() } else { format!("{path}.{key}") }
}

fn item(path: &str, index: usize) -> String {
    format!("{path}[{index}]")
}

/// Collects errors while walking the document; each step returns `None` when its part is
/// invalid, so siblings are still checked.
#[derive(Default)]
struct Check {
    errors: Vec<ConfigError>,
}

impl Check {
    fn error(&mut self, path: &str, message: impl Into<String>) {
        self.errors.push(ConfigError { path: path.to_owned(), message: message.into() });
    }

    fn config(&mut self, json: &Json) -> Option<Config> {
        let map = self.object("", json, "the config")?;
        if !self.version(map.get("version")) {
            return None; // A newer format: its other fields may mean something else.
        }
        self.unknown_keys(
            "",
            map,
            &["version", "name", "phone", "weekly", "holidays", "exceptions", "versions"],
        );
        let name =
            self.required("", map, "name").and_then(|v| self.bilingual("name", v, MAX_NAME_CHARS));
        let phone = self.required("", map, "phone").and_then(|v| self.phone("phone", v));
        let weekly = self.required("", map, "weekly").and_then(|v| self.weekly("weekly", v));
        let holidays = map.get("holidays").map(|v| self.holidays("holidays", v));
        let exceptions = map.get("exceptions").map(|v| self.exceptions("exceptions", v));
        let versions = map.get("versions").map(|v| self.versions("versions", v));

        let mut schedule = Schedule::new(weekly?);
        for (holiday, rule) in holidays.unwrap_or(Some(Vec::new()))? {
            schedule.set_holiday(holiday, rule);
        }
        for exception in exceptions.unwrap_or(Some(Vec::new()))? {
            schedule.add_exception(exception);
        }
        for (from, weekly) in versions.unwrap_or(Some(Vec::new()))? {
            schedule.add_version(from, weekly);
        }
        Some(Config { name: name?, phone: phone?, schedule })
    }

    /// `false` when the document is in a format this widget cannot read.
    fn version(&mut self, value: Option<&Json>) -> bool {
        match value {
            None => self
                .error("version", format!("missing (this widget reads version {FORMAT_VERSION})")),
            Some(Json::Number(n)) if *n == f64::from(FORMAT_VERSION) => {}
            Some(Json::Number(n)) if *n > f64::from(FORMAT_VERSION) && n.fract() == 0.0 => {
                self.error(
                    "version",
                    format!(
                        "{} is newer than this widget understands (at most {FORMAT_VERSION})",
                        number(*n)
                    ),
                );
                return false;
            }
            Some(Json::Number(n)) => self.error(
                "version",
                format!("{} is not a config version (expected {FORMAT_VERSION})", number(*n)),
            ),
            Some(other) => {
                self.error("version", format!("expected {FORMAT_VERSION}, found {}", other.kind()))
            }
        }
        true
    }

    fn object<'a>(
        &mut self,
        path: &str,
        json: &'a Json,
        what: &str,
    ) -> Option<&'a BTreeMap<String, Json>> {
        match json {
            Json::Object(map) => Some(map),
            other => {
                self.error(path, format!("expected {what} as an object, found {}", other.kind()));
                None
            }
        }
    }

    fn list<'a>(&mut self, path: &str, json: &'a Json, max: usize) -> Option<&'a [Json]> {
        match json {
            Json::Array(items) if items.len() > max => {
                self.error(path, format!("{} entries, at most {max} allowed", items.len()));
                None
            }
            Json::Array(items) => Some(items),
            other => {
                self.error(path, format!("expected a list, found {}", other.kind()));
                None
            }
        }
    }

    fn required<'a>(
        &mut self,
        path: &str,
        map: &'a BTreeMap<String, Json>,
        key: &str,
    ) -> Option<&'a Json> {
        let value = map.get(key);
        if value.is_none() {
            self.error(&field(path, key), "missing");
        }
        value
    }

    fn unknown_keys(&mut self, path: &str, map: &BTreeMap<String, Json>, known: &[&str]) {
        for key in map.keys().filter(|key| !known.contains(&key.as_str())) {
            self.error(
                &field(path, key),
                format!("unknown key (expected one of: {})", known.join(", ")),
            );
        }
    }

    fn text(&mut self, path: &str, json: &Json, max_chars: usize) -> Option<String> {
        let Json::String(text) = json else {
            self.error(path, format!("expected a string, found {}", json.kind()));
            return None;
        };
        let chars = text.chars().count();
        if text.trim().is_empty() {
            self.error(path, "is empty");
        } else if chars > max_chars {
            self.error(path, format!("{chars} characters, at most {max_chars}"));
        } else if text.chars().any(is_formatting_control) {
            self.error(path, "contains control or bidirectional formatting characters");
        } else if text.contains(['<', '>']) {
            // Shown as text anyway; but markup in a name or note is a mistake or an attack.
            self.error(path, "contains < or >; names and notes are plain text");
        } else {
            return Some(text.clone());
        }
        None
    }

    fn bilingual(&mut self, path: &str, json: &Json, max_chars: usize) -> Option<Bilingual> {
        let map = self.object(path, json, "Danish and English text (\"da\", \"en\")")?;
        self.unknown_keys(path, map, &["da", "en"]);
        let da = self
            .required(path, map, "da")
            .and_then(|v| self.text(&field(path, "da"), v, max_chars));
        let en = self
            .required(path, map, "en")
            .and_then(|v| self.text(&field(path, "en"), v, max_chars));
        Some(Bilingual { da: da?, en: en? })
    }

    fn phone(&mut self, path: &str, json: &Json) -> Option<String> {
        let Json::String(phone) = json else {
            self.error(
                path,
                format!("expected an E.164 number as a string, found {}", json.kind()),
            );
            return None;
        };
        if is_e164(phone) {
            Some(phone.clone())
        } else {
            self.error(
                path,
                format!("{} is not an E.164 number (like \"+4570200000\")", quoted(phone)),
            );
            None
        }
    }

    fn weekly(&mut self, path: &str, json: &Json) -> Option<WeeklyHours> {
        let map = self.object(path, json, "hours per weekday (\"mon\" … \"sun\")")?;
        self.unknown_keys(path, map, &DAY_KEYS);
        let days = DAY_KEYS.map(|key| {
            let path = field(path, key);
            match map.get(key) {
                Some(value) => self.intervals(&path, value),
                None => {
                    self.error(&path, "missing (use [] for closed)");
                    None
                }
            }
        });
        let [mon, tue, wed, thu, fri, sat, sun] = days;
        WeeklyHours::new([mon?, tue?, wed?, thu?, fri?, sat?, sun?])
    }

    /// A list of `"HH:MM-HH:MM"`, sorted by start; overlaps are errors.
    fn intervals(&mut self, path: &str, json: &Json) -> Option<Vec<Interval>> {
        let items = self.list(path, json, MAX_INTERVALS_PER_DAY)?;
        let mut parsed = Vec::new();
        let mut valid = true;
        for (index, value) in items.iter().enumerate() {
            let path = item(path, index);
            let result = match value {
                Json::String(text) => parse_interval(text),
                other => Err(format!("expected \"HH:MM-HH:MM\", found {}", other.kind())),
            };
            match result {
                Ok(interval) => parsed.push((index, interval)),
                Err(message) => {
                    self.error(&path, message);
                    valid = false;
                }
            }
        }
        parsed.sort_unstable_by_key(|(index, interval)| (interval.start, *index));
        for pair in parsed.windows(2) {
            let ((_, earlier), (index, later)) = (pair[0], pair[1]);
            if later.start < earlier.end {
                let message =
                    format!("{} overlaps {}", show_interval(later), show_interval(earlier));
                self.error(&item(path, index), message);
                valid = false;
            }
        }
        valid.then(|| parsed.into_iter().map(|(_, interval)| interval).collect())
    }

    /// `"closed"`, `"ordinary"` or a list of hours.
    fn day_rule(&mut self, path: &str, json: &Json) -> Option<DayRule> {
        const EXPECTED: &str = "\"closed\", \"ordinary\" or a list of hours";
        match json {
            Json::String(word) if word == "closed" => Some(DayRule::Closed),
            Json::String(word) if word == "ordinary" => Some(DayRule::Ordinary),
            Json::String(word) => {
                self.error(path, format!("unknown value {} (expected {EXPECTED})", quoted(word)));
                None
            }
            Json::Array(_) => {
                let intervals = self.intervals(path, json)?;
                Some(if intervals.is_empty() { DayRule::Closed } else { DayRule::Hours(intervals) })
            }
            other => {
                self.error(path, format!("expected {EXPECTED}, found {}", other.kind()));
                None
            }
        }
    }

    fn holidays(&mut self, path: &str, json: &Json) -> Option<Vec<(Holiday, DayRule)>> {
        let map = self.object(path, json, "a rule per holiday")?;
        let mut rules = Vec::new();
        let mut valid = true;
        for (key, value) in map {
            let path = field(path, key);
            let Some(holiday) = Holiday::from_key(key) else {
                let known: Vec<&str> = Holiday::ALL.iter().map(|h| h.key()).collect();
                self.error(&path, format!("unknown holiday (known: {})", known.join(", ")));
                valid = false;
                continue;
            };
            match self.day_rule(&path, value) {
                Some(rule) => rules.push((holiday, rule)),
                None => valid = false,
            }
        }
        valid.then_some(rules)
    }

    fn date(&mut self, path: &str, json: &Json) -> Option<NaiveDate> {
        let Json::String(text) = json else {
            self.error(path, format!("expected a date \"YYYY-MM-DD\", found {}", json.kind()));
            return None;
        };
        match parse_date(text) {
            Some(date) if (FIRST_YEAR..=LAST_YEAR).contains(&chrono::Datelike::year(&date)) => {
                Some(date)
            }
            Some(_) => {
                self.error(
                    path,
                    format!("{} is outside the years {FIRST_YEAR}–{LAST_YEAR}", quoted(text)),
                );
                None
            }
            None => {
                self.error(
                    path,
                    format!("{} is not a date (expected \"YYYY-MM-DD\")", quoted(text)),
                );
                None
            }
        }
    }

    fn exceptions(&mut self, path: &str, json: &Json) -> Option<Vec<Exception>> {
        let items = self.list(path, json, MAX_EXCEPTIONS)?;
        let mut exceptions = Vec::new();
        let mut valid = true;
        for (index, value) in items.iter().enumerate() {
            match self.exception(&item(path, index), value) {
                Some(exception) => exceptions.push((index, exception)),
                None => valid = false,
            }
        }
        exceptions.sort_unstable_by_key(|(index, exception)| (exception.first, *index));
        for pair in exceptions.windows(2) {
            let ((earlier_index, earlier), (index, later)) = (&pair[0], &pair[1]);
            if later.first <= earlier.last {
                let message = format!("overlaps {}", item(path, *earlier_index));
                self.error(&item(path, *index), message);
                valid = false;
            }
        }
        valid.then(|| exceptions.into_iter().map(|(_, exception)| exception).collect())
    }

    fn exception(&mut self, path: &str, json: &Json) -> Option<Exception> {
        let map = self.object(path, json, "an exception")?;
        self.unknown_keys(path, map, &["date", "from", "to", "hours", "note"]);
        let days = match (map.get("date"), map.get("from"), map.get("to")) {
            (Some(date), None, None) => {
                self.date(&field(path, "date"), date).map(|date| (date, date))
            }
            (None, Some(from), Some(to)) => {
                let first = self.date(&field(path, "from"), from);
                let last = self.date(&field(path, "to"), to);
                match (first, last) {
                    (Some(first), Some(last)) if last < first => {
                        self.error(&field(path, "to"), format!("{last} is before from {first}"));
                        None
                    }
                    (Some(first), Some(last)) => Some((first, last)),
                    _ => None,
                }
            }
            _ => {
                self.error(path, "give either \"date\", or \"from\" and \"to\"");
                None
            }
        };
        let rule =
            self.required(path, map, "hours").and_then(|v| self.day_rule(&field(path, "hours"), v));
        let note = match map.get("note") {
            Some(note) => {
                Some(Arc::new(self.bilingual(&field(path, "note"), note, MAX_NOTE_CHARS)?))
            }
            None => None,
        };
        let (first, last) = days?;
        Some(Exception { first, last, rule: rule?, note })
    }

    fn versions(&mut self, path: &str, json: &Json) -> Option<Vec<(NaiveDate, WeeklyHours)>> {
        let items = self.list(path, json, MAX_VERSIONS)?;
        let mut versions: Vec<(NaiveDate, WeeklyHours)> = Vec::new();
        let mut valid = true;
        for (index, value) in items.iter().enumerate() {
            let path = item(path, index);
            let Some(map) = self.object(&path, value, "a schedule version") else {
                valid = false;
                continue;
            };
            self.unknown_keys(&path, map, &["from", "weekly"]);
            let from =
                self.required(&path, map, "from").and_then(|v| self.date(&field(&path, "from"), v));
            let weekly = self
                .required(&path, map, "weekly")
                .and_then(|v| self.weekly(&field(&path, "weekly"), v));
            if let (Some(from), Some((previous, _))) = (from, versions.last())
                && from <= *previous
            {
                let message = format!("{from} is not after the previous version's from {previous}");
                self.error(&field(&path, "from"), message);
                valid = false;
            }
            match (from, weekly) {
                (Some(from), Some(weekly)) => versions.push((from, weekly)),
                _ => valid = false,
            }
        }
        valid.then_some(versions)
    }
}

/// `"09:00-21:00"`; the end may be `24:00`.
fn parse_interval(text: &str) -> Result<Interval, String> {
    let shape = || format!("{} is not \"HH:MM-HH:MM\"", quoted(text));
    let (start, end) = text.split_once('-').ok_or_else(shape)?;
    let start = parse_clock(start).ok_or_else(shape)??;
    let end = parse_clock(end).ok_or_else(shape)??;
    match Interval::new(start, end) {
        Some(interval) => Ok(interval),
        None if start == end => {
            Err(format!("empty interval {}", show_interval(Interval { start, end })))
        }
        None => Err(format!("end {} is before start {}", show_clock(end), show_clock(start))),
    }
}

/// `None` when not shaped `HH:MM`; `Some(Err)` when shaped so but not a time of day.
fn parse_clock(text: &str) -> Option<Result<ClockTime, String>> {
    let bytes = text.as_bytes();
    let digit = |i: usize| bytes[i].is_ascii_digit().then(|| bytes[i] - b'0');
    if bytes.len() != 5 || bytes[2] != b':' {
        return None;
    }
    let (hour, minute) = (digit(0)? * 10 + digit(1)?, digit(3)? * 10 + digit(4)?);
    Some(ClockTime::new(hour, minute).ok_or(format!("{text} is not a time of day")))
}

/// `"YYYY-MM-DD"` exactly.
fn parse_date(text: &str) -> Option<NaiveDate> {
    let bytes = text.as_bytes();
    let shaped = bytes.len() == 10
        && bytes[4] == b'-'
        && bytes[7] == b'-'
        && [0, 1, 2, 3, 5, 6, 8, 9].iter().all(|&i| bytes[i].is_ascii_digit());
    if !shaped {
        return None;
    }
    let number = |range: std::ops::Range<usize>| text[range].parse::<u32>().ok();
    NaiveDate::from_ymd_opt(number(0..4)? as i32, number(5..7)?, number(8..10)?)
}

/// `+` and 8–15 digits not starting with 0; Danish (`+45`) numbers have exactly 8 digits after.
fn is_e164(phone: &str) -> bool {
    let Some(digits) = phone.strip_prefix('+') else { return false };
    let well_formed = (8..=15).contains(&digits.len())
        && digits.bytes().all(|b| b.is_ascii_digit())
        && !digits.starts_with('0');
    well_formed && digits.strip_prefix("45").is_none_or(|local| local.len() == 8)
}

/// Characters that would let a config string reorder or hide the widget's text.
fn is_formatting_control(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

fn show_clock(time: ClockTime) -> String {
    format!("{:02}:{:02}", time.hour(), time.minute())
}

fn show_interval(interval: Interval) -> String {
    format!("{}-{}", show_clock(interval.start), show_clock(interval.end))
}

/// A JSON number as written (`2`, not `2.0`). Fractions are only named: formatting floats would
/// cost the wasm build ~15 KB.
fn number(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        "a fractional number".to_owned()
    }
}

/// A config string in a message, in quotes, with characters that could garble the console
/// shown as escapes.
fn quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        if is_formatting_control(c) || c == '"' || c == '\\' {
            out.push_str(&format!("\\u{{{:04x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    out.push('"');
    out
}
