//! Home's written content and the site's written footer, kept by the app rather than
//! rendered again.
//!
//! Home's content (the clusters of expertise, the headline figures with their sources, the
//! sections) is static: links and text, nothing that reacts. When the app takes home over
//! from the dataset the build wrote it from (its fingerprint is the page's), the content the
//! app would render is the content already on the page, node for node, since the same
//! components wrote it ([`super::prerender`]). So the app keeps those nodes: the home route
//! renders nothing of its own on that first view, and the takeover moves the written nodes
//! into the app's `<main>` (`offer`, [`claim_home`], `place`). Links in them still navigate
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
//!
//! The footer (where the data comes from, its licence, two links) is static too, the same on
//! every page, and the app's layout never renders it again once started; so on any page the
//! build wrote from the same dataset, the app keeps the written `<footer>` for as long as it
//! runs, and its view code (with the external-link checks only it needed at start) is in the
//! chunk `pages` as well. Leaving the footer out of a release build took the main module from
//! 135.4 to 132.9 KB brotli; as built, with the code that renders it from its chunk where the
//! app must (another dataset: it shows once its chunk is there, [`crate::ui::deferred::quiet`],
//! and the takeover downloads that chunk first), 135.4 -> 134.5 and the first visit 158.5 ->
//! 157.5 KB.

#[cfg(target_arch = "wasm32")]
use std::cell::RefCell;

/// Where a piece of written content is in the takeover.
#[cfg(target_arch = "wasm32")]
enum Written {
    /// Offered by the takeover, before the app renders: the written element whose content
    /// (home's `<main>`) or which itself (the footer) is kept.
    Offered(web_sys::Element),
    /// Claimed by the view as the app renders, not yet in the app's tree.
    Claimed(web_sys::Element),
    /// In the app's tree: the nodes moved there (home's, until its view goes).
    Placed(Vec<web_sys::Node>),
}

#[cfg(target_arch = "wasm32")]
thread_local! {
    /// Home's content: the children of the written `<main>`.
    static HOME: RefCell<Option<Written>> = const { RefCell::new(None) };
    /// The site's `<footer>`.
    static FOOTER: RefCell<Option<Written>> = const { RefCell::new(None) };
}

/// Offers the written content under `root` (the written page's root) to the views the app is
/// about to render: the footer, and with `home` the content of home's `<main>`. Returns
/// whether home's content was offered (the page has a `<main>`).
#[cfg(target_arch = "wasm32")]
pub fn offer(root: &web_sys::Element, home: bool) -> bool {
    let found = |css: &str| root.query_selector(css).ok().flatten();
    FOOTER.set(found(":scope > footer.site-footer").map(Written::Offered));
    HOME.set(found("main").filter(|_| home).map(Written::Offered));
    HOME.with_borrow(Option::is_some)
}

/// Whether home's view keeps the written content, which the takeover then places where the
/// view would have rendered its own (`place`). Once only: the first view of home after the
/// takeover, with the content offered; the content leaves the page with that view. Called
/// where the view is built, in its route's reactive owner.
pub fn claim_home() -> bool {
    #[cfg(target_arch = "wasm32")]
    {
        let claimed = HOME.with_borrow_mut(claim);
        if claimed {
            leptos::prelude::on_cleanup(remove_home);
        }
        claimed
    }
    #[cfg(not(target_arch = "wasm32"))]
    false
}

/// Whether the layout keeps the written footer, which the takeover then places after the
/// app's `<main>` (`place`), for as long as the app runs.
pub fn claim_footer() -> bool {
    #[cfg(target_arch = "wasm32")]
    return FOOTER.with_borrow_mut(claim);
    #[cfg(not(target_arch = "wasm32"))]
    false
}

/// Claims what `written` holds, if it is offered.
#[cfg(target_arch = "wasm32")]
fn claim(written: &mut Option<Written>) -> bool {
    match written.take() {
        Some(Written::Offered(nodes)) => {
            *written = Some(Written::Claimed(nodes));
            true
        }
        other => {
            *written = other;
            false
        }
    }
}

/// Moves claimed content into the app's new root `root`: home's (what the written `<main>`
/// holds now, whatever was added since the offer) into its `<main>`, before what the route
/// rendered (an empty view's placeholder), the footer at its end. Forgets an offer that no
/// view claimed.
#[cfg(target_arch = "wasm32")]
pub fn place(root: &web_sys::Element) {
    let main = root.query_selector("main").ok().flatten();
    HOME.with_borrow_mut(|written| {
        if let (Some(Written::Claimed(written_main)), Some(main)) = (written.take(), &main) {
            let children = written_main.child_nodes();
            let nodes: Vec<_> = (0..children.length()).filter_map(|i| children.item(i)).collect();
            let first = main.first_child();
            for node in &nodes {
                let _ = main.insert_before(node, first.as_ref());
            }
            *written = Some(Written::Placed(nodes));
        }
    });
    // The footer stays for as long as the app runs: nothing to remember once it is placed.
    if let Some(Written::Claimed(footer)) = FOOTER.take() {
        let _ = root.append_child(&footer);
    }
}

/// Takes home's kept content out of the page, as its view goes.
#[cfg(target_arch = "wasm32")]
fn remove_home() {
    if let Some(Written::Placed(nodes)) = HOME.take() {
        for node in nodes {
            if let Some(parent) = node.parent_node() {
                let _ = parent.remove_child(&node);
            }
        }
    }
}
