//! English texts (`lang="en"`).

use chrono::{Datelike, Weekday};

use super::texts::{Day, Texts};
use crate::rules::{ClockTime, Holiday};

pub struct English;

const WEEKDAYS: [&str; 7] =
    ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// In the order of `Holiday::ALL`.
const HOLIDAYS: [&str; 15] = [
    "New Year's Day",
    "Maundy Thursday",
    "Good Friday",
    "Easter Sunday",
    "Easter Monday",
    "General Prayer Day",
    "Ascension Day",
    "Whit Sunday",
    "Whit Monday",
    "Constitution Day",
    "Christmas Eve",
    "Christmas Day",
    "Boxing Day",
    "New Year's Eve",
    "May Day",
];

fn weekday(day: Weekday) -> &'static str {
    WEEKDAYS[day.num_days_from_monday() as usize]
}

/// 24-hour clock, as the hours are given in Denmark: `9:00`, `21:30`.
fn clock(time: ClockTime) -> String {
    format!("{}:{:02}", time.hour(), time.minute())
}

impl Texts for English {
    fn tag(&self) -> &'static str {
        "en"
    }

    fn open_now(&self) -> &'static str {
        "Open now"
    }

    fn closed_now(&self) -> &'static str {
        "Closed now"
    }

    fn closes_at(&self, time: ClockTime) -> String {
        format!("Closes at {}", clock(time))
    }

    fn opens(&self, day: Day, time: ClockTime) -> String {
        let when = match day {
            Day::Today => "today".to_owned(),
            Day::Tomorrow => "tomorrow".to_owned(),
            Day::ThisWeek(day) => weekday(day).to_owned(),
            Day::Later(date) => format!(
                "{} {} {}",
                weekday(date.weekday()),
                date.day(),
                MONTHS[date.month0() as usize]
            ),
        };
        format!("Opens {when} at {}", clock(time))
    }

    fn no_opening_ahead(&self) -> &'static str {
        "No opening hours scheduled"
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
