//! `time` on the virtual clock, as pyrun.py patches it; `struct_time` and
//! the functions that make or take one are its Python part (`ext/time.py`),
//! over `_gmtime_fields` and `_timegm` here.

use crate::interp::exc::raise;
use crate::interp::interp;
use crate::modules::{Args, ModuleObj};
use crate::value::Value;
use asyncio_engine::PyResult;

fn now() -> f64 {
    interp().host.now()
}

/// The functions as pyrun.py patches them in: their messages name the
/// stand-ins (`_now() got an unexpected keyword argument 'x'`).
pub fn module() -> ModuleObj {
    let m = ModuleObj::new("time");
    for name in ["perf_counter", "monotonic", "time"] {
        m.def(name, "_now()", |_, _| Ok(Value::Float(now())));
    }
    m.def_c("time.process_time", Args::C(0), |_, _| Ok(Value::Float(now())));
    for name in ["perf_counter_ns", "monotonic_ns", "time_ns"] {
        m.def(name, "_ns()", |_, _| Ok(Value::Int((now() * 1e9).round() as i64)));
    }
    m.def("sleep", "_sleep(secs)", |args, _| {
        let secs = match &args[0] {
            Value::Float(f) => *f,
            Value::Int(i) => *i as f64,
            Value::Bool(b) => *b as i64 as f64,
            other => return raise("TypeError", not_an_integer(other)),
        };
        if secs.is_nan() {
            return raise("ValueError", "Invalid value NaN (not a number)");
        }
        if secs < 0.0 {
            return raise("ValueError", "sleep length must be non-negative");
        }
        sleep(secs)?;
        Ok(Value::None)
    });
    m.def("ctime", "_ctime(secs=None)", |args, _| Ok(Value::string(ctime(secs_arg(&args)?))));
    m.def("_gmtime_fields", "_gmtime_fields(secs)", |args, _| gmtime_fields(&args[0]));
    m.def("_timegm", "_timegm(year, month, day, hour, minute, second)", |args, _| timegm(&args));
    m
}

/// The nine fields of `time.gmtime(secs)`.
fn gmtime_fields(secs: &Value) -> PyResult<Value> {
    let Some(t) = secs.as_f64() else { return raise("TypeError", not_an_integer(secs)) };
    if t.is_nan() || t.abs() > 1e16 {
        return raise("OverflowError", "timestamp out of range for platform time_t");
    }
    let x = tm(t);
    let fields = [
        x.year,
        i64::from(x.month),
        i64::from(x.day),
        x.hour,
        x.min,
        x.sec,
        (x.wday as i64 + 3) % 7,
        x.yday + 1,
        0,
    ];
    Ok(Value::tuple(fields.into_iter().map(Value::Int).collect()))
}

/// Seconds since 1970 of a UTC date and time (month and day may overflow).
fn timegm(args: &[Value]) -> PyResult<Value> {
    let mut parts = [0.0; 6];
    for (part, v) in parts.iter_mut().zip(args) {
        *part = v.as_f64().map_or_else(|| raise("TypeError", not_an_integer(v)), Ok)?;
    }
    let [year, month, day, hour, minute, second] = parts;
    let days = days_from_civil(year as i64, month as i64, day as i64);
    Ok(Value::Float(days as f64 * 86_400.0 + hour * 3600.0 + minute * 60.0 + second))
}

fn not_an_integer(v: &Value) -> String {
    format!("'{}' object cannot be interpreted as an integer", crate::interp::text::type_name(v))
}

fn secs_arg(args: &[Value]) -> PyResult<f64> {
    match args.first() {
        None | Some(Value::None) => Ok(now()),
        Some(v) => v.as_f64().map_or_else(|| raise("TypeError", not_an_integer(v)), Ok),
    }
}

/// `time.sleep(secs)`: a pool job's cost, the loop thread blocked, or (no
/// loop) the clock moving while pool jobs go on.
pub fn sleep(secs: f64) -> PyResult<()> {
    let it = interp();
    {
        let mut jobs = it.host.jobs.borrow_mut();
        if let Some(job) = jobs.last_mut() {
            job.cost += secs;
            return Ok(());
        }
    }
    if let Ok(lp) = asyncio_engine::get_running_loop() {
        lp.blocking_sleep(secs);
        return Ok(());
    }
    crate::modules::concurrent::advance_blocked(it.host.clock.0.get() + secs)
}

/// Days since 1970-01-01 of a date; the month may lie outside 1..=12.
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let (year, month) = (year + (month - 1).div_euclid(12), (month - 1).rem_euclid(12) + 1);
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (if month > 2 { month - 3 } else { month + 9 }) + 2) / 5 + day - 1;
    era * 146_097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719_468
}

/// Civil date from days since 1970-01-01 (UTC).
fn civil(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

const DAYS: [&str; 7] = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"];
const WEEKDAYS: [&str; 7] = ["Thursday", "Friday", "Saturday", "Sunday", "Monday", "Tuesday", "Wednesday"];
const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const MONTHS: [&str; 12] =
    ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

struct Tm {
    year: i64,
    month: u32,
    day: u32,
    hour: i64,
    min: i64,
    sec: i64,
    /// Days since Thursday.
    wday: usize,
    /// Days since January 1.
    yday: i64,
}

fn tm(t: f64) -> Tm {
    let secs = t.floor() as i64;
    let days = secs.div_euclid(86_400);
    let rem = secs.rem_euclid(86_400);
    let (year, month, day) = civil(days);
    Tm {
        yday: month_start(year, month) + i64::from(day) - 1,
        year,
        month,
        day,
        hour: rem / 3600,
        min: rem % 3600 / 60,
        sec: rem % 60,
        wday: days.rem_euclid(7) as usize,
    }
}

/// Days from January 1 to the first of `month` in `year`.
fn month_start(year: i64, month: u32) -> i64 {
    const BEFORE: [i64; 12] = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    BEFORE[(month - 1) as usize] + i64::from(leap && month > 2)
}

/// `time.ctime(t)` in UTC: `Thu Jan  1 00:00:02 1970`.
pub fn ctime(t: f64) -> String {
    strftime("%c", t)
}

/// Appends directive `d`'s field of `x` (C locale, UTC) to `out`; false
/// for a directive it does not know.
fn field(x: &Tm, d: char, out: &mut String) -> bool {
    let hour12 = (x.hour + 11) % 12 + 1;
    let monday_based = (x.wday + 3) % 7;
    let text = match d {
        'X' | 'T' => format!("{:02}:{:02}:{:02}", x.hour, x.min, x.sec),
        'R' => format!("{:02}:{:02}", x.hour, x.min),
        'H' => format!("{:02}", x.hour),
        'I' => format!("{hour12:02}"),
        'M' => format!("{:02}", x.min),
        'S' => format!("{:02}", x.sec),
        'p' => (if x.hour < 12 { "AM" } else { "PM" }).to_string(),
        'Y' => x.year.to_string(),
        'C' => format!("{:02}", x.year.div_euclid(100)),
        'm' => format!("{:02}", x.month),
        'd' => format!("{:02}", x.day),
        'e' => format!("{:2}", x.day),
        'j' => format!("{:03}", x.yday + 1),
        'y' => format!("{:02}", x.year.rem_euclid(100)),
        'a' => DAYS[x.wday].to_string(),
        'A' => WEEKDAYS[x.wday].to_string(),
        'b' | 'h' => MONTHS[(x.month - 1) as usize].to_string(),
        'B' => MONTH_NAMES[(x.month - 1) as usize].to_string(),
        'w' => ((x.wday + 4) % 7).to_string(),
        'u' => (monday_based + 1).to_string(),
        'U' => format!("{:02}", (x.yday + 7 - ((x.wday as i64 + 4) % 7)) / 7),
        'W' => format!("{:02}", (x.yday + 7 - monday_based as i64) / 7),
        'x' | 'D' => format!("{:02}/{:02}/{:02}", x.month, x.day, x.year.rem_euclid(100)),
        'F' => format!("{}-{:02}-{:02}", x.year, x.month, x.day),
        'c' => format!(
            "{} {} {:2} {:02}:{:02}:{:02} {}",
            DAYS[x.wday],
            MONTHS[(x.month - 1) as usize],
            x.day,
            x.hour,
            x.min,
            x.sec,
            x.year
        ),
        'Z' => "UTC".to_string(),
        'z' => "+0000".to_string(),
        'n' => "\n".to_string(),
        't' => "\t".to_string(),
        '%' => "%".to_string(),
        _ => return false,
    };
    out.push_str(&text);
    true
}

/// `time.strftime(fmt)` at `t` seconds, in UTC and the C locale.
pub fn strftime(fmt: &str, t: f64) -> String {
    let x = tm(t);
    let mut out = String::new();
    let mut chars = fmt.chars();
    while let Some(c) = chars.next() {
        if c != '%' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some(d) if field(&x, d, &mut out) => {}
            Some(other) => {
                out.push('%');
                out.push(other);
            }
            None => out.push('%'),
        }
    }
    out
}
