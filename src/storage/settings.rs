//! The display settings in `localStorage` (`communs.reglages`, schema in
//! [`communs_core::space::settings`]). Read **before** the learners' load
//! (see `provide_storage`), so that an unreadable value is already in the
//! learners' quarantine (`communs.q.…`) when they load, listed and offered
//! for download with the rest. Writes are planned by `core` against the
//! settings' own budget, then written all or nothing; another tab's change
//! arrives through the `storage` event. Without `localStorage` the settings
//! stay in memory, like the learners' data.

use communs_core::space::{load_settings, settings_usage, AreaUsage, DisplaySettings, SpaceError, SETTINGS_KEY};
use communs_core::storage::WriteBatch;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::{is_quota_error, local_storage, warn};

/// Why new settings were not saved (nothing was written).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SettingsError {
    /// `core` refused them (over the settings' budget).
    Refused(SpaceError),
    /// Stored by a newer version: left as they are.
    Newer,
    /// The browser refused the write (full, or another reason).
    Failed { full: bool },
}

/// The display settings of this tab: a copyable handle on signals.
#[derive(Clone, Copy)]
pub struct Settings {
    value: RwSignal<DisplaySettings>,
    /// The stored text (`None`: nothing stored, or in memory).
    stored: RwSignal<Option<String>>,
    /// What the load found, in French.
    problems: RwSignal<Vec<String>>,
    newer: StoredValue<bool>,
}

/// Reads the display settings, sets an unreadable value aside, listens to
/// other tabs. Call before the learners' storage is opened.
pub fn provide_settings() {
    let settings = Settings::open();
    provide_context(settings);
    settings.listen();
}

/// The settings provided by [`provide_settings`].
pub fn use_settings() -> Settings {
    expect_context::<Settings>()
}

/// Writes a batch to `localStorage`, rolling back on the first failure.
fn write_batch(ls: &web_sys::Storage, batch: &WriteBatch) -> Result<(), SettingsError> {
    for (done, op) in batch.ops.iter().enumerate() {
        let result = match &op.value {
            Some(v) => ls.set_item(&op.key, v),
            None => ls.remove_item(&op.key),
        };
        if let Err(e) = result {
            let written: Vec<&str> = batch.ops[..done].iter().map(|o| o.key.as_str()).collect();
            for undo in batch.undo.iter().filter(|u| written.contains(&u.key.as_str())) {
                let _ = match &undo.value {
                    Some(v) => ls.set_item(&undo.key, v),
                    None => ls.remove_item(&undo.key),
                };
            }
            return Err(SettingsError::Failed { full: is_quota_error(&e) });
        }
    }
    Ok(())
}

impl Settings {
    fn open() -> Settings {
        let ls = local_storage();
        let raw = ls.as_ref().and_then(|ls| ls.get_item(SETTINGS_KEY).ok().flatten());
        let report = load_settings(raw.as_deref());
        let problems: Vec<String> = report.problems.iter().map(crate::i18n::storage::space_problem).collect();
        for p in &problems {
            warn(&format!("Communs : {p}"));
        }
        let mut stored = raw;
        if let Some(ls) = &ls {
            if !report.repairs.is_empty() {
                match write_batch(ls, &report.repairs) {
                    Ok(()) => stored = None,
                    Err(_) => warn("Communs : réglages illisibles non mis de côté (le prochain démarrage réessaie)."),
                }
            }
        }
        Settings {
            value: RwSignal::new(report.settings),
            stored: RwSignal::new(stored),
            problems: RwSignal::new(problems),
            newer: StoredValue::new(report.newer.is_some()),
        }
    }

    fn listen(self) {
        let Some(window) = web_sys::window() else { return };
        let on_storage = Closure::<dyn Fn(web_sys::StorageEvent)>::new(move |ev: web_sys::StorageEvent| {
            if ev.key().as_deref() == Some(SETTINGS_KEY) {
                let raw = ev.new_value();
                if let Some(s) = raw.as_deref().and_then(|r| DisplaySettings::decode(r).ok()) {
                    self.value.set(s);
                }
                self.stored.set(raw);
            }
        });
        let _ = window.add_event_listener_with_callback("storage", on_storage.as_ref().unchecked_ref());
        on_storage.forget();
    }

    /// The current settings (reactive).
    pub fn get(&self) -> DisplaySettings {
        self.value.get()
    }

    /// What the load found, in French (reactive).
    pub fn problems(&self) -> Vec<String> {
        self.problems.get()
    }

    /// What the settings use against their budget (reactive).
    pub fn usage(&self) -> AreaUsage {
        self.stored.with(|s| settings_usage(s.as_deref()))
    }

    /// Saves new settings (all or nothing); in memory when there is no `localStorage`.
    pub fn save(&self, new: DisplaySettings) -> Result<(), SettingsError> {
        if self.newer.get_value() {
            return Err(SettingsError::Newer);
        }
        let batch = self.stored.with_untracked(|s| new.plan_save(s.as_deref())).map_err(SettingsError::Refused)?;
        let written = match local_storage() {
            Some(ls) => write_batch(&ls, &batch).map(|()| self.stored.set(Some(new.encode()))),
            None => Ok(()),
        };
        // Shown this session even when the browser refused to keep them.
        self.value.set(new);
        written
    }
}
