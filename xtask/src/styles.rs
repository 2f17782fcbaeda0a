//! One stylesheet for the site: `style/site.css` lists the files in cascade order as
//! `@import "file.css";` lines, and [`bundle`] inlines them, so a first visit makes one
//! request for styles (and brotli compresses them together, 1.5 KB smaller than apart).
//! Finishing the build names the bundle after its content and links it with its integrity.

use std::path::Path;

use crate::{io, FinishError};

/// The bundle of the stylesheet `entry`: each `@import "name";` line replaced by the file
/// `name` beside it, headed by a comment naming it. Comments outside the imports are left
/// out. Anything else in `entry` is an error, so the list cannot grow rules of its own, and
/// an import of something other than a plain local `.css` file is refused.
pub fn bundle(entry: &Path) -> Result<String, FinishError> {
    let dir = entry.parent().unwrap_or(Path::new("."));
    let text = std::fs::read_to_string(entry).map_err(io(entry))?;
    let problem = |number: usize, what: String| {
        FinishError::Unexpected(format!("{}:{}: {what}", entry.display(), number + 1))
    };
    let mut out = String::new();
    let mut in_comment = false;
    for (number, line) in text.lines().enumerate() {
        // The line without its comments, which may open and close anywhere on it.
        let mut code = String::new();
        let mut rest = line;
        loop {
            if in_comment {
                match rest.find("*/") {
                    Some(end) => {
                        rest = &rest[end + 2..];
                        in_comment = false;
                    }
                    None => break,
                }
            } else {
                match rest.find("/*") {
                    Some(start) => {
                        code.push_str(&rest[..start]);
                        rest = &rest[start + 2..];
                        in_comment = true;
                    }
                    None => {
                        code.push_str(rest);
                        break;
                    }
                }
            }
        }
        let code = code.trim();
        if code.is_empty() {
            continue;
        }
        let name = code
            .strip_prefix("@import \"")
            .and_then(|rest| rest.strip_suffix("\";"))
            .filter(|name| {
                name.ends_with(".css") && !name.contains(['/', '\\', '"']) && !name.starts_with('.')
            })
            .ok_or_else(|| {
                problem(number, format!("expected `@import \"file.css\";`, found `{code}`"))
            })?;
        let path = dir.join(name);
        let css = std::fs::read_to_string(&path).map_err(io(&path))?;
        out.push_str(&format!("/* {name} */\n{}\n", css.trim_end()));
    }
    if in_comment {
        return Err(problem(
            text.lines().count().saturating_sub(1),
            "a comment is not closed".into(),
        ));
    }
    Ok(out)
}
