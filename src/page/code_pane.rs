//! The parts of a view that only the interpreter's build of the page has:
//! the editor in the Python pane, Share and Reset code, the line of a
//! compile error, the note that an edited lesson left its parameters, and a
//! run's traceback with links to its lines.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, Element, HtmlElement};

use super::editor::Editor;
use super::view::CodeSlots;
use crate::code::marks::Mark;
use crate::code::Diagnostic;
use crate::dom::{append, append_text, element, text_element};

/// The editor and its companions in one view.
pub struct CodePane {
    document: Document,
    pub editor: Editor,
    reset: HtmlElement,
    problem: HtmlElement,
    detached: HtmlElement,
    traceback: HtmlElement,
    share_status: Element,
}

fn html(element: Element) -> Result<HtmlElement, JsValue> {
    element.dyn_into::<HtmlElement>().map_err(|_| JsValue::from_str("not an HTML element"))
}

fn action_button(doc: &Document, id: &str, label: &str, action: &str) -> Result<HtmlElement, JsValue> {
    let button = text_element(doc, "button", "small", label)?;
    button.set_id(id);
    button.set_attribute("type", "button")?;
    button.set_attribute("data-action", action)?;
    html(button)
}

impl CodePane {
    /// Put an editor showing `text` where the listing was.
    pub fn new(
        document: &Document,
        slots: &CodeSlots,
        text: &str,
        on_change: Box<dyn Fn(String)>,
        on_run: Box<dyn Fn()>,
    ) -> Result<CodePane, JsValue> {
        let doc = document;
        let reset = action_button(doc, "reset-code", "Reset code", "reset-code")?;
        reset.set_hidden(true);
        append(&slots.python_head, &reset)?;
        let share = action_button(doc, "share", "Share", "share")?;
        share.set_attribute("aria-label", "Share: copy a link to this program")?;
        append(&slots.python_head, &share)?;

        let host = element(doc, "div", "editor-host")?;
        host.set_id("editor");
        slots.listing.set_attribute("hidden", "")?;
        slots.python.insert_before(&host, slots.listing.next_sibling().as_ref())?;
        let editor = Editor::new(&host, text, "Python program (editable)", on_change, on_run)?;

        let problem = html(element(doc, "p", "code-problem")?)?;
        problem.set_id("code-problem");
        problem.set_attribute("role", "status")?;
        problem.set_hidden(true);
        host.after_with_node_1(&problem)?;
        let detached = html(element(doc, "p", "code-detached notice")?)?;
        detached.set_id("code-detached");
        detached.set_hidden(true);
        problem.after_with_node_1(&detached)?;
        let share_status = element(doc, "p", "copy-status")?;
        share_status.set_attribute("role", "status")?;
        share_status.set_id("share-status");
        detached.after_with_node_1(&share_status)?;

        let traceback = html(element(doc, "section", "traceback")?)?;
        traceback.set_id("traceback");
        traceback.set_attribute("aria-label", "Traceback")?;
        traceback.set_hidden(true);
        slots.explain.after_with_node_1(&traceback)?;
        Ok(CodePane { document: doc.clone(), editor, reset, problem, detached, traceback, share_status })
    }

    /// The gallery build's "Edit" button in the Python pane's heading.
    pub fn edit_button(document: &Document, slots: &CodeSlots) -> Result<(), JsValue> {
        let edit = action_button(document, "edit-code", "Edit", "edit-code")?;
        edit.set_attribute("aria-label", "Edit this program (loads the editor and the Python interpreter)")?;
        append(&slots.python_head, &edit)
    }

    /// The line that says why a thread or process lesson's program cannot
    /// be edited.
    pub fn read_only_note(document: &Document, slots: &CodeSlots) -> Result<(), JsValue> {
        let note = text_element(
            document,
            "p",
            "read-only-note",
            "Read-only: the playground runs its own model of this program (see below), not the program \
             through the Python interpreter, so it cannot be edited here.",
        )?;
        note.set_id("read-only-note");
        slots.python_head.after_with_node_1(&note)
    }

    /// Show the compile error (underlined in the editor and said under it),
    /// or clear it.
    pub fn show_problem(&self, diagnostic: Option<&Diagnostic>) {
        self.editor.set_diagnostic(diagnostic);
        match diagnostic {
            Some(d) => {
                let text = format!("Line {}, column {}: {}", d.line, d.col, d.message);
                self.problem.set_text_content(Some(&text));
                self.problem.set_hidden(false);
            }
            None => {
                self.problem.set_hidden(true);
                self.problem.set_text_content(None);
            }
        }
    }

    /// Say whether the lesson's program was edited (and so no longer
    /// follows the parameters).
    pub fn show_detached(&self, detached: bool) {
        self.reset.set_hidden(!detached);
        if detached {
            self.detached.set_text_content(Some(
                "You edited the lesson's program: it runs as you wrote it, and the parameters no longer \
                 change it. Reset code brings back the lesson's program at the current parameters.",
            ));
        }
        self.detached.set_hidden(!detached);
    }

    pub fn show_share_status(&self, text: &str) {
        self.share_status.set_text_content(Some(text));
    }

    pub fn set_marks(&self, marks: &[Mark]) {
        self.editor.set_marks(marks);
    }

    /// Show a run's traceback (its `File "main.py", line N` lines link to the
    /// line), or hide it when `text` is empty.
    pub fn show_traceback(&self, text: &str) {
        self.traceback.set_text_content(None);
        if text.trim().is_empty() {
            self.traceback.set_hidden(true);
            return;
        }
        let build = || -> Result<(), JsValue> {
            let doc = &self.document;
            append(&self.traceback, &text_element(doc, "h4", "", "Traceback")?)?;
            let pre = element(doc, "pre", "traceback-text")?;
            for line in text.lines() {
                match traceback_line(line) {
                    Some((before, number, after)) => {
                        append_text(&pre, before)?;
                        let link = text_element(doc, "button", "line-link", &format!("line {number}"))?;
                        link.set_attribute("type", "button")?;
                        link.set_attribute("data-action", "go-line")?;
                        link.set_attribute("data-line", &number.to_string())?;
                        link.set_attribute("aria-label", &format!("Go to line {number} in the editor"))?;
                        append(&pre, &link)?;
                        append_text(&pre, after)?;
                    }
                    None => append_text(&pre, line)?,
                }
                append_text(&pre, "\n")?;
            }
            append(&self.traceback, &pre)
        };
        let _ = build();
        self.traceback.set_hidden(false);
    }
}

/// `  File "main.py", line 12, in main` split around `line 12`.
fn traceback_line(line: &str) -> Option<(&str, u32, &str)> {
    let start = line.find("File \"main.py\", line ")? + "File \"main.py\", ".len();
    let digits = &line[start + "line ".len()..];
    let len = digits.bytes().take_while(u8::is_ascii_digit).count();
    let number = digits[..len].parse().ok()?;
    Some((&line[..start], number, &line[start + "line ".len() + len..]))
}
