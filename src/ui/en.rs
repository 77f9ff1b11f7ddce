//! English texts (`lang="en"`).

use chrono::{Datelike, NaiveDate, Weekday};

use super::texts::{Day, Texts};
use crate::rules::{ClockTime, Holiday};

pub struct English;

const WEEKDAYS: [&str; 7] =
    ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const WEEKDAYS_SHORT: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
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

/// "24 December".
fn day_month(date: NaiveDate) -> String {
    format!("{} {}", date.day(), MONTHS[date.month0() as usize])
}

impl English {
    /// "today", "tomorrow", "Friday", "Thursday 10 December".
    fn day(&self, day: Day) -> String {
        match day {
            Day::Today => "today".to_owned(),
            Day::Tomorrow => "tomorrow".to_owned(),
            Day::ThisWeek(day) => self.weekday(day).to_owned(),
            Day::Later(date) => self.date(date),
        }
    }
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

    /// 24-hour clock, as the hours are given in Denmark: `9:00`, `21:30`.
    fn clock(&self, time: ClockTime) -> String {
        format!("{}:{:02}", time.hour(), time.minute())
    }

    fn closes_at(&self, day: Day, time: ClockTime) -> String {
        match day {
            Day::Today => format!("Closes at {}", self.clock(time)),
            _ => format!("Closes {} at {}", self.day(day), self.clock(time)),
        }
    }

    fn closing_soon(&self, day: Day, time: ClockTime) -> String {
        match day {
            Day::Today => format!("Closing soon – at {}", self.clock(time)),
            _ => format!("Closing soon – {} at {}", self.day(day), self.clock(time)),
        }
    }

    fn opens(&self, day: Day, time: ClockTime) -> String {
        format!("Opens {} at {}", self.day(day), self.clock(time))
    }

    fn no_opening_ahead(&self) -> &'static str {
        "No opening hours scheduled"
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
        format!("New opening hours from {}", day_month(date))
    }

    fn closed(&self) -> &'static str {
        "Closed"
    }

    fn today(&self) -> &'static str {
        "today"
    }

    fn week_caption(&self) -> &'static str {
        "Regular opening hours"
    }

    fn special_hours(&self) -> &'static str {
        "Special opening hours"
    }

    fn preview(&self, date: NaiveDate, time: ClockTime) -> String {
        format!("Preview: {} at {}", self.date(date), self.clock(time))
    }

    fn call(&self, name: &str, number: &str) -> String {
        format!("Call {name} on {number}")
    }

    fn weekday_short(&self, day: Weekday) -> &'static str {
        WEEKDAYS_SHORT[day.num_days_from_monday() as usize]
    }

    fn date_short(&self, date: NaiveDate) -> String {
        // `get`, not `[..3]`: a slice by byte index can panic, and its message alone pulls in
        // `char`'s Debug formatting and Unicode's printable tables (~2 KB brotli).
        let month = MONTHS[date.month0() as usize];
        format!("{} {}", date.day(), month.get(..3).unwrap_or(month))
    }

    fn more_days(&self, count: usize) -> String {
        format!("+{count} more")
    }

    fn show_more(&self) -> &'static str {
        "Show more"
    }

    fn week_caption_short(&self) -> &'static str {
        "Opening hours"
    }

    fn no_changes(&self) -> &'static str {
        "No changes in the next 14 days"
    }
}
