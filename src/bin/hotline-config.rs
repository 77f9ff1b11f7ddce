//! For the people who maintain the hosted config: validate a config file and print the coming
//! weeks day by day, or every problem with the path to its field. Danish by default (whoever
//! edits the hours), `--lang en` for English; the checker page (`check.html`) says the same
//! from the same code.
//!
//! `cargo hotline-config FILE [--from YYYY-MM-DD] [--weeks N] [--lang da|en]`
//!
//! Native only: it parses with `serde_json`, which the wasm build does not have.
#![cfg_attr(target_arch = "wasm32", no_main)]
#![cfg(not(target_arch = "wasm32"))]

use std::process::ExitCode;

use std::time::SystemTime;

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use digital_hotline::config::Config;
use digital_hotline::rules::zone;
use digital_hotline::ui::Lang;
use digital_hotline::ui::listing::coming_days;

const USAGE: &str = "usage: hotline-config FILE [--from YYYY-MM-DD] [--weeks N] [--lang da|en]

Validates a digital-hotline config file. When it is valid, prints the hours of each day from
--from (default: today in Copenhagen) for --weeks weeks (default 4); otherwise prints every
problem, one per line, and exits with status 1. Messages and days are in Danish unless
--lang en.";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(options) = Options::parse(&args) else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    let text = match std::fs::read_to_string(&options.file) {
        Ok(text) => text,
        Err(error) => {
            eprintln!("{}: cannot read: {error}", options.file);
            return ExitCode::from(2);
        }
    };
    match Config::parse(&text) {
        Ok(config) => {
            print!("{}", report(&config, options.from, options.weeks, options.lang));
            ExitCode::SUCCESS
        }
        Err(errors) => {
            let count = errors.0.len();
            match options.lang {
                Lang::Da => eprintln!("{}: {count} fejl:", options.file),
                Lang::En => eprintln!("{}: {count} problem(s):", options.file),
            }
            for error in &errors.0 {
                let message = match options.lang {
                    Lang::Da => error.danish(),
                    Lang::En => error.english(),
                };
                eprintln!("  {message}");
            }
            ExitCode::from(1)
        }
    }
}

struct Options {
    file: String,
    from: NaiveDate,
    weeks: u64,
    lang: Lang,
}

impl Options {
    fn parse(args: &[String]) -> Option<Options> {
        let mut file = None;
        let mut from = zone::local_date(DateTime::<Utc>::from(SystemTime::now()));
        let mut weeks = 4;
        let mut lang = Lang::Da;
        let mut args = args.iter();
        while let Some(arg) = args.next() {
            match arg.as_str() {
                "--from" => from = args.next()?.parse().ok()?,
                "--weeks" => weeks = args.next()?.parse().ok().filter(|w| (1..=60).contains(w))?,
                "--lang" => {
                    lang = match args.next()?.as_str() {
                        "da" => Lang::Da,
                        "en" => Lang::En,
                        _ => return None,
                    }
                }
                "-h" | "--help" => return None,
                _ if file.is_none() && !arg.starts_with('-') => file = Some(arg.clone()),
                _ => return None,
            }
        }
        Some(Options { file: file?, from, weeks, lang })
    }
}

/// The header and one line per day: date, weekday, hours, and why when not the weekday's.
fn report(config: &Config, from: NaiveDate, weeks: u64, lang: Lang) -> String {
    let texts = lang.texts();
    let (name, valid) = match lang {
        Lang::Da => (&config.name.da, "gyldig"),
        Lang::En => (&config.name.en, "valid"),
    };
    let mut out = format!("{name} · {} · {valid}\n", config.phone);
    for day in coming_days(config, from, weeks * 7, lang) {
        if let Some(new_hours) = &day.new_hours {
            out.push_str(&format!("           -- {new_hours} --\n"));
        }
        let weekday: String = texts.weekday(day.date.weekday()).chars().take(3).collect();
        let (date, hours) = (day.date, &day.row.hours);
        let note = day.row.note.as_deref().unwrap_or_default();
        out.push_str(format!("{date} {weekday}  {hours:<24}{note}").trim_end());
        out.push('\n');
    }
    out
}
