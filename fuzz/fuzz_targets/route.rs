//! The page's URL query parser on arbitrary query strings: never panics, and
//! the state it returns only holds valid values (a known mode, a speed in
//! range, parameters the scenario declares with values its parser accepts).
#![no_main]

use asyncio_playground::driver::{MAX_SPEED, MIN_SPEED};
use asyncio_playground::route::{PageUrl, Route};
use asyncio_scenarios::params::parse_value;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(query) = std::str::from_utf8(data) else { return };
    let route = Route::from_query(query);
    let _ = route.to_query();
    let url = PageUrl::parse(query);
    assert_eq!(url.route, route);
    assert!(url.speed.is_finite() && (MIN_SPEED..=MAX_SPEED).contains(&url.speed), "speed {}", url.speed);
    match url.meta {
        Some(meta) => {
            assert_eq!(url.route, Route::Scenario(meta.name.to_string()));
            for (name, text) in &url.params {
                let spec = meta.params.iter().find(|s| s.name == *name).expect("a declared parameter");
                assert!(parse_value(spec, text).is_ok(), "{name}={text:?}");
                assert_eq!(url.params.iter().filter(|(n, _)| n == name).count(), 1, "{name} twice");
            }
        }
        None => assert!(url.params.is_empty()),
    }
    // Writing the state back and reading it again gives the same state (the
    // gallery's URL keeps only `embed`: mode and speed belong to a scenario).
    let params: Vec<(&str, String)> = url.params.iter().map(|(n, v)| (*n, v.clone())).collect();
    let again = PageUrl::parse(&PageUrl::to_query(&url.route, url.mode, url.speed, &params, url.embed));
    assert_eq!(again.route, url.route);
    assert_eq!(again.embed, url.embed);
    assert!(again.notices.is_empty(), "{:?}", again.notices);
    if let Route::Scenario(_) = url.route {
        assert_eq!(again.mode, url.mode);
        assert_eq!(again.params, url.params);
    }
});
