//! What is wrong with a config, as data: where (a [`Path`] into the document) and what (a
//! [`Kind`] with its values). One function per language turns it into words, so the widget's
//! console warning (English), the checker page (Danish or English) and the validator command
//! say the same thing from one source.
//!
//! Messages are built with `push_str` and a small number writer, not `format!`: this code
//! ships in the wasm, where formatting machinery costs bytes.

use chrono::{Datelike, NaiveDate};

use super::json::{MAX_BYTES, MAX_DEPTH};
use crate::rules::{ClockTime, Holiday, Interval};

/// The config format this widget reads.
pub const FORMAT_VERSION: u32 = 1;
/// Exceptions and versions may not use dates outside these years.
pub const FIRST_YEAR: i32 = 1900;
pub const LAST_YEAR: i32 = 2200;

/// One step into a JSON document: an object key or a list index.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Step {
    Key(String),
    Index(usize),
}

/// Where a problem is: the steps from the document's top (none for the document itself).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Path(pub Vec<Step>);

impl Path {
    /// This path with `key` added.
    pub fn key(&self, key: &str) -> Path {
        let mut steps = self.0.clone();
        steps.push(Step::Key(key.to_owned()));
        Path(steps)
    }

    /// This path with `index` added.
    pub fn index(&self, index: usize) -> Path {
        let mut steps = self.0.clone();
        steps.push(Step::Index(index));
        Path(steps)
    }

    /// As a web developer writes it: `exceptions[2].date`.
    pub fn english(&self) -> String {
        let mut out = String::new();
        for step in &self.0 {
            match step {
                Step::Key(key) => {
                    if !out.is_empty() {
                        out.push('.');
                    }
                    out.push_str(key);
                }
                Step::Index(index) => {
                    out.push('[');
                    push_number(&mut out, *index as u64);
                    out.push(']');
                }
            }
        }
        out
    }

    /// As the person editing the hours would say it: `undtagelse nr. 3, dato`, `fredag`.
    /// An interval's position in its day is left out: its message quotes it, and the checker
    /// page points at its line. A key the format does not know (`unknown` true for the last
    /// step) is quoted as written.
    pub fn danish(&self, unknown: bool) -> String {
        let mut parts: Vec<String> = Vec::new();
        let steps = &self.0;
        for (i, step) in steps.iter().enumerate() {
            let next = steps.get(i + 1);
            let parent = i.checked_sub(1).and_then(|p| steps.get(p));
            match step {
                Step::Key(key) if next.is_none() && unknown => parts.push(quoted(key)),
                Step::Key(key) => {
                    let word = match key.as_str() {
                        // "fredag" says enough; "ugetider, fredag" would add nothing.
                        "weekly" if matches!(next, Some(Step::Key(_))) && !unknown => continue,
                        "weekly" => "ugetider",
                        "name" => "navn",
                        "phone" => "telefonnummer",
                        "version" => "version",
                        "holidays" => "helligdage",
                        "exceptions" if matches!(next, Some(Step::Index(_))) => "undtagelse",
                        "exceptions" => "undtagelser",
                        "versions" => "nye ugetider",
                        "date" => "dato",
                        "from" => "fra",
                        "to" => "til",
                        "hours" => "åbningstid",
                        "note" => "note",
                        "da" | "en" => {
                            let language = if key == "da" { " på dansk" } else { " på engelsk" };
                            match parts.last_mut() {
                                Some(previous) => previous.push_str(language),
                                None => parts.push(quoted(key)),
                            }
                            continue;
                        }
                        other => match DAY_KEYS.iter().position(|day| *day == other) {
                            Some(day) => DAYS_DA[day],
                            // Holiday keys, as written in the file.
                            None => other,
                        },
                    };
                    parts.push(word.to_owned());
                }
                Step::Index(index) => {
                    let numbered = matches!(parent, Some(Step::Key(k)) if k == "exceptions" || k == "versions");
                    if numbered && let Some(previous) = parts.last_mut() {
                        previous.push_str(" nr. ");
                        push_number(previous, *index as u64 + 1);
                    }
                }
            }
        }
        parts.join(", ")
    }
}

/// The weekday keys of `weekly`, Monday first.
pub const DAY_KEYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
const DAYS_DA: [&str; 7] = ["mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"];
const DAYS_EN: [&str; 7] =
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

/// Same length and one letter different, or one letter added or left out.
fn one_letter_apart(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let (short, long) = if a.len() <= b.len() { (&a, &b) } else { (&b, &a) };
    match long.len() - short.len() {
        0 => short.iter().zip(long.iter()).filter(|(x, y)| x != y).count() == 1,
        1 => (0..long.len()).any(|skip| {
            long.iter().enumerate().filter(|(i, _)| *i != skip).map(|(_, c)| c).eq(short.iter())
        }),
        _ => false,
    }
}

/// What kind of JSON value was found where another was expected.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Found {
    Null,
    Bool,
    Number,
    String,
    List,
    Object,
}

/// What a field should have been.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expected {
    /// The whole document.
    Config,
    /// `{"da": …, "en": …}`.
    Bilingual,
    WeeklyHours,
    HolidayRules,
    Exception,
    ScheduleVersion,
    List,
    Text,
    Phone,
    Interval,
    DayRule,
    Date,
    Version,
}

/// What is wrong, with the values a message needs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Kind {
    /// The parser's own reason (in English: it comes from `serde_json` or the browser).
    NotJson(String),
    TooLarge {
        bytes: usize,
    },
    TooDeep,
    Missing,
    /// A weekday left out of `weekly`.
    MissingDay,
    MissingVersion,
    NewerVersion(u64),
    /// `None`: a fraction.
    NotAVersion(Option<i64>),
    WrongType {
        expected: Expected,
        found: Found,
    },
    TooMany {
        count: usize,
        max: usize,
    },
    UnknownKey {
        known: &'static [&'static str],
    },
    UnknownHoliday,
    EmptyText,
    TooLong {
        chars: usize,
        max: usize,
    },
    FormattingCharacters,
    Markup,
    NotDanishPhone(String),
    NotInterval(String),
    NotTimeOfDay(String),
    EmptyInterval(ClockTime),
    EndBeforeStart {
        start: ClockTime,
        end: ClockTime,
    },
    Overlaps {
        interval: Interval,
        other: Interval,
    },
    UnknownDayRule(String),
    NotADate(String),
    YearOutOfRange(String),
    RangeReversed {
        from: NaiveDate,
        to: NaiveDate,
    },
    DateOrRange,
    /// Overlaps the exception at this index.
    OverlapsException(usize),
    VersionNotAfter {
        from: NaiveDate,
        previous: NaiveDate,
    },
}

/// One problem: where and what.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConfigError {
    pub path: Path,
    pub kind: Kind,
}

impl ConfigError {
    /// `weekly.fri[0]: end 17:00 is before start 18:00`: for web teams (the console).
    pub fn english(&self) -> String {
        let mut out = self.path.english();
        if !out.is_empty() {
            out.push_str(": ");
        }
        english(&self.kind, self.suggestion(), &mut out);
        out
    }

    /// A problem with the whole document (not JSON, too large, too deep).
    pub fn document(kind: Kind) -> ConfigError {
        ConfigError { path: Path::default(), kind }
    }

    /// For an unknown key, the known one it most likely meant: a weekday written in Danish or
    /// English (`"fredag"`, `"fre"`, `"friday"` → `"fri"`), or a known key with one letter
    /// wrong, added or left out (`"holiday"` → `"holidays"`).
    fn suggestion(&self) -> Option<&'static str> {
        let Kind::UnknownKey { known } = self.kind else { return None };
        let Some(Step::Key(key)) = self.path.0.last() else { return None };
        // ASCII only: Unicode case tables would cost the widget ~6 KB brotli.
        let key = key.to_ascii_lowercase();
        let weekday = DAYS_DA.iter().zip(DAYS_EN).position(|(da, en)| {
            key.len() >= 3 && (da.starts_with(key.as_str()) || en.starts_with(key.as_str()))
        });
        let by_day = weekday.map(|day| DAY_KEYS[day]).filter(|day| known.contains(day));
        // Two-letter keys ("de") are too short to guess from.
        let typo =
            || known.iter().copied().find(|known| key.len() > 3 && one_letter_apart(&key, known));
        by_day.or_else(typo)
    }

    /// `fredag: lukketid 17.00 ligger før åbningstid 18.00`: for whoever edits the hours.
    pub fn danish(&self) -> String {
        let unknown = matches!(self.kind, Kind::UnknownKey { .. } | Kind::UnknownHoliday);
        let mut out = self.path.danish(unknown);
        if !out.is_empty() {
            out.push_str(": ");
        }
        danish(&self.kind, self.suggestion(), &mut out);
        out
    }
}

fn english(kind: &Kind, suggestion: Option<&str>, out: &mut String) {
    let expected_version = |out: &mut String| push_number(out, u64::from(FORMAT_VERSION));
    match kind {
        Kind::NotJson(reason) => {
            out.push_str("not valid JSON: ");
            out.push_str(reason);
        }
        Kind::TooLarge { bytes } => {
            push_number(out, *bytes as u64);
            out.push_str(" bytes is too large (at most ");
            push_number(out, MAX_BYTES as u64);
            out.push(')');
        }
        Kind::TooDeep => {
            out.push_str("nested more than ");
            push_number(out, MAX_DEPTH as u64);
            out.push_str(" levels deep");
        }
        Kind::Missing => out.push_str("missing"),
        Kind::MissingDay => out.push_str("missing (use [] for closed)"),
        Kind::MissingVersion => {
            out.push_str("missing (this widget reads version ");
            expected_version(out);
            out.push(')');
        }
        Kind::NewerVersion(n) => {
            push_number(out, *n);
            out.push_str(" is newer than this widget understands (at most ");
            expected_version(out);
            out.push(')');
        }
        Kind::NotAVersion(n) => {
            match n {
                Some(n) => push_signed(out, *n),
                None => out.push_str("a fractional number"),
            }
            out.push_str(" is not a config version (expected ");
            expected_version(out);
            out.push(')');
        }
        Kind::WrongType { expected, found } => {
            out.push_str("expected ");
            out.push_str(match expected {
                Expected::Config => "the config as an object",
                Expected::Bilingual => "Danish and English text (\"da\", \"en\") as an object",
                Expected::WeeklyHours => "hours per weekday (\"mon\" … \"sun\") as an object",
                Expected::HolidayRules => "a rule per holiday as an object",
                Expected::Exception => "an exception as an object",
                Expected::ScheduleVersion => "a schedule version as an object",
                Expected::List => "a list",
                Expected::Text => "a string",
                Expected::Phone => "a phone number as a string (\"+45\" and 8 digits)",
                Expected::Interval => "\"HH:MM-HH:MM\"",
                Expected::DayRule => "\"closed\", \"ordinary\" or a list of hours",
                Expected::Date => "a date \"YYYY-MM-DD\"",
                Expected::Version => "1",
            });
            out.push_str(", found ");
            out.push_str(match found {
                Found::Null => "null",
                Found::Bool => "a boolean",
                Found::Number => "a number",
                Found::String => "a string",
                Found::List => "a list",
                Found::Object => "an object",
            });
        }
        Kind::TooMany { count, max } => {
            push_number(out, *count as u64);
            out.push_str(" entries, at most ");
            push_number(out, *max as u64);
            out.push_str(" allowed");
        }
        Kind::UnknownKey { known } => {
            out.push_str("unknown key (");
            if let Some(key) = suggestion {
                out.push_str("did you mean \"");
                out.push_str(key);
                out.push_str("\"? ");
            }
            out.push_str("expected one of: ");
            out.push_str(&known.join(", "));
            out.push(')');
        }
        Kind::UnknownHoliday => {
            out.push_str("unknown holiday (known: ");
            push_holiday_keys(out);
            out.push(')');
        }
        Kind::EmptyText => out.push_str("is empty"),
        Kind::TooLong { chars, max } => {
            push_number(out, *chars as u64);
            out.push_str(" characters, at most ");
            push_number(out, *max as u64);
        }
        Kind::FormattingCharacters => {
            out.push_str("contains control or bidirectional formatting characters")
        }
        Kind::Markup => out.push_str("contains < or >; names and notes are plain text"),
        Kind::NotDanishPhone(phone) => {
            out.push_str(&quoted(phone));
            out.push_str(" is not a Danish number: \"+45\" and 8 digits (like \"+4570200000\")");
        }
        Kind::NotInterval(text) => {
            out.push_str(&quoted(text));
            out.push_str(" is not \"HH:MM-HH:MM\"");
        }
        Kind::NotTimeOfDay(text) => {
            out.push_str(text);
            out.push_str(" is not a time of day");
        }
        Kind::EmptyInterval(time) => {
            out.push_str("empty interval ");
            push_clock(out, *time, ':');
            out.push('-');
            push_clock(out, *time, ':');
        }
        Kind::EndBeforeStart { start, end } => {
            out.push_str("end ");
            push_clock(out, *end, ':');
            out.push_str(" is before start ");
            push_clock(out, *start, ':');
        }
        Kind::Overlaps { interval, other } => {
            push_interval(out, *interval, ':', "-");
            out.push_str(" overlaps ");
            push_interval(out, *other, ':', "-");
        }
        Kind::UnknownDayRule(word) => {
            out.push_str("unknown value ");
            out.push_str(&quoted(word));
            out.push_str(" (expected \"closed\", \"ordinary\" or a list of hours)");
        }
        Kind::NotADate(text) => {
            out.push_str(&quoted(text));
            out.push_str(" is not a date (expected \"YYYY-MM-DD\")");
        }
        Kind::YearOutOfRange(text) => {
            out.push_str(&quoted(text));
            out.push_str(" is outside the years ");
            push_years(out);
        }
        Kind::RangeReversed { from, to } => {
            push_date(out, *to);
            out.push_str(" is before from ");
            push_date(out, *from);
        }
        Kind::DateOrRange => out.push_str("give either \"date\", or \"from\" and \"to\""),
        Kind::OverlapsException(index) => {
            out.push_str("overlaps exceptions[");
            push_number(out, *index as u64);
            out.push(']');
        }
        Kind::VersionNotAfter { from, previous } => {
            push_date(out, *from);
            out.push_str(" is not after the previous version's from ");
            push_date(out, *previous);
        }
    }
}

fn danish(kind: &Kind, suggestion: Option<&str>, out: &mut String) {
    let expected_version = |out: &mut String| push_number(out, u64::from(FORMAT_VERSION));
    match kind {
        Kind::NotJson(reason) => {
            out.push_str("ikke gyldig JSON (");
            out.push_str(reason);
            out.push(')');
        }
        Kind::TooLarge { bytes } => {
            out.push_str("filen er for stor: ");
            push_number(out, *bytes as u64);
            out.push_str(" bytes (højst ");
            push_number(out, MAX_BYTES as u64);
            out.push(')');
        }
        Kind::TooDeep => {
            out.push_str("mere end ");
            push_number(out, MAX_DEPTH as u64);
            out.push_str(" niveauer inden i hinanden");
        }
        Kind::Missing => out.push_str("mangler"),
        Kind::MissingDay => out.push_str("mangler (skriv [] for lukket)"),
        Kind::MissingVersion => {
            out.push_str("mangler (skriv \"version\": ");
            expected_version(out);
            out.push(')');
        }
        Kind::NewerVersion(n) => {
            push_number(out, *n);
            out.push_str(" er nyere, end denne widget forstår (højst ");
            expected_version(out);
            out.push(')');
        }
        Kind::NotAVersion(n) => {
            match n {
                Some(n) => push_signed(out, *n),
                None => out.push_str("et decimaltal"),
            }
            out.push_str(" er ikke en config-version (skal være ");
            expected_version(out);
            out.push(')');
        }
        Kind::WrongType { expected, found } => {
            out.push_str("skal være ");
            out.push_str(match expected {
                Expected::Config => "et objekt { … }",
                Expected::Bilingual => "et objekt med dansk og engelsk tekst (\"da\", \"en\")",
                Expected::WeeklyHours => "et objekt med tider for hver ugedag (\"mon\" … \"sun\")",
                Expected::HolidayRules => "et objekt med en regel for hver helligdag",
                Expected::Exception => "et objekt med en undtagelse",
                Expected::ScheduleVersion => "et objekt med \"from\" og \"weekly\"",
                Expected::List => "en liste [ … ]",
                Expected::Text => "en tekst i anførselstegn",
                Expected::Phone => "et nummer i anførselstegn (\"+45\" og 8 cifre)",
                Expected::Interval => "et tidsrum i anførselstegn, fx \"09:00-17:00\"",
                Expected::DayRule => "\"closed\", \"ordinary\" eller en liste af tidsrum",
                Expected::Date => "en dato i anførselstegn, fx \"2026-12-24\"",
                Expected::Version => "1",
            });
            out.push_str(", men er ");
            out.push_str(match found {
                Found::Null => "null",
                Found::Bool => "true/false",
                Found::Number => "et tal",
                Found::String => "en tekst",
                Found::List => "en liste",
                Found::Object => "et objekt",
            });
        }
        Kind::TooMany { count, max } => {
            push_number(out, *count as u64);
            out.push_str(" stk., højst ");
            push_number(out, *max as u64);
        }
        Kind::UnknownKey { known } => {
            out.push_str("ukendt felt (");
            if let Some(key) = suggestion {
                out.push_str("mente du \"");
                out.push_str(key);
                out.push_str("\"? ");
            }
            out.push_str("kendte: ");
            out.push_str(&known.join(", "));
            out.push(')');
        }
        Kind::UnknownHoliday => {
            out.push_str("ukendt helligdag (kendte: ");
            push_holiday_keys(out);
            out.push(')');
        }
        Kind::EmptyText => out.push_str("er tom"),
        Kind::TooLong { chars, max } => {
            push_number(out, *chars as u64);
            out.push_str(" tegn, højst ");
            push_number(out, *max as u64);
        }
        Kind::FormattingCharacters => {
            out.push_str("indeholder kontroltegn eller tegn, der ændrer skriveretningen")
        }
        Kind::Markup => out.push_str("indeholder < eller >; navne og noter er ren tekst"),
        Kind::NotDanishPhone(phone) => {
            out.push_str(&quoted(phone));
            out.push_str(" er ikke et dansk nummer: \"+45\" og 8 cifre (som \"+4570200000\")");
        }
        Kind::NotInterval(text) => {
            out.push_str(&quoted(text));
            out.push_str(" skal skrives som \"TT:MM-TT:MM\", fx \"09:00-17:00\"");
        }
        Kind::NotTimeOfDay(text) => {
            out.push_str(text);
            out.push_str(" er ikke et klokkeslæt");
        }
        Kind::EmptyInterval(time) => {
            out.push_str("tomt tidsrum ");
            push_clock(out, *time, '.');
            out.push('–');
            push_clock(out, *time, '.');
        }
        Kind::EndBeforeStart { start, end } => {
            out.push_str("lukketid ");
            push_clock(out, *end, '.');
            out.push_str(" ligger før åbningstid ");
            push_clock(out, *start, '.');
        }
        Kind::Overlaps { interval, other } => {
            push_interval(out, *interval, '.', "–");
            out.push_str(" overlapper ");
            push_interval(out, *other, '.', "–");
        }
        Kind::UnknownDayRule(word) => {
            out.push_str("ukendt værdi ");
            out.push_str(&quoted(word));
            out.push_str(" (skal være \"closed\", \"ordinary\" eller en liste af tidsrum)");
        }
        Kind::NotADate(text) => {
            out.push_str(&quoted(text));
            out.push_str(" er ikke en dato (skrives \"ÅÅÅÅ-MM-DD\")");
        }
        Kind::YearOutOfRange(text) => {
            out.push_str(&quoted(text));
            out.push_str(" ligger uden for årene ");
            push_years(out);
        }
        Kind::RangeReversed { from, to } => {
            push_date(out, *to);
            out.push_str(" ligger før fra-datoen ");
            push_date(out, *from);
        }
        Kind::DateOrRange => out.push_str("angiv enten \"date\" eller både \"from\" og \"to\""),
        Kind::OverlapsException(index) => {
            out.push_str("overlapper undtagelse nr. ");
            push_number(out, *index as u64 + 1);
        }
        Kind::VersionNotAfter { from, previous } => {
            push_date(out, *from);
            out.push_str(" ligger ikke efter de forrige nye ugetiders fra-dato ");
            push_date(out, *previous);
        }
    }
}

/// Decimal digits of `n`, without the formatting machinery.
pub fn push_number(out: &mut String, mut n: u64) {
    let mut digits = [0u8; 20];
    let mut len = 0;
    loop {
        digits[len] = b'0' + (n % 10) as u8;
        len += 1;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    for &digit in digits[..len].iter().rev() {
        out.push(digit as char);
    }
}

fn push_signed(out: &mut String, n: i64) {
    if n < 0 {
        out.push('-');
    }
    push_number(out, n.unsigned_abs());
}

fn push_two(out: &mut String, n: u32) {
    out.push((b'0' + (n / 10 % 10) as u8) as char);
    out.push((b'0' + (n % 10) as u8) as char);
}

/// `17:00` (English, as in the file) or `17.00` (Danish; the hour without a leading zero).
fn push_clock(out: &mut String, time: ClockTime, separator: char) {
    if separator == ':' {
        push_two(out, u32::from(time.hour()));
    } else {
        push_number(out, u64::from(time.hour()));
    }
    out.push(separator);
    push_two(out, u32::from(time.minute()));
}

fn push_interval(out: &mut String, interval: Interval, separator: char, dash: &str) {
    push_clock(out, interval.start, separator);
    out.push_str(dash);
    push_clock(out, interval.end, separator);
}

/// `2026-07-01`, as in the file.
fn push_date(out: &mut String, date: NaiveDate) {
    push_number(out, date.year().unsigned_abs().into());
    out.push('-');
    push_two(out, date.month());
    out.push('-');
    push_two(out, date.day());
}

fn push_years(out: &mut String) {
    push_number(out, FIRST_YEAR as u64);
    out.push('–');
    push_number(out, LAST_YEAR as u64);
}

fn push_holiday_keys(out: &mut String) {
    for (i, holiday) in Holiday::ALL.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(holiday.key());
    }
}

/// Characters that would let a config string reorder or hide the widget's text.
pub fn is_formatting_control(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// A config string in a message, in quotes, with characters that could garble the console
/// shown as escapes (`\u{202e}`).
fn quoted(text: &str) -> String {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        if is_formatting_control(c) || c == '"' || c == '\\' {
            out.push_str("\\u{");
            let code = c as u32;
            let width = if code > 0xffff { 6 } else { 4 };
            for shift in (0..width).rev() {
                out.push(HEX[(code >> (shift * 4)) as usize & 0xf] as char);
            }
            out.push('}');
        } else {
            out.push(c);
        }
    }
    out.push('"');
    out
}
