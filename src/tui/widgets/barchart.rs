//! A horizontal bar chart: a label, a bar of block glyphs proportional to the value, and
//! the value. Labels are fitted by display width.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::text::{fit_left, width};
use crate::tui::theme::Theme;

/// Bars of (label, value), one per row.
pub struct BarChart<'a> {
    pub bars: Vec<(String, u64)>,
    pub theme: &'a Theme,
}

impl Widget for BarChart<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let max = self.bars.iter().map(|b| b.1).max().unwrap_or(0).max(1);
        let num_w = max.to_string().len();
        let avail = usize::from(area.width);
        let label_w = self
            .bars
            .iter()
            .map(|b| width(&b.0))
            .max()
            .unwrap_or(0)
            .min(avail / 2);
        let bar_w = avail.saturating_sub(label_w + num_w + 2);
        for (i, (label, value)) in self.bars.iter().enumerate() {
            let y = area.y + i as u16;
            if y >= area.bottom() {
                break;
            }
            let filled = ((*value as f64 / max as f64) * bar_w as f64).round() as usize;
            let filled = filled.min(bar_w).max(usize::from(*value > 0 && bar_w > 0));
            let line = Line::from(vec![
                Span::raw(format!("{} ", fit_left(label, label_w))),
                Span::styled("█".repeat(filled), self.theme.bar),
                Span::raw(format!(" {value}")),
            ]);
            buf.set_line(area.x, y, &line, area.width);
        }
    }
}
