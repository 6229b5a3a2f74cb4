//! « Page introuvable », for any address the router does not know.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::i18n::{t, Msg};
use crate::platform;

#[component]
pub fn NotFound() -> impl IntoView {
    platform::set_title(Msg::NotFoundTitle);
    view! {
        <div class="page page-introuvable" data-testid="page-introuvable">
            <h1>{t(Msg::NotFoundTitle)}</h1>
            <p>{t(Msg::NotFoundText)}</p>
            <p><A href=platform::href("/")>{t(Msg::NotFoundBackHome)}</A></p>
        </div>
    }
}
