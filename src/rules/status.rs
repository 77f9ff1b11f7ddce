//! The one question the widget asks: open now, until when, and why?

use chrono::{DateTime, Days, Duration, NaiveDate, NaiveTime, Utc};

use super::schedule::{Reason, Schedule};
use super::weekly::ClockTime;
use super::zone;

/// How far ahead changes are looked for; beyond it the answer is `None`.
pub const LOOKAHEAD_DAYS: u64 = 400;

/// The state at an instant.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Status {
    pub open: bool,
    /// The first instant at which `open` differs; `None` when nothing changes within
    /// [`LOOKAHEAD_DAYS`]. When closed, this is the next opening.
    pub next_change: Option<DateTime<Utc>>,
    /// Why today (the Copenhagen day of the instant) has the hours it has.
    pub reason: Reason,
}

/// An opening as instants, `[start, end)`.
type Span = (DateTime<Utc>, DateTime<Utc>);

impl Schedule {
    /// The status at `now`.
    ///
    /// Touching intervals (`…–24:00` then `00:00–…` the next day) count as one opening, so
    /// `next_change` is always a real flip.
    pub fn status_at(&self, now: DateTime<Utc>) -> Status {
        let today = zone::local_date(now);
        let reason = self.day(today).reason;
        let horizon = today.checked_add_days(Days::new(LOOKAHEAD_DAYS)).unwrap_or(today);
        // A span reaching the scan's edge may go on beyond it: its end is unknown.
        let horizon_end = wall_instant(horizon, ClockTime::END_OF_DAY);

        let first = today.pred_opt().unwrap_or(today);
        let mut ahead = self.spans(first.iter_days().take_while(|d| *d <= horizon));
        let (open, next_change) = loop {
            match ahead.next() {
                None => break (false, None),
                Some((_, end)) if end <= now => continue,
                Some((start, end)) if start <= now => {
                    break (true, (end < horizon_end).then_some(end));
                }
                Some((start, _)) => break (false, Some(start)),
            }
        };
        Status { open, next_change, reason }
    }

    /// Openings as instants over `days` (in order), touching ones merged.
    fn spans(&self, days: impl Iterator<Item = NaiveDate>) -> impl Iterator<Item = Span> {
        let mut spans = days
            .flat_map(move |date| {
                self.day(date).intervals.iter().map(move |interval| {
                    (wall_instant(date, interval.start), wall_instant(date, interval.end))
                })
            })
            // A span wholly inside a DST gap has no duration: it never opens.
            .filter(|(start, end)| start < end)
            .peekable();
        std::iter::from_fn(move || {
            let (start, mut end) = spans.next()?;
            while let Some((_, next_end)) = spans.next_if(|&(next_start, _)| next_start <= end) {
                end = end.max(next_end);
            }
            Some((start, end))
        })
    }
}

/// The instant of `time` on `date` in Copenhagen; `24:00` is the next day's midnight.
fn wall_instant(date: NaiveDate, time: ClockTime) -> DateTime<Utc> {
    let midnight = date.and_time(NaiveTime::MIN);
    zone::instant(midnight + Duration::minutes(i64::from(time.minutes())))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::{DayRule, Exception, Holiday, Interval, WeeklyHours};

    fn at(rfc3339: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(rfc3339).unwrap().to_utc()
    }

    /// Asserts each row: at this instant, open or not, and the next change.
    fn check(schedule: &Schedule, rows: &[(&str, bool, Option<&str>)]) {
        for &(now, open, next_change) in rows {
            let status = schedule.status_at(at(now));
            assert_eq!((status.open, status.next_change), (open, next_change.map(at)), "at {now}");
        }
    }

    #[test]
    fn friday_close_sunday_open_monday_open() {
        check(
            &Schedule::hotline_default(),
            &[
                ("2026-11-27T16:59:59+01:00", true, Some("2026-11-27T17:00:00+01:00")),
                ("2026-11-27T17:00:00+01:00", false, Some("2026-11-29T17:00:00+01:00")),
                ("2026-11-27T17:00:01+01:00", false, Some("2026-11-29T17:00:00+01:00")),
                ("2026-11-29T16:59:59+01:00", false, Some("2026-11-29T17:00:00+01:00")),
                ("2026-11-29T17:00:00+01:00", true, Some("2026-11-29T21:00:00+01:00")),
                ("2026-11-29T17:00:01+01:00", true, Some("2026-11-29T21:00:00+01:00")),
                ("2026-11-30T08:59:59+01:00", false, Some("2026-11-30T09:00:00+01:00")),
                ("2026-11-30T09:00:00+01:00", true, Some("2026-11-30T21:00:00+01:00")),
                ("2026-11-30T09:00:01+01:00", true, Some("2026-11-30T21:00:00+01:00")),
                ("2026-11-30T20:59:59+01:00", true, Some("2026-11-30T21:00:00+01:00")),
                ("2026-11-30T21:00:00+01:00", false, Some("2026-12-01T09:00:00+01:00")),
            ],
        );
    }

    #[test]
    fn spring_forward_2026() {
        // Clocks go from 02:00 CET to 03:00 CEST on Sunday 29 March.
        check(
            &Schedule::hotline_default(),
            &[
                ("2026-03-27T17:00:00+01:00", false, Some("2026-03-29T17:00:00+02:00")),
                ("2026-03-29T01:59:59+01:00", false, Some("2026-03-29T17:00:00+02:00")),
                ("2026-03-29T03:00:00+02:00", false, Some("2026-03-29T17:00:00+02:00")),
                ("2026-03-29T16:59:59+02:00", false, Some("2026-03-29T17:00:00+02:00")),
                ("2026-03-29T17:00:00+02:00", true, Some("2026-03-29T21:00:00+02:00")),
                ("2026-03-29T20:59:59+02:00", true, Some("2026-03-29T21:00:00+02:00")),
                ("2026-03-29T21:00:00+02:00", false, Some("2026-03-30T09:00:00+02:00")),
            ],
        );
    }

    #[test]
    fn fall_back_2026() {
        // Clocks go from 03:00 CEST back to 02:00 CET on Sunday 25 October.
        check(
            &Schedule::hotline_default(),
            &[
                ("2026-10-23T17:00:00+02:00", false, Some("2026-10-25T17:00:00+01:00")),
                ("2026-10-25T02:30:00+02:00", false, Some("2026-10-25T17:00:00+01:00")),
                ("2026-10-25T02:30:00+01:00", false, Some("2026-10-25T17:00:00+01:00")),
                ("2026-10-25T16:59:59+01:00", false, Some("2026-10-25T17:00:00+01:00")),
                ("2026-10-25T17:00:00+01:00", true, Some("2026-10-25T21:00:00+01:00")),
                ("2026-10-25T20:59:59+01:00", true, Some("2026-10-25T21:00:00+01:00")),
                ("2026-10-25T21:00:00+01:00", false, Some("2026-10-26T09:00:00+01:00")),
            ],
        );
    }

    #[test]
    fn christmas_2026_next_opening_days_away() {
        // 24 (Thu), 25 (Fri) and 26 (Sat) December are closed; Sunday 27 opens at 17:00.
        check(
            &Schedule::hotline_default(),
            &[
                ("2026-12-23T20:59:59+01:00", true, Some("2026-12-23T21:00:00+01:00")),
                ("2026-12-23T21:00:00+01:00", false, Some("2026-12-27T17:00:00+01:00")),
                ("2026-12-24T10:00:00+01:00", false, Some("2026-12-27T17:00:00+01:00")),
                ("2026-12-27T16:59:59+01:00", false, Some("2026-12-27T17:00:00+01:00")),
                ("2026-12-27T17:00:00+01:00", true, Some("2026-12-27T21:00:00+01:00")),
            ],
        );
    }

    #[test]
    fn year_end_2026() {
        // 31 Dec (Thu) and 1 Jan (Fri) are closed, then Saturday; Sunday 3 Jan opens at 17:00.
        check(
            &Schedule::hotline_default(),
            &[
                ("2026-12-30T20:59:59+01:00", true, Some("2026-12-30T21:00:00+01:00")),
                ("2026-12-30T21:00:00+01:00", false, Some("2027-01-03T17:00:00+01:00")),
                ("2026-12-31T23:59:59+01:00", false, Some("2027-01-03T17:00:00+01:00")),
                ("2027-01-01T00:00:00+01:00", false, Some("2027-01-03T17:00:00+01:00")),
                ("2027-01-03T17:00:00+01:00", true, Some("2027-01-03T21:00:00+01:00")),
            ],
        );
    }

    #[test]
    fn easter_2026() {
        // Skærtorsdag 2 April to 2. påskedag 6 April closed; Tuesday 7 April opens at 9:00.
        check(
            &Schedule::hotline_default(),
            &[
                ("2026-04-01T20:59:59+02:00", true, Some("2026-04-01T21:00:00+02:00")),
                ("2026-04-01T21:00:00+02:00", false, Some("2026-04-07T09:00:00+02:00")),
                ("2026-04-05T17:00:00+02:00", false, Some("2026-04-07T09:00:00+02:00")),
                ("2026-04-07T08:59:59+02:00", false, Some("2026-04-07T09:00:00+02:00")),
                ("2026-04-07T09:00:00+02:00", true, Some("2026-04-07T21:00:00+02:00")),
            ],
        );
    }

    #[test]
    fn summer_time_beyond_chrono_tz_table() {
        // Påskedag 2100 is 28 March, the night clocks go forward; 25–29 March are closed.
        // Friday 24 October 2200 closes in summer time, Sunday 26 opens in winter time.
        check(
            &Schedule::hotline_default(),
            &[
                ("2100-03-24T21:00:00+01:00", false, Some("2100-03-30T09:00:00+02:00")),
                ("2100-03-30T08:59:59+02:00", false, Some("2100-03-30T09:00:00+02:00")),
                ("2100-03-30T09:00:00+02:00", true, Some("2100-03-30T21:00:00+02:00")),
                ("2100-07-05T08:59:59+02:00", false, Some("2100-07-05T09:00:00+02:00")),
                ("2100-07-05T09:00:00+02:00", true, Some("2100-07-05T21:00:00+02:00")),
                ("2100-07-05T20:59:59+02:00", true, Some("2100-07-05T21:00:00+02:00")),
                ("2100-07-05T21:00:00+02:00", false, Some("2100-07-06T09:00:00+02:00")),
                ("2200-10-24T16:59:59+02:00", true, Some("2200-10-24T17:00:00+02:00")),
                ("2200-10-24T17:00:00+02:00", false, Some("2200-10-26T17:00:00+01:00")),
                ("2200-10-26T17:00:00+01:00", true, Some("2200-10-26T21:00:00+01:00")),
            ],
        );
    }

    #[test]
    fn store_bededag_2023_but_not_2024() {
        let schedule = Schedule::hotline_default();
        // Friday 5 May 2023 was store bededag; Friday 26 April 2024 is an ordinary Friday.
        check(
            &schedule,
            &[
                ("2023-05-05T10:00:00+02:00", false, Some("2023-05-07T17:00:00+02:00")),
                ("2024-04-26T10:00:00+02:00", true, Some("2024-04-26T17:00:00+02:00")),
            ],
        );
        let reason = schedule.status_at(at("2023-05-05T10:00:00+02:00")).reason;
        assert_eq!(reason, Reason::Holiday(Holiday::StoreBededag));
    }

    #[test]
    fn status_and_reason() {
        let schedule = Schedule::hotline_default();
        let open = schedule.status_at(at("2026-11-30T20:00:00+01:00"));
        assert_eq!(
            open,
            Status {
                open: true,
                next_change: Some(at("2026-11-30T21:00:00+01:00")),
                reason: Reason::Weekday,
            }
        );
        let christmas = schedule.status_at(at("2026-12-25T12:00:00+01:00"));
        assert_eq!(
            christmas,
            Status {
                open: false,
                next_change: Some(at("2026-12-27T17:00:00+01:00")),
                reason: Reason::Holiday(Holiday::Juledag),
            }
        );
    }

    /// Sunday-only hours, for the DST-night cases.
    fn sunday_schedule(sunday: Vec<Interval>) -> Schedule {
        let mut days: [Vec<Interval>; 7] = Default::default();
        days[6] = sunday;
        Schedule::new(WeeklyHours::new(days).unwrap())
    }

    fn hm(hour: u8, minute: u8) -> ClockTime {
        ClockTime::new(hour, minute).unwrap()
    }

    #[test]
    fn interval_ending_in_the_gap_closes_at_the_jump() {
        let schedule = sunday_schedule(vec![Interval::new(hm(1, 0), hm(2, 30)).unwrap()]);
        check(
            &schedule,
            &[
                ("2026-03-29T00:59:59+01:00", false, Some("2026-03-29T01:00:00+01:00")),
                ("2026-03-29T01:00:00+01:00", true, Some("2026-03-29T03:00:00+02:00")),
                ("2026-03-29T01:59:59+01:00", true, Some("2026-03-29T03:00:00+02:00")),
                // 5 April 2026 is påskedag (closed): the next Sunday after is 12 April.
                ("2026-03-29T03:00:00+02:00", false, Some("2026-04-12T01:00:00+02:00")),
            ],
        );
    }

    #[test]
    fn interval_ending_in_the_fold_closes_at_the_first_occurrence() {
        let schedule = sunday_schedule(vec![Interval::new(hm(1, 0), hm(2, 30)).unwrap()]);
        check(
            &schedule,
            &[
                ("2026-10-25T02:29:59+02:00", true, Some("2026-10-25T02:30:00+02:00")),
                ("2026-10-25T02:30:00+02:00", false, Some("2026-11-01T01:00:00+01:00")),
                ("2026-10-25T02:10:00+01:00", false, Some("2026-11-01T01:00:00+01:00")),
            ],
        );
    }

    #[test]
    fn interval_inside_the_gap_never_opens() {
        let schedule = sunday_schedule(vec![Interval::new(hm(2, 15), hm(2, 45)).unwrap()]);
        check(
            &schedule,
            &[
                ("2026-03-29T00:00:00+01:00", false, Some("2026-04-12T02:15:00+02:00")),
                // The same hours on the fold night: open through both 02:15–02:45 wall times.
                ("2026-10-25T02:15:00+02:00", true, Some("2026-10-25T02:45:00+02:00")),
            ],
        );
    }

    #[test]
    fn touching_intervals_across_midnight_are_one_opening() {
        let mut days: [Vec<Interval>; 7] = Default::default();
        days[0] = vec![Interval::new(hm(20, 0), ClockTime::END_OF_DAY).unwrap()];
        days[1] = vec![Interval::hours(0, 2)];
        let schedule = Schedule::new(WeeklyHours::new(days).unwrap());
        check(
            &schedule,
            &[
                ("2026-11-30T23:00:00+01:00", true, Some("2026-12-01T02:00:00+01:00")),
                ("2026-12-01T00:00:00+01:00", true, Some("2026-12-01T02:00:00+01:00")),
                ("2026-12-01T02:00:00+01:00", false, Some("2026-12-07T20:00:00+01:00")),
            ],
        );
    }

    /// Monday-only hours.
    fn monday_schedule(monday: Vec<Interval>) -> Schedule {
        let mut days: [Vec<Interval>; 7] = Default::default();
        days[0] = monday;
        Schedule::new(WeeklyHours::new(days).unwrap())
    }

    #[test]
    fn split_day_is_closed_over_lunch() {
        let schedule = monday_schedule(vec![Interval::hours(9, 12), Interval::hours(13, 17)]);
        check(
            &schedule,
            &[
                ("2026-11-30T08:59:59+01:00", false, Some("2026-11-30T09:00:00+01:00")),
                ("2026-11-30T09:00:00+01:00", true, Some("2026-11-30T12:00:00+01:00")),
                ("2026-11-30T11:59:59+01:00", true, Some("2026-11-30T12:00:00+01:00")),
                ("2026-11-30T12:00:00+01:00", false, Some("2026-11-30T13:00:00+01:00")),
                ("2026-11-30T12:59:59+01:00", false, Some("2026-11-30T13:00:00+01:00")),
                ("2026-11-30T13:00:00+01:00", true, Some("2026-11-30T17:00:00+01:00")),
                ("2026-11-30T16:59:59+01:00", true, Some("2026-11-30T17:00:00+01:00")),
                ("2026-11-30T17:00:00+01:00", false, Some("2026-12-07T09:00:00+01:00")),
            ],
        );
    }

    #[test]
    fn open_until_midnight_closes_at_midnight() {
        let schedule =
            monday_schedule(vec![Interval::new(hm(20, 0), ClockTime::END_OF_DAY).unwrap()]);
        check(
            &schedule,
            &[
                ("2026-11-30T19:59:59+01:00", false, Some("2026-11-30T20:00:00+01:00")),
                ("2026-11-30T20:00:00+01:00", true, Some("2026-12-01T00:00:00+01:00")),
                ("2026-11-30T23:59:59+01:00", true, Some("2026-12-01T00:00:00+01:00")),
                ("2026-12-01T00:00:00+01:00", false, Some("2026-12-07T20:00:00+01:00")),
            ],
        );
    }

    #[test]
    fn coinciding_holidays_with_hours_take_the_shorter() {
        // 5 June 2006 (Monday) was both 2. pinsedag and grundlovsdag.
        let mut schedule = Schedule::hotline_default();
        schedule.set_holiday(Holiday::AndenPinsedag, DayRule::Hours(vec![Interval::hours(9, 17)]));
        schedule.set_holiday(Holiday::Grundlovsdag, DayRule::Hours(vec![Interval::hours(10, 12)]));
        check(
            &schedule,
            &[
                ("2006-06-05T09:30:00+02:00", false, Some("2006-06-05T10:00:00+02:00")),
                ("2006-06-05T10:00:00+02:00", true, Some("2006-06-05T12:00:00+02:00")),
                ("2006-06-05T11:59:59+02:00", true, Some("2006-06-05T12:00:00+02:00")),
                ("2006-06-05T12:00:00+02:00", false, Some("2006-06-06T09:00:00+02:00")),
            ],
        );
        let reason = schedule.status_at(at("2006-06-05T10:00:00+02:00")).reason;
        assert_eq!(reason, Reason::Holiday(Holiday::Grundlovsdag));
    }

    #[test]
    fn exception_over_several_days_opens_across_midnights() {
        // Thursday 3 to Saturday 5 December: 00:00–02:00 and 20:00–24:00 each day, so the
        // evening runs on into the next night; Sunday is ordinary (17–21).
        let mut schedule = Schedule::hotline_default();
        schedule.add_exception(Exception {
            first: "2026-12-03".parse().unwrap(),
            last: "2026-12-05".parse().unwrap(),
            rule: DayRule::Hours(vec![
                Interval::hours(0, 2),
                Interval::new(hm(20, 0), ClockTime::END_OF_DAY).unwrap(),
            ]),
            note: None,
        });
        check(
            &schedule,
            &[
                ("2026-12-02T20:59:59+01:00", true, Some("2026-12-02T21:00:00+01:00")),
                ("2026-12-02T21:00:00+01:00", false, Some("2026-12-03T00:00:00+01:00")),
                ("2026-12-03T00:00:00+01:00", true, Some("2026-12-03T02:00:00+01:00")),
                ("2026-12-03T02:00:00+01:00", false, Some("2026-12-03T20:00:00+01:00")),
                ("2026-12-03T20:00:00+01:00", true, Some("2026-12-04T02:00:00+01:00")),
                ("2026-12-03T23:59:59+01:00", true, Some("2026-12-04T02:00:00+01:00")),
                ("2026-12-04T00:00:00+01:00", true, Some("2026-12-04T02:00:00+01:00")),
                ("2026-12-04T01:59:59+01:00", true, Some("2026-12-04T02:00:00+01:00")),
                ("2026-12-04T02:00:00+01:00", false, Some("2026-12-04T20:00:00+01:00")),
                ("2026-12-05T23:59:59+01:00", true, Some("2026-12-06T00:00:00+01:00")),
                ("2026-12-06T00:00:00+01:00", false, Some("2026-12-06T17:00:00+01:00")),
            ],
        );
    }

    #[test]
    fn nothing_changes_within_the_lookahead() {
        let never = Schedule::new(WeeklyHours::default());
        check(&never, &[("2026-11-30T12:00:00+01:00", false, None)]);
        let mut always = Schedule::new(
            WeeklyHours::new(std::array::from_fn(|_| vec![Interval::hours(0, 24)])).unwrap(),
        );
        for holiday in Holiday::ALL {
            always.set_holiday(holiday, DayRule::Ordinary);
        }
        check(&always, &[("2026-11-30T12:00:00+01:00", true, None)]);
    }
}
