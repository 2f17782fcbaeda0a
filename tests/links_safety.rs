//! Which addresses may become links.

use mhr::core::links::{check_url, host_of, is_safe_url, LinkProblem};

#[test]
fn https_http_and_mailto_are_allowed() {
    for url in [
        "https://example.org",
        "http://example.org/a?b#c",
        "HTTPS://EXAMPLE.ORG/",
        "mailto:someone@example.org",
    ] {
        assert!(is_safe_url(url), "{url}");
    }
}

#[test]
fn script_and_data_schemes_are_refused_in_any_case() {
    for url in [
        "javascript:alert(1)",
        "JAVASCRIPT:alert(1)",
        "jAvAsCrIpT:alert(1)",
        "data:text/html,x",
        "vbscript:x",
        "file:///etc/passwd",
    ] {
        assert!(matches!(check_url(url), Err(LinkProblem::SchemeNotAllowed(_))), "{url}");
    }
}

#[test]
fn whitespace_and_control_characters_anywhere_are_refused() {
    for url in [
        " https://example.org",
        "https://example.org ",
        "java\nscript:x",
        "java\tscript:x",
        "\u{0001}javascript:x",
        "https://exa mple.org",
        "https://example.org/\u{200B}",
    ] {
        let verdict = check_url(url);
        assert!(verdict.is_err(), "{url:?} was accepted");
    }
}

#[test]
fn addresses_without_a_destination_are_refused() {
    for url in ["https:", "https://", "http:/example.org", "mailto:", "mailto:nobody"] {
        assert_eq!(check_url(url), Err(LinkProblem::NoDestination), "{url}");
    }
}

#[test]
fn relative_and_empty_addresses_are_refused() {
    assert_eq!(check_url(""), Err(LinkProblem::Empty));
    assert_eq!(check_url("/about"), Err(LinkProblem::NoScheme));
    assert_eq!(check_url("example.org"), Err(LinkProblem::NoScheme));
}

#[test]
fn the_host_is_shown_without_www() {
    assert_eq!(host_of("https://www.birmingham.ac.uk/news/x"), Some("birmingham.ac.uk"));
    assert_eq!(host_of("https://wm-air.org.uk"), Some("wm-air.org.uk"));
    assert_eq!(host_of("mailto:a@b.c"), None);
}
