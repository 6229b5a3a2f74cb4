//! A profile's picture: its avatar drawn on a disc of its colour. The picture
//! is decorative (`aria-hidden`): the pseudonym, the colour name and the
//! avatar name are always written next to it, so colour is never alone.

use communs_core::storage::{AVATARS, PALETTE};
use leptos::prelude::*;

use crate::i18n::t;

/// The avatar `avatar` on a disc of colour `colour` (indices into `core`'s
/// [`AVATARS`] and [`PALETTE`]); `large` for the profile list.
#[component]
pub fn Avatar(colour: u8, avatar: u8, #[prop(optional)] large: bool) -> impl IntoView {
    let colour = (colour as usize).min(PALETTE.len() - 1);
    let class = format!("avatar avatar-c{colour}{}", if large { " avatar-grand" } else { "" });
    view! {
        <span class=class aria-hidden="true">
            <svg viewBox="0 0 24 24" width="24" height="24" focusable="false">
                {shape(avatar)}
            </svg>
        </span>
    }
}

/// The name of an avatar (« renard »), or `""` for an unknown index.
pub fn avatar_name(avatar: u8) -> &'static str {
    AVATARS.get(avatar as usize).map_or("", |&a| t(a))
}

/// The name of a colour (« bleu ciel »), or `""` for an unknown index.
pub fn colour_name(colour: u8) -> &'static str {
    PALETTE.get(colour as usize).map_or("", |c| t(c.hue))
}

/// One simple drawing per entry of [`AVATARS`], in `currentColor`, with
/// details (`avatar-trou`) in the disc's colour.
fn shape(avatar: u8) -> AnyView {
    match avatar {
        0 => view! { // renard
            <polygon points="3,4 9,9 15,9 21,4 19,13 12,21 5,13"/>
            <circle class="avatar-trou" cx="8.8" cy="12.5" r="1.3"/>
            <circle class="avatar-trou" cx="15.2" cy="12.5" r="1.3"/>
        }
        .into_any(),
        1 => view! { // chat
            <polygon points="5,12 6,3 11,8"/>
            <polygon points="19,12 18,3 13,8"/>
            <circle cx="12" cy="14" r="7"/>
            <circle class="avatar-trou" cx="9.5" cy="13.5" r="1.2"/>
            <circle class="avatar-trou" cx="14.5" cy="13.5" r="1.2"/>
        }
        .into_any(),
        2 => view! { // hibou
            <polygon points="5,8 6.5,2 10.5,6"/>
            <polygon points="19,8 17.5,2 13.5,6"/>
            <ellipse cx="12" cy="13.5" rx="7.5" ry="8.5"/>
            <circle class="avatar-trou" cx="9" cy="11" r="2.3"/>
            <circle class="avatar-trou" cx="15" cy="11" r="2.3"/>
            <polygon class="avatar-trou" points="10.8,14.5 13.2,14.5 12,17"/>
        }
        .into_any(),
        3 => view! { // tortue
            <path d="M2 16 A8 7.5 0 0 1 18 16 Z"/>
            <circle cx="20" cy="12.5" r="2.6"/>
            <rect x="4" y="16" width="3" height="3.5" rx="1"/>
            <rect x="13" y="16" width="3" height="3.5" rx="1"/>
        }
        .into_any(),
        4 => view! { // baleine
            <path d="M2 13 Q2 6 11 6 Q19 6 19 13 Q19 18 11 18 Q4 18 2 13 Z"/>
            <polygon points="18,12 23,7.5 21.5,13 23,18.5"/>
            <circle class="avatar-trou" cx="7" cy="11.5" r="1.1"/>
        }
        .into_any(),
        5 => view! { // abeille
            <ellipse cx="8.5" cy="7" rx="3.2" ry="2.4"/>
            <ellipse cx="15.5" cy="7" rx="3.2" ry="2.4"/>
            <ellipse cx="12" cy="14.5" rx="7" ry="5.5"/>
            <rect class="avatar-trou" x="9.6" y="9" width="1.6" height="11"/>
            <rect class="avatar-trou" x="13.2" y="9" width="1.6" height="11"/>
        }
        .into_any(),
        6 => view! { // ours
            <circle cx="5.5" cy="6" r="3.2"/>
            <circle cx="18.5" cy="6" r="3.2"/>
            <circle cx="12" cy="13.5" r="8"/>
            <circle class="avatar-trou" cx="9" cy="11.5" r="1.1"/>
            <circle class="avatar-trou" cx="15" cy="11.5" r="1.1"/>
            <ellipse class="avatar-trou" cx="12" cy="16.2" rx="2.6" ry="2"/>
        }
        .into_any(),
        7 => view! { // lapin
            <ellipse cx="9" cy="6.5" rx="2.2" ry="5.5"/>
            <ellipse cx="15" cy="6.5" rx="2.2" ry="5.5"/>
            <circle cx="12" cy="15.5" r="6.5"/>
            <circle class="avatar-trou" cx="9.8" cy="14.5" r="1.1"/>
            <circle class="avatar-trou" cx="14.2" cy="14.5" r="1.1"/>
        }
        .into_any(),
        8 => view! { // escargot
            <circle cx="10" cy="11" r="7"/>
            <circle class="avatar-trou" cx="10" cy="11" r="4.2"/>
            <circle cx="10" cy="11" r="2"/>
            <rect x="2" y="18" width="20" height="3.2" rx="1.6"/>
            <rect x="19" y="10" width="1.6" height="9" rx="0.8"/>
        }
        .into_any(),
        9 => view! { // étoile
            <polygon points="12,2 14.9,8.6 22,9.3 16.6,14 18.2,21 12,17.3 5.8,21 7.4,14 2,9.3 9.1,8.6"/>
        }
        .into_any(),
        11 => view! { // triangle
            <polygon points="12,3 22,20.5 2,20.5"/>
        }
        .into_any(),
        _ => view! { // cercle
            <circle cx="12" cy="12" r="8.5"/>
        }
        .into_any(),
    }
}
