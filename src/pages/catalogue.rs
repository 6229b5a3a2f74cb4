//! `/parcours`: every lesson, grouped by theme and module, with the current
//! learner's status, filters by audience and competence, and a search. The
//! filters live in the query string, so a filtered catalogue is a link.

use communs_core::catalogue::{self, Filter};
use communs_core::frameworks;
use communs_core::lesson::model::{Audience, LessonIndex, LessonSummary};
use communs_core::storage::LessonStatus;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

use crate::content::{use_catalogue, ContentError};
use crate::i18n::lessons::{self as lm, LessonMsg};
use crate::i18n::t;
use crate::platform;
use crate::storage::use_storage;

#[component]
pub fn Catalogue() -> impl IntoView {
    platform::set_title(LessonMsg::CatalogueTitle);
    let catalogue = use_catalogue();
    view! {
        <div class="page page-parcours" data-testid="page-parcours">
            <h1>{t(LessonMsg::CatalogueTitle)}</h1>
            <p class="chapeau">{t(LessonMsg::CatalogueIntro)}</p>
            {move || match catalogue.get() {
                None => view! { <p class="chargement" role="status">{t(LessonMsg::Loading)}</p> }.into_any(),
                Some(Err(e)) => view! { <ContentProblem error=e/> }.into_any(),
                Some(Ok(index)) => view! { <CatalogueBody index=index/> }.into_any(),
            }}
        </div>
    }
}

/// The French explanation of a content error.
#[component]
pub fn ContentProblem(error: ContentError) -> impl IntoView {
    let msg = match error {
        ContentError::NotFound => LessonMsg::ErrorNotFound,
        ContentError::Network => LessonMsg::ErrorNetwork,
        ContentError::Invalid => LessonMsg::ErrorInvalid,
    };
    view! {
        <div class="alerte alerte-erreur" role="alert" data-testid="erreur-contenu">
            <p>{t(msg)}</p>
            <p><A href=platform::href("/parcours")>{t(LessonMsg::BackToCatalogue)}</A></p>
        </div>
    }
}

/// The app path of the catalogue with `filter` in its query string.
pub fn catalogue_path(filter: &Filter) -> String {
    let qs = filter.to_query();
    if qs.is_empty() {
        "/parcours".to_string()
    } else {
        format!("/parcours?{qs}")
    }
}

#[component]
fn CatalogueBody(index: std::sync::Arc<LessonIndex>) -> impl IntoView {
    let query = use_query_map();
    let filter = Memo::new(move |_| {
        let q = query.get();
        Filter::from_params(|k| q.get_str(k))
    });
    let navigate = use_navigate();
    let set_filter = move |f: Filter| {
        navigate(&catalogue_path(&f), NavigateOptions { replace: true, scroll: false, ..Default::default() });
    };

    // Only titles read in a primary text are shown; otherwise the code alone.
    let competences: Vec<(&'static str, Option<&'static str>)> = catalogue::crcn_codes_used(&index)
        .into_iter()
        .filter_map(|code| frameworks::crcn_competence(code).map(|c| (c.code, c.shown_title().map(frameworks::Wording::text))))
        .collect();

    let on_search = {
        let set_filter = set_filter.clone();
        move |ev: leptos::ev::Event| {
            let mut f = filter.get_untracked();
            f.query = event_target_value(&ev);
            set_filter(f);
        }
    };
    let on_audience = {
        let set_filter = set_filter.clone();
        move |ev: leptos::ev::Event| {
            let mut f = filter.get_untracked();
            f.audience = Audience::parse(&event_target_value(&ev));
            set_filter(f);
        }
    };
    let on_competence = {
        let set_filter = set_filter.clone();
        move |ev: leptos::ev::Event| {
            let mut f = filter.get_untracked();
            let v = event_target_value(&ev);
            f.competence = (!v.is_empty()).then_some(v);
            set_filter(f);
        }
    };
    let on_reset = {
        let set_filter = set_filter.clone();
        move |_| set_filter(Filter::default())
    };

    let index_for_count = index.clone();
    let index_for_groups = index.clone();
    view! {
        <form class="filtres" role="search" aria-label=t(LessonMsg::FiltersLabel) on:submit=|ev| ev.prevent_default()>
            <div class="champ">
                <label for="filtre-recherche">{t(LessonMsg::SearchLabel)}</label>
                <input id="filtre-recherche" type="search" data-testid="filtre-recherche"
                    aria-describedby="filtre-recherche-aide"
                    prop:value=move || filter.get().query on:input=on_search/>
                <p id="filtre-recherche-aide" class="aide">{t(LessonMsg::SearchHint)}</p>
            </div>
            <div class="champ">
                <label for="filtre-public">{t(LessonMsg::AudienceLabel)}</label>
                <select id="filtre-public" data-testid="filtre-public" on:change=on_audience
                    prop:value=move || filter.get().audience.map(|a| a.as_str()).unwrap_or("")>
                    <option value="">{t(LessonMsg::AudienceAll)}</option>
                    {lm::all_audiences()
                        .into_iter()
                        .map(|a| view! { <option value=a.as_str()>{t(a)}</option> })
                        .collect_view()}
                </select>
            </div>
            <div class="champ">
                <label for="filtre-competence">{t(LessonMsg::CompetenceLabel)}</label>
                <select id="filtre-competence" data-testid="filtre-competence" on:change=on_competence
                    prop:value=move || filter.get().competence.unwrap_or_default()>
                    <option value="">{t(LessonMsg::CompetenceAll)}</option>
                    {competences
                        .into_iter()
                        .map(|(code, title)| {
                            let label = match title {
                                Some(title) => format!("{code} – {title}"),
                                None => code.to_string(),
                            };
                            view! { <option value=code>{label}</option> }
                        })
                        .collect_view()}
                </select>
            </div>
            <button type="button" class="bouton-secondaire" on:click=on_reset
                disabled=move || filter.get().is_empty()>{t(LessonMsg::ResetFilters)}</button>
        </form>
        <p class="compte" role="status" data-testid="compte-lecons">
            {move || lm::lessons_found(catalogue::count(&index_for_count, &filter.get()))}
        </p>
        {move || {
            let f = filter.get();
            catalogue::group(&index_for_groups, &f)
                .into_iter()
                .map(|theme| {
                    view! {
                        <section class="theme" aria-labelledby=format!("theme-{}", theme.theme.id)>
                            <h2 id=format!("theme-{}", theme.theme.id)>{theme.theme.title.clone()}</h2>
                            {theme
                                .modules
                                .into_iter()
                                .map(|m| {
                                    view! {
                                        <section class="module" data-testid="module">
                                            <h3>{m.module.title.clone()}</h3>
                                            <p class="module-resume">{m.module.summary.clone()}</p>
                                            <ol class="lecons">
                                                {m.lessons.into_iter().map(|l| view! { <LessonCard lesson=l.clone()/> }).collect_view()}
                                            </ol>
                                        </section>
                                    }
                                })
                                .collect_view()}
                        </section>
                    }
                })
                .collect_view()
        }}
    }
}

#[component]
fn LessonCard(lesson: LessonSummary) -> impl IntoView {
    let storage = use_storage();
    let id = lesson.header.id.clone();
    let status = move || storage.lesson_status(&id);
    let href = platform::href(&format!("/lecon/{}", lesson.header.id));
    view! {
        <li class="carte-lecon" data-testid="carte-lecon" data-lecon=lesson.header.id.clone()>
            <h4><A href=href>{lesson.header.title.clone()}</A></h4>
            <p>{lesson.header.summary.clone()}</p>
            <ul class="meta">
                <li><span class="sr-only">{t(LessonMsg::AudienceField)}"\u{a0}: "</span>{t(lesson.header.audience)}</li>
                <li><span class="sr-only">{t(LessonMsg::DurationLabel)}"\u{a0}: "</span>{lm::minutes(lesson.header.duration)}</li>
                <li>{lm::activities(lesson.activity_count)}</li>
            </ul>
            <CompetenceChips crcn=lesson.header.crcn.clone()/>
            <StatusBadge status=Signal::derive(status)/>
        </li>
    }
}

/// The learner's status in a lesson, as an icon and a word (never colour alone).
#[component]
pub fn StatusBadge(#[prop(into)] status: Signal<Option<LessonStatus>>) -> impl IntoView {
    move || {
        let (class, icon, msg) = match status.get() {
            None => ("statut statut-nouveau", "○", LessonMsg::StatusNotStarted),
            Some(LessonStatus::InProgress) => ("statut statut-en-cours", "◐", LessonMsg::StatusInProgress),
            Some(LessonStatus::Done) => ("statut statut-termine", "●", LessonMsg::StatusDone),
        };
        view! {
            <p class=class data-testid="statut-lecon">
                <span aria-hidden="true">{icon}" "</span>{t(msg)}
            </p>
        }
    }
}

/// CRCN competences as chips: code, official title and level.
#[component]
pub fn CompetenceChips(crcn: Vec<communs_core::lesson::model::CrcnRef>) -> impl IntoView {
    (!crcn.is_empty()).then(|| {
        view! {
            <ul class="puces-competences" aria-label=t(LessonMsg::CompetencesLabel)>
                {crcn
                    .into_iter()
                    .map(|r| {
                        // Only a title read in a primary text is shown.
                        let title = frameworks::crcn_competence(&r.code).and_then(|c| c.shown_title()).map(frameworks::Wording::text);
                        let full = match title {
                            Some(title) => format!("CRCN {} – {}", r.code, title),
                            None => format!("CRCN {}", r.code),
                        };
                        view! {
                            <li class="puce">
                                <abbr title=full>{format!("CRCN {}", r.code)}</abbr>
                                " "<span class="puce-niveau">{lm::level(r.level)}</span>
                                {title.map(|title| view! { <span class="sr-only">{format!(" – {title}")}</span> })}
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        }
    })
}
