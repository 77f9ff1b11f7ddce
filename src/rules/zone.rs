//! Europe/Copenhagen wall-clock time ↔ instants.
//!
//! The hotline's hours are wall-clock times in Denmark, whatever zone the visitor's device is
//! in. Twice a year a wall-clock time is not a single instant:
//!
//! - **gap** (last Sunday of March, 02:00–03:00 does not exist): a time in the gap resolves to
//!   the instant the clocks jump, i.e. the first wall-clock time that does exist (03:00 CEST).
//! - **fold** (last Sunday of October, 02:00–03:00 happens twice): a time in the fold resolves
//!   to the **earlier** of its two instants (the CEST one).
//!
//! Both rules map wall-clock time to instants monotonically (a later wall-clock time never gets
//! an earlier instant), so an interval keeps its order; an interval that lies wholly inside the
//! gap becomes empty.
//!
//! **The offsets** are tzdata's for Copenhagen, coded here rather than read from chrono-tz:
//! its table of the zone (every transition up to 2099, after which it says CET for ever) and
//! the code to read it cost the wasm 1.9 KiB brotli more. Before [`EU_FROM`] (1981) they are
//! tzdata's transitions, listed; from then on the EU rule, which tzdata also follows for
//! Denmark: CET (+01:00), and CEST (+02:00) from 01:00 UTC on the last Sunday of March to 01:00
//! UTC on the last Sunday of September (until 1995) or October (from 1996). The tests check
//! every transition against chrono-tz to the second, and the EU rule goes on beyond 2099,
//! where chrono-tz stops. Every conversion below goes through [`offset_at`] and
//! [`candidates`], so all years follow the same gap and fold rules.

use chrono::{
    DateTime, Datelike, Duration, LocalResult, NaiveDate, NaiveDateTime, NaiveTime, Timelike, Utc,
    Weekday,
};

/// From 1981-01-01T00:00:00Z (in winter) the offset follows the EU rule ([`eu_offset`]).
const EU_FROM: i64 = 347_155_200;

/// Copenhagen's local mean time, +00:53:28, until 1 April 1893.
const LMT: i64 = 3208;
const CET: i64 = 3600;
const CEST: i64 = 7200;
/// Double summer time (+03:00), in 1945 and 1947.
const CEMT: i64 = 10800;

/// tzdata's transitions before [`EU_FROM`]: from this Unix time on, this UTC offset.
const BEFORE_EU: [(i64, i64); 29] = [
    (-2422054408, CET),  // 1893-03-31 23:06:32 UTC
    (-1693706400, CEST), // 1916-04-30 22:00:00 UTC
    (-1680483600, CET),  // 1916-09-30 23:00:00 UTC
    (-1663455600, CEST), // 1917-04-16 01:00:00 UTC
    (-1650150000, CET),  // 1917-09-17 01:00:00 UTC
    (-1632006000, CEST), // 1918-04-15 01:00:00 UTC
    (-1618700400, CET),  // 1918-09-16 01:00:00 UTC
    (-938905200, CEST),  // 1940-04-01 01:00:00 UTC
    (-857257200, CET),   // 1942-11-02 01:00:00 UTC
    (-844556400, CEST),  // 1943-03-29 01:00:00 UTC
    (-828226800, CET),   // 1943-10-04 01:00:00 UTC
    (-812502000, CEST),  // 1944-04-03 01:00:00 UTC
    (-796777200, CET),   // 1944-10-02 01:00:00 UTC
    (-781052400, CEST),  // 1945-04-02 01:00:00 UTC
    (-776563200, CEMT),  // 1945-05-24 00:00:00 UTC
    (-765936000, CEST),  // 1945-09-24 00:00:00 UTC
    (-761180400, CET),   // 1945-11-18 01:00:00 UTC
    (-748479600, CEST),  // 1946-04-14 01:00:00 UTC
    (-733273200, CET),   // 1946-10-07 01:00:00 UTC
    (-717631200, CEST),  // 1947-04-06 02:00:00 UTC
    (-714610800, CEMT),  // 1947-05-11 01:00:00 UTC
    (-710380800, CEST),  // 1947-06-29 00:00:00 UTC
    (-701910000, CET),   // 1947-10-05 01:00:00 UTC
    (-684975600, CEST),  // 1948-04-18 01:00:00 UTC
    (-670460400, CET),   // 1948-10-03 01:00:00 UTC
    (-654130800, CEST),  // 1949-04-10 01:00:00 UTC
    (-639010800, CET),   // 1949-10-02 01:00:00 UTC
    (323830800, CEST),   // 1980-04-06 01:00:00 UTC
    (338950800, CET),    // 1980-09-28 01:00:00 UTC
];

/// The instant of a Copenhagen wall-clock time, with the gap and fold rules above.
pub fn instant(local: NaiveDateTime) -> DateTime<Utc> {
    match candidates(local) {
        LocalResult::Single(t) => t,
        LocalResult::Ambiguous(earlier, _later) => earlier,
        LocalResult::None => gap_end(local),
    }
}

/// The Copenhagen calendar date and wall-clock time of an instant.
pub fn local(t: DateTime<Utc>) -> NaiveDateTime {
    let wall = t.naive_utc().checked_add_signed(Duration::seconds(offset_at(t)));
    // Only the last hours chrono can represent overflow; they stay as they are.
    wall.unwrap_or(t.naive_utc())
}

/// The Copenhagen calendar date of an instant.
pub fn local_date(t: DateTime<Utc>) -> NaiveDate {
    local(t).date()
}

/// RFC 3339 with the Copenhagen offset, to the second: `2026-11-30T21:00:00+01:00`.
///
/// Written out by hand: it is the public `next-change` format, and chrono's general formatter
/// would cost the wasm build more than this function.
pub fn rfc3339(t: DateTime<Utc>) -> String {
    let wall = local(t);
    let offset = offset_at(t);
    let sign = if offset < 0 { '-' } else { '+' };
    let (hours, minutes) = (offset.abs() / 3600, offset.abs() % 3600 / 60);
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}{sign}{hours:02}:{minutes:02}",
        wall.year(),
        wall.month(),
        wall.day(),
        wall.hour(),
        wall.minute(),
        wall.second(),
    )
}

/// UTC offset in seconds east at an instant.
fn offset_at(t: DateTime<Utc>) -> i64 {
    let seconds = t.timestamp();
    if seconds >= EU_FROM {
        return eu_offset(t);
    }
    let later = BEFORE_EU.partition_point(|&(from, _)| from <= seconds);
    match later.checked_sub(1) {
        Some(index) => BEFORE_EU[index].1,
        None => LMT,
    }
}

/// The instants whose Copenhagen wall-clock time is `local`: one, two (fold) or none (gap).
fn candidates(local: NaiveDateTime) -> LocalResult<DateTime<Utc>> {
    let as_utc = local.and_utc();
    // Transitions lie weeks apart, so the only offsets `local` can have are the one in force a
    // day earlier and the one a day later (the same one, away from any transition).
    let day = |days| as_utc.checked_add_signed(Duration::days(days)).unwrap_or(as_utc);
    let (earlier, later) = (offset_at(day(-1)), offset_at(day(1)));
    let with = |offset: i64| {
        as_utc.checked_sub_signed(Duration::seconds(offset)).filter(|t| offset_at(*t) == offset)
    };
    match (with(earlier), with(later)) {
        (Some(a), Some(b)) if a != b => LocalResult::Ambiguous(a.min(b), a.max(b)),
        (Some(t), _) | (None, Some(t)) => LocalResult::Single(t),
        (None, None) => LocalResult::None,
    }
}

/// The EU rule (Directive 2000/84/EC, and its predecessors since 1981): summer time from 01:00
/// UTC on the last Sunday of March to 01:00 UTC on the last Sunday of October (of September
/// until 1995).
fn eu_offset(t: DateTime<Utc>) -> i64 {
    let year = t.year();
    let starts = last_sunday_one_utc(year, 3, 31);
    let ends = if year < 1996 {
        last_sunday_one_utc(year, 9, 30)
    } else {
        last_sunday_one_utc(year, 10, 31)
    };
    if (starts..ends).contains(&t) { CEST } else { CET }
}

/// 01:00 UTC on the last Sunday of `month`, whose last day is `last_day`.
fn last_sunday_one_utc(year: i32, month: u32, last_day: u32) -> DateTime<Utc> {
    let last = NaiveDate::from_ymd_opt(year, month, last_day).unwrap_or(NaiveDate::MAX);
    let back = last.weekday().days_since(Weekday::Sun);
    let sunday = last - Duration::days(i64::from(back));
    sunday.and_time(NaiveTime::MIN).and_utc() + Duration::hours(1)
}

/// The instant the clocks jumped over `local`, which lies in a gap.
///
/// With `before`/`after` the offsets either side of the gap, the jump instant `T` satisfies
/// `local - after < T <= local - before` (read `local` as if it were UTC); the offset changes
/// exactly once in that window, so a binary search over whole seconds finds `T`.
fn gap_end(local: NaiveDateTime) -> DateTime<Utc> {
    let as_utc = local.and_utc();
    let before = offset_at(as_utc - Duration::days(1));
    let after = offset_at(as_utc + Duration::days(1));
    let (mut lo, mut hi) = (as_utc.timestamp() - after, as_utc.timestamp() - before);
    while hi - lo > 1 {
        let mid = lo + (hi - lo) / 2;
        let mid_instant = DateTime::from_timestamp(mid, 0).unwrap_or(as_utc);
        if offset_at(mid_instant) == after {
            hi = mid;
        } else {
            lo = mid;
        }
    }
    DateTime::from_timestamp(hi, 0).unwrap_or(as_utc)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wall(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M:%S").unwrap()
    }

    fn utc(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().to_utc()
    }

    #[test]
    fn ordinary_times_have_one_instant() {
        assert_eq!(instant(wall("2026-11-30 21:00:00")), utc("2026-11-30T20:00:00Z"));
        assert_eq!(instant(wall("2026-07-01 09:00:00")), utc("2026-07-01T07:00:00Z"));
    }

    #[test]
    fn gap_resolves_to_the_jump() {
        // 29 March 2026: 02:00 CET becomes 03:00 CEST at 01:00 UTC.
        assert_eq!(instant(wall("2026-03-29 01:59:59")), utc("2026-03-29T00:59:59Z"));
        assert_eq!(instant(wall("2026-03-29 02:00:00")), utc("2026-03-29T01:00:00Z"));
        assert_eq!(instant(wall("2026-03-29 02:30:00")), utc("2026-03-29T01:00:00Z"));
        assert_eq!(instant(wall("2026-03-29 02:59:59")), utc("2026-03-29T01:00:00Z"));
        assert_eq!(instant(wall("2026-03-29 03:00:00")), utc("2026-03-29T01:00:00Z"));
        assert_eq!(instant(wall("2026-03-29 03:00:01")), utc("2026-03-29T01:00:01Z"));
    }

    #[test]
    fn fold_resolves_to_the_earlier_instant() {
        // 25 October 2026: 03:00 CEST becomes 02:00 CET at 01:00 UTC.
        assert_eq!(instant(wall("2026-10-25 01:59:59")), utc("2026-10-24T23:59:59Z"));
        assert_eq!(instant(wall("2026-10-25 02:00:00")), utc("2026-10-25T00:00:00Z"));
        assert_eq!(instant(wall("2026-10-25 02:30:00")), utc("2026-10-25T00:30:00Z"));
        assert_eq!(instant(wall("2026-10-25 02:59:59")), utc("2026-10-25T00:59:59Z"));
        assert_eq!(instant(wall("2026-10-25 03:00:00")), utc("2026-10-25T02:00:00Z"));
    }

    #[test]
    fn local_reads_wall_clock_on_both_sides_of_the_fold() {
        assert_eq!(local(utc("2026-10-25T00:30:00Z")), wall("2026-10-25 02:30:00"));
        assert_eq!(local(utc("2026-10-25T01:30:00Z")), wall("2026-10-25 02:30:00"));
        assert_eq!(local_date(utc("2026-12-31T23:00:00Z")), wall("2027-01-01 00:00:00").date());
    }

    /// The last transitions in chrono-tz's table (2099) and the EU rule beyond it (2100, 2200).
    /// Expected values come from the rule: the clocks change at 01:00 UTC on the last Sunday of
    /// March (29 Mar 2099, 28 Mar 2100, 30 Mar 2200) and of October (25 Oct 2099, 31 Oct 2100,
    /// 26 Oct 2200).
    #[test]
    fn instants_read_as_wall_clock_around_the_transitions_2099_to_2200() {
        let rows = [
            ("2099-03-29T00:59:59Z", "2099-03-29T01:59:59+01:00"),
            ("2099-03-29T01:00:00Z", "2099-03-29T03:00:00+02:00"),
            ("2099-03-29T01:00:01Z", "2099-03-29T03:00:01+02:00"),
            ("2099-10-25T00:59:59Z", "2099-10-25T02:59:59+02:00"),
            ("2099-10-25T01:00:00Z", "2099-10-25T02:00:00+01:00"),
            ("2099-10-25T01:00:01Z", "2099-10-25T02:00:01+01:00"),
            ("2099-12-31T23:59:59Z", "2100-01-01T00:59:59+01:00"),
            ("2100-01-01T00:00:00Z", "2100-01-01T01:00:00+01:00"),
            ("2100-03-28T00:59:59Z", "2100-03-28T01:59:59+01:00"),
            ("2100-03-28T01:00:00Z", "2100-03-28T03:00:00+02:00"),
            ("2100-03-28T01:00:01Z", "2100-03-28T03:00:01+02:00"),
            ("2100-07-01T10:00:00Z", "2100-07-01T12:00:00+02:00"),
            ("2100-10-31T00:59:59Z", "2100-10-31T02:59:59+02:00"),
            ("2100-10-31T01:00:00Z", "2100-10-31T02:00:00+01:00"),
            ("2100-10-31T01:00:01Z", "2100-10-31T02:00:01+01:00"),
            ("2200-03-30T00:59:59Z", "2200-03-30T01:59:59+01:00"),
            ("2200-03-30T01:00:00Z", "2200-03-30T03:00:00+02:00"),
            ("2200-03-30T01:00:01Z", "2200-03-30T03:00:01+02:00"),
            ("2200-10-26T00:59:59Z", "2200-10-26T02:59:59+02:00"),
            ("2200-10-26T01:00:00Z", "2200-10-26T02:00:00+01:00"),
            ("2200-10-26T01:00:01Z", "2200-10-26T02:00:01+01:00"),
        ];
        for (t, expected) in rows {
            assert_eq!(rfc3339(utc(t)), expected, "{t}");
            assert_eq!(local(utc(t)), wall(&expected[..19].replace('T', " ")), "{t}");
        }
    }

    /// Wall-clock times around the same transitions, with the gap and fold rules.
    #[test]
    fn wall_clock_reads_as_instants_around_the_transitions_2099_to_2200() {
        let rows = [
            // Gaps: 02:00–03:00 does not exist; it and 03:00 are the jump.
            ("2099-03-29 01:59:59", "2099-03-29T00:59:59Z"),
            ("2099-03-29 02:00:00", "2099-03-29T01:00:00Z"),
            ("2099-03-29 02:30:00", "2099-03-29T01:00:00Z"),
            ("2099-03-29 03:00:00", "2099-03-29T01:00:00Z"),
            ("2099-03-29 03:00:01", "2099-03-29T01:00:01Z"),
            ("2100-03-28 01:59:59", "2100-03-28T00:59:59Z"),
            ("2100-03-28 02:00:00", "2100-03-28T01:00:00Z"),
            ("2100-03-28 02:30:00", "2100-03-28T01:00:00Z"),
            ("2100-03-28 03:00:00", "2100-03-28T01:00:00Z"),
            ("2100-03-28 03:00:01", "2100-03-28T01:00:01Z"),
            ("2200-03-30 01:59:59", "2200-03-30T00:59:59Z"),
            ("2200-03-30 02:00:00", "2200-03-30T01:00:00Z"),
            ("2200-03-30 02:30:00", "2200-03-30T01:00:00Z"),
            ("2200-03-30 03:00:00", "2200-03-30T01:00:00Z"),
            ("2200-03-30 03:00:01", "2200-03-30T01:00:01Z"),
            // Folds: 02:00–03:00 happens twice; the earlier (CEST) instant is taken.
            ("2099-10-25 01:59:59", "2099-10-24T23:59:59Z"),
            ("2099-10-25 02:00:00", "2099-10-25T00:00:00Z"),
            ("2099-10-25 02:59:59", "2099-10-25T00:59:59Z"),
            ("2099-10-25 03:00:00", "2099-10-25T02:00:00Z"),
            ("2100-10-31 01:59:59", "2100-10-30T23:59:59Z"),
            ("2100-10-31 02:00:00", "2100-10-31T00:00:00Z"),
            ("2100-10-31 02:59:59", "2100-10-31T00:59:59Z"),
            ("2100-10-31 03:00:00", "2100-10-31T02:00:00Z"),
            ("2200-10-26 01:59:59", "2200-10-25T23:59:59Z"),
            ("2200-10-26 02:00:00", "2200-10-26T00:00:00Z"),
            ("2200-10-26 02:59:59", "2200-10-26T00:59:59Z"),
            ("2200-10-26 03:00:00", "2200-10-26T02:00:00Z"),
            // Across the end of chrono-tz's table, and an ordinary summer day after it.
            ("2100-01-01 00:59:59", "2099-12-31T23:59:59Z"),
            ("2100-01-01 01:00:00", "2100-01-01T00:00:00Z"),
            ("2100-07-01 12:00:00", "2100-07-01T10:00:00Z"),
        ];
        for (local_time, expected) in rows {
            assert_eq!(instant(wall(local_time)), utc(expected), "{local_time}");
        }
    }

    #[test]
    fn rfc3339_carries_the_copenhagen_offset() {
        assert_eq!(rfc3339(utc("2026-11-30T20:00:00Z")), "2026-11-30T21:00:00+01:00");
        assert_eq!(rfc3339(utc("2026-07-01T07:00:00Z")), "2026-07-01T09:00:00+02:00");
        assert_eq!(rfc3339(utc("2026-10-25T00:30:00Z")), "2026-10-25T02:30:00+02:00");
        assert_eq!(rfc3339(utc("2026-10-25T01:30:00Z")), "2026-10-25T02:30:00+01:00");
        assert_eq!(rfc3339(utc("2026-12-31T23:00:00Z")), "2027-01-01T00:00:00+01:00");
    }

    /// The offsets and the wall-clock readings coded here against tzdata (chrono-tz), as far
    /// as its table goes: the offset every six hours from 1850 to 2099; each transition, found
    /// there and narrowed down to the second, at the same second here; and every wall-clock
    /// time within three hours of it, minute by minute and at each edge of a gap or fold to
    /// the second, with the same instants here (one, two or none).
    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn offsets_and_wall_clock_agree_with_tzdata_up_to_2099() {
        use chrono::{Offset, TimeZone};
        use chrono_tz::Europe::Copenhagen;

        let at = |seconds: i64| DateTime::from_timestamp(seconds, 0).unwrap();
        let tzdata = |seconds: i64| {
            let offset = Copenhagen.offset_from_utc_datetime(&at(seconds).naive_utc());
            i64::from(offset.fix().local_minus_utc())
        };
        let ours = |seconds: i64| offset_at(at(seconds));
        let same_instants = |wall: NaiveDateTime| {
            let expected = Copenhagen.from_local_datetime(&wall).map(|t| t.to_utc());
            assert_eq!(candidates(wall), expected, "{wall}");
        };
        let (first, end) = (utc("1850-01-01T00:00:00Z"), utc("2100-01-01T00:00:00Z"));
        let mut transitions = 0;
        let mut t = first.timestamp();
        while t < end.timestamp() {
            assert_eq!(ours(t), tzdata(t), "{}", at(t));
            let next = t + 6 * 3600;
            if tzdata(next) != tzdata(t) {
                let (mut before, mut after) = (t, next);
                while after - before > 1 {
                    let middle = before + (after - before) / 2;
                    if tzdata(middle) == tzdata(t) { before = middle } else { after = middle }
                }
                assert_eq!((ours(before), ours(after)), (tzdata(before), tzdata(after)));
                let edges = [after + tzdata(before), after + tzdata(after)];
                let walls = (-180..=180)
                    .map(|minute| edges[0] + minute * 60)
                    .chain(edges.into_iter().flat_map(|edge| [edge - 1, edge, edge + 1]));
                for wall in walls {
                    same_instants(at(wall).naive_utc());
                }
                transitions += 1;
            }
            t = next;
        }
        // 1893, 1916–1918, 1940–1949 and two a year from 1980 to 2099.
        assert_eq!(transitions, 267);
    }
}
