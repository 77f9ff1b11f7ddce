//! The maintainers' validator command on a good and a bad config file.

use std::process::Command;

fn run(args: &[&str]) -> (i32, String, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_hotline-config")).args(args).output().unwrap();
    let text = |bytes: Vec<u8>| String::from_utf8(bytes).unwrap();
    (output.status.code().unwrap(), text(output.stdout), text(output.stderr))
}

#[test]
fn good_file_prints_the_coming_days() {
    let builtin = concat!(env!("CARGO_MANIFEST_DIR"), "/src/config/hotline.json");
    let (code, stdout, _) = run(&[builtin, "--from", "2026-12-23", "--weeks", "1"]);
    assert_eq!(code, 0);
    assert_eq!(
        stdout,
        "Den Digitale Hotline · +4570200000 · valid\n\
         2026-12-23 ons  9.00–21.00\n\
         2026-12-24 tor  lukket                  Juleaftensdag\n\
         2026-12-25 fre  lukket                  Juledag\n\
         2026-12-26 lør  lukket                  2. juledag\n\
         2026-12-27 søn  17.00–21.00\n\
         2026-12-28 man  9.00–21.00\n\
         2026-12-29 tir  9.00–21.00\n"
    );
}

#[test]
fn bad_file_lists_every_problem_and_fails() {
    let path = std::env::temp_dir().join(format!("hotline-config-bad-{}.json", std::process::id()));
    let bad = r#"{"version": 1, "name": {"da": "X", "en": "X"}, "phone": "7020",
        "weekly": {"mon": [], "tue": [], "wed": [], "thu": [], "fri": ["18:00-17:00"], "sat": [], "sun": []},
        "exceptions": [{"date": "2026-02-30", "hours": "closed"}]}"#;
    std::fs::write(&path, bad).unwrap();
    let (code, stdout, stderr) = run(&[path.to_str().unwrap()]);
    std::fs::remove_file(&path).unwrap();
    assert_eq!(code, 1);
    assert_eq!(stdout, "");
    let problems: Vec<&str> = stderr.lines().skip(1).map(str::trim).collect();
    assert_eq!(
        problems,
        [
            "phone: \"7020\" is not an E.164 number (like \"+4570200000\")",
            "weekly.fri[0]: end 17:00 is before start 18:00",
            "exceptions[0].date: \"2026-02-30\" is not a date (expected \"YYYY-MM-DD\")",
        ]
    );
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(run(&[]).0, 2);
    assert_eq!(run(&["x.json", "--weeks", "0"]).0, 2);
    assert_eq!(run(&["/nonexistent/hotline.json"]).0, 2);
}
