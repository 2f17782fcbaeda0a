//! Embed flags, the builder's choices and snippets, and reading a route without a router.

use mhr::core::embed::{EmbedFlags, EmbedKind, EmbedSpec, EmbedView, Theme};
use mhr::core::paths::Paths;
use mhr::core::route::{decode_segment, Route};
use mhr::core::written::{by_tag, written_file};

fn spec(query: &str) -> EmbedSpec {
    EmbedSpec::from_query(query)
}

#[test]
fn routes_name_their_view_and_id() {
    let table = [
        ("/", Route::Home),
        ("", Route::Home),
        ("/section/strengths", Route::Section("strengths".into())),
        ("/resource/a%20b?embed=1", Route::Resource("a b".into())),
        ("/tag/diabetes/", Route::Tag("diabetes".into())),
        ("/browse?tag=x", Route::Browse),
        ("/compare", Route::Compare),
        ("/search?q=air", Route::Search),
        ("/about#licence", Route::About),
        ("/embed", Route::Embed),
        ("/resource", Route::NotFound),
        ("/resource/a/b", Route::NotFound),
        ("/tag/a&b", Route::Tag("a&b".into())),
        ("/nope", Route::NotFound),
    ];
    for (path, want) in table {
        assert_eq!(Route::parse(path), want, "{path}");
    }
}

#[test]
fn a_decoded_segment_keeps_pluses_and_broken_escapes() {
    assert_eq!(decode_segment("a+b"), "a+b");
    assert_eq!(decode_segment("caf%C3%A9"), "café");
    assert_eq!(decode_segment("100%"), "100%");
}

#[test]
fn an_address_without_embed_is_left_alone() {
    let (flags, rest) = EmbedFlags::split("?tag=a&theme=dark");
    assert_eq!(flags, None);
    assert_eq!(rest, "?tag=a&theme=dark");
}

#[test]
fn embed_flags_are_read_and_removed_from_what_the_view_sees() {
    let (flags, rest) =
        EmbedFlags::split("tag=a&embed=1&theme=DARK&frame=side%3Cbar%3E&sort=title");
    let flags = flags.expect("embedded");
    assert_eq!(flags.theme, Theme::Dark);
    assert_eq!(flags.frame, "sidebar", "the frame id keeps only safe characters");
    assert_eq!(rest, "?tag=a&sort=title");
}

#[test]
fn navigation_inside_a_frame_keeps_the_flags() {
    let flags = EmbedFlags { theme: Theme::Light, frame: "f1".into() };
    assert_eq!(flags.apply("/browse"), "/browse?embed=1&theme=light&frame=f1");
    assert_eq!(flags.apply("/browse?tag=a"), "/browse?tag=a&embed=1&theme=light&frame=f1");
    let (back, rest) = EmbedFlags::split(flags.apply("/x?tag=a").split_once('?').unwrap().1);
    assert_eq!(back, Some(flags));
    assert_eq!(rest, "?tag=a");
}

#[test]
fn widget_attributes_become_the_route_of_their_view() {
    let table = [
        ("view=browse&tags=diabetes, west-midlands", "/browse/?tag=diabetes&tag=west-midlands"),
        ("view=section&section=strengths&tags=ai", "/section/strengths/?tag=ai"),
        ("view=resource&resource=a-report&tags=ignored", "/resource/a-report/"),
        ("view=search&q=air quality&tags=x", "/search/?q=air%20quality&tag=x"),
        ("view=compare&clusters=medtech,data", "/compare/?c=medtech&c=data"),
        ("view=compare", "/compare/"),
        ("view=unknown", "/browse/"),
        ("", "/browse/"),
    ];
    for (attributes, want) in table {
        assert_eq!(spec(attributes).route(), want, "{attributes}");
    }
}

#[test]
fn a_widget_starts_from_the_file_written_for_its_first_view_when_there_is_one() {
    let table = [
        // Pages of the site: their own folders.
        ("view=browse", Some("browse/")),
        ("view=section&section=strengths", Some("section/strengths/")),
        ("view=resource&resource=a-report", Some("resource/a-report/")),
        // Browse or a section filtered by one tag: the view written alone.
        ("view=browse&tags=diabetes", Some("views/browse/tag/diabetes.html")),
        ("view=section&section=strengths&tags=ai", Some("views/section/strengths/tag/ai.html")),
        // Nothing is written for several tags, a search or the comparison.
        ("view=browse&tags=diabetes,ai", None),
        ("view=section&section=strengths&tags=ai,economy", None),
        ("view=search&q=air", None),
        ("view=compare", None),
    ];
    for (attributes, want) in table {
        let route = spec(attributes).route();
        assert_eq!(written_file(&route).as_deref(), want, "{attributes}: {route}");
    }
    assert_eq!(by_tag(&Paths::browse(), "diabetes"), "/browse/?tag=diabetes");
    assert_eq!(by_tag(&Paths::section("s"), "ai"), "/section/s/?tag=ai");
    // Only the exact route the build writes: not another spelling of it, another query, a
    // tag that cannot name a file, or an address that names no view.
    for route in [
        "/browse/?tag=diabetes&sort=title",
        "/browse/?q=x&tag=diabetes",
        "/browse/?tag=dia%62etes",
        "/browse/?tag=",
        "/browse/?tag=../../x",
        "/browse?tag=diabetes",
        "/section/strengths?tag=ai",
        "/section/str%65ngths/?tag=ai",
        "/tag/ai/?tag=economy",
        "/resource/x/?tag=economy",
        "/",
        "/compare/",
        "/nowhere/",
    ] {
        assert_eq!(written_file(route), None, "{route}");
    }
}

#[test]
fn the_builder_query_round_trips() {
    let s = EmbedSpec {
        view: EmbedView::Section,
        section: "challenges".into(),
        tags: vec!["diabetes".into(), "air-quality".into()],
        theme: Theme::Dark,
        kind: EmbedKind::Widget,
        ..EmbedSpec::default()
    };
    let q = s.to_query_string();
    assert_eq!(
        q,
        "?view=section&section=challenges&tags=diabetes%2Cair-quality&theme=dark&kind=widget"
    );
    assert_eq!(spec(&q), s);
}

#[test]
fn the_iframe_snippet_escapes_its_address_and_names_the_script() {
    let s = spec("view=browse&tags=a,b&theme=dark");
    let snippet = s.iframe_snippet("https://example.org/health/", "f", "Resources \"here\"");
    assert!(snippet.contains(
        "src=\"https://example.org/health/browse/?tag=a&amp;tag=b&amp;embed=1&amp;theme=dark&amp;frame=f\""
    ), "{snippet}");
    assert!(snippet.contains("title=\"Resources &quot;here&quot;\""));
    assert!(snippet.contains("data-mhr-embed"));
    assert!(snippet.contains("<script src=\"https://example.org/health/embed.js\" async></script>"));
}

#[test]
fn the_widget_snippet_carries_only_what_the_view_uses() {
    let s = spec("view=resource&resource=r1&tags=a&q=zzz&theme=light");
    let snippet = s.widget_snippet("https://example.org/");
    assert_eq!(
        snippet,
        "<script src=\"https://example.org/widget.js\" async></script>\n<mhr-widget view=\"resource\" resource=\"r1\" theme=\"light\"></mhr-widget>"
    );
}

#[test]
fn attribute_values_cannot_break_out_of_their_quotes() {
    let s = spec("view=search&q=%22%3E%3Cscript%3E");
    let snippet = s.widget_snippet("https://example.org/");
    assert!(snippet.contains("q=\"&quot;&gt;&lt;script&gt;\""), "{snippet}");
}

#[test]
fn absolute_paths_link_to_the_full_site() {
    use mhr::core::paths::Paths;
    let p = Paths::absolute("https://example.org/health");
    assert_eq!(p.link("/resource/x"), "https://example.org/health/resource/x");
    assert_eq!(p.link("/"), "https://example.org/health/");
    assert_eq!(p.asset("data/dataset.json"), "https://example.org/health/data/dataset.json");
}
