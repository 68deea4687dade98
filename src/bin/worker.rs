//! The Web Worker entry: answers the page's [`Request`]s by running the named
//! job and posting a [`Reply`] back. It posts [`Reply::Ready`] once it is
//! listening, since messages that arrive before that are lost.
//!
//! Trunk builds this binary as `worker.js` + `worker_bg.wasm` with the
//! loader `worker_loader.js`, spawned as a module worker.

#[cfg(target_arch = "wasm32")]
fn main() {
    use asyncio_playground::jobs::respond;
    use asyncio_playground::worker_protocol::{Reply, Request};
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::{JsCast, JsValue};
    use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

    let Ok(scope) = js_sys::global().dyn_into::<DedicatedWorkerGlobalScope>() else {
        web_sys::console::error_1(&JsValue::from_str("worker.rs: not running in a dedicated worker"));
        return;
    };
    let reply_scope = scope.clone();
    let post = move |reply: Reply| {
        if let Err(error) = reply_scope.post_message(&reply.to_js()) {
            web_sys::console::error_2(&JsValue::from_str("worker: could not post a reply:"), &error);
        }
    };
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        let reply = match Request::from_js(&event.data()) {
            Ok(request) => respond(request),
            Err(error) => error.into(),
        };
        post(reply);
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The handler serves every message for the worker's whole life: the
    // worker ends only when the page terminates it, so the closure is never
    // to be freed.
    on_message.forget();
    if let Err(error) = scope.post_message(&Reply::Ready.to_js()) {
        web_sys::console::error_2(&JsValue::from_str("worker: could not post ready:"), &error);
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("the worker is a Web Worker entry: build it with `trunk build --release` (see index.html)");
}
