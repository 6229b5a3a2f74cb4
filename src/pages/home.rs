//! The home page: what Communs is and where to start.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::i18n::{t, Msg};
use crate::platform;

#[component]
pub fn Home() -> impl IntoView {
    platform::set_app_title();
    let cards = [
        (Msg::HomeLessonsTitle, Msg::HomeLessonsText),
        (Msg::HomeActivitiesTitle, Msg::HomeActivitiesText),
        (Msg::HomeTrackerTitle, Msg::HomeTrackerText),
        (Msg::HomePrivacyTitle, Msg::HomePrivacyText),
        (Msg::HomeOfflineTitle, Msg::HomeOfflineText),
    ];
    view! {
        <div class="page page-accueil" data-testid="page-accueil">
            <h1>{t(Msg::HomeTitle)}</h1>
            <p class="chapeau">{t(Msg::HomeIntro)}</p>
            <p class="actions-accueil">
                <A href=platform::href("/parcours") attr:class="bouton" attr:data-testid="accueil-parcours">{t(Msg::HomeStart)}</A>
                <A href=platform::href("/profils") attr:class="bouton bouton-secondaire">{t(Msg::HomeChooseProfile)}</A>
            </p>
            <ul class="cartes">
                {cards
                    .into_iter()
                    .map(|(title, text)| {
                        view! {
                            <li class="carte">
                                <h2>{t(title)}</h2>
                                <p>{t(text)}</p>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
            <p><A href=platform::href("/a-propos")>{t(Msg::HomeAboutLink)}</A></p>
        </div>
    }
}
