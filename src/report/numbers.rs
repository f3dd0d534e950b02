//! Numbers in the reader's conventions (issue 15): `20.000` and `93,1%` in Vietnamese,
//! `20,000` and `93.1%` in English. Counts are grouped by thousands; percentages and
//! other decimals keep one decimal, dropped when it is zero (`100%`, not `100,0%`).
//! The machine formats (CSV, JSON) do not use these: they write plain numbers.

/// The thousands separator and decimal mark of a language.
fn marks(lang: &str) -> (char, char) {
    if lang == "vi" {
        ('.', ',')
    } else {
        (',', '.')
    }
}

fn group(digits: &str, sep: char) -> String {
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// A count: `20.000` (vi), `20,000` (en).
pub fn int(n: i64, lang: &str) -> String {
    let (sep, _) = marks(lang);
    let digits = n.unsigned_abs().to_string();
    let sign = if n < 0 { "-" } else { "" };
    format!("{sign}{}", group(&digits, sep))
}

/// A decimal with at most one decimal: `98,1`, `1.234,5`, `100` (vi); `98.1` (en).
pub fn dec(x: f64, lang: &str) -> String {
    let (sep, point) = marks(lang);
    // The same rounding as `format!("{:.1}")`, as the JSON's numbers are rounded.
    let s = format!("{:.1}", x.abs());
    let (whole, frac) = s.split_once('.').unwrap_or((&s, "0"));
    let sign = if x < 0.0 && s != "0.0" { "-" } else { "" };
    let whole = group(whole, sep);
    if frac == "0" {
        format!("{sign}{whole}")
    } else {
        format!("{sign}{whole}{point}{frac}")
    }
}

/// A percentage: `93,1%` (vi), `93.1%` (en).
pub fn pct(x: f64, lang: &str) -> String {
    format!("{}%", dec(x, lang))
}

/// `part` of `whole` as a percentage (0 when `whole` is 0).
pub fn ratio(part: i64, whole: i64) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 * 100.0 / whole as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn conventions() {
        assert_eq!(int(20_000, "vi"), "20.000");
        assert_eq!(int(20_000, "en"), "20,000");
        assert_eq!(int(8_662, "vi"), "8.662");
        assert_eq!(int(1_000_000, "en"), "1,000,000");
        assert_eq!(int(999, "vi"), "999");
        assert_eq!(int(0, "vi"), "0");
        assert_eq!(pct(ratio(54, 58), "vi"), "93,1%");
        assert_eq!(pct(ratio(54, 58), "en"), "93.1%");
        assert_eq!(pct(100.0, "vi"), "100%");
        assert_eq!(dec(1234.56, "vi"), "1.234,6");
        assert_eq!(dec(95.25, "en"), "95.2");
        assert_eq!(dec(95.3, "en"), "95.3");
        assert_eq!(dec(-2.5, "vi"), "-2,5");
        assert_eq!(ratio(1, 0), 0.0);
    }
}
