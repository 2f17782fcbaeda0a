//! The widget's stylesheet, made from the site's.
//!
//! The widget lives in a shadow root on somebody else's page. Four things in the site's CSS
//! would let that page change it: `:root` and `body` rules do not reach into a shadow root;
//! custom properties inherit through it, and the host's rules for the `<mhr-widget>` element
//! win over the shadow root's `:host` rules, so tokens declared on `:host` could be set by
//! the host (`mhr-widget { --text: #fff }`);
//! `rem` follows the host's `html` font size (a host rule such as
//! `* { font-size: 40px !important }` would blow the widget up); and width media queries
//! follow the host's window, not the box the widget was given. So the site's files are
//! rewritten: `:root`/`html` become `.mhr-root` (the element the widget mounts into, inside
//! the shadow root, which declares every token itself and so overrides what it inherits),
//! `body` becomes `.mhr-widget`, every `Nrem` in a declaration becomes
//! `calc(N * var(--mhr-rem))` (16px, fixed on `.mhr-root` too), and
//! `@media (min-width: …)` becomes a container query on the widget, with rem turned to px.
//! `@media print` blocks are left out: printing is the host page's business.

/// Rewrites one stylesheet of the site for the widget's shadow root.
pub fn rewrite_for_shadow_root(css: &str) -> String {
    let mut out = String::with_capacity(css.len() + css.len() / 4);
    let mut prelude = String::new();
    let mut chars = css.chars().peekable();
    // For each open block: does it hold declarations (a style rule) or rules (an at-rule)?
    let mut stack: Vec<bool> = Vec::new();
    let mut declarations = String::new();
    while let Some(c) = chars.next() {
        if c == '/' && chars.peek() == Some(&'*') {
            skip_comment(&mut chars);
            continue;
        }
        let in_style_rule = stack.last().copied().unwrap_or(false);
        if in_style_rule {
            if c == '}' {
                out.push_str(&rem_to_calc(&declarations));
                out.push_str("}\n");
                declarations.clear();
                stack.pop();
            } else {
                declarations.push(c);
            }
            continue;
        }
        match c {
            '{' => {
                let p = prelude.trim();
                if p.eq_ignore_ascii_case("@media print") {
                    // Printing is the host page's business: its print rules are not the
                    // widget's (they would hide its buttons when the host is printed).
                    skip_block(&mut chars);
                } else if p.starts_with('@') {
                    out.push_str(&rewrite_at_rule(p));
                    out.push_str("{\n");
                    stack.push(false);
                } else {
                    out.push_str(&rewrite_selectors(p));
                    out.push('{');
                    stack.push(true);
                }
                prelude.clear();
            }
            '}' => {
                out.push_str("}\n");
                stack.pop();
            }
            ';' if prelude.trim().starts_with('@') => {
                // A statement at-rule (@import, @charset): kept as it is.
                out.push_str(prelude.trim());
                out.push(';');
                prelude.clear();
            }
            c => prelude.push(c),
        }
    }
    out
}

/// Consumes a comment whose `/` was just read and whose `*` is next.
fn skip_comment(chars: &mut std::iter::Peekable<std::str::Chars>) {
    chars.next();
    let mut last = ' ';
    for c in chars.by_ref() {
        if last == '*' && c == '/' {
            break;
        }
        last = c;
    }
}

/// Consumes the rest of a block whose `{` was just read, nested blocks, strings and comments
/// included.
fn skip_block(chars: &mut std::iter::Peekable<std::str::Chars>) {
    let mut depth = 1;
    let mut quote: Option<char> = None;
    while let Some(c) = chars.next() {
        match (quote, c) {
            (Some(_), '\\') => {
                chars.next();
            }
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '/') if chars.peek() == Some(&'*') => skip_comment(chars),
            (None, '{') => depth += 1,
            (None, '}') => {
                depth -= 1;
                if depth == 0 {
                    return;
                }
            }
            (None, _) => {}
        }
    }
}

/// `:root`/`html` to `.mhr-root`, `body` to `.mhr-widget`, in each selector of a list.
fn rewrite_selectors(list: &str) -> String {
    list.split(',')
        .map(|s| {
            let s = s.trim();
            let (first, rest) = match s.find([' ', '>', '+', '~', ':', '[', '.']) {
                Some(0) => (s, ""),
                Some(i) => s.split_at(i),
                None => (s, ""),
            };
            let first = match first {
                "html" => ".mhr-root",
                "body" => ".mhr-widget",
                other => other,
            };
            format!("{first}{rest}").replace(":root", ".mhr-root")
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// Width media queries become container queries on the widget (rem in px, since a query
/// cannot use the custom property); other at-rules are kept.
fn rewrite_at_rule(prelude: &str) -> String {
    let is_width_query = prelude.starts_with("@media")
        && (prelude.contains("min-width") || prelude.contains("max-width"))
        && !prelude.contains("print");
    if is_width_query {
        let condition = prelude.trim_start_matches("@media").trim();
        format!("@container mhr {}", rem_to_px(condition))
    } else {
        prelude.to_string()
    }
}

/// Calls `f(number)` for every `Nrem` length in `text` and splices in what it returns.
fn replace_rem(text: &str, f: impl Fn(&str) -> String) -> String {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    let mut copied = 0;
    while i < bytes.len() {
        let starts_number = (bytes[i].is_ascii_digit() || bytes[i] == b'.')
            && (i == 0
                || !(bytes[i - 1].is_ascii_alphanumeric()
                    || matches!(bytes[i - 1], b'-' | b'_' | b'.')));
        if starts_number {
            let start = i;
            while i < bytes.len() && (bytes[i].is_ascii_digit() || bytes[i] == b'.') {
                i += 1;
            }
            let unit_end = i + 3;
            let is_rem = text.get(i..unit_end) == Some("rem")
                && bytes.get(unit_end).is_none_or(|b| !(b.is_ascii_alphanumeric() || *b == b'-'));
            if is_rem {
                out.push_str(&text[copied..start]);
                out.push_str(&f(&text[start..i]));
                i = unit_end;
                copied = i;
            }
        } else {
            i += 1;
        }
    }
    out.push_str(&text[copied..]);
    out
}

/// `1.5rem` to `calc(1.5 * var(--mhr-rem))`.
fn rem_to_calc(declarations: &str) -> String {
    replace_rem(declarations, |n| format!("calc({n} * var(--mhr-rem))"))
}

/// `56rem` to `896px`.
fn rem_to_px(condition: &str) -> String {
    replace_rem(condition, |n| {
        let px = n.parse::<f64>().map(|v| v * 16.0).unwrap_or(0.0);
        format!("{px}px")
    })
}
