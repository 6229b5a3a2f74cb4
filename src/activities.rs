//! The activities of a lesson: one live component, [`ActivityView`], for the
//! eleven types of `communs_core::lesson::ActivityKind`.
//!
//! The shell here is common to every type: heading, question, the « Valider »
//! and « Recommencer » buttons, hints, the live region that announces the
//! result, the explanation and the sentence shown when no profile is chosen.
//! The attempts policy (when the solution is shown, how many tries remain)
//! is `communs_core::activity::attempts::Tries`; tallies, scenario walks and
//! display orders come from `communs_core::activity` too. Each type module
//! only lays out its controls and gives the shell a *collector* that reads
//! them into a [`Response`] in **author indices** (display orders are seeded
//! shuffles, see [`Ctx::order`]).
//!
//! Answering is synchronous: the click handler scores with
//! [`communs_core::lesson::score`], sets the outcome signal (the feedback is
//! painted in the same frame), then calls `Storage::record_answer` (in a
//! lesson page, which gives its [`LessonOrder`]: the progress position goes
//! in the same write) or `Storage::record_attempt`, which write after the
//! paint. The attempts shown come from the storage's memo of the current
//! profile's attempts (`Storage::activity_summary`), nothing is cloned.
//!
//! Hooks for the tests (`data-testid`) are listed in `tests/e2e/README.md`.

mod choices;
mod matching;
mod participation;
mod scenario;
mod text;

use std::sync::Arc;

use communs_core::activity::attempts::{Phase, Tries};
use communs_core::activity::order::display_order;
use communs_core::lesson::scoring::Verdict;
use communs_core::lesson::{score, Activity, ActivityKind, Mark, Outcome, SafeHtml};
use communs_core::response::Response;
use communs_core::text::hash_seed;
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::components::safe_html;
use crate::i18n::activities::{self as am, ActivityMsg};
use crate::i18n::t;
use crate::storage::Storage;

/// The activity ids of the lesson page, in the order of the text, provided
/// as context by the lesson page: an answer then also moves the lesson's
/// progress position, in the same write.
#[derive(Clone, Debug)]
pub struct LessonOrder(pub Arc<[String]>);

/// Reads the controls of an activity into a response (author indices), or
/// `Err(message)` when the learner has not answered enough to validate.
type Collect = Arc<dyn Fn() -> Result<Response, ActivityMsg> + Send + Sync>;

/// What the live region says.
#[derive(Clone, Debug, PartialEq)]
enum Notice {
    /// The result of an answer.
    Verdict(Verdict, String),
    /// A message (nothing to validate, an item moved…).
    Info(String),
}

/// How a verdict is shown: class, icon and word (never colour alone).
fn verdict_look(v: Verdict) -> (&'static str, &'static str, &'static str) {
    match v {
        Verdict::Right => ("verdict-juste", "✓", t(ActivityMsg::VerdictRight)),
        Verdict::Partial => ("verdict-partiel", "◐", t(ActivityMsg::VerdictPartial)),
        Verdict::Wrong => ("verdict-faux", "✗", t(ActivityMsg::VerdictWrong)),
        Verdict::Thanks => ("verdict-merci", "✓", t(ActivityMsg::VerdictThanks)),
    }
}

/// The state an activity shares with its type module (all `Copy` handles).
#[derive(Clone, Copy)]
pub(crate) struct Ctx {
    lesson: StoredValue<String>,
    activity: StoredValue<Activity>,
    /// The section's DOM id, prefix of every id inside (`activite-<id>`).
    uid: StoredValue<String>,
    /// The latest outcome, `None` before answering and after « Recommencer ».
    outcome: RwSignal<Option<Outcome>>,
    /// The latest submitted response.
    submitted: RwSignal<Option<Response>>,
    /// The attempts policy of this view (open, try again, revealed…).
    tries: RwSignal<Tries>,
    /// Bumped by « Recommencer ».
    epoch: RwSignal<u32>,
    /// Seed of the display orders, per learner and activity.
    seed: Memo<u64>,
    /// `Some(false)` when the last answer could not be saved (no profile).
    recorded: RwSignal<Option<bool>>,
    notice: RwSignal<Option<Notice>>,
    collect: StoredValue<Option<Collect>>,
    storage: Option<Storage>,
    /// The lesson page's activity order, when there is one.
    order: Option<StoredValue<Arc<[String]>>>,
    started: StoredValue<f64>,
    /// (attempts count once written, score) of the attempt recorded here last.
    last_local: RwSignal<Option<(usize, u8)>>,
    /// Answers of the device before the last submit (participation views).
    device_before: StoredValue<usize>,
    attempts: Memo<(usize, Option<u8>)>,
    section: NodeRef<html::Section>,
    result: NodeRef<html::Div>,
}

impl Ctx {
    fn activity(&self) -> Activity {
        self.activity.get_value()
    }
    /// A DOM id unique to this activity: `activite-<id>-<part>`.
    pub(crate) fn id(&self, part: &str) -> String {
        format!("{}-{part}", self.uid.get_value())
    }
    /// True once an answer is shown (controls are locked until « Recommencer »).
    pub(crate) fn answered(&self) -> bool {
        self.tries.with(Tries::answered)
    }
    /// True when the solution is shown: right answer, or no try left.
    pub(crate) fn revealed(&self) -> bool {
        self.tries.with(Tries::revealed)
    }
    /// The mark of item `i` of the latest outcome.
    pub(crate) fn mark(&self, i: usize) -> Option<Mark> {
        self.outcome.with(|o| o.as_ref().and_then(|o| o.items.get(i).copied()))
    }
    /// The display order of `len` items (author indices), seeded per learner,
    /// activity and `salt` (one list among several).
    pub(crate) fn order(&self, len: usize, salt: usize) -> Vec<usize> {
        display_order(self.seed.get(), len, salt)
    }
    /// Registers how to read the controls.
    pub(crate) fn set_collector(&self, f: impl Fn() -> Result<Response, ActivityMsg> + Send + Sync + 'static) {
        self.collect.set_value(Some(Arc::new(f)));
    }
    /// Says something in the live region (moves, problems).
    pub(crate) fn say(&self, text: String) {
        self.notice.set(Some(Notice::Info(text)));
    }
    /// The responses of every profile of this device to this activity, plus
    /// the latest answer given here while its write is pending or when it
    /// could not be saved.
    pub(crate) fn device_responses(&self) -> Vec<Response> {
        let mut v = match self.storage {
            Some(s) => self.lesson.with_value(|l| self.activity.with_value(|a| s.device_responses(l, &a.id))),
            None => Vec::new(),
        };
        if let Some(own) = self.submitted.get() {
            if self.answered() && v.len() <= self.device_before.get_value() {
                v.push(own);
            }
        }
        v
    }

    /// Reads the controls and submits, or says what is missing.
    fn validate(&self) {
        if self.answered() {
            return;
        }
        let Some(collect) = self.collect.get_value() else { return };
        match collect() {
            Ok(r) => self.submit(r, true),
            Err(m) => self.notice.set(Some(Notice::Info(t(m).to_string()))),
        }
    }

    /// Scores `response`, shows the feedback, then records the attempt.
    pub(crate) fn submit(&self, response: Response, focus_result: bool) {
        let activity = self.activity.get_value();
        let outcome = score(&activity, &response);
        if outcome.malformed {
            let m = if matches!(response, Response::Texts(_)) { ActivityMsg::AnswerFirst } else { ActivityMsg::ChooseFirst };
            self.notice.set(Some(Notice::Info(t(m).to_string())));
            return;
        }
        let tries = self.tries.get_untracked().answer(&outcome);
        let verdict = outcome.verdict();
        let mut detail = match (&activity.kind, outcome.end) {
            _ if outcome.participation_only => String::new(),
            (ActivityKind::Scenario { .. }, Some(_)) => {
                let best = if outcome.correct { ActivityMsg::ScenarioBestEnd } else { ActivityMsg::ScenarioNotBestEnd };
                format!("{}. {}", am::scenario_end(outcome.score_percent), t(best))
            }
            _ => format!("{}.", am::score(outcome.score_percent)),
        };
        if let Some(left) = tries.tries_left() {
            detail.push(' ');
            detail.push_str(&am::tries_left(left));
        }
        let score_percent = outcome.score_percent;
        let before = self.device_responses().len();
        self.device_before.set_value(before);
        // Feedback first (same frame)…
        self.tries.set(tries);
        self.submitted.set(Some(response.clone()));
        self.outcome.set(Some(outcome));
        self.notice.set(Some(Notice::Verdict(verdict, detail)));
        // … then the attempt, written by storage after the paint.
        let duration = ((js_sys::Date::now() - self.started.get_value()) / 1000.0).round().clamp(0.0, u32::MAX as f64) as u32;
        let saved = match self.storage {
            Some(s) => {
                let count = self.attempts.get_untracked().0;
                let ok = self.lesson.with_value(|l| match self.order {
                    Some(order) => s.record_answer(l, &activity.id, response, score_percent, duration, order.get_value()),
                    None => s.record_attempt(l, &activity.id, response, score_percent, duration),
                });
                if ok {
                    self.last_local.set(Some((count + 1, score_percent)));
                }
                ok
            }
            None => false,
        };
        self.recorded.set(Some(saved));
        if focus_result {
            let result = self.result;
            request_animation_frame(move || {
                if let Some(el) = result.get_untracked() {
                    let _ = el.focus();
                }
            });
        }
    }

    /// « Recommencer »: the controls are unlocked (keeping what was entered)
    /// and focus goes back to the first one.
    fn retry(&self) {
        self.tries.update(|t| *t = t.retry());
        self.outcome.set(None);
        self.notice.set(None);
        self.recorded.set(None);
        self.epoch.update(|e| *e += 1);
        self.started.set_value(js_sys::Date::now());
        let section = self.section;
        request_animation_frame(move || {
            if let Some(s) = section.get_untracked() {
                focus_first_control(&s);
            }
        });
    }

    /// Focuses the element matching `selector` inside the activity, after the next paint.
    pub(crate) fn focus_later(&self, selector: String) {
        let section = self.section;
        request_animation_frame(move || {
            if let Some(el) = section
                .get_untracked()
                .and_then(|s| s.query_selector(&selector).ok().flatten())
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
            {
                let _ = el.focus();
            }
        });
    }
}

fn focus_first_control(section: &web_sys::HtmlElement) {
    let selector = "input:not([disabled]):checked, input:not([disabled]):not([type=radio]), input[type=radio]:not([disabled]), \
                    select:not([disabled]), textarea:not([disabled]), .scenario-choix";
    if let Some(el) = section.query_selector(selector).ok().flatten().and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = el.focus();
    }
}

/// True for the types whose question is the legend of their group of choices.
fn question_in_legend(kind: &ActivityKind) -> bool {
    matches!(
        kind,
        ActivityKind::ChoixUnique { .. }
            | ActivityKind::ChoixMultiples { .. }
            | ActivityKind::VraiFaux { .. }
            | ActivityKind::Sondage { .. }
    )
}

/// One activity, live: the controls of its type, « Valider », the result
/// announced in a live region, feedback, explanation, hints and « Recommencer ».
///
/// Root: `<section class="activite activite-<type>" id="activite-<id>"
/// role="group" data-testid="activite" data-activite data-type data-attempts data-last-score>`
/// (a group, not a region landmark: a lesson has several activities of one type).
/// Works without storage in context and without a current profile (the
/// answer is then not saved, and the activity says so).
#[component]
pub fn ActivityView(lesson: String, activity: Activity) -> impl IntoView {
    let storage = use_context::<Storage>();
    let activity_type = activity.kind.activity_type();
    let type_name = activity_type.as_str();
    let aid = activity.id.clone();
    let uid = format!("activite-{aid}");
    let seed = {
        let (lesson, aid) = (lesson.clone(), aid.clone());
        Memo::new(move |_| match storage {
            Some(s) => s.seed_for(&lesson, &aid),
            None => hash_seed(&["", &lesson, &aid]),
        })
    };
    let attempts = {
        let (lesson, aid) = (lesson.clone(), aid.clone());
        Memo::new(move |_| match storage {
            Some(s) => s.activity_summary(&lesson, &aid),
            None => (0, None),
        })
    };
    let ctx = Ctx {
        lesson: StoredValue::new(lesson),
        activity: StoredValue::new(activity.clone()),
        uid: StoredValue::new(uid.clone()),
        outcome: RwSignal::new(None),
        submitted: RwSignal::new(None),
        tries: RwSignal::new(Tries::new(activity.attempts)),
        epoch: RwSignal::new(0),
        seed,
        recorded: RwSignal::new(None),
        notice: RwSignal::new(None),
        collect: StoredValue::new(None),
        storage,
        order: use_context::<LessonOrder>().map(|o| StoredValue::new(o.0)),
        started: StoredValue::new(js_sys::Date::now()),
        last_local: RwSignal::new(None),
        device_before: StoredValue::new(0),
        attempts,
        section: NodeRef::new(),
        result: NodeRef::new(),
    };
    let last_score = move || {
        let (count, stored) = attempts.get();
        match ctx.last_local.get() {
            Some((n, s)) if n == count => Some(s),
            _ => stored,
        }
        .map(|s| s.to_string())
        .unwrap_or_default()
    };
    let title_id = ctx.id("titre");
    let labelled_by = title_id.clone();
    let question = (!question_in_legend(&activity.kind) && !activity.question.is_empty()).then(|| {
        view! { <div class="activite-question" id=ctx.id("question") inner_html=safe_html(&activity.question)></div> }
    });
    let is_scenario = matches!(activity.kind, ActivityKind::Scenario { .. });
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        ctx.validate();
    };
    view! {
        <section
            class=format!("activite activite-{type_name}")
            id=uid
            data-testid="activite"
            data-activite=aid
            data-type=type_name
            data-attempts=move || attempts.get().0
            data-last-score=last_score
            role="group"
            aria-labelledby=labelled_by
            node_ref=ctx.section
        >
            <h3 class="activite-titre" id=title_id>
                <span class="activite-pastille" aria-hidden="true"></span>
                {am::heading(activity_type)}
            </h3>
            {question}
            <form class="activite-formulaire" novalidate=true on:submit=on_submit>
                {controls(ctx, &activity)}
                <div class="activite-actions">
                    {(!is_scenario).then(|| view! {
                        <Show when=move || !ctx.answered()>
                            <button type="submit" class="bouton" data-testid="valider">{t(ActivityMsg::Validate)}</button>
                        </Show>
                    })}
                    <Show when=move || ctx.answered()>
                        <button type="button" class="bouton bouton-secondaire" data-testid="recommencer" on:click=move |_| ctx.retry()>
                            {t(ActivityMsg::Retry)}
                        </button>
                    </Show>
                </div>
            </form>
            <Hints ctx=ctx hints=activity.hints.clone()/>
            <div class="activite-resultat" tabindex="-1" data-testid="resultat" node_ref=ctx.result>
                <p role="status" aria-live="polite" aria-atomic="true" data-testid="annonce"
                    class=move || match ctx.notice.get() {
                        Some(Notice::Verdict(v, _)) => format!("activite-annonce {}", verdict_look(v).0),
                        Some(Notice::Info(_)) => "activite-annonce annonce-info".to_string(),
                        None => "activite-annonce".to_string(),
                    }
                >
                    {move || match ctx.notice.get() {
                        Some(Notice::Verdict(v, detail)) => view! {
                            <span class="verdict-icone" aria-hidden="true">{verdict_look(v).1}</span>
                            " "
                            <strong class="verdict-mot" data-testid="verdict">{verdict_look(v).2}</strong>
                            {(!detail.is_empty()).then(|| view! { <span class="verdict-detail">" · " {detail}</span> })}
                        }.into_any(),
                        Some(Notice::Info(s)) => view! { <span>{s}</span> }.into_any(),
                        None => ().into_any(),
                    }}
                </p>
                {move || ctx.answered().then(|| view! { <Feedback ctx=ctx/> })}
            </div>
        </section>
    }
}

/// The controls of the activity's type.
fn controls(ctx: Ctx, activity: &Activity) -> AnyView {
    match &activity.kind {
        ActivityKind::ChoixUnique { choices } => {
            view! { <choices::ChoiceList ctx=ctx question=activity.question.clone() choices=choices.clone() multiple=false/> }
                .into_any()
        }
        ActivityKind::ChoixMultiples { choices } => {
            view! { <choices::ChoiceList ctx=ctx question=activity.question.clone() choices=choices.clone() multiple=true/> }
                .into_any()
        }
        ActivityKind::VraiFaux { .. } => view! { <choices::TrueFalse ctx=ctx question=activity.question.clone()/> }.into_any(),
        ActivityKind::Sondage { options } => {
            view! { <participation::Poll ctx=ctx question=activity.question.clone() options=options.clone()/> }.into_any()
        }
        ActivityKind::ReponseCourte { answers, .. } => view! { <text::ShortAnswer ctx=ctx answers=answers.clone()/> }.into_any(),
        ActivityKind::TexteATrous { parts, .. } => view! { <text::Blanks ctx=ctx parts=parts.clone()/> }.into_any(),
        ActivityKind::Appariement { pairs } => view! { <matching::Pairs ctx=ctx pairs=pairs.clone()/> }.into_any(),
        ActivityKind::RemiseEnOrdre { items } => view! { <matching::Ordering ctx=ctx items=items.clone()/> }.into_any(),
        ActivityKind::NuageDeMots { words } => view! { <participation::Cloud ctx=ctx words=*words/> }.into_any(),
        ActivityKind::RemueMeninges { categories } => {
            view! { <participation::Brainstorm ctx=ctx categories=categories.clone()/> }.into_any()
        }
        ActivityKind::Scenario { nodes } => view! { <scenario::Scenario ctx=ctx nodes=nodes.clone()/> }.into_any(),
    }
}

/// « Afficher un indice »: one hint more per press, in a list that stays.
#[component]
fn Hints(ctx: Ctx, hints: Vec<SafeHtml>) -> impl IntoView {
    if hints.is_empty() {
        return ().into_any();
    }
    let n = hints.len();
    let shown = RwSignal::new(0usize);
    let list_id = ctx.id("indices");
    let controls_id = list_id.clone();
    let show = move |_| {
        let k = shown.get_untracked() + 1;
        shown.set(k.min(n));
        if k >= n {
            // The button disappears: focus goes to the hint just shown.
            ctx.focus_later(format!("[data-testid=indice]:nth-child({k})"));
        }
    };
    let hints = StoredValue::new(hints);
    view! {
        <div class="activite-indices">
            <Show when=move || { shown.get() < n && !ctx.revealed() }>
                <button type="button" class="bouton bouton-secondaire bouton-indice" data-testid="indice-bouton"
                    aria-controls=controls_id.clone() on:click=show>
                                        {move || t(if shown.get() == 0 { ActivityMsg::ShowHint } else { ActivityMsg::ShowAnotherHint })}
                </button>
            </Show>
            <ol class="indices" id=list_id aria-live="polite" aria-label=t(ActivityMsg::HintsTitle)>
                {move || hints.with_value(|h| h.iter().take(shown.get()).cloned().collect::<Vec<_>>())
                    .into_iter()
                    .map(|h| view! {
                        <li class="indice" data-testid="indice" tabindex="-1">
                            <strong>{t(ActivityMsg::HintPrefix)}</strong>" "<span inner_html=safe_html(&h)></span>
                        </li>
                    })
                    .collect_view()}
            </ol>
        </div>
    }
    .into_any()
}

/// What follows an answer: typo note, solution, explanation, and the
/// sentence about saving when there is no profile.
#[component]
fn Feedback(ctx: Ctx) -> impl IntoView {
    let activity = ctx.activity();
    let base = crate::platform::base_path();
    let participation = activity.participation_only();
    let typo = move || {
        let expected: Vec<String> = ctx.outcome.with(|o| o.iter().flat_map(|o| &o.typos).map(|t| t.expected.clone()).collect());
        (!expected.is_empty()).then(|| {
            view! {
                <p class="activite-orthographe" data-testid="orthographe">
                    {t(ActivityMsg::TypoPrefix)}" «\u{a0}"{expected.join("\u{a0}», «\u{a0}")}"\u{a0}»."
                </p>
            }
        })
    };
    let explanation = activity.explanation.clone();
    view! {
        {typo}
        {move || match ctx.tries.with(Tries::phase) {
            Phase::Revealed { found } => solution(&ctx.activity(), found),
            _ => None,
        }}
        {move || {
            let show = ctx.tries.with(Tries::explained);
            (show && !explanation.is_empty()).then(|| view! {
                <div class="activite-explication" data-testid="explication">
                    <p class="activite-sous-titre">{t(ActivityMsg::ExplanationTitle)}</p>
                    <div inner_html=safe_html(&explanation)></div>
                </div>
            })
        }}
        {move || match ctx.recorded.get() {
            Some(false) => Some(view! {
                <p class="activite-non-enregistre" data-testid="non-enregistre">
                    {t(ActivityMsg::NotSaved)}" "
                    <a href=format!("{base}/profils")>{t(ActivityMsg::NotSavedLink)}</a>
                    "."
                </p>
            }.into_any()),
            Some(true) if participation => Some(view! {
                <p class="activite-enregistre">{t(ActivityMsg::ParticipationSaved)}</p>
            }.into_any()),
            _ => None,
        }}
    }
}

/// The solution, once revealed (nothing for participation types, nor when
/// the learner found it: the marks already say so).
fn solution(activity: &Activity, found: bool) -> Option<AnyView> {
    use communs_core::lesson::TextPart;
    if found && !matches!(activity.kind, ActivityKind::Scenario { .. }) {
        return None;
    }
    let body: AnyView = match &activity.kind {
        ActivityKind::ChoixUnique { choices } | ActivityKind::ChoixMultiples { choices } => view! {
            <ul>
                {choices.iter().filter(|c| c.correct).map(|c| view! { <li inner_html=safe_html(&c.html)></li> }).collect_view()}
            </ul>
        }
        .into_any(),
        ActivityKind::VraiFaux { answer } => {
            view! { <p>{t(if *answer { ActivityMsg::True } else { ActivityMsg::False })}</p> }.into_any()
        }
        ActivityKind::ReponseCourte { answers, .. } => view! { <p>{answers.join(" | ")}</p> }.into_any(),
        ActivityKind::TexteATrous { parts, .. } => {
            let mut solved = SafeHtml::default();
            for p in parts {
                match p {
                    TextPart::Text { html: h } => solved.push(h),
                    TextPart::Gap { answers } => solved.push(&SafeHtml::strong(answers.first().map(String::as_str).unwrap_or(""))),
                    TextPart::List { options, answer } => {
                        solved.push(&SafeHtml::strong(options.get(*answer).map(String::as_str).unwrap_or("")))
                    }
                }
            }
            view! { <p inner_html=safe_html(&solved)></p> }.into_any()
        }
        ActivityKind::Appariement { pairs } => view! {
            <ul>
                {pairs.iter().map(|p| view! {
                    <li><span inner_html=safe_html(&p.left)></span>" → "<span inner_html=safe_html(&p.right)></span></li>
                }).collect_view()}
            </ul>
        }
        .into_any(),
        ActivityKind::RemiseEnOrdre { items } => view! {
            <ol>{items.iter().map(|i| view! { <li inner_html=safe_html(i)></li> }).collect_view()}</ol>
        }
        .into_any(),
        ActivityKind::Scenario { nodes } => {
            if found {
                return None;
            }
            scenario::best_path_view(nodes)
        }
        _ => return None,
    };
    let title = if matches!(activity.kind, ActivityKind::RemiseEnOrdre { .. }) {
        ActivityMsg::RightOrder
    } else if matches!(activity.kind, ActivityKind::Scenario { .. }) {
        ActivityMsg::ScenarioBestPath
    } else {
        ActivityMsg::SolutionPrefix
    };
    Some(
        view! {
            <div class="activite-solution" data-testid="solution">
                <p class="activite-sous-titre">{t(title)}</p>
                {body}
            </div>
        }
        .into_any(),
    )
}

/// The badge of a marked item: icon and word (never colour alone).
/// `Missed` is shown only once the solution is revealed.
pub(crate) fn mark_badge(mark: Option<Mark>, revealed: bool) -> Option<AnyView> {
    let (class, icon, word) = match mark? {
        Mark::Right => ("activite-marque activite-marque-juste", "✓", ActivityMsg::MarkRight),
        Mark::Wrong => ("activite-marque activite-marque-faux", "✗", ActivityMsg::MarkWrong),
        Mark::Missed if revealed => ("activite-marque activite-marque-manque", "➜", ActivityMsg::MarkMissed),
        _ => return None,
    };
    Some(
        view! {
            <span class=class data-testid="marque">
                <span aria-hidden="true">{icon}</span>" "{t(word)}
            </span>
        }
        .into_any(),
    )
}

/// `data-marque` value of an item (tests and styles): `juste`, `faux`, `manque` or nothing.
pub(crate) fn mark_attr(mark: Option<Mark>, revealed: bool) -> Option<&'static str> {
    match mark? {
        Mark::Right => Some("juste"),
        Mark::Wrong => Some("faux"),
        Mark::Missed if revealed => Some("manque"),
        _ => None,
    }
}

/// Plain text of a compiler-made inline HTML fragment (for `<option>` and
/// accessible names).
pub(crate) use communs_core::text::html_to_text;
