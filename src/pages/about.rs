//! « À propos »: privacy, licences, supported browsers and frameworks.

use leptos::prelude::*;

use crate::i18n::{t, Msg};
use crate::platform;

#[component]
pub fn About() -> impl IntoView {
    platform::set_title(Msg::AboutTitle);
    view! {
        <div class="page page-a-propos" data-testid="page-a-propos">
            <h1>{t(Msg::AboutTitle)}</h1>
            <p class="chapeau">{t(Msg::AboutIntro)}</p>
            <section aria-labelledby="confidentialite">
                <h2 id="confidentialite">{t(Msg::AboutPrivacyTitle)}</h2>
                <ul>
                    <li>{t(Msg::AboutPrivacyNoAccount)}</li>
                    <li>{t(Msg::AboutPrivacyLocal)}</li>
                    <li>{t(Msg::AboutPrivacyNoRequest)}</li>
                    <li><strong>{t(Msg::AboutPrivacyShared)}</strong></li>
                </ul>
            </section>
            <section aria-labelledby="licences">
                <h2 id="licences">{t(Msg::AboutLicencesTitle)}</h2>
                <p>{t(Msg::AboutLicencesCode)}</p>
                <p>{t(Msg::AboutLicencesLessons)}</p>
            </section>
            <section aria-labelledby="cadres">
                <h2 id="cadres">{t(Msg::AboutFrameworksTitle)}</h2>
                <p>{t(Msg::AboutFrameworksText)}</p>
            </section>
            <section aria-labelledby="navigateurs">
                <h2 id="navigateurs">{t(Msg::AboutBrowsersTitle)}</h2>
                <p>{t(Msg::AboutBrowsersText)}</p>
            </section>
        </div>
    }
}
