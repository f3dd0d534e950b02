//! Sparklines as text, one character a column, in the eight heights of ratatui's bar
//! symbols: a series of any length fits a given width by showing evenly spaced points,
//! the last point always in the last column (so the latest value is the one at the right).

use ratatui::symbols::bar;

/// The eight heights, lowest first (a value of 0 still shows the lowest).
const LEVELS: [&str; 8] = [
    bar::ONE_EIGHTH,
    bar::ONE_QUARTER,
    bar::THREE_EIGHTHS,
    bar::HALF,
    bar::FIVE_EIGHTHS,
    bar::THREE_QUARTERS,
    bar::SEVEN_EIGHTHS,
    bar::FULL,
];

/// The point each column shows when `n` points are drawn in at most `width` columns:
/// every point when they fit, else evenly spaced ones ending with the last.
pub fn columns(n: usize, width: usize) -> Vec<usize> {
    if n <= width {
        return (0..n).collect();
    }
    (0..width).map(|c| ((c + 1) * n) / width - 1).collect()
}

/// The character for `value` on a scale of 0 to `max`; a blank for no value.
pub fn level(value: Option<f64>, max: f64) -> &'static str {
    match value {
        None => " ",
        Some(v) if max <= 0.0 || !max.is_finite() || !v.is_finite() => LEVELS[0],
        Some(v) => {
            let i = ((v / max).clamp(0.0, 1.0) * 7.0).round() as usize;
            LEVELS[i.min(7)]
        }
    }
}

/// The sparkline of `values` on a scale of 0 to `max`, at most `width` characters.
pub fn spark(values: &[Option<f64>], max: f64, width: usize) -> String {
    columns(values.len(), width)
        .into_iter()
        .map(|i| level(values[i], max))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_series_is_sampled_to_the_width_and_ends_with_its_last_point() {
        assert_eq!(columns(3, 10), vec![0, 1, 2]);
        assert_eq!(columns(10, 5), vec![1, 3, 5, 7, 9]);
        assert_eq!(columns(7, 3), vec![1, 3, 6]);
        let v: Vec<Option<f64>> = (0..=100).map(|p| Some(f64::from(p))).collect();
        let s = spark(&v, 100.0, 8);
        assert_eq!(s.chars().count(), 8);
        assert!(s.ends_with('█'));
        assert_eq!(spark(&[Some(0.0), None, Some(100.0)], 100.0, 8), "▁ █");
        assert_eq!(level(Some(50.0), 0.0), "▁", "no scale");
    }
}
