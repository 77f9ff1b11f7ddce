//! The maintainers' validator command on a good and a bad config file, in Danish (the
//! default) and English.

use std::process::Command;

fn run(args: &[&str]) -> (i32, String, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_hotline-config")).args(args).output().unwrap();
    let text = |bytes: Vec<u8>| String::from_utf8(bytes).unwrap();
    (output.status.code().unwrap(), text(output.stdout), text(output.stderr))
}

const EXAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/public/example-config.json");

#[test]
fn good_file_prints_the_coming_days() {
    let builtin = concat!(env!("CARGO_MANIFEST_DIR"), "/src/config/hotline.json");
    let (code, stdout, _) = run(&[builtin, "--from", "2026-12-23", "--weeks", "1"]);
    assert_eq!(code, 0);
    assert_eq!(
        stdout,
        "Den Digitale Hotline · +4570200000 · gyldig\n\
         2026-12-23 ons  9.00–21.00\n\
         2026-12-24 tor  Lukket                  Juleaftensdag\n\
         2026-12-25 fre  Lukket                  Juledag\n\
         2026-12-26 lør  Lukket                  2. juledag\n\
         2026-12-27 søn  17.00–21.00\n\
         2026-12-28 man  9.00–21.00\n\
         2026-12-29 tir  9.00–21.00\n"
    );
}

#[test]
fn exceptions_and_new_hours_in_english() {
    let (code, stdout, _) = run(&[EXAMPLE, "--from", "2027-03-29", "--weeks", "1", "--lang", "en"]);
    assert_eq!(code, 0);
    assert_eq!(
        stdout,
        "The Digital Hotline · +4570200000 · valid\n\
         2027-03-29 Mon  Closed                  Easter Monday\n\
         2027-03-30 Tue  9:00–21:00\n\
         2027-03-31 Wed  9:00–21:00\n\
         \x20          -- New opening hours from 1 April --\n\
         2027-04-01 Thu  9:00–21:00\n\
         2027-04-02 Fri  9:00–19:00\n\
         2027-04-03 Sat  Closed\n\
         2027-04-04 Sun  17:00–21:00\n"
    );
}

fn bad_file(name: &str) -> std::path::PathBuf {
    let path =
        std::env::temp_dir().join(format!("hotline-config-{name}-{}.json", std::process::id()));
    let bad = r#"{"version": 1, "name": {"da": "X", "en": "X"}, "phone": "7020",
        "weekly": {"mon": [], "tue": [], "wed": [], "thu": [], "fri": ["18:00-17:00"], "sat": [], "sun": []},
        "exceptions": [{"date": "2026-02-30", "hours": "closed"}]}"#;
    std::fs::write(&path, bad).unwrap();
    path
}

#[test]
fn bad_file_lists_every_problem_in_danish_and_fails() {
    let path = bad_file("da");
    let (code, stdout, stderr) = run(&[path.to_str().unwrap()]);
    std::fs::remove_file(&path).unwrap();
    assert_eq!(code, 1);
    assert_eq!(stdout, "");
    assert!(stderr.lines().next().unwrap().ends_with(": 3 fejl:"), "{stderr}");
    let problems: Vec<&str> = stderr.lines().skip(1).map(str::trim).collect();
    assert_eq!(
        problems,
        [
            "telefonnummer: \"7020\" er ikke et dansk nummer: \"+45\" og 8 cifre (som \"+4570200000\")",
            "fredag: lukketid 17.00 ligger før åbningstid 18.00",
            "undtagelse nr. 1, dato: \"2026-02-30\" er ikke en dato (skrives \"ÅÅÅÅ-MM-DD\")",
        ]
    );
}

#[test]
fn bad_file_in_english() {
    let path = bad_file("en");
    let (code, _, stderr) = run(&[path.to_str().unwrap(), "--lang", "en"]);
    std::fs::remove_file(&path).unwrap();
    assert_eq!(code, 1);
    assert!(stderr.lines().next().unwrap().ends_with(": 3 problem(s):"), "{stderr}");
    let problems: Vec<&str> = stderr.lines().skip(1).map(str::trim).collect();
    assert_eq!(
        problems,
        [
            "phone: \"7020\" is not a Danish number: \"+45\" and 8 digits (like \"+4570200000\")",
            "weekly.fri[0]: end 17:00 is before start 18:00",
            "exceptions[0].date: \"2026-02-30\" is not a date (expected \"YYYY-MM-DD\")",
        ]
    );
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(run(&[]).0, 2);
    assert_eq!(run(&["x.json", "--weeks", "0"]).0, 2);
    assert_eq!(run(&["x.json", "--lang", "de"]).0, 2);
    assert_eq!(run(&["/nonexistent/hotline.json"]).0, 2);
}
