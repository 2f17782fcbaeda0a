//! Home's written content, kept by the app rather than rendered again.
//!
//! Home's content (the clusters of expertise, the headline figures with their sources, the
//! sections) is static: links and text, nothing that reacts. When the app takes home over
//! from the dataset the build wrote it from (its fingerprint is the page's), the content the
//! app would render is the content already on the page, node for node, since the same
//! components wrote it ([`super::prerender`]). So the app keeps those nodes: the home route
//! renders nothing of its own on that first view, and the takeover moves the written nodes
//! into the app's `<main>` ([`offer`], [`claim`], [`place`]). Links in them still navigate
//! within the app (the router listens to clicks on the whole document). When the visitor
//! leaves home, the nodes leave with the route's view; coming back renders home from its
//! chunk, as any other view.
//!
//! Home's view code, with the figure rules it alone needs at start, is then out of the main
//! module (in the chunk `pages`, `src/ui/split.rs`): the main module went from 146.6 to 138.4
//! KB brotli, the first visit from 169.6 to 161.4 (README, Size). A dataset other than the
//! build's (another build's copy from the service worker) or a frame (`?embed=1`, another
//! layout) render home from the chunk, downloaded first as any view's. The widget has no
//! written home and links home's view in (`src/bin/widget-app.rs`).

#[cfg(target_arch = "wasm32")]
use std::cell::RefCell;

/// Where the written content is in the takeover.
#[cfg(target_arch = "wasm32")]
enum Written {
    /// Offered by the takeover, before the app renders.
    Offered(Vec<web_sys::Node>),
    /// Claimed by the home route's view as the app renders, not yet in the app's tree.
    Claimed(Vec<web_sys::Node>),
    /// In the app's tree, until the home route's view goes.
    Placed(Vec<web_sys::Node>),
}

#[cfg(target_arch = "wasm32")]
thread_local! {
    static WRITTEN: RefCell<Option<Written>> = const { RefCell::new(None) };
}

/// Offers the written content of home, the children of the written page's `<main>` inside
/// `root`, to the home route's view that the app is about to render.
#[cfg(target_arch = "wasm32")]
pub fn offer(root: &web_sys::Element) {
    let Some(main) = root.query_selector("main").ok().flatten() else { return };
    let children = main.child_nodes();
    let nodes = (0..children.length()).filter_map(|i| children.item(i)).collect();
    WRITTEN.set(Some(Written::Offered(nodes)));
}

/// Whether the home route's view keeps the written content, which the takeover then places
/// where the view would have rendered its own ([`place`]). Once only: the first view of home
/// after the takeover, with the content offered; the content leaves the page with that view.
/// Called where the view is built, in its route's reactive owner.
pub fn claim() -> bool {
    #[cfg(target_arch = "wasm32")]
    {
        let claimed = WRITTEN.with_borrow_mut(|written| match written.take() {
            Some(Written::Offered(nodes)) => {
                *written = Some(Written::Claimed(nodes));
                true
            }
            other => {
                *written = other;
                false
            }
        });
        if claimed {
            leptos::prelude::on_cleanup(remove_placed);
        }
        claimed
    }
    #[cfg(not(target_arch = "wasm32"))]
    false
}

/// Moves claimed content into the `<main>` of the app's new root `root`, before what the
/// route rendered (an empty view's placeholder); forgets an offer that no view claimed (the
/// route was not home after all).
#[cfg(target_arch = "wasm32")]
pub fn place(root: &web_sys::Element) {
    WRITTEN.with_borrow_mut(|written| match written.take() {
        Some(Written::Claimed(nodes)) => {
            if let Some(main) = root.query_selector("main").ok().flatten() {
                let first = main.first_child();
                for node in &nodes {
                    let _ = main.insert_before(node, first.as_ref());
                }
            }
            *written = Some(Written::Placed(nodes));
        }
        Some(Written::Offered(_)) | None => {}
        placed @ Some(Written::Placed(_)) => *written = placed,
    });
}

/// Takes the kept content out of the page, as its view goes.
#[cfg(target_arch = "wasm32")]
fn remove_placed() {
    if let Some(Written::Placed(nodes) | Written::Claimed(nodes)) = WRITTEN.take() {
        for node in nodes {
            if let Some(parent) = node.parent_node() {
                let _ = parent.remove_child(&node);
            }
        }
    }
}
