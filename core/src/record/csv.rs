//! The teacher's table of several records, after Pix Orga's campaign
//! export so that it opens as expected in LibreOffice Calc or Excel with a
//! French locale: UTF-8 with a byte-order mark, `;` between cells, CRLF
//! line ends, decimal comma, dates `JJ/MM/AAAA`, `Oui` / `Non`. One row per
//! record: pseudonym (never a real-name column), export date, lessons done,
//! attempts counted and unknown, whether scores written in the file were
//! corrected, then a level and a score for each CRCN competence and a
//! mastery step and a success rate for each EMI goal — all from `assess`.
//! A text cell starting with `=`, `+`, `-`, `@`, a tab or a carriage return
//! gets a leading `'` so that no spreadsheet reads it as a formula
//! (pseudonyms are typed by pupils). The words (headers, Oui/Non, mastery
//! steps) come from the caller ([`CsvWords`], implemented in
//! `communs_i18n::record`); the cells are written by the `csv` crate.

use super::assess::Assessment;
use super::read::RecordData;
use super::time::date_fr;
use crate::competency::Mastery;
use crate::frameworks::{self, EMI_GOALS};

/// A column of the table, as a code (its header is in the catalogue).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CsvColumn {
    Pseudonym,
    ExportDate,
    LessonsDone,
    AttemptsCounted,
    UnknownActivities,
    ScoresCorrected,
    /// Level (0 to 8) of a CRCN competence (its code, `"1.1"`).
    CrcnLevel(&'static str),
    /// Pix-like score (0 to 64) of a CRCN competence.
    CrcnScore(&'static str),
    /// Mastery step of an EMI goal (`"EMI1"`).
    EmiMastery(&'static str),
    /// Share of the goal's activities tried that succeeded (0 to 1).
    EmiRate(&'static str),
}

/// The words of the table.
pub trait CsvWords {
    /// The header of a column.
    fn header(&self, column: CsvColumn) -> String;
    /// `Oui` or `Non`.
    fn yes_no(&self, yes: bool) -> String;
    /// A mastery step.
    fn mastery(&self, m: Mastery) -> String;
    /// What a cell says when there is no value (`NA`).
    fn not_available(&self) -> String;
}

/// Every column, in order.
pub fn csv_columns() -> Vec<CsvColumn> {
    let mut out = vec![
        CsvColumn::Pseudonym,
        CsvColumn::ExportDate,
        CsvColumn::LessonsDone,
        CsvColumn::AttemptsCounted,
        CsvColumn::UnknownActivities,
        CsvColumn::ScoresCorrected,
    ];
    for c in frameworks::crcn_competences() {
        out.push(CsvColumn::CrcnLevel(c.code));
        out.push(CsvColumn::CrcnScore(c.code));
    }
    for g in EMI_GOALS {
        out.push(CsvColumn::EmiMastery(g.id));
        out.push(CsvColumn::EmiRate(g.id));
    }
    out
}

/// A text cell that no spreadsheet takes for a formula.
pub(crate) fn neutralised(s: &str) -> String {
    match s.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{s}"),
        _ => s.to_string(),
    }
}

/// `0,67`: two decimals, decimal comma.
fn decimal_fr(num: u32, den: u32) -> String {
    let hundredths = (u64::from(num) * 100 * 2 + u64::from(den)) / (2 * u64::from(den).max(1));
    format!("{},{:02}", hundredths / 100, hundredths % 100)
}

fn cell(column: CsvColumn, data: &RecordData, a: &Assessment, words: &dyn CsvWords) -> String {
    match column {
        CsvColumn::Pseudonym => neutralised(&data.profile.pseudonym),
        CsvColumn::ExportDate => date_fr(data.exported_at),
        CsvColumn::LessonsDone => a.lessons_done.len().to_string(),
        CsvColumn::AttemptsCounted => a.attempts.len().to_string(),
        CsvColumn::UnknownActivities => a.unknown.len().to_string(),
        CsvColumn::ScoresCorrected => neutralised(&words.yes_no(a.rescored > 0)),
        CsvColumn::CrcnLevel(code) => a.profile.competence(code).map_or_else(|| words.not_available(), |c| c.level.to_string()),
        CsvColumn::CrcnScore(code) => a.profile.competence(code).map_or_else(|| words.not_available(), |c| c.score.to_string()),
        CsvColumn::EmiMastery(code) => {
            neutralised(&a.profile.emi_goal(code).map_or_else(|| words.not_available(), |g| words.mastery(g.mastery)))
        }
        CsvColumn::EmiRate(code) => match a.profile.emi_goal(code) {
            Some(g) if g.evaluated > 0 => decimal_fr(g.successes, g.evaluated),
            _ => words.not_available(),
        },
    }
}

/// The table of these assessed records, one row each, in the order given.
pub fn write_csv(rows: &[(&RecordData, &Assessment)], words: &dyn CsvWords) -> String {
    let columns = csv_columns();
    let mut w = ::csv::WriterBuilder::new()
        .delimiter(b';')
        .terminator(::csv::Terminator::CRLF)
        .quote_style(::csv::QuoteStyle::Necessary)
        .from_writer(b"\xEF\xBB\xBF".to_vec());
    let header: Vec<String> = columns.iter().map(|&c| neutralised(&words.header(c))).collect();
    // Writing to a Vec<u8> cannot fail but for the csv crate's own errors,
    // which never happen with records of the same length; keep what was written.
    let mut ok = w.write_record(&header).is_ok();
    for (data, a) in rows {
        let row: Vec<String> = columns.iter().map(|&c| cell(c, data, a, words)).collect();
        ok &= w.write_record(&row).is_ok();
    }
    let bytes = if ok { w.into_inner().unwrap_or_default() } else { Vec::new() };
    String::from_utf8(bytes).unwrap_or_default()
}
