//! Numbers formatted as Python formats them.

/// `'%9.3f' % t`: the trace's time column.
pub fn format_time(t: f64) -> String {
    format!("{t:9.3}")
}

/// The shortest digits that read back as finite `x` (sign dropped), and the
/// decimal exponent of the first: `(b"125", -1)` for 0.125. Where two such
/// digit strings are equally near `x`, the even one, as CPython's dtoa picks
/// it (`1000000000000000.2` for 1000000000000000.25); Rust's `{:e}` rounds
/// that tie up.
pub fn shortest_digits(x: f64) -> (Vec<u8>, i32) {
    let sci = format!("{:e}", x.abs());
    let (mantissa, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let mut digits: Vec<u8> = mantissa.bytes().filter(u8::is_ascii_digit).collect();
    if is_tie_below(x.abs(), &digits, exp) {
        if let Some(last) = digits.last_mut() {
            *last -= 1;
        }
    }
    (digits, exp)
}

/// True when the digits one lower in the last place also read back as `x`
/// and `x` lies exactly half way between the two (checked on its exact
/// expansion, a few places past the digits).
fn is_tie_below(x: f64, digits: &[u8], exp: i32) -> bool {
    let n = digits.len();
    let Some(&last) = digits.last() else { return false };
    if (last - b'0').is_multiple_of(2) {
        return false;
    }
    let mut lower = digits.to_vec();
    lower[n - 1] -= 1;
    let text = format!("0.{}e{}", String::from_utf8_lossy(&lower), exp + 1);
    if text.parse::<f64>() != Ok(x) {
        return false;
    }
    let exact = format!("{:.*e}", n + 24, x);
    let exact: Vec<u8> =
        exact.split_once('e').map_or(&*exact, |(m, _)| m).bytes().filter(u8::is_ascii_digit).collect();
    exact.get(..n) == Some(&lower[..])
        && exact.get(n) == Some(&b'5')
        && exact[n + 1..].iter().all(|&d| d == b'0')
}

/// `repr(x)` / `str(x)` of a Python float: the shortest digits that round-trip,
/// in fixed notation when the decimal exponent is in `[-4, 16)`, otherwise in
/// scientific notation with a signed, at least two-digit exponent
/// (`1.0`, `0.1`, `1e-05`, `1e+16`, `inf`, `nan`).
pub fn float_repr(x: f64) -> String {
    if x.is_nan() {
        return "nan".to_string();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf".to_string() } else { "-inf".to_string() };
    }
    let (digits, exp) = shortest_digits(x);
    let digits = String::from_utf8_lossy(&digits);
    let mut out = String::new();
    if x.is_sign_negative() {
        out.push('-');
    }
    if (-4..16).contains(&exp) {
        if exp < 0 {
            out.push_str("0.");
            for _ in 0..(-exp - 1) {
                out.push('0');
            }
            out.push_str(&digits);
        } else {
            let point = exp as usize + 1;
            if digits.len() <= point {
                out.push_str(&digits);
                for _ in digits.len()..point {
                    out.push('0');
                }
                out.push_str(".0");
            } else {
                out.push_str(&digits[..point]);
                out.push('.');
                out.push_str(&digits[point..]);
            }
        }
    } else {
        out.push_str(&digits[..1]);
        if digits.len() > 1 {
            out.push('.');
            out.push_str(&digits[1..]);
        }
        out.push('e');
        out.push(if exp < 0 { '-' } else { '+' });
        out.push_str(&format!("{:02}", exp.abs()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn floats_as_python_prints_them() {
        let cases = [
            (1.0, "1.0"),
            (0.1, "0.1"),
            (0.1 + 0.2, "0.30000000000000004"),
            (1e-5, "1e-05"),
            (0.0001, "0.0001"),
            (1e16, "1e+16"),
            (1234567890123456.0, "1234567890123456.0"),
            (-2.5, "-2.5"),
            (0.0, "0.0"),
            (-0.0, "-0.0"),
            (3600.0, "3600.0"),
            (1.5e300, "1.5e+300"),
            (f64::INFINITY, "inf"),
            (f64::NEG_INFINITY, "-inf"),
            (f64::NAN, "nan"),
            (123.456, "123.456"),
            (2.5e-7, "2.5e-07"),
        ];
        for (x, want) in cases {
            assert_eq!(float_repr(x), want, "repr({x:?})");
        }
    }

    #[test]
    fn a_tie_between_shortest_digits_goes_to_the_even_one() {
        // Each value lies exactly half way between two 17-digit strings that read back as it.
        assert_eq!(float_repr(1e15 + 0.25), "1000000000000000.2");
        assert_eq!(float_repr(-(1e15 + 0.25)), "-1000000000000000.2");
        assert_eq!(float_repr(123456789012345.0 + 0.625), "123456789012345.62");
        assert_eq!(float_repr(2000000000000001.0 + 0.25), "2000000000000001.2");
        // Not ties: the nearer digits win.
        assert_eq!(float_repr(1e15 + 0.75), "1000000000000000.8");
        assert_eq!(float_repr(3e14 + 0.25), "300000000000000.25");
    }

    #[test]
    fn time_column_is_percent_9_3_f() {
        assert_eq!(format_time(0.0), "    0.000");
        assert_eq!(format_time(4.2), "    4.200");
        assert_eq!(format_time(12345.6789), "12345.679");
        assert_eq!(format_time(123456.0), "123456.000");
    }
}
