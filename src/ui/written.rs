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
//! layout) render home from the chunk, downloaded first as any view's. In the widget home is
//! in the chunk too: a list widget keeps its own first view's written content instead
//! (`src/ui/widget/written.rs`).
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
//!
//! The written content of a list or a resource is kept too, until the visitor first uses it
//! ([`offer_kept`], [`claim_kept`], [`crate::ui::kept`]); for a list filtered by one tag, a
//! view no page stands for, the start-up script has put the view the build wrote alone for
//! it ([`crate::core::written`]) in the page's `<main>` first. A partner's widget starts from
//! such files and from pages the same way (`src/ui/widget/written.rs`).

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
    /// In the app's tree: the nodes moved there (home's, until its view goes; the search
    /// form, until the header's box takes its place).
    Placed(Vec<web_sys::Node>),
}

#[cfg(target_arch = "wasm32")]
thread_local! {
    /// Home's content: the children of the written `<main>`.
    static HOME: RefCell<Option<Written>> = const { RefCell::new(None) };
    /// The site's `<footer>`.
    static FOOTER: RefCell<Option<Written>> = const { RefCell::new(None) };
    /// The header's search form.
    static SEARCH_BOX: RefCell<Option<Written>> = const { RefCell::new(None) };
    /// The content of the written `<main>` of a list or a resource, which its view keeps
    /// until the visitor first uses it ([`crate::ui::kept`]).
    static KEPT: RefCell<Option<Written>> = const { RefCell::new(None) };
}

/// The route a written page's root (`[data-mhr-root]`) was written for, as the build marks it
/// (`data-mhr-route`); `None` for a page served at any address (`404.html`, the offline
/// shell).
#[cfg(target_arch = "wasm32")]
pub fn written_for(root: &web_sys::Element) -> Option<crate::core::route::Route> {
    Some(crate::core::route::Route::parse(&root.get_attribute("data-mhr-route")?))
}

/// Offers the content of the written `<main>` under `root` to the first view the app renders,
/// which keeps it until the visitor first uses it ([`claim_kept`]).
#[cfg(target_arch = "wasm32")]
pub fn offer_kept(root: &web_sys::Element) {
    KEPT.set(root.query_selector("main").ok().flatten().map(Written::Offered));
}

/// The written content offered for the first view ([`offer_kept`]), once: its nodes, for
/// [`crate::ui::kept::until_used`]. The takeover moves them into the view's holder as it
/// swaps the pages (`place`), so that the visitor's scroll position and focus are found
/// again in the new page.
#[cfg(target_arch = "wasm32")]
pub fn claim_kept() -> Option<Vec<web_sys::Node>> {
    let Some(Written::Offered(main)) = KEPT.take() else { return None };
    let nodes = child_nodes(&main);
    KEPT.set(Some(Written::Claimed(main)));
    Some(nodes)
}

/// The child nodes of `el`, as they are now (the DOM's list is live: it changes as they move).
#[cfg(target_arch = "wasm32")]
fn child_nodes(el: &web_sys::Element) -> Vec<web_sys::Node> {
    let children = el.child_nodes();
    (0..children.length()).filter_map(|i| children.item(i)).collect()
}

/// Offers the written header's search form under `root` (the written page's root) to the
/// app's header, which keeps it until its own box is there ([`claim_search_box`]). Unlike
/// home and the footer, the form says nothing of the dataset, so it is offered whichever
/// dataset the app reads; not in a frame, whose layout has its own box.
#[cfg(target_arch = "wasm32")]
pub fn offer_search_box(root: &web_sys::Element) {
    let form = root.query_selector(":scope > header form[role=search]").ok().flatten();
    SEARCH_BOX.set(form.map(Written::Offered));
}

/// The header's search box, from its chunk (`load`), into `shown` once it is there; until
/// then the written search form, if one was offered, stands in for it. The takeover places
/// the form before the header's navigation (`place`) and the box, once rendered, takes what
/// was typed there and removes it ([`hand_over_search_box`]). Meanwhile the form leads to the
/// results page within the app, and if the box's code fails to come (an error, or still
/// downloading after [`crate::ui::search_index::ENGINE_WAIT_MS`], as the box says of the
/// engine's), the form says so once something is typed, and a failed download is tried again
/// when the form is next focused. `nav` opens the results page.
#[cfg(target_arch = "wasm32")]
pub fn stand_in_for_search_box(
    load: crate::ui::deferred::Load,
    shown: leptos::prelude::RwSignal<Option<crate::ui::deferred::PageView>>,
    nav: crate::ui::nav::Nav,
) {
    let form = SEARCH_BOX.with_borrow_mut(|written| match claim(written) {
        true => match written {
            Some(Written::Claimed(form)) => Some(form.clone()),
            _ => None,
        },
        false => None,
    });
    let stand_in = StandIn { load, shown, form, attempt: Default::default() };
    stand_in.listen(nav);
    stand_in.fetch();
}

/// The written search form standing in for the header's box (see
/// [`stand_in_for_search_box`]).
#[cfg(target_arch = "wasm32")]
#[derive(Clone)]
struct StandIn {
    load: crate::ui::deferred::Load,
    shown: leptos::prelude::RwSignal<Option<crate::ui::deferred::PageView>>,
    form: Option<web_sys::Element>,
    /// The download under way (its number), or the last one's failure (`None`).
    attempt: std::rc::Rc<std::cell::Cell<Option<u32>>>,
}

#[cfg(target_arch = "wasm32")]
impl StandIn {
    /// Downloads the box's code, and shows the box when it comes.
    fn fetch(&self) {
        use leptos::prelude::Set;
        let number = self.attempt.get().map_or(1, |n| n + 1);
        self.attempt.set(Some(number));
        self.say();
        let this = self.clone();
        leptos::task::spawn_local(async move {
            match (this.load)().await {
                Ok(view) => this.shown.set(Some(view)),
                Err(_) => this.give_up(number),
            }
        });
        let this = self.clone();
        let wait = crate::ui::search_index::ENGINE_WAIT_MS;
        crate::ui::timers::after(wait, move || this.give_up(number));
    }

    /// The download `number` failed or is late: said, while it is the one awaited.
    fn give_up(&self, number: u32) {
        use leptos::prelude::GetUntracked;
        if self.attempt.get() == Some(number) && self.shown.try_get_untracked().flatten().is_none()
        {
            self.attempt.set(None);
            self.say();
        }
    }

    /// The form's field, if there is a form.
    fn field(&self) -> Option<web_sys::HtmlInputElement> {
        let field = self.form.as_ref()?.query_selector("input[name=q]").ok().flatten()?;
        wasm_bindgen::JsCast::dyn_into(field).ok()
    }

    /// Shows the note in the form's status line while the code is missing and something is
    /// typed, and hides it otherwise. The form is marked `data-stand-in`, "unavailable" once
    /// its box's code failed or is late, for scripts and tests that wait for the box.
    fn say(&self) {
        let Some(form) = &self.form else { return };
        let missing = if self.attempt.get().is_none() { "unavailable" } else { "" };
        let _ = form.set_attribute("data-stand-in", missing);
        let Some(status) = form.query_selector("[role=status]").ok().flatten() else { return };
        let typed = self.field().is_some_and(|f| !f.value().trim().is_empty());
        let note = typed && self.attempt.get().is_none();
        status.set_text_content(note.then_some(crate::ui::components::search_box::UNAVAILABLE));
        status.set_class_name(if note { "search-note" } else { "visually-hidden" });
    }

    /// What the form does meanwhile: says whether the box is missing as the visitor types,
    /// tries the download again on focus after a failure, and opens the results page within
    /// the app.
    fn listen(&self, nav: crate::ui::nav::Nav) {
        use wasm_bindgen::closure::Closure;
        use wasm_bindgen::JsCast;
        let Some(form) = &self.form else { return };
        let listen = |event: &str, handler: Closure<dyn FnMut(web_sys::Event)>| {
            let _ = form.add_event_listener_with_callback(event, handler.as_ref().unchecked_ref());
            handler.forget();
        };
        let this = self.clone();
        listen("input", Closure::new(move |_| this.say()));
        let this = self.clone();
        listen(
            "focusin",
            Closure::new(move |_| {
                if this.attempt.get().is_none() {
                    this.fetch();
                }
            }),
        );
        let this = self.clone();
        listen(
            "submit",
            Closure::new(move |event: web_sys::Event| {
                event.prevent_default();
                let query = this.field().map(|f| f.value()).unwrap_or_default();
                nav.open(crate::core::paths::Paths::search(&query));
            }),
        );
    }
}

/// The header's live search box, just rendered, takes the written form's place: what was
/// typed there, with its caret, and focus if it had it; the form leaves the page. Nothing
/// when no written form was placed.
#[cfg(target_arch = "wasm32")]
pub fn hand_over_search_box() {
    use wasm_bindgen::JsCast;
    let Some(Written::Placed(nodes)) = SEARCH_BOX.take() else { return };
    let Some(form) = nodes.into_iter().next().and_then(|n| n.dyn_into::<web_sys::Element>().ok())
    else {
        return;
    };
    let document = leptos::prelude::document();
    // Both boxes' fields are the header's `q`: the live one is the one outside the form.
    let fields = document.query_selector_all("header input[name=q]").ok();
    let field = |i| fields.as_ref()?.item(i)?.dyn_into::<web_sys::HtmlInputElement>().ok();
    let (mut written, mut live) = (None, None);
    for i in 0..fields.as_ref().map_or(0, |f| f.length()) {
        let Some(input) = field(i) else { continue };
        if form.contains(Some(input.as_ref())) {
            written = Some(input);
        } else if live.is_none() {
            live = Some(input);
        }
    }
    let Some(input) = live else { return };
    let focused = written.as_ref().is_some_and(|w| {
        document.active_element().is_some_and(|a| a.is_same_node(Some(w.as_ref())))
    });
    let typed = written.map(|w| (w.value(), super::carry::caret_of(&w)));
    form.remove();
    if focused {
        let _ = input.focus();
    }
    if let Some((value, caret)) = typed.filter(|(value, _)| !value.is_empty()) {
        super::carry::carry_text(&input, &value, caret);
    }
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
/// rendered (an empty view's placeholder), the search form before the header's navigation,
/// the footer at its end. Forgets an offer that no view claimed.
#[cfg(target_arch = "wasm32")]
pub fn place(root: &web_sys::Element) {
    let main = root.query_selector("main").ok().flatten();
    HOME.with_borrow_mut(|written| {
        if let (Some(Written::Claimed(written_main)), Some(main)) = (written.take(), &main) {
            let nodes = child_nodes(&written_main);
            let first = main.first_child();
            for node in &nodes {
                let _ = main.insert_before(node, first.as_ref());
            }
            *written = Some(Written::Placed(nodes));
        }
    });
    // The written search form goes where the header's box will be, before its navigation,
    // until the box takes its place.
    SEARCH_BOX.with_borrow_mut(|written| {
        let nav = root.query_selector(":scope > header nav").ok().flatten();
        if let (Some(Written::Claimed(form)), Some(nav)) = (written.take(), nav) {
            if let Some(parent) = nav.parent_node() {
                let _ = parent.insert_before(&form, Some(&nav));
                *written = Some(Written::Placed(vec![form.into()]));
            }
        }
    });
    // A list's or a resource's kept content into its view's holder; an offer no view claimed
    // (another route rendered) is forgotten.
    if let Some(Written::Claimed(main)) = KEPT.take() {
        if let Some(holder) = root.query_selector("main .written-view").ok().flatten() {
            for node in child_nodes(&main) {
                let _ = holder.append_child(&node);
            }
        }
    }
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
