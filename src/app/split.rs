//! The pages as lazy routes: each page's code sits in a WebAssembly chunk of
//! its own, fetched the first time the page is shown, so a first visit
//! downloads the frame (header, footer, router, storage) and one page.
//!
//! A split point is a function marked with `wasm_split(<chunk>, fallible)`
//! (the attribute behind Leptos's `#[lazy]`, here with `fallible`): calling it
//! loads its chunk, then runs it. `cargo xtask dist` cuts the wasm at those
//! points (`xtask/src/split.rs`). Without the `split` feature (host tests,
//! clippy, the wasm-bindgen-test builds, which are not cut), every split point
//! is a plain `async fn` and the pages are linked into the one wasm.
//!
//! Leptos's own `#[lazy]` panics when a chunk cannot be fetched, which aborts
//! the whole app; here a failed load becomes a page that says so in French
//! with a « Réessayer » button. Neither the loader of `wasm_split_helpers`
//! nor the script written by the split remembers a failure, so a retry
//! fetches the chunk again.

use std::future::Future;
use std::pin::Pin;

use leptos::prelude::*;
use leptos::wasm_split::SplitLoaderError;
use leptos_router::LazyRoute;
use send_wrapper::SendWrapper;

use crate::i18n::{t, Msg};
use crate::platform;

/// A split point: loads a page's chunk, then builds the page.
pub type Load = fn() -> Pin<Box<dyn Future<Output = Result<AnyView, SplitLoaderError>>>>;

/// Declares, for each page, its split point (`<page>::load`, in the chunk
/// named after it) and, for a page at a route, the route type the router
/// loads it with.
macro_rules! lazy_pages {
    ($($(#[$doc:meta])* $chunk:ident $(: $route:ident)? => $page:path;)*) => {
        $(
            $(
                #[doc = concat!("The lazy route of the page of [`", stringify!($chunk), "`].")]
                pub struct $route;

                impl LazyRoute for $route {
                    fn data() -> Self {
                        $route
                    }

                    fn view(_: Self) -> impl Future<Output = AnyView> {
                        page($chunk::LOAD)
                    }
                }
            )?

            $(#[$doc])*
            mod $chunk {
                use super::*;

                pub const LOAD: Load = || Box::pin(load());

                #[cfg(feature = "split")]
                #[leptos::wasm_split::wasm_split($chunk, wasm_split_path = ::leptos::wasm_split, fallible)]
                fn load() -> Result<AnyView, SplitLoaderError> {
                    use $page as Page;
                    Ok(view! { <Page/> }.into_any())
                }

                #[cfg(not(feature = "split"))]
                async fn load() -> Result<AnyView, SplitLoaderError> {
                    use $page as Page;
                    Ok(view! { <Page/> }.into_any())
                }
            }
        )*
    };
}

lazy_pages! {
    /// `/`.
    home: HomeRoute => crate::pages::home::Home;
    /// `/parcours`.
    catalogue: CatalogueRoute => crate::pages::catalogue::Catalogue;
    /// `/lecon/<id>`, with every activity view.
    lesson: LessonRoute => crate::pages::lesson::Lesson;
    /// `/profils`.
    profiles: ProfilesRoute => crate::pages::profiles::Profiles;
    /// `/competences`.
    competences: CompetencesRoute => crate::pages::competences::Competences;
    /// `/a-propos`.
    about: AboutRoute => crate::pages::about::About;
    /// Any other address (the router's fallback, see [`not_found`]).
    not_found => crate::pages::not_found::NotFound;
}

/// The not-found page, for the router's fallback (a view, not a route).
pub fn not_found() -> impl IntoView {
    lazy_view(not_found::LOAD)
}

/// The page once its chunk is there, or the page that says it could not be
/// loaded.
fn page(load: Load) -> Pin<Box<dyn Future<Output = AnyView>>> {
    Box::pin(async move {
        match load().await {
            Ok(view) => view,
            Err(_) => view! { <LoadFailed load/> }.into_any(),
        }
    })
}

/// A page shown as soon as its chunk is there (nothing before).
fn lazy_view(load: Load) -> impl IntoView {
    Suspend::new(SendWrapper::new(page(load)))
}

/// « Cette page n’a pas pu être chargée », with « Réessayer », which tries
/// the chunk again and shows the page when it comes.
#[component]
fn LoadFailed(load: Load) -> impl IntoView {
    platform::set_title(Msg::PageLoadFailedTitle);
    let retry = RwSignal::new(false);
    move || {
        if retry.get() {
            lazy_view(load).into_any()
        } else {
            view! {
                <div class="page page-chargement-echoue" role="alert" data-testid="chargement-echoue">
                    <h1>{t(Msg::PageLoadFailedTitle)}</h1>
                    <p>{t(Msg::PageLoadFailedText)}</p>
                    <p>
                        <button type="button" class="bouton" data-testid="chargement-reessayer" on:click=move |_| retry.set(true)>
                            {t(Msg::PageLoadRetry)}
                        </button>
                    </p>
                </div>
            }
            .into_any()
        }
    }
}
