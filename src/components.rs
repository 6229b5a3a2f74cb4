//! Pieces of interface shared by several pages: the profile badge of the
//! header, the storage status banner, the avatar picture and the export
//! reminder shown at the end of a lesson.

pub mod avatar;
pub mod download;
pub mod export_reminder;
pub mod profile_badge;
pub mod storage_banner;
