//! The messages between the page and its Web Workers, as typed enums.
//!
//! On the wire each message is a plain JS object with a `kind` field, built
//! and read with `js_sys::Reflect` (no serde, no JSON text):
//!
//! | message | object |
//! |---|---|
//! | [`Request::Job`] | `{kind: "job", id, job: {name, ...args}}` |
//! | [`Reply::Ready`] | `{kind: "ready"}` |
//! | [`Reply::Result`] | `{kind: "result", id, value}` (`value` a number, a string or `null` for `None`) |
//! | [`Reply::Failed`] | `{kind: "failed", id, message}` (the job rejected its arguments) |
//! | [`Reply::Panic`] | `{kind: "panic", id, message}` (posted by the worker's panic hook; `id` is `null` outside a job) |
//! | [`Reply::Error`] | `{kind: "error", id, message}` (a request it could not read; `id` is `null` when the request had none) |
//!
//! A job object names an [`asyncio_engine::jobs::Job`] and carries its
//! arguments: `{name: "busy_wait", ms}`, `{name: "count_primes", n}`,
//! `{name: "fib", n}`, `{name: "hash_rounds", rounds, seed}`,
//! `{name: "echo", text}`, `{name: "crash", message}`,
//! `{name: "throw", message}`.
//!
//! Ids and counts are `u32`, which cross as JS numbers (a `u64` would be a
//! BigInt). A worker posts `ready` once its wasm is running: messages posted
//! to a module worker before its `onmessage` handler exists are lost, so the
//! page waits for `ready` before sending requests.
//!
//! The encoding and decoding work on [`Wire`], a plain-data copy of a JS
//! message, so they are tested on the host; on wasm, [`Wire::to_js`] and
//! [`Wire::from_js`] convert it to and from the JS object.

use std::fmt;

use asyncio_engine::jobs::{Job, JobValue};

/// A message as plain data: the part of a JS value the protocol reads.
#[derive(Debug, Clone, PartialEq)]
pub enum Wire {
    /// `null`.
    Null,
    /// `undefined`, which is also what a missing field reads as.
    Undefined,
    Number(f64),
    Text(String),
    /// A plain object's own fields, in order.
    Object(Vec<(String, Wire)>),
    /// Any other value (a boolean, an array, a function, an object nested
    /// too deeply), by its description.
    Other(String),
}

/// What a missing field reads as.
static UNDEFINED: Wire = Wire::Undefined;

impl Wire {
    /// An object from `(key, value)` pairs.
    pub fn object<const N: usize>(pairs: [(&str, Wire); N]) -> Wire {
        Wire::Object(pairs.into_iter().map(|(key, value)| (key.to_string(), value)).collect())
    }

    /// The field `key` of an object (the first one, should it repeat);
    /// `undefined` when it is missing or this is not an object.
    pub fn get(&self, key: &str) -> &Wire {
        match self {
            Wire::Object(fields) => fields.iter().find(|(k, _)| k == key).map_or(&UNDEFINED, |(_, v)| v),
            _ => &UNDEFINED,
        }
    }

    fn as_f64(&self) -> Option<f64> {
        match self {
            Wire::Number(x) => Some(*x),
            _ => None,
        }
    }

    fn as_str(&self) -> Option<&str> {
        match self {
            Wire::Text(text) => Some(text),
            _ => None,
        }
    }
}

impl fmt::Display for Wire {
    /// The value as an error message quotes it: `1.5`, `"text"`, `null`,
    /// `an object`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Wire::Null => f.write_str("null"),
            Wire::Undefined => f.write_str("nothing"),
            Wire::Number(x) => write!(f, "{x}"),
            Wire::Text(text) => write!(f, "{text:?}"),
            Wire::Object(_) => f.write_str("an object"),
            Wire::Other(description) => f.write_str(description),
        }
    }
}

/// What the page asks a worker to do.
#[derive(Debug, Clone, PartialEq)]
pub enum Request {
    /// Run `job`; the reply carries `id`.
    Job { id: u32, job: Job },
}

impl Request {
    /// The id the reply will carry.
    pub fn id(&self) -> u32 {
        match self {
            Request::Job { id, .. } => *id,
        }
    }
}

/// A worker's answer.
#[derive(Debug, Clone, PartialEq)]
pub enum Reply {
    /// The worker is initialised and listening.
    Ready,
    /// The job with this id returned `value`.
    Result { id: u32, value: JobValue },
    /// The job with this id rejected its arguments (the message says why);
    /// the worker is fine.
    Failed { id: u32, message: String },
    /// The job with this id (if any was running) panicked with `message`;
    /// the worker's wasm is gone, and an `error` event follows.
    Panic { id: Option<u32>, message: String },
    /// A request could not be understood.
    Error { id: Option<u32>, message: String },
}

/// A message that is not one of the protocol's, with the request id when it
/// could be read.
#[derive(Debug, Clone, PartialEq)]
pub struct ProtocolError {
    pub id: Option<u32>,
    pub message: String,
}

impl fmt::Display for ProtocolError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for ProtocolError {}

impl From<ProtocolError> for Reply {
    fn from(error: ProtocolError) -> Reply {
        Reply::Error { id: error.id, message: error.message }
    }
}

/// `x` as a `u32` when it is a whole number in range.
pub fn as_u32(x: f64) -> Option<u32> {
    (x.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(&x)).then_some(x as u32)
}

fn error(id: Option<u32>, message: String) -> ProtocolError {
    ProtocolError { id, message }
}

/// The message's `kind`, and its `id` if it has a valid one.
fn kind_and_id(message: &Wire) -> Result<(&str, Option<u32>), ProtocolError> {
    if !matches!(message, Wire::Object(_)) {
        return Err(error(None, format!("expected a message object, got {message}")));
    }
    let id = message.get("id").as_f64().and_then(as_u32);
    match message.get("kind").as_str() {
        Some(kind) => Ok((kind, id)),
        None => Err(error(id, "the message has no string field \"kind\"".to_string())),
    }
}

fn required_id(kind: &str, id: Option<u32>) -> Result<u32, ProtocolError> {
    id.ok_or_else(|| error(None, format!("{kind}: \"id\" must be an integer from 0 to {}", u32::MAX)))
}

fn required_u32(object: &Wire, what: &str, id: u32, key: &str) -> Result<u32, ProtocolError> {
    let value = object.get(key);
    value.as_f64().and_then(as_u32).ok_or_else(|| {
        error(Some(id), format!("{what}: \"{key}\" must be an integer from 0 to {}, got {value}", u32::MAX))
    })
}

fn required_number(object: &Wire, what: &str, id: u32, key: &str) -> Result<f64, ProtocolError> {
    let value = object.get(key);
    value.as_f64().ok_or_else(|| error(Some(id), format!("{what}: \"{key}\" must be a number, got {value}")))
}

fn required_string(object: &Wire, what: &str, id: Option<u32>, key: &str) -> Result<String, ProtocolError> {
    let value = object.get(key);
    value
        .as_str()
        .map(str::to_string)
        .ok_or_else(|| error(id, format!("{what}: \"{key}\" must be a string, got {value}")))
}

/// A job as its wire object.
pub fn job_to_wire(job: &Job) -> Wire {
    let name = |name: &str| ("name", Wire::Text(name.to_string()));
    let number = |x: u32| Wire::Number(f64::from(x));
    match job {
        Job::BusyWait { ms } => Wire::object([name("busy_wait"), ("ms", Wire::Number(*ms))]),
        Job::CountPrimes { n } => Wire::object([name("count_primes"), ("n", number(*n))]),
        Job::Fib { n } => Wire::object([name("fib"), ("n", number(*n))]),
        Job::HashRounds { rounds, seed } => {
            Wire::object([name("hash_rounds"), ("rounds", number(*rounds)), ("seed", number(*seed))])
        }
        Job::Echo { text } => Wire::object([name("echo"), ("text", Wire::Text(text.clone()))]),
        Job::Crash { message } => Wire::object([name("crash"), ("message", Wire::Text(message.clone()))]),
        Job::Throw { message } => Wire::object([name("throw"), ("message", Wire::Text(message.clone()))]),
    }
}

/// Read the job object of the request with this `id`. Arguments are only
/// type-checked here: their ranges are the job's to check
/// ([`Job::validate`]), so a job out of range is a [`Reply::Failed`], not a
/// protocol error.
///
/// # Errors
/// A [`ProtocolError`] naming the bad or missing field.
pub fn job_from_wire(object: &Wire, id: u32) -> Result<Job, ProtocolError> {
    if !matches!(object, Wire::Object(_)) {
        return Err(error(Some(id), format!("job: \"job\" must be an object, got {object}")));
    }
    let name = required_string(object, "job", Some(id), "name")?;
    let what = format!("job {name}");
    let text = |key: &str| required_string(object, &what, Some(id), key);
    Ok(match name.as_str() {
        "busy_wait" => Job::BusyWait { ms: required_number(object, &what, id, "ms")? },
        "count_primes" => Job::CountPrimes { n: required_u32(object, &what, id, "n")? },
        "fib" => Job::Fib { n: required_u32(object, &what, id, "n")? },
        "hash_rounds" => Job::HashRounds {
            rounds: required_u32(object, &what, id, "rounds")?,
            seed: required_u32(object, &what, id, "seed")?,
        },
        "echo" => Job::Echo { text: text("text")? },
        "crash" => Job::Crash { message: text("message")? },
        "throw" => Job::Throw { message: text("message")? },
        other => return Err(error(Some(id), format!("unknown job {other:?}"))),
    })
}

fn kind(kind: &str) -> (&'static str, Wire) {
    ("kind", Wire::Text(kind.to_string()))
}

fn id_field(id: Option<u32>) -> (&'static str, Wire) {
    ("id", id.map_or(Wire::Null, |id| Wire::Number(f64::from(id))))
}

impl Request {
    /// The request as plain data.
    pub fn to_wire(&self) -> Wire {
        match self {
            Request::Job { id, job } => {
                Wire::object([kind("job"), id_field(Some(*id)), ("job", job_to_wire(job))])
            }
        }
    }

    /// Read a request received by a worker.
    ///
    /// # Errors
    /// A [`ProtocolError`] naming the bad or missing field, carrying the
    /// request's id when it had a valid one.
    pub fn from_wire(message: &Wire) -> Result<Request, ProtocolError> {
        let (kind, id) = kind_and_id(message)?;
        match kind {
            "job" => {
                let id = required_id(kind, id)?;
                Ok(Request::Job { id, job: job_from_wire(message.get("job"), id)? })
            }
            other => Err(error(id, format!("unknown request kind {other:?}"))),
        }
    }
}

impl Reply {
    /// The reply as plain data.
    pub fn to_wire(&self) -> Wire {
        let text = |message: &str| ("message", Wire::Text(message.to_string()));
        match self {
            Reply::Ready => Wire::object([kind("ready")]),
            Reply::Result { id, value } => {
                let value = match value {
                    JobValue::None => Wire::Null,
                    JobValue::Number(x) => Wire::Number(*x),
                    JobValue::Text(text) => Wire::Text(text.clone()),
                };
                Wire::object([kind("result"), id_field(Some(*id)), ("value", value)])
            }
            Reply::Failed { id, message } => {
                Wire::object([kind("failed"), id_field(Some(*id)), text(message)])
            }
            Reply::Panic { id, message } => Wire::object([kind("panic"), id_field(*id), text(message)]),
            Reply::Error { id, message } => Wire::object([kind("error"), id_field(*id), text(message)]),
        }
    }

    /// Read a reply received by the page.
    ///
    /// # Errors
    /// A [`ProtocolError`] naming the bad or missing field.
    pub fn from_wire(message: &Wire) -> Result<Reply, ProtocolError> {
        let (kind, id) = kind_and_id(message)?;
        match kind {
            "ready" => Ok(Reply::Ready),
            "result" => {
                let id = required_id(kind, id)?;
                let value = match message.get("value") {
                    Wire::Null => JobValue::None,
                    Wire::Number(x) => JobValue::Number(*x),
                    Wire::Text(text) => JobValue::Text(text.clone()),
                    other => {
                        return Err(error(
                            Some(id),
                            format!("result: \"value\" must be a number, a string or null, got {other}"),
                        ))
                    }
                };
                Ok(Reply::Result { id, value })
            }
            "failed" => {
                let id = required_id(kind, id)?;
                Ok(Reply::Failed { id, message: required_string(message, kind, Some(id), "message")? })
            }
            "panic" => Ok(Reply::Panic { id, message: required_string(message, kind, id, "message")? }),
            "error" => Ok(Reply::Error { id, message: required_string(message, kind, id, "message")? }),
            other => Err(error(id, format!("unknown reply kind {other:?}"))),
        }
    }
}

#[cfg(target_arch = "wasm32")]
mod js {
    //! Converting [`Wire`] to and from plain JS objects.

    use js_sys::{Array, Object, Reflect};
    use wasm_bindgen::{JsCast, JsValue};

    use super::{ProtocolError, Reply, Request, Wire};

    /// How deep [`Wire::from_js`] follows nested objects (a request is two
    /// levels deep); anything deeper reads as [`Wire::Other`].
    const MAX_DEPTH: usize = 3;
    /// How many fields of one object [`Wire::from_js`] reads at most.
    const MAX_FIELDS: u32 = 32;

    impl Wire {
        /// The JS value: a fresh plain object for [`Wire::Object`].
        pub fn to_js(&self) -> JsValue {
            match self {
                Wire::Null => JsValue::NULL,
                Wire::Undefined => JsValue::UNDEFINED,
                Wire::Number(x) => JsValue::from_f64(*x),
                Wire::Text(text) | Wire::Other(text) => JsValue::from_str(text),
                Wire::Object(fields) => {
                    let object = Object::new();
                    for (key, value) in fields {
                        // `Reflect.set` can only fail on proxies, frozen
                        // objects or throwing setters; `object` is a fresh
                        // `{}` built here.
                        let _ = Reflect::set(&object, &JsValue::from_str(key), &value.to_js());
                    }
                    object.into()
                }
            }
        }

        /// Read a JS value (a structured-cloned message) as plain data.
        pub fn from_js(value: &JsValue) -> Wire {
            read(value, 0)
        }
    }

    fn read(value: &JsValue, depth: usize) -> Wire {
        if value.is_null() {
            return Wire::Null;
        }
        if value.is_undefined() {
            return Wire::Undefined;
        }
        if let Some(x) = value.as_f64() {
            return Wire::Number(x);
        }
        if let Some(text) = value.as_string() {
            return Wire::Text(text);
        }
        if !value.is_object() || value.is_function() || Array::is_array(value) || depth >= MAX_DEPTH {
            return Wire::Other(format!("{value:?}"));
        }
        let object: &Object = value.unchecked_ref();
        let keys = Object::keys(object);
        if keys.length() > MAX_FIELDS {
            return Wire::Other(format!("an object with {} fields", keys.length()));
        }
        let fields = keys
            .iter()
            .filter_map(|key| {
                let name = key.as_string()?;
                // Messages are structured clones: plain data, no getters
                // that could throw.
                let field = Reflect::get(object, &key).unwrap_or(JsValue::UNDEFINED);
                Some((name, read(&field, depth + 1)))
            })
            .collect();
        Wire::Object(fields)
    }

    impl Request {
        /// The plain object posted to a worker.
        pub fn to_js(&self) -> JsValue {
            self.to_wire().to_js()
        }

        /// Read a request received by a worker.
        ///
        /// # Errors
        /// A [`ProtocolError`] naming the bad or missing field, carrying the
        /// request's id when it had a valid one.
        pub fn from_js(message: &JsValue) -> Result<Request, ProtocolError> {
            Request::from_wire(&Wire::from_js(message))
        }
    }

    impl Reply {
        /// The plain object a worker posts back.
        pub fn to_js(&self) -> JsValue {
            self.to_wire().to_js()
        }

        /// Read a reply received by the page.
        ///
        /// # Errors
        /// A [`ProtocolError`] naming the bad or missing field.
        pub fn from_js(message: &JsValue) -> Result<Reply, ProtocolError> {
            Reply::from_wire(&Wire::from_js(message))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all_jobs() -> Vec<Job> {
        vec![
            Job::BusyWait { ms: 12.5 },
            Job::CountPrimes { n: u32::MAX },
            Job::Fib { n: 30 },
            Job::HashRounds { rounds: 1000, seed: 7 },
            Job::Echo { text: "héllo, 世界".into() },
            Job::Echo { text: String::new() },
            Job::Crash { message: "boom".into() },
            Job::Throw { message: "nope".into() },
        ]
    }

    #[test]
    fn as_u32_accepts_only_whole_numbers_in_range() {
        assert_eq!(as_u32(0.0), Some(0));
        assert_eq!(as_u32(10_000.0), Some(10_000));
        assert_eq!(as_u32(4_294_967_295.0), Some(u32::MAX));
        assert_eq!(as_u32(4_294_967_296.0), None);
        assert_eq!(as_u32(-1.0), None);
        assert_eq!(as_u32(1.5), None);
        assert_eq!(as_u32(f64::NAN), None);
        assert_eq!(as_u32(f64::INFINITY), None);
    }

    #[test]
    fn protocol_error_becomes_an_error_reply() {
        let reply: Reply = ProtocolError { id: Some(3), message: "bad".into() }.into();
        assert_eq!(reply, Reply::Error { id: Some(3), message: "bad".into() });
    }

    #[test]
    fn every_job_round_trips() {
        for (id, job) in all_jobs().into_iter().enumerate() {
            let request = Request::Job { id: id as u32, job };
            assert_eq!(Request::from_wire(&request.to_wire()), Ok(request));
        }
    }

    #[test]
    fn a_request_has_the_documented_shape() {
        let wire = Request::Job { id: 4, job: Job::HashRounds { rounds: 10, seed: 2 } }.to_wire();
        assert_eq!(
            wire,
            Wire::object([
                ("kind", Wire::Text("job".into())),
                ("id", Wire::Number(4.0)),
                (
                    "job",
                    Wire::object([
                        ("name", Wire::Text("hash_rounds".into())),
                        ("rounds", Wire::Number(10.0)),
                        ("seed", Wire::Number(2.0)),
                    ])
                ),
            ])
        );
        assert_eq!(Request::Job { id: 9, job: Job::Echo { text: "x".into() } }.id(), 9);
    }

    #[test]
    fn every_reply_round_trips() {
        for reply in [
            Reply::Ready,
            Reply::Result { id: 1, value: JobValue::None },
            Reply::Result { id: 4, value: JobValue::Number(0.5) },
            Reply::Result { id: 5, value: JobValue::Text("x".into()) },
            Reply::Failed { id: 6, message: "fib: n must be from 0 to 50, got 51".into() },
            Reply::Panic { id: Some(7), message: "boom".into() },
            Reply::Panic { id: None, message: "early".into() },
            Reply::Error { id: None, message: "bad".into() },
            Reply::Error { id: Some(8), message: "worse".into() },
        ] {
            assert_eq!(Reply::from_wire(&reply.to_wire()), Ok(reply));
        }
        // None crosses as null.
        assert_eq!(Reply::Result { id: 1, value: JobValue::None }.to_wire().get("value"), &Wire::Null);
    }

    #[test]
    fn malformed_requests_are_errors_carrying_the_id_when_readable() {
        let job = |pairs: Vec<(&str, Wire)>| {
            Wire::Object(pairs.into_iter().map(|(k, v)| (k.to_string(), v)).collect())
        };
        let request = |id: Wire, job: Wire| {
            Wire::object([("kind", Wire::Text("job".into())), ("id", id), ("job", job)])
        };
        let name = |n: &str| ("name", Wire::Text(n.into()));
        let cases: Vec<(Wire, Option<u32>, &str)> = vec![
            (Wire::Text("job".into()), None, "expected a message object, got \"job\""),
            (Wire::object([("id", Wire::Number(1.0))]), Some(1), "no string field \"kind\""),
            (
                Wire::object([("kind", Wire::Text("nope".into())), ("id", Wire::Number(2.0))]),
                Some(2),
                "unknown request kind \"nope\"",
            ),
            (
                request(Wire::Undefined, job(vec![name("fib"), ("n", Wire::Number(3.0))])),
                None,
                "\"id\" must be",
            ),
            (
                request(Wire::Number(-1.0), job(vec![name("fib"), ("n", Wire::Number(3.0))])),
                None,
                "\"id\" must be",
            ),
            (request(Wire::Number(3.0), Wire::Null), Some(3), "\"job\" must be an object, got null"),
            (request(Wire::Number(3.0), job(vec![])), Some(3), "\"name\" must be a string, got nothing"),
            (request(Wire::Number(3.0), job(vec![name("sleep")])), Some(3), "unknown job \"sleep\""),
            (
                request(Wire::Number(4.0), job(vec![name("count_primes"), ("n", Wire::Number(1.5))])),
                Some(4),
                "job count_primes: \"n\" must be an integer from 0 to 4294967295, got 1.5",
            ),
            (
                request(Wire::Number(5.0), job(vec![name("hash_rounds"), ("rounds", Wire::Number(1.0))])),
                Some(5),
                "\"seed\" must be an integer",
            ),
            (
                request(Wire::Number(6.0), job(vec![name("echo"), ("text", Wire::Number(7.0))])),
                Some(6),
                "job echo: \"text\" must be a string, got 7",
            ),
            (
                request(Wire::Number(7.0), job(vec![name("busy_wait"), ("ms", Wire::Text("1".into()))])),
                Some(7),
                "job busy_wait: \"ms\" must be a number, got \"1\"",
            ),
            (
                request(Wire::Number(8.0), job(vec![name("crash"), ("message", Wire::Other("true".into()))])),
                Some(8),
                "\"message\" must be a string, got true",
            ),
        ];
        for (message, id, text) in cases {
            match Request::from_wire(&message) {
                Err(error) => {
                    assert_eq!(error.id, id, "{message:?}: {error}");
                    assert!(error.message.contains(text), "{message:?}: {error} lacks {text:?}");
                }
                Ok(request) => panic!("{message:?} was accepted as {request:?}"),
            }
        }
    }

    #[test]
    fn out_of_range_arguments_decode_and_are_left_to_the_job() {
        let message = Wire::object([
            ("kind", Wire::Text("job".into())),
            ("id", Wire::Number(1.0)),
            ("job", Wire::object([("name", Wire::Text("busy_wait".into())), ("ms", Wire::Number(-5.0))])),
        ]);
        assert_eq!(Request::from_wire(&message), Ok(Request::Job { id: 1, job: Job::BusyWait { ms: -5.0 } }));
    }

    #[test]
    fn malformed_replies_are_errors() {
        let cases = [
            Wire::Null,
            Wire::object([("kind", Wire::Text("result".into()))]),
            Wire::object([("kind", Wire::Text("result".into())), ("id", Wire::Number(1.0))]),
            Wire::object([
                ("kind", Wire::Text("result".into())),
                ("id", Wire::Number(1.0)),
                ("value", Wire::Other("true".into())),
            ]),
            Wire::object([("kind", Wire::Text("failed".into())), ("id", Wire::Number(1.0))]),
            Wire::object([("kind", Wire::Text("panic".into())), ("id", Wire::Null)]),
            Wire::object([("kind", Wire::Text("done".into()))]),
        ];
        for message in cases {
            assert!(Reply::from_wire(&message).is_err(), "{message:?} was accepted");
        }
    }

    #[test]
    fn wire_fields_read_as_undefined_when_missing() {
        let object = Wire::object([("a", Wire::Number(1.0)), ("a", Wire::Number(2.0))]);
        assert_eq!(object.get("a"), &Wire::Number(1.0));
        assert_eq!(object.get("b"), &Wire::Undefined);
        assert_eq!(Wire::Number(1.0).get("a"), &Wire::Undefined);
        assert_eq!(Wire::Object(vec![]).to_string(), "an object");
    }
}
