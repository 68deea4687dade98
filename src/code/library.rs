//! The interpreter's library modules written in Python (`re`, `enum`,
//! `logging`, ...; `crates/python/src/modules/py/`): the page does not carry
//! them, so it fetches those a program can import from `py/` beside the page
//! (Trunk copies them there) and gives them to the interpreter before the
//! program runs. A program that imports none of them loads nothing more.

use asyncio_python::modules::library;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Fetches the modules `source` can import that are not here, gives them to
/// the interpreter, then calls `done` (with why a fetch failed, if one
/// did). False, and `done` never called, when none is missing.
pub fn fetch_missing(source: &str, done: Box<dyn FnOnce(Result<(), String>)>) -> bool {
    let missing = library::missing(source);
    if missing.is_empty() {
        return false;
    }
    let Some(window) = web_sys::window() else {
        done(Err("this page has no window to fetch its modules with".into()));
        return true;
    };
    // Every request starts before the first answer is read.
    let requests: Vec<_> = missing
        .into_iter()
        .map(|name| {
            let file = format!("py/{}", library::file_name(name));
            let request = window.fetch_with_str(&file);
            (name, file, request)
        })
        .collect();
    wasm_bindgen_futures::spawn_local(async move {
        let mut texts = Vec::new();
        for (name, file, request) in requests {
            match response_text(request).await {
                Ok(text) => texts.push((name, text)),
                Err(why) => {
                    done(Err(format!(
                        "Could not load the playground's module {name}, which the program imports \
                         ({file}: {why}). Check the connection, then press Run again."
                    )));
                    return;
                }
            }
        }
        for (name, text) in texts {
            library::provide(name, text);
        }
        done(Ok(()));
    });
    true
}

/// The text a `fetch` answered with, or why there is none.
async fn response_text(request: js_sys::Promise) -> Result<String, String> {
    let failed = |e: JsValue| {
        e.dyn_ref::<js_sys::Error>().map_or_else(|| "failed".to_string(), |e| e.message().into())
    };
    let response = JsFuture::from(request).await.map_err(failed)?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| "not a response".to_string())?;
    if !response.ok() {
        return Err(format!("HTTP {}", response.status()));
    }
    let text = JsFuture::from(response.text().map_err(failed)?).await.map_err(failed)?;
    text.as_string().ok_or_else(|| "not text".to_string())
}
