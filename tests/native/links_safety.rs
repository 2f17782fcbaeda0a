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

#[test]
fn addresses_with_a_user_before_the_host_are_refused() {
    for url in [
        "https://nhs.uk@evil.example",
        "https://nhs.uk@evil.example/report",
        "http://user:password@example.org/",
        "https://nhs.uk%2F@evil.example",
        "HTTPS://www.nhs.uk@evil.example?x",
    ] {
        assert_eq!(check_url(url), Err(LinkProblem::UserInfo), "{url}");
    }
    // An @ after the host is part of the path or query, where it is harmless.
    for url in ["https://example.org/people/@someone", "https://example.org/?by=a@b.c"] {
        assert!(is_safe_url(url), "{url}");
    }
}

#[test]
fn the_host_shown_is_the_one_the_browser_goes_to() {
    assert_eq!(host_of("https://nhs.uk@evil.example/x"), Some("evil.example"));
    assert_eq!(host_of("https://example.org\\@evil.example"), Some("example.org"));
}

/// Every Unicode format character (general category Cf, Unicode 15.1), as ranges: soft
/// hyphen, Arabic and Syriac marks, zero-width and direction controls, invisible operators,
/// the byte-order mark, interlinear annotations, Egyptian and shorthand format controls,
/// musical symbols and tags. Listed from the Unicode Character Database, not from the code.
const FORMAT_CHARACTERS: [(u32, u32); 21] = [
    (0x00AD, 0x00AD),
    (0x0600, 0x0605),
    (0x061C, 0x061C),
    (0x06DD, 0x06DD),
    (0x070F, 0x070F),
    (0x0890, 0x0891),
    (0x08E2, 0x08E2),
    (0x180E, 0x180E),
    (0x200B, 0x200F),
    (0x202A, 0x202E),
    (0x2060, 0x2064),
    (0x2066, 0x206F),
    (0xFEFF, 0xFEFF),
    (0xFFF9, 0xFFFB),
    (0x110BD, 0x110BD),
    (0x110CD, 0x110CD),
    (0x13430, 0x1343F),
    (0x1BCA0, 0x1BCA3),
    (0x1D173, 0x1D17A),
    (0xE0001, 0xE0001),
    (0xE0020, 0xE007F),
];

#[test]
fn every_unicode_format_character_is_refused() {
    for (first, last) in FORMAT_CHARACTERS {
        for code in first..=last {
            let c = char::from_u32(code).expect("a character");
            for url in [
                format!("https://nhs{c}.uk/"),
                format!("https://nhs.uk/a{c}b"),
                format!("{c}https://nhs.uk"),
            ] {
                assert_eq!(
                    check_url(&url),
                    Err(LinkProblem::HiddenCharacters),
                    "U+{code:04X} in {url:?}"
                );
            }
        }
    }
}
