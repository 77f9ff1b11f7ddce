//! For the people who maintain the hosted config: validate a config file and print the coming
//! weeks day by day, or every problem with the path to its field.
//!
//! `cargo hotline-config FILE [--from YYYY-MM-DD] [--weeks N]`
//!
//! Native only: it parses with `serde_json`, which the wasm build does not have.
#![cfg_attr(target_arch = "wasm32", no_main)]
#![cfg(not(target_arch = "wasm32"))]

use std::process::ExitCode;

use std::time::SystemTime;

use chrono::{DateTime, Datelike, Days, NaiveDate, Utc};
use digital_hotline::config::Config;
use digital_hotline::rules::{Reason, zone};
use digital_hotline::ui::Lang;

const USAGE: &str = "usage: hotline-config FILE [--from YYYY-MM-DD] [--weeks N]

Validates a digital-hotline config file. When it is valid, prints the hours of each day from
--from (default: today in Copenhagen) for --weeks weeks (default 4); otherwise prints every
problem, one per line, and exits with status 1.";

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
            print!("{}", report(&config, options.from, options.weeks));
            ExitCode::SUCCESS
        }
        Err(errors) => {
            eprintln!("{}: {} problem(s):", options.file, errors.0.len());
            for error in &errors.0 {
                eprintln!("  {error}");
            }
            ExitCode::from(1)
        }
    }
}

struct Options {
    file: String,
    from: NaiveDate,
    weeks: u64,
}

impl Options {
    fn parse(args: &[String]) -> Option<Options> {
        let mut file = None;
        let mut from = zone::local_date(DateTime::<Utc>::from(SystemTime::now()));
        let mut weeks = 4;
        let mut args = args.iter();
        while let Some(arg) = args.next() {
            match arg.as_str() {
                "--from" => from = args.next()?.parse().ok()?,
                "--weeks" => weeks = args.next()?.parse().ok().filter(|w| (1..=60).contains(w))?,
                "-h" | "--help" => return None,
                _ if file.is_none() && !arg.starts_with('-') => file = Some(arg.clone()),
                _ => return None,
            }
        }
        Some(Options { file: file?, from, weeks })
    }
}

/// The header and one line per day: date, weekday, hours, and why when not the weekday's.
fn report(config: &Config, from: NaiveDate, weeks: u64) -> String {
    let texts = Lang::Da.texts();
    let mut out = format!("{} · {} · valid\n", config.name.da, config.phone);
    for offset in 0..weeks * 7 {
        let Some(date) = from.checked_add_days(Days::new(offset)) else { break };
        let previous = date.pred_opt().unwrap_or(date);
        if config.schedule.next_version(previous).is_some_and(|version| version.from == date) {
            out.push_str("           -- new weekly hours from here --\n");
        }
        let day = config.schedule.day(date);
        let hours: Vec<String> = day
            .intervals
            .iter()
            .map(|interval| {
                format!("{}–{}", texts.clock(interval.start), texts.clock(interval.end))
            })
            .collect();
        let hours = if hours.is_empty() { "lukket".to_owned() } else { hours.join(", ") };
        let reason = match &day.reason {
            Reason::Weekday => String::new(),
            Reason::Holiday(holiday) => texts.holiday(*holiday).to_owned(),
            Reason::Exception(Some(note)) => format!("undtagelse: {}", note.da),
            Reason::Exception(None) => "undtagelse".to_owned(),
        };
        let weekday: String = texts.weekday(date.weekday()).chars().take(3).collect();
        out.push_str(format!("{date} {weekday}  {hours:<24}{reason}").trim_end());
        out.push('\n');
    }
    out
}
