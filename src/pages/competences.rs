//! `/competences`: the current learner's competency profile, as `core`
//! computes it from the stored attempts and the evidence shipped in the
//! lesson index — the total score, the 16 CRCN competences by domain (a bar
//! with a text alternative and the level in words), « Pourquoi ce niveau ? »
//! with the attempts behind each result and the level over time, the EMI
//! goals, and lessons for the weakest competences. Every result carries the
//! label « Positionnement estimé, non certifiant ». Framework wording (titles
//! of domains, competences and EMI goals, level group names) is shown only
//! through `frameworks::Wording`, i.e. only where it was read in a primary
//! text; otherwise the page names the thing by its code or number.

use std::collections::HashMap;
use std::sync::Arc;

use communs_core::catalogue::Filter;
use communs_core::competency::{self, CompetenceResult, EvidenceCatalogue, EvidenceItem, Profile, MAX_COMPETENCE_SCORE};
use communs_core::frameworks::{self, CRCN_DOMAINS, EMI_GOALS};
use communs_core::lesson::model::LessonIndex;
use communs_core::storage::{Attempt, Timestamp};
use leptos::prelude::*;
use leptos_router::components::A;

use crate::content::use_catalogue;
use crate::i18n::competences::{self as cm, CompetenceMsg};
use crate::i18n::lessons::LessonMsg;
use crate::i18n::{french_typography, t};
use crate::pages::catalogue::{catalogue_path, ContentProblem};
use crate::platform;
use crate::storage::use_storage;

/// How many competences « Pour progresser » suggests, and lessons for each.
const WEAKEST: usize = 3;
const LESSONS_PER_COMPETENCE: usize = 3;

#[component]
pub fn Competences() -> impl IntoView {
    platform::set_title(CompetenceMsg::Title);
    let storage = use_storage();
    let catalogue = use_catalogue();
    // Only a change of profile rebuilds the page (not every answer).
    let profile_id = Memo::new(move |_| storage.current_profile().map(|p| p.id));
    view! {
        <div class="page page-competences" data-testid="page-competences">
            <h1>{t(CompetenceMsg::Title)}</h1>
            <p class="estimation" data-testid="estimation">
                <strong>{t(CompetenceMsg::EstimateLabel)}</strong>" · "{t(CompetenceMsg::Disclaimer)}
            </p>
            <p class="chapeau">{t(CompetenceMsg::Intro)}</p>
            {move || match profile_id.get() {
                None => view! {
                    <div class="alerte" data-testid="competences-sans-profil">
                        <p>{t(CompetenceMsg::NoProfile)}</p>
                        <p><A href=platform::href("/profils")>{t(CompetenceMsg::NoProfileLink)}</A></p>
                    </div>
                }
                .into_any(),
                Some(_) => match catalogue.get() {
                    None => view! { <p class="chargement" role="status">{t(LessonMsg::Loading)}</p> }.into_any(),
                    Some(Err(e)) => view! { <ContentProblem error=e/> }.into_any(),
                    Some(Ok(index)) => view! { <ProfileBody index=index/> }.into_any(),
                },
            }}
        </div>
    }
}

/// Lesson titles and activity order, from the index.
struct Lessons(HashMap<String, (String, Vec<String>)>);

impl Lessons {
    fn new(index: &LessonIndex) -> Lessons {
        Lessons(index.lessons.iter().map(|l| (l.header.id.clone(), (l.header.title.clone(), l.activities.clone()))).collect())
    }
    fn title<'a>(&'a self, id: &'a str) -> &'a str {
        self.0.get(id).map_or(id, |(t, _)| t.as_str())
    }
    fn position(&self, lesson: &str, activity: &str) -> Option<usize> {
        self.0.get(lesson)?.1.iter().position(|a| a == activity)
    }
}

/// Everything the parts of the page share.
#[derive(Clone)]
struct Ctx {
    catalogue: Arc<EvidenceCatalogue>,
    lessons: Arc<Lessons>,
    attempts: Memo<Vec<Attempt>>,
    profile: Memo<Profile>,
}

#[component]
fn ProfileBody(index: Arc<LessonIndex>) -> impl IntoView {
    let storage = use_storage();
    let catalogue = Arc::new(EvidenceCatalogue::from_evidence(&index.evidence));
    let attempts = Memo::new(move |_| storage.attempts());
    let profile = {
        let catalogue = catalogue.clone();
        Memo::new(move |_| attempts.with(|a| competency::profile(a, &catalogue)))
    };
    let ctx = Ctx { catalogue, lessons: Arc::new(Lessons::new(&index)), attempts, profile };
    let empty = Memo::new(move |_| attempts.with(|a| a.is_empty()));

    view! {
        <Show when=move || empty.get()>
            <div class="alerte" data-testid="competences-vide">
                <p>{t(CompetenceMsg::NoAttempts)}</p>
                <p><A href=platform::href("/parcours")>{t(CompetenceMsg::NoAttemptsLink)}</A></p>
            </div>
        </Show>
        <section class="score-total" aria-labelledby="score-total">
            <h2 id="score-total">{t(CompetenceMsg::TotalTitle)}</h2>
            <p class="score-total-valeur" data-testid="score-total">
                {move || profile.with(|p| cm::total(p.total_score, p.max_total_score()))}
            </p>
            <p class="aide">{t(CompetenceMsg::TotalHint)}</p>
        </section>
        <section aria-labelledby="crcn">
            <h2 id="crcn">{t(CompetenceMsg::CrcnTitle)}</h2>
            <p class="aide">{t(CompetenceMsg::BarLegend)}</p>
            <p class="aide" data-testid="intitules-verifies">{t(CompetenceMsg::WordingNote)}</p>
            {CRCN_DOMAINS
                .iter()
                .map(|d| {
                    let id = format!("domaine-{}", d.code);
                    let labelled_by = id.clone();
                    view! {
                        <section class="domaine" aria-labelledby=labelled_by data-testid="domaine">
                            <h3 id=id>{cm::domain_heading(d.code, shown(d.shown_title()).as_deref())}</h3>
                            <ul class="competences">
                                {d.competences
                                    .iter()
                                    .map(|c| view! { <CompetenceItem code=c.code ctx=ctx.clone()/> })
                                    .collect_view()}
                            </ul>
                        </section>
                    }
                })
                .collect_view()}
        </section>
        <section aria-labelledby="emi">
            <h2 id="emi">{t(CompetenceMsg::EmiTitle)}</h2>
            <p class="aide">{t(CompetenceMsg::EmiIntro)}</p>
            <ul class="objectifs-emi">
                {EMI_GOALS.iter().map(|g| view! { <EmiItem code=g.id ctx=ctx.clone()/> }).collect_view()}
            </ul>
        </section>
        <Progress ctx=ctx.clone()/>
    }
}

/// Verified framework wording in French typography (`None`: not shown).
fn shown(wording: Option<frameworks::Wording>) -> Option<String> {
    wording.map(|w| french_typography(w.text()))
}

/// `"2.2"` → `"2-2"`, for element ids.
fn dom_id(code: &str) -> String {
    code.replace('.', "-")
}

#[component]
fn CompetenceItem(code: &'static str, ctx: Ctx) -> impl IntoView {
    let info = frameworks::crcn_competence(code).expect("official code");
    let profile = ctx.profile;
    let result = Memo::new(move |_| profile.with(|p| p.competence(code).cloned()));
    let targeted = ctx.catalogue.targets(code);
    let id = dom_id(code);
    let title_id = format!("competence-{id}");
    let heading = cm::competence_heading(code, shown(info.shown_title()).as_deref());
    view! {
        <li class="competence" data-testid="competence" data-code=code>
            <h4 id=title_id.clone()>{heading}</h4>
            <p class="competence-description">{french_typography(info.description)}</p>
            {move || result.get().map(|r| view! { <Bar result=r/> })}
            {if targeted {
                let ctx = ctx.clone();
                view! {
                    <details class="pourquoi" data-testid="pourquoi">
                        <summary>{t(CompetenceMsg::WhyTitle)}</summary>
                        <div class="pourquoi-contenu">
                            <p>{t(CompetenceMsg::WhyRule)}</p>
                            {move || result.get().map(|r| view! { <NextLevelLine result=r/> })}
                            <h5>{t(CompetenceMsg::EvidenceTitle)}</h5>
                            {
                                let ctx2 = ctx.clone();
                                move || {
                                    let r = result.get();
                                    let level = r.as_ref().map_or(0, |r| r.level);
                                    let items = r.map(|r| r.evidence).unwrap_or_default();
                                    view! { <EvidenceList items=items level=Some(level) lessons=ctx2.lessons.clone()/> }
                                }
                            }
                            <History code=code ctx=ctx.clone()/>
                        </div>
                    </details>
                }
                .into_any()
            } else {
                view! { <p class="aide">{t(CompetenceMsg::NotTargeted)}</p> }.into_any()
            }}
        </li>
    }
}

/// The bar of one competence: an SVG image with a title (its text
/// alternative) and, next to it, the same result in words.
#[component]
fn Bar(result: CompetenceResult) -> impl IntoView {
    const W: u16 = 640;
    const H: u16 = 24;
    let unit = W / MAX_COMPETENCE_SCORE; // 10 per point
    let id = dom_id(result.code);
    let title_id = format!("barre-{id}");
    let labelled_by = title_id.clone();
    let pattern_id = format!("hachures-{id}");
    let group = frameworks::shown_level_group(result.level).map(frameworks::Wording::text);
    let title = frameworks::crcn_competence(result.code).and_then(|c| shown(c.shown_title()));
    let alt = cm::bar_alt(result.code, title.as_deref(), result.level, group, result.score, MAX_COMPETENCE_SCORE);
    let full = result.level_points() * unit;
    let partial = result.partial_points() * unit;
    let ticks: Vec<u16> = competency::level_boundaries().map(|points| points * unit).collect();
    view! {
        <div class="barre" data-testid="barre">
            <svg role="img" aria-labelledby=labelled_by class="barre-svg" viewBox=format!("0 0 {W} {H}")
                preserveAspectRatio="none" width="100%" height=H.to_string() focusable="false">
                <title id=title_id>{alt}</title>
                <defs>
                    <pattern id=pattern_id.clone() patternUnits="userSpaceOnUse" width="8" height="8"
                        patternTransform="rotate(45)">
                        <rect width="8" height="8" class="barre-hachures-fond"/>
                        <line x1="0" y1="0" x2="0" y2="8" class="barre-hachures-trait"/>
                    </pattern>
                </defs>
                <rect x="0" y="0" width=W.to_string() height=H.to_string() class="barre-fond"/>
                <rect x="0" y="0" width=full.to_string() height=H.to_string() class="barre-plein"/>
                <rect x=full.to_string() y="0" width=partial.to_string() height=H.to_string()
                    fill=format!("url(#{pattern_id})") class="barre-partiel"/>
                {ticks
                    .into_iter()
                    .map(|x| view! { <line x1=x.to_string() y1="0" x2=x.to_string() y2=H.to_string() class="barre-trait"/> })
                    .collect_view()}
                <rect x="0" y="0" width=W.to_string() height=H.to_string() class="barre-cadre"/>
            </svg>
            <p class="niveau-texte" data-testid="niveau-competence" data-niveau=result.level data-score=result.score>
                {cm::level_line(result.level, group, result.score, MAX_COMPETENCE_SCORE)}
            </p>
        </div>
    }
}

#[component]
fn NextLevelLine(result: CompetenceResult) -> impl IntoView {
    result.next_level_progress.map(|n| {
        view! {
            <p class="prochain-niveau" data-testid="prochain-niveau">
                {t(CompetenceMsg::NextLevelPrefix)}{cm::next_level(n.level, n.successes, n.needed)}
            </p>
        }
    })
}

/// The attempts behind a result, one row per activity (its best attempt).
/// `level`: the competence's level (marks the rows that justify it); `None` for EMI.
#[component]
fn EvidenceList(items: Vec<EvidenceItem>, level: Option<u8>, lessons: Arc<Lessons>) -> impl IntoView {
    if items.is_empty() {
        return view! { <p class="aide" data-testid="aucune-preuve">{t(CompetenceMsg::NoEvidence)}</p> }.into_any();
    }
    view! {
        <ul class="preuves" data-testid="preuves">
            {items
                .into_iter()
                .map(|e| {
                    let counts = level.is_some_and(|l| e.justifies(l));
                    let href = platform::href(&format!("/lecon/{}", e.lesson));
                    let activity = cm::activity(lessons.position(&e.lesson, &e.activity), &e.activity);
                    let lesson_title = lessons.title(&e.lesson).to_string();
                    let (lesson_id, activity_id) = (e.lesson.clone(), e.activity.clone());
                    let (class, icon) = if e.success { ("preuve-resultat reussie", "✓") } else { ("preuve-resultat a-retravailler", "↻") };
                    view! {
                        <li class="preuve" data-testid="preuve" data-lecon=lesson_id data-activite=activity_id
                            data-reussie=e.success.to_string()>
                            <span class="preuve-activite">{activity}</span>
                            " – "
                            <span class="sr-only">{t(CompetenceMsg::LessonLabel)}"\u{a0}: "</span>
                            <A href=href>{lesson_title}</A>
                            <span class="preuve-details">
                                <span class="sr-only">{t(CompetenceMsg::DateLabel)}"\u{a0}: "</span>
                                <span class="preuve-date">{format_date(e.at)}</span>
                                " · "
                                <span class="sr-only">{t(CompetenceMsg::ResultLabel)}"\u{a0}: "</span>
                                <span class=class data-testid="resultat-preuve">
                                    <span aria-hidden="true">{icon}" "</span>{cm::result(e.success, e.score)}
                                </span>
                                {level.map(|_| view! { " · "{cm::level_targeted(e.level_targeted)} })}
                                " · "{cm::attempts(e.attempts)}
                                {counts.then(|| view! { " · "<strong class="preuve-compte">{t(CompetenceMsg::Counts)}</strong> })}
                            </span>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
    .into_any()
}

/// The level of a competence over time, as a list (first answer, then each change).
#[component]
fn History(code: &'static str, ctx: Ctx) -> impl IntoView {
    let catalogue = ctx.catalogue.clone();
    let attempts = ctx.attempts;
    let points = Memo::new(move |_| attempts.with(|a| competency::history(a, &catalogue, code)));
    move || {
        let points = points.get();
        (!points.is_empty()).then(|| {
            view! {
                <h5>{t(CompetenceMsg::HistoryTitle)}</h5>
                <ol class="historique" data-testid="historique">
                    {points
                        .into_iter()
                        .map(|(at, level)| view! { <li>{cm::history_point(&format_date(at), level)}</li> })
                        .collect_view()}
                </ol>
            }
        })
    }
}

#[component]
fn EmiItem(code: &'static str, ctx: Ctx) -> impl IntoView {
    let goal = EMI_GOALS.iter().find(|g| g.id == code).expect("official goal");
    let profile = ctx.profile;
    let result = Memo::new(move |_| profile.with(|p| p.emi_goal(code).cloned()));
    let lessons = ctx.lessons.clone();
    view! {
        <li class="objectif-emi" data-testid="objectif-emi" data-code=code>
            <h3>{cm::emi_goal_heading(code, shown(goal.shown_title()).as_deref())}</h3>
            {move || {
                result.get().map(|r| {
                    let class = format!("maitrise maitrise-{}", r.mastery.value().unwrap_or(0));
                    view! {
                        <p class=class data-testid="maitrise-emi">
                            <strong>{t(r.mastery)}</strong>" · "{cm::emi_counts(r.successes, r.evaluated)}
                        </p>
                    }
                })
            }}
            <details class="pourquoi" data-testid="pourquoi">
                <summary>{t(CompetenceMsg::WhyTitle)}</summary>
                <div class="pourquoi-contenu">
                    {move || {
                        let items = result.get().map(|r| r.evidence).unwrap_or_default();
                        view! { <EvidenceList items=items level=None lessons=lessons.clone()/> }
                    }}
                </div>
            </details>
        </li>
    }
}

/// « Pour progresser »: the weakest competences and lessons that work on them.
#[component]
fn Progress(ctx: Ctx) -> impl IntoView {
    let profile = ctx.profile;
    let catalogue = ctx.catalogue.clone();
    let weakest = Memo::new(move |_| {
        profile.with(|p| {
            competency::to_work_on(p, &catalogue, WEAKEST, LESSONS_PER_COMPETENCE)
                .into_iter()
                .map(|w| (w.code, w.next, w.lessons.into_iter().map(str::to_string).collect::<Vec<_>>()))
                .collect::<Vec<_>>()
        })
    });
    view! {
        <section aria-labelledby="progresser" data-testid="progresser">
            <h2 id="progresser">{t(CompetenceMsg::ProgressTitle)}</h2>
            {move || {
                let list = weakest.get();
                if list.is_empty() {
                    return view! { <p>{t(CompetenceMsg::ProgressNone)}</p> }.into_any();
                }
                view! {
                    <p>{t(CompetenceMsg::ProgressIntro)}</p>
                    <ul class="progresser">
                        {list
                            .into_iter()
                            .map(|(code, next, ids)| {
                                let heading =
                                    cm::competence_heading(code, frameworks::crcn_competence(code).and_then(|c| shown(c.shown_title())).as_deref());
                                let lessons: Vec<(String, String)> =
                                    ids.into_iter().map(|id| (ctx.lessons.title(&id).to_string(), id)).collect();
                                let all = Filter { competence: Some(code.to_string()), ..Default::default() };
                                view! {
                                    <li class="a-travailler" data-testid="a-travailler" data-code=code>
                                        <h3>{heading}</h3>
                                        <p>{t(CompetenceMsg::NextLevelPrefix)}{cm::next_level(next.level, next.successes, next.needed)}</p>
                                        <p class="sr-only">{t(CompetenceMsg::SuggestedLessons)}</p>
                                        <ul class="lecons-suggerees">
                                            {lessons
                                                .into_iter()
                                                .map(|(title, id)| {
                                                    view! { <li><A href=platform::href(&format!("/lecon/{id}"))>{title}</A></li> }
                                                })
                                                .collect_view()}
                                        </ul>
                                        <p>
                                            <A href=platform::href(&catalogue_path(&all))>
                                                {cm::all_lessons_for(code)}
                                            </A>
                                        </p>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                }
                .into_any()
            }}
        </section>
    }
}

/// A date in French, in the browser's time zone: « 23 novembre 2026 ».
fn format_date(at: Timestamp) -> String {
    let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(at as f64 * 1000.0));
    cm::date(d.get_date(), d.get_month() + 1, d.get_full_year() as i32)
}
