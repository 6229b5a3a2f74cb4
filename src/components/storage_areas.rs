//! What each storage area uses against its budget — the pupils' profiles
//! and answers, the teacher's space, the display settings — and the state of
//! the teacher's space (in IndexedDB or in memory, and why; persisted or
//! not; values set aside, with their download), with what the browser says
//! of the whole site (`navigator.storage.estimate()`). Shown on `/profils`.

use communs_core::space::{Area, AreaUsage, PUPILS_BUDGET_CHARS};
use communs_core::storage::{quarantine_file_name, Usage};
use leptos::prelude::*;

use crate::components::download::{download_json, today};
use crate::i18n::storage::{area_name, area_usage, browser_estimate, SpaceMsg};
use crate::i18n::t;
use crate::storage::idb::use_teacher_space;
use crate::storage::settings::use_settings;
use crate::storage::use_storage;

fn area_id(area: Area) -> &'static str {
    match area {
        Area::Pupils => "espace-eleves",
        Area::Teacher => "espace-enseignant",
        Area::Settings => "espace-reglages",
    }
}

#[component]
pub fn StorageAreas() -> impl IntoView {
    let storage = use_storage();
    let teacher = use_teacher_space();
    let settings = use_settings();
    let state = Memo::new(move |_| teacher.state());
    let rows = move || {
        let Usage { used, quota } = storage.usage();
        let pupils = AreaUsage { area: Area::Pupils, used: used as u64, budget: (quota as u64).min(PUPILS_BUDGET_CHARS) };
        [pupils, teacher.usage(), settings.usage()]
    };
    let note = move || state.with(|s| s.message());
    let problems = move || state.with(|s| s.problems.iter().cloned().chain(s.read_only.clone()).collect::<Vec<_>>());
    let has_quarantine = move || {
        state.track();
        teacher.with_space(|s| !s.quarantined().is_empty())
    };
    view! {
        <section aria-labelledby="titre-espaces" class="bloc" data-testid="espaces-stockage">
            <h2 id="titre-espaces">{t(SpaceMsg::AreasTitle)}</h2>
            <p>{t(SpaceMsg::AreasIntro)}</p>
            <ul>
                {move || {
                    rows()
                        .into_iter()
                        .map(|u| {
                            view! {
                                <li data-testid=area_id(u.area)>
                                    <strong>{area_name(u.area)}</strong>
                                    {"\u{a0}: "}
                                    {area_usage(&u)}
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
            <p role="status" data-testid="etat-espace-enseignant">{note}</p>
            <ul>{move || problems().into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul>
            <Show when=has_quarantine>
                <p>
                    <button
                        type="button"
                        on:click=move |_| {
                            download_json(&quarantine_file_name(&today()), &teacher.quarantine_document());
                        }
                    >
                        {t(SpaceMsg::TeacherQuarantineDownload)}
                    </button>
                </p>
            </Show>
            {move || state.with(|s| s.estimate).map(|(quota, usage)| view! { <p>{browser_estimate(usage, quota)}</p> })}
        </section>
    }
}
