//! Danish texts (the default).

use chrono::{Datelike, Weekday};

use super::texts::{Day, Texts};
use crate::rules::{ClockTime, Holiday};

pub struct Danish;

const WEEKDAYS: [&str; 7] =
    ["mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"];
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

fn weekday(day: Weekday) -> &'static str {
    WEEKDAYS[day.num_days_from_monday() as usize]
}

/// Danish clock style: `9.00`, `21.30`.
fn clock(time: ClockTime) -> String {
    format!("{}.{:02}", time.hour(), time.minute())
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

    fn closes_at(&self, time: ClockTime) -> String {
        format!("Lukker kl. {}", clock(time))
    }

    fn opens(&self, day: Day, time: ClockTime) -> String {
        let when = match day {
            Day::Today => "i dag".to_owned(),
            Day::Tomorrow => "i morgen".to_owned(),
            Day::ThisWeek(day) => weekday(day).to_owned(),
            Day::Later(date) => format!(
                "{} {}. {}",
                weekday(date.weekday()),
                date.day(),
                MONTHS[date.month0() as usize]
            ),
        };
        format!("Åbner {when} kl. {}", clock(time))
    }

    fn no_opening_ahead(&self) -> &'static str {
        "Ingen planlagte åbningstider"
    }

    fn holiday(&self, holiday: Holiday) -> &'static str {
        HOLIDAYS[holiday as usize]
    }

    fn weekday(&self, day: Weekday) -> &'static str {
        weekday(day)
    }

    fn clock(&self, time: ClockTime) -> String {
        clock(time)
    }
}
