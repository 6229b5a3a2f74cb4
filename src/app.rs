//! The app's frame and its routes, declared here and nowhere else.
//!
//! The router's base is read at run time ([`platform::base_path`]), so the
//! same `dist/` works at the root of a host and under a sub-path. Every route
//! listed here that has no dynamic part also gets an entry page written by
//! `cargo xtask dist` (see [`communs_core::routes::STATIC_PAGES`]), so a deep
//! link opens from a fresh tab on a plain static server.

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes, A};
use leptos_router::path;

use crate::i18n::{t, Msg};
use crate::pages::{about::About, home::Home, not_found::NotFound};
use crate::platform;

/// The whole app: skip link, header, the routed page and the footer.
#[component]
pub fn App() -> impl IntoView {
    let base = platform::base_path();
    view! {
        <Router base=base>
            <SkipLink/>
            <Header/>
            <main id="contenu" tabindex="-1" data-testid="contenu">
                <Routes fallback=|| view! { <NotFound/> }>
                    <Route path=path!("/") view=Home/>
                    <Route path=path!("/a-propos") view=About/>
                </Routes>
            </main>
            <Footer/>
        </Router>
    }
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
                <A href="/" attr:class="marque">
                    <img src=platform::asset("icons/communs.svg") alt="" width="40" height="40"/>
                    <span class="marque-nom">{t(Msg::AppName)}</span>
                </A>
                <nav aria-label=t(Msg::MainNavigation) class="nav-principale">
                    <ul>
                        <li><A href="/" exact=true>{t(Msg::NavHome)}</A></li>
                        <li><A href="/a-propos">{t(Msg::NavAbout)}</A></li>
                    </ul>
                </nav>
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
