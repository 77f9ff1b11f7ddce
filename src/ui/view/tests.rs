use chrono::DateTime;

use super::*;
use crate::config::Config;

fn at(rfc3339: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(rfc3339).unwrap().to_utc()
}

fn view_at(config: &Config, lang: Lang, now: &str) -> WidgetView {
    let now = at(now);
    WidgetView::new(now, &config.schedule.status_at(now), config, lang, false)
}

/// The status line as shown: "headline – reason | detail".
fn line(lang: Lang, now: &str) -> String {
    let view = view_at(&Config::announced(), lang, now);
    let reason = view.reason.map(|r| format!(" – {r}")).unwrap_or_default();
    format!("{}{reason} | {}", view.headline, view.detail.unwrap_or_default())
}

#[test]
fn danish_status_lines() {
    let rows = [
        ("2026-11-30T10:00:00+01:00", "Åben nu | Lukker kl. 21.00"),
        ("2026-11-30T20:29:59+01:00", "Åben nu | Lukker kl. 21.00"),
        ("2026-11-30T20:30:00+01:00", "Åben nu | Lukker snart – kl. 21.00"),
        ("2026-11-30T20:59:59+01:00", "Åben nu | Lukker snart – kl. 21.00"),
        ("2026-11-30T21:00:00+01:00", "Lukket nu | Åbner i morgen kl. 9.00"),
        ("2026-12-01T08:00:00+01:00", "Lukket nu | Åbner i dag kl. 9.00"),
        ("2026-11-27T17:00:00+01:00", "Lukket nu | Åbner søndag kl. 17.00"),
        ("2026-11-28T12:00:00+01:00", "Lukket nu | Åbner i morgen kl. 17.00"),
        ("2026-11-29T16:00:00+01:00", "Lukket nu | Åbner i dag kl. 17.00"),
        ("2026-12-24T10:00:00+01:00", "Lukket nu – Juleaftensdag | Åbner søndag kl. 17.00"),
        ("2026-12-26T10:00:00+01:00", "Lukket nu – 2. juledag | Åbner i morgen kl. 17.00"),
        ("2026-04-03T10:00:00+02:00", "Lukket nu – Langfredag | Åbner tirsdag kl. 9.00"),
        ("2023-05-05T10:00:00+02:00", "Lukket nu – Store bededag | Åbner søndag kl. 17.00"),
        ("2024-04-26T10:00:00+02:00", "Åben nu | Lukker kl. 17.00"),
        ("2026-03-29T02:30:00+01:00", "Lukket nu | Åbner i dag kl. 17.00"),
        ("2026-10-25T02:30:00+01:00", "Lukket nu | Åbner i dag kl. 17.00"),
    ];
    for (now, expected) in rows {
        assert_eq!(line(Lang::Da, now), expected, "at {now}");
    }
}

#[test]
fn english_status_lines() {
    let rows = [
        ("2026-11-30T10:00:00+01:00", "Open now | Closes at 21:00"),
        ("2026-11-30T20:45:00+01:00", "Open now | Closing soon – at 21:00"),
        ("2026-11-30T21:00:00+01:00", "Closed now | Opens tomorrow at 9:00"),
        ("2026-11-27T17:30:00+01:00", "Closed now | Opens Sunday at 17:00"),
        ("2026-12-24T10:00:00+01:00", "Closed now – Christmas Eve | Opens Sunday at 17:00"),
    ];
    for (now, expected) in rows {
        assert_eq!(line(Lang::En, now), expected, "at {now}");
    }
}

#[test]
fn next_opening_a_week_or_more_away_has_a_date() {
    let mut config = Config::announced();
    config.schedule.add_exception(crate::rules::Exception {
        first: "2026-12-01".parse().unwrap(),
        last: "2026-12-09".parse().unwrap(),
        rule: crate::rules::DayRule::Closed,
        note: None,
    });
    let view = view_at(&config, Lang::Da, "2026-11-30T21:00:00+01:00");
    assert_eq!(view.detail.as_deref(), Some("Åbner torsdag 10. december kl. 9.00"));
    let view = view_at(&config, Lang::En, "2026-11-30T21:00:00+01:00");
    assert_eq!(view.detail.as_deref(), Some("Opens Thursday 10 December at 9:00"));
}

/// Rows as "label: hours (note) *" with * marking today.
fn rows(rows: &[DayRow]) -> Vec<String> {
    rows.iter()
        .map(|row| {
            let note = row.note.as_ref().map(|n| format!(" ({n})")).unwrap_or_default();
            let today = if row.today { " *" } else { "" };
            format!("{}: {}{note}{today}", row.label, row.hours)
        })
        .collect()
}

#[test]
fn week_table_shows_the_real_hours_of_christmas_week() {
    let view = view_at(&Config::announced(), Lang::Da, "2026-12-24T10:00:00+01:00");
    assert_eq!(view.week_caption, "Åbningstider denne uge");
    assert_eq!(
        rows(&view.week),
        [
            "Mandag: 9.00–21.00",
            "Tirsdag: 9.00–21.00",
            "Onsdag: 9.00–21.00",
            "Torsdag: Lukket (Juleaftensdag) *",
            "Fredag: Lukket (Juledag)",
            "Lørdag: Lukket (2. juledag)",
            "Søndag: 17.00–21.00",
        ]
    );
}

#[test]
fn special_days_in_the_next_two_weeks() {
    let view = view_at(&Config::announced(), Lang::En, "2026-12-20T12:00:00+01:00");
    assert_eq!(view.special_caption, "Special days in the next 14 days");
    assert_eq!(
        rows(&view.special_days),
        [
            "Thursday 24 December: Closed (Christmas Eve)",
            "Friday 25 December: Closed (Christmas Day)",
            "Saturday 26 December: Closed (Boxing Day)",
            "Thursday 31 December: Closed (New Year's Eve)",
            "Friday 1 January: Closed (New Year's Day)",
        ]
    );
    let ordinary = view_at(&Config::announced(), Lang::En, "2026-11-02T12:00:00+01:00");
    assert_eq!(ordinary.special_days, []);
}

#[test]
fn exception_note_and_special_hours() {
    let text = crate::config::BUILTIN_JSON.replace(
        "\"exceptions\": []",
        r#""exceptions": [
            {"date": "2026-12-01", "hours": ["10:00-12:00"], "note": {"da": "Kort dag pga. kursus", "en": "Short day: training"}},
            {"date": "2026-12-02", "hours": "closed"}
        ]"#,
    );
    let config = Config::parse(&text).unwrap();
    let view = view_at(&config, Lang::Da, "2026-12-01T11:00:00+01:00");
    assert_eq!(view.note.as_deref(), Some("Kort dag pga. kursus"));
    assert_eq!(view.detail.as_deref(), Some("Lukker kl. 12.00"));
    assert_eq!(
        rows(&view.special_days),
        [
            "tirsdag 1. december: 10.00–12.00 (Kort dag pga. kursus) *",
            "onsdag 2. december: Lukket (Særlige åbningstider)",
        ]
    );
}

#[test]
fn upcoming_schedule_version_is_announced_four_weeks_ahead() {
    let mut config = Config::announced();
    config
        .schedule
        .add_version("2027-04-01".parse().unwrap(), crate::rules::WeeklyHours::hotline_default());
    let soon = view_at(&config, Lang::Da, "2027-03-04T12:00:00+01:00");
    assert_eq!(soon.announcement.as_deref(), Some("Nye åbningstider fra 1. april"));
    let english = view_at(&config, Lang::En, "2027-03-31T12:00:00+02:00");
    assert_eq!(english.announcement.as_deref(), Some("New opening hours from 1 April"));
    assert_eq!(view_at(&config, Lang::Da, "2027-03-03T12:00:00+01:00").announcement, None);
    assert_eq!(view_at(&config, Lang::Da, "2027-04-01T12:00:00+02:00").announcement, None);
}

#[test]
fn redraws_at_closing_soon_transitions_and_midnight() {
    let config = Config::announced();
    let rows = [
        ("2026-11-30T10:00:00+01:00", "2026-11-30T20:30:00+01:00"),
        ("2026-11-30T20:30:00+01:00", "2026-11-30T21:00:00+01:00"),
        ("2026-11-30T21:00:00+01:00", "2026-12-01T00:00:00+01:00"),
        ("2026-12-01T00:00:00+01:00", "2026-12-01T09:00:00+01:00"),
        ("2026-12-24T10:00:00+01:00", "2026-12-25T00:00:00+01:00"),
    ];
    for (now, expected) in rows {
        assert_eq!(view_at(&config, Lang::Da, now).redraw_at, at(expected), "at {now}");
    }
}

#[test]
fn phone_link_texts() {
    let view = view_at(&Config::announced(), Lang::Da, "2026-11-30T10:00:00+01:00");
    assert_eq!(view.name, "Den Digitale Hotline");
    assert_eq!(
        view.phone,
        PhoneView {
            href: "tel:+4570200000".into(),
            text: "70 20 00 00".into(),
            label: "Ring til Den Digitale Hotline på 70 20 00 00".into(),
        }
    );
    let english = view_at(&Config::announced(), Lang::En, "2026-11-30T10:00:00+01:00");
    assert_eq!(english.phone.label, "Call The Digital Hotline on 70 20 00 00");
}

#[test]
fn variant_attribute() {
    assert_eq!(Variant::from_attribute("compact"), Some(Variant::Compact));
    assert_eq!(Variant::from_attribute(" Compact "), Some(Variant::Compact));
    assert_eq!(Variant::from_attribute("full"), Some(Variant::Full));
    assert_eq!(Variant::from_attribute(""), Some(Variant::Full));
    assert_eq!(Variant::from_attribute("mini"), None);
}

#[test]
fn day_relative_to_today() {
    let date = |s: &str| s.parse::<NaiveDate>().unwrap();
    let today = date("2026-11-26");
    assert_eq!(Day::relative(date("2026-11-26"), today), Day::Today);
    assert_eq!(Day::relative(date("2026-11-27"), today), Day::Tomorrow);
    assert_eq!(Day::relative(date("2026-12-02"), today), Day::ThisWeek(chrono::Weekday::Wed));
    assert_eq!(Day::relative(date("2026-12-03"), today), Day::Later(date("2026-12-03")));
}

#[test]
fn lang_attribute() {
    assert_eq!(Lang::from_attribute("en"), Some(Lang::En));
    assert_eq!(Lang::from_attribute("en-GB"), Some(Lang::En));
    assert_eq!(Lang::from_attribute("EN"), Some(Lang::En));
    assert_eq!(Lang::from_attribute("da"), Some(Lang::Da));
    assert_eq!(Lang::from_attribute("da-DK"), Some(Lang::Da));
    assert_eq!(Lang::from_attribute(""), Some(Lang::Da));
    assert_eq!(Lang::from_attribute("de"), None);
}

#[test]
fn preview_label() {
    let now = at("2026-12-24T10:00:00+01:00");
    let config = Config::announced();
    let status = config.schedule.status_at(now);
    let danish = WidgetView::new(now, &status, &config, Lang::Da, true);
    assert_eq!(danish.preview.as_deref(), Some("Forhåndsvisning: torsdag 24. december kl. 10.00"));
    let english = WidgetView::new(now, &status, &config, Lang::En, true);
    assert_eq!(english.preview.as_deref(), Some("Preview: Thursday 24 December at 10:00"));
    assert_eq!(view_at(&config, Lang::Da, "2026-12-24T10:00:00+01:00").preview, None);
}

#[test]
fn week_table_labels_are_capitalized_weekdays() {
    let labels = |lang| {
        let view = view_at(&Config::announced(), lang, "2026-11-26T10:00:00+01:00");
        view.week.into_iter().map(|row| row.label).collect::<Vec<_>>()
    };
    let danish = ["Mandag", "Tirsdag", "Onsdag", "Torsdag", "Fredag", "Lørdag", "Søndag"];
    assert_eq!(labels(Lang::Da), danish);
    let english = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
    assert_eq!(labels(Lang::En), english);
}

#[test]
fn capitalized_touches_only_a_leading_ascii_letter() {
    assert_eq!(capitalized("lørdag"), "Lørdag");
    assert_eq!(capitalized("Monday"), "Monday");
    assert_eq!(capitalized("ølstue"), "ølstue");
    assert_eq!(capitalized(""), "");
}
