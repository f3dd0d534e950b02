//! Numbers as a reader expects them, in the interface language: thousands separators and
//! a decimal comma in Vietnamese (`100.000`, `99,8%`), comma separators and a decimal
//! point in English (`100,000`, `99.8%`). Shared by the TUI and the reports.
//!
//! `lang` is the language code as `--lang` takes it: `"vi"` is Vietnamese, anything else
//! English.

/// A whole number with thousands separators: `int(100_000, "vi")` is `100.000`,
/// `int(100_000, "en")` is `100,000`; `-1.234` for negatives.
pub fn int(n: i64, lang: &str) -> String {
    let sep = if lang == "vi" { '.' } else { ',' };
    let digits = n.unsigned_abs().to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if n < 0 {
        out.push('-');
    }
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(sep);
        }
        out.push(d);
    }
    out
}

/// A percentage with one decimal (`73,4%` in Vietnamese, `73.4%` in English; a whole
/// number without its `,0`: `100%`, `0%`). It never rounds up to 100 before the work is
/// done: anything below 100 shows at most `99,9%`, so 99.96 is `99,9%`, not `100%`.
/// Not-a-number shows as `0%`.
pub fn percent(x: f64, lang: &str) -> String {
    let x = if x.is_nan() { 0.0 } else { x };
    let mut tenths = (x * 10.0).round();
    if x < 100.0 && tenths >= 1000.0 {
        tenths = 999.0;
    }
    // `-0.0` would print as "-0".
    if tenths == 0.0 {
        tenths = 0.0;
    }
    let whole = (tenths / 10.0).trunc();
    let frac = (tenths - whole * 10.0).abs();
    let whole_text = int(whole as i64, lang);
    let sign = if tenths < 0.0 && whole == 0.0 {
        "-"
    } else {
        ""
    };
    if frac == 0.0 {
        format!("{sign}{whole_text}%")
    } else {
        let point = if lang == "vi" { ',' } else { '.' };
        format!("{sign}{whole_text}{point}{}%", frac as u8)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_separators() {
        assert_eq!(int(0, "vi"), "0");
        assert_eq!(int(999, "vi"), "999");
        assert_eq!(int(1_000, "vi"), "1.000");
        assert_eq!(int(100_000, "vi"), "100.000");
        assert_eq!(int(100_000, "en"), "100,000");
        assert_eq!(int(1_234_567, "en"), "1,234,567");
        assert_eq!(int(-9_618, "vi"), "-9.618");
        assert_eq!(int(i64::MIN, "en"), "-9,223,372,036,854,775,808");
    }

    #[test]
    fn percentages_never_round_up_to_100_before_done() {
        assert_eq!(percent(99.8, "vi"), "99,8%");
        assert_eq!(percent(99.96, "vi"), "99,9%");
        assert_eq!(percent(99.999, "en"), "99.9%");
        assert_eq!(percent(100.0, "vi"), "100%");
        assert_eq!(percent(73.44, "vi"), "73,4%");
        assert_eq!(percent(73.44, "en"), "73.4%");
        assert_eq!(percent(0.0, "en"), "0%");
        assert_eq!(percent(0.04, "en"), "0%");
        assert_eq!(percent(-0.5, "en"), "-0.5%");
        assert_eq!(percent(50.0, "vi"), "50%");
        assert_eq!(percent(f64::NAN, "vi"), "0%");
        assert_eq!(percent(1234.5, "vi"), "1.234,5%");
    }
}
