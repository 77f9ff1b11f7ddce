//! JSON → [`Config`], reporting **every** problem with the path to its field, e.g.
//! `weekly.fri[0]: end 17:00 is before start 18:00` (the words: [`super::problem`]).

use std::collections::BTreeMap;
use std::fmt;
use std::sync::Arc;

use chrono::NaiveDate;

use super::Config;
use super::json::Json;
use super::problem::{
    ConfigError, DAY_KEYS, Expected, FIRST_YEAR, FORMAT_VERSION, Found, Kind, LAST_YEAR, Path,
    is_formatting_control,
};
use crate::rules::{
    Bilingual, ClockTime, DayRule, Exception, Holiday, Interval, Schedule, WeeklyHours,
};

const MAX_INTERVALS_PER_DAY: usize = 24;
const MAX_EXCEPTIONS: usize = 1000;
const MAX_VERSIONS: usize = 50;
const MAX_NAME_CHARS: usize = 100;
const MAX_NOTE_CHARS: usize = 200;

/// The console's form (English).
impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.english())
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
            f.write_str(&error.english())?;
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

fn found(json: &Json) -> Found {
    match json {
        Json::Null => Found::Null,
        Json::Bool(_) => Found::Bool,
        Json::Number(_) => Found::Number,
        Json::String(_) => Found::String,
        Json::Array(_) => Found::List,
        Json::Object(_) => Found::Object,
    }
}

const TOP_KEYS: &[&str] =
    &["version", "name", "phone", "weekly", "holidays", "exceptions", "versions"];
const LANGUAGE_KEYS: &[&str] = &["da", "en"];
const EXCEPTION_KEYS: &[&str] = &["date", "from", "to", "hours", "note"];
const VERSION_KEYS: &[&str] = &["from", "weekly"];

/// Collects errors while walking the document; each step returns `None` when its part is
/// invalid, so siblings are still checked.
#[derive(Default)]
struct Check {
    errors: Vec<ConfigError>,
}

impl Check {
    fn error(&mut self, path: &Path, kind: Kind) {
        self.errors.push(ConfigError { path: path.clone(), kind });
    }

    fn wrong_type(&mut self, path: &Path, expected: Expected, json: &Json) {
        self.error(path, Kind::WrongType { expected, found: found(json) });
    }

    fn config(&mut self, json: &Json) -> Option<Config> {
        let top = Path::default();
        let map = self.object(&top, json, Expected::Config)?;
        if !self.version(&top.key("version"), map.get("version")) {
            return None; // A newer format: its other fields may mean something else.
        }
        self.unknown_keys(&top, map, TOP_KEYS);
        let name = self
            .required(&top, map, "name")
            .and_then(|v| self.bilingual(&top.key("name"), v, MAX_NAME_CHARS));
        let phone =
            self.required(&top, map, "phone").and_then(|v| self.phone(&top.key("phone"), v));
        let weekly =
            self.required(&top, map, "weekly").and_then(|v| self.weekly(&top.key("weekly"), v));
        let holidays = map.get("holidays").map(|v| self.holidays(&top.key("holidays"), v));
        let exceptions = map.get("exceptions").map(|v| self.exceptions(&top.key("exceptions"), v));
        let versions = map.get("versions").map(|v| self.versions(&top.key("versions"), v));

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
    fn version(&mut self, path: &Path, value: Option<&Json>) -> bool {
        let expected = f64::from(FORMAT_VERSION);
        match value {
            None => self.error(path, Kind::MissingVersion),
            Some(Json::Number(n)) if *n == expected => {}
            Some(Json::Number(n)) if *n > expected && is_whole(*n) => {
                self.error(path, Kind::NewerVersion(*n as u64));
                return false;
            }
            Some(Json::Number(n)) => {
                let whole = is_whole(*n).then_some(*n as i64);
                self.error(path, Kind::NotAVersion(whole))
            }
            Some(other) => self.wrong_type(path, Expected::Version, other),
        }
        true
    }

    fn object<'a>(
        &mut self,
        path: &Path,
        json: &'a Json,
        expected: Expected,
    ) -> Option<&'a BTreeMap<String, Json>> {
        match json {
            Json::Object(map) => Some(map),
            other => {
                self.wrong_type(path, expected, other);
                None
            }
        }
    }

    fn list<'a>(&mut self, path: &Path, json: &'a Json, max: usize) -> Option<&'a [Json]> {
        match json {
            Json::Array(items) if items.len() > max => {
                self.error(path, Kind::TooMany { count: items.len(), max });
                None
            }
            Json::Array(items) => Some(items),
            other => {
                self.wrong_type(path, Expected::List, other);
                None
            }
        }
    }

    fn required<'a>(
        &mut self,
        path: &Path,
        map: &'a BTreeMap<String, Json>,
        key: &str,
    ) -> Option<&'a Json> {
        let value = map.get(key);
        if value.is_none() {
            self.error(&path.key(key), Kind::Missing);
        }
        value
    }

    fn unknown_keys(
        &mut self,
        path: &Path,
        map: &BTreeMap<String, Json>,
        known: &'static [&'static str],
    ) {
        for key in map.keys().filter(|key| !known.contains(&key.as_str())) {
            self.error(&path.key(key), Kind::UnknownKey { known });
        }
    }

    fn text(&mut self, path: &Path, json: &Json, max_chars: usize) -> Option<String> {
        let Json::String(text) = json else {
            self.wrong_type(path, Expected::Text, json);
            return None;
        };
        let chars = text.chars().count();
        if text.trim().is_empty() {
            self.error(path, Kind::EmptyText);
        } else if chars > max_chars {
            self.error(path, Kind::TooLong { chars, max: max_chars });
        } else if text.chars().any(is_formatting_control) {
            self.error(path, Kind::FormattingCharacters);
        } else if text.contains(['<', '>']) {
            // Shown as text anyway; but markup in a name or note is a mistake or an attack.
            self.error(path, Kind::Markup);
        } else {
            return Some(text.clone());
        }
        None
    }

    fn bilingual(&mut self, path: &Path, json: &Json, max_chars: usize) -> Option<Bilingual> {
        let map = self.object(path, json, Expected::Bilingual)?;
        self.unknown_keys(path, map, LANGUAGE_KEYS);
        let da =
            self.required(path, map, "da").and_then(|v| self.text(&path.key("da"), v, max_chars));
        let en =
            self.required(path, map, "en").and_then(|v| self.text(&path.key("en"), v, max_chars));
        Some(Bilingual { da: da?, en: en? })
    }

    /// This is a Danish line: `+45` and the 8 digits of a Danish number.
    fn phone(&mut self, path: &Path, json: &Json) -> Option<String> {
        let Json::String(phone) = json else {
            self.wrong_type(path, Expected::Phone, json);
            return None;
        };
        if is_danish_number(phone) {
            Some(phone.clone())
        } else {
            self.error(path, Kind::NotDanishPhone(phone.clone()));
            None
        }
    }

    fn weekly(&mut self, path: &Path, json: &Json) -> Option<WeeklyHours> {
        let map = self.object(path, json, Expected::WeeklyHours)?;
        self.unknown_keys(path, map, &DAY_KEYS);
        let days = DAY_KEYS.map(|key| {
            let path = path.key(key);
            match map.get(key) {
                Some(value) => self.intervals(&path, value),
                None => {
                    self.error(&path, Kind::MissingDay);
                    None
                }
            }
        });
        let [mon, tue, wed, thu, fri, sat, sun] = days;
        WeeklyHours::new([mon?, tue?, wed?, thu?, fri?, sat?, sun?])
    }

    /// A list of `"HH:MM-HH:MM"`, sorted by start; overlaps are errors.
    fn intervals(&mut self, path: &Path, json: &Json) -> Option<Vec<Interval>> {
        let items = self.list(path, json, MAX_INTERVALS_PER_DAY)?;
        let mut parsed = Vec::new();
        let mut valid = true;
        for (index, value) in items.iter().enumerate() {
            let path = path.index(index);
            let Json::String(text) = value else {
                self.wrong_type(&path, Expected::Interval, value);
                valid = false;
                continue;
            };
            match parse_interval(text) {
                Ok(interval) => insert_sorted(&mut parsed, (index, interval), |(_, i)| i.start),
                Err(kind) => {
                    self.error(&path, kind);
                    valid = false;
                }
            }
        }
        for pair in parsed.windows(2) {
            let ((_, earlier), (index, later)) = (pair[0], pair[1]);
            if later.start < earlier.end {
                self.error(&path.index(index), Kind::Overlaps { interval: later, other: earlier });
                valid = false;
            }
        }
        valid.then(|| parsed.into_iter().map(|(_, interval)| interval).collect())
    }

    /// `"closed"`, `"ordinary"` or a list of hours.
    fn day_rule(&mut self, path: &Path, json: &Json) -> Option<DayRule> {
        match json {
            Json::String(word) if word == "closed" => Some(DayRule::Closed),
            Json::String(word) if word == "ordinary" => Some(DayRule::Ordinary),
            Json::String(word) => {
                self.error(path, Kind::UnknownDayRule(word.clone()));
                None
            }
            Json::Array(_) => {
                let intervals = self.intervals(path, json)?;
                Some(if intervals.is_empty() { DayRule::Closed } else { DayRule::Hours(intervals) })
            }
            other => {
                self.wrong_type(path, Expected::DayRule, other);
                None
            }
        }
    }

    fn holidays(&mut self, path: &Path, json: &Json) -> Option<Vec<(Holiday, DayRule)>> {
        let map = self.object(path, json, Expected::HolidayRules)?;
        let mut rules = Vec::new();
        let mut valid = true;
        for (key, value) in map {
            let path = path.key(key);
            let Some(holiday) = Holiday::from_key(key) else {
                self.error(&path, Kind::UnknownHoliday);
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

    fn date(&mut self, path: &Path, json: &Json) -> Option<NaiveDate> {
        let Json::String(text) = json else {
            self.wrong_type(path, Expected::Date, json);
            return None;
        };
        match parse_date(text) {
            Some(date) if (FIRST_YEAR..=LAST_YEAR).contains(&chrono::Datelike::year(&date)) => {
                Some(date)
            }
            Some(_) => {
                self.error(path, Kind::YearOutOfRange(text.clone()));
                None
            }
            None => {
                self.error(path, Kind::NotADate(text.clone()));
                None
            }
        }
    }

    fn exceptions(&mut self, path: &Path, json: &Json) -> Option<Vec<Exception>> {
        let items = self.list(path, json, MAX_EXCEPTIONS)?;
        let mut exceptions = Vec::new();
        let mut valid = true;
        for (index, value) in items.iter().enumerate() {
            match self.exception(&path.index(index), value) {
                Some(exception) => {
                    insert_sorted(&mut exceptions, (index, exception), |(_, e)| e.first);
                }
                None => valid = false,
            }
        }
        for pair in exceptions.windows(2) {
            let ((earlier_index, earlier), (index, later)) = (&pair[0], &pair[1]);
            if later.first <= earlier.last {
                self.error(&path.index(*index), Kind::OverlapsException(*earlier_index));
                valid = false;
            }
        }
        valid.then(|| exceptions.into_iter().map(|(_, exception)| exception).collect())
    }

    fn exception(&mut self, path: &Path, json: &Json) -> Option<Exception> {
        let map = self.object(path, json, Expected::Exception)?;
        self.unknown_keys(path, map, EXCEPTION_KEYS);
        let days = match (map.get("date"), map.get("from"), map.get("to")) {
            (Some(date), None, None) => self.date(&path.key("date"), date).map(|date| (date, date)),
            (None, Some(from), Some(to)) => {
                let first = self.date(&path.key("from"), from);
                let last = self.date(&path.key("to"), to);
                match (first, last) {
                    (Some(first), Some(last)) if last < first => {
                        self.error(&path.key("to"), Kind::RangeReversed { from: first, to: last });
                        None
                    }
                    (Some(first), Some(last)) => Some((first, last)),
                    _ => None,
                }
            }
            _ => {
                self.error(path, Kind::DateOrRange);
                None
            }
        };
        let rule =
            self.required(path, map, "hours").and_then(|v| self.day_rule(&path.key("hours"), v));
        let note = match map.get("note") {
            Some(note) => {
                Some(Arc::new(self.bilingual(&path.key("note"), note, MAX_NOTE_CHARS)?))
            }
            None => None,
        };
        let (first, last) = days?;
        Some(Exception { first, last, rule: rule?, note })
    }

    fn versions(&mut self, path: &Path, json: &Json) -> Option<Vec<(NaiveDate, WeeklyHours)>> {
        let items = self.list(path, json, MAX_VERSIONS)?;
        let mut versions: Vec<(NaiveDate, WeeklyHours)> = Vec::new();
        let mut valid = true;
        for (index, value) in items.iter().enumerate() {
            let path = path.index(index);
            let Some(map) = self.object(&path, value, Expected::ScheduleVersion) else {
                valid = false;
                continue;
            };
            self.unknown_keys(&path, map, VERSION_KEYS);
            let from =
                self.required(&path, map, "from").and_then(|v| self.date(&path.key("from"), v));
            let weekly = self
                .required(&path, map, "weekly")
                .and_then(|v| self.weekly(&path.key("weekly"), v));
            if let (Some(from), Some((previous, _))) = (from, versions.last())
                && from <= *previous
            {
                let kind = Kind::VersionNotAfter { from, previous: *previous };
                self.error(&path.key("from"), kind);
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

/// Inserts `item` after every element whose key is not greater: items pushed in index order
/// end up sorted by key, ties in index order. The lists are short (at most 1,000 exceptions), and
/// this keeps the slice sorts (~5 KB of code) out of the config wasm.
fn insert_sorted<T, K: Ord>(list: &mut Vec<T>, item: T, key: impl Fn(&T) -> K) {
    let at = list.partition_point(|existing| key(existing) <= key(&item));
    list.insert(at, item);
}

fn is_whole(n: f64) -> bool {
    n.fract() == 0.0 && n.abs() < 1e15
}

/// `"09:00-21:00"`; the end may be `24:00`.
fn parse_interval(text: &str) -> Result<Interval, Kind> {
    let shape = || Kind::NotInterval(text.to_owned());
    let (start, end) = text.split_once('-').ok_or_else(shape)?;
    let start = parse_clock(start).ok_or_else(shape)??;
    let end = parse_clock(end).ok_or_else(shape)??;
    match Interval::new(start, end) {
        Some(interval) => Ok(interval),
        None if start == end => Err(Kind::EmptyInterval(start)),
        None => Err(Kind::EndBeforeStart { start, end }),
    }
}

/// `None` when not shaped `HH:MM`; `Some(Err)` when shaped so but not a time of day.
fn parse_clock(text: &str) -> Option<Result<ClockTime, Kind>> {
    let bytes = text.as_bytes();
    let digit = |i: usize| bytes[i].is_ascii_digit().then(|| bytes[i] - b'0');
    if bytes.len() != 5 || bytes[2] != b':' {
        return None;
    }
    let (hour, minute) = (digit(0)? * 10 + digit(1)?, digit(3)? * 10 + digit(4)?);
    Some(ClockTime::new(hour, minute).ok_or_else(|| Kind::NotTimeOfDay(text.to_owned())))
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
    // From the bytes, not `text[range]`: a string slice's panic message would bring char's
    // Debug formatting and Unicode's printable tables into the config wasm.
    let number = |range: std::ops::Range<usize>| {
        bytes[range].iter().fold(0, |n, digit| n * 10 + u32::from(digit - b'0'))
    };
    NaiveDate::from_ymd_opt(number(0..4) as i32, number(5..7), number(8..10))
}

/// `+45` and 8 digits: the format of a Danish number in E.164 (the widget groups it
/// `70 20 00 00`; a config for this Danish line carries no other kind).
fn is_danish_number(phone: &str) -> bool {
    phone
        .strip_prefix("+45")
        .is_some_and(|local| local.len() == 8 && local.bytes().all(|b| b.is_ascii_digit()))
}
