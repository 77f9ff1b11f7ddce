//! Danish texts (the default).

use chrono::{Datelike, NaiveDate, Weekday};

use super::texts::{Day, Texts};
use crate::rules::{ClockTime, Holiday};

pub struct Danish;

const WEEKDAYS: [&str; 7] =
    ["mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"];
const WEEKDAYS_SHORT: [&str; 7] = ["man.", "tirs.", "ons.", "tors.", "fre.", "lør.", "søn."];
const MONTHS: [&str; 12] = [
    "januar",
    "februar",
    "marts",
    "april",
    "maj",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "december",
];
/// In the order of `Holiday::ALL`.
const HOLIDAYS: [&str; 15] = [
    "Nytårsdag",
    "Skærtorsdag",
    "Langfredag",
    "Påskedag",
    "2. påskedag",
    "Store bededag",
    "Kristi himmelfartsdag",
    "Pinsedag",
    "2. pinsedag",
    "Grundlovsdag",
    "Juleaftensdag",
    "Juledag",
    "2. juledag",
    "Nytårsaftensdag",
    "1. maj",
];

/// "24. december".
fn day_month(date: NaiveDate) -> String {
    format!("{}. {}", date.day(), MONTHS[date.month0() as usize])
}

impl Danish {
    /// "i dag", "i morgen", "fredag", "torsdag 10. december".
    fn day(&self, day: Day) -> String {
        match day {
            Day::Today => "i dag".to_owned(),
            Day::Tomorrow => "i morgen".to_owned(),
            Day::ThisWeek(day) => self.weekday(day).to_owned(),
            Day::Later(date) => self.date(date),
        }
    }
}

impl Texts for Danish {
    fn tag(&self) -> &'static str {
        "da"
    }

    fn open_now(&self) -> &'static str {
        "Åben nu"
    }

    fn closed_now(&self) -> &'static str {
        "Lukket nu"
    }

    /// Danish clock style: `9.00`, `21.30`.
    fn clock(&self, time: ClockTime) -> String {
        format!("{}.{:02}", time.hour(), time.minute())
    }

    fn closes_at(&self, day: Day, time: ClockTime) -> String {
        match day {
            Day::Today => format!("Lukker kl. {}", self.clock(time)),
            _ => format!("Lukker {} kl. {}", self.day(day), self.clock(time)),
        }
    }

    fn closing_soon(&self, day: Day, time: ClockTime) -> String {
        match day {
            Day::Today => format!("Lukker snart – kl. {}", self.clock(time)),
            _ => format!("Lukker snart – {} kl. {}", self.day(day), self.clock(time)),
        }
    }

    fn opens(&self, day: Day, time: ClockTime) -> String {
        format!("Åbner {} kl. {}", self.day(day), self.clock(time))
    }

    fn no_opening_ahead(&self) -> &'static str {
        "Ingen planlagte åbningstider"
    }

    fn holiday(&self, holiday: Holiday) -> &'static str {
        HOLIDAYS[holiday as usize]
    }

    fn weekday(&self, day: Weekday) -> &'static str {
        WEEKDAYS[day.num_days_from_monday() as usize]
    }

    fn date(&self, date: NaiveDate) -> String {
        format!("{} {}", self.weekday(date.weekday()), day_month(date))
    }

    fn new_hours_from(&self, date: NaiveDate) -> String {
        format!("Nye åbningstider fra {}", day_month(date))
    }

    fn closed(&self) -> &'static str {
        "Lukket"
    }

    fn today(&self) -> &'static str {
        "i dag"
    }

    fn week_caption(&self) -> &'static str {
        "Faste åbningstider"
    }

    fn special_hours(&self) -> &'static str {
        "Særlige åbningstider"
    }

    fn preview(&self, date: NaiveDate, time: ClockTime) -> String {
        format!("Forhåndsvisning: {} kl. {}", self.date(date), self.clock(time))
    }

    fn call(&self, name: &str, number: &str) -> String {
        format!("Ring til {name} på {number}")
    }

    fn weekday_short(&self, day: Weekday) -> &'static str {
        WEEKDAYS_SHORT[day.num_days_from_monday() as usize]
    }

    fn date_short(&self, date: NaiveDate) -> String {
        format!("{}.{}.", date.day(), date.month())
    }

    fn more_days(&self, count: usize) -> String {
        format!("+{count} flere")
    }

    fn show_more(&self) -> &'static str {
        "Vis mere"
    }

    fn week_caption_short(&self) -> &'static str {
        "Åbningstider"
    }

    fn no_changes(&self) -> &'static str {
        "Ingen ændringer de næste 14 dage"
    }
}
