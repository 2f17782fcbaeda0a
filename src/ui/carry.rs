//! What the visitor did on a written page, carried over when the app puts its own in that
//! page's place (`super::takeover`) or a kept view's live content takes the written one's
//! (`super::kept`): the scroll position, which element had focus (found again at the same
//! place in the new tree, since the markup is the same), and what they typed into a field,
//! with the caret where it was. Elements are found by their path of child indices.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, HtmlInputElement};

/// What the visitor did on the written page before the app took over.
pub(super) struct Kept {
    scroll: (f64, f64),
    /// The focused element, as child indices from the root.
    focus: Option<Vec<u32>>,
    /// The focused element itself: written content the app keeps (`super::kept`) moves into
    /// the new page whole, at another path.
    focused: Option<Element>,
    /// Each text field the visitor typed into.
    fields: Vec<Typed>,
}

/// What was typed into a text field, found by its path from the root.
struct Typed {
    path: Vec<u32>,
    value: String,
    /// The selection's start and end.
    caret: Option<(u32, u32)>,
}

impl Kept {
    /// What the visitor has done so far in the page's element `root`.
    pub(super) fn read(root: Option<&Element>) -> Kept {
        let window = window();
        let scroll = (window.scroll_x().unwrap_or(0.0), window.scroll_y().unwrap_or(0.0));
        let Some(root) = root else {
            return Kept { scroll, focus: None, focused: None, fields: Vec::new() };
        };
        let focused = document().active_element();
        let focus = focused.as_ref().and_then(|el| path_of(el, root));
        let mut fields = Vec::new();
        if let Ok(inputs) = root.query_selector_all("input[type=search], input[type=text]") {
            for i in 0..inputs.length() {
                let Some(input) =
                    inputs.item(i).and_then(|n| n.dyn_into::<HtmlInputElement>().ok())
                else {
                    continue;
                };
                let value = input.value();
                if value.is_empty() {
                    continue;
                }
                let caret = caret_of(&input);
                if let Some(path) = path_of(&input, root) {
                    fields.push(Typed { path, value, caret });
                }
            }
        }
        Kept { scroll, focus, focused, fields }
    }

    /// Does it again in `root`, the element that has taken the old one's place.
    pub(super) fn restore(self, root: &Element) {
        let moved = self.focused.filter(|el| el.is_connected() && root.contains(Some(el)));
        if let Some(el) = moved.or_else(|| self.focus.as_deref().and_then(|p| at_path(root, p))) {
            if let Some(el) = el.dyn_ref::<HtmlElement>() {
                let _ = el.focus();
            }
        }
        for Typed { path, value, caret } in self.fields {
            let Some(input) =
                at_path(root, &path).and_then(|n| n.dyn_into::<HtmlInputElement>().ok())
            else {
                continue;
            };
            carry_text(&input, &value, caret);
        }
        let window = window();
        if (window.scroll_x().unwrap_or(0.0), window.scroll_y().unwrap_or(0.0)) != self.scroll {
            window.scroll_to_with_x_and_y(self.scroll.0, self.scroll.1);
        }
    }
}

/// The element indices that lead from `root` to `el`, if `el` is inside it. Elements only:
/// the written page and the app place text and comment nodes differently, never elements.
pub(super) fn path_of(el: &Element, root: &Element) -> Option<Vec<u32>> {
    let mut path = Vec::new();
    let mut node = el.clone();
    while !node.is_same_node(Some(root)) {
        let parent = node.parent_element()?;
        let siblings = parent.children();
        let index = (0..siblings.length())
            .find(|&i| siblings.item(i).is_some_and(|s| s.is_same_node(Some(&node))))?;
        path.push(index);
        node = parent;
    }
    path.reverse();
    Some(path)
}

/// The element at `path` under `root`, if there is one there.
pub(super) fn at_path(root: &Element, path: &[u32]) -> Option<Element> {
    let mut node = root.clone();
    for &i in path {
        node = node.children().item(i)?;
    }
    Some(node)
}

/// Where the selection of `input` starts and ends, if it has one.
pub(super) fn caret_of(input: &web_sys::HtmlInputElement) -> Option<(u32, u32)> {
    match (input.selection_start(), input.selection_end()) {
        (Ok(Some(start)), Ok(Some(end))) => Some((start, end)),
        _ => None,
    }
}

/// Puts `value` into the app's text field `input`, with the selection `caret`, as if it had
/// been typed there: the app's own handler reads it. Left without focus, the field is then
/// told it was left, so that a search box's suggestions stay closed until it is used again.
pub(super) fn carry_text(
    input: &web_sys::HtmlInputElement,
    value: &str,
    caret: Option<(u32, u32)>,
) {
    input.set_value(value);
    if let Some((start, end)) = caret {
        let _ = input.set_selection_range(start, end);
    }
    let document = leptos::prelude::document();
    if let Ok(event) = web_sys::Event::new("input") {
        let _ = input.dispatch_event(&event);
    }
    if !document.active_element().is_some_and(|a| a.is_same_node(Some(input.as_ref()))) {
        if let Ok(event) = web_sys::Event::new("blur") {
            let _ = input.dispatch_event(&event);
        }
    }
}
