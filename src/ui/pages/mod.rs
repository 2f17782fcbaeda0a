//! One file per routed view.

pub mod about;
pub mod browse;
pub mod compare;
pub mod home;
pub mod not_found;
pub mod resource;
pub mod search;
pub mod section;
pub mod tag;

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// The `:id` segment of the current route, reactively.
pub fn use_id_param() -> Memo<String> {
    let params = use_params_map();
    Memo::new(move |_| params.read().get("id").unwrap_or_default())
}
