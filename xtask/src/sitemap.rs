//! The site's public address (`SITE_URL`), and what the build writes only when it knows it:
//! `sitemap.xml`, listing every written page, and `robots.txt`, pointing to the sitemap.
//! Without the address there are no absolute links to give, so neither file is written
//! (and pages get no canonical link or `og:url`).

use crate::FinishError;

/// The site's public address from `SITE_URL` (`https://example.org/partners/health/`),
/// normalised to end in `/`. It must be an absolute `https` or `http` address whose path is
/// the build's `base`, so the canonical links name the pages the build wrote. `None` when
/// unset or empty.
pub fn site_url(raw: Option<&str>, base: &str) -> Result<Option<String>, FinishError> {
    let Some(raw) = raw.map(str::trim).filter(|s| !s.is_empty()) else {
        return Ok(None);
    };
    let bad = |why: &str| FinishError::Unexpected(format!("SITE_URL={raw:?} {why}"));
    let rest = raw
        .strip_prefix("https://")
        .or_else(|| raw.strip_prefix("http://"))
        .ok_or_else(|| bad("must start with https:// or http://"))?;
    let (host, path) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
    let host_ok = !host.is_empty()
        && host.bytes().all(|b| b.is_ascii_alphanumeric() || b"-.:[]".contains(&b));
    if !host_ok {
        return Err(bad("has no plain host name (no user, query or fragment)"));
    }
    if path.contains(['?', '#', '"', '<', '>', '\\', ' ']) {
        return Err(bad("must be a plain address, without a query or fragment"));
    }
    let path = mhr::core::paths::normalise_base(path);
    if path != base {
        return Err(bad(&format!(
            "has the path {path}, but the build is for {base} (PUBLIC_URL): they must agree"
        )));
    }
    let scheme = &raw[..raw.len() - rest.len()];
    Ok(Some(format!("{scheme}{host}{path}")))
}

/// `sitemap.xml` listing `urls` (absolute), each last modified on `lastmod` (`YYYY-MM-DD`,
/// the dataset's revision date).
pub fn sitemap(urls: &[String], lastmod: &str) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for url in urls {
        out.push_str(&format!(
            "  <url><loc>{}</loc><lastmod>{}</lastmod></url>\n",
            xml_text(url),
            xml_text(lastmod)
        ));
    }
    out.push_str("</urlset>\n");
    out
}

/// `robots.txt`: everything may be crawled, and the sitemap is at `site`'s `sitemap.xml`.
pub fn robots(site: &str) -> String {
    format!("User-agent: *\nAllow: /\n\nSitemap: {site}sitemap.xml\n")
}

/// Text for XML.
fn xml_text(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}
