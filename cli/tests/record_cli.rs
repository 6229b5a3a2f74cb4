//! The `record` command, run as a binary on the fixtures of `core`: valid
//! records and backups exit 0, every hostile file exits 1 with its reason
//! in French on stderr (never a panic), the largest hostile files included;
//! `csv` writes one table for many files; `xapi` writes statements that
//! pass the validator.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../core/tests/fixtures")
}

fn record(args: &[&str], files: &[&Path]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_record"))
        .args(args)
        .arg("--lecons")
        .arg(fixtures().join("test-lessons"))
        .args(files)
        .output()
        .expect("run record")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn refused(o: &Output, fragment: &str, what: &str) {
    let err = stderr(o);
    assert_eq!(o.status.code(), Some(1), "{what}: {err}");
    assert!(err.contains(fragment), "{what}: {err}");
    assert!(!err.contains("panicked"), "{what}: {err}");
}

#[test]
fn validate_accepts_records_and_backups() {
    let o = record(&["validate"], &[&fixtures().join("record/record-v1.json")]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains("fichier valide"), "{out}");
    assert!(out.contains("relevé Communs (format 1, écrit par Communs 0.1.0, build test)"), "{out}");
    assert!(out.contains("7 tentative(s), 6 comptée(s), 1 sur une activité inconnue de cet appareil"), "{out}");

    let o = record(&["validate"], &[&fixtures().join("record/inflated.json")]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(String::from_utf8_lossy(&o.stdout).contains("4 score(s) du fichier corrigé(s)"));

    let o = record(&["validate"], &[&fixtures().join("storage/export-v1.json")]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(String::from_utf8_lossy(&o.stdout).contains("sauvegarde de la page Profils"));
    assert!(stderr(&o).contains("Tentative n°3 invalide, ignorée."), "{}", stderr(&o));
}

#[test]
fn validate_refuses_every_hostile_fixture_in_french() {
    let cases = [
        ("bom-garbage.json", "JSON invalide ligne 1, colonne 1"),
        ("utf16.json", "ce n’est pas du texte UTF-8"),
        ("binary.bin", "ce n’est pas du texte UTF-8"),
        ("duplicate-key.json", "le champ «\u{a0}score\u{a0}» apparaît deux fois"),
        ("array-root.json", "n’est pas un objet JSON"),
        ("future-version.json", "version plus récente de Communs"),
        ("wrong-type.json", "«\u{a0}attempts[0].score\u{a0}» devrait contenir un score de 0 à 100"),
        ("huge-number.json", "nombre trop long ou trop grand"),
        ("long-number.json", "nombre trop long ou trop grand"),
        ("deep.json", "plus de 8 niveaux"),
        ("version-as-text.json", "version absente ou invalide"),
        ("no-version.json", "version absente ou invalide"),
        ("unknown-format.json", "format inconnu"),
        ("impossible-date.json", "devrait contenir une date valide"),
        ("same-attempt-twice.json", "«\u{a0}attempts[1].id\u{a0}»"),
        ("long-pseudonym.json", "un pseudonyme de 1 à 40 caractères"),
        ("empty.json", "Le fichier est vide."),
        ("trailing.json", "JSON invalide"),
    ];
    for (name, fragment) in cases {
        let o = record(&["validate"], &[&fixtures().join("record/hostile").join(name)]);
        refused(&o, fragment, name);
    }
    let o = record(&["validate"], &[&fixtures().join("record/pas-la.json")]);
    refused(&o, "fichier illisible", "a missing file");
}

#[test]
fn the_largest_hostile_files_are_refused() {
    let max = communs_core::record::MAX_RECORD_BYTES;
    let dir = std::env::temp_dir().join(format!("communs-record-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let head = br#"{"format":"communs-record","version":1,"attempts":"#.to_vec();
    let mut files: Vec<(&str, Vec<u8>, &str)> = Vec::new();
    files.push(("over.json", vec![b' '; max + 1], "Fichier trop volumineux\u{a0}: 8\u{a0}Mo au plus. Il n’a pas été lu."));
    let deep = vec![b'['; max];
    files.push(("deep.json", deep, "plus de 8 niveaux"));
    let mut string = head.clone();
    string.push(b'"');
    string.resize(max, b'a');
    files.push(("string.json", string, "texte de plus de 4096 octets"));
    let mut many = head.clone();
    many.push(b'[');
    while many.len() + 4 <= max {
        many.extend_from_slice(b"0,");
    }
    many.extend_from_slice(b"0]");
    files.push(("many.json", many, "plus de 100000 éléments"));
    for (name, bytes, fragment) in &files {
        let path = dir.join(name);
        std::fs::write(&path, bytes).unwrap();
        let o = record(&["validate"], &[&path]);
        refused(&o, fragment, name);
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn csv_makes_one_table_of_many_files() {
    let good = fixtures().join("record/record-v1.json");
    let backup = fixtures().join("storage/export-of-v2.json");
    let o = record(&["csv"], &[&good, &backup]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = String::from_utf8(o.stdout).unwrap();
    let body = text.strip_prefix('\u{feff}').expect("BOM");
    let mut r = csv::ReaderBuilder::new().delimiter(b';').from_reader(body.as_bytes());
    assert_eq!(&r.headers().unwrap()[0], "Pseudonyme");
    let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 2);
    assert_eq!(&rows[0][0], "Renard bleu");
    assert_eq!(&rows[0][1], "01/09/2026");
    // A refused file among them: the others are still in the table, exit 1.
    let o = record(&["csv"], &[&good, &fixtures().join("record/hostile/binary.bin")]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("binary.bin"), "{}", stderr(&o));
    assert_eq!(String::from_utf8(o.stdout).unwrap().matches("\r\n").count(), 2);
}

#[test]
fn xapi_writes_valid_statements() {
    let o = record(
        &["xapi", "--espace", "https://college.example.org/xapi/", "--build", "b42"],
        &[&fixtures().join("record/record-v1.json")],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("a JSON array");
    let list = v.as_array().unwrap();
    assert_eq!(list.len(), 7, "6 answers and 1 lesson done");
    assert_eq!(communs_core::record::validate_statements(&v), vec![]);
    assert!(list[0]["object"]["id"].as_str().unwrap().starts_with("https://college.example.org/xapi/lecons/"));
    assert_eq!(list[0]["context"]["extensions"]["https://college.example.org/xapi/extensions/build"], "b42");
    let o = record(&["xapi", "--espace", "pas une adresse"], &[&fixtures().join("record/record-v1.json")]);
    refused(&o, "espace de noms xAPI", "a bad namespace");
    let o = record(&["nimporte"], &[]);
    assert_eq!(o.status.code(), Some(2));
}
