//! Lessons as the app receives them: `lecons/index.json` (the catalogue,
//! fetched once and shared) and `lecons/<id>.json` (fetched when a lesson is
//! opened). Both were compiled and sanitised at build time; this module only
//! downloads and decodes them, and says in French what went wrong.

use std::sync::Arc;

use communs_core::lesson::model::{CompiledLesson, LessonIndex};
use communs_core::text::is_lesson_id;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::platform;

/// Why content could not be shown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ContentError {
    /// The file does not exist (unknown lesson id, or an incomplete build).
    NotFound,
    /// The network failed (offline before the first visit finished caching).
    Network,
    /// The file is not what this version of the app expects.
    Invalid,
}

/// The catalogue, shared by every page that needs it.
#[derive(Clone, Copy)]
pub struct Catalogue(pub LocalResource<Result<Arc<LessonIndex>, ContentError>>);

/// Starts loading the catalogue once for the whole app.
pub fn provide_catalogue() {
    let res = LocalResource::new(|| async { fetch_json::<LessonIndex>("lecons/index.json").await.map(Arc::new) });
    provide_context(Catalogue(res));
}

pub fn use_catalogue() -> Catalogue {
    expect_context::<Catalogue>()
}

impl Catalogue {
    /// `None` while loading.
    pub fn get(&self) -> Option<Result<Arc<LessonIndex>, ContentError>> {
        self.0.get()
    }
}

/// Downloads and decodes one lesson. An id the compiler would refuse
/// ([`is_lesson_id`]) never reaches the network.
pub async fn load_lesson(id: &str) -> Result<Arc<CompiledLesson>, ContentError> {
    if !is_lesson_id(id) {
        return Err(ContentError::NotFound);
    }
    fetch_json::<CompiledLesson>(&format!("lecons/{id}.json")).await.map(Arc::new)
}

async fn fetch_json<T: serde::de::DeserializeOwned>(path: &str) -> Result<T, ContentError> {
    let window = web_sys::window().ok_or(ContentError::Network)?;
    let url = platform::asset(path);
    let response = JsFuture::from(window.fetch_with_str(&url)).await.map_err(|_| ContentError::Network)?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| ContentError::Network)?;
    if response.status() == 404 {
        return Err(ContentError::NotFound);
    }
    if !response.ok() {
        return Err(ContentError::Network);
    }
    let text = JsFuture::from(response.text().map_err(|_| ContentError::Network)?).await.map_err(|_| ContentError::Network)?;
    let text = text.as_string().ok_or(ContentError::Invalid)?;
    serde_json::from_str(&text).map_err(|_| ContentError::Invalid)
}
