//! The code editor: CodeMirror 6, bundled by `editor/build.mjs` into
//! `editor.js`, which the loader imports as `window.asyncioEditor` before it
//! starts the interpreter's build of the page (see `scripts/csp.py`). This
//! is the typed bridge to its API (`editor/editor.js`).

use js_sys::{Array, Function, Object, Reflect, Uint32Array};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::Element;

use crate::code::marks::Mark;
use crate::code::Diagnostic;
use crate::page::highlight;

/// An editor in the page; dropping it removes it.
pub struct Editor {
    handle: JsValue,
    _on_change: Closure<dyn FnMut(JsValue)>,
    _on_run: Closure<dyn FnMut()>,
    _tokens: Closure<dyn FnMut(JsValue) -> Uint32Array>,
}

fn set(object: &Object, key: &str, value: &JsValue) -> Result<(), JsValue> {
    Reflect::set(object, &JsValue::from_str(key), value).map(drop)
}

impl Editor {
    /// An editor showing `text` in `parent`; `on_change` gets the text after
    /// each edit, `on_run` is Ctrl-Enter.
    pub fn new(
        parent: &Element,
        text: &str,
        label: &str,
        on_change: Box<dyn Fn(String)>,
        on_run: Box<dyn Fn()>,
    ) -> Result<Editor, JsValue> {
        let window = web_sys::window().ok_or("no window")?;
        let module = Reflect::get(&window, &JsValue::from_str("asyncioEditor"))?;
        if module.is_undefined() {
            return Err("the code editor (editor.js) did not load".into());
        }
        let create: Function = Reflect::get(&module, &JsValue::from_str("createEditor"))?.dyn_into()?;
        let on_change = Closure::<dyn FnMut(JsValue)>::new(move |text: JsValue| {
            on_change(text.as_string().unwrap_or_default());
        });
        let on_run = Closure::<dyn FnMut()>::new(on_run);
        // Syntax colours from the program pane's tokenizer (`highlight.rs`),
        // so both panes colour a program alike.
        let tokens = Closure::<dyn FnMut(JsValue) -> Uint32Array>::new(|text: JsValue| {
            Uint32Array::from(&highlight::spans(&text.as_string().unwrap_or_default())[..])
        });
        let classes: Array = highlight::CLASSES.iter().map(|c| JsValue::from_str(c)).collect();
        let highlighting = Object::new();
        set(&highlighting, "classes", &classes)?;
        set(&highlighting, "tokens", tokens.as_ref())?;
        let options = Object::new();
        set(&options, "doc", &JsValue::from_str(text))?;
        set(&options, "label", &JsValue::from_str(label))?;
        set(&options, "readOnly", &JsValue::FALSE)?;
        set(&options, "onChange", on_change.as_ref())?;
        set(&options, "onRun", on_run.as_ref())?;
        set(&options, "highlight", &highlighting)?;
        let handle = create.call2(&module, parent, &options)?;
        Ok(Editor { handle, _on_change: on_change, _on_run: on_run, _tokens: tokens })
    }

    fn call(&self, method: &str, args: &[JsValue]) -> Result<JsValue, JsValue> {
        let function: Function = Reflect::get(&self.handle, &JsValue::from_str(method))?.dyn_into()?;
        let args: Array = args.iter().collect();
        function.apply(&self.handle, &args)
    }

    /// Replace the whole text (no change is reported).
    pub fn set_text(&self, text: &str) {
        let _ = self.call("setText", &[JsValue::from_str(text)]);
    }

    /// Underline `diagnostic`'s place, or clear.
    pub fn set_diagnostic(&self, diagnostic: Option<&Diagnostic>) {
        let list = Array::new();
        if let Some(d) = diagnostic {
            let item = Object::new();
            let _ = set(&item, "line", &JsValue::from(d.line));
            let _ = set(&item, "col", &JsValue::from(d.col.max(1)));
            let _ = set(&item, "message", &JsValue::from_str(&d.message));
            list.push(&item);
        }
        let _ = self.call("setDiagnostics", &[list.into()]);
    }

    /// Mark each task's line.
    pub fn set_marks(&self, marks: &[Mark]) {
        let list = Array::new();
        for mark in marks {
            let item = Object::new();
            let _ = set(&item, "line", &JsValue::from(mark.line));
            let _ = set(&item, "kind", &JsValue::from_str(mark.kind.as_str()));
            let _ = set(&item, "task", &JsValue::from_str(&mark.task));
            let _ = set(&item, "lane", &JsValue::from(mark.lane as u32));
            list.push(&item);
        }
        let _ = self.call("setMarks", &[list.into()]);
    }

    /// Put the cursor on `line` and focus the editor.
    pub fn go_to_line(&self, line: u32) {
        let _ = self.call("goToLine", &[JsValue::from(line)]);
    }

    pub fn focus(&self) {
        let _ = self.call("focus", &[]);
    }
}

impl Drop for Editor {
    fn drop(&mut self) {
        let _ = self.call("destroy", &[]);
    }
}
