//! The Web Worker entry: answers the page's [`Request`]s by running the named
//! job and posting a [`Reply`] back. It posts [`Reply::Ready`] once it is
//! listening, since messages that arrive before that are lost.
//!
//! A job that panics is reported by the panic hook, as [`Reply::Panic`] for
//! the job being run: a panic aborts the wasm (the trap then reaches the page
//! as an `error` event), so the message must go out before that. A `throw`
//! job throws a real JavaScript error out of the message handler.
//!
//! Trunk builds this binary as `worker.js` + `worker_bg.wasm` with the
//! loader `worker_loader.js`, spawned as a module worker.

#[cfg(target_arch = "wasm32")]
mod entry {
    use std::cell::Cell;

    use asyncio_playground::jobs::{respond, Answer};
    use asyncio_playground::worker_protocol::{Reply, Request};
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::{JsCast, JsValue};
    use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

    thread_local! {
        /// The id of the job being run, for the panic hook.
        static CURRENT_JOB: Cell<Option<u32>> = const { Cell::new(None) };
    }

    fn scope() -> Option<DedicatedWorkerGlobalScope> {
        js_sys::global().dyn_into::<DedicatedWorkerGlobalScope>().ok()
    }

    fn post(scope: &DedicatedWorkerGlobalScope, reply: &Reply) {
        if let Err(error) = scope.post_message(&reply.to_js()) {
            web_sys::console::error_2(&JsValue::from_str("worker: could not post a reply:"), &error);
        }
    }

    /// Report a panic to the page as the running job's failure. The hook
    /// cannot capture the scope (it must be `Send`), so it looks it up.
    fn report_panic(info: &std::panic::PanicHookInfo<'_>) {
        let payload = info.payload();
        let message = match (payload.downcast_ref::<&str>(), payload.downcast_ref::<String>()) {
            (Some(text), _) => (*text).to_string(),
            (None, Some(text)) => text.clone(),
            (None, None) => info.to_string(),
        };
        web_sys::console::error_1(&JsValue::from_str(&format!("worker: {info}")));
        let id = CURRENT_JOB.with(Cell::get);
        if let Some(scope) = scope() {
            post(&scope, &Reply::Panic { id, message });
        }
    }

    pub fn main() {
        let Some(scope) = scope() else {
            web_sys::console::error_1(&JsValue::from_str("worker.rs: not running in a dedicated worker"));
            return;
        };
        std::panic::set_hook(Box::new(report_panic));
        let performance = scope.performance();
        let now_ms = move || performance.as_ref().map_or(0.0, |p| p.now());
        let reply_scope = scope.clone();
        let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
            let answer = match Request::from_js(&event.data()) {
                Ok(request) => {
                    CURRENT_JOB.with(|current| current.set(Some(request.id())));
                    let answer = respond(request, &now_ms);
                    CURRENT_JOB.with(|current| current.set(None));
                    answer
                }
                Err(error) => Answer::Post(error.into()),
            };
            match answer {
                Answer::Post(reply) => post(&reply_scope, &reply),
                Answer::Throw(message) => {
                    // Nothing of ours is borrowed or half-done here, and
                    // everything on the stack but the error is dropped
                    // first: the throw skips the frames' destructors.
                    let error = JsValue::from(js_sys::Error::new(&message));
                    drop(message);
                    drop(event);
                    wasm_bindgen::throw_val(error);
                }
            }
        });
        scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        // The handler serves every message for the worker's whole life: the
        // worker ends only when the page terminates it, so the closure is
        // never to be freed.
        on_message.forget();
        post(&scope, &Reply::Ready);
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {
    entry::main();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("the worker is a Web Worker entry: build it with `trunk build --release` (see index.html)");
}
