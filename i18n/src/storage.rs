//! The words of storage: what `communs-core` reports as codes when it loads
//! stored data ([`ProblemCode`]), refuses a change or an import
//! ([`StorageError`]) or builds a class file ([`ClassProblem`]), told to
//! the learner in French with its typography. Pupils are addressed with « tu ».

use communs_core::storage::{ClassProblem, ProblemCode, StorageError};

use super::french_typography;

/// The read-only notice (data of a newer schema `format`).
fn read_only(format: u64) -> String {
    format!(
        "Ces données ont été enregistrées par une version plus récente de Communs (format {format}). \
         Elles ne sont pas modifiées : cette page est en lecture seule. Utilise la dernière version de Communs."
    )
}

/// A refused change or import, in words.
pub fn error(e: &StorageError) -> String {
    const NOT_EXPORT: &str = "Ce fichier n'est pas une sauvegarde de Communs";
    let raw = match e {
        StorageError::ReadOnly { format } => read_only(*format),
        StorageError::UnknownProfile => "Ce profil n'existe pas (ou plus).".into(),
        StorageError::PseudonymLength { max } => format!("Le pseudonyme doit faire entre 1 et {max} caractères."),
        StorageError::ProfileLimit => "Il y a déjà trop de profils dans ce navigateur.".into(),
        StorageError::UnknownLook => "Couleur ou avatar inconnu.".into(),
        StorageError::BadAttemptIds => "Identifiant de leçon ou d'activité invalide.".into(),
        StorageError::BadAttemptDate => "Date de la tentative invalide (horloge de l'ordinateur ?).".into(),
        StorageError::BadLessonId => "Identifiant de leçon invalide.".into(),
        StorageError::BadDate => "Date invalide (horloge de l'ordinateur ?).".into(),
        StorageError::ExportFailed => "Export impossible.".into(),
        StorageError::FileTooLarge { max_mb } => format!("Fichier trop volumineux ({max_mb} Mo au plus)."),
        StorageError::TooDeep => format!("{NOT_EXPORT} (structure trop imbriquée)."),
        StorageError::BadJson => format!("{NOT_EXPORT} (JSON illisible)."),
        StorageError::UnknownFormat => format!("{NOT_EXPORT} (format inconnu)."),
        StorageError::NewerExport { format } => format!(
            "Cette sauvegarde vient d'une version plus récente de Communs (format {format}) : mets Communs à jour pour l'ouvrir."
        ),
        StorageError::NoVersion => "Sauvegarde sans version valide.".into(),
        StorageError::BadProfileRecord => "Sauvegarde invalide : la fiche du profil est illisible.".into(),
        StorageError::BadProfileId => "Sauvegarde invalide : identifiant de profil incorrect.".into(),
        StorageError::BadPseudonym => "Sauvegarde invalide : pseudonyme vide ou trop long.".into(),
        StorageError::BadExportDate => "Sauvegarde invalide : date d'export incorrecte.".into(),
        StorageError::TooManyAttempts { max } => format!("Sauvegarde trop grande ({max} tentatives au plus)."),
        StorageError::ProgressTooLong => "Sauvegarde invalide : progression trop longue.".into(),
    };
    french_typography(&raw)
}

/// Something found while loading or importing, in words.
pub fn problem(p: &ProblemCode) -> String {
    let raw = match p {
        ProblemCode::ReadOnly { format } => read_only(*format),
        ProblemCode::Quarantined { reason } => {
            format!("Donnée illisible mise de côté ({reason}) : elle n'est pas effacée et peut être téléchargée.")
        }
        ProblemCode::IndexEntryDropped { n } => format!("Index : profil n°{n} illisible ou en double, mis de côté."),
        ProblemCode::RecoveredProfile { pseudonym } => {
            format!("Des données sans profil ont été retrouvées : elles sont rattachées à « {pseudonym} », que tu peux renommer.")
        }
        ProblemCode::UnreadableAttempts { count } => {
            format!("{count} tentative(s) illisible(s) mise(s) de côté ; les autres sont conservées.")
        }
        ProblemCode::UnreadableProgress => "Des entrées de progression illisibles ont été mises de côté.".into(),
        ProblemCode::Migrated { from, to } => format!("Les données ont été mises à jour du format {from} au format {to}."),
        ProblemCode::DuplicateAttempt { n } => format!("Tentative n°{n} en double, ignorée."),
        ProblemCode::InvalidAttempt { n } => format!("Tentative n°{n} invalide, ignorée."),
        ProblemCode::InvalidProgress { n } => format!("Progression n°{n} invalide, ignorée."),
        ProblemCode::SkippedTotal { count } => format!("{count} éléments invalides ignorés au total."),
        ProblemCode::PseudonymKept { file, here } => {
            format!("Le profil « {file} » porte ici le pseudonyme « {here} » : il est conservé.")
        }
    };
    french_typography(&raw)
}

/// A problem of one file of a class file, in words (without the file name).
pub fn class_problem(p: &ClassProblem) -> String {
    match p {
        ClassProblem::Rejected(e) => error(e),
        ClassProblem::Skipped { pseudonym, problem: code } => french_typography(&format!("{pseudonym} : {}", problem(code))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::typography_problems;

    /// One sample of every error: the `match` is exhaustive, so a new code
    /// does not compile until it has a sample here.
    fn all_errors() -> Vec<StorageError> {
        use StorageError as E;
        let sample = |e: &E| match e {
            E::ReadOnly { .. }
            | E::UnknownProfile
            | E::PseudonymLength { .. }
            | E::ProfileLimit
            | E::UnknownLook
            | E::BadAttemptIds
            | E::BadAttemptDate
            | E::BadLessonId
            | E::BadDate
            | E::ExportFailed
            | E::FileTooLarge { .. }
            | E::TooDeep
            | E::BadJson
            | E::UnknownFormat
            | E::NewerExport { .. }
            | E::NoVersion
            | E::BadProfileRecord
            | E::BadProfileId
            | E::BadPseudonym
            | E::BadExportDate
            | E::TooManyAttempts { .. }
            | E::ProgressTooLong => e.clone(),
        };
        [
            E::ReadOnly { format: 3 },
            E::UnknownProfile,
            E::PseudonymLength { max: 40 },
            E::ProfileLimit,
            E::UnknownLook,
            E::BadAttemptIds,
            E::BadAttemptDate,
            E::BadLessonId,
            E::BadDate,
            E::ExportFailed,
            E::FileTooLarge { max_mb: 8 },
            E::TooDeep,
            E::BadJson,
            E::UnknownFormat,
            E::NewerExport { format: 9 },
            E::NoVersion,
            E::BadProfileRecord,
            E::BadProfileId,
            E::BadPseudonym,
            E::BadExportDate,
            E::TooManyAttempts { max: 50_000 },
            E::ProgressTooLong,
        ]
        .iter()
        .map(sample)
        .collect()
    }

    /// One sample of every load or import problem (exhaustive, as above).
    fn all_problems() -> Vec<ProblemCode> {
        use ProblemCode as P;
        let sample = |p: &P| match p {
            P::ReadOnly { .. }
            | P::Quarantined { .. }
            | P::IndexEntryDropped { .. }
            | P::RecoveredProfile { .. }
            | P::UnreadableAttempts { .. }
            | P::UnreadableProgress
            | P::Migrated { .. }
            | P::DuplicateAttempt { .. }
            | P::InvalidAttempt { .. }
            | P::InvalidProgress { .. }
            | P::SkippedTotal { .. }
            | P::PseudonymKept { .. } => p.clone(),
        };
        [
            P::ReadOnly { format: 3 },
            P::Quarantined { reason: "clé inconnue".into() },
            P::IndexEntryDropped { n: 2 },
            P::RecoveredProfile { pseudonym: "Profil retrouvé 1".into() },
            P::UnreadableAttempts { count: 6 },
            P::UnreadableProgress,
            P::Migrated { from: 1, to: 2 },
            P::DuplicateAttempt { n: 4 },
            P::InvalidAttempt { n: 5 },
            P::InvalidProgress { n: 1 },
            P::SkippedTotal { count: 30 },
            P::PseudonymKept { file: "Renard".into(), here: "Renard bleu".into() },
        ]
        .iter()
        .map(sample)
        .collect()
    }

    #[test]
    fn every_code_has_typographic_words() {
        let texts: Vec<String> = all_errors().iter().map(error).chain(all_problems().iter().map(problem)).collect();
        assert_eq!(texts.len(), 22 + 12);
        for text in &texts {
            assert!(!text.is_empty());
            assert_eq!(typography_problems(text), vec![], "{text:?}");
        }
    }

    #[test]
    fn exact_texts() {
        let cases: Vec<(String, &str)> = vec![
            (error(&StorageError::UnknownProfile), "Ce profil n’existe pas (ou plus)."),
            (error(&StorageError::PseudonymLength { max: 40 }), "Le pseudonyme doit faire entre 1 et 40 caractères."),
            (error(&StorageError::BadJson), "Ce fichier n’est pas une sauvegarde de Communs (JSON illisible)."),
            (error(&StorageError::FileTooLarge { max_mb: 8 }), "Fichier trop volumineux (8 Mo au plus)."),
            (error(&StorageError::BadAttemptDate), "Date de la tentative invalide (horloge de l’ordinateur\u{202f}?)."),
            (problem(&ProblemCode::Migrated { from: 1, to: 2 }), "Les données ont été mises à jour du format 1 au format 2."),
            (
                problem(&ProblemCode::UnreadableAttempts { count: 6 }),
                "6 tentative(s) illisible(s) mise(s) de côté\u{202f}; les autres sont conservées.",
            ),
            (
                problem(&ProblemCode::Quarantined { reason: "clé inconnue".into() }),
                "Donnée illisible mise de côté (clé inconnue)\u{a0}: elle n’est pas effacée et peut être téléchargée.",
            ),
            (problem(&ProblemCode::IndexEntryDropped { n: 2 }), "Index\u{a0}: profil n°2 illisible ou en double, mis de côté."),
            (
                class_problem(&ClassProblem::Skipped { pseudonym: "Chat".into(), problem: ProblemCode::InvalidAttempt { n: 3 } }),
                "Chat\u{a0}: Tentative n°3 invalide, ignorée.",
            ),
        ];
        for (got, want) in cases {
            assert_eq!(got, want);
        }
    }
}
