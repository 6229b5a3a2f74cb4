//! Messages of the learner profiles and storage area: the « Profils » page,
//! the profile badge, the storage status banner and the export reminder, and
//! the names of the avatars and colours.
//! Pupils are addressed with « tu », the teacher section with « vous ».

use communs_core::storage::{AvatarKind, Hue};

use super::{french_typography, Text};

keys! {
    /// A message of the profiles and storage area.
    pub enum ProfileMsg {
        NavProfiles,
        PageTitle,
        Intro,
        SharedWarning,
        ListTitle,
        NoProfiles,
        CurrentMarker,
        CurrentPrefix,
        Choose,
        Detail,
        Edit,
        Delete,
        ColourLabel,
        AvatarLabel,
        CreateTitle,
        PseudonymLabel,
        PseudonymHint,
        RealNameAdvice,
        ColourLegend,
        AvatarLegend,
        CreateButton,
        Created,
        Switched,
        EditTitle,
        Save,
        Cancel,
        Close,
        Saved,
        DeleteDialogText,
        DeleteConfirmLabel,
        DeleteConfirmButton,
        DeleteMismatch,
        Deleted,
        Erase,
        EraseDialogText,
        EraseConfirmButton,
        EraseMismatch,
        Erased,
        SaveTitle,
        SaveText,
        LastExportLabel,
        LastExportNever,
        ExportButton,
        ExportThis,
        ExportNoProfile,
        Exported,
        ImportTitle,
        ImportText,
        ImportLabel,
        ImportTooBig,
        ImportUnreadable,
        ImportChoose,
        StorageTitle,
        QuotaUsedLabel,
        Persisted,
        NotPersisted,
        MemoryNote,
        QuarantineTitle,
        QuarantineText,
        QuarantineDownload,
        TeacherTitle,
        TeacherText,
        TeacherFilesLabel,
        TeacherBuild,
        TeacherNoFiles,
        TeacherDone,
        TeacherNoValid,
        BannerMemoryTitle,
        BannerMemory,
        BannerOpenNewTab,
        BannerCorruptTitle,
        BannerCorrupt,
        BannerReadOnlyTitle,
        BannerFullTitle,
        BannerFull,
        BannerManageProfiles,
        BannerUnsaved,
        BannerWriteFailed,
        BannerDetails,
        ErrorFull,
        ErrorWriteFailed,
        BadgeNoProfile,
        BadgeCreate,
        ReminderTitle,
        ReminderText,
    }
}

impl Text for ProfileMsg {
    fn fr(self) -> &'static str {
        use ProfileMsg::*;
        match self {
            NavProfiles => "Profils",
            PageTitle => "Profils",
            Intro => "Un profil garde ta progression dans ce navigateur, sous un pseudonyme. Chaque élève qui utilise cet ordinateur peut avoir le sien.",
            SharedWarning => "Sur un ordinateur partagé, les profils ne sont pas protégés les uns des autres\u{a0}: toute personne qui utilise ce navigateur peut les ouvrir, les modifier ou les supprimer.",
            ListTitle => "Les profils de ce navigateur",
            NoProfiles => "Aucun profil pour l’instant\u{a0}: crée le tien ci-dessous.",
            CurrentMarker => "profil actuel",
            CurrentPrefix => "Profil actuel\u{a0}: ",
            Choose => "Choisir",
            Detail => "Détails du profil",
            Edit => "Modifier",
            Delete => "Supprimer",
            ColourLabel => "couleur",
            AvatarLabel => "avatar",
            CreateTitle => "Créer un profil",
            PseudonymLabel => "Pseudonyme",
            PseudonymHint => "Choisis un pseudonyme plutôt que ton vrai nom\u{a0}: un animal, une couleur, un mot que tu aimes (40 caractères au plus).",
            RealNameAdvice => "Ce pseudonyme ressemble à un vrai prénom suivi d’un nom\u{a0}: choisis plutôt un pseudonyme qui ne permet pas de te reconnaître.",
            ColourLegend => "Couleur",
            AvatarLegend => "Avatar",
            CreateButton => "Créer le profil",
            Created => "Profil créé, c’est maintenant le profil actuel.",
            Switched => "Profil choisi.",
            EditTitle => "Modifier le profil",
            Save => "Enregistrer",
            Cancel => "Annuler",
            Close => "Fermer",
            Saved => "Modifications enregistrées.",
            DeleteDialogText => "Toute la progression de ce profil sera effacée de ce navigateur. Exporte-la avant si tu veux la garder. Pour confirmer, recopie le pseudonyme du profil.",
            DeleteConfirmLabel => "Pseudonyme à recopier",
            DeleteConfirmButton => "Supprimer définitivement",
            DeleteMismatch => "Le pseudonyme recopié ne correspond pas\u{a0}: rien n’a été supprimé.",
            Deleted => "Le profil et sa progression ont été effacés.",
            Erase => "Effacer ma progression",
            EraseDialogText => "Toutes les réponses et l’avancement dans les leçons de ce profil seront effacés de ce navigateur\u{a0}; le profil reste, avec son pseudonyme, sa couleur et son avatar. Exporte ta progression avant si tu veux la garder. Pour confirmer, recopie le pseudonyme du profil.",
            EraseConfirmButton => "Effacer la progression",
            EraseMismatch => "Le pseudonyme recopié ne correspond pas\u{a0}: rien n’a été effacé.",
            Erased => "La progression a été effacée. Le profil est toujours là.",
            SaveTitle => "Sauvegarder ta progression",
            SaveText => "Les navigateurs et les ordinateurs de l’école effacent parfois leurs données. Télécharge une sauvegarde de temps en temps et garde le fichier (clé USB, ENT)\u{a0}: tu pourras l’importer sur un autre ordinateur.",
            LastExportLabel => "Dernière sauvegarde\u{a0}: ",
            LastExportNever => "jamais",
            ExportButton => "Télécharger ma sauvegarde",
            ExportThis => "Télécharger la sauvegarde",
            ExportNoProfile => "Choisis ou crée d’abord un profil.",
            Exported => "Sauvegarde téléchargée\u{a0}: garde ce fichier en lieu sûr.",
            ImportTitle => "Importer une sauvegarde",
            ImportText => "Les réponses du fichier s’ajoutent à celles du profil qui porte le même identifiant, ou créent ce profil\u{a0}: rien n’est remplacé.",
            ImportLabel => "Fichier de sauvegarde (.json)",
            ImportTooBig => "Ce fichier est trop volumineux pour être une sauvegarde de Communs\u{a0}: rien n’a été modifié.",
            ImportUnreadable => "Ce fichier n’a pas pu être lu\u{a0}: rien n’a été modifié.",
            ImportChoose => "Choisis d’abord un fichier.",
            StorageTitle => "Espace de stockage",
            QuotaUsedLabel => "Espace utilisé\u{a0}: ",
            Persisted => "Ce navigateur s’est engagé à ne pas effacer ces données de lui-même.",
            NotPersisted => "Ce navigateur peut effacer ces données s’il manque de place\u{a0}: pense à télécharger des sauvegardes.",
            MemoryNote => "Les données restent en mémoire seulement\u{a0}: elles seront perdues en fermant l’onglet.",
            QuarantineTitle => "Données mises de côté",
            QuarantineText => "Des données illisibles ont été trouvées dans ce navigateur. Elles n’ont pas été effacées\u{a0}: tu peux les télécharger pour les montrer à une personne qui saura les lire.",
            QuarantineDownload => "Télécharger les données mises de côté",
            TeacherTitle => "Espace enseignant",
            TeacherText => "Rassemblez les sauvegardes de vos élèves (fichiers .json) en un seul fichier de classe. Tout se passe dans ce navigateur\u{a0}: aucun fichier n’est envoyé.",
            TeacherFilesLabel => "Sauvegardes des élèves (plusieurs fichiers possibles)",
            TeacherBuild => "Créer le fichier de classe",
            TeacherNoFiles => "Choisissez d’abord au moins une sauvegarde d’élève.",
            TeacherNoValid => "Aucun de ces fichiers n’est une sauvegarde de Communs valide\u{a0}: aucun fichier de classe n’a été créé.",
            TeacherDone => "Fichier de classe téléchargé\u{a0}: ",
            BannerMemoryTitle => "Tes réponses ne seront pas gardées",
            BannerMemory => "Ce navigateur ne laisse pas Communs enregistrer de données (navigation privée, stockage désactivé ou page intégrée dans une autre). Tu peux travailler, mais tout sera perdu en fermant l’onglet.",
            BannerOpenNewTab => "Ouvrir dans un nouvel onglet",
            BannerCorruptTitle => "Des données illisibles ont été mises de côté",
            BannerCorrupt => "Au démarrage, Communs a trouvé des données qu’il ne sait pas lire. Elles n’ont pas été effacées, et le reste de la progression est intact.",
            BannerReadOnlyTitle => "Lecture seule",
            BannerFullTitle => "Stockage plein",
            BannerFull => "Il n’y a plus de place pour enregistrer\u{a0}: ta dernière action n’a pas été enregistrée et rien n’a été modifié. Télécharge ta sauvegarde, puis supprime les anciens profils déjà sauvegardés.",
            BannerManageProfiles => "Gérer les profils",
            BannerUnsaved => "Réponses en attente d’enregistrement\u{a0}: ",
            BannerWriteFailed => "Le navigateur a refusé un enregistrement\u{a0}: rien n’a été modifié.",
            BannerDetails => "Détails",
            ErrorFull => "Stockage plein\u{a0}: rien n’a été enregistré. Télécharge ta sauvegarde, puis supprime les anciens profils déjà sauvegardés.",
            ErrorWriteFailed => "Le navigateur a refusé l’enregistrement\u{a0}: rien n’a été modifié.",
            BadgeNoProfile => "Aucun profil",
            BadgeCreate => "Créer un profil",
            ReminderTitle => "Pense à ta sauvegarde",
            ReminderText => "Tu n’as pas téléchargé de sauvegarde depuis un moment\u{a0}: les ordinateurs de l’école effacent parfois leurs données.",
        }
    }
}

/// « Profil actuel : Renard », for screen readers and titles.
pub fn current_profile(pseudonym: &str) -> String {
    format!("{}{pseudonym}", ProfileMsg::CurrentPrefix.fr())
}

/// « Effacer la progression de « Renard » ? »
pub fn erase_title(pseudonym: &str) -> String {
    format!("Effacer la progression de «\u{a0}{pseudonym}\u{a0}»\u{202f}?")
}

/// « Supprimer le profil « Renard » ? »
pub fn delete_title(pseudonym: &str) -> String {
    format!("Supprimer le profil «\u{a0}{pseudonym}\u{a0}»\u{202f}?")
}

/// « Sauvegarde importée : 3 réponses ajoutées, 1 déjà présente. »
pub fn import_done(added: usize, already: usize, skipped: usize) -> String {
    let plural = |n: usize, one: &str, many: &str| if n > 1 { format!("{n} {many}") } else { format!("{n} {one}") };
    let mut s = format!(
        "Sauvegarde importée\u{a0}: {}, {}",
        plural(added, "réponse ajoutée", "réponses ajoutées"),
        plural(already, "déjà présente", "déjà présentes")
    );
    if skipped > 0 {
        s.push_str(&format!(", {}", plural(skipped, "élément invalide ignoré", "éléments invalides ignorés")));
    }
    s.push('.');
    s
}

/// « 12 Ko sur environ 10 000 Ko (0,1 %) » (UTF-16 code units count two bytes).
pub fn quota_used(used_chars: usize, quota_chars: usize) -> String {
    let ko = |chars: usize| (chars * 2).div_ceil(1000);
    let permille = if quota_chars == 0 { 1000 } else { (used_chars * 1000).div_ceil(quota_chars).min(1000) };
    format!(
        "{}\u{a0}Ko sur environ {}\u{a0}Ko ({},{}\u{a0}%)",
        group_thousands(ko(used_chars)),
        group_thousands(ko(quota_chars)),
        permille / 10,
        permille % 10
    )
}

/// « 10 000 », with a narrow no-break space between groups of three digits.
pub(crate) fn group_thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('\u{202f}');
        }
        out.push(c);
    }
    out
}

/// « fichier.json : message »
pub fn file_problem(file: &str, message: &str) -> String {
    format!("{file}\u{a0}: {}", french_typography(message))
}

/// « Fichier de classe téléchargé : 3 élèves. »
pub fn class_done(pupils: usize) -> String {
    let s = if pupils > 1 { "s" } else { "" };
    format!("{}{pupils} élève{s}.", ProfileMsg::TeacherDone.fr())
}

/// « avatar renard, couleur bleu ciel »
pub fn look(avatar: &str, colour: &str) -> String {
    format!("avatar {avatar}, couleur {colour}")
}

/// A colour of the profile palette, for screen readers.
impl Text for Hue {
    fn fr(self) -> &'static str {
        match self {
            Hue::Orange => "orange",
            Hue::SkyBlue => "bleu ciel",
            Hue::BluishGreen => "vert",
            Hue::Yellow => "jaune",
            Hue::Blue => "bleu",
            Hue::Vermillion => "vermillon",
            Hue::ReddishPurple => "rose pourpre",
            Hue::Black => "noir",
        }
    }
}

/// An avatar, as written next to its picture.
impl Text for AvatarKind {
    fn fr(self) -> &'static str {
        match self {
            AvatarKind::Fox => "renard",
            AvatarKind::Cat => "chat",
            AvatarKind::Owl => "hibou",
            AvatarKind::Turtle => "tortue",
            AvatarKind::Whale => "baleine",
            AvatarKind::Bee => "abeille",
            AvatarKind::Bear => "ours",
            AvatarKind::Rabbit => "lapin",
            AvatarKind::Snail => "escargot",
            AvatarKind::Star => "étoile",
            AvatarKind::Circle => "cercle",
            AvatarKind::Triangle => "triangle",
        }
    }
}

/// The colours of the palette, in its order.
#[cfg(test)]
pub(crate) fn all_hues() -> Vec<Hue> {
    communs_core::storage::PALETTE.iter().map(|c| c.hue).collect()
}

/// The avatars, in their order.
#[cfg(test)]
pub(crate) fn all_avatars() -> Vec<AvatarKind> {
    communs_core::storage::AVATARS.to_vec()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_in_messages() {
        assert_eq!(quota_used(6_000, 5_000_000), "12\u{a0}Ko sur environ 10\u{202f}000\u{a0}Ko (0,2\u{a0}%)");
        assert_eq!(import_done(3, 1, 0), "Sauvegarde importée\u{a0}: 3 réponses ajoutées, 1 déjà présente.");
        assert_eq!(
            file_problem("a.json", "Sauvegarde invalide : l'index « x » ?"),
            "a.json\u{a0}: Sauvegarde invalide\u{a0}: l’index «\u{a0}x\u{a0}»\u{202f}?"
        );
        assert_eq!(class_done(1), "Fichier de classe téléchargé\u{a0}: 1 élève.");
        assert_eq!(class_done(3), "Fichier de classe téléchargé\u{a0}: 3 élèves.");
    }
}
