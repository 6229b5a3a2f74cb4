//! The current profile, always visible in the header: its avatar and
//! pseudonym, linking to « Profils »; « Aucun profil » and a link to create
//! one when nobody is chosen.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::avatar::Avatar;
use crate::i18n::profiles::ProfileMsg;
use crate::i18n::t;
use crate::storage::use_storage;

#[component]
pub fn ProfileBadge() -> impl IntoView {
    let storage = use_storage();
    view! {
        <div class="badge-profil" data-testid="profil-actuel">
            {move || match storage.current_profile() {
                Some(p) => view! {
                    <A href=crate::platform::href("/profils") attr:class="badge-lien">
                        <Avatar colour=p.colour avatar=p.avatar/>
                        <span class="sr-only">{t(ProfileMsg::CurrentPrefix)}</span>
                        <span class="badge-nom" data-testid="profil-actuel-nom">{p.pseudonym.clone()}</span>
                    </A>
                }
                .into_any(),
                None => view! {
                    <span class="badge-aucun">{t(ProfileMsg::BadgeNoProfile)}</span>
                    <A href=crate::platform::href("/profils") attr:class="badge-lien badge-creer">{t(ProfileMsg::BadgeCreate)}</A>
                }
                .into_any(),
            }}
        </div>
    }
}
