//! Display settings: one small `localStorage` value,
//! `communs.reglages` = `{"v":1,"theme":"systeme","texte":100,"animations":true}`,
//! shared by everyone who uses this browser (they are not a pupil's data).
//! This module validates and encodes it, sets an unreadable value aside in
//! the learners' quarantine (`communs.q.…`, so it is listed and downloadable
//! with the others) and plans each change as a [`WriteBatch`] checked against
//! [`SETTINGS_BUDGET_CHARS`]. Before this schema nothing of the kind was
//! stored (no `communs.ui.*` key was ever written), so v1 has no migration.

use serde_json::{json, Value};

use super::area::{check_write, Area, AreaUsage, SpaceError, SpaceProblem, SETTINGS_BUDGET_CHARS};
use crate::storage::{utf16_len, Quarantined, WriteBatch, WriteOp};

/// The key of the display settings.
pub const SETTINGS_KEY: &str = "communs.reglages";

/// The version written in `v`.
pub const SETTINGS_VERSION: u32 = 1;

/// Colours of the interface.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Theme {
    /// Follow the system (`prefers-color-scheme`).
    #[default]
    System,
    Light,
    Dark,
}

impl Theme {
    /// Every theme, in the order offered.
    pub const ALL: [Theme; 3] = [Theme::System, Theme::Light, Theme::Dark];

    fn code(self) -> &'static str {
        match self {
            Theme::System => "systeme",
            Theme::Light => "clair",
            Theme::Dark => "sombre",
        }
    }

    fn from_code(s: &str) -> Option<Theme> {
        Theme::ALL.into_iter().find(|t| t.code() == s)
    }
}

/// Size of the text, in per cent of the browser's size.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum TextSize {
    #[default]
    Normal,
    Large,
    Larger,
    Largest,
}

impl TextSize {
    /// Every size, smallest first.
    pub const ALL: [TextSize; 4] = [TextSize::Normal, TextSize::Large, TextSize::Larger, TextSize::Largest];

    /// The size in per cent (100, 125, 150, 200).
    pub fn percent(self) -> u16 {
        match self {
            TextSize::Normal => 100,
            TextSize::Large => 125,
            TextSize::Larger => 150,
            TextSize::Largest => 200,
        }
    }

    fn from_percent(p: u64) -> Option<TextSize> {
        TextSize::ALL.into_iter().find(|t| u64::from(t.percent()) == p)
    }
}

/// The reason [`DisplaySettings::decode`] gives for a value of a newer
/// version, which is left as it is (never quarantined).
const NEWER: &str = "version plus récente";

/// The display settings of this browser.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct DisplaySettings {
    pub theme: Theme,
    pub text: TextSize,
    /// False: animations and transitions are turned off whatever the system says.
    pub animations: bool,
}

impl DisplaySettings {
    /// The settings when nothing is stored: the system's theme, normal text, animations.
    pub fn defaults() -> DisplaySettings {
        DisplaySettings { animations: true, ..DisplaySettings::default() }
    }

    /// The stored value.
    pub fn encode(&self) -> String {
        json!({ "v": SETTINGS_VERSION, "theme": self.theme.code(), "texte": self.text.percent(), "animations": self.animations })
            .to_string()
    }

    /// Reads a stored value: `Err(reason)` (a stored French phrase) when it
    /// is not valid JSON, is of a newer version, or a field is out of range.
    /// A missing field takes its default (a value of a later v1 that added none).
    pub fn decode(raw: &str) -> Result<DisplaySettings, &'static str> {
        if raw.len() > SETTINGS_BUDGET_CHARS as usize * 3 {
            return Err("valeur trop grande");
        }
        let v: Value = serde_json::from_str(raw).map_err(|_| "JSON illisible")?;
        let Some(obj) = v.as_object() else { return Err("pas un objet JSON") };
        match obj.get("v").and_then(Value::as_u64) {
            Some(1) => {}
            Some(_) => return Err(NEWER),
            None => return Err("sans version"),
        }
        let d = DisplaySettings::defaults();
        let theme = match obj.get("theme") {
            None => d.theme,
            Some(t) => t.as_str().and_then(Theme::from_code).ok_or("thème inconnu")?,
        };
        let text = match obj.get("texte") {
            None => d.text,
            Some(t) => t.as_u64().and_then(TextSize::from_percent).ok_or("taille de texte inconnue")?,
        };
        let animations = match obj.get("animations") {
            None => d.animations,
            Some(a) => a.as_bool().ok_or("réglage des animations illisible")?,
        };
        Ok(DisplaySettings { theme, text, animations })
    }

    /// Plans writing these settings over `current` (the stored value, if
    /// any): refused with [`SpaceError::OverBudget`] when key + value would
    /// pass [`SETTINGS_BUDGET_CHARS`]. Unchanged settings give an empty batch.
    pub fn plan_save(&self, current: Option<&str>) -> Result<WriteBatch, SpaceError> {
        self.plan_save_within(current, SETTINGS_BUDGET_CHARS)
    }

    /// [`DisplaySettings::plan_save`] against another budget (tests, a smaller browser).
    pub fn plan_save_within(&self, current: Option<&str>, budget: u64) -> Result<WriteBatch, SpaceError> {
        let value = self.encode();
        if current == Some(value.as_str()) {
            return Ok(WriteBatch::default());
        }
        let size = |v: &str| (utf16_len(SETTINGS_KEY) + utf16_len(v)) as u64;
        let used = current.map_or(0, size);
        check_write(Area::Settings, used, size(&value) as i64 - used as i64, budget)?;
        Ok(WriteBatch {
            ops: vec![WriteOp { key: SETTINGS_KEY.to_string(), value: Some(value) }],
            undo: vec![WriteOp { key: SETTINGS_KEY.to_string(), value: current.map(str::to_string) }],
        })
    }
}

/// What [`load_settings`] found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SettingsLoad {
    /// The settings to use (defaults when nothing readable is stored).
    pub settings: DisplaySettings,
    /// What was found (a quarantined value).
    pub problems: Vec<SpaceProblem>,
    /// The writes that set an unreadable value aside: the quarantine key
    /// first, then the removal of [`SETTINGS_KEY`].
    pub repairs: WriteBatch,
    /// The stored value is of a newer version `v`: it is left untouched, the
    /// defaults are used and nothing may be saved over it.
    pub newer: Option<u64>,
}

/// Reads the stored value of [`SETTINGS_KEY`] (`None`: nothing stored).
/// Never fails: an unreadable value is moved to quarantine, the defaults used.
pub fn load_settings(raw: Option<&str>) -> SettingsLoad {
    let Some(raw) = raw else {
        return SettingsLoad {
            settings: DisplaySettings::defaults(),
            problems: Vec::new(),
            repairs: WriteBatch::default(),
            newer: None,
        };
    };
    match DisplaySettings::decode(raw) {
        Ok(settings) => SettingsLoad { settings, problems: Vec::new(), repairs: WriteBatch::default(), newer: None },
        Err(NEWER) => {
            let newer = serde_json::from_str::<Value>(raw).ok().and_then(|v| v.get("v").and_then(Value::as_u64));
            SettingsLoad { settings: DisplaySettings::defaults(), problems: Vec::new(), repairs: WriteBatch::default(), newer }
        }
        Err(reason) => {
            let q = Quarantined::new(SETTINGS_KEY, reason, raw);
            let repairs = WriteBatch {
                ops: vec![
                    WriteOp { key: q.key.clone(), value: Some(q.value()) },
                    WriteOp { key: SETTINGS_KEY.to_string(), value: None },
                ],
                undo: vec![
                    WriteOp { key: SETTINGS_KEY.to_string(), value: Some(raw.to_string()) },
                    WriteOp { key: q.key.clone(), value: None },
                ],
            };
            SettingsLoad {
                settings: DisplaySettings::defaults(),
                problems: vec![SpaceProblem::Quarantined { area: Area::Settings, reason: reason.to_string() }],
                repairs,
                newer: None,
            }
        }
    }
}

/// What the settings use against their budget (`stored`: the stored value).
pub fn settings_usage(stored: Option<&str>) -> AreaUsage {
    let used = stored.map_or(0, |v| (utf16_len(SETTINGS_KEY) + utf16_len(v)) as u64);
    AreaUsage { area: Area::Settings, used, budget: SETTINGS_BUDGET_CHARS }
}
