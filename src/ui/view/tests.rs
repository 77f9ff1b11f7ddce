use chrono::DateTime;

use super::*;
use crate::config::Config;
use crate::rules::Interval;

fn at(rfc3339: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(rfc3339).unwrap().to_utc()
}

fn view_at(config: &Config, lang: Lang, now: &str) -> WidgetView {
    let now = at(now);
    WidgetView::new(now, &config.schedule.status_at(now), config, lang, false)
}

/// The status line as shown: "headline – reason | detail".
fn line(lang: Lang, now: &str) -> String {
    line_with(&Config::announced(), lang, now)
}

/// The status line with another config.
fn line_with(config: &Config, lang: Lang, now: &str) -> String {
    let view = view_at(config, lang, now);
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

/// The announced config with `hours` on the days `first..=last`.
fn with_exception(first: &str, last: &str, hours: Vec<Interval>) -> Config {
    let mut config = Config::announced();
    config.schedule.add_exception(crate::rules::Exception {
        first: first.parse().unwrap(),
        last: last.parse().unwrap(),
        rule: crate::rules::DayRule::Hours(hours),
        note: None,
    });
    config
}

fn hm(hour: u8, minute: u8) -> ClockTime {
    ClockTime::new(hour, minute).unwrap()
}

#[test]
fn split_day_closes_for_lunch_and_opens_again_today() {
    let mut config = Config::announced();
    let mut days: [Vec<Interval>; 7] = Default::default();
    days[0] = vec![Interval::hours(9, 12), Interval::hours(13, 17)];
    config.schedule = crate::rules::Schedule::new(crate::rules::WeeklyHours::new(days).unwrap());
    let rows = [
        ("2026-11-30T10:00:00+01:00", Lang::Da, "Åben nu | Lukker kl. 12.00"),
        ("2026-11-30T11:30:00+01:00", Lang::Da, "Åben nu | Lukker snart – kl. 12.00"),
        ("2026-11-30T12:00:00+01:00", Lang::Da, "Lukket nu | Åbner i dag kl. 13.00"),
        ("2026-11-30T12:59:59+01:00", Lang::Da, "Lukket nu | Åbner i dag kl. 13.00"),
        ("2026-11-30T13:00:00+01:00", Lang::Da, "Åben nu | Lukker kl. 17.00"),
        ("2026-11-30T17:00:00+01:00", Lang::Da, "Lukket nu | Åbner mandag 7. december kl. 9.00"),
        ("2026-11-30T12:00:00+01:00", Lang::En, "Closed now | Opens today at 13:00"),
    ];
    for (now, lang, expected) in rows {
        assert_eq!(line_with(&config, lang, now), expected, "at {now}");
    }
}

#[test]
fn close_on_a_later_day_names_the_day() {
    // Thursday 3 to Saturday 5 December: 00:00–02:00 and 20:00–24:00, so each evening runs on
    // into the next night; Sunday has its ordinary 17–21.
    let nights =
        vec![Interval::hours(0, 2), Interval::new(hm(20, 0), ClockTime::END_OF_DAY).unwrap()];
    let config = with_exception("2026-12-03", "2026-12-05", nights);
    let rows = [
        ("2026-12-03T20:00:00+01:00", Lang::Da, "Åben nu | Lukker i morgen kl. 2.00"),
        ("2026-12-03T23:59:59+01:00", Lang::Da, "Åben nu | Lukker i morgen kl. 2.00"),
        ("2026-12-04T00:00:00+01:00", Lang::Da, "Åben nu | Lukker kl. 2.00"),
        ("2026-12-04T01:30:00+01:00", Lang::Da, "Åben nu | Lukker snart – kl. 2.00"),
        ("2026-12-05T20:00:00+01:00", Lang::Da, "Åben nu | Lukker kl. 24.00"),
        ("2026-12-05T23:30:00+01:00", Lang::Da, "Åben nu | Lukker snart – kl. 24.00"),
        ("2026-12-03T20:00:00+01:00", Lang::En, "Open now | Closes tomorrow at 2:00"),
        ("2026-12-05T20:00:00+01:00", Lang::En, "Open now | Closes at 24:00"),
    ];
    for (now, lang, expected) in rows {
        assert_eq!(line_with(&config, lang, now), expected, "at {now}");
    }
    // Closing soon, just after midnight.
    let mut config = with_exception("2026-12-03", "2026-12-03", vec![Interval::hours(20, 24)]);
    config.schedule.add_exception(crate::rules::Exception {
        first: "2026-12-04".parse().unwrap(),
        last: "2026-12-04".parse().unwrap(),
        rule: crate::rules::DayRule::Hours(vec![Interval::new(hm(0, 0), hm(0, 15)).unwrap()]),
        note: None,
    });
    let rows = [
        ("2026-12-03T23:44:59+01:00", Lang::Da, "Åben nu | Lukker i morgen kl. 0.15"),
        ("2026-12-03T23:50:00+01:00", Lang::Da, "Åben nu | Lukker snart – i morgen kl. 0.15"),
        ("2026-12-03T23:50:00+01:00", Lang::En, "Open now | Closing soon – tomorrow at 0:15"),
    ];
    for (now, lang, expected) in rows {
        assert_eq!(line_with(&config, lang, now), expected, "at {now}");
    }
}

#[test]
fn close_days_away_names_the_weekday_or_the_date() {
    // Open round the clock from Tuesday 1 December: Friday 4 has its ordinary 9–17.
    let config = with_exception("2026-12-01", "2026-12-03", vec![Interval::hours(0, 24)]);
    let rows = [
        ("2026-12-01T10:00:00+01:00", Lang::Da, "Åben nu | Lukker torsdag kl. 24.00"),
        ("2026-12-01T10:00:00+01:00", Lang::En, "Open now | Closes Thursday at 24:00"),
    ];
    for (now, lang, expected) in rows {
        assert_eq!(line_with(&config, lang, now), expected, "at {now}");
    }
    // Until Wednesday 9 December: Thursday 10 has its ordinary 9–21.
    let config = with_exception("2026-12-01", "2026-12-09", vec![Interval::hours(0, 24)]);
    let rows = [
        ("2026-12-01T10:00:00+01:00", Lang::Da, "Åben nu | Lukker onsdag 9. december kl. 24.00"),
        ("2026-12-01T10:00:00+01:00", Lang::En, "Open now | Closes Wednesday 9 December at 24:00"),
        ("2026-12-09T23:45:00+01:00", Lang::Da, "Åben nu | Lukker snart – kl. 24.00"),
    ];
    for (now, lang, expected) in rows {
        assert_eq!(line_with(&config, lang, now), expected, "at {now}");
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
fn week_table_shows_the_regular_hours_in_christmas_week_too() {
    // The holidays are on the line of changes: the table keeps its size every week.
    let view = view_at(&Config::announced(), Lang::Da, "2026-12-24T10:00:00+01:00");
    assert_eq!(view.week_caption, "Faste åbningstider");
    assert_eq!(
        rows(&view.week),
        [
            "Mandag: 9.00–21.00",
            "Tirsdag: 9.00–21.00",
            "Onsdag: 9.00–21.00",
            "Torsdag: 9.00–21.00 *",
            "Fredag: 9.00–17.00",
            "Lørdag: Lukket",
            "Søndag: 17.00–21.00",
        ]
    );
}

/// Groups as "label: hours *" with * marking today's group.
fn groups(view: &WidgetView) -> Vec<String> {
    view.week_groups
        .iter()
        .map(|group| {
            let today = if group.today { " *" } else { "" };
            format!("{}: {}{today}", group.label, group.hours)
        })
        .collect()
}

#[test]
fn narrow_layout_groups_days_with_equal_hours() {
    let table = [
        (
            Lang::Da,
            "2026-11-26T10:00:00+01:00",
            vec![
                "man.–tors.: 9.00–21.00 *",
                "fre.: 9.00–17.00",
                "lør.: Lukket",
                "søn.: 17.00–21.00",
            ],
        ),
        (
            Lang::En,
            "2026-11-28T10:00:00+01:00",
            vec!["Mon–Thu: 9:00–21:00", "Fri: 9:00–17:00", "Sat: Closed *", "Sun: 17:00–21:00"],
        ),
        // Christmas week and the week of Ascension Day group as any other: the holidays are on
        // the line of changes.
        (
            Lang::Da,
            "2026-12-24T10:00:00+01:00",
            vec![
                "man.–tors.: 9.00–21.00 *",
                "fre.: 9.00–17.00",
                "lør.: Lukket",
                "søn.: 17.00–21.00",
            ],
        ),
        (
            Lang::Da,
            "2026-05-11T10:00:00+02:00",
            vec![
                "man.–tors.: 9.00–21.00 *",
                "fre.: 9.00–17.00",
                "lør.: Lukket",
                "søn.: 17.00–21.00",
            ],
        ),
    ];
    for (lang, now, expected) in table {
        assert_eq!(groups(&view_at(&Config::announced(), lang, now)), expected, "{now}");
    }
}

/// The line of changes as text: "date: hours (note)" for a day.
fn change_line(view: &WidgetView) -> String {
    match &view.change_line {
        ChangeLine::Pending => "(pending)".to_owned(),
        ChangeLine::Note(text) | ChangeLine::Announcement(text) => text.clone(),
        ChangeLine::Day(row) => {
            let note = row.note.as_ref().map(|n| format!(" ({n})")).unwrap_or_default();
            format!("{}: {}{note}", row.short_label, row.hours)
        }
        ChangeLine::Nothing(text) => (*text).to_owned(),
    }
}

#[test]
fn one_line_of_changes_the_next_special_day_first() {
    let christmas = view_at(&Config::announced(), Lang::Da, "2026-12-20T12:00:00+01:00");
    assert_eq!(christmas.special_days.len(), 5);
    assert_eq!(change_line(&christmas), "tors. 24.12.: Lukket (Juleaftensdag)");
    assert_eq!(christmas.change_more.as_deref(), Some("+4 flere"));
    let english = view_at(&Config::announced(), Lang::En, "2026-12-20T12:00:00+01:00");
    assert_eq!(change_line(&english), "Thu 24 Dec: Closed (Christmas Eve)");
    assert_eq!(english.change_more.as_deref(), Some("+4 more"));
    // One special day: the line says it all, no list.
    let one = view_at(&Config::announced(), Lang::Da, "2027-01-01T12:00:00+01:00");
    assert_eq!(one.special_days.len(), 1);
    assert_eq!(
        (change_line(&one).as_str(), one.change_more),
        ("fre. 1.1.: Lukket (Nytårsdag)", None)
    );
    let ordinary = view_at(&Config::announced(), Lang::Da, "2026-11-02T12:00:00+01:00");
    assert_eq!(
        (change_line(&ordinary).as_str(), ordinary.change_more),
        ("Ingen ændringer de næste 14 dage", None)
    );
    let english = view_at(&Config::announced(), Lang::En, "2026-11-02T12:00:00+01:00");
    assert_eq!(change_line(&english), "No changes in the next 14 days");
    assert_eq!(
        WidgetView::fallback(&Config::announced(), Lang::Da).change_line,
        ChangeLine::Pending
    );
}

#[test]
fn one_line_of_changes_opens_when_it_may_cut_what_it_shows() {
    let noted = |note: &str| {
        let mut config = Config::announced();
        config.schedule.add_exception(crate::rules::Exception {
            first: "2026-11-10".parse().unwrap(),
            last: "2026-11-10".parse().unwrap(),
            rule: crate::rules::DayRule::Closed,
            note: Some(crate::rules::Bilingual { da: note.into(), en: note.into() }.into()),
        });
        config
    };
    // The only change ahead, with a note of the config's: the list behind the line holds it.
    let long = "Lukket hele dagen ".repeat(11);
    let view = view_at(&noted(&long), Lang::Da, "2026-11-02T12:00:00+01:00");
    assert_eq!(view.change_more.as_deref(), Some("Vis mere"));
    assert!(view.special_days[0].free_note);
    assert_eq!(view.special_days[0].note.as_deref(), Some(long.as_str()));
    let english = view_at(&noted("Staff day"), Lang::En, "2026-11-02T12:00:00+01:00");
    assert_eq!(english.change_more.as_deref(), Some("Show more"));
    // Several intervals have no length we know either; one interval and a holiday's name do.
    let split = with_exception(
        "2026-11-10",
        "2026-11-10",
        vec![Interval::hours(9, 12), Interval::hours(13, 17)],
    );
    let view = view_at(&split, Lang::Da, "2026-11-02T12:00:00+01:00");
    assert_eq!(view.change_more.as_deref(), Some("Vis mere"));
    assert!(!view.special_days[0].free_note, "{:?}", view.special_days[0]);
    let short = with_exception("2026-11-10", "2026-11-10", vec![Interval::hours(9, 12)]);
    let view = view_at(&short, Lang::Da, "2026-11-02T12:00:00+01:00");
    assert_eq!(view.change_more, None);
    let holiday = view_at(&Config::announced(), Lang::Da, "2027-01-01T12:00:00+01:00");
    assert_eq!((holiday.change_more, holiday.special_days[0].free_note), (None, false));
}

#[test]
fn fallback_shows_the_regular_week_and_claims_no_state() {
    let view = WidgetView::fallback(&Config::announced(), Lang::Da);
    assert_eq!((view.open, view.headline, view.detail.as_deref()), (None, "\u{a0}", None));
    assert_eq!(view.name, "Den Digitale Hotline");
    assert_eq!(view.phone.href, "tel:+4570200000");
    assert_eq!(
        rows(&view.week),
        [
            "Mandag: 9.00–21.00",
            "Tirsdag: 9.00–21.00",
            "Onsdag: 9.00–21.00",
            "Torsdag: 9.00–21.00",
            "Fredag: 9.00–17.00",
            "Lørdag: Lukket",
            "Søndag: 17.00–21.00",
        ]
    );
    assert_eq!(
        groups(&view),
        ["man.–tors.: 9.00–21.00", "fre.: 9.00–17.00", "lør.: Lukket", "søn.: 17.00–21.00"]
    );
    assert_eq!((view.special_days, view.announcement, view.note), (vec![], None, None));
    let english = WidgetView::fallback(&Config::announced(), Lang::En);
    assert_eq!(english.week_groups[0].label, "Mon–Thu");
}

#[test]
fn label_attribute() {
    assert_eq!(Label::from_attribute(""), Some(Label::Full));
    assert_eq!(Label::from_attribute("full"), Some(Label::Full));
    assert_eq!(Label::from_attribute(" SHORT "), Some(Label::Short));
    assert_eq!(Label::from_attribute("none"), None);
}

#[test]
fn special_days_in_the_next_two_weeks() {
    let view = view_at(&Config::announced(), Lang::En, "2026-12-20T12:00:00+01:00");
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
    // Today's note comes first on the line; the list holds the note and both days.
    assert_eq!(change_line(&view), "Kort dag pga. kursus");
    assert_eq!(view.change_more.as_deref(), Some("+2 flere"));
}

#[test]
fn upcoming_schedule_version_is_announced_four_weeks_ahead() {
    let mut config = Config::announced();
    config
        .schedule
        .add_version("2027-04-01".parse().unwrap(), crate::rules::WeeklyHours::hotline_default());
    let soon = view_at(&config, Lang::Da, "2027-03-04T12:00:00+01:00");
    assert_eq!(soon.announcement.as_deref(), Some("Nye åbningstider fra 1. april"));
    // No special day before it: the announcement is the line.
    assert_eq!(
        (change_line(&soon).as_str(), soon.change_more),
        ("Nye åbningstider fra 1. april", None)
    );
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
