//! A progress bar drawn with block glyphs (eighths), so it reads without colour.

use ratatui::text::{Line, Span};

use crate::tui::theme::Theme;

const EIGHTHS: [char; 8] = [' ', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];

/// A bar `width` columns wide for `percent` (0–100): the bar, then the number
/// (`███▌···· 45%`). Below 6 columns only the number is shown.
pub fn progress_bar(percent: f64, width: usize, theme: &Theme) -> Line<'static> {
    let p = percent.clamp(0.0, 100.0);
    // Rounded, but never up to 100 % before the work is done (99.8 shows 99%).
    let shown = if p < 100.0 {
        p.round().min(99.0)
    } else {
        100.0
    };
    let label = format!("{:>4}", format!("{}%", shown as i64));
    if width < 6 {
        return Line::from(Span::styled(
            crate::tui::widgets::fit(label.trim_start(), width),
            theme.bar,
        ));
    }
    let bar_w = width - label.len() - 1;
    let mut eighths = (p / 100.0 * (bar_w * 8) as f64).round() as usize;
    // A full bar means done.
    if p < 100.0 {
        eighths = eighths.min(bar_w * 8 - 1);
    }
    let full = eighths / 8;
    let part = eighths % 8;
    let mut filled = "█".repeat(full);
    if part > 0 && full < bar_w {
        filled.push(EIGHTHS[part]);
    }
    let used = full + usize::from(part > 0 && full < bar_w);
    let empty = "·".repeat(bar_w.saturating_sub(used));
    Line::from(vec![
        Span::styled(filled, theme.bar),
        Span::styled(empty, theme.bar_empty),
        Span::raw(" "),
        Span::raw(label),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(l: &Line<'_>) -> String {
        l.spans.iter().map(|s| s.content.as_ref()).collect()
    }

    #[test]
    fn widths_are_exact() {
        let t = Theme::mono();
        for w in [6, 10, 17] {
            for p in [0.0, 3.0, 50.0, 73.4, 100.0] {
                let l = progress_bar(p, w, &t);
                assert_eq!(l.width(), w, "{p} at {w}: {:?}", text(&l));
            }
        }
        assert_eq!(text(&progress_bar(50.0, 10, &t)), "██▌··  50%");
        assert_eq!(text(&progress_bar(100.0, 10, &t)), "█████ 100%");
        assert_eq!(text(&progress_bar(0.0, 10, &t)), "·····   0%");
        // Not done is never shown as 100 %, nor as a full bar.
        assert_eq!(text(&progress_bar(99.8, 10, &t)), "████▉  99%");
    }
}
