//! The controller's part for the copy buttons (the output, the program,
//! the embed snippet) and the Embed panel's snippet.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use super::{Controller, CopyTarget, Msg};
use crate::dom::error_text;
use crate::route::Route;

/// The embed snippet's sandbox: the page's scripts, its own origin (else its
/// module scripts and wasm become cross-origin requests), and the
/// "Open in the asyncio playground" link's new window, free of the sandbox.
pub const EMBED_SANDBOX: &str = "allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox";

/// The embed snippet's first height (embed.js then follows the content).
const EMBED_HEIGHT: u32 = 420;

impl Controller {
    /// Show or hide the embed snippet.
    pub(super) fn toggle_embed(&mut self) -> Result<(), JsValue> {
        let snippet = self.embed_snippet()?;
        let Some(open) = &mut self.open else { return Ok(()) };
        open.embed_panel = !open.embed_panel;
        self.view.show_embed_panel(open.embed_panel.then_some(snippet.as_str()));
        Ok(())
    }

    /// The `<iframe>` snippet for the current state, and the `embed.js`
    /// that sizes it to its content.
    ///
    /// The sandbox ([`EMBED_SANDBOX`]): scripts are the page, and without
    /// `allow-same-origin` the frame gets an opaque origin (`null`), so its
    /// own module scripts, `.wasm` and SRI-checked stylesheets become
    /// cross-origin requests that a static host without CORS headers refuses
    /// (checked in Chromium: the page never leaves "loading"). With it the
    /// frame keeps only the playground's own origin (not the embedder's), and
    /// still cannot navigate the top page or submit forms; the popups allowed
    /// are the "Open in the asyncio playground" link's, which escape the
    /// sandbox so that the full page works. The page listens to no `message`
    /// events from a parent (only the worker's `onmessage`, from its own
    /// Worker object), so nothing a framing page posts reaches it.
    pub(super) fn embed_snippet(&self) -> Result<String, JsValue> {
        let location = self.window.location();
        let src = format!("{}{}", location.origin()?, self.url_for(true));
        let name = match &self.route {
            Route::Scenario(name) => name.as_str(),
            Route::Code => "your program",
            Route::Gallery => "scenarios",
        };
        let path = location.pathname()?;
        let site = format!("{}{}", location.origin()?, &path[..path.rfind('/').map_or(0, |i| i + 1)]);
        Ok(format!(
            "<iframe data-asyncio-playground src=\"{}\" title=\"asyncio playground: {}\" width=\"100%\" \
             height=\"{EMBED_HEIGHT}\" style=\"border: 0\" loading=\"lazy\" sandbox=\"{EMBED_SANDBOX}\"></iframe>\n\
             <script src=\"{}embed.js\" defer></script>",
            html_attribute(&src),
            html_attribute(name),
            html_attribute(&site)
        ))
    }

    /// Copy the log, the program or the snippet with the async clipboard;
    /// the result comes back as [`Msg::Copied`].
    pub(super) fn copy(&self, target: CopyTarget) {
        let code = self.open.as_ref().and_then(|o| o.code.as_ref()).map(|c| c.text.clone());
        let text = match (target, code) {
            // The editor's program, as it stands.
            (CopyTarget::Python, Some(code)) => code,
            _ => self.view.copy_text(target),
        };
        let navigator = self.window.navigator();
        let has_clipboard = js_sys::Reflect::get(&navigator, &JsValue::from_str("clipboard"))
            .is_ok_and(|c| !c.is_undefined());
        if !has_clipboard {
            (self.post)(Msg::Copied(target, Err("this page has no clipboard access".into())));
            return;
        }
        let promise = navigator.clipboard().write_text(&text);
        let post = self.post.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let result = JsFuture::from(promise).await.map(drop).map_err(|e| {
                e.dyn_ref::<js_sys::Error>().map_or_else(|| error_text(&e), |e| String::from(e.message()))
            });
            post(Msg::Copied(target, result));
        });
    }

    /// A copy finished: say so beside its button, or why it failed.
    pub(super) fn show_copied(&self, target: CopyTarget, result: Result<(), String>) {
        let text = match result {
            Ok(()) => "Copied.".to_string(),
            Err(reason) => format!("Could not copy ({reason}). Select the text and copy it by hand."),
        };
        self.view.show_copy_status(target, &text);
    }
}

/// Escape text for a double-quoted HTML attribute (the snippet is shown as
/// text; the escaping is for the page that pastes it).
fn html_attribute(text: &str) -> String {
    text.replace('&', "&amp;").replace('"', "&quot;").replace('<', "&lt;").replace('>', "&gt;")
}
