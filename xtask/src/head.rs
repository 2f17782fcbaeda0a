//! The head tags of a written page: its description, Open Graph and Twitter tags, the
//! canonical link when the site's address is known, and for a resource the Highwire
//! `citation_*` tags and JSON-LD, all from [`mhr::core::page_meta`].
//!
//! Every tag carries `data-mhr-page`: a page filled again has them replaced, not doubled,
//! and the app removes them when the visitor moves to another view, so a reference manager
//! never reads one page's citation on another's address.

use mhr::core::page_meta::{json_for_script, PageMeta};

/// The attribute that marks a page's own head tags.
pub const MARK: &str = "data-mhr-page";

/// The head tags of a page described by `meta`, on the site `site_name`, whose public address
/// is `site` when the build knows it. One tag a line, each indented for the head.
pub fn tags(meta: &PageMeta, site_name: &str, site: Option<&str>) -> String {
    let mut out = Vec::new();
    let named = |attr: &str, name: &str, content: &str| {
        format!("<meta {attr}=\"{name}\" content=\"{}\" {MARK}>", attribute(content))
    };
    out.push(named("name", "description", &meta.description));
    if meta.noindex {
        out.push(named("name", "robots", "noindex"));
    }
    if let Some(url) = &meta.url {
        out.push(format!("<link rel=\"canonical\" href=\"{}\" {MARK}>", attribute(url)));
    }
    out.push(named("property", "og:title", &meta.name));
    out.push(named("property", "og:description", &meta.description));
    out.push(named("property", "og:type", meta.og_type));
    out.push(named("property", "og:site_name", site_name));
    out.push(named("property", "og:locale", "en_GB"));
    if let Some(url) = &meta.url {
        out.push(named("property", "og:url", url));
    }
    if let Some(site) = site {
        // Previews need an absolute address for an image: the site's own icon.
        out.push(named("property", "og:image", &format!("{site}icons/icon-512.png")));
        out.push(named("property", "og:image:alt", site_name));
    }
    out.push(named("name", "twitter:card", "summary"));
    for (name, content) in &meta.citation {
        out.push(named("name", name, content));
    }
    if let Some(json) = &meta.json_ld {
        out.push(format!(
            "<script type=\"application/ld+json\" {MARK}>{}</script>",
            json_for_script(json)
        ));
    }
    out.iter().map(|tag| format!("\n    {tag}")).collect()
}

/// `html` without the tags [`tags`] writes, each with the line break and indent before it,
/// and without a plain description, which the page's own replaces. No text inside a tag can
/// hold a `<` or end in the mark and `>`: attribute text has both escaped, and so has the
/// JSON-LD; so the last `<` before the mark starts the tag.
pub fn without_page_tags(html: &str) -> String {
    let ending = format!(" {MARK}>");
    let mut out = html.to_string();
    while let Some(mark) = out.find(&ending) {
        let Some(start) = out[..mark].rfind('<') else { break };
        let mut end = mark + ending.len();
        if out[start..].starts_with("<script") {
            end = out[end..].find("</script>").map_or(end, |e| end + e + "</script>".len());
        }
        let start = out[..start].trim_end_matches([' ', '\t']).len();
        let start = if out[..start].ends_with('\n') { start - 1 } else { start };
        out.replace_range(start..end, "");
    }
    match out.find("<meta name=\"description\"") {
        Some(start) => {
            let end = out[start..].find('>').map_or(out.len(), |e| start + e + 1);
            let line = out[..start].trim_end_matches([' ', '\t']).len();
            let start = if out[..line].ends_with('\n') { line - 1 } else { start };
            out.replace_range(start..end, "");
            out
        }
        None => out,
    }
}

/// Text for a double-quoted attribute.
pub fn attribute(text: &str) -> String {
    text.replace('&', "&amp;").replace('"', "&quot;").replace('<', "&lt;").replace('>', "&gt;")
}
