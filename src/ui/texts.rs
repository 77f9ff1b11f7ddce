//! What the widget says, per language. Components take every word from a [`Texts`]; the words
//! themselves live in one module per language ([`super::da`], [`super::en`]).

use chrono::{NaiveDate, Weekday};

use crate::rules::ClockTime;

/// A language the widget speaks; Danish unless the host asks for English.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Lang {
    #[default]
    Da,
    En,
}

impl Lang {
    /// From a `lang` attribute value: `en`, `en-GB`, … is English; anything else Danish.
    pub fn from_tag(tag: &str) -> Lang {
        let primary = tag.split(['-', '_']).next().unwrap_or_default();
        if primary.eq_ignore_ascii_case("en") { Lang::En } else { Lang::Da }
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
    /// "Closes at 21:00".
    fn closes_at(&self, time: ClockTime) -> String;
    /// "Opens tomorrow at 9:00".
    fn opens(&self, day: Day, time: ClockTime) -> String;
    /// Closed, and no opening is known within the look-ahead.
    fn no_opening_ahead(&self) -> &'static str;
}
