//! The message catalogue of Communs: every word that the app and the
//! command-line tools show, in one place, so that a page, a CSV header and a
//! diagnostic say the same thing. It is plain Rust (no browser crate), so any
//! binary of the workspace can use it.
//!
//! A message is a key: a variant of an enum that implements [`Text`]. [`Msg`]
//! holds the frame and the simple pages, each area has its own enum in a
//! submodule (`activities`, `competences`, `lessons`, `profiles`), and the
//! codes of `communs-core` that users see in words (mastery steps,
//! audiences, avatars, colours) implement [`Text`] here too. Each language is
//! one table per area: an exhaustive `match` from key to text ([`Text::fr`]
//! today), so a key without its words does not compile; `keys!` declares an
//! area's enum and its list of keys together, so the tests walk every key in
//! every language of [`Lang::ALL`]. Messages with values are functions of the
//! area's module. French typography ([`french_typography`] to apply it,
//! [`typography_problems`] to check it) is public, for lesson checks and
//! tools. Pupils are addressed with « tu », teachers with « vous ».

/// Declares an area's message enum and its `ALL` list from one list of
/// variants, so that no key can be missing from `ALL`.
macro_rules! keys {
    ($(#[$meta:meta])* pub enum $name:ident { $($(#[$vmeta:meta])* $variant:ident),* $(,)? }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum $name {
            $($(#[$vmeta])* $variant),*
        }

        impl $name {
            /// Every key of this area, in the order of the declaration.
            pub const ALL: &'static [$name] = &[$($name::$variant),*];
        }
    };
}

pub mod activities;
pub mod competences;
pub mod diagnostics;
pub mod lessons;
pub mod profiles;
pub mod record;
pub mod storage;
mod typography;

pub use diagnostics::{diagnostic_text, duration_summary, render_diagnostic, severity_word};
pub use typography::{french_typography, typography_problems, TypographyProblem, TypographyRule};

/// A language of the catalogue. Adding one means a variant here, a method
/// next to [`Text::fr`] and one table per area with the same keys.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Lang {
    Fr,
}

impl Lang {
    /// Every language of the catalogue (the tests walk each).
    pub const ALL: &'static [Lang] = &[Lang::Fr];
}

/// The language of the interface.
pub const LANG: Lang = Lang::Fr;

/// A message of the catalogue.
pub trait Text: Copy + std::fmt::Debug + 'static {
    /// The French text (typographic apostrophes, no-break space before `:`
    /// and narrow no-break spaces before `;`, `!`, `?`).
    fn fr(self) -> &'static str;

    /// The text in `lang`.
    fn text(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Fr => self.fr(),
        }
    }
}

/// The text of a message in `lang`.
pub fn text(lang: Lang, msg: impl Text) -> &'static str {
    msg.text(lang)
}

/// The text of a message in the interface's language.
pub fn t(msg: impl Text) -> &'static str {
    msg.text(LANG)
}

/// Every variant of a `core` enum, found by following `next` from `None`:
/// `next` is an exhaustive `match`, so a new variant does not compile until
/// it is placed in the chain (then the tests walk its words).
pub(crate) fn chain<T: Copy>(next: fn(Option<T>) -> Option<T>) -> Vec<T> {
    std::iter::successors(next(None), |&v| next(Some(v))).take(1000).collect()
}

/// Every key of every area as `(name, its text in lang)`, for the
/// catalogue's own tests.
#[cfg(test)]
pub(crate) fn all_texts(lang: Lang) -> Vec<(String, &'static str)> {
    fn area<M: Text>(out: &mut Vec<(String, &'static str)>, lang: Lang, area: &str, keys: &[M]) {
        out.extend(keys.iter().map(|m| (format!("{area}::{m:?}"), m.text(lang))));
    }
    let mut out = Vec::new();
    area(&mut out, lang, "Msg", Msg::ALL);
    area(&mut out, lang, "ProfileMsg", profiles::ProfileMsg::ALL);
    area(&mut out, lang, "ActivityMsg", activities::ActivityMsg::ALL);
    area(&mut out, lang, "LessonMsg", lessons::LessonMsg::ALL);
    area(&mut out, lang, "CompetenceMsg", competences::CompetenceMsg::ALL);
    area(&mut out, lang, "SpaceMsg", storage::SpaceMsg::ALL);
    area(&mut out, lang, "RecordMsg", record::RecordMsg::ALL);
    area(&mut out, lang, "Mastery", &competences::all_mastery());
    area(&mut out, lang, "Audience", &lessons::all_audiences());
    area(&mut out, lang, "Hue", &profiles::all_hues());
    area(&mut out, lang, "AvatarKind", &profiles::all_avatars());
    out
}

keys! {
    /// A message of the frame and of the simple pages (home, about, not found).
    pub enum Msg {
        AppName,
        AppTagline,
        SkipToContent,
        MainNavigation,
        NavHome,
        NavAbout,
        FooterLicence,
        FooterPrivacy,
        HomeTitle,
        HomeIntro,
        HomeLessonsTitle,
        HomeLessonsText,
        HomeActivitiesTitle,
        HomeActivitiesText,
        HomeTrackerTitle,
        HomeTrackerText,
        HomePrivacyTitle,
        HomePrivacyText,
        HomeOfflineTitle,
        HomeOfflineText,
        HomeAboutLink,
        HomeStart,
        HomeChooseProfile,
        AboutTitle,
        AboutIntro,
        AboutPrivacyTitle,
        AboutPrivacyNoAccount,
        AboutPrivacyLocal,
        AboutPrivacyNoRequest,
        AboutPrivacyShared,
        AboutLicencesTitle,
        AboutLicencesCode,
        AboutLicencesLessons,
        AboutBrowsersTitle,
        AboutBrowsersText,
        AboutFrameworksTitle,
        AboutFrameworksText,
        NotFoundTitle,
        NotFoundText,
        NotFoundBackHome,
        PageTitleSuffix,
        PageLoadFailedTitle,
        PageLoadFailedText,
        PageLoadRetry,
    }
}

impl Text for Msg {
    fn fr(self) -> &'static str {
        match self {
            Msg::AppName => "Communs",
            Msg::AppTagline => "Apprendre les communs numériques, le droit d’auteur et les licences libres, même sans réseau.",
            Msg::SkipToContent => "Aller au contenu",
            Msg::MainNavigation => "Navigation principale",
            Msg::NavHome => "Accueil",
            Msg::NavAbout => "À propos",
            Msg::FooterLicence => "Code sous licence EUPL-1.2 · leçons sous licence CC BY-SA 4.0",
            Msg::FooterPrivacy => "Aucun compte, aucun cookie, aucune donnée envoyée : tout reste dans ce navigateur.",
            Msg::HomeTitle => "Bienvenue dans Communs",
            Msg::HomeIntro => "Communs propose des leçons courtes et des activités pour comprendre les communs numériques, le droit d’auteur, les licences Creative Commons, le droit à l’image et la publication en ligne. Tout fonctionne dans ce navigateur, même quand le réseau de l’école est lent ou coupé.",
            Msg::HomeLessonsTitle => "Des leçons à lire en classe",
            Msg::HomeLessonsText => "Chaque leçon part d’une situation concrète, explique les notions avec des mots simples et cite ses sources.",
            Msg::HomeActivitiesTitle => "Des activités qui expliquent",
            Msg::HomeActivitiesText => "Quiz, textes à trous, scénarios : chaque réponse reçoit une explication, juste ou fausse.",
            Msg::HomeTrackerTitle => "Tes compétences numériques",
            Msg::HomeTrackerText => "Tes réussites sont rattachées au CRCN, le cadre de référence des compétences numériques, et à l’éducation aux médias et à l’information.",
            Msg::HomePrivacyTitle => "Tes données restent ici",
            Msg::HomePrivacyText => "Pas de compte, pas de cookie : ta progression est enregistrée sous un pseudonyme, dans ce navigateur seulement. Tu peux l’exporter ou l’effacer quand tu veux.",
            Msg::HomeOfflineTitle => "Sans réseau",
            Msg::HomeOfflineText => "Une fois la page ouverte, Communs n’a plus besoin d’Internet.",
            Msg::HomeAboutLink => "En savoir plus sur Communs et la confidentialité",
            Msg::HomeStart => "Voir les leçons",
            Msg::HomeChooseProfile => "Choisir mon profil",
            Msg::AboutTitle => "À propos de Communs",
            Msg::AboutIntro => "Communs est un moteur de cours libre, conçu pour les écoles, les collèges et les lycées. Il fonctionne entièrement dans le navigateur : aucun serveur ne reçoit les réponses des élèves.",
            Msg::AboutPrivacyTitle => "Confidentialité",
            Msg::AboutPrivacyNoAccount => "Aucun compte n’est créé et aucun cookie n’est déposé.",
            Msg::AboutPrivacyLocal => "La progression est enregistrée dans le stockage local de ce navigateur, sous un pseudonyme choisi par l’élève.",
            Msg::AboutPrivacyNoRequest => "L’application ne contacte aucun autre site que celui qui l’héberge : pas de mesure d’audience, pas de police ni de script externe.",
            Msg::AboutPrivacyShared => "Sur un ordinateur partagé, les profils ne sont pas protégés les uns des autres : toute personne qui utilise ce navigateur peut les voir.",
            Msg::AboutLicencesTitle => "Licences",
            Msg::AboutLicencesCode => "Le code de l’application est publié sous licence EUPL-1.2, la licence libre de l’Union européenne.",
            Msg::AboutLicencesLessons => "Les leçons sont publiées sous licence Creative Commons Attribution - Partage dans les Mêmes Conditions 4.0 International (CC BY-SA 4.0) : vous pouvez les adapter et les partager en citant leurs auteurs.",
            Msg::AboutBrowsersTitle => "Navigateurs pris en charge",
            Msg::AboutBrowsersText => "Chrome et Edge 97 ou plus récents, Firefox ESR 102 ou plus récent, Safari et iPadOS 16 ou plus récents.",
            Msg::AboutFrameworksTitle => "Cadres de référence",
            Msg::AboutFrameworksText => "Les activités sont rattachées au cadre de référence des compétences numériques (CRCN) et aux objectifs de l’éducation aux médias et à l’information (EMI). Les niveaux affichés sont un positionnement estimé, non certifiant : ce n’est pas une certification Pix.",
            Msg::NotFoundTitle => "Page introuvable",
            Msg::NotFoundText => "Cette adresse ne correspond à aucune page de Communs. Le lien est peut-être incomplet, ou la page a changé de nom.",
            Msg::NotFoundBackHome => "Revenir à l’accueil",
            Msg::PageTitleSuffix => " · Communs",
            Msg::PageLoadFailedTitle => "Cette page n’a pas pu être chargée",
            Msg::PageLoadFailedText => "Une partie de l’application n’est pas arrivée : la connexion au réseau a peut-être été coupée. Vérifie ta connexion, puis réessaie. Tes réponses déjà enregistrées ne sont pas perdues.",
            Msg::PageLoadRetry => "Réessayer",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_is_written_in_every_language() {
        for &lang in Lang::ALL {
            let texts = all_texts(lang);
            assert!(texts.len() > 250, "{lang:?}: {} keys walked", texts.len());
            for (name, s) in texts {
                assert!(!s.trim().is_empty(), "{lang:?} {name} is empty");
            }
        }
    }

    #[test]
    fn french_follows_french_typography() {
        for (name, s) in all_texts(Lang::Fr) {
            assert_eq!(typography_problems(s), vec![], "{name}: {s:?}");
        }
    }

    #[test]
    fn every_key_is_listed_once() {
        let mut seen = std::collections::HashSet::new();
        for (name, _) in all_texts(Lang::Fr) {
            assert!(seen.insert(name.clone()), "{name} listed twice");
        }
    }

    #[test]
    fn keys_declares_every_variant_in_all() {
        keys! {
            /// Three keys, for this test.
            pub enum Probe { A, B, C }
        }
        assert_eq!(Probe::ALL, &[Probe::A, Probe::B, Probe::C]);
    }
}
