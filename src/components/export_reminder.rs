//! « Télécharger ma sauvegarde » (the export of the current profile) and the
//! reminder shown at the end of a lesson when no export was made for a while
//! ([`communs_core::storage::export_reminder_due`]).

use communs_core::storage::{export_file_name, Profile};
use leptos::prelude::*;

use crate::components::download::{download_json, today};
use crate::i18n::profiles::ProfileMsg;
use crate::i18n::t;
use crate::storage::{use_storage, Storage};

/// Offers a profile's save as a file (content and name from `core`) and
/// records « dernière sauvegarde ». Returns the message to show: `Ok` when
/// saved, `Err` when not.
pub fn export_profile_file(storage: Storage, profile: &Profile) -> Result<String, String> {
    let doc = storage.export_profile(&profile.id).map_err(|e| e.message())?;
    if !download_json(&export_file_name(&profile.pseudonym, &today()), &doc) {
        return Err(t(ProfileMsg::ErrorWriteFailed).to_string());
    }
    storage.mark_exported(&profile.id).map_err(|e| e.message())?;
    Ok(t(ProfileMsg::Exported).to_string())
}

/// Exports the current profile as a file and records « dernière sauvegarde ».
/// Returns the message to show.
pub fn export_current() -> String {
    let storage = use_storage();
    let Some(profile) = storage.current_profile_untracked() else {
        return t(ProfileMsg::ExportNoProfile).to_string();
    };
    match export_profile_file(storage, &profile) {
        Ok(m) | Err(m) => m,
    }
}

/// The export button with its result message (polite live region).
#[component]
pub fn ExportButton() -> impl IntoView {
    let (message, set_message) = signal(String::new());
    view! {
        <div class="export">
            <button type="button" data-testid="exporter" on:click=move |_| set_message.set(export_current())>
                {t(ProfileMsg::ExportButton)}
            </button>
            <p class="message-action" role="status" data-testid="message-export">{message}</p>
        </div>
    }
}

/// The end-of-lesson reminder: shown only when an export is due for the
/// current profile.
#[component]
pub fn ExportReminder() -> impl IntoView {
    let storage = use_storage();
    view! {
        <Show when=move || storage.export_reminder_due()>
            <aside class="rappel-sauvegarde" aria-labelledby="rappel-sauvegarde-titre" data-testid="rappel-sauvegarde">
                <h2 id="rappel-sauvegarde-titre">{t(ProfileMsg::ReminderTitle)}</h2>
                <p>{t(ProfileMsg::ReminderText)}</p>
                <ExportButton/>
            </aside>
        </Show>
    }
}
