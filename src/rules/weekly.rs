//! Weekly opening hours: per weekday, zero or more half-open wall-clock intervals.

use chrono::Weekday;

/// A wall-clock time of day in whole minutes, `00:00` to `24:00` inclusive.
///
/// `24:00` exists so an interval can run to the end of the day, which `chrono::NaiveTime`
/// cannot express.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ClockTime(u16);

impl ClockTime {
    /// Start of the day, `00:00`.
    pub const MIDNIGHT: ClockTime = ClockTime(0);

    /// End of the day, `24:00`.
    pub const END_OF_DAY: ClockTime = ClockTime(24 * 60);

    /// `hour:minute`, or `None` outside `00:00..=24:00`.
    pub const fn new(hour: u8, minute: u8) -> Option<ClockTime> {
        let minutes = hour as u16 * 60 + minute as u16;
        if minute < 60 && minutes <= 24 * 60 { Some(ClockTime(minutes)) } else { None }
    }

    pub const fn hour(self) -> u8 {
        (self.0 / 60) as u8
    }

    pub const fn minute(self) -> u8 {
        (self.0 % 60) as u8
    }

    /// Minutes since midnight.
    pub const fn minutes(self) -> u16 {
        self.0
    }
}

/// A half-open wall-clock interval `[start, end)`: open at `start`, closed again at `end`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Interval {
    pub start: ClockTime,
    pub end: ClockTime,
}

impl Interval {
    /// `start–end`, or `None` unless `start < end`.
    pub const fn new(start: ClockTime, end: ClockTime) -> Option<Interval> {
        if start.0 < end.0 { Some(Interval { start, end }) } else { None }
    }

    /// Whole hours `start:00–end:00`; for built-in tables, where a bad value is a bug.
    pub const fn hours(start: u8, end: u8) -> Interval {
        match (ClockTime::new(start, 0), ClockTime::new(end, 0)) {
            (Some(s), Some(e)) => match Interval::new(s, e) {
                Some(interval) => interval,
                None => panic!("interval must not be empty"),
            },
            _ => panic!("hour out of range"),
        }
    }
}

/// Opening intervals for each weekday, Monday first; each day's intervals sorted and disjoint.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct WeeklyHours {
    days: [Vec<Interval>; 7],
}

impl WeeklyHours {
    /// The hours announced for Den Digitale Hotline: Mon–Thu 09–21, Fri 09–17, Sat closed,
    /// Sun 17–21.
    pub fn hotline_default() -> WeeklyHours {
        let weekday = vec![Interval::hours(9, 21)];
        WeeklyHours {
            days: [
                weekday.clone(),
                weekday.clone(),
                weekday.clone(),
                weekday,
                vec![Interval::hours(9, 17)],
                Vec::new(),
                vec![Interval::hours(17, 21)],
            ],
        }
    }

    /// Hours from per-day intervals, Monday first; `None` unless each day's intervals are in
    /// order and do not overlap (touching, like `09–12` and `12–17`, is fine).
    pub fn new(days: [Vec<Interval>; 7]) -> Option<WeeklyHours> {
        let ordered =
            days.iter().all(|day| day.windows(2).all(|pair| pair[0].end <= pair[1].start));
        ordered.then_some(WeeklyHours { days })
    }

    /// The intervals of one weekday, in order.
    pub fn on(&self, day: Weekday) -> &[Interval] {
        &self.days[day.num_days_from_monday() as usize]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clock_time_bounds() {
        assert_eq!(ClockTime::new(24, 0), Some(ClockTime::END_OF_DAY));
        assert_eq!(ClockTime::new(24, 1), None);
        assert_eq!(ClockTime::new(9, 60), None);
        assert_eq!(ClockTime::new(21, 30).map(|t| (t.hour(), t.minute())), Some((21, 30)));
    }

    #[test]
    fn intervals_must_not_be_empty() {
        let nine = ClockTime::new(9, 0).unwrap();
        assert_eq!(Interval::new(nine, nine), None);
        assert!(Interval::new(nine, ClockTime::END_OF_DAY).is_some());
    }

    #[test]
    fn overlapping_or_unordered_days_are_refused() {
        let days = |monday: Vec<Interval>| {
            let mut days: [Vec<Interval>; 7] = Default::default();
            days[0] = monday;
            days
        };
        let touching = vec![Interval::hours(9, 12), Interval::hours(12, 17)];
        assert!(WeeklyHours::new(days(touching)).is_some());
        let overlapping = vec![Interval::hours(9, 13), Interval::hours(12, 17)];
        assert_eq!(WeeklyHours::new(days(overlapping)), None);
        let unordered = vec![Interval::hours(13, 17), Interval::hours(9, 12)];
        assert_eq!(WeeklyHours::new(days(unordered)), None);
    }

    #[test]
    fn default_hours_match_the_announcement() {
        let hours = WeeklyHours::hotline_default();
        let weekdays = [Weekday::Mon, Weekday::Tue, Weekday::Wed, Weekday::Thu];
        for day in weekdays {
            assert_eq!(hours.on(day), [Interval::hours(9, 21)], "{day}");
        }
        assert_eq!(hours.on(Weekday::Fri), [Interval::hours(9, 17)]);
        assert_eq!(hours.on(Weekday::Sat), []);
        assert_eq!(hours.on(Weekday::Sun), [Interval::hours(17, 21)]);
    }
}
