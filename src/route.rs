//! Which view the URL asks for: the whole page state lives in the query
//! string, so a view can be shared and bookmarked.
//!
//! `?scenario=NAME` opens a scenario; anything else shows the gallery.

/// A view of the page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    /// The gallery of every scenario.
    Gallery,
    /// One scenario, by name (which may not exist: the page says so).
    Scenario(String),
}

impl Route {
    /// The route of a URL's query string (`location.search`, with or without
    /// its leading `?`). An empty `scenario=` means the gallery.
    pub fn from_query(query: &str) -> Route {
        let query = query.strip_prefix('?').unwrap_or(query);
        let scenario = query
            .split('&')
            .filter_map(|pair| pair.split_once('=').or(Some((pair, ""))))
            .find(|(key, _)| percent_decode(key) == "scenario")
            .map(|(_, value)| percent_decode(value));
        match scenario {
            Some(name) if !name.is_empty() => Route::Scenario(name),
            _ => Route::Gallery,
        }
    }

    /// The query string for this route: `""` for the gallery (the page's
    /// plain URL), `"?scenario=NAME"` for a scenario.
    pub fn to_query(&self) -> String {
        match self {
            Route::Gallery => String::new(),
            Route::Scenario(name) => format!("?scenario={}", percent_encode(name)),
        }
    }
}

/// `application/x-www-form-urlencoded` decoding: `+` is a space, `%XX` a
/// byte; malformed escapes are kept as written, invalid UTF-8 replaced.
fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' => {
                let hex = bytes.get(i + 1..i + 3).and_then(|h| std::str::from_utf8(h).ok());
                match hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                    Some(byte) => {
                        out.push(byte);
                        i += 2;
                    }
                    None => out.push(b'%'),
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Escape everything but the characters scenario names use.
fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'_' | b'-' | b'.') {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_query_is_the_gallery() {
        assert_eq!(Route::from_query(""), Route::Gallery);
        assert_eq!(Route::from_query("?"), Route::Gallery);
        assert_eq!(Route::from_query("?scenario="), Route::Gallery);
        assert_eq!(Route::from_query("?other=1"), Route::Gallery);
    }

    #[test]
    fn scenario_is_read_among_other_keys() {
        let route = Route::Scenario("tasks_say_after_sequential".into());
        assert_eq!(Route::from_query("?scenario=tasks_say_after_sequential"), route);
        assert_eq!(Route::from_query("mode=paced&scenario=tasks_say_after_sequential&x"), route);
    }

    #[test]
    fn escapes_round_trip() {
        for name in ["tasks_say_after_sequential", "a b&c=d", "é%", ""] {
            let route = Route::Scenario(name.into());
            let expected = if name.is_empty() { Route::Gallery } else { route.clone() };
            assert_eq!(Route::from_query(&route.to_query()), expected, "{name:?}");
        }
        assert_eq!(Route::from_query("?scenario=a+b%2"), Route::Scenario("a b%2".into()));
        assert_eq!(Route::Gallery.to_query(), "");
    }
}
