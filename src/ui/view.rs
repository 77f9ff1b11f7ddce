//! Everything the widget shows at one instant, worked out as plain data: the components only
//! lay it out, and this is tested natively.

use chrono::{DateTime, Datelike, Days, NaiveDate, TimeDelta, Timelike, Utc};

use super::phone;
use super::texts::{Day, Lang, Texts};
use crate::config::Config;
use crate::rules::{ClockTime, Interval, Reason, Status, zone};

/// Within this long before closing, "Closes at" becomes "Closing soon – at".
pub const CLOSING_SOON: TimeDelta = TimeDelta::minutes(30);
/// Special days are listed this many days ahead, today included.
pub const SPECIAL_DAYS_AHEAD: u64 = 14;
/// A new schedule version is announced from this many days before it starts.
pub const ANNOUNCE_VERSION_DAYS: u64 = 28;

/// Which layout: `variant="compact"` is one line (in rows where the box is narrow, so its height
/// never depends on the status), anything else the full box.
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

/// How the compact line names the hotline: `label="short"` leaves the name out, for places
/// whose heading already says whose number it is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Label {
    #[default]
    Full,
    Short,
}

impl Label {
    /// From the `label` attribute; `None` for a value that is neither.
    pub fn from_attribute(value: &str) -> Option<Label> {
        match value.trim().to_ascii_lowercase().as_str() {
            "" | "full" => Some(Label::Full),
            "short" => Some(Label::Short),
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
    /// The note is an exception's own text (up to 200 characters), not a name of ours: it may
    /// wrap, and may not fit the one line of changes.
    pub free_note: bool,
    pub today: bool,
    /// The date as the one line of changes writes it: "tor. 24.12.".
    pub short_label: String,
}

/// The one line that shows what is not ordinary in the next days, in a space whose height
/// does not depend on the date (the full list is behind "+N flere").
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ChangeLine {
    /// Before the wasm knows the date: the line's space, empty.
    Pending,
    /// Today's exception note.
    Note(String),
    /// The next special day: "tor. 24.12.: Lukket – Juleaftensdag".
    Day(DayRow),
    /// "Nye åbningstider fra 1. april".
    Announcement(String),
    /// "Ingen ændringer de næste 14 dage".
    Nothing(&'static str),
}

/// Days next to each other with the same hours, one row in the narrow layout:
/// "man.–tors. 9.00–21.00".
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DayGroup {
    /// "man.–tors.", or one day's short name: "fre.".
    pub label: String,
    /// "9.00–21.00", "Lukket".
    pub hours: String,
    /// Today is one of these days.
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
    /// `None` in the fallback rendered ahead of time: only the wasm knows the time.
    pub open: Option<bool>,
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
    /// The narrow layout's shorter caption: "Denne uge".
    pub week_caption_short: &'static str,
    /// Marks today's row: "i dag".
    pub today_mark: &'static str,
    /// Monday to Sunday of this week with the regular hours (holidays are in the changes), so
    /// the table is the same size every week.
    pub week: Vec<DayRow>,
    /// The same week with neighbouring days of equal hours grouped, for narrow places.
    pub week_groups: Vec<DayGroup>,
    /// Days in the next [`SPECIAL_DAYS_AHEAD`] that are not ordinary weekdays.
    pub special_days: Vec<DayRow>,
    /// The first of the note, the special days and the announcement, on one line.
    pub change_line: ChangeLine,
    /// "+2 flere" when the list behind the line holds more than the line shows; "Vis mere"
    /// when it holds only what the line shows, but that may be longer than the line.
    pub change_more: Option<String>,
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
        let week: Vec<DayRow> = (0..7)
            .filter_map(|offset| monday.checked_add_days(Days::new(offset)))
            .map(|date| DayRow {
                label: capitalized(texts.weekday(date.weekday())),
                hours: hours_text(schedule.weekly_on(date).on(date.weekday()), texts),
                note: None,
                free_note: false,
                today: date == today,
                short_label: String::new(),
            })
            .collect();
        let week_groups = group_days(&week, monday, texts);
        let special_dates: Vec<NaiveDate> = (0..SPECIAL_DAYS_AHEAD)
            .filter_map(|offset| today.checked_add_days(Days::new(offset)))
            .filter(|date| schedule.day(*date).reason != Reason::Weekday)
            .collect();
        let special_days: Vec<DayRow> =
            special_dates.iter().map(|date| day_row(config, *date, today, lang)).collect();
        let change_line = if let Some(note) = &note {
            ChangeLine::Note(note.clone())
        } else if let Some(day) = special_days.first() {
            ChangeLine::Day(day.clone())
        } else if let Some(text) = &announcement {
            ChangeLine::Announcement(text.clone())
        } else {
            ChangeLine::Nothing(texts.no_changes())
        };
        let listed =
            usize::from(note.is_some()) + special_days.len() + usize::from(announcement.is_some());
        // A note, or a day of several intervals, has no length we know: the line may cut it, so
        // it opens even when it is all there is.
        let open_ended = match &change_line {
            ChangeLine::Note(_) => true,
            ChangeLine::Day(row) => {
                row.free_note
                    || special_dates
                        .first()
                        .is_some_and(|date| schedule.day(*date).intervals.len() > 1)
            }
            _ => false,
        };
        let change_more = if listed > 1 {
            Some(texts.more_days(listed - 1))
        } else {
            open_ended.then(|| texts.show_more().to_owned())
        };
        WidgetView {
            lang: texts.tag(),
            preview: preview.then(|| texts.preview(today, wall_clock(now))),
            open: Some(status.open),
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
            week_caption_short: texts.week_caption_short(),
            today_mark: texts.today(),
            week,
            week_groups,
            special_days,
            change_line,
            change_more,
            redraw_at: redraw_at(now, status),
        }
    }
}

impl WidgetView {
    /// What shows before any script has run (rendered at release time into the snippet):
    /// name, number and the regular weekly hours, grouped for narrow places, and a status
    /// line that says nothing about open or closed. Reads no clock, so the same commit gives
    /// the same snippet.
    pub fn fallback(config: &Config, lang: Lang) -> WidgetView {
        let texts = lang.texts();
        let name = match lang {
            Lang::Da => config.name.da.clone(),
            Lang::En => config.name.en.clone(),
        };
        let number = phone::grouped(&config.phone);
        // Any Monday: only the weekday names and the weekly hours in force before any
        // schedule version are used.
        let monday = NaiveDate::from_isoywd_opt(2001, 1, chrono::Weekday::Mon).unwrap_or_default();
        let weekly = config.schedule.weekly_on(NaiveDate::MIN);
        let week: Vec<DayRow> = (0..7)
            .map(|offset| {
                let date = monday + TimeDelta::days(offset);
                DayRow {
                    label: capitalized(texts.weekday(date.weekday())),
                    hours: hours_text(weekly.on(date.weekday()), texts),
                    note: None,
                    free_note: false,
                    today: false,
                    short_label: String::new(),
                }
            })
            .collect();
        WidgetView {
            lang: texts.tag(),
            preview: None,
            open: None,
            // Holds the status line's height until the wasm fills it.
            headline: "\u{a0}",
            reason: None,
            detail: None,
            note: None,
            phone: PhoneView {
                href: phone::tel_href(&config.phone),
                label: texts.call(&name, &number),
                text: number,
            },
            name,
            announcement: None,
            week_caption: texts.week_caption(),
            week_caption_short: texts.week_caption_short(),
            today_mark: texts.today(),
            week_groups: group_days(&week, monday, texts),
            week,
            special_days: Vec::new(),
            change_line: ChangeLine::Pending,
            change_more: None,
            redraw_at: DateTime::<Utc>::MAX_UTC,
        }
    }
}

fn detail(now: DateTime<Utc>, status: &Status, texts: &dyn Texts) -> Option<String> {
    let today = zone::local_date(now);
    match (status.open, status.next_change) {
        (true, Some(close)) => {
            let (mut date, mut time) = (zone::local_date(close), wall_clock(close));
            // A close at midnight ends the day before: "Lukker kl. 24.00", as the week table
            // writes it, rather than "i morgen kl. 0.00".
            if time == ClockTime::MIDNIGHT {
                (date, time) = (date.pred_opt().unwrap_or(date), ClockTime::END_OF_DAY);
            }
            let day = Day::relative(date, today);
            if close - now <= CLOSING_SOON {
                Some(texts.closing_soon(day, time))
            } else {
                Some(texts.closes_at(day, time))
            }
        }
        (true, None) => None,
        (false, Some(opening)) => {
            let day = Day::relative(zone::local_date(opening), today);
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

/// One day's hours and why, as the widget's special-days list, the validator command and the
/// checker page show it.
pub fn day_row(config: &Config, date: NaiveDate, today: NaiveDate, lang: Lang) -> DayRow {
    let texts = lang.texts();
    let day = config.schedule.day(date);
    let hours = hours_text(day.intervals, texts);
    let note = match &day.reason {
        Reason::Weekday => None,
        Reason::Holiday(holiday) => Some(texts.holiday(*holiday).to_owned()),
        Reason::Exception(Some(note)) => Some(note_in(note, lang)),
        Reason::Exception(None) => Some(texts.special_hours().to_owned()),
    };
    DayRow {
        label: texts.date(date),
        hours,
        free_note: matches!(day.reason, Reason::Exception(Some(_))),
        note,
        today: date == today,
        short_label: format!("{} {}", texts.weekday_short(date.weekday()), texts.date_short(date)),
    }
}

/// "9.00–21.00", "9.00–12.00, 13.00–17.00" or "Lukket".
fn hours_text(intervals: &[Interval], texts: &dyn Texts) -> String {
    if intervals.is_empty() {
        return texts.closed().to_owned();
    }
    // Written in place rather than collected and joined: the widget's wasm then needs no `join`.
    let mut text = String::new();
    for interval in intervals {
        if !text.is_empty() {
            text.push_str(", ");
        }
        text.push_str(&texts.clock(interval.start));
        text.push('–');
        text.push_str(&texts.clock(interval.end));
    }
    text
}

/// `week` (Monday first, starting at `monday`) with neighbouring days of equal hours as one
/// row: "man.–tors. 9.00–21.00". Holiday names are left to the special days.
fn group_days(week: &[DayRow], monday: NaiveDate, texts: &dyn Texts) -> Vec<DayGroup> {
    let mut groups: Vec<(usize, usize)> = Vec::new();
    for (index, row) in week.iter().enumerate() {
        match groups.last_mut() {
            Some((_, last)) if week[*last].hours == row.hours => *last = index,
            _ => groups.push((index, index)),
        }
    }
    let short = |index: usize| {
        let date = monday + TimeDelta::days(index as i64);
        texts.weekday_short(date.weekday())
    };
    groups
        .into_iter()
        .map(|(first, last)| DayGroup {
            label: if first == last {
                short(first).to_owned()
            } else {
                format!("{}–{}", short(first), short(last))
            },
            hours: week[first].hours.clone(),
            today: week[first..=last].iter().any(|row| row.today),
        })
        .collect()
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
