//! Browser tests of the storage module against the real `localStorage`
//! (wasm-bindgen-test in headless Chromium): profiles survive a new start,
//! answers are written after the next paint, corrupt data is set aside.
//! Run by `cargo xtask test`; on the host this file compiles to nothing.
#![cfg(target_arch = "wasm32")]

use communs::storage::{provide_storage, use_storage, Mode, Storage};
use communs_core::response::Response;
use communs_core::storage::LessonStatus;
use leptos::prelude::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn local() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

fn keys() -> Vec<String> {
    let ls = local();
    (0..ls.length().unwrap()).filter_map(|i| ls.key(i).unwrap()).collect()
}

/// A new start of the app: a fresh owner reading `localStorage` again.
fn start() -> (Owner, Storage) {
    let owner = Owner::new();
    let storage = owner.with(|| {
        provide_storage();
        use_storage()
    });
    (owner, storage)
}

async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window().unwrap().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms).unwrap();
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

#[wasm_bindgen_test]
async fn profiles_survive_a_new_start() {
    local().clear().unwrap();
    let (_owner, s) = start();
    assert_eq!(s.state().mode, Mode::Local);
    assert!(s.current_profile().is_none());
    let a = s.create_profile("Renard bleu", 2, 0).expect("created");
    let b = s.create_profile("Chat", 1, 1).expect("created");
    assert_eq!(s.current_profile().map(|p| p.id), Some(b.clone()));
    s.switch_profile(Some(&a)).unwrap();
    s.rename_profile(&a, "Hibou malin").unwrap();
    assert!(local().get_item("communs.meta").unwrap().unwrap().contains("Hibou malin"));

    let (_owner2, again) = start();
    let names: Vec<String> = again.profiles().into_iter().map(|p| p.pseudonym).collect();
    assert_eq!(names, ["Hibou malin", "Chat"]);
    assert_eq!(again.current_profile().map(|p| p.id), Some(a.clone()));
    assert!(again.state().load_problems.is_empty());

    again.delete_profile(&b).unwrap();
    assert!(!local().get_item("communs.meta").unwrap().unwrap().contains("Chat"));
}

#[wasm_bindgen_test]
async fn answers_are_written_after_the_next_paint() {
    local().clear().unwrap();
    let (_owner, s) = start();
    assert!(!s.record_attempt("droit-auteur", "q1", Response::Bool(true), 100, 5), "no profile: nothing recorded");
    // Without a profile, the shuffle seed of an activity is fixed: changing
    // this value changes the order of the options learners see.
    assert_eq!(s.seed_for("droit-auteur", "q1"), 0x31d3_593c_bdea_6f05);
    assert_eq!(s.seed_for("droit-auteur", "q2"), 0x31dd_593c_bdf2_c38a);
    s.create_profile("Tortue", 0, 3).unwrap();
    assert!(s.record_attempt("droit-auteur", "q1", Response::Bool(true), 100, 5));
    s.set_progress("droit-auteur", LessonStatus::Done, 4);
    // Not yet: the feedback is painted first.
    assert!(keys().iter().all(|k| !k.starts_with("communs.p.")), "{:?}", keys());
    assert!(s.attempts_for("droit-auteur", "q1").is_empty());
    sleep(400).await;
    assert!(keys().iter().any(|k| k.starts_with("communs.p.") && !k.ends_with(".progress")), "{:?}", keys());
    assert_eq!(s.attempts_for("droit-auteur", "q1").len(), 1);
    assert_eq!(s.lesson_status("droit-auteur"), Some(LessonStatus::Done));
    assert_eq!(s.lesson_position("droit-auteur"), Some(4));
    // « Terminée » never goes back.
    s.set_progress("droit-auteur", LessonStatus::InProgress, 1);
    sleep(400).await;
    assert_eq!(s.lesson_status("droit-auteur"), Some(LessonStatus::Done));
    // With a profile, the seed is that of (profile id, lesson, activity),
    // whose values `core::text` pins.
    let id = s.current_profile().map(|p| p.id.as_str().to_string()).unwrap_or_default();
    assert!(!id.is_empty(), "a current profile");
    assert_eq!(s.seed_for("droit-auteur", "q1"), communs_core::text::hash_seed(&[&id, "droit-auteur", "q1"]));
    assert_ne!(s.seed_for("droit-auteur", "q1"), s.seed_for("droit-auteur", "q2"));
    assert_eq!(s.device_responses("droit-auteur", "q1"), vec![Response::Bool(true)]);

    // A new start reads the answer back.
    let (_owner2, again) = start();
    assert_eq!(again.attempts().len(), 1);
}

#[wasm_bindgen_test]
async fn corrupt_values_are_set_aside_not_deleted() {
    local().clear().unwrap();
    local().set_item("communs.p.zz", "valeur étrangère").unwrap();
    local().set_item("autre", "intact").unwrap();
    let (_owner, s) = start();
    let state = s.state();
    assert_eq!(state.newly_quarantined, 1);
    assert!(!state.load_problems.is_empty());
    assert_eq!(local().get_item("communs.p.zz").unwrap(), None);
    let aside: Vec<String> = keys().into_iter().filter(|k| k.starts_with("communs.q.")).collect();
    assert_eq!(aside.len(), 1);
    assert!(local().get_item(&aside[0]).unwrap().unwrap().contains("valeur étrangère"));
    assert!(s.quarantine_document().contains("valeur étrangère"));
    assert_eq!(local().get_item("autre").unwrap().as_deref(), Some("intact"));
}

/// Every `communs.` pair of the real `localStorage`.
fn communs_pairs() -> Vec<(String, String)> {
    let ls = local();
    keys().into_iter().filter(|k| k.starts_with("communs.")).filter_map(|k| ls.get_item(&k).unwrap().map(|v| (k, v))).collect()
}

/// What `localStorage` does with a batch, written as the app writes it.
fn write_ops(ops: &[communs_core::storage::WriteOp]) {
    let ls = local();
    for op in ops {
        match &op.value {
            Some(v) => ls.set_item(&op.key, v).unwrap(),
            None => ls.remove_item(&op.key).unwrap(),
        }
    }
}

/// Issue #14, forced: tab A plans an answer to a new activity, tab B writes
/// its own new activity (same table position) to the real `localStorage`,
/// then A commits what it planned. B then hears of A's writes (the
/// `storage` event, delivered by hand: one page gets no event of its own
/// writes). A new start of the app finds both answers under their activity.
#[wasm_bindgen_test]
async fn two_tabs_adding_an_activity_at_once_file_both_answers_right() {
    use communs_core::storage::{load, NewAttempt};
    local().clear().unwrap();
    let (_owner, s) = start();
    let renard = s.create_profile("Renard", 0, 0).unwrap();
    let hibou = s.create_profile("Hibou", 1, 2).unwrap();
    s.switch_profile(Some(&renard)).unwrap();
    // One known activity first, so the table is not empty.
    assert!(s.record_attempt("droit-auteur", "q1", Response::Bool(true), 100, 5));
    sleep(400).await;

    let new = |activity: &str, score: u8| NewAttempt {
        at: 1_765_000_000,
        lesson: "droit-auteur".into(),
        activity: activity.into(),
        score,
        duration: 4,
        response: Response::Bool(false),
    };
    let mut tab_a = load(communs_pairs()).store;
    let mut tab_b = load(communs_pairs()).store;
    // A plans; the same profile (same chunk) for B, then another profile.
    let (_, plan_a) = tab_a.record_attempt(&renard, new("nouvelle-a", 11), 1).unwrap();
    let (_, plan_b) = tab_b.record_attempt(&renard, new("nouvelle-b", 22), 2).unwrap();
    // B writes its table between A's planning and A's commit.
    write_ops(&plan_b.ops);
    tab_b.apply(&plan_b);
    // B answers it again for another profile: a known entry now, by position.
    let (_, plan_b2) = tab_b.record_attempt(&hibou, new("nouvelle-b", 33), 3).unwrap();
    assert!(plan_b2.ops.iter().all(|o| o.key != "communs.meta"), "the table is not written again");
    write_ops(&plan_b2.ops);
    tab_b.apply(&plan_b2);
    // A commits the batch it planned on the old view: its index wins.
    write_ops(&plan_a.ops);
    tab_a.apply(&plan_a);
    // B gets A's storage events and writes back what A's values lost (the
    // chunk A overwrote, and B's answer that used the position A's index now
    // gives to A's activity: renumbered).
    for op in &plan_a.ops {
        let fix = tab_b.on_external_change(&op.key, op.value.as_deref());
        write_ops(&fix.ops);
        tab_b.apply(&fix);
    }

    let (_owner2, again) = start();
    assert!(again.state().load_problems.is_empty(), "{:?}", again.state().load_problems);
    again.switch_profile(Some(&renard)).unwrap();
    let scores = |a: &str| again.attempts_for("droit-auteur", a).iter().map(|t| t.score).collect::<Vec<u8>>();
    assert_eq!(scores("nouvelle-a"), [11]);
    assert_eq!(scores("nouvelle-b"), [22]);
    assert_eq!(scores("q1"), [100]);
    again.switch_profile(Some(&hibou)).unwrap();
    let scores = |a: &str| again.attempts_for("droit-auteur", a).iter().map(|t| t.score).collect::<Vec<u8>>();
    assert_eq!(scores("nouvelle-b"), [33]);
    assert!(scores("nouvelle-a").is_empty());
}

/// « Effacer ma progression » against the real `localStorage`: the
/// profile's keys go, the profile stays (and survives a new start).
#[wasm_bindgen_test]
async fn erasing_the_progress_keeps_the_profile() {
    local().clear().unwrap();
    let (_owner, s) = start();
    let id = s.create_profile("Baleine", 4, 4).unwrap();
    assert!(s.record_attempt("droit-auteur", "q1", Response::Bool(true), 100, 5));
    s.set_progress("droit-auteur", LessonStatus::InProgress, 1);
    sleep(400).await;
    assert!(keys().iter().any(|k| k.starts_with("communs.p.")));
    s.erase_progress(&id).unwrap();
    assert!(keys().iter().all(|k| !k.starts_with("communs.p.")), "{:?}", keys());
    assert!(s.attempts().is_empty());
    let (_owner2, again) = start();
    assert_eq!(again.current_profile().map(|p| (p.id, p.pseudonym, p.colour, p.avatar)), Some((id, "Baleine".into(), 4, 4)));
    assert!(again.attempts().is_empty());
    assert_eq!(again.lesson_status("droit-auteur"), None);
}
