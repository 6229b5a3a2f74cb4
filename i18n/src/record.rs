//! The words of the learner's record (`communs_core::record`): why a file
//! was refused ([`RecordError`]) or partly skipped ([`RecordWarning`]), the
//! rules an xAPI statement breaks ([`XapiRule`]), the headers and values of
//! the teacher's CSV ([`FrCsvWords`]), and the few fixed phrases of the
//! `record` command and the « Mes données » pages ([`RecordMsg`]). The
//! sentences are impersonal, read by pupils (import) and teachers (the
//! command, the class table) alike.

use communs_core::competency::Mastery;
use communs_core::frameworks::{self, EMI_GOALS};
use communs_core::record::{
    Assessment, CsvColumn, CsvWords, Expected, RecordData, RecordError, RecordSource, RecordWarning, XapiProblem, XapiRule,
};

use super::{french_typography, t, Text};

keys! {
    /// Fixed phrases of the record.
    pub enum RecordMsg {
        /// An attempt this build could not rescore.
        UnknownActivity,
        /// The results are not a certification.
        NotCertifying,
        /// `record validate`: the file is valid.
        Valid,
        /// `record`: how to use it.
        Usage,
        /// `record`: the lessons folder could not be read.
        LessonsUnreadable,
        /// `record`: a file could not be read.
        FileUnreadable,
        /// `record csv`: files refused, the table holds the others.
        SomeRefused,
    }
}

impl Text for RecordMsg {
    fn fr(self) -> &'static str {
        match self {
            RecordMsg::UnknownActivity => "activité inconnue de cet appareil",
            RecordMsg::NotCertifying => "positionnement estimé, non certifiant",
            RecordMsg::Valid => "fichier valide",
            RecordMsg::LessonsUnreadable => "dossier de leçons illisible",
            RecordMsg::FileUnreadable => "fichier illisible",
            RecordMsg::SomeRefused => "fichier(s) refusé(s)\u{a0}: le tableau contient les autres",
            RecordMsg::Usage => "usage\u{a0}:\n  record validate FICHIER\n  record csv FICHIER…\n  record xapi FICHIER\noptions\u{a0}: --lecons DOSSIER (lessons), --build ID (dev), --espace IRI (https://communs.invalid/xapi/), --accueil IRI (https://communs.invalid/)",
        }
    }
}

fn expected(e: Expected) -> &'static str {
    match e {
        Expected::Text => "un texte",
        Expected::Integer => "un nombre entier dans les limites",
        Expected::Date => "une date valide (entre 2000 et 2200)",
        Expected::Id => "un identifiant valide et unique",
        Expected::ContentId => "un identifiant de leçon ou d'activité (1 à 80 caractères)",
        Expected::Pseudonym => "un pseudonyme de 1 à 40 caractères",
        Expected::Response => "une réponse enregistrée lisible",
        Expected::List => "une liste",
        Expected::Object => "un objet",
        Expected::Status => "« en_cours » ou « terminee »",
        Expected::Score => "un score de 0 à 100",
    }
}

/// Why a file was refused, in words.
pub fn error(e: &RecordError) -> String {
    const NOT_RECORD: &str = "Ce fichier n'est pas un relevé ni une sauvegarde de Communs lisible";
    let raw = match e {
        RecordError::TooLarge { max_bytes } => {
            format!("Fichier trop volumineux : {}\u{a0}Mo au plus. Il n'a pas été lu.", max_bytes.div_ceil(1_000_000))
        }
        RecordError::Empty => "Le fichier est vide.".into(),
        RecordError::NotText => format!("{NOT_RECORD} : ce n'est pas du texte UTF-8 (fichier binaire ou autre encodage)."),
        RecordError::Syntax { at } => format!("{NOT_RECORD} : JSON invalide ligne {}, colonne {}.", at.line, at.column),
        RecordError::TooDeep { max, at } => {
            format!("{NOT_RECORD} : structure imbriquée sur plus de {max} niveaux (ligne {}, colonne {}).", at.line, at.column)
        }
        RecordError::TooManyItems { max, at } => {
            format!("{NOT_RECORD} : plus de {max} éléments dans une liste (ligne {}, colonne {}).", at.line, at.column)
        }
        RecordError::StringTooLong { max, at } => {
            format!("{NOT_RECORD} : texte de plus de {max} octets (ligne {}, colonne {}).", at.line, at.column)
        }
        RecordError::BadNumber { at } => {
            format!("{NOT_RECORD} : nombre trop long ou trop grand (ligne {}, colonne {}).", at.line, at.column)
        }
        RecordError::DuplicateKey { key, at } => {
            format!("{NOT_RECORD} : le champ « {key} » apparaît deux fois (ligne {}, colonne {}).", at.line, at.column)
        }
        RecordError::NotAnObject => format!("{NOT_RECORD} : le fichier n'est pas un objet JSON."),
        RecordError::UnknownFormat => format!("{NOT_RECORD} : format inconnu."),
        RecordError::FutureVersion { version } => {
            format!("Ce fichier vient d'une version plus récente de Communs (version {version} du format) : mettez Communs à jour pour l'ouvrir.")
        }
        RecordError::BadVersion => format!("{NOT_RECORD} : version absente ou invalide."),
        RecordError::BadField { path, expected: x } => {
            format!("Fichier invalide : le champ « {path} » devrait contenir {}.", expected(*x))
        }
        RecordError::TooManyAttempts { max } => format!("Fichier trop grand : {max} tentatives au plus."),
        RecordError::OtherProfile => "Ce fichier est celui d'un autre profil : rien n'a été modifié.".into(),
        RecordError::BadNamespace => "L'espace de noms xAPI doit être une adresse absolue terminée par « / ».".into(),
    };
    french_typography(&raw)
}

/// What was skipped in a backup file, in words.
pub fn warning(w: &RecordWarning) -> String {
    let raw = match w {
        RecordWarning::InvalidAttempt { n } => format!("Tentative n°{n} invalide, ignorée."),
        RecordWarning::DuplicateAttempt { n } => format!("Tentative n°{n} en double, ignorée."),
        RecordWarning::InvalidProgress { n } => format!("Progression n°{n} invalide, ignorée."),
    };
    french_typography(&raw)
}

/// A rule an xAPI statement breaks, in words, with its place.
pub fn xapi_problem(p: &XapiProblem) -> String {
    let rule = match &p.rule {
        XapiRule::NotAnObject => "un objet JSON est attendu".to_string(),
        XapiRule::NotAnArray => "une liste est attendue".into(),
        XapiRule::Missing(key) => format!("« {key} » est obligatoire"),
        XapiRule::UnknownProperty(key) => format!("« {key} » n'est pas une propriété permise ici"),
        XapiRule::Null => "valeur nulle interdite".into(),
        XapiRule::NotString => "un texte est attendu".into(),
        XapiRule::NotBool => "un booléen est attendu".into(),
        XapiRule::NotNumber => "un nombre est attendu".into(),
        XapiRule::NotIri => "une IRI absolue est attendue".into(),
        XapiRule::NotMailto => "une adresse « mailto: » est attendue".into(),
        XapiRule::NotUuid => "un UUID est attendu".into(),
        XapiRule::NotSha1 => "40 chiffres hexadécimaux sont attendus".into(),
        XapiRule::NotTimestamp => "un horodatage ISO 8601 est attendu".into(),
        XapiRule::NotDuration => "une durée ISO 8601 est attendue".into(),
        XapiRule::NotLanguageTag => "une étiquette de langue RFC 5646 est attendue".into(),
        XapiRule::BadObjectType => "« objectType » n'a pas une valeur permise ici".into(),
        XapiRule::IdentifierCount => "il faut exactement un identifiant (mbox, mbox_sha1sum, openid ou account)".into(),
        XapiRule::AnonymousGroupWithoutMembers => "un groupe anonyme doit lister ses membres".into(),
        XapiRule::GroupInGroup => "un groupe ne peut pas contenir de groupe".into(),
        XapiRule::ScaledOutOfRange => "« scaled » doit être entre -1 et 1".into(),
        XapiRule::RawOutOfRange => "« raw » doit être entre « min » et « max », et « min » inférieur à « max »".into(),
        XapiRule::BadInteractionType => "type d'interaction inconnu".into(),
        XapiRule::DuplicateComponentId => "identifiant de composant en double".into(),
        XapiRule::NestedSubStatement => "une sous-déclaration ne peut pas en contenir une autre".into(),
        XapiRule::ForbiddenInSubStatement(key) => format!("« {key} » est interdit dans une sous-déclaration"),
        XapiRule::ContextNeedsActivity(key) => format!("« {key} » n'est permis que si l'objet est une activité"),
        XapiRule::BadContextActivitiesKey => "clé permise : parent, grouping, category ou other".into(),
        XapiRule::BadVersion => "la version doit commencer par « 1.0. »".into(),
    };
    let place = if p.path.is_empty() { "déclaration".to_string() } else { p.path.clone() };
    french_typography(&format!("{place} : {rule}"))
}

/// What `record validate` says of a valid file: its kind, who wrote it,
/// its attempts as this build counts them, the scores it corrected.
pub fn summary(data: &RecordData, a: &Assessment) -> String {
    let kind = match &data.source {
        RecordSource::Record { version, app_version, build } => {
            format!("relevé Communs (format {version}, écrit par Communs {app_version}, build {build})")
        }
        RecordSource::Backup { version } => format!("sauvegarde de la page Profils (format {version})"),
    };
    let raw = format!(
        "{kind} de « {} » : {} tentative(s), {} comptée(s), {} sur une activité inconnue de cet appareil ; {} score(s) du fichier corrigé(s) ; {} leçon(s) terminée(s) ; {}.",
        data.profile.pseudonym,
        data.attempts.len(),
        a.attempts.len(),
        a.unknown.len(),
        a.rescored,
        a.lessons_done.len(),
        t(RecordMsg::NotCertifying),
    );
    french_typography(&raw)
}

fn competence_title(code: &str) -> String {
    frameworks::crcn_competences().find(|c| c.code == code).map_or_else(|| code.to_string(), |c| format!("{} {}", c.code, c.title))
}

fn emi_title(code: &str) -> String {
    EMI_GOALS.iter().find(|g| g.id == code).map_or_else(|| code.to_string(), |g| format!("{} {}", g.id, g.title))
}

/// The words of the teacher's CSV, in French.
#[derive(Clone, Copy, Debug, Default)]
pub struct FrCsvWords;

impl CsvWords for FrCsvWords {
    fn header(&self, column: CsvColumn) -> String {
        let raw = match column {
            CsvColumn::Pseudonym => "Pseudonyme".to_string(),
            CsvColumn::ExportDate => "Date de l'export".into(),
            CsvColumn::LessonsDone => "Leçons terminées".into(),
            CsvColumn::AttemptsCounted => "Tentatives comptées".into(),
            CsvColumn::UnknownActivities => "Tentatives sur une activité inconnue de cet appareil".into(),
            CsvColumn::ScoresCorrected => "Scores du fichier corrigés (O/N)".into(),
            CsvColumn::CrcnLevel(code) => format!("Niveau pour la compétence {}", competence_title(code)),
            CsvColumn::CrcnScore(code) => format!("Score pour la compétence {}", competence_title(code)),
            CsvColumn::EmiMastery(code) => format!("Maîtrise de l'objectif {}", emi_title(code)),
            CsvColumn::EmiRate(code) => format!("Taux de réussite de l'objectif {code}"),
        };
        french_typography(&raw)
    }

    fn yes_no(&self, yes: bool) -> String {
        if yes { "Oui" } else { "Non" }.to_string()
    }

    fn mastery(&self, m: Mastery) -> String {
        t(m).to_string()
    }

    fn not_available(&self) -> String {
        "NA".to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::typography_problems;
    use communs_core::record::{csv_columns, Pos};

    /// One sample of every error (exhaustive: a new code does not compile
    /// until it has a sample here).
    fn all_errors() -> Vec<RecordError> {
        use RecordError as E;
        let at = Pos { line: 3, column: 14 };
        let sample = |e: &E| match e {
            E::TooLarge { .. }
            | E::Empty
            | E::NotText
            | E::Syntax { .. }
            | E::TooDeep { .. }
            | E::TooManyItems { .. }
            | E::StringTooLong { .. }
            | E::BadNumber { .. }
            | E::DuplicateKey { .. }
            | E::NotAnObject
            | E::UnknownFormat
            | E::FutureVersion { .. }
            | E::BadVersion
            | E::BadField { .. }
            | E::TooManyAttempts { .. }
            | E::OtherProfile
            | E::BadNamespace => e.clone(),
        };
        [
            E::TooLarge { max_bytes: 8_000_000 },
            E::Empty,
            E::NotText,
            E::Syntax { at },
            E::TooDeep { max: 8, at },
            E::TooManyItems { max: 100_000, at },
            E::StringTooLong { max: 4096, at },
            E::BadNumber { at },
            E::DuplicateKey { key: "score".into(), at },
            E::NotAnObject,
            E::UnknownFormat,
            E::FutureVersion { version: 2 },
            E::BadVersion,
            E::BadField { path: "attempts[3].score".into(), expected: Expected::Score },
            E::TooManyAttempts { max: 100_000 },
            E::OtherProfile,
            E::BadNamespace,
        ]
        .iter()
        .map(sample)
        .collect()
    }

    #[test]
    fn every_record_message_is_french_typography() {
        let mut texts: Vec<String> = all_errors().iter().map(error).collect();
        texts.extend(
            [
                RecordWarning::InvalidAttempt { n: 2 },
                RecordWarning::DuplicateAttempt { n: 3 },
                RecordWarning::InvalidProgress { n: 1 },
            ]
            .iter()
            .map(warning),
        );
        texts.extend(csv_columns().into_iter().map(|c| FrCsvWords.header(c)));
        let rules = [
            XapiRule::Missing("actor"),
            XapiRule::UnknownProperty("x".into()),
            XapiRule::ScaledOutOfRange,
            XapiRule::RawOutOfRange,
            XapiRule::BadContextActivitiesKey,
        ];
        texts.extend(rules.into_iter().map(|rule| xapi_problem(&XapiProblem { path: "result.score".into(), rule })));
        for x in [
            Expected::Text,
            Expected::Integer,
            Expected::Date,
            Expected::Id,
            Expected::ContentId,
            Expected::Pseudonym,
            Expected::Response,
            Expected::List,
            Expected::Object,
            Expected::Status,
            Expected::Score,
        ] {
            texts.push(error(&RecordError::BadField { path: "p".into(), expected: x }));
        }
        for text in &texts {
            assert!(typography_problems(text).is_empty(), "{text:?}: {:?}", typography_problems(text));
        }
        assert!(error(&RecordError::TooLarge { max_bytes: 8_000_000 }).contains("8\u{a0}Mo"));
        assert_eq!(
            error(&RecordError::DuplicateKey { key: "score".into(), at: Pos { line: 3, column: 14 } }),
            "Ce fichier n’est pas un relevé ni une sauvegarde de Communs lisible\u{a0}: le champ «\u{a0}score\u{a0}» apparaît deux fois (ligne 3, colonne 14)."
        );
    }
}
