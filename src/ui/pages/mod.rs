//! One file per routed view.

pub mod about;
pub mod browse;
pub mod compare;
pub mod embed;
pub mod home;
pub mod not_found;
pub mod resource;
pub mod search;
pub mod section;
pub mod tag;

use leptos::prelude::*;

use crate::ui::nav::use_nav;

/// The `:id` segment of the current route, reactively.
pub fn use_id_param() -> Memo<String> {
    let route = use_nav().route();
    Memo::new(move |_| route.with(|r| r.id().to_string()))
}
