//! `/lecon/<id>`: one lesson as a course page — header (audience, duration,
//! objectives, competences), table of contents, the text with its activities
//! in place, « À retenir », sources, licence and credits, the learner's
//! progress (resume, mark as done) and the neighbours in the module. The text
//! was compiled and sanitised at build time and comes cut at its activities
//! (`CompiledLesson::body`): its HTML pieces are inserted as HTML, each
//! activity is a live component.

use std::sync::Arc;

use communs_core::activity::resume::resume_point;
use communs_core::catalogue;
use communs_core::lesson::model::{CompiledLesson, Segment};
use communs_core::storage::LessonStatus;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use wasm_bindgen::JsCast;

use crate::activities::{ActivityView, LessonOrder};
use crate::components::export_reminder::ExportReminder;
use crate::components::safe_html;
use crate::content::{load_lesson, use_catalogue};
use crate::i18n::lessons::{self as lm, LessonMsg};
use crate::i18n::t;
use crate::pages::catalogue::{CompetenceChips, ContentProblem, StatusBadge};
use crate::platform;
use crate::storage::use_storage;

#[component]
pub fn Lesson() -> impl IntoView {
    let params = use_params_map();
    let id = Memo::new(move |_| params.get().get("id").unwrap_or_default());
    let lesson = LocalResource::new(move || {
        let id = id.get();
        async move { load_lesson(&id).await }
    });
    view! {
        <div class="page page-lecon">
            {move || match lesson.get() {
                None => view! { <p class="chargement" role="status">{t(LessonMsg::Loading)}</p> }.into_any(),
                Some(Err(e)) => {
                    platform::set_title(crate::i18n::Msg::NotFoundTitle);
                    // the page's heading is its title (axe: page-has-heading-one)
                    view! { <h1>{t(crate::i18n::Msg::NotFoundTitle)}</h1><ContentProblem error=e/> }.into_any()
                }
                Some(Ok(l)) => view! { <LessonPage lesson=l/> }.into_any(),
            }}
        </div>
    }
}

#[component]
fn LessonPage(lesson: Arc<CompiledLesson>) -> impl IntoView {
    platform::set_dynamic_title(&lesson.header.title);
    let storage = use_storage();
    let catalogue = use_catalogue();
    let base = platform::base_path();
    let id = lesson.header.id.clone();

    // Opening a lesson starts it (never downgrades a finished one).
    {
        let id = id.clone();
        Effect::new(move |_| {
            if storage.current_profile().is_some() && untrack(|| storage.lesson_status(&id)).is_none() {
                storage.set_progress(&id, LessonStatus::InProgress, 0);
            }
        });
    }

    // Where to resume: the first activity after the last one answered.
    let activity_ids: Arc<[String]> = lesson.activities.iter().map(|a| a.id.clone()).collect();
    // An answer moves the stored position (index of the next activity) in the
    // same write as the attempt: the activities plan both at once.
    provide_context(LessonOrder(activity_ids.clone()));
    let resume_target = {
        let id = id.clone();
        let ids = activity_ids.clone();
        // Read from the storage's memo of the learner's attempts, not cloned.
        Memo::new(move |_| storage.with_attempts(|a| resume_point(&id, &ids, &a.all)))
    };

    let status = {
        let id = id.clone();
        Signal::derive(move || storage.lesson_status(&id))
    };
    let body = lesson
        .body
        .iter()
        .map(|seg| match seg {
            Segment::Html(html) => view! { <div class="lecon-bloc" inner_html=safe_html(&html.rebase_urls(&base))></div> }.into_any(),
            Segment::Activity { id: aid } => match lesson.activity(aid) {
                Some(a) => view! { <ActivityView lesson=id.clone() activity=a.clone()/> }.into_any(),
                None => view! { <p class="alerte">{t(LessonMsg::ActivityMissing)}</p> }.into_any(),
            },
        })
        .collect_view();

    let on_done = {
        let id = id.clone();
        let n = activity_ids.len() as u32;
        move |_| storage.set_progress(&id, LessonStatus::Done, n)
    };
    let has_profile = move || storage.current_profile().is_some();
    let module_title = {
        let module = lesson.header.module.clone();
        move || {
            catalogue.get().and_then(|r| r.ok()).and_then(|idx| idx.modules.iter().find(|m| m.id == module).map(|m| m.title.clone()))
        }
    };
    let neighbours = {
        let id = id.clone();
        move || {
            let idx = catalogue.get().and_then(|r| r.ok())?;
            let (p, n) = catalogue::neighbours(&idx, &id);
            Some((p.map(|l| (l.header.id.clone(), l.header.title.clone())), n.map(|l| (l.header.id.clone(), l.header.title.clone()))))
        }
    };

    view! {
        <article class="lecon" data-testid="lecon" data-lecon=id.clone()>
            <nav class="fil-ariane" aria-label=t(LessonMsg::Breadcrumb)>
                <A href=platform::href("/parcours")>{t(LessonMsg::NavCatalogue)}</A>
                {move || module_title().map(|m| view! { <span aria-hidden="true">" › "</span><span>{m}</span> })}
            </nav>
            <header class="lecon-entete">
                <h1 id="lecon-titre">{lesson.header.title.clone()}</h1>
                <p class="chapeau">{lesson.header.summary.clone()}</p>
                <ul class="meta">
                    <li>{t(LessonMsg::AudienceField)}"\u{a0}: "{t(lesson.header.audience)}</li>
                    <li>{t(LessonMsg::DurationLabel)}"\u{a0}: "{lm::minutes(lesson.header.duration)}</li>
                    <li>{lm::activities(lesson.activities.len())}</li>
                </ul>
                <CompetenceChips crcn=lesson.header.crcn.clone()/>
                <StatusBadge status=status/>
            </header>

            {(!lesson.objectives.is_empty()).then(|| view! {
                <section class="objectifs" aria-labelledby="objectifs-titre">
                    <h2 id="objectifs-titre">{t(LessonMsg::ObjectivesTitle)}</h2>
                    <ul>{lesson.objectives.iter().map(|o| view! { <li>{o.clone()}</li> }).collect_view()}</ul>
                </section>
            })}

            {move || {
                let target = resume_target.get()?.activity;
                (status.get() == Some(LessonStatus::InProgress)).then(|| {
                    let on_resume = move |_| platform::scroll_to_and_focus(&format!("activite-{target}"));
                    view! {
                        <p class="reprendre">
                            <button type="button" class="bouton" data-testid="reprendre" on:click=on_resume>
                                {t(LessonMsg::Resume)}
                            </button>
                        </p>
                    }
                })
            }}

            <Toc lesson=lesson.clone()/>

            <div class="lecon-corps" data-testid="lecon-corps">{body}</div>

            {(!lesson.a_retenir.is_empty()).then(|| view! {
                <section class="a-retenir" aria-labelledby="a-retenir-titre" data-testid="a-retenir">
                    <h2 id="a-retenir-titre">{t(LessonMsg::SummaryTitle)}</h2>
                    {lesson.a_retenir.iter().map(|h| view! { <div class="a-retenir-bloc" inner_html=safe_html(&h.rebase_urls(&base))></div> }).collect_view()}
                </section>
            })}

            <section class="progression" aria-label=t(LessonMsg::MarkDone)>
                {move || if status.get() == Some(LessonStatus::Done) {
                    view! { <p class="termine" data-testid="lecon-terminee"><span aria-hidden="true">"✓ "</span>{t(LessonMsg::MarkedDone)}</p> }.into_any()
                } else if has_profile() {
                    view! { <button type="button" class="bouton" data-testid="marquer-terminee" on:click=on_done.clone()>{t(LessonMsg::MarkDone)}</button> }.into_any()
                } else {
                    view! { <p><A href=platform::href("/profils")>{t(LessonMsg::DoneNoProfile)}</A></p> }.into_any()
                }}
                <button type="button" class="bouton-secondaire" on:click=|_| platform::print()>{t(LessonMsg::Print)}</button>
            </section>
            // At the end of a lesson, when no backup was made for a while.
            <ExportReminder/>

            <section class="sources" aria-labelledby="sources-titre">
                <h2 id="sources-titre">{t(LessonMsg::SourcesTitle)}</h2>
                <ul>
                    {lesson.sources.iter().map(|s| {
                        let label = match (&s.reference, &s.url) {
                            (Some(r), _) if r != &s.title => format!("{} ({r})", s.title),
                            _ => s.title.clone(),
                        };
                        match s.url.clone().filter(|u| u.starts_with("https://") || u.starts_with("http://")) {
                            Some(url) => view! {
                                <li><a href=url class="lien-externe" target="_blank" rel="noopener noreferrer">{label}<span class="sr-only">{t(LessonMsg::ExternalLink)}</span></a></li>
                            }.into_any(),
                            None => view! { <li>{label}</li> }.into_any(),
                        }
                    }).collect_view()}
                </ul>
            </section>

            <section class="credits" aria-labelledby="credits-titre">
                <h2 id="credits-titre">{t(LessonMsg::CreditsTitle)}</h2>
                <p>{t(LessonMsg::LicenceLabel)}"\u{a0}: "{lesson.licence.clone()}</p>
                {(!lesson.authors.is_empty()).then(|| view! { <p>{t(LessonMsg::AuthorsLabel)}"\u{a0}: "{lesson.authors.join(", ")}</p> })}
                {(!lesson.credits.is_empty()).then(|| view! {
                    <p>{t(LessonMsg::ImageCreditsLabel)}"\u{a0}:"</p>
                    <ul>{lesson.credits.iter().map(|c| view! {
                        <li>{format!("{} — {} — {} — {}", if c.alt.is_empty() { c.src.rsplit('/').next().unwrap_or("") } else { c.alt.as_str() }, c.author, c.licence, c.source)}</li>
                    }).collect_view()}</ul>
                })}
            </section>

            <nav class="voisines" aria-label=t(LessonMsg::NavCatalogue)>
                {move || neighbours().map(|(p, n)| view! {
                    {p.map(|(pid, title)| view! { <A href=platform::href(&format!("/lecon/{pid}")) attr:class="voisine precedente" attr:rel="prev"><span class="voisine-sens">{t(LessonMsg::Previous)}</span>" "{title}</A> })}
                    {n.map(|(nid, title)| view! { <A href=platform::href(&format!("/lecon/{nid}")) attr:class="voisine suivante" attr:rel="next"><span class="voisine-sens">{t(LessonMsg::Next)}</span>" "{title}</A> })}
                })}
            </nav>
        </article>
    }
}

/// The table of contents: links that move the view and the keyboard focus to
/// the section (the router is left out: only the fragment changes).
#[component]
fn Toc(lesson: Arc<CompiledLesson>) -> impl IntoView {
    let sections: Vec<_> = lesson.sections.iter().filter(|s| s.level <= 3).cloned().collect();
    (!sections.is_empty()).then(|| {
        let on_click = |ev: leptos::ev::MouseEvent| {
            let Some(a) = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|e| e.closest("a[data-section]").ok().flatten())
            else {
                return;
            };
            if let Some(id) = a.get_attribute("data-section") {
                ev.prevent_default();
                platform::scroll_to_and_focus(&id);
                platform::set_fragment(&id);
            }
        };
        // Level-3 headings nest under the level-2 heading before them, so the
        // numbering follows the sections.
        let mut groups: Vec<(communs_core::lesson::model::Section, Vec<communs_core::lesson::model::Section>)> = Vec::new();
        for s in sections {
            match groups.last_mut() {
                Some((_, subs)) if s.level > 2 => subs.push(s),
                _ => groups.push((s, Vec::new())),
            }
        }
        let entry = |s: &communs_core::lesson::model::Section| {
            view! { <a href=format!("#{}", s.id) data-section=s.id.clone()>{s.title.clone()}</a> }
        };
        view! {
            <nav class="sommaire" aria-labelledby="sommaire-titre" data-testid="sommaire" on:click=on_click>
                <h2 id="sommaire-titre">{t(LessonMsg::TocTitle)}</h2>
                <ol>
                    {groups.into_iter().map(|(top, subs)| view! {
                        <li>
                            {entry(&top)}
                            {(!subs.is_empty()).then(|| view! {
                                <ol>{subs.iter().map(|s| view! { <li>{entry(s)}</li> }).collect_view()}</ol>
                            })}
                        </li>
                    }).collect_view()}
                </ol>
            </nav>
        }
    })
}
