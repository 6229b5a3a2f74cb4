//! Data-driven tests of the lesson compiler: hostile input, malformed
//! activities of every type, front matter, cross-lesson checks.

#[path = "common_lessons.rs"]
mod common;

use common::*;
use communs_core::lesson::{compile_dir, compile_lesson, ActivityKind, ActivityType, SafeHtml, Segment, Severity, TextPart};

const E: Severity = Severity::Erreur;
const W: Severity = Severity::Avertissement;

/// (case, body, expected diagnostics as (body line, severity, message fragment)).
type Case = (&'static str, &'static str, &'static [(usize, Severity, &'static str)]);

const HOSTILE: &[Case] = &[
    ("script block", "<script>alert(1)</script>\n", &[(1, W, "HTML brut")]),
    ("script inline", "Texte <script>alert(1)</script> fin.\n", &[(1, W, "HTML brut")]),
    ("onerror", "Voir <img src=x onerror=alert(1)> ici.\n", &[(1, W, "HTML brut")]),
    ("onerror block", "<img src=x onerror=\"alert(1)\">\n", &[(1, W, "HTML brut")]),
    ("iframe", "<iframe src=\"https://evil.example\"></iframe>\n", &[(1, W, "HTML brut")]),
    ("svg", "<svg onload=alert(1)>\n", &[(1, W, "HTML brut")]),
    ("style attr", "<p style=\"color:red\">rouge</p>\n", &[(1, W, "HTML brut")]),
    ("comment only", "Avant.\n\n<!-- secret -->\n\nAprès <!-- aussi secret --> fin.\n", &[]),
    ("comment then html", "<!-- x --><b onclick=\"x()\">gras</b>\n", &[(1, W, "HTML brut")]),
    ("js link", "[a](javascript:alert(1))\n", &[(1, E, "javascript")]),
    ("js link case", "[a](JaVaScRiPt:alert(1))\n", &[(1, E, "javascript")]),
    ("js link entity", "[a](&#106;avascript:alert(1))\n", &[(1, E, "javascript")]),
    ("js link hex entity", "[a](&#x6A;avascript:alert(1))\n", &[(1, E, "javascript")]),
    ("js link tab entity", "[a](java&#9;script:alert(1))\n", &[(1, E, "javascript")]),
    ("js link newline entity", "[a](java&#10;script:alert(1))\n", &[(1, E, "javascript")]),
    ("js link angle", "[a](<javascript:alert(1)>)\n", &[(1, E, "javascript")]),
    ("js autolink", "<javascript:alert(1)>\n", &[(1, E, "javascript")]),
    ("js reference", "[a][x]\n\n[x]: javascript:alert(1)\n", &[(1, E, "javascript")]),
    ("js leading space entity", "[a](&#32;javascript:alert(1))\n", &[(1, E, "")]),
    ("js percent", "[a](%6Aavascript:alert(1))\n", &[(1, E, "sans schéma")]),
    ("js zero width", "[a](java\u{200b}script:alert(1))\n", &[(1, E, "invisibles")]),
    ("data link", "[a](data:text/html;base64,PHNjcmlwdD4=)\n", &[(1, E, "data")]),
    ("vbscript link", "[a](vbscript:msgbox(1))\n", &[(1, E, "vbscript")]),
    ("file link", "[a](file:///etc/passwd)\n", &[(1, E, "file")]),
    ("relative link", "[a](autre.md)\n", &[(1, E, "sans schéma")]),
    ("protocol relative", "[a](//evil.example/x)\n", &[(1, E, "sans schéma")]),
    ("js image", "![x](javascript:alert(1) \"a — b — c\")\n", &[(1, E, "interdite")]),
    ("data image", "![x](data:image/svg+xml;base64,AAAA \"a — b — c\")\n", &[(1, E, "interdite")]),
    ("remote image", "![Carte](https://evil.example/a.png \"a — b — c\")\n", &[(1, E, "image distante")]),
    ("image dotdot", "![Carte](images/../../secret.png \"a — b — c\")\n", &[(1, E, "chemin d'image invalide")]),
    ("image outside", "![Carte](autre/a.png \"a — b — c\")\n", &[(1, E, "doit être dans images/")]),
    ("image missing file", "![Carte](images/absente.png \"a — b — c\")\n", &[(1, E, "introuvable")]),
    ("image no alt", "![](images/schema-essai.svg \"a — b — c\")\n", &[(1, E, "texte alternatif obligatoire")]),
    ("image no credit", "![Carte](images/schema-essai.svg)\n", &[(1, E, "crédit d'image obligatoire")]),
    ("image bad credit", "![Carte](images/schema-essai.svg \"Moi - CC BY\")\n", &[(1, E, "crédit d'image obligatoire")]),
    ("image in link", "[![Carte](images/schema-essai.svg \"a — b — c\")](javascript:x)\n", &[(1, E, "javascript")]),
    ("lecon unknown", "[voir](lecon:inconnue)\n", &[(1, E, "leçon inconnue")]),
    ("lecon draft", "[voir](lecon:brouillon-x)\n", &[(1, E, "brouillon")]),
    ("lecon bad id", "[voir](lecon:A_B)\n", &[(1, E, "identifiant de leçon invalide")]),
    ("glossary unknown", "Un [[truc inconnu]] ici.\n", &[(1, E, "terme inconnu du glossaire")]),
    ("glossary pipe unknown", "Des [[trucs|truc]] ici.\n", &[(1, E, "« truc »")]),
    ("h1", "# Titre\n\nTexte.\n", &[(1, W, "niveau 1")]),
    ("heading skip", "## A\n\n#### B\n", &[(3, W, "niveau de titre sauté")]),
    ("nested callout", "````exemple\nTexte.\n\n```definition\nDedans.\n```\n````\n", &[(4, E, "ne peut pas être placé dans un encadré")]),
    ("activity in callout", "````exemple\n```activite vrai-faux id=x\nquestion : Q ?\nreponse : vrai\nexplication : E.\n```\n````\n", &[(2, E, "activité ne peut pas")]),
    ("activity in a list", "- Un point :\n\n  ```activite vrai-faux id=x\n  question : Q ?\n  reponse : vrai\n  explication : E.\n  ```\n", &[(3, E, "à la racine du texte")]),
    ("activity in a quote", "> ```activite vrai-faux id=x\n> question : Q ?\n> reponse : vrai\n> explication : E.\n> ```\n", &[(1, E, "à la racine du texte")]),
    ("unknown activity type", "```activite quiz id=q1\nquestion : Q ?\n```\n", &[(1, E, "type d'activité inconnu « quiz »")]),
    ("activity typo", "```activites vrai-faux id=q1\nquestion : Q ?\n```\n", &[(1, E, "bloc « activites » inconnu")]),
    ("activity no type", "```activite\nquestion : Q ?\n```\n", &[(1, E, "type d'activité manquant")]),
    ("activity no id", "```activite vrai-faux\nquestion : Q ?\nreponse : vrai\n```\n", &[(1, E, "identifiant d'activité manquant")]),
    ("activity bad id", "```activite vrai-faux id=Q_1\nquestion : Q ?\nreponse : vrai\n```\n", &[(1, E, "identifiant d'activité invalide")]),
    (
        "duplicate activity",
        "```activite vrai-faux id=q\nquestion : A ?\nreponse : vrai\nexplication : E.\n```\n\n```activite vrai-faux id=q\nquestion : B ?\nreponse : faux\nexplication : E.\n```\n",
        &[(7, E, "identifiant d'activité en double")],
    ),
    ("html in question", "```activite vrai-faux id=q\nquestion : <img src=x onerror=alert(1)> ?\nreponse : vrai\nexplication : E.\n```\n", &[(2, W, "HTML brut")]),
    ("js link in explanation", "```activite vrai-faux id=q\nquestion : Q ?\nreponse : vrai\nexplication : [x](javascript:alert(1))\n```\n", &[(4, E, "javascript")]),
    ("js link in choice", "```activite choix-unique id=q\nquestion : Q ?\n- [x] [a](javascript:1)\n- [ ] b\nexplication : E.\n```\n", &[(3, E, "javascript")]),
    ("image in question", "```activite vrai-faux id=q\nquestion : ![a](images/schema-essai.svg \"a — b — c\")\nreponse : vrai\nexplication : E.\n```\n", &[(2, E, "pas d'image")]),
];

const MALFORMED_ACTIVITIES: &[Case] = &[
    ("cu two right", "```activite choix-unique id=a\nquestion : Q ?\n- [x] A\n- [x] B\nexplication : E.\n```\n", &[(1, E, "exactement un choix `[x]` attendu (trouvé 2)")]),
    ("cu none right", "```activite choix-unique id=a\nquestion : Q ?\n- [ ] A\n- [ ] B\nexplication : E.\n```\n", &[(1, E, "(trouvé 0)")]),
    ("cu one choice", "```activite choix-unique id=a\nquestion : Q ?\n- [x] A\nexplication : E.\n```\n", &[(1, E, "au moins deux choix")]),
    ("cu no checkbox", "```activite choix-unique id=a\nquestion : Q ?\n- [x] A\n- B\nexplication : E.\n```\n", &[(4, E, "choix sans case")]),
    ("cu feedback first", "```activite choix-unique id=a\nquestion : Q ?\n> retour\n- [x] A\n- [ ] B\nexplication : E.\n```\n", &[(3, E, "sans choix au-dessus")]),
    ("cu no question", "```activite choix-unique id=a\n- [x] A\n- [ ] B\nexplication : E.\n```\n", &[(1, E, "`question :` manquante")]),
    ("cu no explanation", "```activite choix-unique id=a\nquestion : Q ?\n- [x] A\n- [ ] B\n```\n", &[(1, W, "sans `explication :`")]),
    ("cm none right", "```activite choix-multiples id=a\nquestion : Q ?\n- [ ] A\n- [ ] B\nexplication : E.\n```\n", &[(1, E, "au moins un choix `[x]`")]),
    ("vf bad answer", "```activite vrai-faux id=a\nquestion : Q ?\nreponse : peut-être\nexplication : E.\n```\n", &[(3, E, "attend vrai ou faux")]),
    ("vf no answer", "```activite vrai-faux id=a\nquestion : Q ?\nexplication : E.\n```\n", &[(1, E, "manquante")]),
    ("vf list", "```activite vrai-faux id=a\nquestion : Q ?\nreponse : vrai\n- [x] vrai\nexplication : E.\n```\n", &[(4, E, "liste inattendue")]),
    ("rc no answers", "```activite reponse-courte id=a\nquestion : Q ?\nexplication : E.\n```\n", &[(1, E, "`reponses :` manquante")]),
    ("rc empty answers", "```activite reponse-courte id=a\nquestion : Q ?\nreponses : | \nexplication : E.\n```\n", &[(3, E, "au moins une réponse acceptée")]),
    ("rc bad typo flag", "```activite reponse-courte id=a\nquestion : Q ?\nreponses : a\nfaute-permise : peut-être\nexplication : E.\n```\n", &[(4, E, "attend oui ou non")]),
    ("tt no blank", "```activite texte-a-trous id=a\ntexte : Pas de trou ici.\nexplication : E.\n```\n", &[(2, E, "au moins un trou")]),
    ("tt no texte", "```activite texte-a-trous id=a\nexplication : E.\n```\n", &[(1, E, "`texte :` manquant")]),
    ("tt two stars", "```activite texte-a-trous id=a\ntexte : Choix {liste: *A | *B | C}.\nexplication : E.\n```\n", &[(2, E, "exactement une bonne réponse marquée `*` (trouvé 2)")]),
    ("tt no star", "```activite texte-a-trous id=a\ntexte : Choix {liste: A | B}.\nexplication : E.\n```\n", &[(2, E, "(trouvé 0)")]),
    ("tt one option", "```activite texte-a-trous id=a\ntexte : Choix {liste: *A}.\nexplication : E.\n```\n", &[(2, E, "au moins deux options")]),
    ("tt unclosed", "```activite texte-a-trous id=a\ntexte : Un {trou pas fermé.\nexplication : E.\n```\n", &[(2, E, "non fermée")]),
    ("tt nested", "```activite texte-a-trous id=a\ntexte : Un {trou {dans} un trou}.\nexplication : E.\n```\n", &[(2, E, "non fermée")]),
    ("tt stray close", "```activite texte-a-trous id=a\ntexte : Un } seul.\nexplication : E.\n```\n", &[(2, E, "sans `{`")]),
    ("tt empty blank", "```activite texte-a-trous id=a\ntexte : Un {} vide.\nexplication : E.\n```\n", &[(2, E, "trou vide")]),
    ("ap one pair", "```activite appariement id=a\nquestion : Q ?\n- A = 1\nexplication : E.\n```\n", &[(1, E, "au moins deux paires")]),
    ("ap no equals", "```activite appariement id=a\nquestion : Q ?\n- A = 1\n- B 2\n- C = 3\nexplication : E.\n```\n", &[(4, E, "`- gauche = droite`")]),
    ("ap duplicate left", "```activite appariement id=a\nquestion : Q ?\n- A = 1\n- A = 2\nexplication : E.\n```\n", &[(1, E, "en double")]),
    ("ro one item", "```activite remise-en-ordre id=a\nquestion : Q ?\n1. Seul\nexplication : E.\n```\n", &[(1, E, "au moins deux éléments")]),
    ("so one option", "```activite sondage id=a\nquestion : Q ?\n- Seule\n```\n", &[(1, E, "au moins deux options")]),
    ("so crcn", "```activite sondage id=a\nquestion : Q ?\ncrcn : 2.2 niveau 2\n- A\n- B\n```\n", &[(3, E, "`crcn :` refusé")]),
    ("so checkbox", "```activite sondage id=a\nquestion : Q ?\n- [x] A\n- B\n```\n", &[(3, E, "pas de bonne réponse")]),
    ("nm crcn", "```activite nuage-de-mots id=a\nquestion : Q ?\ncrcn : 2.2 niveau 2\n```\n", &[(3, E, "`crcn :` refusé")]),
    ("nm bad count", "```activite nuage-de-mots id=a\nquestion : Q ?\nmots : 50\n```\n", &[(3, E, "de 1 à 10")]),
    ("rm crcn", "```activite remue-meninges id=a\nquestion : Q ?\ncrcn : 2.2 niveau 2\n```\n", &[(3, E, "`crcn :` refusé")]),
    ("unknown crcn", "```activite vrai-faux id=a\nquestion : Q ?\ncrcn : 6.1 niveau 2\nreponse : vrai\nexplication : E.\n```\n", &[(3, E, "compétence CRCN inconnue « 6.1 »")]),
    ("crcn 5.3", "```activite vrai-faux id=a\nquestion : Q ?\ncrcn : 5.3 niveau 2\nreponse : vrai\nexplication : E.\n```\n", &[(3, E, "compétence CRCN inconnue")]),
    ("crcn level 9", "```activite vrai-faux id=a\nquestion : Q ?\ncrcn : 2.2 niveau 9\nreponse : vrai\nexplication : E.\n```\n", &[(3, E, "niveau CRCN invalide « 9 »")]),
    ("crcn level 0", "```activite vrai-faux id=a\nquestion : Q ?\ncrcn : 2.2 niveau 0\nreponse : vrai\nexplication : E.\n```\n", &[(3, E, "niveau CRCN invalide")]),
    ("crcn syntax", "```activite vrai-faux id=a\nquestion : Q ?\ncrcn : 2.2 (2)\nreponse : vrai\nexplication : E.\n```\n", &[(3, E, "mal écrit")]),
    ("crcn level 6 warn", "```activite vrai-faux id=a\nquestion : Q ?\ncrcn : 2.2 niveau 6\nreponse : vrai\nexplication : E.\n```\n", &[(3, W, "niveaux 1 à 5")]),
    ("crcn not in header", "```activite vrai-faux id=a\nquestion : Q ?\ncrcn : 1.1 niveau 1\nreponse : vrai\nexplication : E.\n```\n", &[(3, W, "pas dans le `crcn` de l'en-tête")]),
    ("unknown emi", "```activite vrai-faux id=a\nquestion : Q ?\nemi : EMI9\nreponse : vrai\nexplication : E.\n```\n", &[(3, E, "code EMI inconnu « EMI9 »")]),
    ("bad essais", "```activite vrai-faux id=a\nquestion : Q ?\nessais : 0\nreponse : vrai\nexplication : E.\n```\n", &[(3, E, "`essais :`")]),
    ("unknown key", "```activite vrai-faux id=a\nquestion : Q ?\nreponse : vrai\nexplicaton : E.\n```\n", &[(4, E, "clé inconnue « explicaton »")]),
    ("key of other type", "```activite vrai-faux id=a\nquestion : Q ?\nreponse : vrai\nmots : 3\nexplication : E.\n```\n", &[(4, E, "sans objet")]),
    ("repeated key", "```activite vrai-faux id=a\nquestion : Q ?\nquestion : R ?\nreponse : vrai\nexplication : E.\n```\n", &[(3, E, "répétée")]),
    ("stray line", "```activite vrai-faux id=a\nune ligne perdue\nquestion : Q ?\nreponse : vrai\nexplication : E.\n```\n", &[(2, E, "ligne non reconnue")]),
    (
        "sc cycle",
        "```activite scenario id=s\n[a]\nDébut.\n- Aller en b -> b\n[b]\nMilieu.\n- Revenir -> a\n- Finir -> c\n[c] fin 100\nFin.\n```\n",
        &[(7, E, "boucle")],
    ),
    ("sc dead end", "```activite scenario id=s\n[a]\nDébut.\n- Aller -> b\n[b]\nImpasse.\n```\n", &[(5, E, "impasse"), (1, E, "aucune fin")]),
    (
        "sc unreachable",
        "```activite scenario id=s\n[a]\nDébut.\n- Finir -> c\n[b]\nOubliée.\n- Finir -> c\n[c] fin 100\nFin.\n```\n",
        &[(5, E, "inaccessible")],
    ),
    ("sc unknown target", "```activite scenario id=s\n[a]\nDébut.\n- Aller -> nulle-part\n- Finir -> c\n[c] fin 100\nFin.\n```\n", &[(4, E, "cible inconnue « nulle-part »")]),
    ("sc bad end", "```activite scenario id=s\n[a]\nDébut.\n- Finir -> c\n[c] fin 150\nFin.\n```\n", &[(5, E, "score de fin invalide")]),
    ("sc end with choices", "```activite scenario id=s\n[a]\nDébut.\n- Finir -> c\n[c] fin 100\nFin.\n- Encore -> a\n```\n", &[(5, E, "ne peut pas avoir de choix")]),
    ("sc no arrow", "```activite scenario id=s\n[a]\nDébut.\n- Finir\n[c] fin 100\nFin.\n```\n", &[(4, E, "sans cible")]),
    ("sc duplicate node", "```activite scenario id=s\n[a]\nDébut.\n- Finir -> c\n[c] fin 100\nFin.\n[c] fin 0\nAutre.\n```\n", &[(7, E, "définie deux fois")]),
    ("sc no nodes", "```activite scenario id=s\nquestion : Q ?\n```\n", &[(1, E, "aucune situation")]),
    ("sc participation crcn ok", "```activite scenario id=s\ncrcn : 9.9 niveau 2\n[a]\nDébut.\n- Finir -> c\n[c] fin 100\nFin.\n```\n", &[(2, E, "compétence CRCN inconnue")]),
];

fn run_cases(cases: &[Case]) {
    for (case, body, expected) in cases {
        let (lesson, diags) = compile_body(body);
        for (line, sev, frag) in expected.iter() {
            expect_diag(&diags, *line, *sev, frag, case);
        }
        if expected.iter().all(|(_, s, _)| *s != E) {
            assert!(errors(&diags).is_empty(), "[{case}] unexpected errors: {diags:?}");
        }
        let lesson = lesson.unwrap_or_else(|| panic!("[{case}] front matter is valid, a lesson is expected"));
        assert_safe_lesson(&lesson, case);
        for a in &lesson.activities {
            let json = serde_json::to_string(a).unwrap_or_default();
            assert!(!json.to_ascii_lowercase().contains("javascript:"), "[{case}] {json}");
        }
    }
}

#[test]
fn hostile_input_is_neutralised_and_reported() {
    run_cases(HOSTILE);
}

#[test]
fn malformed_activities_are_reported_at_their_line() {
    run_cases(MALFORMED_ACTIVITIES);
}

#[test]
fn hostile_text_is_shown_as_text() {
    let (l, _) = compile_body("Voir <script>alert(1)</script> et <!-- caché --> [lien](javascript:alert(1)).\n");
    let html = l.unwrap().body_preview();
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "{html}");
    assert!(!html.contains("caché"));
    assert!(html.contains("lien") && !html.contains("<a"), "text of a removed link is kept: {html}");
}

#[test]
fn hostile_fixture_file() {
    let src = read("lessons/hostile.md");
    let (l, diags) = compile_lesson("hostile.md", &src, &ctx());
    let l = l.expect("lesson");
    assert_safe_lesson(&l, "hostile.md");
    for a in &l.activities {
        let json = serde_json::to_string(a).unwrap();
        assert!(!json.to_ascii_lowercase().contains("javascript:"));
        assert!(!json.contains("<script"));
    }
    // every expectation written in hostile.expect: `line | E or W | fragment`
    for line in read("lessons/hostile.expect").lines().filter(|l| !l.trim().is_empty() && !l.starts_with('#')) {
        let parts: Vec<&str> = line.splitn(3, '|').map(str::trim).collect();
        let [n, sev, frag] = parts.as_slice() else { panic!("bad expect line {line}") };
        let n: usize = n.parse().unwrap();
        let sev = if *sev == "E" { Severity::Erreur } else { Severity::Avertissement };
        assert!(
            diags.iter().any(|d| d.line == n && d.severity == sev && text(d).contains(frag)),
            "hostile.md:{n} expected {sev:?} {frag:?}; got:\n{}",
            diags.iter().map(render_diagnostic).collect::<Vec<_>>().join("\n")
        );
    }
}

#[test]
fn good_markdown_renders_as_expected() {
    let body = "## Qu’est-ce qu’un « commun » ?\n\nUn [[commun]] et des [[licences libres|licence libre]].\n\n## Qu’est-ce qu’un « commun » ?\n\n### Détails\n\n| a | b |\n|:--|--:|\n| 1 | 2 |\n\nVoir [Wikipédia](https://fr.wikipedia.org/wiki/Commun \"Article\"), [écrire](mailto:a@b.fr) et [la leçon](lecon:autre-lecon#partie-2).\n\n![-](images/schema-essai.svg \"Moi — CC0 — lessons/images\")\n\nNote[^1].\n\n[^1]: Une note.\n\n```exemple Le cas de Wikipédia\nUn *exemple*.\n```\n\n```a-retenir\nÀ **retenir**.\n```\n\n```rust\nfn main() { println!(\"<b>\"); }\n```\n";
    let (l, diags) = compile_body(body);
    assert!(errors(&diags).is_empty(), "{diags:?}");
    let l = l.unwrap();
    let h = &l.body_preview();
    assert_safe_lesson(&l, "good");
    assert!(h.contains(r#"<h2 id="qu-est-ce-qu-un-commun">"#), "{h}");
    assert!(h.contains(r#"<h2 id="qu-est-ce-qu-un-commun-2">"#), "{h}");
    assert_eq!(l.sections.len(), 3);
    assert_eq!(l.sections[2].id, "details");
    assert_eq!(l.sections[2].level, 3);
    assert_eq!(l.sections[0].title, "Qu’est-ce qu’un « commun » ?");
    assert!(h.contains(r#"<details class="glossaire"><summary>licences libres</summary><span>Un contrat"#), "{h}");
    assert!(h.contains(r#"<div class="paragraphe">Un <details"#), "details never inside <p>: {h}");
    assert_eq!(l.glossary.len(), 2);
    assert!(h.contains(r#"<th class="aligne-gauche">a</th><th class="aligne-droite">b</th>"#), "{h}");
    assert!(h.contains(r#"<a href="https://fr.wikipedia.org/wiki/Commun" title="Article" class="lien-externe" rel="noopener noreferrer" target="_blank">Wikipédia<span class="sr-only"> (nouvel onglet, quitte Communs)</span></a>"#), "{h}");
    assert!(h.contains(r#"<a href="mailto:a@b.fr" class="lien-courriel">écrire</a>"#), "{h}");
    assert!(h.contains(r#"<a href="lecon/autre-lecon#partie-2" data-lecon="autre-lecon">la leçon</a>"#), "{h}");
    assert!(h.contains("<figure><img src=\"lecons/images/schema-essai.svg\" alt=\"\" loading=\"lazy\"><figcaption>Moi — CC0 — lessons/images</figcaption></figure>\n"), "{h}");
    assert!(!h.contains("<p><figure>"), "{h}");
    assert_eq!(l.credits.len(), 1);
    assert_eq!(l.credits[0].licence, "CC0");
    assert!(h.contains(r##"<sup class="appel-note"><a href="#note-1" id="appel-note-1">1</a></sup>"##), "{h}");
    assert!(h.contains(r#"<div class="note" id="note-1">"#), "{h}");
    assert!(h.contains("<aside class=\"encadre encadre-exemple\"><p class=\"encadre-titre\">Exemple\u{a0}: Le cas de Wikipédia</p>\n<p>Un <em>exemple</em>.</p>\n</aside>"), "{h}");
    assert_eq!(html_strings(&l.a_retenir), ["<p>À <strong>retenir</strong>.</p>\n"]);
    assert!(h.contains("<pre><code class=\"language-rust\">fn main() { println!(&quot;&lt;b&gt;&quot;); }\n</code></pre>"), "{h}");
}

#[test]
fn activity_keys_accept_colon_variants_and_continuations() {
    let body = "```activite reponse-courte id=q\nquestion\u{a0}: Première ligne\nsuite de la question.\nreponses: 70 | soixante-dix\nfaute-permise : oui\nexplication :   Un paragraphe.\n\nUn autre.\nindice : Un.\nindice\u{202f}: Deux.\n```\n";
    let (l, diags) = compile_body(body);
    assert!(errors(&diags).is_empty(), "{diags:?}");
    let a = &l.unwrap().activities[0];
    assert_eq!(a.question.as_str(), "Première ligne\nsuite de la question.");
    assert_eq!(a.explanation.as_str(), "<p>Un paragraphe.</p>\n<p>Un autre.</p>");
    assert_eq!(html_strings(&a.hints), ["Un.", "Deux."]);
    assert!(matches!(&a.kind, ActivityKind::ReponseCourte { answers, typo: true } if answers.len() == 2));
}

#[test]
fn texte_a_trous_parts() {
    let body = "```activite texte-a-trous id=t\ntexte : La condition {BY|attribution} oblige ; la condition {liste: SA | *NC | ND} interdit.\nexplication : E.\n```\n";
    let (l, diags) = compile_body(body);
    assert!(errors(&diags).is_empty(), "{diags:?}");
    let a = &l.unwrap().activities[0];
    let ActivityKind::TexteATrous { parts, .. } = &a.kind else { panic!() };
    let shown: Vec<String> = parts
        .iter()
        .map(|p| match p {
            TextPart::Text { html } => format!("texte {:?}", html.as_str()),
            TextPart::Gap { answers } => format!("trou {answers:?}"),
            TextPart::List { options, answer } => format!("liste {options:?} {answer}"),
        })
        .collect();
    assert_eq!(
        shown,
        [
            r#"texte "La condition ""#,
            r#"trou ["BY", "attribution"]"#,
            r#"texte " oblige ; la condition ""#,
            r#"liste ["SA", "NC", "ND"] 1"#,
            r#"texte " interdit.""#,
        ]
    );
}

#[test]
fn test_lesson_uses_every_activity_type_and_is_valid() {
    let dir = fixtures().join("test-lessons");
    let src = std::fs::read_to_string(dir.join("essai-activites.md")).unwrap();
    let out = compile_dir(
        &[("essai-activites.md".into(), src)],
        Some(&read("test-lessons/modules.toml")),
        Some(&read("test-lessons/glossaire.toml")),
        &["images/schema-essai.svg".into()],
    );
    assert!(out.diagnostics.is_empty(), "{:?}", out.diagnostics);
    assert_eq!(out.lessons.len(), 1);
    let l = &out.lessons[0];
    assert_eq!(l.header.id, "essai-activites");
    assert_eq!(l.header.module, "essais");
    let mut types: Vec<ActivityType> = l.activities.iter().map(|a| a.kind.activity_type()).collect();
    types.sort();
    types.dedup();
    assert_eq!(types, ActivityType::ALL, "every type, in the order of ActivityType::ALL");
    for a in &l.activities {
        // The JSON tag of the kind is the type's name.
        let json = serde_json::to_value(a).unwrap();
        assert_eq!(json["type"].as_str(), Some(a.kind.activity_type().as_str()), "{}", a.id);
    }
    // The body: HTML and each activity once, in order, never two pieces of
    // HTML in a row (they would be one).
    let in_body: Vec<&str> =
        l.body.iter().filter_map(|s| if let Segment::Activity { id } = s { Some(id.as_str()) } else { None }).collect();
    let ids: Vec<&str> = l.activities.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(in_body, ids);
    assert!(l.body.windows(2).all(|w| !matches!(w, [Segment::Html(_), Segment::Html(_)])), "{:?}", l.body);
    assert!(l.body.iter().all(|s| !matches!(s, Segment::Html(h) if h.as_str().trim().is_empty())), "blank HTML piece");
    assert_eq!(out.index.lessons[0].activity_count, l.activities.len());
    // JSON round trip
    let json = serde_json::to_string(l).unwrap();
    let back: communs_core::lesson::CompiledLesson = serde_json::from_str(&json).unwrap();
    assert_eq!(&back, l);
    let ijson = serde_json::to_string(&out.index).unwrap();
    let iback: communs_core::lesson::LessonIndex = serde_json::from_str(&ijson).unwrap();
    assert_eq!(iback, out.index);
}

#[test]
fn project_lessons_compile_safely() {
    // the real lessons/ folder (it belongs to the lesson writers): its absence is a failure
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../lessons");
    let folder = communs_core::fs::read_lessons(&dir).unwrap_or_else(|e| panic!("lessons/ must be readable: {e}"));
    assert!(!folder.lessons.is_empty(), "no lesson in {}", dir.display());
    let out = folder.compile();
    for d in &out.diagnostics {
        eprintln!("{}", render_diagnostic(d));
    }
    assert!(!out.lessons.is_empty(), "no lesson of lessons/ compiled");
    for l in &out.lessons {
        assert_safe_lesson(l, &l.header.id);
    }
}

fn html_strings(list: &[SafeHtml]) -> Vec<&str> {
    list.iter().map(SafeHtml::as_str).collect()
}

#[test]
fn body_is_cut_at_top_level_activities() {
    let q = |id: &str| format!("```activite vrai-faux id={id}\nquestion : Q ?\nreponse : vrai\nexplication : E.\n```\n");
    let html = |s: &str| format!("html {s:?}");
    let act = |id: &str| format!("activite {id}");
    let cases: Vec<(String, Vec<String>)> = vec![
        ("Un.\n".into(), vec![html("<p>Un.</p>\n")]),
        (q("a"), vec![act("a")]),
        (format!("Un.\n\n{}\nDeux.\n\n{}", q("a"), q("b")), vec![html("<p>Un.</p>\n"), act("a"), html("<p>Deux.</p>\n"), act("b")]),
        (format!("{}{}", q("a"), q("b")), vec![act("a"), act("b")]),
        (format!("{}\n## Titre\n", q("a")), vec![act("a"), html("<h2 id=\"titre\">Titre</h2>\n")]),
        ("".into(), vec![]),
    ];
    for (body, want) in cases {
        let (l, diags) = compile_body(&body);
        assert!(errors(&diags).is_empty(), "{diags:?}");
        let got: Vec<String> = l
            .unwrap()
            .body
            .iter()
            .map(|s| match s {
                Segment::Html(h) => html(h.as_str()),
                Segment::Activity { id } => act(id),
            })
            .collect();
        assert_eq!(got, want, "{body}");
    }
}
