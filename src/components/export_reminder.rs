//! « Télécharger ma sauvegarde » (the export of the current profile) and the
//! reminder shown at the end of a lesson when no export was made for a while
//! ([`communs_core::storage::export_reminder_due`]).

use leptos::prelude::*;

use crate::components::download::{backup_file_name, download_json};
use crate::i18n::profiles::ProfileMsg;
use crate::i18n::t;
use crate::storage::use_storage;

/// Exports the current profile as a file and records « dernière sauvegarde ».
/// Returns the message to show.
pub fn export_current() -> String {
    let storage = use_storage();
    let Some(profile) = storage.current_profile_untracked() else {
        return t(ProfileMsg::ExportNoProfile).to_string();
    };
    match storage.export_profile(&profile.id) {
        Err(e) => e.message(),
        Ok(doc) => {
            let name = backup_file_name(&profile.pseudonym);
            if !download_json(&name, &doc) {
                return t(ProfileMsg::ErrorWriteFailed).to_string();
            }
            match storage.mark_exported(&profile.id) {
                Ok(()) => t(ProfileMsg::Exported).to_string(),
                Err(e) => e.message(),
            }
        }
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
