//! The app's frame and its routes, declared here and nowhere else.
//!
//! The router's base is read at run time ([`platform::base_path`]), so the
//! same `dist/` works at the root of a host and under a sub-path. Every route
//! listed here that has no dynamic part also gets an entry page written by
//! `cargo xtask dist` (see [`communs_core::routes::STATIC_PAGES`]), so a deep
//! link opens from a fresh tab on a plain static server. Each page is a lazy
//! route ([`split`]): its code comes in a chunk of its own.

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes, A};
use leptos_router::{path, Lazy};

use crate::components::{profile_badge::ProfileBadge, storage_banner::StorageBanner};
use crate::content;
use crate::i18n::competences::CompetenceMsg;
use crate::i18n::lessons::LessonMsg;
use crate::i18n::profiles::ProfileMsg;
use crate::i18n::{t, Msg};
use crate::platform;
use crate::storage::provide_storage;

mod split;
use split::{AboutRoute, CatalogueRoute, CompetencesRoute, HomeRoute, LessonRoute, ProfilesRoute};

/// The whole app: skip link, header, the routed page and the footer.
#[component]
pub fn App() -> impl IntoView {
    let base = platform::base_path();
    provide_storage();
    content::provide_catalogue();
    view! {
        <Router base=base>
            <FocusOnNavigation/>
            <SkipLink/>
            <Header/>
            <StorageBanner/>
            <main id="contenu" tabindex="-1" data-testid="contenu">
                <Routes fallback=split::not_found>
                    <Route path=path!("/") view={Lazy::<HomeRoute>::new()}/>
                    <Route path=path!("/parcours") view={Lazy::<CatalogueRoute>::new()}/>
                    <Route path=path!("/lecon/:id") view={Lazy::<LessonRoute>::new()}/>
                    <Route path=path!("/a-propos") view={Lazy::<AboutRoute>::new()}/>
                    <Route path=path!("/profils") view={Lazy::<ProfilesRoute>::new()}/>
                    <Route path=path!("/competences") view={Lazy::<CompetencesRoute>::new()}/>
                </Routes>
            </main>
            <Footer/>
        </Router>
    }
}

/// After an in-app navigation to another page, moves the keyboard focus to
/// `<main>`, so screen readers start reading the new page and the next Tab
/// goes into it (the link that was clicked may be gone). Not on the first
/// load, nor when only the query string changes (catalogue filters).
#[component]
fn FocusOnNavigation() -> impl IntoView {
    let location = leptos_router::hooks::use_location();
    Effect::new(move |previous: Option<String>| {
        let path = location.pathname.get();
        if previous.is_some_and(|p| p != path) {
            platform::focus_main();
        }
        path
    });
}

/// « Aller au contenu »: the first stop of the keyboard, moving focus to `<main>`.
#[component]
fn SkipLink() -> impl IntoView {
    let on_click = |ev: leptos::ev::MouseEvent| {
        ev.prevent_default();
        platform::focus_main();
    };
    view! {
        <a class="lien-evitement" href="#contenu" on:click=on_click>
            {t(Msg::SkipToContent)}
        </a>
    }
}

#[component]
fn Header() -> impl IntoView {
    view! {
        <header class="entete" data-testid="entete">
            <div class="entete-interieur">
                <A href=platform::href("/") attr:class="marque">
                    <img src=platform::asset("icons/communs.svg") alt="" width="40" height="40"/>
                    <span class="marque-nom">{t(Msg::AppName)}</span>
                </A>
                <nav aria-label=t(Msg::MainNavigation) class="nav-principale">
                    <ul>
                        <li><A href=platform::href("/") exact=true>{t(Msg::NavHome)}</A></li>
                        <li><A href=platform::href("/parcours")>{t(LessonMsg::NavCatalogue)}</A></li>
                        <li><A href=platform::href("/profils")>{t(ProfileMsg::NavProfiles)}</A></li>
                        <li><A href=platform::href("/competences")>{t(CompetenceMsg::NavCompetences)}</A></li>
                        <li><A href=platform::href("/a-propos")>{t(Msg::NavAbout)}</A></li>
                    </ul>
                </nav>
                <ProfileBadge/>
            </div>
        </header>
    }
}

#[component]
fn Footer() -> impl IntoView {
    view! {
        <footer class="pied" data-testid="pied">
            <p>{t(Msg::FooterPrivacy)}</p>
            <p>{t(Msg::FooterLicence)}</p>
        </footer>
    }
}
