//! The status line's words, derived from a reading of the clock: plain data, tested natively,
//! so the components only lay it out.

use chrono::{DateTime, Timelike, Utc};

use super::texts::{Day, Texts};
use crate::rules::{ClockTime, Status, zone};

/// A status and the instant it was computed for: everything the components need to know
/// about time. The embedding makes a new one at each transition.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reading {
    pub now: DateTime<Utc>,
    pub status: Status,
}

/// The headline ("Åben nu") and the next change ("Lukker kl. 21.00") in one language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StatusLine {
    pub open: bool,
    pub headline: &'static str,
    /// `None` only when open with no closing in sight.
    pub detail: Option<String>,
}

impl StatusLine {
    pub fn new(reading: &Reading, texts: &dyn Texts) -> StatusLine {
        let Status { open, next_change, .. } = reading.status;
        let headline = if open { texts.open_now() } else { texts.closed_now() };
        let detail = match (open, next_change) {
            (true, Some(close)) => Some(texts.closes_at(wall_clock(close))),
            (true, None) => None,
            (false, Some(opening)) => {
                let day = Day::relative(zone::local_date(opening), zone::local_date(reading.now));
                Some(texts.opens(day, wall_clock(opening)))
            }
            (false, None) => Some(texts.no_opening_ahead().to_owned()),
        };
        StatusLine { open, headline, detail }
    }
}

/// The Copenhagen wall-clock time of an instant, to the minute (transitions are whole minutes).
fn wall_clock(t: DateTime<Utc>) -> ClockTime {
    let local = zone::local(t);
    ClockTime::new(local.hour() as u8, local.minute() as u8).unwrap_or(ClockTime::END_OF_DAY)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::Schedule;
    use crate::ui::Lang;

    /// The status line of the default schedule at an instant, as "headline | detail".
    fn line(lang: Lang, rfc3339: &str) -> String {
        let now = DateTime::parse_from_rfc3339(rfc3339).unwrap().to_utc();
        let reading = Reading { now, status: Schedule::hotline_default().status_at(now) };
        let line = StatusLine::new(&reading, lang.texts());
        format!("{} | {}", line.headline, line.detail.unwrap_or_default())
    }

    #[test]
    fn danish() {
        let rows = [
            ("2026-11-30T20:59:59+01:00", "Åben nu | Lukker kl. 21.00"),
            ("2026-11-30T21:00:00+01:00", "Lukket nu | Åbner i morgen kl. 9.00"),
            ("2026-12-01T08:00:00+01:00", "Lukket nu | Åbner i dag kl. 9.00"),
            ("2026-11-27T17:00:00+01:00", "Lukket nu | Åbner søndag kl. 17.00"),
            ("2026-11-29T12:00:00+01:00", "Lukket nu | Åbner i dag kl. 17.00"),
            ("2026-11-29T17:00:00+01:00", "Åben nu | Lukker kl. 21.00"),
            ("2026-11-27T10:00:00+01:00", "Åben nu | Lukker kl. 17.00"),
        ];
        for (now, expected) in rows {
            assert_eq!(line(Lang::Da, now), expected, "at {now}");
        }
    }

    #[test]
    fn english() {
        let rows = [
            ("2026-11-30T20:59:59+01:00", "Open now | Closes at 21:00"),
            ("2026-11-30T21:00:00+01:00", "Closed now | Opens tomorrow at 9:00"),
            ("2026-11-28T12:00:00+01:00", "Closed now | Opens tomorrow at 17:00"),
            ("2026-11-27T17:30:00+01:00", "Closed now | Opens Sunday at 17:00"),
        ];
        for (now, expected) in rows {
            assert_eq!(line(Lang::En, now), expected, "at {now}");
        }
    }

    #[test]
    fn day_relative_to_today() {
        let date = |s: &str| s.parse::<chrono::NaiveDate>().unwrap();
        let today = date("2026-11-26");
        assert_eq!(Day::relative(date("2026-11-26"), today), Day::Today);
        assert_eq!(Day::relative(date("2026-11-27"), today), Day::Tomorrow);
        assert_eq!(Day::relative(date("2026-12-02"), today), Day::ThisWeek(chrono::Weekday::Wed));
        assert_eq!(Day::relative(date("2026-12-03"), today), Day::Later(date("2026-12-03")));
    }

    #[test]
    fn dates_a_week_or_more_away() {
        let date = "2027-01-04".parse().unwrap();
        let nine = ClockTime::new(9, 0).unwrap();
        assert_eq!(
            Lang::Da.texts().opens(Day::Later(date), nine),
            "Åbner mandag 4. januar kl. 9.00"
        );
        assert_eq!(
            Lang::En.texts().opens(Day::Later(date), nine),
            "Opens Monday 4 January at 9:00"
        );
    }

    #[test]
    fn lang_attribute() {
        assert_eq!(Lang::from_tag("en"), Lang::En);
        assert_eq!(Lang::from_tag("en-GB"), Lang::En);
        assert_eq!(Lang::from_tag("EN"), Lang::En);
        assert_eq!(Lang::from_tag("da"), Lang::Da);
        assert_eq!(Lang::from_tag(""), Lang::Da);
        assert_eq!(Lang::from_tag("de"), Lang::Da);
    }
}
