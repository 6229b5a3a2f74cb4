//! The competency frameworks that lessons and activities refer to: the CRCN
//! (Cadre de référence des compétences numériques: 5 domains, 16 competences,
//! 8 levels), the cycle 4 EMI goals (Éducation aux médias et à
//! l'information: 4 goals and their 27 items) and the 5 domains of the socle
//! commun. The data is a static Rust table (no parsing cost in the browser).
//! Every piece of official wording carries a [`Verified`] flag; `Oui` names
//! the primary text ([`Source`]) it was read in, and the interface shows a
//! wording only through [`Wording`], which exists only for such text (see
//! [`CrcnCompetence::shown_title`] and its siblings). Each CRCN competence
//! also has a `description` written in our own words for pupils (« tu »).
//! EMI ids (`EMI3.2`) are the app's own, not the programme's (its items have
//! no numbers): an id is never given to another item; ids that were moved or
//! removed stay readable through [`EMI_ALIASES`], resolved here only
//! ([`emi`]). The mastery model built on these tables lives in
//! [`crate::competency`].

/// A primary text in which official wording was read, word for word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    /// Programme du cycle 4 en vigueur à la rentrée 2020 (d'après le BOEN
    /// n° 31 du 30 juillet 2020, PDF Éduscol), part « Éducation aux médias et
    /// à l'information », pp. 138–139 (its wording is that of 2015, kept).
    ProgrammeCycle4Emi,
    /// BO n° 9 du 29 février 2024, programme de technologie du cycle 4,
    /// boxes « Liens avec le CRCN »: an official text that names the CRCN
    /// domains and competences (only the wording it gives word for word
    /// counts; it is loose elsewhere).
    ProgrammeTechnologieCycle4,
    /// Code de l'éducation, annex of article D121-1 (Légifrance
    /// LEGIARTI000045059270), read in a Légifrance mirror up to domain 1,
    /// competence 1.1 only (by the verification of
    /// `shared/reference/crcn-emi-verification.md`, not re-read since).
    AnnexeD121_1,
}

impl Source {
    /// How the source is cited (docs, tests, teacher notes).
    pub fn citation(self) -> &'static str {
        match self {
            Source::ProgrammeCycle4Emi => {
                "Programme du cycle 4, BOEN n° 31 du 30 juillet 2020, « Éducation aux médias et à l'information », pp. 138–139"
            }
            Source::ProgrammeTechnologieCycle4 => {
                "BO n° 9 du 29 février 2024, programme de technologie du cycle 4, « Liens avec le CRCN »"
            }
            Source::AnnexeD121_1 => "Code de l'éducation, annexe de l'article D121-1 (LEGIARTI000045059270)",
        }
    }
}

/// Whether a piece of wording was checked against a primary text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verified {
    /// Read word for word in this primary text.
    Oui(Source),
    /// Partly checked (e.g. the beginning of the sentence only).
    Partiel,
    /// Not read in a primary text (found only in secondary sources, or
    /// recalled): never shown as official wording.
    Non,
}

/// Official wording that may be shown, with the primary text it was read
/// in. Only [`Verified::wording`] makes one (the fields are private), so an
/// interface that shows framework wording through this type shows verified
/// wording only.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Wording {
    text: &'static str,
    source: Source,
}

impl Wording {
    /// The wording, as written in the table.
    pub fn text(self) -> &'static str {
        self.text
    }

    /// Where it was read.
    pub fn source(self) -> Source {
        self.source
    }
}

impl Verified {
    /// `text` as showable wording, when it was read in a primary text.
    pub fn wording(self, text: &'static str) -> Option<Wording> {
        match self {
            Verified::Oui(source) => Some(Wording { text, source }),
            Verified::Partiel | Verified::Non => None,
        }
    }
}

/// A CRCN domain (`"1"` … `"5"`).
#[derive(Debug)]
pub struct CrcnDomain {
    pub code: &'static str,
    pub title: &'static str,
    pub title_verified: Verified,
    pub competences: &'static [CrcnCompetence],
}

impl CrcnDomain {
    /// The title, when it may be shown (read in a primary text).
    pub fn shown_title(&self) -> Option<Wording> {
        self.title_verified.wording(self.title)
    }
}

/// One of the 16 CRCN competences (`"1.1"` … `"5.2"`).
#[derive(Debug)]
pub struct CrcnCompetence {
    pub code: &'static str,
    pub domain: &'static str,
    /// The official title, as the reference data gives it.
    pub title: &'static str,
    /// Whether `title` was read in a primary text.
    pub title_verified: Verified,
    /// What the competence means, in our own words, for pupils (« tu »).
    pub description: &'static str,
}

impl CrcnCompetence {
    /// The title, when it may be shown (read in a primary text); the
    /// interface names the competence by its code otherwise.
    pub fn shown_title(&self) -> Option<Wording> {
        self.title_verified.wording(self.title)
    }
}

/// One of the 8 CRCN levels.
#[derive(Debug)]
pub struct CrcnLevel {
    pub level: u8,
    pub label: &'static str,
    /// The official description, where the reference data has it.
    pub text: Option<&'static str>,
    /// Whether `text` was read in a primary text (`Non` when the official
    /// text is missing).
    pub verified: Verified,
    /// What the level means, in our own words, for pupils (« tu »): only
    /// where a text to follow was found (levels 1 to 3, from a secondary
    /// source); none for levels 4 to 8.
    pub description: Option<&'static str>,
}

/// A group of two CRCN levels (Novice 1–2, Indépendant 3–4, Avancé 5–6, Expert 7–8).
#[derive(Debug)]
pub struct CrcnLevelGroup {
    pub name: &'static str,
    pub levels: [u8; 2],
}

/// An EMI goal (`"EMI1"` … `"EMI4"`): a heading of « Compétences travaillées ».
#[derive(Debug)]
pub struct EmiGoal {
    pub id: &'static str,
    pub title: &'static str,
    /// Whether `title` was read in a primary text.
    pub title_verified: Verified,
    /// The domains of the socle commun the programme gives for this goal.
    pub socle: &'static [u8],
    /// The items, in the programme's order (not in id order).
    pub items: &'static [EmiItem],
}

impl EmiGoal {
    /// The title, when it may be shown (read in a primary text).
    pub fn shown_title(&self) -> Option<Wording> {
        self.title_verified.wording(self.title)
    }
}

/// An item of an EMI goal (`"EMI3.2"`). The id is the app's own: the
/// programme does not number its items.
#[derive(Debug)]
pub struct EmiItem {
    pub id: &'static str,
    pub text: &'static str,
    pub verified: Verified,
}

impl EmiItem {
    /// The text, when it may be shown (read in a primary text).
    pub fn shown_text(&self) -> Option<Wording> {
        self.verified.wording(self.text)
    }
}

/// Why an old EMI id is an alias.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EmiAliasKind {
    /// The item exists under another id (it was filed under the wrong goal).
    Moved,
    /// The item is not part of the EMI programme: the id now counts for its
    /// goal, and the lesson compiler refuses it.
    Removed,
}

/// An EMI id the app once used and no longer lists, with what it means now.
#[derive(Debug)]
pub struct EmiAlias {
    pub old: &'static str,
    /// The current item (`Moved`) or goal (`Removed`) it stands for.
    pub new: &'static str,
    pub kind: EmiAliasKind,
    /// The old text, for the diagnostics and the docs.
    pub old_text: &'static str,
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

/// The four groups of CRCN levels, as secondary sources give them (académie
/// de Toulouse, Réseau Canopé); not read in the décret's annex.
pub const CRCN_LEVEL_GROUPS: &[CrcnLevelGroup] = &[
    CrcnLevelGroup { name: "Novice", levels: [1, 2] },
    CrcnLevelGroup { name: "Indépendant", levels: [3, 4] },
    CrcnLevelGroup { name: "Avancé", levels: [5, 6] },
    CrcnLevelGroup { name: "Expert", levels: [7, 8] },
];

/// Whether the group names and the grouping of levels by two were read in a
/// primary text: not yet, so the interface shows level numbers only.
pub const CRCN_LEVEL_GROUPS_VERIFIED: Verified = Verified::Non;

const TECHNO: Verified = Verified::Oui(Source::ProgrammeTechnologieCycle4);
const ANNEXE: Verified = Verified::Oui(Source::AnnexeD121_1);
const EMI_PROG: Verified = Verified::Oui(Source::ProgrammeCycle4Emi);

/// The 5 CRCN domains and their 16 competences (décret n° 2019-919).
/// Verified titles: domain 1 and 1.1 in the annex; the others where the 2024
/// technology programme writes them word for word (it has no 1.2, 1.3, 3.3,
/// 4.1 as such, writes « multimédias » for 3.2 and « s'insérer dans un
/// environnement numérique » for 2.4).
pub const CRCN_DOMAINS: &[CrcnDomain] = &[
    CrcnDomain {
        code: "1",
        title: "Information et données",
        title_verified: ANNEXE,
        competences: &[
            CrcnCompetence { code: "1.1", domain: "1", title: "Mener une recherche et une veille d'information", title_verified: ANNEXE, description: "Tu cherches des informations, tu vérifies d'où elles viennent et si elles sont fiables, et tu suis l'actualité d'un sujet." },
            CrcnCompetence { code: "1.2", domain: "1", title: "Gérer des données", title_verified: Verified::Non, description: "Tu ranges et tu nommes tes fichiers et tes données pour les retrouver et les garder." },
            CrcnCompetence { code: "1.3", domain: "1", title: "Traiter des données", title_verified: Verified::Non, description: "Tu utilises des données (tableaux, listes, graphiques) pour calculer, comparer et comprendre." },
        ],
    },
    CrcnDomain {
        code: "2",
        title: "Communication et collaboration",
        title_verified: TECHNO,
        competences: &[
            CrcnCompetence { code: "2.1", domain: "2", title: "Interagir", title_verified: TECHNO, description: "Tu échanges avec d'autres personnes par message ou en visio, avec le bon outil et les bons mots." },
            CrcnCompetence { code: "2.2", domain: "2", title: "Partager et publier", title_verified: TECHNO, description: "Tu partages et tu publies tes travaux, ou ceux des autres, en respectant les règles et les droits de chacun." },
            CrcnCompetence { code: "2.3", domain: "2", title: "Collaborer", title_verified: TECHNO, description: "Tu travailles à plusieurs sur un même projet ou un même document." },
            CrcnCompetence { code: "2.4", domain: "2", title: "S'insérer dans le monde numérique", title_verified: Verified::Non, description: "Tu prends soin de ton image en ligne et tu agis en citoyen responsable dans le monde numérique." },
        ],
    },
    CrcnDomain {
        code: "3",
        title: "Création de contenus",
        title_verified: TECHNO,
        competences: &[
            CrcnCompetence { code: "3.1", domain: "3", title: "Développer des documents textuels", title_verified: TECHNO, description: "Tu écris et tu mets en forme des textes, des présentations ou des pages web." },
            CrcnCompetence { code: "3.2", domain: "3", title: "Développer des documents multimédia", title_verified: Verified::Non, description: "Tu crées ou tu modifies des images, des sons et des vidéos." },
            CrcnCompetence { code: "3.3", domain: "3", title: "Adapter les documents à leur finalité", title_verified: Verified::Non, description: "Tu prépares un document pour son usage (imprimer, projeter, publier) et tu choisis ou respectes sa licence." },
            CrcnCompetence { code: "3.4", domain: "3", title: "Programmer", title_verified: TECHNO, description: "Tu écris des programmes et des algorithmes pour résoudre un problème ou faire faire une tâche à la machine." },
        ],
    },
    CrcnDomain {
        code: "4",
        title: "Protection et sécurité",
        title_verified: TECHNO,
        competences: &[
            CrcnCompetence { code: "4.1", domain: "4", title: "Sécuriser l'environnement numérique", title_verified: Verified::Non, description: "Tu protèges tes appareils, tes comptes et tes données : mots de passe, mises à jour, pièges à éviter." },
            CrcnCompetence { code: "4.2", domain: "4", title: "Protéger les données personnelles et la vie privée", title_verified: TECHNO, description: "Tu maîtrises tes traces et tu protèges ta vie privée et celle des autres." },
            CrcnCompetence { code: "4.3", domain: "4", title: "Protéger la santé, le bien-être et l'environnement", title_verified: TECHNO, description: "Tu prends soin de ta santé, de ton bien-être et de l'environnement quand tu utilises le numérique." },
        ],
    },
    CrcnDomain {
        code: "5",
        title: "Environnement numérique",
        title_verified: TECHNO,
        competences: &[
            CrcnCompetence { code: "5.1", domain: "5", title: "Résoudre des problèmes techniques", title_verified: TECHNO, description: "Tu repères et tu règles des problèmes techniques simples, ou tu sais à qui demander de l'aide." },
            CrcnCompetence { code: "5.2", domain: "5", title: "Évoluer dans un environnement numérique", title_verified: TECHNO, description: "Tu installes, règles et organises tes outils numériques pour qu'ils te conviennent." },
        ],
    },
];

/// The eight CRCN levels. The texts of levels 1 to 3 come from a secondary
/// source (académie de Toulouse, which quotes the décret); levels 4 to 8
/// were found in no readable source. None is shown as official wording.
pub const CRCN_LEVELS: &[CrcnLevel] = &[
    CrcnLevel { level: 1, label: "Novice, niveau 1", text: Some("L'individu est capable de réaliser des actions élémentaires associées aux situations les plus courantes. Il peut appliquer une procédure simple en étant guidé, et en ayant parfois recours à l'aide d'un tiers."), verified: Verified::Non, description: Some("Tu réussis des gestes simples dans les situations les plus courantes, avec un guide et parfois l'aide de quelqu'un.") },
    CrcnLevel { level: 2, label: "Novice, niveau 2", text: Some("L'individu est capable de réaliser des actions élémentaires associées aux situations les plus courantes. Il peut appliquer seul une procédure simple tant que ne survient pas de difficulté. Il cherche des solutions avec d'autres lorsqu'il est confronté à des imprévus. Il peut répondre ponctuellement à une demande d'aide."), verified: Verified::Non, description: Some("Tu réussis seul ces gestes simples tant que tout va bien. Face à un imprévu, tu cherches une solution avec d'autres.") },
    CrcnLevel { level: 3, label: "Indépendant, niveau 3", text: Some("L'individu est capable de réaliser des actions simples dans la plupart des situations courantes. Il peut élaborer de façon autonome une procédure pour accomplir une de ces actions."), verified: Verified::Non, description: Some("Tu te débrouilles seul dans la plupart des situations courantes et tu trouves toi-même comment faire.") },
    CrcnLevel { level: 4, label: "Indépendant, niveau 4", text: None, verified: Verified::Non, description: None },
    CrcnLevel { level: 5, label: "Avancé, niveau 5", text: None, verified: Verified::Non, description: None },
    CrcnLevel { level: 6, label: "Avancé, niveau 6", text: None, verified: Verified::Non, description: None },
    CrcnLevel { level: 7, label: "Expert, niveau 7", text: None, verified: Verified::Non, description: None },
    CrcnLevel { level: 8, label: "Expert, niveau 8", text: None, verified: Verified::Non, description: None },
];

/// The four goals of EMI in cycle 4 and their 27 items, in the programme's
/// order, every one read in [`Source::ProgrammeCycle4Emi`]. Ids that were
/// never given to another item: EMI1.8 and EMI1.9 moved to goal 2 (EMI2.4,
/// EMI2.5), EMI4.3 was removed (see [`EMI_ALIASES`]); new items took new
/// numbers (EMI1.10 …, EMI3.5, EMI4.6, EMI4.7).
pub const EMI_GOALS: &[EmiGoal] = &[
    EmiGoal {
        id: "EMI1",
        title: "Utiliser les médias et les informations de manière autonome",
        title_verified: EMI_PROG,
        socle: &[2],
        items: &[
            EmiItem { id: "EMI1.1", text: "Utiliser des dictionnaires et encyclopédies sur tous supports.", verified: EMI_PROG },
            EmiItem { id: "EMI1.2", text: "Utiliser des documents de vulgarisation scientifique.", verified: EMI_PROG },
            EmiItem { id: "EMI1.3", text: "Exploiter le centre de ressources comme outil de recherche de l'information.", verified: EMI_PROG },
            EmiItem { id: "EMI1.4", text: "Avoir connaissance du fonds d'ouvrages en langue étrangère ou régionale disponible au CDI et les utiliser régulièrement.", verified: EMI_PROG },
            EmiItem { id: "EMI1.5", text: "Se familiariser avec les différents modes d'expression des médias en utilisant leurs canaux de diffusion.", verified: EMI_PROG },
            EmiItem { id: "EMI1.6", text: "Utiliser les genres et les outils d'information à disposition adaptés à ses recherches.", verified: EMI_PROG },
            EmiItem { id: "EMI1.7", text: "Découvrir comment l'information est indexée et hiérarchisée, comprendre les principaux termes techniques associés.", verified: EMI_PROG },
            EmiItem { id: "EMI1.10", text: "Exploiter les modes d'organisation de l'information dans un corpus documentaire (clés du livre documentaire, rubriquage d'un périodique, arborescence d'un site).", verified: EMI_PROG },
            EmiItem { id: "EMI1.11", text: "Classer ses propres documents sur sa tablette, son espace personnel, au collège ou chez soi sur des applications mobiles ou dans le «\u{a0}nuage\u{a0}». Organiser des portefeuilles thématiques.", verified: EMI_PROG },
            EmiItem { id: "EMI1.12", text: "Acquérir une méthode de recherche exploratoire d'informations et de leur exploitation par l'utilisation avancée des moteurs de recherche.", verified: EMI_PROG },
            EmiItem { id: "EMI1.13", text: "Adopter progressivement une démarche raisonnée dans la recherche d'informations.", verified: EMI_PROG },
        ],
    },
    EmiGoal {
        id: "EMI2",
        title: "Exploiter l'information de manière raisonnée",
        title_verified: EMI_PROG,
        socle: &[1, 3, 5],
        items: &[
            EmiItem { id: "EMI2.1", text: "Distinguer les sources d'information, s'interroger sur la validité et sur la fiabilité d'une information, son degré de pertinence.", verified: EMI_PROG },
            EmiItem { id: "EMI2.2", text: "S'entraîner à distinguer une information scientifique vulgarisée d'une information pseudo-scientifique grâce à des indices textuels ou paratextuels et à la validation de la source.", verified: EMI_PROG },
            EmiItem { id: "EMI2.3", text: "Apprendre à distinguer subjectivité et objectivité dans l'étude d'un objet médiatique.", verified: EMI_PROG },
            EmiItem { id: "EMI2.4", text: "Découvrir des représentations du monde véhiculées par les médias.", verified: EMI_PROG },
            EmiItem { id: "EMI2.5", text: "S'interroger sur l'influence des médias sur la consommation et la vie démocratique.", verified: EMI_PROG },
        ],
    },
    EmiGoal {
        id: "EMI3",
        title: "Utiliser les médias de manière responsable",
        title_verified: EMI_PROG,
        socle: &[3],
        items: &[
            EmiItem { id: "EMI3.1", text: "Comprendre ce que sont l'identité et la trace numériques.", verified: EMI_PROG },
            EmiItem { id: "EMI3.2", text: "Se familiariser avec les notions d'espace privé et d'espace public.", verified: EMI_PROG },
            EmiItem { id: "EMI3.3", text: "Pouvoir se référer aux règles de base du droit d'expression et de publication en particulier sur les réseaux.", verified: EMI_PROG },
            EmiItem { id: "EMI3.4", text: "Se questionner sur les enjeux démocratiques liés à la production participative d'informations et à l'information journalistique.", verified: EMI_PROG },
            EmiItem { id: "EMI3.5", text: "S'initier à la déontologie des journalistes.", verified: EMI_PROG },
        ],
    },
    EmiGoal {
        id: "EMI4",
        title: "Produire, communiquer, partager des informations",
        title_verified: EMI_PROG,
        socle: &[1],
        items: &[
            EmiItem { id: "EMI4.1", text: "Utiliser les plates-formes collaboratives numériques pour coopérer avec les autres.", verified: EMI_PROG },
            EmiItem { id: "EMI4.2", text: "Participer à une production coopérative multimédia en prenant en compte les destinataires.", verified: EMI_PROG },
            EmiItem { id: "EMI4.5", text: "S'engager dans un projet de création et publication sur papier ou en ligne utile à une communauté d'utilisateurs dans ou hors de l'établissement qui respecte droit et éthique de l'information.", verified: EMI_PROG },
            EmiItem { id: "EMI4.4", text: "Développer des pratiques culturelles à partir d'outils de production numérique.", verified: EMI_PROG },
            EmiItem { id: "EMI4.6", text: "Distinguer la citation du plagiat.", verified: EMI_PROG },
            EmiItem { id: "EMI4.7", text: "Distinguer la simple collecte d'informations de la structuration des connaissances.", verified: EMI_PROG },
        ],
    },
];

/// Old EMI ids, still readable wherever they were stored (lesson files,
/// compiled lessons, the evidence list of `lecons/index.json`): [`emi`]
/// resolves them, so they count for what they meant.
pub const EMI_ALIASES: &[EmiAlias] = &[
    EmiAlias {
        old: "EMI1.8",
        new: "EMI2.4",
        kind: EmiAliasKind::Moved,
        old_text: "Découvrir des représentations du monde véhiculées par les médias.",
    },
    EmiAlias {
        old: "EMI1.9",
        new: "EMI2.5",
        kind: EmiAliasKind::Moved,
        old_text: "S'interroger sur l'influence des médias sur la consommation et la vie démocratique.",
    },
    EmiAlias {
        old: "EMI4.3",
        new: "EMI4",
        kind: EmiAliasKind::Removed,
        old_text: "Participer de façon constructive à des échanges oraux.",
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

/// The group name of a CRCN level, when it may be shown: only once
/// [`CRCN_LEVEL_GROUPS_VERIFIED`] names a primary text (so never today).
pub fn shown_level_group(level: u8) -> Option<Wording> {
    crcn_level_group(level).and_then(|g| CRCN_LEVEL_GROUPS_VERIFIED.wording(g.name))
}

/// What an EMI code refers to.
#[derive(Debug, Clone, Copy)]
pub enum EmiRef {
    Goal(&'static EmiGoal),
    Item(&'static EmiGoal, &'static EmiItem),
}

impl EmiRef {
    /// The goal (itself, or the item's goal).
    pub fn goal(self) -> &'static EmiGoal {
        match self {
            EmiRef::Goal(g) | EmiRef::Item(g, _) => g,
        }
    }

    /// The current id (`"EMI2.4"` for the old `"EMI1.8"`).
    pub fn id(self) -> &'static str {
        match self {
            EmiRef::Goal(g) => g.id,
            EmiRef::Item(_, it) => it.id,
        }
    }
}

/// A current goal or item id, aliases not followed.
fn emi_current(code: &str) -> Option<EmiRef> {
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

/// The alias of an old EMI id (`"EMI1.8"`), if it is one.
pub fn emi_alias(code: &str) -> Option<&'static EmiAlias> {
    EMI_ALIASES.iter().find(|a| a.old == code)
}

/// Looks up an EMI goal (`"EMI3"`) or item (`"EMI3.2"`). An old id is
/// resolved through [`EMI_ALIASES`]: `"EMI1.8"` gives the item EMI2.4,
/// `"EMI4.3"` the goal EMI4. This is the one place EMI ids are resolved.
pub fn emi(code: &str) -> Option<EmiRef> {
    emi_current(code).or_else(|| emi_alias(code).and_then(|a| emi_current(a.new)))
}

/// Whether an EMI code is known (current, or an old id with an alias).
pub fn is_emi(code: &str) -> bool {
    emi(code).is_some()
}

/// Every EMI item, goal by goal, in the programme's order.
pub fn emi_items() -> impl Iterator<Item = (&'static EmiGoal, &'static EmiItem)> {
    EMI_GOALS.iter().flat_map(|g| g.items.iter().map(move |it| (g, it)))
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
        let per_goal: Vec<usize> = EMI_GOALS.iter().map(|g| g.items.len()).collect();
        assert_eq!(per_goal, [11, 5, 5, 6], "the programme's 27 items");
        assert_eq!(SOCLE_DOMAINS.len(), 5);
        for c in crcn_competences() {
            assert!(c.code.starts_with(c.domain));
        }
        for (g, it) in emi_items() {
            assert!(it.id.starts_with(&format!("{}.", g.id)), "{} filed under {}", it.id, g.id);
        }
    }

    #[test]
    fn lookups() {
        assert_eq!(crcn_competence("2.2").map(|c| c.title), Some("Partager et publier"));
        assert!(crcn_competence("5.3").is_none());
        assert!(crcn_competence("2.2 ").is_none());
        assert!(is_emi("EMI3.2") && is_emi("EMI4") && !is_emi("EMI5") && !is_emi("EMI3.9"));
        assert!(is_emi("EMI1.8") && is_emi("EMI4.3") && !is_emi("EMI1.14") && !is_emi("emi1.8"));
        assert_eq!(emi("EMI1.8").map(EmiRef::id), Some("EMI2.4"));
        assert_eq!(emi("EMI1.9").map(|r| r.goal().id), Some("EMI2"));
        assert!(matches!(emi("EMI4.3"), Some(EmiRef::Goal(g)) if g.id == "EMI4"));
        assert_eq!(crcn_level_group(5).map(|g| g.name), Some("Avancé"));
        assert!(crcn_level_group(9).is_none());
        assert!(shown_level_group(5).is_none(), "the grouping is not verified");
        assert!(is_crcn_level(8) && !is_crcn_level(0) && !is_crcn_level(9));
    }
}
