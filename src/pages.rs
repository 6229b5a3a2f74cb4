//! The pages of the app, one module each. A page reads what it needs, asks
//! `communs-core` for the domain answers and lays them out; it keeps no
//! domain logic of its own.

pub mod about;
pub mod catalogue;
pub mod competences;
pub mod home;
pub mod lesson;
pub mod not_found;
pub mod profiles;
