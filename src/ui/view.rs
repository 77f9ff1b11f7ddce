//! Everything the widget shows at one instant, worked out as plain data: the components only
//! lay it out, and this is tested natively.

use chrono::{DateTime, Datelike, Days, NaiveDate, TimeDelta, Timelike, Utc};

use super::phone;
use super::texts::{Day, Lang, Texts};
use crate::config::Config;
use crate::rules::{ClockTime, Reason, Status, zone};

/// Within this long before closing, "Closes at" becomes "Closing soon – at".
pub const CLOSING_SOON: TimeDelta = TimeDelta::minutes(30);
/// Special days are listed this many days ahead, today included.
pub const SPECIAL_DAYS_AHEAD: u64 = 14;
/// A new schedule version is announced from this many days before it starts.
pub const ANNOUNCE_VERSION_DAYS: u64 = 28;

/// Which layout: `variant="compact"` is one line, anything else the full box.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Variant {
    #[default]
    Full,
    Compact,
}

impl Variant {
    /// From the `variant` attribute; `None` for a value that is neither.
    pub fn from_attribute(value: &str) -> Option<Variant> {
        match value.trim().to_ascii_lowercase().as_str() {
            "" | "full" => Some(Variant::Full),
            "compact" => Some(Variant::Compact),
            _ => None,
        }
    }
}

/// The number to call: link target, grouped digits and the link's accessible name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PhoneView {
    pub href: String,
    pub text: String,
    pub label: String,
}

/// One day in the week table or the special-days list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DayRow {
    /// "Mandag", or "torsdag 24. december" in the special-days list.
    pub label: String,
    /// "9.00–21.00", "Lukket".
    pub hours: String,
    /// Holiday name or exception note.
    pub note: Option<String>,
    pub today: bool,
}

/// The widget's content at one instant, in one language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WidgetView {
    /// BCP 47 tag of the texts.
    pub lang: &'static str,
    /// Set when showing a chosen moment instead of now: "Forhåndsvisning: …".
    pub preview: Option<String>,
    pub name: String,
    pub open: bool,
    /// "Åben nu" / "Lukket nu": the live region's whole text, so only open ↔ closed is
    /// announced.
    pub headline: &'static str,
    /// Today's holiday, shown after the headline: "2. juledag".
    pub reason: Option<String>,
    /// "Lukker kl. 21.00", "Lukker snart – kl. 21.00", "Åbner i morgen kl. 9.00".
    pub detail: Option<String>,
    /// Today's exception note.
    pub note: Option<String>,
    pub phone: PhoneView,
    /// "Nye åbningstider fra 1. april".
    pub announcement: Option<String>,
    pub week_caption: &'static str,
    /// Marks today's row: "i dag".
    pub today_mark: &'static str,
    /// Monday to Sunday of this week, with the real hours of each day.
    pub week: Vec<DayRow>,
    pub special_caption: &'static str,
    /// Days in the next [`SPECIAL_DAYS_AHEAD`] that are not ordinary weekdays.
    pub special_days: Vec<DayRow>,
    /// When this content changes by itself next (a transition, "closing soon", midnight);
    /// the embedding re-renders then.
    pub redraw_at: DateTime<Utc>,
}

impl WidgetView {
    /// The content at `now`, given the `status` the schedule reports for it; `preview` when
    /// `now` is a chosen moment rather than the present.
    pub fn new(
        now: DateTime<Utc>,
        status: &Status,
        config: &Config,
        lang: Lang,
        preview: bool,
    ) -> WidgetView {
        let texts = lang.texts();
        let today = zone::local_date(now);
        let schedule = &config.schedule;
        let name = match lang {
            Lang::Da => config.name.da.clone(),
            Lang::En => config.name.en.clone(),
        };
        let number = phone::grouped(&config.phone);
        let (reason, note) = match &status.reason {
            Reason::Holiday(holiday) => (Some(texts.holiday(*holiday).to_owned()), None),
            Reason::Exception(Some(note)) => (None, Some(note_in(note, lang))),
            Reason::Weekday | Reason::Exception(None) => (None, None),
        };
        let announcement = schedule
            .next_version(today)
            .filter(|version| (version.from - today).num_days() <= ANNOUNCE_VERSION_DAYS as i64)
            .map(|version| texts.new_hours_from(version.from));
        let monday = today - TimeDelta::days(i64::from(today.weekday().num_days_from_monday()));
        let week = (0..7)
            .filter_map(|offset| monday.checked_add_days(Days::new(offset)))
            .map(|date| {
                let mut row = day_row(config, date, today, lang);
                row.label = capitalized(texts.weekday(date.weekday()));
                row
            })
            .collect();
        let special_days = (0..SPECIAL_DAYS_AHEAD)
            .filter_map(|offset| today.checked_add_days(Days::new(offset)))
            .filter(|date| schedule.day(*date).reason != Reason::Weekday)
            .map(|date| day_row(config, date, today, lang))
            .collect();
        WidgetView {
            lang: texts.tag(),
            preview: preview.then(|| texts.preview(today, wall_clock(now))),
            open: status.open,
            headline: if status.open { texts.open_now() } else { texts.closed_now() },
            reason,
            detail: detail(now, status, texts),
            note,
            phone: PhoneView {
                href: phone::tel_href(&config.phone),
                label: texts.call(&name, &number),
                text: number,
            },
            name,
            announcement,
            week_caption: texts.week_caption(),
            today_mark: texts.today(),
            week,
            special_caption: texts.special_days_caption(),
            special_days,
            redraw_at: redraw_at(now, status),
        }
    }
}

fn detail(now: DateTime<Utc>, status: &Status, texts: &dyn Texts) -> Option<String> {
    match (status.open, status.next_change) {
        (true, Some(close)) if close - now <= CLOSING_SOON => {
            Some(texts.closing_soon(wall_clock(close)))
        }
        (true, Some(close)) => Some(texts.closes_at(wall_clock(close))),
        (true, None) => None,
        (false, Some(opening)) => {
            let day = Day::relative(zone::local_date(opening), zone::local_date(now));
            Some(texts.opens(day, wall_clock(opening)))
        }
        (false, None) => Some(texts.no_opening_ahead().to_owned()),
    }
}

/// The next instant the content changes without anything else happening: the transition,
/// the start of "closing soon", or midnight (when "tomorrow" becomes "today").
fn redraw_at(now: DateTime<Utc>, status: &Status) -> DateTime<Utc> {
    let tomorrow = zone::local_date(now).succ_opt().unwrap_or(NaiveDate::MAX);
    let midnight = zone::instant(tomorrow.and_time(chrono::NaiveTime::MIN));
    let closing_soon = status
        .next_change
        .filter(|_| status.open)
        .map(|close| close - CLOSING_SOON)
        .filter(|start| *start > now);
    [status.next_change, closing_soon, Some(midnight)]
        .into_iter()
        .flatten()
        .min()
        .unwrap_or(midnight)
}

fn day_row(config: &Config, date: NaiveDate, today: NaiveDate, lang: Lang) -> DayRow {
    let texts = lang.texts();
    let day = config.schedule.day(date);
    let hours = if day.intervals.is_empty() {
        texts.closed().to_owned()
    } else {
        let ranges: Vec<String> = day
            .intervals
            .iter()
            .map(|i| format!("{}–{}", texts.clock(i.start), texts.clock(i.end)))
            .collect();
        ranges.join(", ")
    };
    let note = match &day.reason {
        Reason::Weekday => None,
        Reason::Holiday(holiday) => Some(texts.holiday(*holiday).to_owned()),
        Reason::Exception(Some(note)) => Some(note_in(note, lang)),
        Reason::Exception(None) => Some(texts.special_hours().to_owned()),
    };
    DayRow { label: texts.date(date), hours, note, today: date == today }
}

fn note_in(note: &crate::rules::Bilingual, lang: Lang) -> String {
    match lang {
        Lang::Da => note.da.clone(),
        Lang::En => note.en.clone(),
    }
}

/// "mandag" → "Mandag", for the start of a table row. Every weekday word starts with an ASCII
/// letter, so only that is upper-cased: `char::to_uppercase` would ship Unicode's case table
/// (~6 KB brotli) for nothing. A word starting with another letter is left as it is.
fn capitalized(word: &str) -> String {
    let mut word = word.to_owned();
    if let Some(first) = word.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    word
}

/// The Copenhagen wall-clock time of an instant, to the minute (transitions are whole minutes).
fn wall_clock(t: DateTime<Utc>) -> ClockTime {
    let local = zone::local(t);
    ClockTime::new(local.hour() as u8, local.minute() as u8).unwrap_or(ClockTime::END_OF_DAY)
}

#[cfg(all(test, not(target_arch = "wasm32")))] // the tests parse with serde_json
mod tests;
