//! The corpus of malformed configs in `tests/fixtures/bad-configs/` (the browser tests load
//! the same files): each is refused, first for the reason `EXPECTED.tsv` gives in English and
//! in Danish.
#![cfg(not(target_arch = "wasm32"))] // parses with serde_json, native only

use std::path::Path;

use digital_hotline::config::Config;

const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/bad-configs");

/// The first problem in English and in Danish.
fn first_problem(text: &str) -> (String, String) {
    match Config::parse(text) {
        Ok(_) => ("accepted".to_owned(), "accepted".to_owned()),
        Err(errors) => errors.0.first().map(|e| (e.english(), e.danish())).unwrap_or_default(),
    }
}

#[test]
fn every_malformed_config_is_refused_for_its_reason() {
    let manifest = std::fs::read_to_string(Path::new(CORPUS).join("EXPECTED.tsv")).unwrap();
    let cases: Vec<[&str; 3]> = manifest
        .lines()
        .filter(|line| !line.starts_with('#') && !line.is_empty())
        .map(|line| {
            let columns: Vec<&str> = line.split('\t').collect();
            columns.try_into().expect("file<TAB>English<TAB>Danish")
        })
        .collect();
    assert!(cases.len() >= 40, "the corpus has {} configs", cases.len());

    let mut files: Vec<String> = std::fs::read_dir(CORPUS)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().into_string().unwrap())
        .filter(|name| name != "EXPECTED.tsv")
        .collect();
    files.sort();
    let mut listed: Vec<String> = cases.iter().map(|[file, ..]| file.to_string()).collect();
    listed.sort();
    assert_eq!(files, listed, "EXPECTED.tsv lists every file");

    let wrong: Vec<String> = cases
        .iter()
        .filter_map(|[file, english, danish]| {
            let text = std::fs::read_to_string(Path::new(CORPUS).join(file)).unwrap();
            let (en, da) = first_problem(&text);
            let right = en.contains(english) && da.contains(danish);
            (!right).then(|| format!("{file}: {en:?} / {da:?} lacks {english:?} / {danish:?}"))
        })
        .collect();
    assert!(wrong.is_empty(), "{wrong:#?}");
}

#[test]
fn a_five_megabyte_config_is_refused_unparsed() {
    let huge = format!("{{\"version\": 1, \"pad\": \"{}\"}}", "x".repeat(5 * 1024 * 1024));
    let (english, danish) = first_problem(&huge);
    assert!(english.contains("is too large"), "{english}");
    assert!(danish.starts_with("filen er for stor"), "{danish}");
}
