//! Pieces of interface shared by several pages: the profile badge of the
//! header, the storage status banner, what each storage area uses, the avatar picture and the export
//! reminder shown at the end of a lesson; [`safe_html`], the one way HTML is
//! given to `inner_html`.

pub mod avatar;
pub mod download;
pub mod export_reminder;
pub mod profile_badge;
pub mod storage_areas;
pub mod storage_banner;

use communs_core::lesson::SafeHtml;

/// What `inner_html` receives: only HTML that core made safe (the lesson
/// compiler's output or escaped text).
pub fn safe_html(h: &SafeHtml) -> String {
    h.as_str().to_owned()
}
