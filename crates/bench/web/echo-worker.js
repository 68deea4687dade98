// The latency peer of crates/bench/web/pool.mjs: a trivial JavaScript worker that posts every
// message straight back (no wasm, no protocol).
onmessage = (event) => postMessage(event.data);
