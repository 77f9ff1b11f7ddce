//! The corpus of malformed configs in `tests/fixtures/bad-configs/` (the browser tests load
//! the same files): each is refused, first for the reason `EXPECTED.tsv` gives.
#![cfg(not(target_arch = "wasm32"))] // parses with serde_json, native only

use std::path::Path;

use digital_hotline::config::Config;

const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/bad-configs");

fn first_problem(text: &str) -> String {
    match Config::parse(text) {
        Ok(_) => "accepted".to_owned(),
        Err(errors) => errors.0.first().map(ToString::to_string).unwrap_or_default(),
    }
}

#[test]
fn every_malformed_config_is_refused_for_its_reason() {
    let manifest = std::fs::read_to_string(Path::new(CORPUS).join("EXPECTED.tsv")).unwrap();
    let cases: Vec<(&str, &str)> = manifest
        .lines()
        .filter(|line| !line.starts_with('#') && !line.is_empty())
        .map(|line| line.split_once('\t').expect("file<TAB>expected"))
        .collect();
    assert!(cases.len() >= 40, "the corpus has {} configs", cases.len());

    let mut files: Vec<String> = std::fs::read_dir(CORPUS)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().into_string().unwrap())
        .filter(|name| name != "EXPECTED.tsv")
        .collect();
    files.sort();
    let mut listed: Vec<String> = cases.iter().map(|(file, _)| file.to_string()).collect();
    listed.sort();
    assert_eq!(files, listed, "EXPECTED.tsv lists every file");

    let wrong: Vec<String> = cases
        .iter()
        .filter_map(|(file, expected)| {
            let text = std::fs::read_to_string(Path::new(CORPUS).join(file)).unwrap();
            let problem = first_problem(&text);
            (!problem.contains(expected)).then(|| format!("{file}: {problem:?} lacks {expected:?}"))
        })
        .collect();
    assert!(wrong.is_empty(), "{wrong:#?}");
}

#[test]
fn a_five_megabyte_config_is_refused_unparsed() {
    let huge = format!("{{\"version\": 1, \"pad\": \"{}\"}}", "x".repeat(5 * 1024 * 1024));
    assert!(first_problem(&huge).contains("is too large"), "{}", first_problem(&huge));
}
