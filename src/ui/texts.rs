//! What the widget says, per language. Components take every word from a [`Texts`]; the words
//! themselves live in one module per language ([`super::da`], [`super::en`]).

use chrono::{NaiveDate, Weekday};

use crate::rules::{ClockTime, Holiday};

/// A language the widget speaks; Danish unless the host asks for English.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Lang {
    #[default]
    Da,
    En,
}

impl Lang {
    /// From a `lang` attribute value: `en`, `en-GB`, … is English; `da`, `da-DK`, … and an
    /// empty value are Danish; `None` for any other language.
    pub fn from_attribute(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_']).next().unwrap_or_default();
        match primary.to_ascii_lowercase().as_str() {
            "en" => Some(Lang::En),
            "da" | "" => Some(Lang::Da),
            _ => None,
        }
    }

    pub fn texts(self) -> &'static dyn Texts {
        match self {
            Lang::Da => &super::da::Danish,
            Lang::En => &super::en::English,
        }
    }
}

/// The day something happens, as a citizen would say it relative to today.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Day {
    Today,
    Tomorrow,
    /// Two to six days ahead: the weekday name is enough.
    ThisWeek(Weekday),
    /// A week or more ahead: weekday and date.
    Later(NaiveDate),
}

impl Day {
    /// `date` as seen from `today` (both Copenhagen calendar dates).
    pub fn relative(date: NaiveDate, today: NaiveDate) -> Day {
        use chrono::Datelike;
        match (date - today).num_days() {
            ..=0 => Day::Today,
            1 => Day::Tomorrow,
            2..=6 => Day::ThisWeek(date.weekday()),
            _ => Day::Later(date),
        }
    }
}

/// Every text the widget shows, in one language.
pub trait Texts: Sync {
    /// BCP 47 tag for the `lang` attribute of the rendered content.
    fn tag(&self) -> &'static str;
    fn open_now(&self) -> &'static str;
    fn closed_now(&self) -> &'static str;
    /// A time of day as this language writes it: "9.00" / "9:00".
    fn clock(&self, time: ClockTime) -> String;
    /// "Closes at 21:00"; "Closes tomorrow at 2:00" when the close is on a later day.
    fn closes_at(&self, day: Day, time: ClockTime) -> String;
    /// Open, closing within 30 minutes: "Closing soon – at 21:00" (with the day, as above).
    fn closing_soon(&self, day: Day, time: ClockTime) -> String;
    /// "Opens tomorrow at 9:00".
    fn opens(&self, day: Day, time: ClockTime) -> String;
    /// Closed, and no opening is known within the look-ahead.
    fn no_opening_ahead(&self) -> &'static str;
    /// A holiday's name: "2. juledag".
    fn holiday(&self, holiday: Holiday) -> &'static str;
    /// A weekday's name as used inside a sentence.
    fn weekday(&self, day: Weekday) -> &'static str;
    /// A date with its weekday: "Thursday 24 December".
    fn date(&self, date: NaiveDate) -> String;
    /// Announces a new schedule version: "New opening hours from 1 April".
    fn new_hours_from(&self, date: NaiveDate) -> String;
    /// A day without opening hours, in a table: "Closed".
    fn closed(&self) -> &'static str;
    /// Marks today's row in the week table: "today".
    fn today(&self) -> &'static str;
    fn week_caption(&self) -> &'static str;
    /// Why a day is special when an exception has no note: "Special opening hours".
    fn special_hours(&self) -> &'static str;
    /// Marks a widget showing a chosen moment (`preview-at`), not now: "Preview: Thursday 24
    /// December at 10:00".
    fn preview(&self, date: NaiveDate, time: ClockTime) -> String;
    /// The call link's accessible name, e.g. "Call The Digital Hotline on 70 20 00 00"; it
    /// contains the visible number (WCAG 2.5.3), which screen readers read group by group.
    fn call(&self, name: &str, number: &str) -> String;
    /// A weekday's short name for the narrow layout's grouped rows: "tors." / "Thu".
    fn weekday_short(&self, day: Weekday) -> &'static str;
    /// A date in the narrow layout's one-line special days: "24.12." / "24 Dec".
    fn date_short(&self, date: NaiveDate) -> String;
    /// The narrow layout's captions: "Åbningstider" / "Opening hours".
    fn week_caption_short(&self) -> &'static str;
    /// Beyond the one line of changes shown: "+2 flere" / "+2 more".
    fn more_days(&self, count: usize) -> String;
    /// Opens the one line of changes when it may be cut: "Vis mere" / "Show more".
    fn show_more(&self) -> &'static str;
    /// The line of changes when there are none: "No changes in the next 14 days".
    fn no_changes(&self) -> &'static str;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn holiday_and_weekday_names() {
        assert_eq!(Lang::Da.texts().holiday(Holiday::AndenJuledag), "2. juledag");
        assert_eq!(Lang::En.texts().holiday(Holiday::AndenJuledag), "Boxing Day");
        assert_eq!(Lang::Da.texts().holiday(Holiday::ForsteMaj), "1. maj");
        assert_eq!(Lang::En.texts().holiday(Holiday::StoreBededag), "General Prayer Day");
        assert_eq!(Lang::Da.texts().weekday(Weekday::Sun), "søndag");
        assert_eq!(Lang::En.texts().weekday(Weekday::Sun), "Sunday");
    }

    #[test]
    fn clock_styles() {
        let time = ClockTime::new(9, 5).unwrap();
        assert_eq!(Lang::Da.texts().clock(time), "9.05");
        assert_eq!(Lang::En.texts().clock(time), "9:05");
    }
}
