//! The teacher's CSV, read back with the `csv` crate: Pix Orga's
//! conventions (BOM, `;`, CRLF, decimal comma, JJ/MM/AAAA, Oui/Non), one
//! row per record, no real-name column, and formula injection neutralised.

#[path = "record_common.rs"]
mod common;

use common::*;
use communs_core::record::{assess, csv_columns, write_csv, Assessment, RecordData};
use communs_core::response::Response;
use communs_i18n::record::FrCsvWords;

fn table(records: &[RecordData]) -> String {
    let cat = catalogue();
    let assessed: Vec<Assessment> = records.iter().map(|d| assess(d, &cat)).collect();
    let rows: Vec<(&RecordData, &Assessment)> = records.iter().zip(&assessed).collect();
    write_csv(&rows, &FrCsvWords)
}

fn read_back(text: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let body = text.strip_prefix('\u{feff}').expect("a byte-order mark first");
    let mut r = csv::ReaderBuilder::new().delimiter(b';').from_reader(body.as_bytes());
    let header = r.headers().expect("a header").iter().map(str::to_string).collect();
    let rows = r.records().map(|r| r.expect("a row").iter().map(str::to_string).collect()).collect();
    (header, rows)
}

#[test]
fn conventions_of_a_french_spreadsheet() {
    let mut edited = data("Hibou", vec![attempt("d0000001", T0, "cu-licence", 100, Response::Choices(vec![0]))]);
    edited.profile.id = communs_core::storage::ProfileId::parse("h1b0u002").unwrap();
    let text = table(&[data("Renard bleu", good_attempts()), edited]);
    assert!(text.starts_with('\u{feff}'));
    assert!(text.ends_with("\r\n"));
    assert_eq!(text.matches("\r\n").count(), 3, "a header and two rows, CRLF each");
    assert!(!text.replace("\r\n", "").contains('\n'), "no bare LF");
    let (header, rows) = read_back(&text);
    assert_eq!(header.len(), csv_columns().len());
    assert_eq!(
        header[..6],
        [
            "Pseudonyme",
            "Date de l’export",
            "Leçons terminées",
            "Tentatives comptées",
            "Tentatives sur une activité inconnue de cet appareil",
            "Scores du fichier corrigés (O/N)"
        ]
    );
    assert!(header.iter().all(|h| !h.contains("Nom") && !h.contains("Prénom")), "never a real-name column");
    let col = |name: &str| header.iter().position(|h| h.starts_with(name)).unwrap_or_else(|| panic!("{name}"));
    let r = &rows[0];
    assert_eq!(r[0], "Renard bleu");
    assert_eq!(r[1], "01/09/2026");
    assert_eq!(r[2], "1");
    assert_eq!(r[3], "6");
    assert_eq!(r[4], "1");
    assert_eq!(r[5], "Non");
    assert_eq!(r[col("Niveau pour la compétence 2.2")], "2");
    assert_eq!(r[col("Score pour la compétence 2.2")], "16");
    assert_eq!(r[col("Niveau pour la compétence 3.3")], "1");
    assert_eq!(r[col("Niveau pour la compétence 1.1")], "0");
    assert_eq!(r[col("Maîtrise de l’objectif EMI3")], "Très bonne maîtrise");
    assert_eq!(r[col("Taux de réussite de l’objectif EMI3")], "0,83");
    assert_eq!(r[col("Taux de réussite de l’objectif EMI1")], "NA");
    // The second file said 100 for a wrong answer: rescored, and said so.
    assert_eq!(rows[1][0], "Hibou");
    assert_eq!(rows[1][5], "Oui");
    assert_eq!(rows[1][col("Taux de réussite de l’objectif EMI3")], "0,00");
}

#[test]
fn cells_that_look_like_formulas_are_neutralised() {
    let names = ["=HYPERLINK(\"http://x\";\"a\")", "+33 6", "-2+3", "@SUM(A1)", "\tTab", "\rRetour", "Zoé ; \"Léa\""];
    let records: Vec<RecordData> = names.iter().map(|n| data(n, Vec::new())).collect();
    let text = table(&records);
    let (_, rows) = read_back(&text);
    let got: Vec<&str> = rows.iter().map(|r| r[0].as_str()).collect();
    assert_eq!(got, vec!["'=HYPERLINK(\"http://x\";\"a\")", "'+33 6", "'-2+3", "'@SUM(A1)", "'\tTab", "'\rRetour", "Zoé ; \"Léa\""]);
    // Every text cell of every row, whatever it holds, starts safely.
    for r in &rows {
        for c in r {
            assert!(!c.starts_with(['=', '+', '-', '@', '\t', '\r']), "{c:?}");
        }
    }
}
