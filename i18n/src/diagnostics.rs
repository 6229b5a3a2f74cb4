//! The words of the lesson compiler's diagnostics: [`diagnostic_text`] gives
//! the French message of a [`DiagnosticCode`] of `communs-core`, and
//! [`render_diagnostic`] the line that `lessons check` and `cargo xtask` print,
//! `lessons/x.md:12:3: erreur : message`. Diagnostics are read in a terminal
//! and quote the lesson syntax, so they are written as typed on a keyboard
//! (straight apostrophes, ordinary spaces before `:`), like the lessons'
//! sources; [`french_typography`](crate::french_typography) puts them into
//! French typography when they are shown on a page.

use communs_core::lesson::duration::DurationEstimate;
use communs_core::lesson::{Diagnostic, DiagnosticCode, Severity};

/// The word of a severity: `"erreur"` or `"avertissement"`.
pub fn severity_word(severity: Severity) -> &'static str {
    match severity {
        Severity::Erreur => "erreur",
        Severity::Avertissement => "avertissement",
    }
}

/// `file:line:column: erreur : message`, as the command-line tools print it.
pub fn render_diagnostic(d: &Diagnostic) -> String {
    format!("{}:{}:{}: {} : {}", d.file, d.line, d.column, severity_word(d.severity), diagnostic_text(&d.code))
}

/// The French message of a diagnostic code, with its values.
pub fn diagnostic_text(code: &DiagnosticCode) -> String {
    match code {
        DiagnosticCode::TypeActiviteManquantActiviteType { activitytype_names } => {
            format!("type d'activité manquant : ```activite <type> id=<identifiant> (types : {activitytype_names})")
        }
        DiagnosticCode::TypeActiviteInconnuTypes { kind_raw, activitytype_names } => {
            format!("type d'activité inconnu « {kind_raw} » (types : {activitytype_names})")
        }
        DiagnosticCode::IgnoreSurLigneActiviteSeul { tok } => {
            format!("« {tok} » ignoré sur la ligne de l'activité (seul id=… est attendu)")
        }
        DiagnosticCode::IdentifiantActiviteManquantAjouteId => {
            "identifiant d'activité manquant : ajoute id=<identifiant> après le type".to_string()
        }
        DiagnosticCode::IdentifiantActiviteInvalideMinusculesChiffres { id } => {
            format!("identifiant d'activité invalide « {id} » : minuscules, chiffres et tirets, 60 caractères au plus")
        }
        DiagnosticCode::QuestionManquantePourActivite { id } => format!("`question :` manquante pour l'activité « {id} »"),
        DiagnosticCode::CrcnRefusePourActiviteElle { kind } => {
            format!("`crcn :` refusé pour une activité {kind} : elle recueille la participation et n'est jamais une preuve de niveau")
        }
        DiagnosticCode::CodeEmiInconnuEmi1Emi4 { code } => {
            format!("code EMI inconnu « {code} » (EMI1 … EMI4, ou un item comme EMI3.2)")
        }
        DiagnosticCode::ActiviteSansExplicationDisPourquoi { id } => {
            format!("activité « {id} » sans `explication :` : dis pourquoi la réponse est juste")
        }
        DiagnosticCode::EssaisAttendNombre110 { f_text } => format!("`essais :` attend un nombre de 1 à 10 (trouvé « {f_text} »)"),
        DiagnosticCode::ListeInattendueActivite { kind } => format!("liste inattendue dans une activité {kind}"),
        DiagnosticCode::ListeNumeroteeInattendueActivite { kind } => format!("liste numérotée inattendue dans une activité {kind}"),
        DiagnosticCode::FautePermiseAttendOuiNon { other } => format!("`faute-permise :` attend oui ou non (trouvé « {other} »)"),
        DiagnosticCode::CrcnMalEcritEcrisPar { part } => {
            format!("`crcn :` mal écrit « {part} » : écris par exemple `2.2 niveau 2` (plusieurs : séparés par ;)")
        }
        DiagnosticCode::CompetenceActivitePasCrcnTete { r_code } => {
            format!("la compétence {r_code} de l'activité n'est pas dans le `crcn` de l'en-tête")
        }
        DiagnosticCode::CompetenceCrcnInconnue16Competences { code } => {
            format!("compétence CRCN inconnue « {code} » (les 16 compétences vont de 1.1 à 5.2)")
        }
        DiagnosticCode::NiveauCrcnInvalidePour1 { shown, code } => format!("niveau CRCN invalide « {shown} » pour {code} : de 1 à 8"),
        DiagnosticCode::NiveauPourNiveaux15 { level, code } => {
            format!("niveau {level} pour {code} : les niveaux 1 à 5 sont ceux de l'école, du collège et du lycée")
        }
        DiagnosticCode::ChoixUniqueExactementChoixX { n_right } => {
            format!("choix-unique : exactement un choix `[x]` attendu (trouvé {n_right})")
        }
        DiagnosticCode::ChoixMultiplesMoinsChoixX => "choix-multiples : au moins un choix `[x]` attendu".to_string(),
        DiagnosticCode::ChoixSansCaseEcrisTexte => {
            "choix sans case : écris `- [ ] texte` ou `- [x] texte` (bonne réponse)".to_string()
        }
        DiagnosticCode::ChoixVide => "choix vide".to_string(),
        DiagnosticCode::ActiviteMoinsDeuxChoixAttendus { t, out_count } => {
            format!("activité {t} : au moins deux choix attendus (trouvé {out_count})")
        }
        DiagnosticCode::TexteTrousTexteManquant => "texte-a-trous : `texte :` manquant".to_string(),
        DiagnosticCode::TexteTrousAccoladeNonFermee => "texte-a-trous : accolade `{` non fermée (ou trou dans un trou)".to_string(),
        DiagnosticCode::TexteTrousOptionVide { inner } => format!("texte-a-trous : option vide dans « {{{inner}}} »"),
        DiagnosticCode::TexteTrousListeDoitAvoir { inner, stars } => {
            format!("texte-a-trous : la liste « {{{inner}}} » doit avoir exactement une bonne réponse marquée `*` (trouvé {stars})")
        }
        DiagnosticCode::TexteTrousListeDoitAvoir2 { inner } => {
            format!("texte-a-trous : la liste « {{{inner}}} » doit avoir au moins deux options")
        }
        DiagnosticCode::TexteTrousTrouVide { inner } => format!("texte-a-trous : trou vide « {{{inner}}} »"),
        DiagnosticCode::TexteTrousAccoladeSans => "texte-a-trous : accolade `}` sans `{`".to_string(),
        DiagnosticCode::TexteTrousMoinsTrouAttendu => {
            "texte-a-trous : au moins un trou attendu, écrit `{réponse}` ou `{liste: A | *B | C}`".to_string()
        }
        DiagnosticCode::CleRepetee { k } => format!("clé « {k} » répétée"),
        DiagnosticCode::CleSansObjetPourActivite { key, kind } => format!("clé « {key} » sans objet pour une activité {kind}"),
        DiagnosticCode::CleInconnuePourContinuerTexte { key } => {
            format!("clé inconnue « {key} » (pour continuer le texte de la ligne précédente, ne commence pas la ligne par « mot : »)")
        }
        DiagnosticCode::RetourPossibleQueSousChoix { kind } => {
            format!("un retour `>` n'est possible que sous un choix `- [ ]` / `- [x]` (activité {kind})")
        }
        DiagnosticCode::RetourSansChoixDessus => "retour `>` sans choix au-dessus".to_string(),
        DiagnosticCode::LigneNonReconnueAvantPremiere { cont } => {
            format!("ligne non reconnue avant la première situation : « {cont} »")
        }
        DiagnosticCode::LigneNonReconnueAttenduCle { cont } => {
            format!("ligne non reconnue : « {cont} » (attendu : `clé : valeur` ou une liste)")
        }
        DiagnosticCode::ScoreFinInvalideNombre0 { num } => format!("score de fin invalide « {num} » : un nombre de 0 à 100"),
        DiagnosticCode::ApresSeulFinPermisTrouve { nid, rest } => {
            format!("après [{nid}], seul « fin N » est permis (trouvé « {rest} »)")
        }
        DiagnosticCode::IdentifiantSituationInvalideMinusculesChiffres { nid } => {
            format!("identifiant de situation invalide « {nid} » : minuscules, chiffres et tirets")
        }
        DiagnosticCode::ChoixScenarioSansCibleEcris => {
            "choix de scénario sans cible : écris `- texte du choix -> identifiant-de-situation`".to_string()
        }
        DiagnosticCode::TexteSituationApresSesChoix => {
            "texte de situation après ses choix : écris le texte juste sous [identifiant]".to_string()
        }
        DiagnosticCode::AppariementChaqueLigneEcritGauche => "appariement : chaque ligne s'écrit `- gauche = droite`".to_string(),
        DiagnosticCode::AppariementMoinsDeuxPairesAttendues { pairs_count } => {
            format!("appariement : au moins deux paires attendues (trouvé {pairs_count})")
        }
        DiagnosticCode::AppariementElementGaucheDouble { p_left } => format!("appariement : élément de gauche en double « {p_left} »"),
        DiagnosticCode::RemiseOrdreEcrisSeuleListe => "remise-en-ordre : n'écris qu'une seule liste (numérotée)".to_string(),
        DiagnosticCode::RemiseOrdreMoinsDeuxElements { items_count } => {
            format!("remise-en-ordre : au moins deux éléments attendus (trouvé {items_count})")
        }
        DiagnosticCode::RemiseOrdreElementDoubleOrdre => "remise-en-ordre : élément en double, l'ordre est ambigu".to_string(),
        DiagnosticCode::SondagePasCaseXSondage => "sondage : pas de case `[x]`, un sondage n'a pas de bonne réponse".to_string(),
        DiagnosticCode::SondageMoinsDeuxOptionsAttendues { options_count } => {
            format!("sondage : au moins deux options attendues (trouvé {options_count})")
        }
        DiagnosticCode::MotsAttendNombre110 { f_text } => format!("`mots :` attend un nombre de 1 à 10 (trouvé « {f_text} »)"),
        DiagnosticCode::ScenarioAucuneSituationIdentifiant => "scenario : aucune situation `[identifiant]`".to_string(),
        DiagnosticCode::ScenarioSituationDefinieDeuxFois { n_id } => format!("scenario : situation « {n_id} » définie deux fois"),
        DiagnosticCode::ScenarioSituationPasTexte { n_id } => format!("scenario : la situation « {n_id} » n'a pas de texte"),
        DiagnosticCode::ScenarioFinNePeutPas { n_id } => format!("scenario : la fin « {n_id} » ne peut pas avoir de choix"),
        DiagnosticCode::ScenarioImpasseSituationPasChoix { n_id } => {
            format!("scenario : impasse, la situation « {n_id} » n'a pas de choix et n'est pas une fin (`[{n_id}] fin 100`)")
        }
        DiagnosticCode::ScenarioCibleInconnue { c_target } => format!("scenario : cible inconnue « {c_target} »"),
        DiagnosticCode::ScenarioAucuneFinIdentifiantFin => "scenario : aucune fin `[identifiant] fin N`".to_string(),
        DiagnosticCode::ScenarioBoucleCeChoixRamene { id_node, id_t } => {
            format!("scenario : boucle, ce choix ramène de « {id_node} » à « {id_t} »")
        }
        DiagnosticCode::ScenarioSituationInaccessibleDepuisDepart { r_id, start_id } => {
            format!("scenario : la situation « {r_id} » est inaccessible depuis le départ « {start_id} »")
        }
        DiagnosticCode::ReponseAccepteeVideFoisNormalisee { a } => format!("réponse acceptée vide une fois normalisée : « {a} »"),
        DiagnosticCode::ReponseCourteMoinsReponseAcceptee => {
            "reponse-courte : au moins une réponse acceptée attendue (`reponses : A | B`)".to_string()
        }
        DiagnosticCode::ReponseCourteReponsesManquanteReponses => {
            "reponse-courte : `reponses :` manquante (réponses acceptées séparées par |)".to_string()
        }
        DiagnosticCode::VraiFauxReponseAttendVrai { other } => {
            format!("vrai-faux : `reponse :` attend vrai ou faux (trouvé « {other} »)")
        }
        DiagnosticCode::VraiFauxReponseVraiReponse => "vrai-faux : `reponse : vrai` ou `reponse : faux` manquante".to_string(),
        DiagnosticCode::TomlInvalide { msg } => format!("TOML invalide : {msg}"),
        DiagnosticCode::ThemeDouble { id } => format!("thème « {id} » en double"),
        DiagnosticCode::ThemeIdZ09Title => "thème : `id` ([a-z0-9-]) et `title` obligatoires".to_string(),
        DiagnosticCode::ModuleDouble { id } => format!("module « {id} » en double"),
        DiagnosticCode::ModuleThemeInconnu { id, theme } => format!("module « {id} » : thème inconnu « {theme} »"),
        DiagnosticCode::ModuleIdZ09Theme => "module : `id` ([a-z0-9-]), `theme` et `title` obligatoires".to_string(),
        DiagnosticCode::CleInconnueAttenduThemesModules { k } => format!("clé inconnue « {k} » (attendu : [[themes]] et [[modules]])"),
        DiagnosticCode::TermeDefiniDeuxFois { term } => format!("terme « {term} » défini deux fois"),
        DiagnosticCode::TermeTermeDefinitionObligatoires => "terme : `terme` et `definition` obligatoires".to_string(),
        DiagnosticCode::LeconDoitCommencerParTete => "la leçon doit commencer par un en-tête TOML entre deux lignes `+++`".to_string(),
        DiagnosticCode::TeteNonFermeIlManque => "en-tête non fermé : il manque la seconde ligne `+++`".to_string(),
        DiagnosticCode::ListeTextesNonVidesAttendue { key } => format!("`{key}` : une liste de textes non vides est attendue"),
        DiagnosticCode::ListeTextesAttendueParExemple { key } => {
            format!("`{key}` : une liste de textes est attendue, par exemple {key} = [\"…\"]")
        }
        DiagnosticCode::ChampInconnuTete { k } => format!("champ inconnu « {k} » dans l'en-tête"),
        DiagnosticCode::EcrisLicenceOrthographeFrancaisePas => "écris `licence` (orthographe française), pas `license`".to_string(),
        DiagnosticCode::TexteNonVideAttendu { key } => format!("`{key}` : un texte non vide est attendu"),
        DiagnosticCode::ChampObligatoireManquantTete { key } => format!("champ obligatoire manquant dans l'en-tête : `{key}`"),
        DiagnosticCode::IdentifiantInvalideMinusculesChiffresTirets { id } => {
            format!("identifiant « {id} » invalide : minuscules, chiffres et tirets, de 3 à 60 caractères")
        }
        DiagnosticCode::AudienceCycle3Cycle4LyceeTrouve { a } => format!("`audience` : cycle3, cycle4 ou lycee (trouvé « {a} »)"),
        DiagnosticCode::ModuleInconnuDecrireLessonsModules { m } => {
            format!("module inconnu « {m} » (à décrire dans lessons/modules.toml)")
        }
        DiagnosticCode::OrderNombreEntierPositifAttendu => "`order` : un nombre entier positif est attendu".to_string(),
        DiagnosticCode::ChampObligatoireManquantTeteOrder => "champ obligatoire manquant dans l'en-tête : `order`".to_string(),
        DiagnosticCode::DurationDureeMinutes1240 => "`duration` : une durée en minutes, de 1 à 240".to_string(),
        DiagnosticCode::ChampObligatoireManquantTeteDuration => "champ obligatoire manquant dans l'en-tête : `duration`".to_string(),
        DiagnosticCode::LanguageCodeLangueCommeFr => "`language` : un code de langue comme \"fr\"".to_string(),
        DiagnosticCode::LicenceTexteParExempleCc => "`licence` : un texte, par exemple \"CC BY-SA 4.0\"".to_string(),
        DiagnosticCode::DraftTrueFalse => "`draft` : true ou false".to_string(),
        DiagnosticCode::CompetenceDoubleCrcn { r_code } => format!("compétence {r_code} en double dans `crcn`"),
        DiagnosticCode::CrcnChaqueElementEcrit => "`crcn` : chaque élément s'écrit { code = \"2.2\", level = 2 }".to_string(),
        DiagnosticCode::CrcnListeAttendueParExemple => {
            "`crcn` : une liste est attendue, par exemple [{ code = \"2.2\", level = 2 }]".to_string()
        }
        DiagnosticCode::MoinsSourceObligatoireSourcesAvec => {
            "au moins une source est obligatoire ([[sources]] avec title et url ou reference)".to_string()
        }
        DiagnosticCode::MoinsSourceObligatoire => "au moins une source est obligatoire".to_string(),
        DiagnosticCode::SourceTableAvecTitleUrl => "source : une table avec title et url ou reference est attendue".to_string(),
        DiagnosticCode::SourceSansTitle => "source sans `title`".to_string(),
        DiagnosticCode::SourceUrlDoitEtreAdresse { u } => {
            format!("source : `url` doit être une adresse http ou https (trouvé « {u} »)")
        }
        DiagnosticCode::SourceUrlHttpHttpsReference => {
            "source : un `url` (http ou https) ou une `reference` est obligatoire".to_string()
        }
        DiagnosticCode::SourceChampInconnu { k } => format!("source : champ inconnu « {k} »"),
        DiagnosticCode::SourcesEcrisChaqueSourceBloc => "`sources` : écris chaque source dans un bloc [[sources]]".to_string(),
        DiagnosticCode::LienVersLeconInconnueLecon { id } => format!("lien vers une leçon inconnue : « lecon:{id} »"),
        DiagnosticCode::LienVersLeconQuiBrouillon { id } => {
            format!("lien vers la leçon « {id} », qui est un brouillon (draft = true) : elle ne sera pas publiée")
        }
        DiagnosticCode::FichierModulesTomlManquantModules => {
            "fichier modules.toml manquant (modules et thèmes des leçons)".to_string()
        }
        DiagnosticCode::IdentifiantLeconDejaUtilisePar { id, other } => {
            format!("identifiant de leçon « {id} » déjà utilisé par {other}")
        }
        DiagnosticCode::ImageUtiliseeParAucuneLecon => "image utilisée par aucune leçon publiée ni brouillon".to_string(),
        DiagnosticCode::LeconsOntMemeOrderModule { w_0_header_id, w_1_header_id, w_1_header_module } => {
            format!("les leçons « {w_0_header_id} » et « {w_1_header_id} » ont le même `order` dans le module « {w_1_header_module} »")
        }
        DiagnosticCode::LienVide => "lien vide".to_string(),
        DiagnosticCode::AdresseLienContenantEspacesCaracteres => {
            "adresse de lien contenant des espaces ou des caractères invisibles".to_string()
        }
        DiagnosticCode::LienSansSchemaSeulsHttp { cleaned } => {
            format!("lien « {cleaned} » sans schéma : seuls http, https, mailto et lecon: sont acceptés")
        }
        DiagnosticCode::AdresseWebIncomplete { cleaned } => format!("adresse web incomplète : « {cleaned} »"),
        DiagnosticCode::AdresseMailtoVide => "adresse mailto: vide".to_string(),
        DiagnosticCode::IdentifiantLeconInvalide { cleaned } => format!("identifiant de leçon invalide dans « {cleaned} »"),
        DiagnosticCode::AncreInvalide { cleaned } => format!("ancre invalide dans « {cleaned} »"),
        DiagnosticCode::LienSupprimeSchemaInterditSeuls { other } => {
            format!("lien supprimé : le schéma « {other}: » est interdit (seuls http, https, mailto et lecon: sont acceptés)")
        }
        DiagnosticCode::ImageDistanteInterditeCopieFichier { p } => {
            format!("image distante interdite : « {p} » (copie le fichier dans lessons/images/)")
        }
        DiagnosticCode::AdresseImageInterdite { p } => format!("adresse d'image interdite : « {p} »"),
        DiagnosticCode::ImageDoitEtreImagesChemin { p } => format!("l'image « {p} » doit être dans images/ (chemin relatif images/…)"),
        DiagnosticCode::CheminImageInvalide { p } => format!("chemin d'image invalide : « {p} »"),
        DiagnosticCode::NomImageSeulementLettresSans { p } => {
            format!("nom d'image « {p} » : seulement des lettres sans accent, des chiffres, - _ et .")
        }
        DiagnosticCode::TermeInconnuGlossaireDefinirLessons { term } => {
            format!("terme inconnu du glossaire : « {term} » (à définir dans lessons/glossaire.toml)")
        }
        DiagnosticCode::HtmlBrutInterditAfficheComme { short_stripped } => {
            format!("HTML brut interdit, affiché comme du texte : « {short_stripped} »")
        }
        DiagnosticCode::TitreNiveau1CorpsTitre => {
            "titre de niveau 1 (`#`) dans le corps : le titre de la leçon vient de l'en-tête, commence à `##`".to_string()
        }
        DiagnosticCode::NiveauTitreSauteApresTitre { repeat_lvl_as_usize, self_last_heading_level } => {
            format!("niveau de titre sauté : `{repeat_lvl_as_usize}` après un titre de niveau {self_last_heading_level}")
        }
        DiagnosticCode::PasImageQuestionChoixRetour => "pas d'image dans une question, un choix ou un retour".to_string(),
        DiagnosticCode::TexteAlternatifObligatoireDisQuoi => {
            "texte alternatif obligatoire : dis à quoi sert l'image (ou `![-](…)` pour une image décorative)".to_string()
        }
        DiagnosticCode::CreditImageObligatoireTitreAuteur => {
            "crédit d'image obligatoire dans le titre : \"auteur — licence — source\" (trois parties séparées par « — »)".to_string()
        }
        DiagnosticCode::ImageIntrouvableLessons { path } => format!("image introuvable : lessons/{path}"),
        DiagnosticCode::EncadreNePeutPasEtre { name } => {
            format!("l'encadré « {name} » ne peut pas être placé dans un encadré ou une activité")
        }
        DiagnosticCode::EncadreVide { name } => format!("encadré « {name} » vide"),
        DiagnosticCode::ActiviteNePeutPasEtre => {
            "une activité ne peut pas être placée dans un encadré ou une autre activité".to_string()
        }
        DiagnosticCode::ActiviteDoitEtrePlaceeRacine => {
            "une activité doit être placée à la racine du texte, pas dans une liste ni une citation".to_string()
        }
        DiagnosticCode::BlocInconnuEcrisActiviteType { first } => {
            format!("bloc « {first} » inconnu : écris ```activite <type> id=<identifiant>")
        }
        DiagnosticCode::IdentifiantActiviteDouble { act_id } => format!("identifiant d'activité en double : « {act_id} »"),
        DiagnosticCode::DureeSousEstimation { stated, estimate } => {
            let minutes = estimate.minutes;
            let parts = estimate_parts(estimate);
            format!(
                "durée annoncée {stated} min, plus courte que l'estimation de {minutes} min ({parts}) : écris `duration = {minutes}` ou plus, ou raccourcis la leçon"
            )
        }
        DiagnosticCode::RetireeAttendOuiNon { other } => format!("`retiree :` attend oui ou non (trouvé « {other} »)"),
        DiagnosticCode::RemplaceeParSansRetiree { id } => {
            format!("`remplacee-par :` sur l'activité « {id} », qui n'est pas retirée : ajoute `retiree : oui` ou enlève la ligne")
        }
        DiagnosticCode::RemplaceeParElleMeme { id } => format!("l'activité retirée « {id} » ne peut pas être remplacée par elle-même"),
        DiagnosticCode::RemplaceeParRetiree { id, target } => {
            format!("l'activité « {id} » est remplacée par « {target} », qui est elle aussi retirée : indique l'activité qui la remplace aujourd'hui")
        }
        DiagnosticCode::RemplaceeParInconnue { id, target } => {
            format!("l'activité « {id} » est remplacée par « {target} », qui n'est pas une activité de cette leçon")
        }
        DiagnosticCode::LeconRetireeIdVersObligatoires => {
            "`[[lecons-retirees]]` : `id` (l'ancien identifiant) et `vers` (la leçon qui le remplace) sont obligatoires".to_string()
        }
        DiagnosticCode::LeconRetireeIdInvalide { id } => {
            format!("leçon retirée : identifiant « {id} » invalide (minuscules, chiffres et tirets, de 3 à 60 caractères)")
        }
        DiagnosticCode::LeconRetireeDouble { id } => format!("leçon retirée « {id} » en double"),
        DiagnosticCode::LeconRetireeEncorePubliee { id } => {
            format!("« {id} » est retiré, mais une leçon porte encore cet identifiant : retire la leçon ou l'entrée")
        }
        DiagnosticCode::LeconRetireeVersInvalide { vers } => {
            format!("leçon retirée : `vers` invalide « {vers} » (un identifiant de leçon, suivi si besoin de #ancre)")
        }
        DiagnosticCode::LeconRetireeCibleInconnue { id, vers } => {
            format!("la leçon retirée « {id} » mène vers « {vers} », qui n'est pas une leçon")
        }
        DiagnosticCode::LeconRetireeCibleBrouillon { id, vers } => {
            format!("la leçon retirée « {id} » mène vers « {vers} », qui est un brouillon : choisis une leçon publiée")
        }
        DiagnosticCode::LeconRetireeChaine { id, vers } => {
            format!(
                "la leçon retirée « {id} » mène vers « {vers} », qui est elle aussi retirée : indique directement la leçon d'arrivée"
            )
        }
    }
}

/// A number of tenths written with a decimal comma (`124` → `12,4`, `120` → `12`).
fn tenths(n: u32) -> String {
    match n % 10 {
        0 => format!("{}", n / 10),
        d => format!("{},{d}", n / 10),
    }
}

/// The parts of a duration estimate, as the diagnostic and the summary of
/// `lessons check` show them: `lecture 12,4 min (1240 mots à 100 mots/min)
/// + activités 14,5 min (12 activités) = 26,9 min, plus 20 %` (a no-break
/// space before `%`).
pub fn estimate_parts(e: &DurationEstimate) -> String {
    let acts = if e.activities > 1 { "activités" } else { "activité" };
    let mots = if e.words > 1 { "mots" } else { "mot" };
    format!(
        "lecture {} min ({} {mots} à {} mots/min) + activités {} min ({} {acts}) = {} min, plus 20\u{a0}%",
        tenths(e.reading_tenths()),
        e.words,
        e.words_per_minute,
        tenths(e.activity_half_minutes * 5),
        e.activities,
        tenths(e.subtotal_tenths())
    )
}

/// The line `lessons check` prints for each lesson: its stated and
/// estimated length, and the parts of the estimate.
pub fn duration_summary(id: &str, stated: u32, e: &DurationEstimate) -> String {
    let verdict = if stated < e.minutes { "trop court" } else { "suffisant" };
    format!("{id} : {stated} min annoncées, estimation {} min ({}) : {verdict}", e.minutes, estimate_parts(e))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{french_typography, typography_problems, TypographyRule};

    /// A value for every field of the samples.
    fn s() -> String {
        "exemple".to_string()
    }

    /// One sample of every code, in the order of [`rank`].
    fn samples() -> Vec<DiagnosticCode> {
        vec![
            DiagnosticCode::TypeActiviteManquantActiviteType { activitytype_names: s() },
            DiagnosticCode::TypeActiviteInconnuTypes { kind_raw: s(), activitytype_names: s() },
            DiagnosticCode::IgnoreSurLigneActiviteSeul { tok: s() },
            DiagnosticCode::IdentifiantActiviteManquantAjouteId,
            DiagnosticCode::IdentifiantActiviteInvalideMinusculesChiffres { id: s() },
            DiagnosticCode::QuestionManquantePourActivite { id: s() },
            DiagnosticCode::CrcnRefusePourActiviteElle { kind: s() },
            DiagnosticCode::CodeEmiInconnuEmi1Emi4 { code: s() },
            DiagnosticCode::ActiviteSansExplicationDisPourquoi { id: s() },
            DiagnosticCode::EssaisAttendNombre110 { f_text: s() },
            DiagnosticCode::ListeInattendueActivite { kind: s() },
            DiagnosticCode::ListeNumeroteeInattendueActivite { kind: s() },
            DiagnosticCode::FautePermiseAttendOuiNon { other: s() },
            DiagnosticCode::CrcnMalEcritEcrisPar { part: s() },
            DiagnosticCode::CompetenceActivitePasCrcnTete { r_code: s() },
            DiagnosticCode::CompetenceCrcnInconnue16Competences { code: s() },
            DiagnosticCode::NiveauCrcnInvalidePour1 { shown: s(), code: s() },
            DiagnosticCode::NiveauPourNiveaux15 { level: s(), code: s() },
            DiagnosticCode::ChoixUniqueExactementChoixX { n_right: s() },
            DiagnosticCode::ChoixMultiplesMoinsChoixX,
            DiagnosticCode::ChoixSansCaseEcrisTexte,
            DiagnosticCode::ChoixVide,
            DiagnosticCode::ActiviteMoinsDeuxChoixAttendus { t: s(), out_count: s() },
            DiagnosticCode::TexteTrousTexteManquant,
            DiagnosticCode::TexteTrousAccoladeNonFermee,
            DiagnosticCode::TexteTrousOptionVide { inner: s() },
            DiagnosticCode::TexteTrousListeDoitAvoir { inner: s(), stars: s() },
            DiagnosticCode::TexteTrousListeDoitAvoir2 { inner: s() },
            DiagnosticCode::TexteTrousTrouVide { inner: s() },
            DiagnosticCode::TexteTrousAccoladeSans,
            DiagnosticCode::TexteTrousMoinsTrouAttendu,
            DiagnosticCode::CleRepetee { k: s() },
            DiagnosticCode::CleSansObjetPourActivite { key: s(), kind: s() },
            DiagnosticCode::CleInconnuePourContinuerTexte { key: s() },
            DiagnosticCode::RetourPossibleQueSousChoix { kind: s() },
            DiagnosticCode::RetourSansChoixDessus,
            DiagnosticCode::LigneNonReconnueAvantPremiere { cont: s() },
            DiagnosticCode::LigneNonReconnueAttenduCle { cont: s() },
            DiagnosticCode::ScoreFinInvalideNombre0 { num: s() },
            DiagnosticCode::ApresSeulFinPermisTrouve { nid: s(), rest: s() },
            DiagnosticCode::IdentifiantSituationInvalideMinusculesChiffres { nid: s() },
            DiagnosticCode::ChoixScenarioSansCibleEcris,
            DiagnosticCode::TexteSituationApresSesChoix,
            DiagnosticCode::AppariementChaqueLigneEcritGauche,
            DiagnosticCode::AppariementMoinsDeuxPairesAttendues { pairs_count: s() },
            DiagnosticCode::AppariementElementGaucheDouble { p_left: s() },
            DiagnosticCode::RemiseOrdreEcrisSeuleListe,
            DiagnosticCode::RemiseOrdreMoinsDeuxElements { items_count: s() },
            DiagnosticCode::RemiseOrdreElementDoubleOrdre,
            DiagnosticCode::SondagePasCaseXSondage,
            DiagnosticCode::SondageMoinsDeuxOptionsAttendues { options_count: s() },
            DiagnosticCode::MotsAttendNombre110 { f_text: s() },
            DiagnosticCode::ScenarioAucuneSituationIdentifiant,
            DiagnosticCode::ScenarioSituationDefinieDeuxFois { n_id: s() },
            DiagnosticCode::ScenarioSituationPasTexte { n_id: s() },
            DiagnosticCode::ScenarioFinNePeutPas { n_id: s() },
            DiagnosticCode::ScenarioImpasseSituationPasChoix { n_id: s() },
            DiagnosticCode::ScenarioCibleInconnue { c_target: s() },
            DiagnosticCode::ScenarioAucuneFinIdentifiantFin,
            DiagnosticCode::ScenarioBoucleCeChoixRamene { id_node: s(), id_t: s() },
            DiagnosticCode::ScenarioSituationInaccessibleDepuisDepart { r_id: s(), start_id: s() },
            DiagnosticCode::ReponseAccepteeVideFoisNormalisee { a: s() },
            DiagnosticCode::ReponseCourteMoinsReponseAcceptee,
            DiagnosticCode::ReponseCourteReponsesManquanteReponses,
            DiagnosticCode::VraiFauxReponseAttendVrai { other: s() },
            DiagnosticCode::VraiFauxReponseVraiReponse,
            DiagnosticCode::TomlInvalide { msg: s() },
            DiagnosticCode::ThemeDouble { id: s() },
            DiagnosticCode::ThemeIdZ09Title,
            DiagnosticCode::ModuleDouble { id: s() },
            DiagnosticCode::ModuleThemeInconnu { id: s(), theme: s() },
            DiagnosticCode::ModuleIdZ09Theme,
            DiagnosticCode::CleInconnueAttenduThemesModules { k: s() },
            DiagnosticCode::TermeDefiniDeuxFois { term: s() },
            DiagnosticCode::TermeTermeDefinitionObligatoires,
            DiagnosticCode::LeconDoitCommencerParTete,
            DiagnosticCode::TeteNonFermeIlManque,
            DiagnosticCode::ListeTextesNonVidesAttendue { key: s() },
            DiagnosticCode::ListeTextesAttendueParExemple { key: s() },
            DiagnosticCode::ChampInconnuTete { k: s() },
            DiagnosticCode::EcrisLicenceOrthographeFrancaisePas,
            DiagnosticCode::TexteNonVideAttendu { key: s() },
            DiagnosticCode::ChampObligatoireManquantTete { key: s() },
            DiagnosticCode::IdentifiantInvalideMinusculesChiffresTirets { id: s() },
            DiagnosticCode::AudienceCycle3Cycle4LyceeTrouve { a: s() },
            DiagnosticCode::ModuleInconnuDecrireLessonsModules { m: s() },
            DiagnosticCode::OrderNombreEntierPositifAttendu,
            DiagnosticCode::ChampObligatoireManquantTeteOrder,
            DiagnosticCode::DurationDureeMinutes1240,
            DiagnosticCode::ChampObligatoireManquantTeteDuration,
            DiagnosticCode::LanguageCodeLangueCommeFr,
            DiagnosticCode::LicenceTexteParExempleCc,
            DiagnosticCode::DraftTrueFalse,
            DiagnosticCode::CompetenceDoubleCrcn { r_code: s() },
            DiagnosticCode::CrcnChaqueElementEcrit,
            DiagnosticCode::CrcnListeAttendueParExemple,
            DiagnosticCode::MoinsSourceObligatoireSourcesAvec,
            DiagnosticCode::MoinsSourceObligatoire,
            DiagnosticCode::SourceTableAvecTitleUrl,
            DiagnosticCode::SourceSansTitle,
            DiagnosticCode::SourceUrlDoitEtreAdresse { u: s() },
            DiagnosticCode::SourceUrlHttpHttpsReference,
            DiagnosticCode::SourceChampInconnu { k: s() },
            DiagnosticCode::SourcesEcrisChaqueSourceBloc,
            DiagnosticCode::LienVersLeconInconnueLecon { id: s() },
            DiagnosticCode::LienVersLeconQuiBrouillon { id: s() },
            DiagnosticCode::FichierModulesTomlManquantModules,
            DiagnosticCode::IdentifiantLeconDejaUtilisePar { id: s(), other: s() },
            DiagnosticCode::ImageUtiliseeParAucuneLecon,
            DiagnosticCode::LeconsOntMemeOrderModule { w_0_header_id: s(), w_1_header_id: s(), w_1_header_module: s() },
            DiagnosticCode::LienVide,
            DiagnosticCode::AdresseLienContenantEspacesCaracteres,
            DiagnosticCode::LienSansSchemaSeulsHttp { cleaned: s() },
            DiagnosticCode::AdresseWebIncomplete { cleaned: s() },
            DiagnosticCode::AdresseMailtoVide,
            DiagnosticCode::IdentifiantLeconInvalide { cleaned: s() },
            DiagnosticCode::AncreInvalide { cleaned: s() },
            DiagnosticCode::LienSupprimeSchemaInterditSeuls { other: s() },
            DiagnosticCode::ImageDistanteInterditeCopieFichier { p: s() },
            DiagnosticCode::AdresseImageInterdite { p: s() },
            DiagnosticCode::ImageDoitEtreImagesChemin { p: s() },
            DiagnosticCode::CheminImageInvalide { p: s() },
            DiagnosticCode::NomImageSeulementLettresSans { p: s() },
            DiagnosticCode::TermeInconnuGlossaireDefinirLessons { term: s() },
            DiagnosticCode::HtmlBrutInterditAfficheComme { short_stripped: s() },
            DiagnosticCode::TitreNiveau1CorpsTitre,
            DiagnosticCode::NiveauTitreSauteApresTitre { repeat_lvl_as_usize: s(), self_last_heading_level: s() },
            DiagnosticCode::PasImageQuestionChoixRetour,
            DiagnosticCode::TexteAlternatifObligatoireDisQuoi,
            DiagnosticCode::CreditImageObligatoireTitreAuteur,
            DiagnosticCode::ImageIntrouvableLessons { path: s() },
            DiagnosticCode::EncadreNePeutPasEtre { name: s() },
            DiagnosticCode::EncadreVide { name: s() },
            DiagnosticCode::ActiviteNePeutPasEtre,
            DiagnosticCode::ActiviteDoitEtrePlaceeRacine,
            DiagnosticCode::BlocInconnuEcrisActiviteType { first: s() },
            DiagnosticCode::IdentifiantActiviteDouble { act_id: s() },
            DiagnosticCode::DureeSousEstimation {
                stated: 25,
                estimate: DurationEstimate {
                    words: 1240,
                    words_per_minute: 100,
                    activities: 12,
                    activity_half_minutes: 36,
                    minutes: 37,
                },
            },
            DiagnosticCode::RetireeAttendOuiNon { other: s() },
            DiagnosticCode::RemplaceeParSansRetiree { id: s() },
            DiagnosticCode::RemplaceeParElleMeme { id: s() },
            DiagnosticCode::RemplaceeParRetiree { id: s(), target: s() },
            DiagnosticCode::RemplaceeParInconnue { id: s(), target: s() },
            DiagnosticCode::LeconRetireeIdVersObligatoires,
            DiagnosticCode::LeconRetireeIdInvalide { id: s() },
            DiagnosticCode::LeconRetireeDouble { id: s() },
            DiagnosticCode::LeconRetireeEncorePubliee { id: s() },
            DiagnosticCode::LeconRetireeVersInvalide { vers: s() },
            DiagnosticCode::LeconRetireeCibleInconnue { id: s(), vers: s() },
            DiagnosticCode::LeconRetireeCibleBrouillon { id: s(), vers: s() },
            DiagnosticCode::LeconRetireeChaine { id: s(), vers: s() },
        ]
    }

    /// The place of a code in [`samples`]: an exhaustive `match`, so a new
    /// code does not compile until it is listed here (and then the test
    /// below fails until it has a sample).
    fn rank(code: &DiagnosticCode) -> usize {
        match code {
            DiagnosticCode::TypeActiviteManquantActiviteType { .. } => 0,
            DiagnosticCode::TypeActiviteInconnuTypes { .. } => 1,
            DiagnosticCode::IgnoreSurLigneActiviteSeul { .. } => 2,
            DiagnosticCode::IdentifiantActiviteManquantAjouteId => 3,
            DiagnosticCode::IdentifiantActiviteInvalideMinusculesChiffres { .. } => 4,
            DiagnosticCode::QuestionManquantePourActivite { .. } => 5,
            DiagnosticCode::CrcnRefusePourActiviteElle { .. } => 6,
            DiagnosticCode::CodeEmiInconnuEmi1Emi4 { .. } => 7,
            DiagnosticCode::ActiviteSansExplicationDisPourquoi { .. } => 8,
            DiagnosticCode::EssaisAttendNombre110 { .. } => 9,
            DiagnosticCode::ListeInattendueActivite { .. } => 10,
            DiagnosticCode::ListeNumeroteeInattendueActivite { .. } => 11,
            DiagnosticCode::FautePermiseAttendOuiNon { .. } => 12,
            DiagnosticCode::CrcnMalEcritEcrisPar { .. } => 13,
            DiagnosticCode::CompetenceActivitePasCrcnTete { .. } => 14,
            DiagnosticCode::CompetenceCrcnInconnue16Competences { .. } => 15,
            DiagnosticCode::NiveauCrcnInvalidePour1 { .. } => 16,
            DiagnosticCode::NiveauPourNiveaux15 { .. } => 17,
            DiagnosticCode::ChoixUniqueExactementChoixX { .. } => 18,
            DiagnosticCode::ChoixMultiplesMoinsChoixX => 19,
            DiagnosticCode::ChoixSansCaseEcrisTexte => 20,
            DiagnosticCode::ChoixVide => 21,
            DiagnosticCode::ActiviteMoinsDeuxChoixAttendus { .. } => 22,
            DiagnosticCode::TexteTrousTexteManquant => 23,
            DiagnosticCode::TexteTrousAccoladeNonFermee => 24,
            DiagnosticCode::TexteTrousOptionVide { .. } => 25,
            DiagnosticCode::TexteTrousListeDoitAvoir { .. } => 26,
            DiagnosticCode::TexteTrousListeDoitAvoir2 { .. } => 27,
            DiagnosticCode::TexteTrousTrouVide { .. } => 28,
            DiagnosticCode::TexteTrousAccoladeSans => 29,
            DiagnosticCode::TexteTrousMoinsTrouAttendu => 30,
            DiagnosticCode::CleRepetee { .. } => 31,
            DiagnosticCode::CleSansObjetPourActivite { .. } => 32,
            DiagnosticCode::CleInconnuePourContinuerTexte { .. } => 33,
            DiagnosticCode::RetourPossibleQueSousChoix { .. } => 34,
            DiagnosticCode::RetourSansChoixDessus => 35,
            DiagnosticCode::LigneNonReconnueAvantPremiere { .. } => 36,
            DiagnosticCode::LigneNonReconnueAttenduCle { .. } => 37,
            DiagnosticCode::ScoreFinInvalideNombre0 { .. } => 38,
            DiagnosticCode::ApresSeulFinPermisTrouve { .. } => 39,
            DiagnosticCode::IdentifiantSituationInvalideMinusculesChiffres { .. } => 40,
            DiagnosticCode::ChoixScenarioSansCibleEcris => 41,
            DiagnosticCode::TexteSituationApresSesChoix => 42,
            DiagnosticCode::AppariementChaqueLigneEcritGauche => 43,
            DiagnosticCode::AppariementMoinsDeuxPairesAttendues { .. } => 44,
            DiagnosticCode::AppariementElementGaucheDouble { .. } => 45,
            DiagnosticCode::RemiseOrdreEcrisSeuleListe => 46,
            DiagnosticCode::RemiseOrdreMoinsDeuxElements { .. } => 47,
            DiagnosticCode::RemiseOrdreElementDoubleOrdre => 48,
            DiagnosticCode::SondagePasCaseXSondage => 49,
            DiagnosticCode::SondageMoinsDeuxOptionsAttendues { .. } => 50,
            DiagnosticCode::MotsAttendNombre110 { .. } => 51,
            DiagnosticCode::ScenarioAucuneSituationIdentifiant => 52,
            DiagnosticCode::ScenarioSituationDefinieDeuxFois { .. } => 53,
            DiagnosticCode::ScenarioSituationPasTexte { .. } => 54,
            DiagnosticCode::ScenarioFinNePeutPas { .. } => 55,
            DiagnosticCode::ScenarioImpasseSituationPasChoix { .. } => 56,
            DiagnosticCode::ScenarioCibleInconnue { .. } => 57,
            DiagnosticCode::ScenarioAucuneFinIdentifiantFin => 58,
            DiagnosticCode::ScenarioBoucleCeChoixRamene { .. } => 59,
            DiagnosticCode::ScenarioSituationInaccessibleDepuisDepart { .. } => 60,
            DiagnosticCode::ReponseAccepteeVideFoisNormalisee { .. } => 61,
            DiagnosticCode::ReponseCourteMoinsReponseAcceptee => 62,
            DiagnosticCode::ReponseCourteReponsesManquanteReponses => 63,
            DiagnosticCode::VraiFauxReponseAttendVrai { .. } => 64,
            DiagnosticCode::VraiFauxReponseVraiReponse => 65,
            DiagnosticCode::TomlInvalide { .. } => 66,
            DiagnosticCode::ThemeDouble { .. } => 67,
            DiagnosticCode::ThemeIdZ09Title => 68,
            DiagnosticCode::ModuleDouble { .. } => 69,
            DiagnosticCode::ModuleThemeInconnu { .. } => 70,
            DiagnosticCode::ModuleIdZ09Theme => 71,
            DiagnosticCode::CleInconnueAttenduThemesModules { .. } => 72,
            DiagnosticCode::TermeDefiniDeuxFois { .. } => 73,
            DiagnosticCode::TermeTermeDefinitionObligatoires => 74,
            DiagnosticCode::LeconDoitCommencerParTete => 75,
            DiagnosticCode::TeteNonFermeIlManque => 76,
            DiagnosticCode::ListeTextesNonVidesAttendue { .. } => 77,
            DiagnosticCode::ListeTextesAttendueParExemple { .. } => 78,
            DiagnosticCode::ChampInconnuTete { .. } => 79,
            DiagnosticCode::EcrisLicenceOrthographeFrancaisePas => 80,
            DiagnosticCode::TexteNonVideAttendu { .. } => 81,
            DiagnosticCode::ChampObligatoireManquantTete { .. } => 82,
            DiagnosticCode::IdentifiantInvalideMinusculesChiffresTirets { .. } => 83,
            DiagnosticCode::AudienceCycle3Cycle4LyceeTrouve { .. } => 84,
            DiagnosticCode::ModuleInconnuDecrireLessonsModules { .. } => 85,
            DiagnosticCode::OrderNombreEntierPositifAttendu => 86,
            DiagnosticCode::ChampObligatoireManquantTeteOrder => 87,
            DiagnosticCode::DurationDureeMinutes1240 => 88,
            DiagnosticCode::ChampObligatoireManquantTeteDuration => 89,
            DiagnosticCode::LanguageCodeLangueCommeFr => 90,
            DiagnosticCode::LicenceTexteParExempleCc => 91,
            DiagnosticCode::DraftTrueFalse => 92,
            DiagnosticCode::CompetenceDoubleCrcn { .. } => 93,
            DiagnosticCode::CrcnChaqueElementEcrit => 94,
            DiagnosticCode::CrcnListeAttendueParExemple => 95,
            DiagnosticCode::MoinsSourceObligatoireSourcesAvec => 96,
            DiagnosticCode::MoinsSourceObligatoire => 97,
            DiagnosticCode::SourceTableAvecTitleUrl => 98,
            DiagnosticCode::SourceSansTitle => 99,
            DiagnosticCode::SourceUrlDoitEtreAdresse { .. } => 100,
            DiagnosticCode::SourceUrlHttpHttpsReference => 101,
            DiagnosticCode::SourceChampInconnu { .. } => 102,
            DiagnosticCode::SourcesEcrisChaqueSourceBloc => 103,
            DiagnosticCode::LienVersLeconInconnueLecon { .. } => 104,
            DiagnosticCode::LienVersLeconQuiBrouillon { .. } => 105,
            DiagnosticCode::FichierModulesTomlManquantModules => 106,
            DiagnosticCode::IdentifiantLeconDejaUtilisePar { .. } => 107,
            DiagnosticCode::ImageUtiliseeParAucuneLecon => 108,
            DiagnosticCode::LeconsOntMemeOrderModule { .. } => 109,
            DiagnosticCode::LienVide => 110,
            DiagnosticCode::AdresseLienContenantEspacesCaracteres => 111,
            DiagnosticCode::LienSansSchemaSeulsHttp { .. } => 112,
            DiagnosticCode::AdresseWebIncomplete { .. } => 113,
            DiagnosticCode::AdresseMailtoVide => 114,
            DiagnosticCode::IdentifiantLeconInvalide { .. } => 115,
            DiagnosticCode::AncreInvalide { .. } => 116,
            DiagnosticCode::LienSupprimeSchemaInterditSeuls { .. } => 117,
            DiagnosticCode::ImageDistanteInterditeCopieFichier { .. } => 118,
            DiagnosticCode::AdresseImageInterdite { .. } => 119,
            DiagnosticCode::ImageDoitEtreImagesChemin { .. } => 120,
            DiagnosticCode::CheminImageInvalide { .. } => 121,
            DiagnosticCode::NomImageSeulementLettresSans { .. } => 122,
            DiagnosticCode::TermeInconnuGlossaireDefinirLessons { .. } => 123,
            DiagnosticCode::HtmlBrutInterditAfficheComme { .. } => 124,
            DiagnosticCode::TitreNiveau1CorpsTitre => 125,
            DiagnosticCode::NiveauTitreSauteApresTitre { .. } => 126,
            DiagnosticCode::PasImageQuestionChoixRetour => 127,
            DiagnosticCode::TexteAlternatifObligatoireDisQuoi => 128,
            DiagnosticCode::CreditImageObligatoireTitreAuteur => 129,
            DiagnosticCode::ImageIntrouvableLessons { .. } => 130,
            DiagnosticCode::EncadreNePeutPasEtre { .. } => 131,
            DiagnosticCode::EncadreVide { .. } => 132,
            DiagnosticCode::ActiviteNePeutPasEtre => 133,
            DiagnosticCode::ActiviteDoitEtrePlaceeRacine => 134,
            DiagnosticCode::BlocInconnuEcrisActiviteType { .. } => 135,
            DiagnosticCode::IdentifiantActiviteDouble { .. } => 136,
            DiagnosticCode::DureeSousEstimation { .. } => 137,
            DiagnosticCode::RetireeAttendOuiNon { .. } => 138,
            DiagnosticCode::RemplaceeParSansRetiree { .. } => 139,
            DiagnosticCode::RemplaceeParElleMeme { .. } => 140,
            DiagnosticCode::RemplaceeParRetiree { .. } => 141,
            DiagnosticCode::RemplaceeParInconnue { .. } => 142,
            DiagnosticCode::LeconRetireeIdVersObligatoires => 143,
            DiagnosticCode::LeconRetireeIdInvalide { .. } => 144,
            DiagnosticCode::LeconRetireeDouble { .. } => 145,
            DiagnosticCode::LeconRetireeEncorePubliee { .. } => 146,
            DiagnosticCode::LeconRetireeVersInvalide { .. } => 147,
            DiagnosticCode::LeconRetireeCibleInconnue { .. } => 148,
            DiagnosticCode::LeconRetireeCibleBrouillon { .. } => 149,
            DiagnosticCode::LeconRetireeChaine { .. } => 150,
        }
    }

    #[test]
    fn every_code_has_one_sample() {
        let ranks: Vec<usize> = samples().iter().map(rank).collect();
        assert_eq!(ranks, (0..151).collect::<Vec<_>>());
    }

    /// The text outside `code spans` (lesson syntax, quoted as typed).
    fn prose(s: &str) -> String {
        s.split('`').step_by(2).collect::<Vec<_>>().join(" ")
    }

    /// The codes whose message quotes a TOML value outside a code span, with
    /// the straight quotes that TOML needs: the one rule they may break.
    fn quotes_toml(code: &DiagnosticCode) -> bool {
        matches!(
            code,
            DiagnosticCode::ListeTextesAttendueParExemple { .. }
                | DiagnosticCode::LanguageCodeLangueCommeFr
                | DiagnosticCode::LicenceTexteParExempleCc
                | DiagnosticCode::CrcnChaqueElementEcrit
                | DiagnosticCode::CrcnListeAttendueParExemple
                | DiagnosticCode::CreditImageObligatoireTitreAuteur
        )
    }

    #[test]
    fn every_message_is_french_once_in_french_typography() {
        let mut bad = Vec::new();
        for code in samples() {
            let text = diagnostic_text(&code);
            assert!(!text.trim().is_empty(), "{code:?}");
            let problems = typography_problems(&french_typography(&prose(&text)));
            let quotes = problems.iter().filter(|p| p.rule == TypographyRule::StraightQuote).count();
            if problems.len() > quotes || (quotes > 0) != quotes_toml(&code) {
                bad.push(text);
            }
        }
        assert_eq!(bad, Vec::<String>::new());
    }

    #[test]
    fn renders_today_s_lines() {
        let cases = [
            (Diagnostic::error("lessons/x.md", 12, 3, DiagnosticCode::ChoixVide), "lessons/x.md:12:3: erreur : choix vide"),
            (
                Diagnostic::warning("a.md", 1, 1, DiagnosticCode::ThemeDouble { id: "droit".into() }),
                "a.md:1:1: avertissement : thème « droit » en double",
            ),
            (
                Diagnostic::error("m.toml", 2, 1, DiagnosticCode::TomlInvalide { msg: "expected `=`".into() }),
                "m.toml:2:1: erreur : TOML invalide : expected `=`",
            ),
            (
                Diagnostic::error("a.md", 4, 1, DiagnosticCode::TexteTrousOptionVide { inner: "liste: A |".into() }),
                "a.md:4:1: erreur : texte-a-trous : option vide dans « {liste: A |} »",
            ),
        ];
        for (d, want) in cases {
            assert_eq!(render_diagnostic(&d), want);
        }
    }

    #[test]
    fn duration_message_gives_the_estimate_and_its_parts() {
        let code = samples().into_iter().find(|c| matches!(c, DiagnosticCode::DureeSousEstimation { .. })).expect("a sample");
        assert_eq!(
            diagnostic_text(&code),
            "durée annoncée 25 min, plus courte que l'estimation de 37 min (lecture 12,4 min (1240 mots à 100 mots/min) \
             + activités 18 min (12 activités) = 30,4 min, plus 20\u{a0}%) : écris `duration = 37` ou plus, ou raccourcis la leçon"
        );
        let cases = [(0, "0"), (5, "0,5"), (120, "12"), (124, "12,4")];
        for (n, want) in cases {
            assert_eq!(tenths(n), want);
        }
        let one = DurationEstimate { words: 1, words_per_minute: 150, activities: 1, activity_half_minutes: 2, minutes: 2 };
        assert!(estimate_parts(&one).contains("lecture 0,1 min (1 mot à 150 mots/min) + activités 1 min (1 activité) = 1,1 min"));
    }
}
