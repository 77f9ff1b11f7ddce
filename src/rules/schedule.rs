//! The one question the widget asks: open now, and when does that change?

use chrono::{DateTime, Datelike, Days, Duration, NaiveDate, NaiveTime, Utc};

use super::weekly::{ClockTime, Interval, WeeklyHours};
use super::zone;

/// How far ahead the next change is looked for; beyond it `next_change` is `None`.
pub const LOOKAHEAD_DAYS: u64 = 400;

/// Why a calendar day has the hours it has.
///
/// Only the weekly hours exist so far; holidays and dated exceptions become further variants,
/// decided in [`Schedule::day`], so the status query below does not change when they arrive.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reason {
    /// The ordinary hours of that weekday.
    Weekday,
}

/// The opening intervals of one calendar day and why.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DayHours<'a> {
    pub intervals: &'a [Interval],
    pub reason: Reason,
}

/// Open or closed at an instant, and until when.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Status {
    pub open: bool,
    /// The first instant after which `open` is different; `None` when nothing changes within
    /// [`LOOKAHEAD_DAYS`]. When closed, this is the next opening.
    pub next_change: Option<DateTime<Utc>>,
}

/// Everything that decides when the hotline is open.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Schedule {
    weekly: WeeklyHours,
}

impl Schedule {
    pub fn new(weekly: WeeklyHours) -> Schedule {
        Schedule { weekly }
    }

    /// The announced hotline hours.
    pub fn hotline_default() -> Schedule {
        Schedule::new(WeeklyHours::hotline_default())
    }

    /// The hours of one Copenhagen calendar day.
    pub fn day(&self, date: NaiveDate) -> DayHours<'_> {
        DayHours { intervals: self.weekly.on(date.weekday()), reason: Reason::Weekday }
    }

    /// The status at `now`.
    ///
    /// Touching intervals (`…–24:00` then `00:00–…` the next day) count as one opening, so
    /// `next_change` is always a real flip.
    pub fn status_at(&self, now: DateTime<Utc>) -> Status {
        let today = zone::local_date(now);
        let Some(horizon) = today.checked_add_days(Days::new(LOOKAHEAD_DAYS)) else {
            return Status { open: false, next_change: None };
        };
        let horizon_end = wall_instant(horizon, ClockTime::END_OF_DAY);
        let first_day = today.pred_opt().unwrap_or(today);
        for (start, end) in self.open_spans(first_day, horizon) {
            if end <= now {
                continue;
            }
            return if start <= now {
                Status { open: true, next_change: (end < horizon_end).then_some(end) }
            } else {
                Status { open: false, next_change: Some(start) }
            };
        }
        Status { open: false, next_change: None }
    }

    /// Opening spans as instants for the days `first..=last`, in order, touching ones merged.
    fn open_spans(
        &self,
        first: NaiveDate,
        last: NaiveDate,
    ) -> impl Iterator<Item = (DateTime<Utc>, DateTime<Utc>)> + '_ {
        let mut spans = first
            .iter_days()
            .take_while(move |date| *date <= last)
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
            while let Some((_, next_end)) = spans.next_if(|(next_start, _)| *next_start <= end) {
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

    fn at(rfc3339: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(rfc3339).unwrap().to_utc()
    }

    /// Asserts each row: at this instant, open or not, and the next change.
    fn check(schedule: &Schedule, rows: &[(&str, bool, Option<&str>)]) {
        for &(now, open, next_change) in rows {
            let expected = Status { open, next_change: next_change.map(at) };
            assert_eq!(schedule.status_at(at(now)), expected, "at {now}");
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

    /// Sunday hours 01:00–02:30 and 02:15–02:45 elsewhere: ends inside a gap or fold.
    fn night_schedule(sunday: Vec<Interval>) -> Schedule {
        let mut days: [Vec<Interval>; 7] = Default::default();
        days[6] = sunday;
        Schedule::new(WeeklyHours::new(days).unwrap())
    }

    fn hm(hour: u8, minute: u8) -> ClockTime {
        ClockTime::new(hour, minute).unwrap()
    }

    #[test]
    fn interval_ending_in_the_gap_closes_at_the_jump() {
        let schedule = night_schedule(vec![Interval::new(hm(1, 0), hm(2, 30)).unwrap()]);
        check(
            &schedule,
            &[
                ("2026-03-29T00:59:59+01:00", false, Some("2026-03-29T01:00:00+01:00")),
                ("2026-03-29T01:00:00+01:00", true, Some("2026-03-29T03:00:00+02:00")),
                ("2026-03-29T01:59:59+01:00", true, Some("2026-03-29T03:00:00+02:00")),
                ("2026-03-29T03:00:00+02:00", false, Some("2026-04-05T01:00:00+02:00")),
            ],
        );
    }

    #[test]
    fn interval_ending_in_the_fold_closes_at_the_first_occurrence() {
        let schedule = night_schedule(vec![Interval::new(hm(1, 0), hm(2, 30)).unwrap()]);
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
        let schedule = night_schedule(vec![Interval::new(hm(2, 15), hm(2, 45)).unwrap()]);
        check(
            &schedule,
            &[
                ("2026-03-29T00:00:00+01:00", false, Some("2026-04-05T02:15:00+02:00")),
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

    #[test]
    fn nothing_changes_within_the_lookahead() {
        let never = Schedule::new(WeeklyHours::default());
        check(&never, &[("2026-11-30T12:00:00+01:00", false, None)]);
        let always = Schedule::new(
            WeeklyHours::new(std::array::from_fn(|_| vec![Interval::hours(0, 24)])).unwrap(),
        );
        check(&always, &[("2026-11-30T12:00:00+01:00", true, None)]);
    }
}
