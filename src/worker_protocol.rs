//! The messages between the page and its Web Workers, as typed enums.
//!
//! On the wire each message is a plain JS object with a `kind` field, built
//! and read with `js_sys::Reflect` (no serde, no JSON text):
//!
//! | message | object |
//! |---|---|
//! | [`Request::CountPrimes`] | `{kind: "count_primes", id, n}` |
//! | [`Request::Echo`] | `{kind: "echo", id, text}` |
//! | [`Reply::Ready`] | `{kind: "ready"}` |
//! | [`Reply::Result`] | `{kind: "result", id, value}` (`value` a number or a string) |
//! | [`Reply::Error`] | `{kind: "error", id, message}` (`id` is `null` when the request had none) |
//!
//! Ids and counts are `u32`, which cross as JS numbers (a `u64` would be a
//! BigInt). A worker posts `ready` once its wasm is running: messages posted
//! to a module worker before its `onmessage` handler exists are lost, so the
//! page waits for `ready` before sending requests.

use std::fmt;

/// A job the page asks a worker to run.
#[derive(Debug, Clone, PartialEq)]
pub enum Request {
    /// Count the primes below `n` ([`crate::jobs::count_primes`]).
    CountPrimes { id: u32, n: u32 },
    /// Send `text` back unchanged.
    Echo { id: u32, text: String },
}

impl Request {
    /// The id the reply will carry.
    pub fn id(&self) -> u32 {
        match self {
            Request::CountPrimes { id, .. } | Request::Echo { id, .. } => *id,
        }
    }
}

/// A worker's answer.
#[derive(Debug, Clone, PartialEq)]
pub enum Reply {
    /// The worker is initialised and listening.
    Ready,
    /// The job with this id finished with `value`.
    Result { id: u32, value: Value },
    /// A request could not be understood (or its job failed).
    Error { id: Option<u32>, message: String },
}

/// A job's result.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Number(f64),
    Text(String),
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

#[cfg(target_arch = "wasm32")]
mod js {
    //! Encoding to and decoding from plain JS objects.

    use js_sys::{Object, Reflect};
    use wasm_bindgen::JsValue;

    use super::{as_u32, ProtocolError, Reply, Request, Value};

    /// Set `key` on a fresh plain object.
    fn set(object: &Object, key: &str, value: &JsValue) {
        // `Reflect.set` can only fail on proxies, frozen objects or throwing
        // setters; `object` is always a fresh `{}` built here.
        let _ = Reflect::set(object, &JsValue::from_str(key), value);
    }

    fn get(object: &JsValue, key: &str) -> JsValue {
        // Callers check `is_object()` first, and `Reflect.get` only throws on
        // non-objects (or throwing getters, which plain messages lack).
        Reflect::get(object, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
    }

    fn object_with_kind(kind: &str) -> Object {
        let object = Object::new();
        set(&object, "kind", &JsValue::from_str(kind));
        object
    }

    fn error(id: Option<u32>, message: String) -> ProtocolError {
        ProtocolError { id, message }
    }

    /// The message's `kind`, and its `id` if it has a valid one.
    fn kind_and_id(message: &JsValue) -> Result<(String, Option<u32>), ProtocolError> {
        if !message.is_object() {
            return Err(error(None, format!("expected a message object, got {message:?}")));
        }
        let id = get(message, "id").as_f64().and_then(as_u32);
        match get(message, "kind").as_string() {
            Some(kind) => Ok((kind, id)),
            None => Err(error(id, "the message has no string field \"kind\"".to_string())),
        }
    }

    fn required_id(kind: &str, id: Option<u32>) -> Result<u32, ProtocolError> {
        id.ok_or_else(|| error(None, format!("{kind}: \"id\" must be an integer from 0 to {}", u32::MAX)))
    }

    fn required_u32(message: &JsValue, kind: &str, id: u32, key: &str) -> Result<u32, ProtocolError> {
        let value = get(message, key);
        value.as_f64().and_then(as_u32).ok_or_else(|| {
            error(
                Some(id),
                format!("{kind}: \"{key}\" must be an integer from 0 to {}, got {value:?}", u32::MAX),
            )
        })
    }

    fn required_string(message: &JsValue, kind: &str, id: u32, key: &str) -> Result<String, ProtocolError> {
        let value = get(message, key);
        value
            .as_string()
            .ok_or_else(|| error(Some(id), format!("{kind}: \"{key}\" must be a string, got {value:?}")))
    }

    impl Request {
        /// The plain object posted to a worker.
        pub fn to_js(&self) -> JsValue {
            let object = match self {
                Request::CountPrimes { id, n } => {
                    let object = object_with_kind("count_primes");
                    set(&object, "id", &JsValue::from(*id));
                    set(&object, "n", &JsValue::from(*n));
                    object
                }
                Request::Echo { id, text } => {
                    let object = object_with_kind("echo");
                    set(&object, "id", &JsValue::from(*id));
                    set(&object, "text", &JsValue::from_str(text));
                    object
                }
            };
            object.into()
        }

        /// Read a request received by a worker.
        ///
        /// # Errors
        /// A [`ProtocolError`] naming the bad or missing field, carrying the
        /// request's id when it had a valid one.
        pub fn from_js(message: &JsValue) -> Result<Request, ProtocolError> {
            let (kind, id) = kind_and_id(message)?;
            match kind.as_str() {
                "count_primes" => {
                    let id = required_id(&kind, id)?;
                    Ok(Request::CountPrimes { id, n: required_u32(message, &kind, id, "n")? })
                }
                "echo" => {
                    let id = required_id(&kind, id)?;
                    Ok(Request::Echo { id, text: required_string(message, &kind, id, "text")? })
                }
                other => Err(error(id, format!("unknown request kind {other:?}"))),
            }
        }
    }

    impl Reply {
        /// The plain object a worker posts back.
        pub fn to_js(&self) -> JsValue {
            let object = match self {
                Reply::Ready => object_with_kind("ready"),
                Reply::Result { id, value } => {
                    let object = object_with_kind("result");
                    set(&object, "id", &JsValue::from(*id));
                    let value = match value {
                        Value::Number(x) => JsValue::from_f64(*x),
                        Value::Text(text) => JsValue::from_str(text),
                    };
                    set(&object, "value", &value);
                    object
                }
                Reply::Error { id, message } => {
                    let object = object_with_kind("error");
                    set(&object, "id", &id.map_or(JsValue::NULL, JsValue::from));
                    set(&object, "message", &JsValue::from_str(message));
                    object
                }
            };
            object.into()
        }

        /// Read a reply received by the page.
        ///
        /// # Errors
        /// A [`ProtocolError`] naming the bad or missing field.
        pub fn from_js(message: &JsValue) -> Result<Reply, ProtocolError> {
            let (kind, id) = kind_and_id(message)?;
            match kind.as_str() {
                "ready" => Ok(Reply::Ready),
                "result" => {
                    let id = required_id(&kind, id)?;
                    let value = get(message, "value");
                    let value = match (value.as_f64(), value.as_string()) {
                        (Some(x), _) => Value::Number(x),
                        (None, Some(text)) => Value::Text(text),
                        (None, None) => {
                            return Err(error(
                                Some(id),
                                format!("result: \"value\" must be a number or a string, got {value:?}"),
                            ))
                        }
                    };
                    Ok(Reply::Result { id, value })
                }
                "error" => {
                    let message = get(message, "message").as_string().unwrap_or_default();
                    Ok(Reply::Error { id, message })
                }
                other => Err(error(id, format!("unknown reply kind {other:?}"))),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
