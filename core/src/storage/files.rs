//! Names of the files Communs offers for download: a learner's save
//! (`communs-sauvegarde-<pseudonym>-<date>.json`), the teacher's class file
//! (`communs-classe-<date>.json`) and the values set aside
//! (`communs-donnees-mises-de-cote-<date>.json`). Their contents come from
//! [`Store::export_profile`](super::Store::export_profile),
//! [`build_class_file`](super::build_class_file) and
//! [`quarantine_document`](super::quarantine_document); the app passes in
//! today's date (local time, `aaaa-mm-jj`) and does the download.

/// A file name part from a pseudonym: [`crate::text::slug`] (ASCII
/// lowercase, accents folded, so the name survives every file system and ZIP
/// tool); « profil » when nothing is left (« Léa Martin » → « lea-martin »).
pub fn file_slug(pseudonym: &str) -> String {
    let slug = crate::text::slug(pseudonym);
    if slug.is_empty() {
        "profil".into()
    } else {
        slug
    }
}

/// The name of a learner's save file.
pub fn export_file_name(pseudonym: &str, today: &str) -> String {
    format!("communs-sauvegarde-{}-{today}.json", file_slug(pseudonym))
}

/// The name of the teacher's class file.
pub fn class_file_name(today: &str) -> String {
    format!("communs-classe-{today}.json")
}

/// The name of the file of values set aside.
pub fn quarantine_file_name(today: &str) -> String {
    format!("communs-donnees-mises-de-cote-{today}.json")
}
