//! The competency frameworks that lessons and activities refer to: the CRCN
//! (Cadre de référence des compétences numériques: 5 domains, 16 competences,
//! 8 levels in 4 groups), the cycle 4 EMI goals (Éducation aux médias et à
//! l'information: 4 goals and their items) and the 5 domains of the socle
//! commun. The data is a static Rust table (no parsing cost in the browser),
//! copied from the project's reference files (`shared/reference/crcn.json`,
//! `emi-cycle4.json`, `socle-commun.json`), with each entry's verification flag
//! carried over so the interface can say what has not been checked against
//! the official text. Titles are official and kept as they are; each CRCN
//! competence and level also has a `description` written in our own words
//! for pupils (« tu »). The mastery model built on these tables lives in
//! [`crate::competency`].

/// Whether a piece of wording was checked against an official source.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verified {
    /// Checked against an official or primary source.
    Oui,
    /// Partly checked (e.g. the beginning of the sentence only).
    Partiel,
    /// Not checked: wording recalled, to be confirmed.
    Non,
}

/// A CRCN domain (`"1"` … `"5"`).
#[derive(Debug)]
pub struct CrcnDomain {
    pub code: &'static str,
    pub title: &'static str,
    pub title_verified: Verified,
    pub competences: &'static [CrcnCompetence],
}

/// One of the 16 CRCN competences (`"1.1"` … `"5.2"`).
#[derive(Debug)]
pub struct CrcnCompetence {
    pub code: &'static str,
    pub domain: &'static str,
    /// The official title, as written in the framework.
    pub title: &'static str,
    /// Whether `title` was checked against an official source.
    pub title_verified: Verified,
    /// What the competence means, in our own words, for pupils (« tu »).
    pub description: &'static str,
}

/// One of the 8 CRCN levels.
#[derive(Debug)]
pub struct CrcnLevel {
    pub level: u8,
    pub label: &'static str,
    /// The official description, where the reference data has it.
    pub text: Option<&'static str>,
    /// Whether `text` was checked against an official source (`Non` when
    /// the official text is missing: then `description` could not be
    /// compared with it either).
    pub verified: Verified,
    /// What the level means, in our own words, for pupils (« tu »).
    pub description: &'static str,
}

/// A group of two CRCN levels (Novice 1–2, Indépendant 3–4, Avancé 5–6, Expert 7–8).
#[derive(Debug)]
pub struct CrcnLevelGroup {
    pub name: &'static str,
    pub levels: [u8; 2],
}

/// An EMI goal (`"EMI1"` … `"EMI4"`).
#[derive(Debug)]
pub struct EmiGoal {
    pub id: &'static str,
    pub title: &'static str,
    /// Whether `title` was checked against an official source.
    pub title_verified: Verified,
    pub items: &'static [EmiItem],
}

/// An item of an EMI goal (`"EMI3.2"`).
#[derive(Debug)]
pub struct EmiItem {
    pub id: &'static str,
    pub text: &'static str,
    pub verified: Verified,
}

/// A domain of the socle commun.
#[derive(Debug)]
pub struct SocleDomain {
    pub n: u8,
    /// LSU code of the domain (domain 1 has codes per component instead).
    pub lsu_code: Option<&'static str>,
    pub title: &'static str,
    pub components: &'static [SocleComponent],
}

/// A component of socle domain 1.
#[derive(Debug)]
pub struct SocleComponent {
    pub lsu_code: &'static str,
    pub title: &'static str,
}

/// Highest CRCN level.
pub const CRCN_LEVEL_MAX: u8 = 8;
/// Highest CRCN level usually aimed at in school (levels 1 to 5).
pub const CRCN_SCHOOL_LEVEL_MAX: u8 = 5;

/// The four groups of CRCN levels.
pub const CRCN_LEVEL_GROUPS: &[CrcnLevelGroup] = &[
    CrcnLevelGroup { name: "Novice", levels: [1, 2] },
    CrcnLevelGroup { name: "Indépendant", levels: [3, 4] },
    CrcnLevelGroup { name: "Avancé", levels: [5, 6] },
    CrcnLevelGroup { name: "Expert", levels: [7, 8] },
];

/// The 5 CRCN domains and their 16 competences (décret n° 2019-919).
pub const CRCN_DOMAINS: &[CrcnDomain] = &[
    CrcnDomain {
        code: "1",
        title: "Information et données",
        title_verified: Verified::Oui,
        competences: &[
            CrcnCompetence { code: "1.1", domain: "1", title: "Mener une recherche et une veille d'information", title_verified: Verified::Oui, description: "Tu cherches des informations, tu vérifies d'où elles viennent et si elles sont fiables, et tu suis l'actualité d'un sujet." },
            CrcnCompetence { code: "1.2", domain: "1", title: "Gérer des données", title_verified: Verified::Oui, description: "Tu ranges et tu nommes tes fichiers et tes données pour les retrouver et les garder." },
            CrcnCompetence { code: "1.3", domain: "1", title: "Traiter des données", title_verified: Verified::Oui, description: "Tu utilises des données (tableaux, listes, graphiques) pour calculer, comparer et comprendre." },
        ],
    },
    CrcnDomain {
        code: "2",
        title: "Communication et collaboration",
        title_verified: Verified::Oui,
        competences: &[
            CrcnCompetence { code: "2.1", domain: "2", title: "Interagir", title_verified: Verified::Oui, description: "Tu échanges avec d'autres personnes par message ou en visio, avec le bon outil et les bons mots." },
            CrcnCompetence { code: "2.2", domain: "2", title: "Partager et publier", title_verified: Verified::Oui, description: "Tu partages et tu publies tes travaux, ou ceux des autres, en respectant les règles et les droits de chacun." },
            CrcnCompetence { code: "2.3", domain: "2", title: "Collaborer", title_verified: Verified::Oui, description: "Tu travailles à plusieurs sur un même projet ou un même document." },
            CrcnCompetence { code: "2.4", domain: "2", title: "S'insérer dans le monde numérique", title_verified: Verified::Oui, description: "Tu prends soin de ton image en ligne et tu agis en citoyen responsable dans le monde numérique." },
        ],
    },
    CrcnDomain {
        code: "3",
        title: "Création de contenus",
        title_verified: Verified::Non,
        competences: &[
            CrcnCompetence { code: "3.1", domain: "3", title: "Développer des documents textuels", title_verified: Verified::Oui, description: "Tu écris et tu mets en forme des textes, des présentations ou des pages web." },
            CrcnCompetence { code: "3.2", domain: "3", title: "Développer des documents multimédia", title_verified: Verified::Oui, description: "Tu crées ou tu modifies des images, des sons et des vidéos." },
            CrcnCompetence { code: "3.3", domain: "3", title: "Adapter les documents à leur finalité", title_verified: Verified::Oui, description: "Tu prépares un document pour son usage (imprimer, projeter, publier) et tu choisis ou respectes sa licence." },
            CrcnCompetence { code: "3.4", domain: "3", title: "Programmer", title_verified: Verified::Oui, description: "Tu écris des programmes et des algorithmes pour résoudre un problème ou faire faire une tâche à la machine." },
        ],
    },
    CrcnDomain {
        code: "4",
        title: "Protection et sécurité",
        title_verified: Verified::Oui,
        competences: &[
            CrcnCompetence { code: "4.1", domain: "4", title: "Sécuriser l'environnement numérique", title_verified: Verified::Oui, description: "Tu protèges tes appareils, tes comptes et tes données : mots de passe, mises à jour, pièges à éviter." },
            CrcnCompetence { code: "4.2", domain: "4", title: "Protéger les données personnelles et la vie privée", title_verified: Verified::Oui, description: "Tu maîtrises tes traces et tu protèges ta vie privée et celle des autres." },
            CrcnCompetence { code: "4.3", domain: "4", title: "Protéger la santé, le bien-être et l'environnement", title_verified: Verified::Non, description: "Tu prends soin de ta santé, de ton bien-être et de l'environnement quand tu utilises le numérique." },
        ],
    },
    CrcnDomain {
        code: "5",
        title: "Environnement numérique",
        title_verified: Verified::Oui,
        competences: &[
            CrcnCompetence { code: "5.1", domain: "5", title: "Résoudre des problèmes techniques", title_verified: Verified::Oui, description: "Tu repères et tu règles des problèmes techniques simples, ou tu sais à qui demander de l'aide." },
            CrcnCompetence { code: "5.2", domain: "5", title: "Évoluer dans un environnement numérique", title_verified: Verified::Non, description: "Tu installes, règles et organises tes outils numériques pour qu'ils te conviennent." },
        ],
    },
];

/// Descriptions of the eight CRCN levels (label, text where the reference has one).
pub const CRCN_LEVELS: &[CrcnLevel] = &[
    CrcnLevel { level: 1, label: "Novice, niveau 1", text: Some("L'individu est capable de réaliser des actions élémentaires associées aux situations les plus courantes. Il peut appliquer une procédure simple en étant guidé, et en ayant parfois recours à l'aide d'un tiers."), verified: Verified::Oui, description: "Tu réussis des gestes simples dans les situations les plus courantes, avec un guide et parfois l'aide de quelqu'un." },
    CrcnLevel { level: 2, label: "Novice, niveau 2", text: Some("L'individu est capable de réaliser des actions élémentaires associées aux situations les plus courantes. Il peut appliquer seul une procédure simple tant que ne survient pas de difficulté. Il cherche des solutions avec d'autres lorsqu'il est confronté à des imprévus. Il peut répondre ponctuellement à une demande d'aide."), verified: Verified::Oui, description: "Tu réussis seul ces gestes simples tant que tout va bien. Face à un imprévu, tu cherches une solution avec d'autres." },
    CrcnLevel { level: 3, label: "Indépendant, niveau 3", text: Some("L'individu est capable de réaliser des actions simples dans la plupart des situations courantes. Il peut élaborer de façon autonome une procédure pour accomplir une de ces actions."), verified: Verified::Oui, description: "Tu te débrouilles seul dans la plupart des situations courantes et tu trouves toi-même comment faire." },
    CrcnLevel { level: 4, label: "Indépendant, niveau 4", text: None, verified: Verified::Non, description: "Tu agis seul dans des situations variées, tu t'adaptes quand quelque chose change et tu peux aider les autres." },
    CrcnLevel { level: 5, label: "Avancé, niveau 5", text: None, verified: Verified::Non, description: "Tu réussis des tâches plus complexes : tu choisis tes outils et tu sais expliquer ta façon de faire." },
    CrcnLevel { level: 6, label: "Avancé, niveau 6", text: None, verified: Verified::Non, description: "Tu fais face à des situations complexes et nouvelles, et tu accompagnes les autres." },
    CrcnLevel { level: 7, label: "Expert, niveau 7", text: None, verified: Verified::Non, description: "Tu maîtrises des situations complexes et tu inventes des solutions nouvelles." },
    CrcnLevel { level: 8, label: "Expert, niveau 8", text: None, verified: Verified::Non, description: "Tu fais avancer les pratiques et tu guides les autres dans les situations les plus difficiles." },
];

/// The four goals of EMI in cycle 4 and their items (BO spécial n° 11 du 26 novembre 2015).
pub const EMI_GOALS: &[EmiGoal] = &[
    EmiGoal {
        id: "EMI1",
        title: "Utiliser les médias et les informations de manière autonome",
        title_verified: Verified::Oui,
        items: &[
            EmiItem { id: "EMI1.1", text: "Utiliser des dictionnaires et encyclopédies sur tous supports.", verified: Verified::Oui },
            EmiItem { id: "EMI1.2", text: "Utiliser des documents de vulgarisation scientifique.", verified: Verified::Oui },
            EmiItem { id: "EMI1.3", text: "Exploiter le centre de ressources comme outil de recherche de l'information.", verified: Verified::Oui },
            EmiItem { id: "EMI1.4", text: "Avoir connaissance du fonds d'ouvrages en langue étrangère ou régionale disponible au CDI et les utiliser régulièrement.", verified: Verified::Oui },
            EmiItem { id: "EMI1.5", text: "Se familiariser avec les différents modes d'expression des médias en utilisant leurs canaux de diffusion.", verified: Verified::Oui },
            EmiItem { id: "EMI1.6", text: "Utiliser les genres et les outils d'information à disposition adaptés à ses recherches.", verified: Verified::Partiel },
            EmiItem { id: "EMI1.7", text: "Découvrir comment l'information est indexée et hiérarchisée, comprendre les principaux termes techniques associés.", verified: Verified::Non },
            EmiItem { id: "EMI1.8", text: "Découvrir des représentations du monde véhiculées par les médias.", verified: Verified::Non },
            EmiItem { id: "EMI1.9", text: "S'interroger sur l'influence des médias sur la consommation et la vie démocratique.", verified: Verified::Oui },
        ],
    },
    EmiGoal {
        id: "EMI2",
        title: "Exploiter l'information de manière raisonnée",
        title_verified: Verified::Non,
        items: &[
            EmiItem { id: "EMI2.1", text: "Distinguer les sources d'information, s'interroger sur la validité et sur la fiabilité d'une information, son degré de pertinence.", verified: Verified::Non },
            EmiItem { id: "EMI2.2", text: "S'entraîner à distinguer une information scientifique vulgarisée d'une information pseudo-scientifique grâce à des indices textuels ou paratextuels et à la validation de la source.", verified: Verified::Non },
            EmiItem { id: "EMI2.3", text: "Apprendre à distinguer subjectivité et objectivité dans l'étude d'un objet médiatique.", verified: Verified::Non },
        ],
    },
    EmiGoal {
        id: "EMI3",
        title: "Utiliser les médias de manière responsable",
        title_verified: Verified::Non,
        items: &[
            EmiItem { id: "EMI3.1", text: "Comprendre ce que sont l'identité et la trace numériques.", verified: Verified::Oui },
            EmiItem { id: "EMI3.2", text: "Se familiariser avec les notions d'espace privé et d'espace public.", verified: Verified::Oui },
            EmiItem { id: "EMI3.3", text: "Pouvoir se référer aux règles de base du droit d'expression et de publication en particulier sur les réseaux.", verified: Verified::Non },
            EmiItem { id: "EMI3.4", text: "Se questionner sur les enjeux démocratiques liés à la production et à la diffusion de l'information.", verified: Verified::Non },
        ],
    },
    EmiGoal {
        id: "EMI4",
        title: "Produire, communiquer, partager des informations",
        title_verified: Verified::Non,
        items: &[
            EmiItem { id: "EMI4.1", text: "Utiliser les plateformes collaboratives numériques pour coopérer avec les autres.", verified: Verified::Non },
            EmiItem { id: "EMI4.2", text: "Participer à une production coopérative multimédia en prenant en compte les destinataires.", verified: Verified::Non },
            EmiItem { id: "EMI4.3", text: "Participer de façon constructive à des échanges oraux.", verified: Verified::Non },
            EmiItem { id: "EMI4.4", text: "Développer des pratiques culturelles à partir d'outils de production numérique.", verified: Verified::Non },
            EmiItem { id: "EMI4.5", text: "S'engager dans un projet de création et publication sur papier ou en ligne utile à une communauté d'utilisateurs dans ou hors de l'établissement qui respecte droit et éthique de l'information.", verified: Verified::Partiel },
        ],
    },
];

/// The five domains of the socle commun (décret n° 2015-372), with LSU codes.
pub const SOCLE_DOMAINS: &[SocleDomain] = &[
    SocleDomain {
        n: 1,
        lsu_code: None,
        title: "Les langages pour penser et communiquer",
        components: &[
            SocleComponent {
                lsu_code: "CPD_FRA",
                title: "Comprendre, s'exprimer en utilisant la langue française à l'oral et à l'écrit",
            },
            SocleComponent {
                lsu_code: "CPD_ETR",
                title: "Comprendre, s'exprimer en utilisant une langue étrangère et, le cas échéant, une langue régionale",
            },
            SocleComponent {
                lsu_code: "CPD_SCI",
                title: "Comprendre, s'exprimer en utilisant les langages mathématiques, scientifiques et informatiques",
            },
            SocleComponent { lsu_code: "CPD_ART", title: "Comprendre, s'exprimer en utilisant les langages des arts et du corps" },
        ],
    },
    SocleDomain { n: 2, lsu_code: Some("MET_APP"), title: "Les méthodes et outils pour apprendre", components: &[] },
    SocleDomain { n: 3, lsu_code: Some("FRM_CIT"), title: "La formation de la personne et du citoyen", components: &[] },
    SocleDomain { n: 4, lsu_code: Some("SYS_NAT"), title: "Les systèmes naturels et les systèmes techniques", components: &[] },
    SocleDomain { n: 5, lsu_code: Some("REP_MND"), title: "Les représentations du monde et l'activité humaine", components: &[] },
];

/// All 16 CRCN competences, in official order.
pub fn crcn_competences() -> impl Iterator<Item = &'static CrcnCompetence> {
    CRCN_DOMAINS.iter().flat_map(|d| d.competences.iter())
}

/// The CRCN competence with this code (`"2.2"`), if it exists.
pub fn crcn_competence(code: &str) -> Option<&'static CrcnCompetence> {
    crcn_competences().find(|c| c.code == code)
}

/// The CRCN domain with this code (`"2"`), if it exists.
pub fn crcn_domain(code: &str) -> Option<&'static CrcnDomain> {
    CRCN_DOMAINS.iter().find(|d| d.code == code)
}

/// Whether `level` is a CRCN level (1 to 8).
pub fn is_crcn_level(level: i64) -> bool {
    (1..=i64::from(CRCN_LEVEL_MAX)).contains(&level)
}

/// The description of a CRCN level (1 to 8).
pub fn crcn_level(level: u8) -> Option<&'static CrcnLevel> {
    CRCN_LEVELS.iter().find(|l| l.level == level)
}

/// The group (Novice, Indépendant, Avancé, Expert) of a CRCN level.
pub fn crcn_level_group(level: u8) -> Option<&'static CrcnLevelGroup> {
    CRCN_LEVEL_GROUPS.iter().find(|g| g.levels.contains(&level))
}

/// What an EMI code refers to.
#[derive(Debug, Clone, Copy)]
pub enum EmiRef {
    Goal(&'static EmiGoal),
    Item(&'static EmiGoal, &'static EmiItem),
}

/// Looks up an EMI goal (`"EMI3"`) or item (`"EMI3.2"`).
pub fn emi(code: &str) -> Option<EmiRef> {
    for g in EMI_GOALS {
        if g.id == code {
            return Some(EmiRef::Goal(g));
        }
        if let Some(it) = g.items.iter().find(|i| i.id == code) {
            return Some(EmiRef::Item(g, it));
        }
    }
    None
}

/// Whether an EMI code is known.
pub fn is_emi(code: &str) -> bool {
    emi(code).is_some()
}

/// The socle commun domain number `n` (1 to 5).
pub fn socle_domain(n: u8) -> Option<&'static SocleDomain> {
    SOCLE_DOMAINS.iter().find(|d| d.n == n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts() {
        assert_eq!(CRCN_DOMAINS.len(), 5);
        assert_eq!(crcn_competences().count(), 16);
        assert_eq!(CRCN_LEVELS.len(), 8);
        assert_eq!(EMI_GOALS.len(), 4);
        assert_eq!(SOCLE_DOMAINS.len(), 5);
        for c in crcn_competences() {
            assert!(c.code.starts_with(c.domain));
        }
    }

    #[test]
    fn lookups() {
        assert_eq!(crcn_competence("2.2").map(|c| c.title), Some("Partager et publier"));
        assert!(crcn_competence("5.3").is_none());
        assert!(crcn_competence("2.2 ").is_none());
        assert!(is_emi("EMI3.2") && is_emi("EMI4") && !is_emi("EMI5") && !is_emi("EMI3.9"));
        assert_eq!(crcn_level_group(5).map(|g| g.name), Some("Avancé"));
        assert!(crcn_level_group(9).is_none());
        assert!(is_crcn_level(8) && !is_crcn_level(0) && !is_crcn_level(9));
    }
}
