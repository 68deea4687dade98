//! The time axis: mapping loop seconds to pixels, nice tick steps, and the
//! visible window's zoom and pan limits. Pure arithmetic, tested on the host.

/// The visible part of the time axis, `[start, end]` seconds.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Window {
    pub start: f64,
    pub end: f64,
}

/// The narrowest window the timeline zooms to: a microsecond.
pub const MIN_SPAN: f64 = 1e-6;

impl Window {
    pub fn span(&self) -> f64 {
        self.end - self.start
    }

    /// The window showing a whole run that ends at `end` (and the cursor),
    /// with a little room on the right. A run that takes no time still gets
    /// a one-second axis.
    pub fn fit(end: f64) -> Window {
        let end = if end.is_finite() && end > 0.0 { end } else { 1.0 };
        Window { start: 0.0, end: end * 1.02 }
    }

    /// Zoom by `factor` (below 1: in) keeping time `anchor` where it is, then
    /// keep the result inside `limits`. Returns `None` when the result is the
    /// whole of `limits` (zoomed all the way out: the caller goes back to
    /// fitting the run).
    pub fn zoom(&self, factor: f64, anchor: f64, limits: Window) -> Option<Window> {
        let span = (self.span() * factor).max(MIN_SPAN);
        if span >= limits.span() {
            return None;
        }
        let share = if self.span() > 0.0 { (anchor - self.start) / self.span() } else { 0.5 };
        let start = anchor - share * span;
        Some(Window { start, end: start + span }.clamped(limits))
    }

    /// Move by `delta` seconds, staying inside `limits`.
    pub fn pan(&self, delta: f64, limits: Window) -> Window {
        Window { start: self.start + delta, end: self.end + delta }.clamped(limits)
    }

    /// The same span, moved to lie inside `limits` (narrowed if wider).
    pub fn clamped(&self, limits: Window) -> Window {
        let span = self.span().min(limits.span());
        let start = self.start.max(limits.start).min(limits.end - span);
        Window { start, end: start + span }
    }

    /// The x of time `t` on a plot `width` pixels wide starting at `left`.
    pub fn x_of(&self, t: f64, left: f64, width: f64) -> f64 {
        left + (t - self.start) / self.span() * width
    }

    /// The time at pixel `x`.
    pub fn t_of(&self, x: f64, left: f64, width: f64) -> f64 {
        self.start + (x - left) / width * self.span()
    }
}

/// A tick step of 1, 2 or 5 times a power of ten, the smallest that keeps
/// at most `max_ticks` ticks over `span` seconds.
pub fn tick_step(span: f64, max_ticks: usize) -> f64 {
    let max_ticks = max_ticks.max(1) as f64;
    if !(span.is_finite() && span > 0.0) {
        return 1.0;
    }
    let rough = span / max_ticks;
    let power = 10f64.powf(rough.log10().floor());
    for multiple in [1.0, 2.0, 5.0, 10.0] {
        if power * multiple >= rough {
            return power * multiple;
        }
    }
    power * 10.0
}

/// The ticks of `window` for `step`: multiples of the step inside it.
pub fn ticks(window: Window, step: f64) -> Vec<f64> {
    if step.is_nan() || step <= 0.0 || window.span().is_nan() || window.span() <= 0.0 {
        return Vec::new();
    }
    let first = (window.start / step).ceil() as i64;
    let last = (window.end / step).floor() as i64;
    (first..=last).take(1000).map(|k| k as f64 * step).collect()
}

/// A tick's label: as many decimals as the step needs, and ` s`.
pub fn tick_label(t: f64, step: f64) -> String {
    let decimals = if step >= 1.0 { 0 } else { (-step.log10().floor()) as usize };
    // A multiple of 0.1 printed with one decimal, never `-0.0`.
    let t = if t.abs() < step / 2.0 { 0.0 } else { t };
    format!("{t:.decimals$} s")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nice_steps() {
        assert_eq!(tick_step(10.0, 10), 1.0);
        assert_eq!(tick_step(3.0, 10), 0.5);
        assert_eq!(tick_step(734.0, 8), 100.0);
        assert!((tick_step(0.02, 10) - 0.002).abs() < 1e-12);
        assert_eq!(ticks(Window { start: 0.2, end: 1.1 }, 0.5), vec![0.5, 1.0]);
        assert_eq!(tick_label(0.5, 0.5), "0.5 s");
        assert_eq!(tick_label(100.0, 100.0), "100 s");
        assert_eq!(tick_label(0.002, 0.002), "0.002 s");
    }

    #[test]
    fn zoom_keeps_the_anchor_and_the_limits() {
        let limits = Window { start: 0.0, end: 10.0 };
        let zoomed = limits.zoom(0.5, 5.0, limits).unwrap();
        assert_eq!(zoomed, Window { start: 2.5, end: 7.5 });
        assert_eq!(zoomed.zoom(4.0, 5.0, limits), None);
        let panned = zoomed.pan(100.0, limits);
        assert_eq!(panned, Window { start: 5.0, end: 10.0 });
        assert_eq!(panned.t_of(panned.x_of(6.0, 10.0, 200.0), 10.0, 200.0), 6.0);
    }
}
