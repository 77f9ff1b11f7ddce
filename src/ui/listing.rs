//! The coming days one by one, for the people who edit the hours: what the validator command
//! prints and the checker page shows, from one source (the rows are the widget's own
//! [`day_row`]s).

use chrono::{Days, NaiveDate};

use super::texts::Lang;
use super::view::{DayRow, day_row};
use crate::config::Config;

/// One day of the listing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ListedDay {
    pub date: NaiveDate,
    /// Hours ("9.00–21.00" or "Lukket") and why, when not the weekday's ordinary hours.
    pub row: DayRow,
    /// "Nye åbningstider fra 1. april" on the day new weekly hours start.
    pub new_hours: Option<String>,
}

/// `count` days from `from` (fewer at the end of the calendar).
pub fn coming_days(config: &Config, from: NaiveDate, count: u64, lang: Lang) -> Vec<ListedDay> {
    let texts = lang.texts();
    (0..count)
        .map_while(|offset| from.checked_add_days(Days::new(offset)))
        .map(|date| {
            let previous = date.pred_opt().unwrap_or(date);
            let starts = config.schedule.next_version(previous).is_some_and(|v| v.from == date);
            ListedDay {
                date,
                row: day_row(config, date, from, lang),
                new_hours: starts.then(|| texts.new_hours_from(date)),
            }
        })
        .collect()
}

#[cfg(all(test, not(target_arch = "wasm32")))] // the tests parse with serde_json
mod tests {
    use super::*;

    fn date(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    #[test]
    fn holidays_exceptions_and_new_hours_are_named() {
        let example = include_str!("../../public/example-config.json");
        let config = Config::parse(example).unwrap();
        let days = coming_days(&config, date("2026-12-23"), 3, Lang::Da);
        let shown: Vec<(String, String, Option<String>)> = days
            .iter()
            .map(|day| (day.row.label.clone(), day.row.hours.clone(), day.row.note.clone()))
            .collect();
        assert_eq!(
            shown,
            [
                ("onsdag 23. december".into(), "9.00–21.00".into(), None),
                ("torsdag 24. december".into(), "Lukket".into(), Some("Juleaftensdag".into())),
                ("fredag 25. december".into(), "Lukket".into(), Some("Juledag".into())),
            ]
        );
        let april = coming_days(&config, date("2027-03-31"), 2, Lang::En);
        assert_eq!(april[0].new_hours, None);
        assert_eq!(april[1].new_hours.as_deref(), Some("New opening hours from 1 April"));
        assert_eq!(coming_days(&config, NaiveDate::MAX, 3, Lang::Da).len(), 1);
    }
}
