//! Danish public holidays and the other days the hotline treats as holidays, computed for any
//! year (the Easter-based ones by the Gregorian computus).

use chrono::{Datelike, Days, NaiveDate};

/// A day the config can give its own rule. The order here is also the tie-break order when
/// two fall on one date (see [`Holiday::all_on`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Holiday {
    Nytaarsdag,
    Skaertorsdag,
    Langfredag,
    Paaskedag,
    AndenPaaskedag,
    /// Abolished from 2024: a holiday only up to and including 2023.
    StoreBededag,
    KristiHimmelfartsdag,
    Pinsedag,
    AndenPinsedag,
    Grundlovsdag,
    Juleaftensdag,
    Juledag,
    AndenJuledag,
    Nytaarsaftensdag,
    ForsteMaj,
}

/// The last year store bededag was a public holiday.
const LAST_STORE_BEDEDAG: i32 = 2023;

impl Holiday {
    pub const ALL: [Holiday; 15] = [
        Holiday::Nytaarsdag,
        Holiday::Skaertorsdag,
        Holiday::Langfredag,
        Holiday::Paaskedag,
        Holiday::AndenPaaskedag,
        Holiday::StoreBededag,
        Holiday::KristiHimmelfartsdag,
        Holiday::Pinsedag,
        Holiday::AndenPinsedag,
        Holiday::Grundlovsdag,
        Holiday::Juleaftensdag,
        Holiday::Juledag,
        Holiday::AndenJuledag,
        Holiday::Nytaarsaftensdag,
        Holiday::ForsteMaj,
    ];

    /// The stable key used in the JSON config, e.g. `"anden_juledag"`.
    pub const fn key(self) -> &'static str {
        match self {
            Holiday::Nytaarsdag => "nytaarsdag",
            Holiday::Skaertorsdag => "skaertorsdag",
            Holiday::Langfredag => "langfredag",
            Holiday::Paaskedag => "paaskedag",
            Holiday::AndenPaaskedag => "anden_paaskedag",
            Holiday::StoreBededag => "store_bededag",
            Holiday::KristiHimmelfartsdag => "kristi_himmelfartsdag",
            Holiday::Pinsedag => "pinsedag",
            Holiday::AndenPinsedag => "anden_pinsedag",
            Holiday::Grundlovsdag => "grundlovsdag",
            Holiday::Juleaftensdag => "juleaftensdag",
            Holiday::Juledag => "juledag",
            Holiday::AndenJuledag => "anden_juledag",
            Holiday::Nytaarsaftensdag => "nytaarsaftensdag",
            Holiday::ForsteMaj => "foerste_maj",
        }
    }

    pub fn from_key(key: &str) -> Option<Holiday> {
        Holiday::ALL.into_iter().find(|holiday| holiday.key() == key)
    }

    /// Its date in `year`, or `None` when it is not kept that year (store bededag after 2023)
    /// or the year is outside chrono's range.
    pub fn date(self, year: i32) -> Option<NaiveDate> {
        let fixed = |month, day| NaiveDate::from_ymd_opt(year, month, day);
        let easter = |offset: i64| {
            let sunday = easter_sunday(year)?;
            if offset >= 0 {
                sunday.checked_add_days(Days::new(offset as u64))
            } else {
                sunday.checked_sub_days(Days::new(offset.unsigned_abs()))
            }
        };
        match self {
            Holiday::Nytaarsdag => fixed(1, 1),
            Holiday::Skaertorsdag => easter(-3),
            Holiday::Langfredag => easter(-2),
            Holiday::Paaskedag => easter(0),
            Holiday::AndenPaaskedag => easter(1),
            Holiday::StoreBededag if year <= LAST_STORE_BEDEDAG => easter(26),
            Holiday::StoreBededag => None,
            Holiday::KristiHimmelfartsdag => easter(39),
            Holiday::Pinsedag => easter(49),
            Holiday::AndenPinsedag => easter(50),
            Holiday::Grundlovsdag => fixed(6, 5),
            Holiday::Juleaftensdag => fixed(12, 24),
            Holiday::Juledag => fixed(12, 25),
            Holiday::AndenJuledag => fixed(12, 26),
            Holiday::Nytaarsaftensdag => fixed(12, 31),
            Holiday::ForsteMaj => fixed(5, 1),
        }
    }

    /// Every holiday on `date`, in the order of [`Holiday::ALL`]. Usually none or one; two can
    /// coincide (Kristi himmelfartsdag or store bededag on 1 May, a pinse day on 5 June).
    pub fn all_on(date: NaiveDate) -> impl Iterator<Item = Holiday> {
        Holiday::ALL.into_iter().filter(move |holiday| holiday.date(date.year()) == Some(date))
    }
}

/// Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm, as in Meeus).
pub fn easter_sunday(year: i32) -> Option<NaiveDate> {
    let a = year.rem_euclid(19);
    let b = year.div_euclid(100);
    let c = year.rem_euclid(100);
    let d = b.div_euclid(4);
    let e = b.rem_euclid(4);
    let f = (b + 8).div_euclid(25);
    let g = (b - f + 1).div_euclid(3);
    let h = (19 * a + b - d - g + 15).rem_euclid(30);
    let i = c.div_euclid(4);
    let k = c.rem_euclid(4);
    let l = (32 + 2 * e + 2 * i - h - k).rem_euclid(7);
    let m = (a + 11 * h + 22 * l).div_euclid(451);
    let month = (h + l - 7 * m + 114).div_euclid(31);
    let day = (h + l - 7 * m + 114).rem_euclid(31) + 1;
    NaiveDate::from_ymd_opt(year, month as u32, day as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn easter_sunday_in_known_years() {
        let known = [
            (1900, "1900-04-15"),
            (1913, "1913-03-23"),
            (1943, "1943-04-25"),
            (1954, "1954-04-18"),
            (1961, "1961-04-02"),
            (1970, "1970-03-29"),
            (1981, "1981-04-19"),
            (1985, "1985-04-07"),
            (1990, "1990-04-15"),
            (1999, "1999-04-04"),
            (2000, "2000-04-23"),
            (2001, "2001-04-15"),
            (2008, "2008-03-23"),
            (2010, "2010-04-04"),
            (2011, "2011-04-24"),
            (2015, "2015-04-05"),
            (2019, "2019-04-21"),
            (2020, "2020-04-12"),
            (2023, "2023-04-09"),
            (2024, "2024-03-31"),
            (2025, "2025-04-20"),
            (2026, "2026-04-05"),
            (2027, "2027-03-28"),
            (2038, "2038-04-25"),
            (2049, "2049-04-18"),
            (2100, "2100-03-28"),
            (2137, "2137-04-07"),
            (2160, "2160-03-23"),
            (2200, "2200-04-06"),
        ];
        for (year, expected) in known {
            assert_eq!(easter_sunday(year), Some(date(expected)), "{year}");
        }
    }

    /// Every holiday of a year, as (key, date), in calendar order.
    fn year_table(year: i32) -> Vec<(&'static str, String)> {
        let mut table: Vec<_> = Holiday::ALL
            .into_iter()
            .filter_map(|holiday| Some((holiday.key(), holiday.date(year)?.to_string())))
            .collect();
        table.sort_by(|a, b| a.1.cmp(&b.1).then(a.0.cmp(b.0)));
        table
    }

    fn expected(rows: &[(&'static str, &str)]) -> Vec<(&'static str, String)> {
        rows.iter().map(|&(key, date)| (key, date.to_owned())).collect()
    }

    #[test]
    fn holidays_2023_with_store_bededag() {
        assert_eq!(
            year_table(2023),
            expected(&[
                ("nytaarsdag", "2023-01-01"),
                ("skaertorsdag", "2023-04-06"),
                ("langfredag", "2023-04-07"),
                ("paaskedag", "2023-04-09"),
                ("anden_paaskedag", "2023-04-10"),
                ("foerste_maj", "2023-05-01"),
                ("store_bededag", "2023-05-05"),
                ("kristi_himmelfartsdag", "2023-05-18"),
                ("pinsedag", "2023-05-28"),
                ("anden_pinsedag", "2023-05-29"),
                ("grundlovsdag", "2023-06-05"),
                ("juleaftensdag", "2023-12-24"),
                ("juledag", "2023-12-25"),
                ("anden_juledag", "2023-12-26"),
                ("nytaarsaftensdag", "2023-12-31"),
            ])
        );
    }

    #[test]
    fn holidays_2024_without_store_bededag() {
        assert_eq!(
            year_table(2024),
            expected(&[
                ("nytaarsdag", "2024-01-01"),
                ("skaertorsdag", "2024-03-28"),
                ("langfredag", "2024-03-29"),
                ("paaskedag", "2024-03-31"),
                ("anden_paaskedag", "2024-04-01"),
                ("foerste_maj", "2024-05-01"),
                ("kristi_himmelfartsdag", "2024-05-09"),
                ("pinsedag", "2024-05-19"),
                ("anden_pinsedag", "2024-05-20"),
                ("grundlovsdag", "2024-06-05"),
                ("juleaftensdag", "2024-12-24"),
                ("juledag", "2024-12-25"),
                ("anden_juledag", "2024-12-26"),
                ("nytaarsaftensdag", "2024-12-31"),
            ])
        );
        assert_eq!(Holiday::all_on(date("2024-04-26")).next(), None, "would-be store bededag");
    }

    #[test]
    fn holidays_2026() {
        assert_eq!(
            year_table(2026),
            expected(&[
                ("nytaarsdag", "2026-01-01"),
                ("skaertorsdag", "2026-04-02"),
                ("langfredag", "2026-04-03"),
                ("paaskedag", "2026-04-05"),
                ("anden_paaskedag", "2026-04-06"),
                ("foerste_maj", "2026-05-01"),
                ("kristi_himmelfartsdag", "2026-05-14"),
                ("pinsedag", "2026-05-24"),
                ("anden_pinsedag", "2026-05-25"),
                ("grundlovsdag", "2026-06-05"),
                ("juleaftensdag", "2026-12-24"),
                ("juledag", "2026-12-25"),
                ("anden_juledag", "2026-12-26"),
                ("nytaarsaftensdag", "2026-12-31"),
            ])
        );
    }

    #[test]
    fn coinciding_holidays_come_in_list_order() {
        let on = |s| Holiday::all_on(date(s)).collect::<Vec<_>>();
        assert_eq!(on("2008-05-01"), [Holiday::KristiHimmelfartsdag, Holiday::ForsteMaj]);
        assert_eq!(on("2006-06-05"), [Holiday::AndenPinsedag, Holiday::Grundlovsdag]);
        assert_eq!(on("2026-11-30"), []);
    }

    #[test]
    fn keys_round_trip() {
        for holiday in Holiday::ALL {
            assert_eq!(Holiday::from_key(holiday.key()), Some(holiday));
        }
        assert_eq!(Holiday::from_key("easter"), None);
    }
}
