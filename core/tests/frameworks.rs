//! The framework data against the primary texts it was read in, and the
//! stability of EMI ids: every id the app ever used still resolves, to the
//! same item (or, for a removed item, its goal); an old id in a lesson file
//! or in a cached `lecons/index.json` still counts for what it meant; the
//! lesson compiler says what to write instead. And the rule of `/competences`:
//! it shows framework wording only through `Wording`, which exists only for
//! text read in a primary source.

#[path = "common_lessons.rs"]
mod common;
#[path = "competency_common.rs"]
mod competency;

use common::{ctx, errors, read, text};
use communs_core::competency::{profile, EvidenceCatalogue, Mastery};
use communs_core::frameworks::{self, EmiAliasKind, EmiRef, Source, Verified, EMI_ALIASES, EMI_GOALS};
use communs_core::lesson::{compile_lesson, DiagnosticCode as C, LessonIndex, Severity};
use competency::{attempt, time, Rng};

/// The 27 items of the programme (Source::ProgrammeCycle4Emi, pp. 138–139),
/// goal by goal and in its order, as read in the PDF: (id, text).
const PROGRAMME: [(&str, &[(&str, &str)]); 4] = [
    (
        "Utiliser les médias et les informations de manière autonome",
        &[
            ("EMI1.1", "Utiliser des dictionnaires et encyclopédies sur tous supports."),
            ("EMI1.2", "Utiliser des documents de vulgarisation scientifique."),
            ("EMI1.3", "Exploiter le centre de ressources comme outil de recherche de l'information."),
            ("EMI1.4", "Avoir connaissance du fonds d'ouvrages en langue étrangère ou régionale disponible au CDI et les utiliser régulièrement."),
            ("EMI1.5", "Se familiariser avec les différents modes d'expression des médias en utilisant leurs canaux de diffusion."),
            ("EMI1.6", "Utiliser les genres et les outils d'information à disposition adaptés à ses recherches."),
            ("EMI1.7", "Découvrir comment l'information est indexée et hiérarchisée, comprendre les principaux termes techniques associés."),
            ("EMI1.10", "Exploiter les modes d'organisation de l'information dans un corpus documentaire (clés du livre documentaire, rubriquage d'un périodique, arborescence d'un site)."),
            ("EMI1.11", "Classer ses propres documents sur sa tablette, son espace personnel, au collège ou chez soi sur des applications mobiles ou dans le «\u{a0}nuage\u{a0}». Organiser des portefeuilles thématiques."),
            ("EMI1.12", "Acquérir une méthode de recherche exploratoire d'informations et de leur exploitation par l'utilisation avancée des moteurs de recherche."),
            ("EMI1.13", "Adopter progressivement une démarche raisonnée dans la recherche d'informations."),
        ],
    ),
    (
        "Exploiter l'information de manière raisonnée",
        &[
            ("EMI2.1", "Distinguer les sources d'information, s'interroger sur la validité et sur la fiabilité d'une information, son degré de pertinence."),
            ("EMI2.2", "S'entraîner à distinguer une information scientifique vulgarisée d'une information pseudo-scientifique grâce à des indices textuels ou paratextuels et à la validation de la source."),
            ("EMI2.3", "Apprendre à distinguer subjectivité et objectivité dans l'étude d'un objet médiatique."),
            ("EMI2.4", "Découvrir des représentations du monde véhiculées par les médias."),
            ("EMI2.5", "S'interroger sur l'influence des médias sur la consommation et la vie démocratique."),
        ],
    ),
    (
        "Utiliser les médias de manière responsable",
        &[
            ("EMI3.1", "Comprendre ce que sont l'identité et la trace numériques."),
            ("EMI3.2", "Se familiariser avec les notions d'espace privé et d'espace public."),
            ("EMI3.3", "Pouvoir se référer aux règles de base du droit d'expression et de publication en particulier sur les réseaux."),
            ("EMI3.4", "Se questionner sur les enjeux démocratiques liés à la production participative d'informations et à l'information journalistique."),
            ("EMI3.5", "S'initier à la déontologie des journalistes."),
        ],
    ),
    (
        "Produire, communiquer, partager des informations",
        &[
            ("EMI4.1", "Utiliser les plates-formes collaboratives numériques pour coopérer avec les autres."),
            ("EMI4.2", "Participer à une production coopérative multimédia en prenant en compte les destinataires."),
            ("EMI4.5", "S'engager dans un projet de création et publication sur papier ou en ligne utile à une communauté d'utilisateurs dans ou hors de l'établissement qui respecte droit et éthique de l'information."),
            ("EMI4.4", "Développer des pratiques culturelles à partir d'outils de production numérique."),
            ("EMI4.6", "Distinguer la citation du plagiat."),
            ("EMI4.7", "Distinguer la simple collecte d'informations de la structuration des connaissances."),
        ],
    ),
];

#[test]
fn emi_items_are_the_programme_s_in_its_order() {
    assert_eq!(EMI_GOALS.len(), PROGRAMME.len());
    for (g, (title, items)) in EMI_GOALS.iter().zip(PROGRAMME) {
        assert_eq!(g.title, title);
        assert_eq!(g.title_verified, Verified::Oui(Source::ProgrammeCycle4Emi), "{}", g.id);
        let got: Vec<(&str, &str)> = g.items.iter().map(|i| (i.id, i.text)).collect();
        assert_eq!(got, items, "{}", g.id);
        for it in g.items {
            assert_eq!(it.verified, Verified::Oui(Source::ProgrammeCycle4Emi), "{}", it.id);
        }
    }
    let socle: Vec<&[u8]> = EMI_GOALS.iter().map(|g| g.socle).collect();
    assert_eq!(socle, [&[2][..], &[1, 3, 5], &[3], &[1]]);
    // the French-language competence is gone from EMI
    assert!(frameworks::emi_items().all(|(_, it)| !it.text.contains("échanges oraux")));
}

/// Every id the app used before the correction still resolves: to the same
/// item (same text, or its corrected wording), or through its alias.
#[test]
fn every_old_emi_id_resolves_and_none_means_another_item() {
    let fixture: serde_json::Value = serde_json::from_str(&read("emi/ids-before-2026-12.json")).unwrap();
    let old = fixture["items"].as_array().unwrap();
    assert_eq!(old.len(), 21);
    // wording corrected against the programme, same item
    let corrected = [
        ("EMI3.4", "Se questionner sur les enjeux démocratiques liés à la production participative d'informations et à l'information journalistique."),
        ("EMI4.1", "Utiliser les plates-formes collaboratives numériques pour coopérer avec les autres."),
    ];
    for o in old {
        let (id, was) = (o["id"].as_str().unwrap(), o["text"].as_str().unwrap());
        let r = frameworks::emi(id).unwrap_or_else(|| panic!("{id} no longer resolves"));
        match frameworks::emi_alias(id) {
            None => {
                let EmiRef::Item(_, it) = r else { panic!("{id}: an item id became a goal") };
                assert_eq!(it.id, id);
                let now = corrected.iter().find(|(c, _)| *c == id).map_or(was, |(_, t)| *t);
                assert_eq!(it.text, now, "{id} must keep meaning the same item");
            }
            Some(a) if a.kind == EmiAliasKind::Moved => {
                let EmiRef::Item(_, it) = r else { panic!("{id}: moved to a goal") };
                assert_eq!((it.id, it.text), (a.new, was), "{id} moved with its text");
                assert_eq!(a.old_text, was);
            }
            Some(a) => {
                let EmiRef::Goal(g) = r else { panic!("{id}: removed ids count for their goal") };
                assert_eq!(g.id, a.new);
                assert!(id.starts_with(&format!("{}.", g.id)), "{id} counts for its own goal");
                assert_eq!(a.old_text, was);
            }
        }
    }
    // an alias is never a current id, and points at a current one
    for a in EMI_ALIASES {
        assert!(frameworks::emi_items().all(|(_, it)| it.id != a.old), "{} reused", a.old);
        assert!(frameworks::emi_alias(a.new).is_none(), "{} → {}: no chains", a.old, a.new);
        assert_eq!(frameworks::emi(a.old).map(EmiRef::id), Some(a.new));
    }
    // current ids are unique
    let mut ids: Vec<&str> = frameworks::emi_items().map(|(_, it)| it.id).collect();
    let n = ids.len();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), n);
}

/// A lesson file written with old ids compiles; moved ids are stored under
/// their new id, with a warning that names it.
#[test]
fn old_ids_in_a_lesson_still_read() {
    let (lesson, diags) = compile_lesson("emi/ancienne-lecon.md", &read("emi/ancienne-lecon.md"), &ctx());
    assert!(errors(&diags).is_empty(), "{diags:#?}");
    let lesson = lesson.expect("compiled");
    assert_eq!(lesson.header.emi, ["EMI2.4", "EMI3"]);
    assert_eq!(lesson.activities[0].emi, ["EMI2.5"]);
    let warned: Vec<(usize, C)> =
        diags.iter().filter(|d| d.severity == Severity::Avertissement).map(|d| (d.line, d.code.clone())).collect();
    assert!(warned.contains(&(9, C::CodeEmiDeplace { code: "EMI1.8".into(), new: "EMI2.4".into() })), "{warned:?}");
    assert!(warned.iter().any(|(_, c)| c == &C::CodeEmiDeplace { code: "EMI1.9".into(), new: "EMI2.5".into() }), "{warned:?}");
    let words = diags.iter().find(|d| matches!(d.code, C::CodeEmiDeplace { .. })).map(text).unwrap();
    assert!(words.contains("écris « EMI2.4 »"), "{words}");
    // and it counts for goal 2: the header's EMI1.8 is inherited by `herite`
    let cat = EvidenceCatalogue::from_lessons(&[lesson]);
    assert_eq!((cat.emi_available("EMI1"), cat.emi_available("EMI2"), cat.emi_available("EMI3")), (0, 2, 1));
}

/// The removed item (a French-language competence) is refused, in the front
/// matter and in an activity, with a message that says what to write.
#[test]
fn a_removed_id_is_an_error_that_points_to_its_goal() {
    let src = read("emi/ancienne-lecon.md").replace("emi = [\"EMI1.8\", \"EMI3\"]", "emi = [\"EMI4.3\"]");
    let src = src.replace("emi : EMI1.9", "emi : EMI4.3");
    let (lesson, diags) = compile_lesson("x.md", &src, &ctx());
    if let Some(l) = lesson {
        assert!(l.header.emi.is_empty() && l.activities.iter().all(|a| a.emi.is_empty()), "the removed id is not kept");
    }
    let removed: Vec<&communs_core::lesson::Diagnostic> =
        errors(&diags).into_iter().filter(|d| d.code == C::CodeEmiRetire { code: "EMI4.3".into(), goal: "EMI4".into() }).collect();
    assert_eq!(removed.iter().map(|d| d.line).collect::<Vec<_>>(), [9, 20], "{diags:#?}");
    let words = text(removed[0]);
    assert!(words.contains("n'est plus un identifiant EMI") && words.contains("l'objectif EMI4"), "{words}");
    // an unknown code is still an unknown code
    let (_, diags) = compile_lesson("x.md", &src.replace("EMI4.3\"]", "EMI4.9\"]"), &ctx());
    assert!(diags.iter().any(|d| d.code == C::CodeEmiInconnuEmi1Emi4 { code: "EMI4.9".into() }));
}

/// An index cached before the correction (old ids in its evidence) still
/// gives each attempt the goal it meant.
#[test]
fn an_old_index_still_reads() {
    let index: LessonIndex = serde_json::from_str(&read("emi/ancien-index.json")).unwrap();
    let cat = EvidenceCatalogue::from_evidence(&index.evidence);
    assert_eq!(cat.len(), 4, "no entry dropped");
    let goals = |c: &str| cat.emi_available(c);
    assert_eq!((goals("EMI1"), goals("EMI2"), goals("EMI3"), goals("EMI4")), (1, 2, 0, 1));
    // normalised to goals: what the app would ship again
    let back: Vec<Vec<String>> = cat.to_evidence().into_iter().map(|e| e.emi).collect();
    assert_eq!(back, [vec!["EMI2"], vec!["EMI2"], vec!["EMI4"], vec!["EMI1"]]);
    // attempts stored then (an export holds lesson and activity ids only)
    let mut rng = Rng(7);
    let t = time("2026-11-20T10:00");
    let attempts: Vec<_> = ["q1", "q2", "q3"].iter().map(|a| attempt(&mut rng, "ancienne-emi", a, t, 100)).collect();
    let p = profile(&attempts, &cat);
    let emi2 = p.emi_goal("EMI2").unwrap();
    assert_eq!((emi2.successes, emi2.evaluated, emi2.mastery), (2, 2, Mastery::Satisfaisante));
    assert_eq!(p.emi_goal("EMI1.8").map(|r| r.code), Some("EMI2"), "an old item code gives its goal now");
    assert_eq!(p.emi_goal("EMI4.3").map(|r| (r.code, r.evaluated)), Some(("EMI4", 1)));
    assert_eq!(p.emi_goal("EMI1").map(|r| r.evaluated), Some(0));
}

/// What `/competences` shows of the frameworks comes through `Wording`, and
/// a `Wording` exists only for text marked read in a primary source. This
/// lists what is shown today, with its source, so that a flag changed
/// without a source fails here.
#[test]
fn the_competences_page_shows_only_verified_wording() {
    let primary = |s: Source| {
        let c = s.citation();
        assert!(c.contains("BO") || c.contains("Code de l'éducation"), "{c}: a primary text");
    };
    let mut shown: Vec<(&str, Source)> = Vec::new();
    for d in frameworks::CRCN_DOMAINS {
        match (d.shown_title(), d.title_verified) {
            (Some(w), Verified::Oui(s)) => {
                assert_eq!((w.text(), w.source()), (d.title, s));
                primary(s);
                shown.push((d.code, s));
            }
            (None, Verified::Oui(_)) => panic!("domain {}: verified but hidden", d.code),
            (Some(_), _) => panic!("domain {}: shown without a source", d.code),
            (None, _) => {}
        }
    }
    for c in frameworks::crcn_competences() {
        match (c.shown_title(), c.title_verified) {
            (Some(w), Verified::Oui(s)) => {
                assert_eq!((w.text(), w.source()), (c.title, s));
                primary(s);
                shown.push((c.code, s));
            }
            (Some(_), _) => panic!("{}: shown without a source", c.code),
            (None, v) => assert!(!matches!(v, Verified::Oui(_)), "{}", c.code),
        }
    }
    for g in EMI_GOALS {
        let w = g.shown_title().unwrap_or_else(|| panic!("{}: read in the programme", g.id));
        assert_eq!((w.text(), w.source()), (g.title, Source::ProgrammeCycle4Emi));
        primary(w.source());
        shown.push((g.id, w.source()));
    }
    use Source::{AnnexeD121_1 as A, ProgrammeCycle4Emi as E, ProgrammeTechnologieCycle4 as T};
    assert_eq!(
        shown,
        [
            ("1", A),
            ("2", T),
            ("3", T),
            ("4", T),
            ("5", T),
            ("1.1", A),
            ("2.1", T),
            ("2.2", T),
            ("2.3", T),
            ("3.1", T),
            ("3.4", T),
            ("4.2", T),
            ("4.3", T),
            ("5.1", T),
            ("5.2", T),
            ("EMI1", E),
            ("EMI2", E),
            ("EMI3", E),
            ("EMI4", E),
        ]
    );
    // level groups and level texts: not read in the décret's annex, not shown
    for l in 1..=8 {
        assert!(frameworks::shown_level_group(l).is_none(), "group of level {l}");
        let level = frameworks::crcn_level(l).unwrap();
        assert_eq!(level.verified, Verified::Non, "level {l}");
        assert_eq!(level.description.is_some(), l <= 3, "level {l}: own words only where a text was found");
    }
}

/// The page itself reads framework wording only through `Wording`: in
/// `src/pages/competences.rs`, no framework field holding official wording
/// (`.title`, `.name`, `.label`, `.text`) is read directly, only the
/// `shown_…` methods and our own `description`. (Lesson titles come from the
/// index: `header.title`.)
#[test]
fn the_competences_page_reads_wording_through_shown_methods_only() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../src/pages/competences.rs");
    let src = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    assert!(src.contains("shown_title()") && src.contains("shown_level_group("), "the page uses the shown_… methods");
    for (n, line) in src.lines().enumerate() {
        for field in [".title", ".name", ".label", ".text"] {
            let mut rest = line;
            while let Some(i) = rest.find(field) {
                let after = &rest[i + field.len()..];
                let is_field = !after.starts_with('(') && !after.starts_with(|c: char| c.is_alphanumeric() || c == '_');
                let lesson_title = rest[..i].ends_with("header");
                assert!(!is_field || lesson_title, "src/pages/competences.rs:{}: reads `{field}` directly: {line}", n + 1);
                rest = after;
            }
        }
        assert!(!line.contains("level_group()"), "src/pages/competences.rs:{}: unverified level group: {line}", n + 1);
    }
}
