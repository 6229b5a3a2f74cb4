//! Browser tests of the activities (wasm-bindgen-test in headless Chromium):
//! each type mounts with its controls, an answer is scored and announced in
//! the same tick, the attempts policy shows the solution, display orders are
//! seeded shuffles answered in author indices, and with a profile the attempt
//! is recorded (`data-attempts`, `data-last-score`).
//! Run by `cargo xtask test`; on the host this file compiles to nothing.
#![cfg(target_arch = "wasm32")]

use communs::activities::ActivityView;
use communs_core::lesson::{Activity, ActivityKind, Choice, Pair, SafeHtml, ScenarioChoice, ScenarioNode, TextPart};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().and_then(|w| w.document()).expect("document")
}

/// HTML as the lesson compiler writes it (reading it from JSON is trusted).
fn h(html: &str) -> SafeHtml {
    serde_json::from_value(serde_json::Value::String(html.into())).expect("a JSON string")
}

fn activity(id: &str, question: &str, kind: ActivityKind) -> Activity {
    Activity {
        id: id.into(),
        question: h(question),
        crcn: vec![],
        emi: vec![],
        explanation: h("<p>Parce que.</p>"),
        hints: vec![h("Un indice."), h("Un autre.")],
        attempts: 2,
        retired: false,
        replaced_by: None,
        kind,
    }
}

fn choice(html: &str, correct: bool, feedback: Option<&str>) -> Choice {
    Choice { html: h(html), correct, feedback: feedback.map(h) }
}

fn cu(id: &str) -> Activity {
    activity(
        id,
        "Quelle licence interdit l’usage commercial ?",
        ActivityKind::ChoixUnique {
            choices: vec![
                choice("CC BY", false, Some("Non : BY demande de citer.")),
                choice("CC BY-NC", true, Some("Oui : NC.")),
                choice("CC BY-SA", false, None),
            ],
        },
    )
}

/// Every type, with the author's right answer as the test will give it.
fn all_types() -> Vec<Activity> {
    vec![
        cu("t-cu"),
        activity(
            "t-cm",
            "Libertés ?",
            ActivityKind::ChoixMultiples {
                choices: vec![
                    choice("Étudier", true, None),
                    choice("Revendre la marque", false, None),
                    choice("Partager", true, None),
                ],
            },
        ),
        activity("t-vf", "Libre veut dire gratuit.", ActivityKind::VraiFaux { answer: false }),
        activity("t-rc", "Durée ?", ActivityKind::ReponseCourte { answers: vec!["70".into()], typo: false }),
        activity(
            "t-tt",
            "",
            ActivityKind::TexteATrous {
                parts: vec![
                    TextPart::Text { html: h("La condition ") },
                    TextPart::Gap { answers: vec!["BY".into()] },
                    TextPart::Text { html: h(" cite ; ") },
                    TextPart::List { options: vec!["SA".into(), "NC".into(), "ND".into()], answer: 1 },
                ],
                typo: false,
            },
        ),
        activity(
            "t-ap",
            "Associe.",
            ActivityKind::Appariement {
                pairs: vec![
                    Pair { left: h("BY"), right: h("Citer") },
                    Pair { left: h("NC"), right: h("Pas de commerce") },
                    Pair { left: h("ND"), right: h("Pas de modification") },
                ],
            },
        ),
        activity("t-ro", "Ordonne.", ActivityKind::RemiseEnOrdre { items: vec![h("Un"), h("Deux"), h("Trois")] }),
        activity("t-so", "Wikipédia ?", ActivityKind::Sondage { options: vec![h("Oui"), h("Non")] }),
        activity("t-nm", "Un mot ?", ActivityKind::NuageDeMots { words: 3 }),
        activity("t-rm", "Des idées ?", ActivityKind::RemueMeninges { categories: vec!["Classe".into(), "En ligne".into()] }),
        activity(
            "t-sc",
            "",
            ActivityKind::Scenario {
                nodes: vec![
                    ScenarioNode {
                        id: "debut".into(),
                        html: h("<p>Une photo.</p>"),
                        choices: vec![
                            ScenarioChoice { html: h("Copier"), target: 1, feedback: Some(h("Aïe.")) },
                            ScenarioChoice { html: h("Chercher la licence"), target: 2, feedback: None },
                        ],
                        end: None,
                    },
                    ScenarioNode { id: "mal".into(), html: h("<p>Mal.</p>"), choices: vec![], end: Some(0) },
                    ScenarioNode { id: "bien".into(), html: h("<p>Bien.</p>"), choices: vec![], end: Some(100) },
                ],
            },
        ),
    ]
}

async fn sleep(ms: i32) {
    let p = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window().unwrap().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(p).await.unwrap();
}

/// The root of the activity `id`.
fn root(id: &str) -> web_sys::Element {
    document().query_selector(&format!("[data-activite='{id}']")).unwrap().expect("activity root")
}

fn q(id: &str, sel: &str) -> web_sys::Element {
    root(id).query_selector(sel).unwrap().unwrap_or_else(|| panic!("{id}: {sel}"))
}

/// `querySelectorAll` without the `NodeList` feature of web-sys.
fn select_all(scope: &wasm_bindgen::JsValue, sel: &str) -> Vec<web_sys::Element> {
    let f: js_sys::Function = js_sys::Reflect::get(scope, &"querySelectorAll".into()).unwrap().dyn_into().unwrap();
    let list = f.call1(scope, &sel.into()).unwrap();
    js_sys::Array::from(&list).iter().filter_map(|n| n.dyn_into().ok()).collect()
}

fn q_all(id: &str, sel: &str) -> Vec<web_sys::Element> {
    select_all(&root(id).into(), sel)
}

fn click(el: &web_sys::Element) {
    el.clone().dyn_into::<web_sys::HtmlElement>().unwrap().click();
}

fn set_value(el: &web_sys::Element, value: &str, event: &str) {
    js_sys::Reflect::set(el, &"value".into(), &value.into()).unwrap();
    el.dispatch_event(&web_sys::Event::new(event).unwrap()).unwrap();
}

fn text(id: &str, sel: &str) -> String {
    q(id, sel).text_content().unwrap_or_default()
}

/// The activity `from` of [`all_types`], under the id `id`.
fn renamed(from: &str, id: &str) -> Activity {
    let a = all_types().into_iter().find(|a| a.id == from).unwrap();
    Activity { id: id.into(), ..a }
}

/// Mounts the view of one activity and lets it render.
async fn mount_one(act: Activity) {
    leptos::mount::mount_to_body(move || view! { <ActivityView lesson="essai".to_string() activity=act.clone()/> });
    leptos::task::tick().await;
}

/// Gives the right answer to an activity of [`all_types`] through its controls.
async fn answer_right(a: &Activity) {
    let id = a.id.as_str();
    match &a.kind {
        ActivityKind::ChoixUnique { choices } | ActivityKind::ChoixMultiples { choices } => {
            for (i, c) in choices.iter().enumerate() {
                if c.correct {
                    click(&q(id, &format!("[data-testid=choix][data-index='{i}']")));
                }
            }
        }
        ActivityKind::VraiFaux { answer } => {
            click(&q(id, &format!("[data-testid=choix][data-valeur={}]", if *answer { "vrai" } else { "faux" })))
        }
        ActivityKind::ReponseCourte { answers, .. } => set_value(&q(id, "[data-testid=reponse]"), &answers[0], "input"),
        ActivityKind::TexteATrous { .. } => {
            set_value(&q(id, "[data-testid=trou][data-index='0']"), "by", "input");
            set_value(&q(id, "[data-testid=trou][data-index='1']"), "1", "change");
        }
        ActivityKind::Appariement { pairs } => {
            for i in 0..pairs.len() {
                set_value(&q(id, &format!("[data-testid=paire][data-index='{i}']")), &i.to_string(), "change");
            }
        }
        ActivityKind::RemiseEnOrdre { items } => {
            for p in 0..items.len() {
                // Bring author item p up to position p.
                loop {
                    let order: Vec<String> =
                        q_all(id, "[data-testid=element]").iter().map(|e| e.get_attribute("data-index").unwrap()).collect();
                    let at = order.iter().position(|x| *x == p.to_string()).unwrap();
                    if at == p {
                        break;
                    }
                    click(&q(id, &format!("[data-testid=element][data-index='{p}'] [data-testid=monter]")));
                    leptos::task::tick().await;
                }
            }
        }
        ActivityKind::Sondage { .. } => click(&q(id, "[data-testid=choix][data-index='1']")),
        ActivityKind::NuageDeMots { .. } => {
            set_value(&q(id, "[data-testid=mot][data-index='0']"), "Partage", "input");
            set_value(&q(id, "[data-testid=mot][data-index='1']"), "partagé", "input");
        }
        ActivityKind::RemueMeninges { .. } => {
            set_value(&q(id, "[data-testid=idee]"), "Un wiki de classe", "input");
            set_value(&q(id, "[data-testid=idee-categorie]"), "1", "change");
        }
        ActivityKind::Scenario { .. } => {
            click(&q(id, "[data-testid=scenario-choix][data-index='1']"));
        }
    }
    leptos::task::tick().await;
    if !matches!(a.kind, ActivityKind::Scenario { .. }) {
        click(&q(id, "[data-testid=valider]"));
    }
    leptos::task::tick().await;
}

#[wasm_bindgen_test]
async fn every_type_mounts_and_a_right_answer_is_announced() {
    let acts = all_types();
    let list = acts.clone();
    leptos::mount::mount_to_body(move || {
        list.iter().map(|a| view! { <ActivityView lesson="essai".to_string() activity=a.clone()/> }).collect_view()
    });
    leptos::task::tick().await;
    for a in &acts {
        let id = a.id.as_str();
        let r = root(id);
        assert_eq!(r.get_attribute("data-type").as_deref(), Some(a.kind.activity_type().as_str()));
        assert_eq!(r.get_attribute("data-testid").as_deref(), Some("activite"));
        assert_eq!(r.get_attribute("data-attempts").as_deref(), Some("0"), "{id}");
        assert_eq!(r.get_attribute("data-last-score").as_deref(), Some(""), "{id}");
        assert!(r.class_list().contains(&format!("activite-{}", a.kind.activity_type().as_str())));
        let h = text(id, "h3");
        assert!(h.starts_with("Activité\u{a0}:"), "{id}: {h}");
        let labelled = r.get_attribute("aria-labelledby").unwrap();
        assert!(document().get_element_by_id(&labelled).is_some());
        assert_eq!(q(id, "[data-testid=annonce]").get_attribute("role").as_deref(), Some("status"));
        answer_right(a).await;
        let verdict = text(id, "[data-testid=annonce]");
        let expected = if a.participation_only() { "Merci" } else { "Juste" };
        assert!(verdict.contains(expected), "{id}: {verdict}");
        // No storage in this test: the answer is not saved, and the activity says so.
        assert!(text(id, "[data-testid=non-enregistre]").contains("Crée un profil"), "{id}");
        assert!(root(id).query_selector("[data-testid=recommencer]").unwrap().is_some(), "{id}");
    }
    // Participation views count the answer given here.
    assert!(text("t-so", "[data-testid=sondage-resultats]").contains("1 réponse sur 1"));
    let cloud: Vec<String> = q_all("t-nm", "[data-testid=nuage-liste] li").iter().map(|e| e.text_content().unwrap()).collect();
    assert_eq!(cloud, vec!["partagé — 2\u{a0}fois".to_string()]);
    assert!(q("t-nm", "[data-testid=nuage-mot]").class_name().contains("mot-taille-"));
    assert!(text("t-rm", "[data-testid=mur]").contains("Un wiki de classe"));
    let cols = q_all("t-rm", "[data-testid=mur-categorie]");
    assert_eq!(cols[1].text_content().unwrap(), "En ligneUn wiki de classe");
    // Scenario: the feedback of each step and the end.
    assert!(text("t-sc", "[data-testid=annonce]").contains("100 sur 100"));
}

#[wasm_bindgen_test]
async fn nothing_chosen_says_so_and_records_nothing() {
    let acts = all_types();
    let list = acts.clone();
    leptos::mount::mount_to_body(move || {
        list.iter().map(|a| view! { <ActivityView lesson="vide".to_string() activity=a.clone()/> }).collect_view()
    });
    leptos::task::tick().await;
    for a in acts.iter().filter(|a| !matches!(a.kind, ActivityKind::Scenario { .. } | ActivityKind::RemiseEnOrdre { .. })) {
        click(&q(&a.id, "[data-testid=valider]"));
        leptos::task::tick().await;
        let s = text(&a.id, "[data-testid=annonce]");
        assert!(s.contains("avant de valider"), "{}: {s}", a.id);
        assert!(root(&a.id).query_selector("[data-testid=recommencer]").unwrap().is_none());
    }
}

#[wasm_bindgen_test]
async fn wrong_answers_then_the_solution_and_retry() {
    mount_one(cu("cu-essais")).await;
    let id = "cu-essais";
    // Hints: one at a time.
    click(&q(id, "[data-testid=indice-bouton]"));
    leptos::task::tick().await;
    assert_eq!(q_all(id, "[data-testid=indice]").len(), 1);
    assert!(text(id, "[data-testid=indice-bouton]").contains("autre"));
    click(&q(id, "[data-testid=indice-bouton]"));
    leptos::task::tick().await;
    assert_eq!(q_all(id, "[data-testid=indice]").len(), 2);
    assert!(root(id).query_selector("[data-testid=indice-bouton]").unwrap().is_none());

    // First wrong answer: « Faux », its feedback, one try left, no solution yet.
    click(&q(id, "[data-testid=choix][data-index='0']"));
    click(&q(id, "[data-testid=valider]"));
    leptos::task::tick().await;
    let s = text(id, "[data-testid=annonce]");
    assert!(s.contains("Faux") && s.contains("0\u{a0}%") && s.contains("1 essai"), "{s}");
    assert!(text(id, "[data-testid=retour]").contains("BY demande"));
    assert!(root(id).query_selector("[data-testid=solution]").unwrap().is_none());
    assert!(root(id).query_selector("[data-testid=explication]").unwrap().is_none());
    assert_eq!(
        q(id, "[data-testid=choix][data-index='0']").closest("li").unwrap().unwrap().get_attribute("data-marque").as_deref(),
        Some("faux")
    );
    let radio: web_sys::HtmlInputElement = q(id, "[data-testid=choix][data-index='1']").dyn_into().unwrap();
    assert!(radio.disabled(), "locked until « Recommencer »");

    // Retry, second wrong answer: the solution and the explanation.
    click(&q(id, "[data-testid=recommencer]"));
    leptos::task::tick().await;
    assert!(!radio.disabled());
    assert_eq!(text(id, "[data-testid=annonce]"), "");
    click(&q(id, "[data-testid=choix][data-index='2']"));
    click(&q(id, "[data-testid=valider]"));
    leptos::task::tick().await;
    assert!(text(id, "[data-testid=solution]").contains("CC BY-NC"));
    assert!(text(id, "[data-testid=explication]").contains("Parce que"));
    assert_eq!(
        q(id, "[data-testid=choix][data-index='1']").closest("li").unwrap().unwrap().get_attribute("data-marque").as_deref(),
        Some("manque")
    );
}

#[wasm_bindgen_test]
async fn partial_credit_is_not_quite_right() {
    mount_one(renamed("t-cm", "cm-partiel")).await;
    click(&q("cm-partiel", "[data-testid=choix][data-index='0']"));
    click(&q("cm-partiel", "[data-testid=valider]"));
    leptos::task::tick().await;
    let s = text("cm-partiel", "[data-testid=annonce]");
    assert!(s.contains("Pas tout à fait") && s.contains("50\u{a0}%"), "{s}");
}

#[wasm_bindgen_test]
async fn display_order_is_a_seeded_shuffle_answered_in_author_indices() {
    let mk = |id: &str| {
        activity(
            id,
            "Lettres",
            ActivityKind::ChoixUnique {
                choices: ["A", "B", "C", "D", "E", "F", "G", "H"].iter().enumerate().map(|(i, s)| choice(s, i == 5, None)).collect(),
            },
        )
    };
    let (a, b) = (mk("ordre-a"), mk("ordre-a"));
    let order = |root_sel: &str| -> Vec<String> {
        select_all(&document().into(), &format!("{root_sel} [data-testid=choix]"))
            .iter()
            .map(|e| e.get_attribute("data-index").unwrap())
            .collect()
    };
    leptos::mount::mount_to_body(move || view! { <div id="o1"><ActivityView lesson="essai".to_string() activity=a.clone()/></div> });
    leptos::task::tick().await;
    let first = order("#o1");
    leptos::mount::mount_to_body(move || view! { <div id="o2"><ActivityView lesson="essai".to_string() activity=b.clone()/></div> });
    leptos::task::tick().await;
    assert_eq!(first, order("#o2"), "same learner, same activity: same order");
    let mut sorted = first.clone();
    sorted.sort();
    assert_eq!(sorted, (0..8).map(|i| i.to_string()).collect::<Vec<_>>());
    assert_ne!(first, sorted, "shuffled");
    // The right answer is author index 5 wherever it is shown.
    click(&document().query_selector("#o2 [data-testid=choix][data-index='5']").unwrap().unwrap());
    click(&document().query_selector("#o2 [data-testid=valider]").unwrap().unwrap());
    leptos::task::tick().await;
    assert!(document().query_selector("#o2 [data-testid=annonce]").unwrap().unwrap().text_content().unwrap().contains("Juste"));
}

#[wasm_bindgen_test]
async fn with_a_profile_each_answer_is_recorded() {
    if let Some(ls) = web_sys::window().unwrap().local_storage().ok().flatten() {
        ls.clear().unwrap();
    }
    let storage = StoredValue::new_local(None::<communs::storage::Storage>);
    let act = cu("cu-enregistre");
    leptos::mount::mount_to_body(move || {
        communs::storage::provide_storage();
        let s = communs::storage::use_storage();
        s.create_profile("Essai", 0, 0).expect("profile");
        storage.set_value(Some(s));
        view! { <ActivityView lesson="essai".to_string() activity=act.clone()/> }
    });
    leptos::task::tick().await;
    let id = "cu-enregistre";
    click(&q(id, "[data-testid=choix][data-index='1']"));
    click(&q(id, "[data-testid=valider]"));
    leptos::task::tick().await;
    // The feedback is there before the write…
    assert!(text(id, "[data-testid=annonce]").contains("Juste"));
    assert!(root(id).query_selector("[data-testid=non-enregistre]").unwrap().is_none());
    // … which lands after the paint.
    for _ in 0..50 {
        if root(id).get_attribute("data-attempts").as_deref() == Some("1") {
            break;
        }
        sleep(20).await;
    }
    assert_eq!(root(id).get_attribute("data-attempts").as_deref(), Some("1"));
    assert_eq!(root(id).get_attribute("data-last-score").as_deref(), Some("100"));
    click(&q(id, "[data-testid=recommencer]"));
    leptos::task::tick().await;
    click(&q(id, "[data-testid=choix][data-index='0']"));
    click(&q(id, "[data-testid=valider]"));
    leptos::task::tick().await;
    for _ in 0..50 {
        if root(id).get_attribute("data-attempts").as_deref() == Some("2") {
            break;
        }
        sleep(20).await;
    }
    assert_eq!(root(id).get_attribute("data-attempts").as_deref(), Some("2"));
    assert_eq!(root(id).get_attribute("data-last-score").as_deref(), Some("0"), "the latest attempt, even within the same second");
    let s = storage.get_value().unwrap();
    let attempts = s.attempts_for("essai", id);
    assert_eq!(attempts.len(), 2);
    assert!(attempts.iter().any(|a| a.response == communs_core::response::Response::Choices(vec![1]) && a.score == 100));
}

#[wasm_bindgen_test]
async fn a_scenario_shows_its_best_path_once_the_tries_are_spent() {
    mount_one(renamed("t-sc", "sc-chemin")).await;
    let id = "sc-chemin";
    // The wrong end, twice (two tries): first « 1 essai », then the best path.
    click(&q(id, "[data-testid=scenario-choix][data-index='0']"));
    leptos::task::tick().await;
    let s = text(id, "[data-testid=annonce]");
    assert!(s.contains("0 sur 100") && s.contains("1 essai"), "{s}");
    assert!(root(id).query_selector("[data-testid=solution]").unwrap().is_none());
    assert_eq!(q_all(id, "[data-testid=scenario-etape]").len(), 1);
    click(&q(id, "[data-testid=recommencer]"));
    leptos::task::tick().await;
    assert!(q_all(id, "[data-testid=scenario-etape]").is_empty(), "back to the start");
    click(&q(id, "[data-testid=scenario-choix][data-index='0']"));
    leptos::task::tick().await;
    let best: Vec<String> = q_all(id, "[data-testid=solution] li").iter().map(|e| e.text_content().unwrap()).collect();
    assert_eq!(best, vec!["Chercher la licence".to_string()]);
}

#[wasm_bindgen_test]
async fn a_typo_names_the_spelling_it_matched() {
    mount_one(activity(
        "rc-faute",
        "Quelle encyclopédie ?",
        ActivityKind::ReponseCourte { answers: vec!["Vikidia".into(), "Wikipédia".into()], typo: true },
    ))
    .await;
    set_value(&q("rc-faute", "[data-testid=reponse]"), "wikipdia", "input");
    leptos::task::tick().await;
    click(&q("rc-faute", "[data-testid=valider]"));
    leptos::task::tick().await;
    assert!(text("rc-faute", "[data-testid=annonce]").contains("Juste"));
    let note = text("rc-faute", "[data-testid=orthographe]");
    assert!(note.contains("«\u{a0}Wikipédia\u{a0}»") && !note.contains("Vikidia"), "{note}");
}
