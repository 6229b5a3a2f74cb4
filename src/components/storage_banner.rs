//! The storage status banner, above the page: storage unavailable (the app
//! runs in memory; « Ouvrir dans un nouvel onglet »), data set aside at
//! start (download it), read-only data from a newer version, storage full
//! (with the way out: export, then delete old profiles).

use communs_core::storage::quarantine_file_name;
use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::download::{download_json, today};
use crate::i18n::profiles::ProfileMsg;
use crate::i18n::t;
use crate::storage::{use_storage, Mode};

/// The address of this page, to open it again in a tab of its own (outside a
/// frame that blocks storage).
fn this_page() -> String {
    web_sys::window().and_then(|w| w.location().href().ok()).unwrap_or_default()
}

/// Offers the values set aside (quarantine) as a JSON file.
pub fn download_quarantine() {
    let storage = use_storage();
    download_json(&quarantine_file_name(&today()), &storage.quarantine_document());
}

#[component]
pub fn StorageBanner() -> impl IntoView {
    let storage = use_storage();
    let state = Memo::new(move |_| storage.state());
    let (corrupt_closed, set_corrupt_closed) = signal(false);
    let memory = move || state.with(|s| s.mode == Mode::Memory);
    let corrupt = move || !corrupt_closed.get() && state.with(|s| s.newly_quarantined > 0);
    let read_only = move || state.with(|s| s.read_only.clone());
    let full = move || state.with(|s| s.full || s.unsaved > 0);
    let failed = move || state.with(|s| s.write_failed && !s.full);
    view! {
        <div class="bandeaux" data-testid="bandeaux-stockage">
            <Show when=memory>
                <div class="bandeau bandeau-alerte" role="status" data-testid="bandeau-memoire">
                    <p class="bandeau-titre">{t(ProfileMsg::BannerMemoryTitle)}</p>
                    <p>{t(ProfileMsg::BannerMemory)}</p>
                    <p>
                        <a class="bouton bouton-secondaire" href=this_page target="_blank" rel="noopener">
                            {t(ProfileMsg::BannerOpenNewTab)}
                        </a>
                    </p>
                </div>
            </Show>
            <Show when=corrupt>
                <div class="bandeau bandeau-alerte" role="status" data-testid="bandeau-mis-de-cote">
                    <p class="bandeau-titre">{t(ProfileMsg::BannerCorruptTitle)}</p>
                    <p>{t(ProfileMsg::BannerCorrupt)}</p>
                    <details>
                        <summary>{t(ProfileMsg::BannerDetails)}</summary>
                        <ul>
                            {move || {
                                state
                                    .with(|s| s.load_problems.clone())
                                    .into_iter()
                                    .map(|p| view! { <li>{p}</li> })
                                    .collect_view()
                            }}
                        </ul>
                    </details>
                    <p class="bandeau-actions">
                        <button type="button" data-testid="telecharger-mis-de-cote" on:click=move |_| download_quarantine()>
                            {t(ProfileMsg::QuarantineDownload)}
                        </button>
                        <button type="button" class="bouton-secondaire" on:click=move |_| set_corrupt_closed.set(true)>
                            {t(ProfileMsg::Close)}
                        </button>
                    </p>
                </div>
            </Show>
            {move || {
                read_only()
                    .map(|reason| {
                        view! {
                            <div class="bandeau bandeau-alerte" role="status" data-testid="bandeau-lecture-seule">
                                <p class="bandeau-titre">{t(ProfileMsg::BannerReadOnlyTitle)}</p>
                                <p>{reason}</p>
                            </div>
                        }
                    })
            }}
            <div role="alert" class="bandeau-alerte-zone">
                <Show when=full>
                    <div class="bandeau bandeau-erreur" data-testid="bandeau-plein">
                        <p class="bandeau-titre">{t(ProfileMsg::BannerFullTitle)}</p>
                        <p>{t(ProfileMsg::BannerFull)}</p>
                        {move || {
                            let n = state.with(|s| s.unsaved);
                            (n > 0).then(|| view! { <p>{t(ProfileMsg::BannerUnsaved)}{n}</p> })
                        }}
                        <p><A href=crate::platform::href("/profils")>{t(ProfileMsg::BannerManageProfiles)}</A></p>
                    </div>
                </Show>
                <Show when=failed>
                    <div class="bandeau bandeau-erreur" data-testid="bandeau-echec">
                        <p>{t(ProfileMsg::BannerWriteFailed)}</p>
                    </div>
                </Show>
            </div>
        </div>
    }
}
