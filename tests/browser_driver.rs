//! The page's run driver in headless Chromium: real timers and
//! `MessageChannel` ticks, pausing, and cancellation on drop.
//!
//! ```text
//! CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown -p asyncio-playground --test browser_driver
//! ```
#![cfg(target_arch = "wasm32")]

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use asyncio_playground::driver::{new_loop, now_ms, Driver, DriverState, Mode, Pacer};
use asyncio_scenarios::{find, parse_args, run_to_lines};
use gloo_timers::future::TimeoutFuture;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

/// A driver whose wakes come back to it, as the page's scheduler does, and
/// the number of wakes it handled.
struct Harness {
    driver: Rc<RefCell<Option<Driver>>>,
    wakes: Rc<Cell<u32>>,
    lines: Rc<RefCell<Vec<String>>>,
}

fn harness(name: &str, args: &[&str], mode: Mode, speed: f64) -> Harness {
    let scenario = find(name).expect("a known scenario");
    let params = parse_args(scenario.params(), args).expect("valid parameters");
    let driver: Rc<RefCell<Option<Driver>>> = Rc::new(RefCell::new(None));
    let wakes = Rc::new(Cell::new(0));
    let lines = Rc::new(RefCell::new(Vec::new()));
    let wake = {
        let driver = Rc::downgrade(&driver);
        let wakes = wakes.clone();
        let lines = lines.clone();
        Rc::new(move |token: u64| {
            let Some(driver) = driver.upgrade() else { return };
            let mut driver = driver.borrow_mut();
            let Some(driver) = driver.as_mut() else { return };
            if driver.on_wake(token).expect("the next wake is armed") {
                wakes.set(wakes.get() + 1);
                lines.borrow_mut().extend(driver.take_lines());
            }
        })
    };
    let (event_loop, clock) = new_loop(mode);
    let pacer = Pacer::start(&event_loop, scenario.main, params, mode);
    let run = Driver::new(pacer, clock, mode, speed, wake).expect("a driver");
    *driver.borrow_mut() = Some(run);
    Harness { driver, wakes, lines }
}

impl Harness {
    fn state(&self) -> Option<DriverState> {
        self.driver.borrow().as_ref().map(Driver::state)
    }
    fn play(&self) {
        self.driver.borrow_mut().as_mut().expect("a driver").play().expect("play");
    }
    /// Wait (yielding to the browser) until the run is finished.
    async fn finish(&self, limit_ms: f64) {
        let start = now_ms();
        while self.state() != Some(DriverState::Finished) {
            assert!(now_ms() - start < limit_ms, "the run did not finish within {limit_ms} ms");
            TimeoutFuture::new(5).await;
        }
    }
}

fn expected(name: &str, args: &[&str]) -> Vec<String> {
    let scenario = find(name).expect("a known scenario");
    run_to_lines(&scenario, parse_args(scenario.params(), args).expect("valid parameters"))
}

#[wasm_bindgen_test]
async fn instant_runs_in_ticks_to_the_same_trace() {
    let args = ["numbers=30", "limit=4"];
    let run = harness("sync_semaphore_fetch", &args, Mode::Instant, 1.0);
    run.play();
    run.finish(10_000.0).await;
    assert_eq!(*run.lines.borrow(), expected("sync_semaphore_fetch", &args));
    assert!(run.wakes.get() >= 1);
}

#[wasm_bindgen_test]
async fn paced_waits_take_real_time_at_the_speed() {
    // 0.3 + 0.3 virtual seconds at 2x: at least 300 ms of real time.
    let args = ["delay1=0.3", "delay2=0.3"];
    let run = harness("tasks_say_after_sequential", &args, Mode::Paced, 2.0);
    let start = now_ms();
    run.play();
    run.finish(5_000.0).await;
    let elapsed = now_ms() - start;
    assert!(elapsed >= 295.0, "the paced run took {elapsed} ms");
    assert_eq!(*run.lines.borrow(), expected("tasks_say_after_sequential", &args));
}

#[wasm_bindgen_test]
async fn a_paused_run_does_nothing_until_it_continues() {
    let args = ["delay1=0.05", "delay2=0.05"];
    let run = harness("tasks_say_after_sequential", &args, Mode::Paced, 1.0);
    run.play();
    run.driver.borrow_mut().as_mut().expect("a driver").pause();
    let wakes = run.wakes.get();
    // Long enough for both 50 ms deadlines to pass: nothing may happen.
    TimeoutFuture::new(200).await;
    assert_eq!(run.wakes.get(), wakes, "a paused run woke up");
    assert_eq!(run.state(), Some(DriverState::Paused));
    run.play();
    run.finish(5_000.0).await;
    assert_eq!(*run.lines.borrow(), expected("tasks_say_after_sequential", &args));
}

#[wasm_bindgen_test]
async fn dropping_a_driver_cancels_its_timer_and_tick() {
    for mode in [Mode::Instant, Mode::Paced, Mode::Real] {
        let run = harness("tasks_say_after_sequential", &["delay1=0.02", "delay2=0.02"], mode, 1.0);
        run.play();
        *run.driver.borrow_mut() = None;
        // Long enough for a tick and both 20 ms timers: none may arrive.
        TimeoutFuture::new(100).await;
        assert_eq!(run.wakes.get(), 0, "{mode:?}: a dropped run woke up");
    }
}

#[wasm_bindgen_test]
async fn real_mode_sleeps_in_real_time() {
    let args = ["delay1=0.1", "delay2=0.1"];
    let run = harness("tasks_say_after_sequential", &args, Mode::Real, 1.0);
    let start = now_ms();
    run.play();
    run.finish(5_000.0).await;
    assert!(now_ms() - start >= 195.0);
    // The same lines as the virtual run (their times are real, so close).
    let text = |line: &String| line.split_once("] ").map_or(line.clone(), |(_, t)| t.to_string());
    let texts: Vec<String> = run.lines.borrow().iter().map(text).collect();
    let virtual_texts: Vec<String> = expected("tasks_say_after_sequential", &args).iter().map(text).collect();
    assert_eq!(texts, virtual_texts);
}
