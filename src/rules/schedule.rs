//! Everything that decides a calendar day's hours: weekly hours (with effective-dated
//! versions), holidays and dated exceptions. An exception beats a holiday; a holiday beats the
//! weekday.

use std::sync::Arc;

use chrono::{Datelike, NaiveDate};

use super::holidays::Holiday;
use super::weekly::{Interval, WeeklyHours};

/// What a holiday or an exception does to a day's hours.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DayRule {
    Closed,
    /// The weekday's hours, as if nothing special.
    Ordinary,
    /// Its own intervals, sorted and disjoint.
    Hours(Vec<Interval>),
}

impl DayRule {
    /// Which rule wins when holidays coincide: the one that opens least, counted in minutes
    /// open (closed is 0). `Ordinary` says "not a holiday for us", so it loses to any rule of
    /// the other holiday. On a tie the first in [`Holiday::ALL`] wins.
    fn strictness(&self) -> u32 {
        match self {
            DayRule::Closed => 0,
            DayRule::Hours(intervals) => {
                intervals.iter().map(|i| u32::from(i.end.minutes() - i.start.minutes())).sum()
            }
            DayRule::Ordinary => u32::MAX,
        }
    }
}

/// A text in Danish and English: a service name, or the note shown with an exception
/// ("Lukket pga. systemopdatering").
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Bilingual {
    pub da: String,
    pub en: String,
}

/// Dated exception: the days `first..=last` follow `rule`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Exception {
    pub first: NaiveDate,
    pub last: NaiveDate,
    pub rule: DayRule,
    pub note: Option<Arc<Bilingual>>,
}

/// New weekly hours in force from `from` on (until the next version).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HoursVersion {
    pub from: NaiveDate,
    pub weekly: WeeklyHours,
}

/// Why a calendar day has the hours it has.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reason {
    /// The ordinary hours of that weekday (also on a holiday kept with ordinary hours).
    Weekday,
    /// A holiday with its own rule; when two coincide, the one whose rule won.
    Holiday(Holiday),
    /// A dated exception, with its note if it has one.
    Exception(Option<Arc<Bilingual>>),
}

/// The opening intervals of one calendar day and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DayHours<'a> {
    pub intervals: &'a [Interval],
    pub reason: Reason,
}

/// Everything that decides when the hotline is open.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Schedule {
    /// Weekly hours before the first version.
    weekly: WeeklyHours,
    /// Sorted by `from`, dates distinct.
    versions: Vec<HoursVersion>,
    /// Indexed by `Holiday as usize`.
    holidays: [DayRule; Holiday::ALL.len()],
    /// Sorted by `first`.
    exceptions: Vec<Exception>,
}

impl Schedule {
    /// `weekly` hours, closed on every holiday except 1. maj, no exceptions.
    pub fn new(weekly: WeeklyHours) -> Schedule {
        let mut holidays = std::array::from_fn(|_| DayRule::Closed);
        holidays[Holiday::ForsteMaj as usize] = DayRule::Ordinary;
        Schedule { weekly, versions: Vec::new(), holidays, exceptions: Vec::new() }
    }

    /// The announced hotline hours with the default holiday rules.
    pub fn hotline_default() -> Schedule {
        Schedule::new(WeeklyHours::hotline_default())
    }

    /// Gives `holiday` its own rule.
    pub fn set_holiday(&mut self, holiday: Holiday, rule: DayRule) {
        self.holidays[holiday as usize] = rule;
    }

    pub fn holiday_rule(&self, holiday: Holiday) -> &DayRule {
        &self.holidays[holiday as usize]
    }

    /// New weekly hours from `from`; a version already starting that day is replaced.
    pub fn add_version(&mut self, from: NaiveDate, weekly: WeeklyHours) {
        self.versions.retain(|version| version.from != from);
        let at = self.versions.partition_point(|version| version.from < from);
        self.versions.insert(at, HoursVersion { from, weekly });
    }

    /// Adds a dated exception. Where exceptions overlap, the one added first wins (the config
    /// refuses overlaps, so this only matters for hand-built schedules).
    pub fn add_exception(&mut self, exception: Exception) {
        let at = self.exceptions.partition_point(|other| other.first <= exception.first);
        self.exceptions.insert(at, exception);
    }

    /// The weekly hours in force on `date`.
    pub fn weekly_on(&self, date: NaiveDate) -> &WeeklyHours {
        let later = self.versions.partition_point(|version| version.from <= date);
        match later.checked_sub(1) {
            Some(index) => &self.versions[index].weekly,
            None => &self.weekly,
        }
    }

    /// The first schedule version that starts after `today`, for "Nye åbningstider fra …".
    pub fn next_version(&self, today: NaiveDate) -> Option<&HoursVersion> {
        self.versions.iter().find(|version| version.from > today)
    }

    /// The hours of one Copenhagen calendar day, and why.
    pub fn day(&self, date: NaiveDate) -> DayHours<'_> {
        let exception = self.exceptions.iter().find(|e| e.first <= date && date <= e.last);
        if let Some(exception) = exception {
            return self.apply(&exception.rule, date, Reason::Exception(exception.note.clone()));
        }
        let holiday = Holiday::all_on(date)
            .map(|holiday| (holiday, &self.holidays[holiday as usize]))
            .min_by_key(|(_, rule)| rule.strictness());
        match holiday {
            Some((holiday, rule)) if *rule != DayRule::Ordinary => {
                self.apply(rule, date, Reason::Holiday(holiday))
            }
            _ => self.apply(&DayRule::Ordinary, date, Reason::Weekday),
        }
    }

    fn apply<'a>(&'a self, rule: &'a DayRule, date: NaiveDate, reason: Reason) -> DayHours<'a> {
        let intervals = match rule {
            DayRule::Closed => &[],
            DayRule::Ordinary => self.weekly_on(date).on(date.weekday()),
            DayRule::Hours(intervals) => intervals.as_slice(),
        };
        DayHours { intervals, reason }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    /// A day as "reason: hours", e.g. "Holiday(Juledag): []".
    fn describe(schedule: &Schedule, day: &str) -> String {
        let hours = schedule.day(date(day));
        let intervals: Vec<String> = hours
            .intervals
            .iter()
            .map(|i| format!("{}-{}", i.start.hour(), i.end.hour()))
            .collect();
        let reason = match hours.reason {
            Reason::Exception(Some(note)) => format!("Exception({})", note.da),
            other => format!("{other:?}"),
        };
        format!("{reason}: {}", intervals.join(","))
    }

    fn hours(start: u8, end: u8) -> DayRule {
        DayRule::Hours(vec![Interval::hours(start, end)])
    }

    #[test]
    fn default_days() {
        let schedule = Schedule::hotline_default();
        let rows = [
            ("2026-11-30", "Weekday: 9-21"),
            ("2026-11-27", "Weekday: 9-17"),
            ("2026-11-28", "Weekday: "),
            ("2026-11-29", "Weekday: 17-21"),
            ("2026-12-24", "Holiday(Juleaftensdag): "),
            ("2026-12-26", "Holiday(AndenJuledag): "),
            ("2026-12-31", "Holiday(Nytaarsaftensdag): "),
            ("2026-06-05", "Holiday(Grundlovsdag): "),
            ("2026-05-01", "Weekday: 9-17"),
            ("2023-05-05", "Holiday(StoreBededag): "),
            ("2024-04-26", "Weekday: 9-17"),
        ];
        for (day, expected) in rows {
            assert_eq!(describe(&schedule, day), expected, "{day}");
        }
    }

    #[test]
    fn exception_beats_holiday_beats_weekday() {
        let mut schedule = Schedule::hotline_default();
        schedule.set_holiday(Holiday::Grundlovsdag, hours(9, 12));
        let note = Bilingual { da: "Systemopdatering".into(), en: "System update".into() };
        schedule.add_exception(Exception {
            first: date("2026-12-24"),
            last: date("2026-12-24"),
            rule: hours(9, 12),
            note: None,
        });
        schedule.add_exception(Exception {
            first: date("2026-12-01"),
            last: date("2026-12-03"),
            rule: DayRule::Closed,
            note: Some(Arc::new(note)),
        });
        let rows = [
            ("2026-06-05", "Holiday(Grundlovsdag): 9-12"),
            ("2026-12-24", "Exception(None): 9-12"),
            ("2026-11-30", "Weekday: 9-21"),
            ("2026-12-01", "Exception(Systemopdatering): "),
            ("2026-12-03", "Exception(Systemopdatering): "),
            ("2026-12-04", "Weekday: 9-17"),
        ];
        for (day, expected) in rows {
            assert_eq!(describe(&schedule, day), expected, "{day}");
        }
    }

    #[test]
    fn coinciding_holidays_take_the_strictest_rule() {
        let mut schedule = Schedule::hotline_default();
        // 2008-05-01: Kristi himmelfartsdag (closed) and 1. maj (ordinary).
        assert_eq!(describe(&schedule, "2008-05-01"), "Holiday(KristiHimmelfartsdag): ");
        // 2006-06-05: 2. pinsedag and grundlovsdag; special hours lose to closed.
        schedule.set_holiday(Holiday::Grundlovsdag, hours(9, 12));
        assert_eq!(describe(&schedule, "2006-06-05"), "Holiday(AndenPinsedag): ");
        schedule.set_holiday(Holiday::AndenPinsedag, DayRule::Ordinary);
        assert_eq!(describe(&schedule, "2006-06-05"), "Holiday(Grundlovsdag): 9-12");
        // Both with their own hours: the shorter opening wins, whichever holiday has it.
        schedule.set_holiday(Holiday::AndenPinsedag, hours(9, 17));
        schedule.set_holiday(Holiday::Grundlovsdag, hours(10, 12));
        assert_eq!(describe(&schedule, "2006-06-05"), "Holiday(Grundlovsdag): 10-12");
        schedule.set_holiday(Holiday::AndenPinsedag, hours(10, 12));
        schedule.set_holiday(Holiday::Grundlovsdag, hours(9, 17));
        assert_eq!(describe(&schedule, "2006-06-05"), "Holiday(AndenPinsedag): 10-12");
    }

    #[test]
    fn versions_take_effect_on_their_date() {
        let mut schedule = Schedule::hotline_default();
        let mut days: [Vec<Interval>; 7] = Default::default();
        days[0] = vec![Interval::hours(8, 20)];
        schedule.add_version(date("2027-03-01"), WeeklyHours::new(days).unwrap());
        assert_eq!(describe(&schedule, "2027-02-22"), "Weekday: 9-21");
        assert_eq!(describe(&schedule, "2027-03-01"), "Weekday: 8-20");
        assert_eq!(describe(&schedule, "2027-03-02"), "Weekday: ");
        assert_eq!(
            schedule.next_version(date("2027-02-28")).map(|v| v.from),
            Some(date("2027-03-01"))
        );
        assert_eq!(schedule.next_version(date("2027-03-01")), None);
    }
}
