//! The words of storage: what `communs-core` reports as codes when it loads
//! stored data ([`ProblemCode`]), refuses a change or an import
//! ([`StorageError`]) or builds a class file ([`ClassProblem`]), told to
//! the learner in French with its typography. Pupils are addressed with « tu ».

use communs_core::space::{Area, AreaUsage, SpaceError, SpaceProblem, Unit};
use communs_core::storage::{ClassProblem, ProblemCode, StorageError};

use super::french_typography;
use super::Text;

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

// ------------------------------------------------------------------ areas

/// The area's name, as shown beside its usage.
pub fn area_name(area: Area) -> &'static str {
    match area {
        Area::Pupils => "Profils et réponses des élèves",
        Area::Teacher => "Espace enseignant",
        Area::Settings => "Réglages d’affichage",
    }
}

/// « 12,5 Mo », « 840 Ko » (1 Mo = 1 000 000 octets).
pub fn bytes(n: u64) -> String {
    if n >= 1_000_000 {
        let tenths = n.div_ceil(100_000);
        format!("{},{}\u{a0}Mo", tenths / 10, tenths % 10)
    } else {
        format!("{}\u{a0}Ko", crate::profiles::group_thousands(n.div_ceil(1000) as usize))
    }
}

/// An amount in an area's unit, in words: bytes for the teacher's space,
/// UTF-16 code units (two bytes each) for `localStorage`.
fn amount(area: Area, n: u64) -> String {
    match area.unit() {
        Unit::Bytes => bytes(n),
        Unit::Utf16 => bytes(n.saturating_mul(2)),
    }
}

/// « 1,2 Mo sur 250,0 Mo (0,4 %) ».
pub fn area_usage(u: &AreaUsage) -> String {
    let pm = u.per_mille();
    format!("{} sur {} ({},{}\u{a0}%)", amount(u.area, u.used), amount(u.area, u.budget), pm / 10, pm % 10)
}

/// What the browser says of the whole site (`navigator.storage.estimate()`).
pub fn browser_estimate(usage: u64, quota: u64) -> String {
    format!("Place accordée par le navigateur à ce site\u{a0}: {} utilisés sur {}.", bytes(usage), bytes(quota))
}

/// A refused change of the teacher's space or of the display settings, in
/// words that say what to export or delete (« vous » for the teacher's
/// space, « tu » for the pupils' area).
pub fn space_error(e: &SpaceError) -> String {
    let raw = match e {
        SpaceError::OverBudget { area: area @ Area::Teacher, used, budget, needed } => format!(
            "L'espace enseignant est plein : {} utilisés sur {}, il manque {}. Rien n'a été enregistré. \
             Exportez puis supprimez les fichiers gardés, images ou leçons locales dont vous n'avez plus besoin.",
            amount(*area, *used),
            amount(*area, *budget),
            amount(*area, *needed)
        ),
        SpaceError::OverBudget { area: area @ Area::Settings, budget, .. } => format!(
            "Les réglages d'affichage dépassent la place qui leur est réservée ({}) : rien n'a été enregistré. \
             Revenez aux réglages par défaut.",
            amount(*area, *budget)
        ),
        SpaceError::OverBudget { area: area @ Area::Pupils, used, budget, .. } => format!(
            "Le stockage des élèves est plein ({} utilisés sur {}) : rien n'a été enregistré. \
             Télécharge les sauvegardes, puis supprime les profils déjà sauvegardés.",
            amount(*area, *used),
            amount(*area, *budget)
        ),
        SpaceError::RecordTooLarge { max } => {
            format!(
                "Cet élément est trop volumineux pour être enregistré tel quel ({} au plus) : enregistrez-le comme fichier.",
                bytes(*max)
            )
        }
        SpaceError::FileTooLarge { max } => format!(
            "Ce fichier est trop volumineux ({} au plus) : réduisez-le (une photo en plus basse définition, par exemple).",
            bytes(*max)
        ),
        SpaceError::ReadOnly { version } => format!(
            "Cet espace enseignant a été enregistré par une version plus récente de Communs (format {version}). \
             Il n'est pas modifié : utilisez la dernière version de Communs."
        ),
        SpaceError::BadName { max } => format!("Le nom doit faire entre 1 et {max} caractères, sans doublon."),
        SpaceError::TooMany { max } => format!("Trop d'éléments dans la liste ({max} au plus)."),
        SpaceError::BadId => "Identifiant invalide.".into(),
        SpaceError::Unknown => "Cet élément n'existe pas (ou plus).".into(),
        SpaceError::BadDate => "Date invalide (horloge de l'ordinateur ?).".into(),
        SpaceError::BadSetting => "Valeur de réglage invalide.".into(),
    };
    french_typography(&raw)
}

/// What the loaders of the teacher's space and of the display settings found.
pub fn space_problem(p: &SpaceProblem) -> String {
    let raw = match p {
        SpaceProblem::Quarantined { area: Area::Settings, reason } => format!(
            "Les réglages d'affichage étaient illisibles ({reason}) : ils ont été mis de côté, pas effacés, \
             et les réglages par défaut sont utilisés."
        ),
        SpaceProblem::Quarantined { area: Area::Pupils, reason } => problem(&ProblemCode::Quarantined { reason: reason.clone() }),
        SpaceProblem::Quarantined { area: Area::Teacher, reason } => format!(
            "Une donnée illisible de l'espace enseignant a été mise de côté ({reason}) : elle n'est pas effacée et peut être téléchargée."
        ),
        SpaceProblem::ReadOnly { version } => space_error(&SpaceError::ReadOnly { version: *version }),
        SpaceProblem::RecoveredFiles { count } => format!(
            "{count} fichier(s) sans description retrouvé(s) dans l'espace enseignant : nommé(s) « fichier retrouvé », vous pouvez les renommer."
        ),
        SpaceProblem::Migrated { area, from, to } => {
            format!("{} : données mises à jour du format {from} au format {to}.", area_name(*area))
        }
    };
    french_typography(&raw)
}

keys! {
    /// The words of the storage areas shown to the teacher (« vous »).
    pub enum SpaceMsg {
        AreasTitle,
        AreasIntro,
        TeacherUnavailable,
        TeacherOpenFailed,
        TeacherBlocked,
        TeacherClosedByUpgrade,
        TeacherFull,
        TeacherWriteFailed,
        TeacherPersisted,
        TeacherNotPersisted,
        TeacherQuarantineDownload,
    }
}

impl Text for SpaceMsg {
    fn fr(self) -> &'static str {
        use SpaceMsg::*;
        match self {
            AreasTitle => "Place utilisée par espace",
            AreasIntro => "Chaque espace a sa place réservée dans ce navigateur. Quand un espace est plein, rien n’y est enregistré\u{a0}: il faut alors exporter puis supprimer ce qui ne sert plus.",
            TeacherUnavailable => "Ce navigateur ne laisse pas Communs enregistrer l’espace enseignant (navigation privée ou stockage bloqué). Vous pouvez travailler, mais vos séquences, classes et fichiers seront perdus en fermant l’onglet.",
            TeacherOpenFailed => "L’espace enseignant n’a pas pu être ouvert (base de données du navigateur en erreur ou disque plein). Vous travaillez en mémoire et ce qui était déjà enregistré n’est pas modifié. Fermez les autres onglets de Communs, libérez de la place sur le disque, puis rechargez la page.",
            TeacherBlocked => "Un autre onglet de Communs, d’une autre version, empêche d’ouvrir l’espace enseignant. Fermez les autres onglets de Communs puis rechargez cette page. En attendant, vous travaillez en mémoire et rien de ce qui était enregistré n’est perdu.",
            TeacherClosedByUpgrade => "Une version plus récente de Communs a été ouverte dans un autre onglet\u{a0}: cet onglet n’enregistre plus l’espace enseignant. Rechargez la page\u{202f}; ce qui était enregistré est conservé.",
            TeacherFull => "Le disque, ou la place que le navigateur accorde à ce site, est plein\u{a0}: rien n’a été enregistré. Exportez puis supprimez les fichiers gardés dont vous n’avez plus besoin.",
            TeacherWriteFailed => "Le navigateur a refusé un enregistrement de l’espace enseignant\u{a0}: rien n’a été modifié.",
            TeacherPersisted => "Le navigateur s’est engagé à ne pas effacer l’espace enseignant de lui-même.",
            TeacherNotPersisted => "Le navigateur peut effacer l’espace enseignant s’il manque de place\u{a0}: exportez régulièrement vos classes et séquences.",
            TeacherQuarantineDownload => "Télécharger les données mises de côté de l’espace enseignant",
        }
    }
}

#[cfg(test)]
mod space_tests {
    use super::*;
    use crate::typography_problems;

    fn all_space_errors() -> Vec<SpaceError> {
        use SpaceError as E;
        let sample = |e: &E| match e {
            E::OverBudget { .. }
            | E::RecordTooLarge { .. }
            | E::FileTooLarge { .. }
            | E::ReadOnly { .. }
            | E::BadName { .. }
            | E::TooMany { .. }
            | E::BadId
            | E::Unknown
            | E::BadDate
            | E::BadSetting => e.clone(),
        };
        let mut out: Vec<E> = Area::ALL.iter().map(|&area| E::OverBudget { area, used: 10, budget: 10, needed: 5 }).collect();
        out.extend([
            E::RecordTooLarge { max: 262_144 },
            E::FileTooLarge { max: 32_000_000 },
            E::ReadOnly { version: 2 },
            E::BadName { max: 120 },
            E::TooMany { max: 60 },
            E::BadId,
            E::Unknown,
            E::BadDate,
            E::BadSetting,
        ]);
        out.iter().map(sample).collect()
    }

    fn all_space_problems() -> Vec<SpaceProblem> {
        use SpaceProblem as P;
        let sample = |p: &P| match p {
            P::Quarantined { .. } | P::ReadOnly { .. } | P::RecoveredFiles { .. } | P::Migrated { .. } => p.clone(),
        };
        let mut out: Vec<P> = Area::ALL.iter().map(|&area| P::Quarantined { area, reason: "JSON illisible".into() }).collect();
        out.extend([P::ReadOnly { version: 2 }, P::RecoveredFiles { count: 2 }, P::Migrated { area: Area::Teacher, from: 1, to: 2 }]);
        out.iter().map(sample).collect()
    }

    #[test]
    fn every_space_code_and_key_has_typographic_words() {
        let mut texts: Vec<String> = all_space_errors().iter().map(space_error).collect();
        texts.extend(all_space_problems().iter().map(space_problem));
        texts.extend(SpaceMsg::ALL.iter().map(|m| m.fr().to_string()));
        texts.extend(Area::ALL.iter().map(|a| area_name(*a).to_string()));
        for t in &texts {
            assert!(!t.trim().is_empty());
            assert_eq!(typography_problems(t), vec![], "{t:?}");
        }
    }

    /// The refusals say what to do: export then delete (teacher, « vous »),
    /// download then delete (pupils, « tu »).
    #[test]
    fn a_refusal_over_budget_says_what_to_export_or_delete() {
        let teacher =
            space_error(&SpaceError::OverBudget { area: Area::Teacher, used: 249_000_000, budget: 250_000_000, needed: 3_500_000 });
        assert!(teacher.contains("249,0\u{a0}Mo utilisés sur 250,0\u{a0}Mo, il manque 3,5\u{a0}Mo"), "{teacher}");
        assert!(teacher.contains("Exportez puis supprimez"), "{teacher}");
        let pupils = space_error(&SpaceError::OverBudget { area: Area::Pupils, used: 4_900_000, budget: 4_995_904, needed: 10 });
        assert!(pupils.contains("9,8\u{a0}Mo utilisés sur 10,0\u{a0}Mo") && pupils.contains("Télécharge"), "{pupils}");
    }

    #[test]
    fn sizes_in_words() {
        let cases: &[(u64, &str)] = &[
            (0, "0\u{a0}Ko"),
            (1, "1\u{a0}Ko"),
            (999_999, "1\u{202f}000\u{a0}Ko"),
            (1_000_000, "1,0\u{a0}Mo"),
            (5_242_880, "5,3\u{a0}Mo"),
            (250_000_000, "250,0\u{a0}Mo"),
        ];
        for (n, want) in cases {
            assert_eq!(bytes(*n), *want, "{n}");
        }
        let u = AreaUsage { area: Area::Settings, used: 60, budget: 4096 };
        assert_eq!(area_usage(&u), "1\u{a0}Ko sur 9\u{a0}Ko (1,4\u{a0}%)");
    }
}
