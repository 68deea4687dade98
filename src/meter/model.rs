//! [`FrameStats`]: the durations of the last frames, from the timestamps of
//! `requestAnimationFrame` callbacks, and what the meter shows of them.
//!
//! Pure arithmetic (no web-sys), tested on the host. A frame's duration is
//! the gap between two consecutive timestamps; the first timestamp after a
//! start, a [`FrameStats::pause`] or a [`FrameStats::reset`] only sets the
//! origin, so time while the meter was stopped (or the page hidden) never
//! counts as a frame.

use std::collections::VecDeque;

/// A frame longer than this (in ms) is a stall: the page visibly froze.
pub const STALL_MS: f64 = 50.0;

/// One frame at 60 Hz, in ms: the budget a smooth page keeps to.
pub const FRAME_BUDGET_MS: f64 = 1000.0 / 60.0;

/// The heights the meter's y axis snaps to, in ms: the smallest one that
/// holds the longest recent frame. Normal frames stay tall on the 50 ms
/// scale, and a one-second stall still fits on the 1000 ms one.
pub const SCALES_MS: [f64; 6] = [50.0, 100.0, 250.0, 500.0, 1000.0, 2000.0];

/// How the meter labels the top of each of [`SCALES_MS`].
const SCALE_LABELS: [&str; 6] = ["50 ms", "100 ms", "250 ms", "500 ms", "1 s", "2 s"];

/// How many frames the meter keeps by default: five seconds at 60 Hz.
pub const DEFAULT_CAPACITY: usize = 300;

/// One measured frame.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Frame {
    /// The timestamp that ended the frame (the `requestAnimationFrame`
    /// time, ms since the page's time origin).
    pub at_ms: f64,
    /// The gap since the previous timestamp, in ms.
    pub duration_ms: f64,
}

/// A frame as the meter draws it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bar {
    /// The frame's duration, in ms.
    pub duration_ms: f64,
    /// The bar's height as a share of the plot, in `0.0..=1.0` (a frame
    /// longer than the largest scale is cut at the top).
    pub height: f64,
    /// Whether the frame is a stall (longer than [`STALL_MS`]): drawn in
    /// the warning colour.
    pub stall: bool,
}

/// Frame durations: a ring of the last frames, and totals since the last
/// [`reset`](FrameStats::reset).
#[derive(Debug, Clone)]
pub struct FrameStats {
    capacity: usize,
    /// Oldest first; never longer than `capacity`, so once full it never
    /// allocates again.
    ring: VecDeque<Frame>,
    /// The previous timestamp; `None` after a start, a pause or a reset.
    origin: Option<f64>,
    longest: f64,
    stalls: u64,
    frames: u64,
}

impl Default for FrameStats {
    fn default() -> FrameStats {
        FrameStats::new(DEFAULT_CAPACITY)
    }
}

impl FrameStats {
    /// Stats that keep the last `capacity` frames (at least one).
    pub fn new(capacity: usize) -> FrameStats {
        let capacity = capacity.max(1);
        FrameStats {
            capacity,
            ring: VecDeque::with_capacity(capacity),
            origin: None,
            longest: 0.0,
            stalls: 0,
            frames: 0,
        }
    }

    /// How many frames the ring keeps.
    pub fn capacity(&self) -> usize {
        self.capacity
    }

    /// Take the timestamp of an animation frame, `now_ms`. Returns the frame
    /// it ends, or `None` when it only sets the origin: the first timestamp
    /// after a start, a pause or a reset, one that is not finite, one that
    /// goes back in time (which restarts from it) and one equal to the
    /// previous (the same frame twice).
    pub fn record(&mut self, now_ms: f64) -> Option<Frame> {
        if !now_ms.is_finite() {
            return None;
        }
        let Some(origin) = self.origin else {
            self.origin = Some(now_ms);
            return None;
        };
        if now_ms <= origin {
            if now_ms < origin {
                self.origin = Some(now_ms);
            }
            return None;
        }
        self.origin = Some(now_ms);
        let frame = Frame { at_ms: now_ms, duration_ms: now_ms - origin };
        if self.ring.len() == self.capacity {
            self.ring.pop_front();
        }
        self.ring.push_back(frame);
        self.frames += 1;
        self.longest = self.longest.max(frame.duration_ms);
        if frame.duration_ms > STALL_MS {
            self.stalls += 1;
        }
        Some(frame)
    }

    /// Start measuring from `now_ms` (the clock of the frame timestamps):
    /// the next frame's duration counts from then. A start right before the
    /// page's thread blocks (a run's first slice) thus measures the block;
    /// the time before, while the meter was stopped, is not a frame.
    pub fn start_at(&mut self, now_ms: f64) {
        self.origin = now_ms.is_finite().then_some(now_ms);
    }

    /// Forget the previous timestamp: the next [`record`](Self::record) only
    /// sets the origin, so the time until then is not a frame. The meter
    /// calls it when it starts or stops, and when the page is hidden.
    pub fn pause(&mut self) {
        self.origin = None;
    }

    /// Forget every frame and total (and the origin).
    pub fn reset(&mut self) {
        self.ring.clear();
        self.origin = None;
        self.longest = 0.0;
        self.stalls = 0;
        self.frames = 0;
    }

    /// The frames in the ring, oldest first.
    pub fn frames(&self) -> impl DoubleEndedIterator<Item = &Frame> + ExactSizeIterator {
        self.ring.iter()
    }

    /// How many frames were measured since the last reset.
    pub fn frame_count(&self) -> u64 {
        self.frames
    }

    /// The newest frame's duration, in ms.
    pub fn last(&self) -> Option<f64> {
        self.ring.back().map(|frame| frame.duration_ms)
    }

    /// The longest frame since the last reset, in ms (0 before any frame).
    pub fn longest(&self) -> f64 {
        self.longest
    }

    /// The longest frame in the ring, in ms (0 when it is empty).
    pub fn longest_recent(&self) -> f64 {
        self.ring.iter().map(|frame| frame.duration_ms).fold(0.0, f64::max)
    }

    /// The median frame of the ring, in ms (the mean of the middle two for
    /// an even count); `None` when it is empty. Sorts a copy of the ring,
    /// so the meter calls it only when it writes its text.
    pub fn median(&self) -> Option<f64> {
        if self.ring.is_empty() {
            return None;
        }
        let mut durations: Vec<f64> = self.ring.iter().map(|frame| frame.duration_ms).collect();
        durations.sort_unstable_by(f64::total_cmp);
        let middle = durations.len() / 2;
        Some(if durations.len() % 2 == 1 {
            durations[middle]
        } else {
            (durations[middle - 1] + durations[middle]) / 2.0
        })
    }

    /// How many frames since the last reset were stalls (longer than
    /// [`STALL_MS`]).
    pub fn stalls(&self) -> u64 {
        self.stalls
    }

    /// The height of the meter's y axis, in ms: the smallest of
    /// [`SCALES_MS`] that holds the longest frame of the ring (the largest
    /// when none does).
    pub fn scale_ms(&self) -> f64 {
        scale_for(self.longest_recent())
    }

    /// The ring's frames as bars against [`scale_ms`](Self::scale_ms),
    /// oldest first (the meter draws the newest on the right, so it walks
    /// them backwards).
    pub fn bars(&self) -> impl DoubleEndedIterator<Item = Bar> + ExactSizeIterator + '_ {
        let scale = self.scale_ms();
        self.ring.iter().map(move |frame| Bar {
            duration_ms: frame.duration_ms,
            height: height_of(frame.duration_ms, scale),
            stall: frame.duration_ms > STALL_MS,
        })
    }

    /// The meter's line of text: `longest 1,012 ms · median 16.7 ms ·
    /// 3 stalls over 50 ms`.
    pub fn summary(&self) -> String {
        let Some(median) = self.median() else {
            return "no frames measured yet".to_string();
        };
        format!(
            "longest {} · median {} · {} stall{} over {} ms",
            ms_text(self.longest),
            ms_text(median),
            thousands(self.stalls),
            if self.stalls == 1 { "" } else { "s" },
            STALL_MS
        )
    }
}

/// The smallest of [`SCALES_MS`] that holds `longest_ms` (the largest when
/// none does).
pub fn scale_for(longest_ms: f64) -> f64 {
    SCALES_MS.iter().copied().find(|&scale| longest_ms <= scale).unwrap_or(SCALES_MS[SCALES_MS.len() - 1])
}

/// The label of the top of scale `scale_ms` (one of [`SCALES_MS`]; empty
/// for any other value). Static, so drawing a frame allocates nothing.
pub fn scale_label(scale_ms: f64) -> &'static str {
    SCALES_MS.iter().position(|&scale| scale == scale_ms).map_or("", |idx| SCALE_LABELS[idx])
}

/// `duration_ms` as a share of a plot `scale_ms` tall, in `0.0..=1.0`.
pub fn height_of(duration_ms: f64, scale_ms: f64) -> f64 {
    if !(duration_ms > 0.0 && scale_ms > 0.0) {
        return 0.0;
    }
    (duration_ms / scale_ms).min(1.0)
}

/// A duration for people: `16.7 ms` below 100 ms, `1,012 ms` above.
pub fn ms_text(ms: f64) -> String {
    if ms < 99.95 {
        format!("{ms:.1} ms")
    } else {
        format!("{} ms", thousands(ms.round() as u64))
    }
}

/// `1012` as `1,012`.
fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut text = String::with_capacity(digits.len() + digits.len() / 3);
    for (idx, digit) in digits.chars().enumerate() {
        if idx > 0 && (digits.len() - idx).is_multiple_of(3) {
            text.push(',');
        }
        text.push(digit);
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Stats fed frames of the given durations, starting at t = 1000 ms.
    fn fed(capacity: usize, durations: &[f64]) -> FrameStats {
        let mut stats = FrameStats::new(capacity);
        let mut now = 1000.0;
        assert_eq!(stats.record(now), None);
        for &duration in durations {
            now += duration;
            stats.record(now).expect("a frame");
        }
        stats
    }

    #[test]
    fn a_start_sets_the_origin_so_a_block_right_after_it_is_a_frame() {
        let mut stats = FrameStats::new(10);
        stats.start_at(1000.0);
        // The page blocked 300 ms before its first frame.
        assert_eq!(stats.record(1300.0), Some(Frame { at_ms: 1300.0, duration_ms: 300.0 }));
        assert_eq!(stats.stalls(), 1);
        // A frame that began before the start restarts from it, as time
        // going back does.
        stats.start_at(2000.0);
        assert_eq!(stats.record(1995.0), None);
        assert_eq!(stats.record(2011.0), Some(Frame { at_ms: 2011.0, duration_ms: 16.0 }));
        // A start without a clock only waits for the first frame.
        stats.start_at(f64::NAN);
        assert_eq!(stats.record(5000.0), None);
        assert_eq!(stats.frame_count(), 2);
    }

    #[test]
    fn the_first_timestamp_only_sets_the_origin() {
        let mut stats = FrameStats::new(10);
        assert_eq!(stats.record(500.0), None);
        assert_eq!(stats.frame_count(), 0);
        assert_eq!(stats.last(), None);
        assert_eq!(stats.median(), None);
        assert_eq!(stats.longest(), 0.0);
        assert_eq!(stats.record(516.5), Some(Frame { at_ms: 516.5, duration_ms: 16.5 }));
        assert_eq!(stats.record(533.0), Some(Frame { at_ms: 533.0, duration_ms: 16.5 }));
        assert_eq!(stats.frame_count(), 2);
        assert_eq!(stats.last(), Some(16.5));
    }

    #[test]
    fn durations_are_gaps_between_consecutive_timestamps() {
        let stats = fed(10, &[16.0, 17.0, 300.0, 16.0]);
        let frames: Vec<Frame> = stats.frames().copied().collect();
        assert_eq!(
            frames,
            vec![
                Frame { at_ms: 1016.0, duration_ms: 16.0 },
                Frame { at_ms: 1033.0, duration_ms: 17.0 },
                Frame { at_ms: 1333.0, duration_ms: 300.0 },
                Frame { at_ms: 1349.0, duration_ms: 16.0 },
            ]
        );
        assert_eq!(stats.last(), Some(16.0));
        assert_eq!(stats.longest(), 300.0);
        assert_eq!(stats.stalls(), 1);
    }

    #[test]
    fn a_pause_keeps_the_gap_out_of_the_frames() {
        let mut stats = fed(10, &[16.0, 16.0]);
        stats.pause();
        // Five seconds stopped: the next timestamp restarts the count.
        assert_eq!(stats.record(6032.0), None);
        assert_eq!(stats.record(6049.0), Some(Frame { at_ms: 6049.0, duration_ms: 17.0 }));
        assert_eq!(stats.frame_count(), 3);
        assert_eq!(stats.longest(), 17.0);
        assert_eq!(stats.stalls(), 0);
    }

    #[test]
    fn bad_timestamps_are_not_frames() {
        let mut stats = fed(10, &[16.0]);
        assert_eq!(stats.record(f64::NAN), None);
        assert_eq!(stats.record(f64::INFINITY), None);
        // The same frame twice.
        assert_eq!(stats.record(1016.0), None);
        assert_eq!(stats.frame_count(), 1);
        // Back in time (another time origin): start again from there.
        assert_eq!(stats.record(10.0), None);
        assert_eq!(stats.record(26.0), Some(Frame { at_ms: 26.0, duration_ms: 16.0 }));
        assert_eq!(stats.frame_count(), 2);
        assert_eq!(stats.longest(), 16.0);
    }

    #[test]
    fn the_ring_keeps_the_last_frames_and_the_totals_keep_everything() {
        let mut durations = vec![1000.0, 60.0];
        durations.extend(std::iter::repeat_n(16.0, 5));
        let stats = fed(5, &durations);
        assert_eq!(stats.frames().len(), 5);
        assert!(stats.frames().all(|frame| frame.duration_ms == 16.0));
        assert_eq!(stats.frame_count(), 7);
        assert_eq!(stats.longest(), 1000.0);
        assert_eq!(stats.longest_recent(), 16.0);
        assert_eq!(stats.stalls(), 2);
        assert_eq!(stats.median(), Some(16.0));
    }

    #[test]
    fn a_full_ring_does_not_allocate() {
        let mut stats = fed(5, &[16.0; 5]);
        let allocated = stats.ring.capacity();
        let mut now = 2000.0;
        stats.record(now);
        for _ in 0..1000 {
            now += 16.0;
            stats.record(now);
        }
        assert_eq!(stats.ring.len(), 5);
        assert_eq!(stats.ring.capacity(), allocated);
    }

    #[test]
    fn a_zero_capacity_still_keeps_one_frame() {
        let stats = fed(0, &[16.0, 20.0]);
        assert_eq!(stats.capacity(), 1);
        assert_eq!(stats.frames().len(), 1);
        assert_eq!(stats.last(), Some(20.0));
        assert_eq!(stats.frame_count(), 2);
    }

    #[test]
    fn the_median_of_odd_and_even_rings() {
        assert_eq!(fed(10, &[30.0, 10.0, 20.0]).median(), Some(20.0));
        assert_eq!(fed(10, &[40.0, 10.0, 30.0, 20.0]).median(), Some(25.0));
        assert_eq!(fed(10, &[16.0]).median(), Some(16.0));
        // One long stall does not move the median of smooth frames.
        assert_eq!(fed(10, &[16.0, 17.0, 16.0, 1000.0, 16.0]).median(), Some(16.0));
    }

    #[test]
    fn stalls_are_frames_over_50_ms() {
        let stats = fed(10, &[50.0, 50.5, 16.0, 120.0, 49.9]);
        assert_eq!(stats.stalls(), 2);
        let stalls: Vec<bool> = stats.bars().map(|bar| bar.stall).collect();
        assert_eq!(stalls, vec![false, true, false, true, false]);
    }

    #[test]
    fn reset_forgets_everything() {
        let mut stats = fed(10, &[16.0, 400.0]);
        stats.reset();
        assert_eq!(stats.frame_count(), 0);
        assert_eq!(stats.frames().len(), 0);
        assert_eq!(stats.longest(), 0.0);
        assert_eq!(stats.longest_recent(), 0.0);
        assert_eq!(stats.stalls(), 0);
        assert_eq!(stats.median(), None);
        // The origin went too: the next timestamp is not a frame.
        assert_eq!(stats.record(9000.0), None);
        assert_eq!(stats.record(9016.0).map(|f| f.duration_ms), Some(16.0));
    }

    #[test]
    fn the_scale_snaps_to_the_longest_recent_frame() {
        assert_eq!(scale_for(0.0), 50.0);
        assert_eq!(scale_for(16.7), 50.0);
        assert_eq!(scale_for(50.0), 50.0);
        assert_eq!(scale_for(50.1), 100.0);
        assert_eq!(scale_for(180.0), 250.0);
        assert_eq!(scale_for(300.0), 500.0);
        assert_eq!(scale_for(1000.0), 1000.0);
        assert_eq!(scale_for(1012.0), 2000.0);
        assert_eq!(scale_for(60_000.0), 2000.0);
        assert_eq!(FrameStats::new(4).scale_ms(), 50.0);
        assert_eq!(fed(10, &[16.0, 16.0]).scale_ms(), 50.0);
        assert_eq!(fed(10, &[16.0, 1012.0, 16.0]).scale_ms(), 2000.0);
        // Once the stall leaves the ring, normal frames get their height back.
        assert_eq!(fed(3, &[1012.0, 16.0, 16.0, 16.0]).scale_ms(), 50.0);
    }

    #[test]
    fn every_scale_has_a_label() {
        let labels: Vec<&str> = SCALES_MS.iter().map(|&scale| scale_label(scale)).collect();
        assert_eq!(labels, vec!["50 ms", "100 ms", "250 ms", "500 ms", "1 s", "2 s"]);
        assert_eq!(scale_label(16.7), "");
    }

    #[test]
    fn bars_are_scaled_and_cut_at_the_top() {
        let stats = fed(10, &[16.0, 25.0, 50.0]);
        let heights: Vec<f64> = stats.bars().map(|bar| bar.height).collect();
        assert_eq!(heights, vec![0.32, 0.5, 1.0]);

        // A one-second stall on the 1000 ms scale: smooth frames stay visible.
        let stats = fed(10, &[16.0, 1000.0, 16.0]);
        let bars: Vec<Bar> = stats.bars().collect();
        assert_eq!(bars[1], Bar { duration_ms: 1000.0, height: 1.0, stall: true });
        assert!(bars[0].height > 0.015 && bars[0].height < 0.02, "{}", bars[0].height);

        // Longer than the largest scale: cut at full height.
        let stats = fed(10, &[5000.0]);
        assert_eq!(stats.bars().next().map(|bar| bar.height), Some(1.0));
        // Newest last.
        let stats = fed(10, &[10.0, 20.0]);
        assert_eq!(stats.bars().next_back().map(|bar| bar.duration_ms), Some(20.0));
    }

    #[test]
    fn height_of_degenerate_values_is_zero() {
        assert_eq!(height_of(0.0, 50.0), 0.0);
        assert_eq!(height_of(-5.0, 50.0), 0.0);
        assert_eq!(height_of(f64::NAN, 50.0), 0.0);
        assert_eq!(height_of(10.0, 0.0), 0.0);
    }

    #[test]
    fn the_summary_reads_like_the_page() {
        assert_eq!(FrameStats::new(10).summary(), "no frames measured yet");
        let stats = fed(10, &[16.7, 16.7, 1012.4, 16.6, 80.0, 60.0, 16.7]);
        assert_eq!(stats.summary(), "longest 1,012 ms · median 16.7 ms · 3 stalls over 50 ms");
        let stats = fed(10, &[16.0, 17.0, 16.0]);
        assert_eq!(stats.summary(), "longest 17.0 ms · median 16.0 ms · 0 stalls over 50 ms");
        let stats = fed(10, &[16.0, 51.0, 16.0]);
        assert_eq!(stats.summary(), "longest 51.0 ms · median 16.0 ms · 1 stall over 50 ms");
    }

    #[test]
    fn durations_in_words() {
        assert_eq!(ms_text(0.0), "0.0 ms");
        assert_eq!(ms_text(16.666), "16.7 ms");
        assert_eq!(ms_text(99.94), "99.9 ms");
        assert_eq!(ms_text(99.96), "100 ms");
        assert_eq!(ms_text(1012.4), "1,012 ms");
        assert_eq!(ms_text(1_234_567.0), "1,234,567 ms");
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1000), "1,000");
    }
}
