//! Diagnostics of the lesson compiler: a file, a position, a severity and a
//! [`DiagnosticCode`] that says what is wrong, with the values the message
//! needs. The words live in the catalogue (`communs_i18n::diagnostics`), which
//! renders a diagnostic as `lessons/x.md:12:3: erreur : message`; this module
//! holds no interface text. The codes are grouped by the area of the compiler
//! that reports them.

use serde::{Deserialize, Serialize};

use super::duration::DurationEstimate;

/// How serious a diagnostic is. Any `Erreur` fails `lessons check` and the build.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Severity {
    Erreur,
    Avertissement,
}

/// What a diagnostic reports, with the values its message shows (already
/// shortened by the compiler where the message quotes lesson text). One
/// variant per distinct message; `TomlInvalide::msg` is the TOML parser's
/// own text, passed through as it is.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum DiagnosticCode {
    // Activity blocks: type, id, keys shared by every kind (`lesson/activity.rs`).
    TypeActiviteManquantActiviteType { activitytype_names: String },
    TypeActiviteInconnuTypes { kind_raw: String, activitytype_names: String },
    IgnoreSurLigneActiviteSeul { tok: String },
    IdentifiantActiviteManquantAjouteId,
    IdentifiantActiviteInvalideMinusculesChiffres { id: String },
    QuestionManquantePourActivite { id: String },
    CrcnRefusePourActiviteElle { kind: String },
    CodeEmiInconnuEmi1Emi4 { code: String },
    ActiviteSansExplicationDisPourquoi { id: String },
    EssaisAttendNombre110 { f_text: String },
    ListeInattendueActivite { kind: String },
    ListeNumeroteeInattendueActivite { kind: String },
    FautePermiseAttendOuiNon { other: String },
    CrcnMalEcritEcrisPar { part: String },
    CompetenceActivitePasCrcnTete { r_code: String },
    CompetenceCrcnInconnue16Competences { code: String },
    NiveauCrcnInvalidePour1 { shown: String, code: String },
    NiveauPourNiveaux15 { level: String, code: String },

    // Choice activities (`lesson/activity/choices.rs`).
    ChoixUniqueExactementChoixX { n_right: String },
    ChoixMultiplesMoinsChoixX,
    ChoixSansCaseEcrisTexte,
    ChoixVide,
    ActiviteMoinsDeuxChoixAttendus { t: String, out_count: String },

    // Gap texts (`lesson/activity/gaps.rs`).
    TexteTrousTexteManquant,
    TexteTrousAccoladeNonFermee,
    TexteTrousOptionVide { inner: String },
    TexteTrousListeDoitAvoir { inner: String, stars: String },
    TexteTrousListeDoitAvoir2 { inner: String },
    TexteTrousTrouVide { inner: String },
    TexteTrousAccoladeSans,
    TexteTrousMoinsTrouAttendu,

    // The lines of an activity block and of a scenario (`lesson/activity/lines.rs`).
    CleRepetee { k: String },
    CleSansObjetPourActivite { key: String, kind: String },
    CleInconnuePourContinuerTexte { key: String },
    RetourPossibleQueSousChoix { kind: String },
    RetourSansChoixDessus,
    LigneNonReconnueAvantPremiere { cont: String },
    LigneNonReconnueAttenduCle { cont: String },
    ScoreFinInvalideNombre0 { num: String },
    ApresSeulFinPermisTrouve { nid: String, rest: String },
    IdentifiantSituationInvalideMinusculesChiffres { nid: String },
    ChoixScenarioSansCibleEcris,
    TexteSituationApresSesChoix,

    // Matching (`lesson/activity/matching.rs`).
    AppariementChaqueLigneEcritGauche,
    AppariementMoinsDeuxPairesAttendues { pairs_count: String },
    AppariementElementGaucheDouble { p_left: String },

    // Ordering (`lesson/activity/ordering.rs`).
    RemiseOrdreEcrisSeuleListe,
    RemiseOrdreMoinsDeuxElements { items_count: String },
    RemiseOrdreElementDoubleOrdre,

    // Polls and participation (`lesson/activity/participation.rs`).
    SondagePasCaseXSondage,
    SondageMoinsDeuxOptionsAttendues { options_count: String },
    MotsAttendNombre110 { f_text: String },

    // Scenarios (`lesson/activity/scenario.rs`).
    ScenarioAucuneSituationIdentifiant,
    ScenarioSituationDefinieDeuxFois { n_id: String },
    ScenarioSituationPasTexte { n_id: String },
    ScenarioFinNePeutPas { n_id: String },
    ScenarioImpasseSituationPasChoix { n_id: String },
    ScenarioCibleInconnue { c_target: String },
    ScenarioAucuneFinIdentifiantFin,
    ScenarioBoucleCeChoixRamene { id_node: String, id_t: String },
    ScenarioSituationInaccessibleDepuisDepart { r_id: String, start_id: String },

    // Short answers (`lesson/activity/short_answer.rs`).
    ReponseAccepteeVideFoisNormalisee { a: String },
    ReponseCourteMoinsReponseAcceptee,
    ReponseCourteReponsesManquanteReponses,

    // True or false (`lesson/activity/true_false.rs`).
    VraiFauxReponseAttendVrai { other: String },
    VraiFauxReponseVraiReponse,

    // Configuration files, front matter and the whole folder (`lesson/compiler.rs`).
    TomlInvalide { msg: String },
    ThemeDouble { id: String },
    ThemeIdZ09Title,
    ModuleDouble { id: String },
    ModuleThemeInconnu { id: String, theme: String },
    ModuleIdZ09Theme,
    CleInconnueAttenduThemesModules { k: String },
    TermeDefiniDeuxFois { term: String },
    TermeTermeDefinitionObligatoires,
    LeconDoitCommencerParTete,
    TeteNonFermeIlManque,
    ListeTextesNonVidesAttendue { key: String },
    ListeTextesAttendueParExemple { key: String },
    ChampInconnuTete { k: String },
    EcrisLicenceOrthographeFrancaisePas,
    TexteNonVideAttendu { key: String },
    ChampObligatoireManquantTete { key: String },
    IdentifiantInvalideMinusculesChiffresTirets { id: String },
    AudienceCycle3Cycle4LyceeTrouve { a: String },
    ModuleInconnuDecrireLessonsModules { m: String },
    OrderNombreEntierPositifAttendu,
    ChampObligatoireManquantTeteOrder,
    DurationDureeMinutes1240,
    ChampObligatoireManquantTeteDuration,
    LanguageCodeLangueCommeFr,
    LicenceTexteParExempleCc,
    DraftTrueFalse,
    CompetenceDoubleCrcn { r_code: String },
    CrcnChaqueElementEcrit,
    CrcnListeAttendueParExemple,
    MoinsSourceObligatoireSourcesAvec,
    MoinsSourceObligatoire,
    SourceTableAvecTitleUrl,
    SourceSansTitle,
    SourceUrlDoitEtreAdresse { u: String },
    SourceUrlHttpHttpsReference,
    SourceChampInconnu { k: String },
    SourcesEcrisChaqueSourceBloc,
    LienVersLeconInconnueLecon { id: String },
    LienVersLeconQuiBrouillon { id: String },
    FichierModulesTomlManquantModules,
    IdentifiantLeconDejaUtilisePar { id: String, other: String },
    ImageUtiliseeParAucuneLecon,
    LeconsOntMemeOrderModule { w_0_header_id: String, w_1_header_id: String, w_1_header_module: String },

    // Links, images and the Markdown body (`lesson/markdown.rs`).
    LienVide,
    AdresseLienContenantEspacesCaracteres,
    LienSansSchemaSeulsHttp { cleaned: String },
    AdresseWebIncomplete { cleaned: String },
    AdresseMailtoVide,
    IdentifiantLeconInvalide { cleaned: String },
    AncreInvalide { cleaned: String },
    LienSupprimeSchemaInterditSeuls { other: String },
    ImageDistanteInterditeCopieFichier { p: String },
    AdresseImageInterdite { p: String },
    ImageDoitEtreImagesChemin { p: String },
    CheminImageInvalide { p: String },
    NomImageSeulementLettresSans { p: String },
    TermeInconnuGlossaireDefinirLessons { term: String },
    HtmlBrutInterditAfficheComme { short_stripped: String },
    TitreNiveau1CorpsTitre,
    NiveauTitreSauteApresTitre { repeat_lvl_as_usize: String, self_last_heading_level: String },
    PasImageQuestionChoixRetour,
    TexteAlternatifObligatoireDisQuoi,
    CreditImageObligatoireTitreAuteur,
    ImageIntrouvableLessons { path: String },
    EncadreNePeutPasEtre { name: String },
    EncadreVide { name: String },
    ActiviteNePeutPasEtre,
    ActiviteDoitEtrePlaceeRacine,
    BlocInconnuEcrisActiviteType { first: String },
    IdentifiantActiviteDouble { act_id: String },

    // The length of a lesson (`lesson/duration.rs`, checked in `lesson/compiler.rs`): the stated minutes and the estimate.
    DureeSousEstimation { stated: u32, estimate: DurationEstimate },

    // Retired activities (`lesson/activity.rs`, checked in `lesson/compiler.rs`).
    RetireeAttendOuiNon { other: String },
    RemplaceeParSansRetiree { id: String },
    RemplaceeParElleMeme { id: String },
    RemplaceeParRetiree { id: String, target: String },
    RemplaceeParInconnue { id: String, target: String },

    // Retired lesson ids (`[[lecons-retirees]]` of `modules.toml`, `lesson/compiler.rs`).
    LeconRetireeIdVersObligatoires,
    LeconRetireeIdInvalide { id: String },
    LeconRetireeDouble { id: String },
    LeconRetireeEncorePubliee { id: String },
    LeconRetireeVersInvalide { vers: String },
    LeconRetireeCibleInconnue { id: String, vers: String },
    LeconRetireeCibleBrouillon { id: String, vers: String },
    LeconRetireeChaine { id: String, vers: String },
}

/// One problem found in a lesson or a configuration file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    /// The label of the file, as given by the caller (e.g. `lessons/x.md`).
    pub file: String,
    /// 1-based line (0 when the problem concerns the whole file).
    pub line: usize,
    /// 1-based column (0 when unknown).
    pub column: usize,
    pub severity: Severity,
    /// What is wrong (its words are in the catalogue).
    pub code: DiagnosticCode,
}

impl Diagnostic {
    /// An error.
    pub fn error(file: &str, line: usize, column: usize, code: DiagnosticCode) -> Self {
        Diagnostic { file: file.to_string(), line, column, severity: Severity::Erreur, code }
    }
    /// A warning.
    pub fn warning(file: &str, line: usize, column: usize, code: DiagnosticCode) -> Self {
        Diagnostic { file: file.to_string(), line, column, severity: Severity::Avertissement, code }
    }
    /// Whether this is an error.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Erreur
    }
}

/// Whether any diagnostic is an error.
pub fn has_errors(diags: &[Diagnostic]) -> bool {
    diags.iter().any(Diagnostic::is_error)
}

/// Sorts diagnostics by file, line, column (stable for equal positions).
pub fn sort(diags: &mut [Diagnostic]) {
    diags.sort_by(|a, b| (&a.file, a.line, a.column).cmp(&(&b.file, b.line, b.column)));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn constructors_set_the_severity() {
        let cases = [
            (Diagnostic::error("a.md", 1, 2, DiagnosticCode::ChoixVide), Severity::Erreur, true),
            (Diagnostic::warning("a.md", 1, 2, DiagnosticCode::ChoixVide), Severity::Avertissement, false),
        ];
        for (d, severity, error) in cases {
            assert_eq!(d.severity, severity);
            assert_eq!(d.is_error(), error);
            assert_eq!(has_errors(std::slice::from_ref(&d)), error);
        }
    }

    #[test]
    fn sort_orders_by_file_line_column() {
        let d = |f: &str, l, c| Diagnostic::error(f, l, c, DiagnosticCode::ChoixVide);
        let mut v = vec![d("b.md", 1, 1), d("a.md", 2, 1), d("a.md", 1, 3), d("a.md", 1, 2)];
        sort(&mut v);
        let got: Vec<_> = v.iter().map(|d| (d.file.as_str(), d.line, d.column)).collect();
        assert_eq!(got, vec![("a.md", 1, 2), ("a.md", 1, 3), ("a.md", 2, 1), ("b.md", 1, 1)]);
    }
}
