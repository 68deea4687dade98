//! The page's state in the URL, so that a view can be shared and
//! bookmarked:
//!
//! ```text
//! ?scenario=NAME&mode=instant|paced|real&speed=X&PARAM=VALUE...&embed=1
//! ```
//!
//! Without `scenario` the page shows the gallery. [`PageUrl::parse`] checks
//! every value against the scenario's metadata: a bad one is replaced by its
//! default and reported in a [`PageUrl::notices`] line that names the
//! parameter and what it allows. [`PageUrl::to_query`] writes the query back,
//! leaving out what is at its default.

use asyncio_scenarios::meta::Meta;
use asyncio_scenarios::params::{parse_value, py_str_repr};

use crate::code::share;
use crate::code::starter::STARTER;
use crate::driver::{speed_text, Mode, DEFAULT_SPEED, MAX_SPEED, MIN_SPEED};

/// A view of the page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    /// The gallery of every scenario.
    Gallery,
    /// One scenario, by name (which may not exist: the page says so).
    Scenario(String),
    /// Your own program, carried by the fragment (`#code=`).
    Code,
}

impl Route {
    /// The route of a URL's query string (`location.search`, with or without
    /// its leading `?`). An empty `scenario=` means the gallery.
    pub fn from_query(query: &str) -> Route {
        match query_pairs(query).into_iter().find(|(key, _)| key == "scenario") {
            Some((_, name)) if !name.is_empty() => Route::Scenario(name),
            _ => Route::Gallery,
        }
    }

    /// The query string for this route alone: `""` for the gallery (the
    /// page's plain URL), `"?scenario=NAME"` for a scenario.
    pub fn to_query(&self) -> String {
        match self {
            Route::Gallery | Route::Code => String::new(),
            Route::Scenario(name) => format!("?scenario={}", percent_encode(name)),
        }
    }
}

/// The parts of a view an embed shows (`view=controls,output,timeline`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Panels {
    pub controls: bool,
    pub output: bool,
    pub timeline: bool,
    pub inspector: bool,
    pub code: bool,
    pub params: bool,
}

impl Panels {
    /// The names `view=` takes, in the order written back.
    pub const NAMES: [&'static str; 6] = ["controls", "output", "timeline", "inspector", "code", "params"];
    /// Every panel: the full page.
    pub const ALL: Panels =
        Panels { controls: true, output: true, timeline: true, inspector: true, code: true, params: true };
    /// An embed's view when `view=` is not given.
    pub const DEFAULT: Panels =
        Panels { controls: true, output: true, timeline: true, inspector: false, code: false, params: false };

    fn flag(&mut self, name: &str) -> Option<&mut bool> {
        Some(match name {
            "controls" => &mut self.controls,
            "output" => &mut self.output,
            "timeline" => &mut self.timeline,
            "inspector" => &mut self.inspector,
            "code" => &mut self.code,
            "params" => &mut self.params,
            _ => return None,
        })
    }

    /// `controls,output,...`: unknown names are an error naming them.
    pub fn parse(text: &str) -> Result<Panels, String> {
        let mut panels = Panels {
            controls: false,
            output: false,
            timeline: false,
            inspector: false,
            code: false,
            params: false,
        };
        for name in text.split(',').map(str::trim).filter(|n| !n.is_empty()) {
            match panels.flag(name) {
                Some(flag) => *flag = true,
                None => {
                    return Err(format!(
                        "view={} names {}, which is not one of {}",
                        py_str_repr(text),
                        py_str_repr(name),
                        Panels::NAMES.join(", ")
                    ))
                }
            }
        }
        if panels.text().is_empty() {
            return Err(format!("view={} names no part of the view", py_str_repr(text)));
        }
        Ok(panels)
    }

    /// The `view=` text of these panels.
    pub fn text(self) -> String {
        let mut me = self;
        Panels::NAMES
            .iter()
            .filter(|name| me.flag(name).is_some_and(|f| *f))
            .copied()
            .collect::<Vec<_>>()
            .join(",")
    }
}

/// The colour scheme (`theme=`): the OS's, or forced.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Theme {
    Auto,
    Light,
    Dark,
}

impl Theme {
    pub fn as_str(self) -> &'static str {
        match self {
            Theme::Auto => "auto",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    fn parse(text: &str) -> Option<Theme> {
        [Theme::Auto, Theme::Light, Theme::Dark].into_iter().find(|t| t.as_str() == text)
    }
}

/// How an embed shows its view: `view=`, `theme=`, `autorun=`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Look {
    pub panels: Panels,
    pub theme: Theme,
    /// Run as soon as the view is shown.
    pub autorun: bool,
}

impl Look {
    pub const DEFAULT: Look = Look { panels: Panels::DEFAULT, theme: Theme::Auto, autorun: false };
}

/// Everything a URL says, checked.
#[derive(Debug, Clone)]
pub struct PageUrl {
    pub route: Route,
    /// The scenario's metadata, when the route names a known one.
    pub meta: Option<&'static Meta>,
    pub mode: Mode,
    pub speed: f64,
    /// `?embed=1`: the compact layout for an iframe.
    pub embed: bool,
    /// Parameters given (and valid), as written: `(name, text)`.
    pub params: Vec<(&'static str, String)>,
    /// One sentence per value that was not valid and was replaced.
    pub notices: Vec<String>,
    /// The program the fragment carries (`#code=`), for [`Route::Code`] or
    /// a lesson whose program was edited.
    pub code: Option<String>,
    /// `view=`, `theme=`, `autorun=`.
    pub look: Look,
}

impl PageUrl {
    /// Read and check a query string (`location.search`).
    pub fn parse(query: &str) -> PageUrl {
        let route = Route::from_query(query);
        let meta = match &route {
            Route::Scenario(name) => asyncio_scenarios::find_meta(name),
            Route::Gallery | Route::Code => None,
        };
        let mut url = PageUrl {
            route,
            meta,
            mode: Mode::DEFAULT,
            speed: DEFAULT_SPEED,
            embed: false,
            params: Vec::new(),
            notices: Vec::new(),
            code: None,
            look: Look::DEFAULT,
        };
        for (key, value) in query_pairs(query) {
            match key.as_str() {
                "scenario" => {}
                "mode" => match Mode::parse(&value) {
                    Some(mode) => url.mode = mode,
                    None => {
                        let allowed: Vec<&str> = Mode::ALL.iter().map(|m| m.as_str()).collect();
                        url.notices.push(format!(
                            "mode={} is not one of {}: using {}.",
                            py_str_repr(&value),
                            allowed.join(", "),
                            Mode::DEFAULT.as_str()
                        ));
                    }
                },
                "speed" => match parse_speed(&value) {
                    Ok(speed) => url.speed = speed,
                    Err(message) => {
                        url.notices.push(format!("{message}: using speed={}.", speed_text(DEFAULT_SPEED)))
                    }
                },
                "view" => match Panels::parse(&value) {
                    Ok(panels) => url.look.panels = panels,
                    Err(message) => {
                        url.notices.push(format!("{message}: showing {}.", Panels::DEFAULT.text()))
                    }
                },
                "theme" => match Theme::parse(&value) {
                    Some(theme) => url.look.theme = theme,
                    None => url.notices.push(format!(
                        "theme={} is not one of auto, light, dark: following the system's.",
                        py_str_repr(&value)
                    )),
                },
                "autorun" => match value.as_str() {
                    "1" | "true" | "" => url.look.autorun = true,
                    "0" | "false" => url.look.autorun = false,
                    _ => url
                        .notices
                        .push(format!("autorun={} is not one of 0, 1: not running.", py_str_repr(&value))),
                },
                "embed" => match value.as_str() {
                    "1" | "true" | "" => url.embed = true,
                    "0" | "false" => url.embed = false,
                    _ => url.notices.push(format!(
                        "embed={} is not one of 0, 1: showing the full page.",
                        py_str_repr(&value)
                    )),
                },
                _ => {
                    if let Some(meta) = meta {
                        url.param(meta, &key, value);
                    }
                }
            }
        }
        url
    }

    /// Read the fragment (`location.hash`): a `#code=` program makes the
    /// gallery's address your own program's, and edits a lesson's. A link
    /// that cannot be read is said so, and opens the starter program (or the
    /// lesson's own).
    pub fn read_fragment(&mut self, hash: &str) {
        let Some(text) = share::fragment_code(hash) else { return };
        if self.route == Route::Gallery {
            self.route = Route::Code;
        }
        match share::decode(text) {
            Ok(source) => self.code = Some(source),
            Err(why) => {
                let instead = if self.route == Route::Code {
                    self.code = Some(STARTER.to_string());
                    "the starter program"
                } else {
                    "the lesson's own program"
                };
                self.notices
                    .push(format!("The link's program could not be read ({why}): showing {instead}."));
            }
        }
    }

    /// The fragment that carries `code`: `#code=...`.
    pub fn fragment(code: &str) -> String {
        format!("#code={}", share::encode(code))
    }

    /// Check `key=value` against `meta`'s parameters.
    fn param(&mut self, meta: &'static Meta, key: &str, value: String) {
        let Some(spec) = meta.params.iter().find(|s| s.name == key) else {
            let known: Vec<&str> = meta.params.iter().map(|s| s.name).collect();
            let known = if known.is_empty() { "none".to_string() } else { known.join(", ") };
            self.notices.push(format!(
                "{} has no parameter {} (its parameters: {known}): ignored.",
                meta.name,
                py_str_repr(key)
            ));
            return;
        };
        match parse_value(spec, &value) {
            Ok(_) => {
                self.params.retain(|(name, _)| *name != spec.name);
                self.params.push((spec.name, value));
            }
            Err(message) => self.notices.push(format!(
                "{message}: using the default, {}={}.",
                spec.name,
                spec.default_text()
            )),
        }
    }

    /// The query string of a page state: `scenario` first, then what is not
    /// at its default (`params`: the parameters to write, in order).
    pub fn to_query(route: &Route, mode: Mode, speed: f64, params: &[(&str, String)], embed: bool) -> String {
        PageUrl::to_query_with(route, mode, speed, params, embed, &Look::DEFAULT)
    }

    /// [`PageUrl::to_query`] with an embed's look (`view=`, `autorun=` in an
    /// embed's address; `theme=` in any).
    pub fn to_query_with(
        route: &Route,
        mode: Mode,
        speed: f64,
        params: &[(&str, String)],
        embed: bool,
        look: &Look,
    ) -> String {
        let mut pairs: Vec<(String, String)> = Vec::new();
        if let Route::Scenario(_) | Route::Code = route {
            if let Route::Scenario(name) = route {
                pairs.push(("scenario".into(), name.clone()));
            }
            if mode != Mode::DEFAULT {
                pairs.push(("mode".into(), mode.as_str().into()));
            }
            if speed != DEFAULT_SPEED {
                pairs.push(("speed".into(), speed_text(speed)));
            }
            for (name, text) in params {
                pairs.push((name.to_string(), text.clone()));
            }
        }
        if embed {
            pairs.push(("embed".into(), "1".into()));
            if look.panels != Panels::DEFAULT {
                pairs.push(("view".into(), look.panels.text()));
            }
            if look.autorun {
                pairs.push(("autorun".into(), "1".into()));
            }
        }
        if look.theme != Theme::Auto {
            pairs.push(("theme".into(), look.theme.as_str().into()));
        }
        if pairs.is_empty() {
            return String::new();
        }
        let joined: Vec<String> =
            pairs.iter().map(|(k, v)| format!("{}={}", percent_encode(k), percent_encode(v))).collect();
        format!("?{}", joined.join("&"))
    }
}

/// The origin of a URL (`https://host:port`), from its text; `None` for
/// one without a scheme and a host (an empty referrer).
pub fn origin_of(url: &str) -> Option<String> {
    let (scheme, rest) = url.split_once("://")?;
    let host = rest.split(['/', '?', '#']).next()?;
    (!scheme.is_empty() && !host.is_empty()).then(|| format!("{scheme}://{host}"))
}

/// A paced speed from the URL, in `[MIN_SPEED, MAX_SPEED]`.
pub fn parse_speed(text: &str) -> Result<f64, String> {
    let trimmed = text.trim().trim_end_matches(['x', '×']);
    match trimmed.parse::<f64>() {
        Ok(speed) if (MIN_SPEED..=MAX_SPEED).contains(&speed) => Ok(speed),
        Ok(_) => Err(format!(
            "speed={} is out of range [{}, {}]",
            py_str_repr(text),
            speed_text(MIN_SPEED),
            speed_text(MAX_SPEED)
        )),
        Err(_) => Err(format!("speed: expected a number, got {}", py_str_repr(text))),
    }
}

/// `key=value` pairs of a query string, decoded, in order.
fn query_pairs(query: &str) -> Vec<(String, String)> {
    let query = query.strip_prefix('?').unwrap_or(query);
    query
        .split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            (percent_decode(key), percent_decode(value))
        })
        .filter(|(key, _)| !key.is_empty())
        .collect()
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

/// Escape everything but the characters names and numbers use.
fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'_' | b'-' | b'.' | b',') {
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

    #[test]
    fn a_full_state_is_read() {
        let url = PageUrl::parse("?scenario=tasks_wait_timeout&mode=instant&speed=2.5&tasks=5&timeout=-1");
        assert_eq!(url.route, Route::Scenario("tasks_wait_timeout".into()));
        assert_eq!(url.meta.map(|m| m.name), Some("tasks_wait_timeout"));
        assert_eq!(url.mode, Mode::Instant);
        assert_eq!(url.speed, 2.5);
        assert!(!url.embed);
        assert_eq!(url.params, vec![("tasks", "5".to_string()), ("timeout", "-1".to_string())]);
        assert_eq!(url.notices, Vec::<String>::new());
        assert!(PageUrl::parse("?scenario=sync_event&embed=1").embed);
    }

    #[test]
    fn bad_values_are_reported_and_replaced() {
        let url = PageUrl::parse("?scenario=tasks_wait_timeout&tasks=999&mode=fast&speed=1000&nope=1");
        assert_eq!(url.mode, Mode::Paced);
        assert_eq!(url.speed, DEFAULT_SPEED);
        assert_eq!(url.params, vec![]);
        assert_eq!(
            url.notices,
            vec![
                "tasks=999 is out of range [1, 20]: using the default, tasks=3.".to_string(),
                "mode='fast' is not one of instant, paced, real: using paced.".to_string(),
                "speed='1000' is out of range [0.25, 100]: using speed=1.".to_string(),
                "tasks_wait_timeout has no parameter 'nope' (its parameters: delay, timeout, tasks): ignored."
                    .to_string(),
            ]
        );
        let url = PageUrl::parse("?scenario=tasks_wait_timeout&delay=abc");
        assert_eq!(url.notices, vec!["delay: expected float, got 'abc': using the default, delay=2.0."]);
        let url = PageUrl::parse("?scenario=tasks_wait_return_when&fail=D");
        assert_eq!(url.notices, vec!["fail='D' is not one of none, A, B, C: using the default, fail=none."]);
    }

    #[test]
    fn the_query_is_written_back() {
        let route = Route::Scenario("tasks_wait_timeout".into());
        assert_eq!(PageUrl::to_query(&route, Mode::Paced, 1.0, &[], false), "?scenario=tasks_wait_timeout");
        let query = PageUrl::to_query(
            &route,
            Mode::Instant,
            0.25,
            &[("tasks", "5".into()), ("timeout", "-1".into())],
            true,
        );
        assert_eq!(query, "?scenario=tasks_wait_timeout&mode=instant&speed=0.25&tasks=5&timeout=-1&embed=1");
        let url = PageUrl::parse(&query);
        assert_eq!((url.mode, url.speed, url.embed), (Mode::Instant, 0.25, true));
        assert_eq!(url.params.len(), 2);
        assert_eq!(PageUrl::to_query(&Route::Gallery, Mode::Real, 3.0, &[], false), "");
        // Text parameters survive any characters.
        let route = Route::Scenario("thread_redis_consumer".into());
        let query = PageUrl::to_query(&route, Mode::Paced, 1.0, &[("more", "7, 8&x=<b>".into())], false);
        assert_eq!(PageUrl::parse(&query).params, vec![("more", "7, 8&x=<b>".to_string())]);
    }

    #[test]
    fn a_code_fragment_opens_your_program_or_edits_a_lesson() {
        let mut url = PageUrl::parse("?mode=instant");
        url.read_fragment(&PageUrl::fragment("print('hi')\n"));
        assert_eq!((url.route.clone(), url.code.as_deref()), (Route::Code, Some("print('hi')\n")));
        assert_eq!(PageUrl::to_query(&url.route, url.mode, url.speed, &[], false), "?mode=instant");
        let mut url = PageUrl::parse("?scenario=sync_event");
        url.read_fragment("#code=cHJpbnQoMSk");
        assert_eq!(
            (url.route.clone(), url.code.as_deref()),
            (Route::Scenario("sync_event".into()), Some("print(1)"))
        );
        let mut url = PageUrl::parse("");
        url.read_fragment("#run");
        assert_eq!((url.route, url.code), (Route::Gallery, None));
    }

    #[test]
    fn an_embeds_look_is_read_checked_and_written_back() {
        let url = PageUrl::parse("?scenario=sync_event&embed=1&view=output,code&theme=dark&autorun=1");
        assert!(url.notices.is_empty(), "{:?}", url.notices);
        let look = url.look;
        assert_eq!(look.panels.text(), "output,code");
        assert_eq!((look.theme, look.autorun), (Theme::Dark, true));
        let query = PageUrl::to_query_with(&url.route, url.mode, url.speed, &[], true, &look);
        assert_eq!(query, "?scenario=sync_event&embed=1&view=output,code&autorun=1&theme=dark");
        // Outside an embed only the theme is kept.
        let query = PageUrl::to_query_with(&url.route, url.mode, url.speed, &[], false, &look);
        assert_eq!(query, "?scenario=sync_event&theme=dark");
        let url =
            PageUrl::parse("?scenario=sync_event&embed=1&view=output,sidebar&theme=purple&autorun=maybe");
        assert_eq!(url.look, Look::DEFAULT);
        assert_eq!(url.notices.len(), 3, "{:?}", url.notices);
        assert!(
            url.notices[0].contains("'sidebar', which is not one of controls, output"),
            "{:?}",
            url.notices
        );
        assert!(PageUrl::parse("?view=,").notices[0].contains("names no part"));
    }

    #[test]
    fn origins_are_read_from_urls() {
        assert_eq!(
            origin_of("https://blog.example:8443/post/1?x#y").as_deref(),
            Some("https://blog.example:8443")
        );
        assert_eq!(origin_of("http://127.0.0.1:5000").as_deref(), Some("http://127.0.0.1:5000"));
        assert_eq!(origin_of(""), None);
        assert_eq!(origin_of("about:blank"), None);
    }

    #[test]
    fn a_malformed_code_link_says_so_and_opens_the_starter() {
        let mut url = PageUrl::parse("");
        url.read_fragment("#code=%%%");
        assert_eq!(url.route, Route::Code);
        assert_eq!(url.code.as_deref(), Some(STARTER));
        assert_eq!(url.notices.len(), 1);
        assert!(
            url.notices[0].starts_with("The link's program could not be read ('%' at position 1"),
            "{:?}",
            url.notices
        );
        let mut url = PageUrl::parse("?scenario=sync_event");
        url.read_fragment("#code=_w");
        assert_eq!(url.code, None);
        assert!(url.notices[0].ends_with("showing the lesson's own program."), "{:?}", url.notices);
    }

    #[test]
    fn speeds_are_checked() {
        assert_eq!(parse_speed("100"), Ok(100.0));
        assert_eq!(parse_speed("0.25"), Ok(0.25));
        assert_eq!(parse_speed("3x"), Ok(3.0));
        assert!(parse_speed("0.1").is_err());
        assert!(parse_speed("fast").is_err());
        assert!(parse_speed("NaN").is_err());
    }
}
