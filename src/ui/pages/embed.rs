//! The embed builder: a partner chooses a view, its filters, a theme, and iframe or widget;
//! sees a live preview; and copies a snippet that works unchanged on their own site.
//!
//! The choices live in the builder's own address (`/embed?view=section&section=…`), so a
//! half-made embed can be shared, and the preview is the real thing: the iframe runs the
//! embed layout with `embed.js` sizing it, and the widget preview is `<mhr-widget>` loaded by
//! `widget.js`, exactly as on a partner's page.

use leptos::html::Div;
use leptos::prelude::*;

use crate::core::embed::{EmbedKind, EmbedSpec, EmbedView, Theme};
use crate::core::paths::Paths;
use crate::core::url_state::toggle;
use crate::ui::components::copy::CopyButton;
use crate::ui::components::title::use_document_title;
use crate::ui::components::title::SITE_NAME;
use crate::ui::components::use_catalog;
use crate::ui::components::without_app::WithoutApp;
use crate::ui::nav::{use_nav, Link};

/// The frame id the builder writes into iframe snippets.
const FRAME_ID: &str = "mhr-1";

/// The embed builder view.
#[component]
pub fn EmbedBuilder() -> impl IntoView {
    use_document_title(|| Some("Embed on your site".into()));
    let catalog = use_catalog();
    let nav = use_nav();
    let search = nav.search();
    let spec = Memo::new(move |_| search.with(|s| EmbedSpec::from_query(s)));
    let set = {
        let nav = nav.clone();
        Callback::new(move |change: Change| {
            let mut s = spec.get_untracked();
            change(&mut s);
            nav.go(format!("{}{}", Paths::embed(), s.to_query_string()));
        })
    };
    let site = nav.absolute("/");
    #[cfg(target_arch = "wasm32")]
    load_partner_scripts(&nav);

    let view_choices = EmbedView::ALL
        .into_iter()
        .map(|v| {
            let id = format!("embed-view-{}", v.key());
            view! {
                <li>
                    <input type="radio" name="embed-view" id=id.clone() value=v.key()
                        checked=untrack(|| spec.with(|s| s.view == v))
                        prop:checked=move || spec.with(|s| s.view == v)
                        on:change=move |_| set.run(Box::new(move |s| s.view = v))/>
                    <label for=id>{v.label()}</label>
                </li>
            }
        })
        .collect_view();

    let sections: Vec<(String, String)> =
        catalog.data().sections.iter().map(|x| (x.id.clone(), x.title.clone())).collect();
    let section_choice = move || {
        spec.with(|s| s.view == EmbedView::Section).then(|| {
            let current = spec.with(|s| s.section.clone());
            let on_pick = Callback::new(move |v: String| set.run(Box::new(move |s| s.section = v)));
            pick_one(
                "embed-section",
                "Section",
                "Choose a section",
                sections.clone(),
                current,
                on_pick,
            )
        })
    };

    let resources: Vec<(String, String)> =
        catalog.data().resources.iter().map(|r| (r.id.clone(), r.title.clone())).collect();
    let resource_choice = move || {
        spec.with(|s| s.view == EmbedView::Resource).then(|| {
            let current = spec.with(|s| s.resource.clone());
            let on_pick =
                Callback::new(move |v: String| set.run(Box::new(move |s| s.resource = v)));
            pick_one(
                "embed-resource",
                "Resource",
                "Choose a resource",
                resources.clone(),
                current,
                on_pick,
            )
        })
    };

    let query_choice = move || {
        spec.with(|s| s.view == EmbedView::Search).then(|| {
            view! {
                <p class="field">
                    <label for="embed-query">"Search for"</label>
                    <input type="search" id="embed-query" prop:value=move || spec.with(|s| s.query.clone())
                        on:change=move |ev| {
                            let v = event_target_value(&ev);
                            set.run(Box::new(move |s| s.query = v));
                        }/>
                </p>
            }
        })
    };

    let tags: Vec<(String, String)> =
        catalog.data().tags.iter().map(|t| (t.id.clone(), t.label.clone())).collect();
    let tag_choice = move || {
        spec.with(|s| s.uses_tags()).then(|| {
            let boxes =
                check_list(tags.clone(), "embed-tag", spec, set, |s| &s.tags, |s| &mut s.tags);
            view! {
                <fieldset class="embed-tags">
                    <legend>"Only resources with any of these tags"</legend>
                    {boxes}
                </fieldset>
            }
        })
    };

    let clusters: Vec<(String, String)> =
        catalog.data().clusters.iter().map(|c| (c.id.clone(), c.name.clone())).collect();
    let cluster_choice = move || {
        spec.with(|s| s.view == EmbedView::Compare).then(|| {
            let boxes = check_list(
                clusters.clone(),
                "embed-cluster",
                spec,
                set,
                |s| &s.clusters,
                |s| &mut s.clusters,
            );
            view! {
                <fieldset>
                    <legend>"Clusters to compare (none ticked: all)"</legend>
                    {boxes}
                </fieldset>
            }
        })
    };

    let theme_choices = [Theme::Auto, Theme::Light, Theme::Dark]
        .into_iter()
        .map(|t| {
            let id = format!("embed-theme-{}", t.key());
            let label = match t {
                Theme::Auto => "Follow the visitor's setting",
                Theme::Light => "Light",
                Theme::Dark => "Dark",
            };
            view! {
                <li>
                    <input type="radio" name="embed-theme" id=id.clone()
                        checked=untrack(|| spec.with(|s| s.theme == t))
                        prop:checked=move || spec.with(|s| s.theme == t)
                        on:change=move |_| set.run(Box::new(move |s| s.theme = t))/>
                    <label for=id>{label}</label>
                </li>
            }
        })
        .collect_view();

    let kind_choices = [
        (
            EmbedKind::Iframe,
            "An iframe",
            "Fully separate from your page; it sizes itself to its content.",
        ),
        (
            EmbedKind::Widget,
            "A widget in your page",
            "Part of your page, styled on its own; needs the site to allow cross-origin loading.",
        ),
    ]
    .into_iter()
    .map(|(k, label, hint)| {
        let id = format!("embed-kind-{}", k.key());
        let hint_id = format!("{id}-hint");
        view! {
            <li>
                <input type="radio" name="embed-kind" id=id.clone() aria-describedby=hint_id.clone()
                    checked=untrack(|| spec.with(|s| s.kind == k))
                    prop:checked=move || spec.with(|s| s.kind == k)
                    on:change=move |_| set.run(Box::new(move |s| s.kind = k))/>
                <label for=id>{label}</label>
                <span class="hint" id=hint_id>{hint}</span>
            </li>
        }
    })
    .collect_view();

    let snippet = {
        let site = site.clone();
        Memo::new(move |_| {
            spec.with(|s| match s.kind {
                EmbedKind::Iframe => s.iframe_snippet(&site, FRAME_ID, &frame_title(s)),
                EmbedKind::Widget => s.widget_snippet(&site),
            })
        })
    };
    let missing = move || {
        spec.with(|s| match s.view {
            EmbedView::Section if s.section.is_empty() => Some("Choose a section to embed."),
            EmbedView::Resource if s.resource.is_empty() => Some("Choose a resource to embed."),
            _ => None,
        })
    };
    let preview = move || {
        let s = spec.get();
        if missing().is_some() {
            return view! { <p class="empty">"The preview appears once the choice is complete."</p> }.into_any();
        }
        match s.kind {
            EmbedKind::Iframe => view! {
                <iframe class="embed-preview" src=s.iframe_src(&site, FRAME_ID) title=frame_title(&s)
                    data-mhr-embed="" data-testid="embed-preview-frame"></iframe>
            }
            .into_any(),
            EmbedKind::Widget => {
                let host = NodeRef::<Div>::new();
                let values = s.values();
                #[cfg(target_arch = "wasm32")]
                host.on_load(move |el| mount_preview_widget(&el, &values));
                #[cfg(not(target_arch = "wasm32"))]
                let _ = values;
                view! { <div node_ref=host data-testid="embed-preview-widget"></div> }.into_any()
            }
        }
    };

    view! {
        <h1>"Embed the directory on your site"</h1>
        <p class="lede">
            "Choose what to show, check the preview, and paste the snippet into your page. "
            "The embedded view stays up to date, and its links open the full directory."
        </p>
        <WithoutApp>
            <p>
                "Choosing what to embed and the preview need JavaScript, which is off or could not start in this browser. "
                "The snippet below embeds the list of every resource; the "
                <Link to=format!("{}#embedding", Paths::about())>"notes on embedding"</Link>
                " say what else it can show."
            </p>
        </WithoutApp>
        <div class="builder">
            <form class="builder-options needs-app" aria-label="What to embed" on:submit=|ev| ev.prevent_default()>
                <fieldset>
                    <legend>"View"</legend>
                    <ul class="choice-list">{view_choices}</ul>
                </fieldset>
                {section_choice}
                {resource_choice}
                {query_choice}
                {tag_choice}
                {cluster_choice}
                <fieldset>
                    <legend>"Theme"</legend>
                    <ul class="choice-list">{theme_choices}</ul>
                </fieldset>
                <fieldset>
                    <legend>"How to embed"</legend>
                    <ul class="choice-list">{kind_choices}</ul>
                </fieldset>
            </form>
            <div class="builder-output">
                <h2 id="embed-snippet-heading">"Your snippet"</h2>
                {move || missing().map(|m| view! { <p class="note" role="status">{m}</p> })}
                <pre class="snippet" tabindex="0" aria-labelledby="embed-snippet-heading"><code data-testid="embed-snippet">{move || snippet.get()}</code></pre>
                <CopyButton label="Copy snippet" text=Callback::new(move |()| snippet.get_untracked())/>
                <h2 class="needs-app">"Preview"</h2>
                <div class="preview-area needs-app">{preview}</div>
                <p class="note">
                    "How it works, what your site's Content-Security-Policy must allow, and how the frame "
                    "sizes itself: see the " <Link to=format!("{}#embedding", Paths::about())>"notes on embedding"</Link> "."
                </p>
            </div>
        </div>
    }
}

/// Puts a `<mhr-widget>` with `values` as attributes into `parent`, as a partner's page
/// would have it; `widget.js` mounts it.
#[cfg(target_arch = "wasm32")]
fn mount_preview_widget(parent: &web_sys::HtmlDivElement, values: &[(&'static str, String)]) {
    let Ok(widget) = document().create_element("mhr-widget") else { return };
    for (name, value) in values {
        let _ = widget.set_attribute(name, value);
    }
    let _ = parent.append_child(&widget);
}

/// A labelled select of `(id, label)` options with an empty first choice, `current` chosen.
fn pick_one(
    id: &'static str,
    label: &'static str,
    prompt: &'static str,
    options: Vec<(String, String)>,
    current: String,
    on_pick: Callback<String>,
) -> impl IntoView {
    view! {
        <p class="field">
            <label for=id>{label}</label>
            <select id=id on:change=move |ev| on_pick.run(event_target_value(&ev))>
                <option value="" selected=current.is_empty()>{prompt}</option>
                {options.into_iter().map(|(value, text)| {
                    let selected = value == current;
                    view! { <option value=value selected=selected>{text}</option> }
                }).collect_view()}
            </select>
        </p>
    }
}

/// A change to the builder's choices.
type Change = Box<dyn FnOnce(&mut EmbedSpec) + Send + Sync>;

/// A checkbox per `(id, label)`, ticked when the id is in the spec's list that `read` picks,
/// and toggling it in the list `write` picks.
fn check_list(
    items: Vec<(String, String)>,
    prefix: &'static str,
    spec: Memo<EmbedSpec>,
    set: Callback<Change>,
    read: fn(&EmbedSpec) -> &Vec<String>,
    write: fn(&mut EmbedSpec) -> &mut Vec<String>,
) -> impl IntoView {
    let boxes = items
        .into_iter()
        .map(|(id, label)| {
            let input = format!("{prefix}-{id}");
            let checked = {
                let id = id.clone();
                move || spec.with(|s| read(s).contains(&id))
            };
            view! {
                <li>
                    <input type="checkbox" id=input.clone() checked=untrack(&checked) prop:checked=checked
                        on:change=move |_| {
                            let id = id.clone();
                            set.run(Box::new(move |s| toggle(write(s), &id)));
                        }/>
                    <label for=input>{label}</label>
                </li>
            }
        })
        .collect_view();
    view! { <ul class="choice-list">{boxes}</ul> }
}

/// The iframe's accessible name, from what it shows.
fn frame_title(spec: &EmbedSpec) -> String {
    format!("{SITE_NAME}: {}", spec.view.label().to_lowercase())
}

/// Adds `embed.js` and `widget.js` to the page once, as a partner's page would have them.
#[cfg(target_arch = "wasm32")]
fn load_partner_scripts(nav: &crate::ui::nav::Nav) {
    let document = document();
    for name in ["embed.js", "widget.js"] {
        let id = format!("mhr-{}", name.replace('.', "-"));
        if document.get_element_by_id(&id).is_some() {
            continue;
        }
        if let Ok(script) = document.create_element("script") {
            script.set_id(&id);
            let _ = script.set_attribute("src", &nav.asset(name));
            let _ = script.set_attribute("async", "");
            if let Some(head) = document.head() {
                let _ = head.append_child(&script);
            }
        }
    }
}
