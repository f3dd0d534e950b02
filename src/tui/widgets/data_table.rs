//! A data table: columns that fit the width (low-priority columns are dropped first,
//! one flexible column takes the rest), a sort indicator in the header, the selection
//! marked with a symbol and reverse video, every cell fitted by display width.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Block, Cell, HighlightSpacing, Row, StatefulWidget, Table, TableState, Widget,
};

use super::highlight::marked;
use super::progress::progress_bar;
use super::text::{fit_left, fit_right};
use crate::tui::theme::Theme;

/// Marks the selected row (besides reverse video).
pub const SELECTED_SYMBOL: &str = "▶ ";

/// Text alignment in a column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Right,
}

/// A column.
#[derive(Debug, Clone)]
pub struct Column {
    pub title: String,
    /// Width in columns; for the flexible column, its minimum.
    pub width: u16,
    pub flex: bool,
    pub align: Align,
    /// Lower is kept longer when the table is narrow (0 = always).
    pub priority: u8,
    /// `Some(descending)` when the table is sorted by this column.
    pub sorted: Option<bool>,
}

impl Column {
    pub fn new(title: impl Into<String>, width: u16) -> Column {
        Column {
            title: title.into(),
            width,
            flex: false,
            align: Align::Left,
            priority: 0,
            sorted: None,
        }
    }
    pub fn flex(mut self) -> Column {
        self.flex = true;
        self
    }
    pub fn right(mut self) -> Column {
        self.align = Align::Right;
        self
    }
    pub fn priority(mut self, p: u8) -> Column {
        self.priority = p;
        self
    }
    pub fn sorted(mut self, s: Option<bool>) -> Column {
        self.sorted = s;
        self
    }
}

/// What a cell holds.
#[derive(Debug, Clone)]
pub enum CellData {
    Text(String, Style),
    /// A progress bar for this percentage, as wide as the column.
    Bar(f64),
    /// Text with the characters a search matched marked (character positions).
    Marked(String, Vec<usize>),
    /// A sparkline of percentages (0–100) over time, as wide as the column.
    Spark(Vec<Option<f64>>),
}

impl CellData {
    pub fn text(s: impl Into<String>) -> CellData {
        CellData::Text(s.into(), Style::new())
    }
    pub fn styled(s: impl Into<String>, style: Style) -> CellData {
        CellData::Text(s.into(), style)
    }
}

/// The table to draw.
pub struct DataTable<'a> {
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<CellData>>,
    /// Index into `rows` of the selected row, if the table is focused.
    pub selected: Option<usize>,
    pub block: Option<Block<'a>>,
    pub theme: &'a Theme,
}

/// Which columns are shown and how wide, for `avail` columns of width.
pub fn layout_columns(columns: &[Column], avail: u16) -> Vec<(usize, u16)> {
    // A fixed column of width 0 is hidden.
    let mut shown: Vec<usize> = (0..columns.len())
        .filter(|&i| columns[i].width > 0 || columns[i].flex)
        .collect();
    let need = |shown: &[usize]| -> u16 {
        let w: u16 = shown.iter().map(|&i| columns[i].width).sum();
        w + shown.len().saturating_sub(1) as u16
    };
    while need(&shown) > avail {
        // Drop the least important column (the last of equal priority).
        let Some(pos) = shown
            .iter()
            .enumerate()
            .filter(|(_, &i)| columns[i].priority > 0)
            .max_by_key(|(p, &i)| (columns[i].priority, *p))
            .map(|(p, _)| p)
        else {
            break;
        };
        shown.remove(pos);
    }
    let spare = avail.saturating_sub(need(&shown));
    let flex = shown.iter().filter(|&&i| columns[i].flex).count() as u16;
    let mut extra_left = spare;
    let mut out = Vec::new();
    let mut flex_seen = 0;
    for &i in &shown {
        let mut w = columns[i].width;
        if columns[i].flex && flex > 0 {
            flex_seen += 1;
            let share = if flex_seen == flex {
                extra_left
            } else {
                spare / flex
            };
            extra_left -= share;
            w += share;
        }
        out.push((i, w));
    }
    out
}

fn header_text(c: &Column, w: u16) -> String {
    let w = usize::from(w);
    match c.sorted {
        Some(desc) => {
            let mark = if desc { "▼" } else { "▲" };
            let t = fit_left(&c.title, w.saturating_sub(2));
            format!("{} {mark}", t.trim_end())
        }
        None => fit_left(&c.title, w),
    }
}

impl Widget for DataTable<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let inner = match &self.block {
            Some(b) => b.inner(area),
            None => area,
        };
        let sym = SELECTED_SYMBOL.chars().count() as u16;
        let avail = inner.width.saturating_sub(sym);
        let cols = layout_columns(&self.columns, avail);
        let header = Row::new(cols.iter().map(|&(i, w)| {
            Cell::from(Span::styled(
                header_text(&self.columns[i], w),
                self.theme.header,
            ))
        }));
        let rows = self.rows.iter().map(|r| {
            Row::new(cols.iter().map(|&(i, w)| {
                let wu = usize::from(w);
                let line = match r.get(i) {
                    Some(CellData::Text(t, style)) => {
                        let s = match self.columns[i].align {
                            Align::Left => fit_left(t, wu),
                            Align::Right => fit_right(t, wu),
                        };
                        Line::from(Span::styled(s, *style))
                    }
                    Some(CellData::Bar(p)) => progress_bar(*p, wu, self.theme),
                    Some(CellData::Marked(t, marks)) => marked(t, marks, wu, Style::new()),
                    Some(CellData::Spark(v)) => Line::from(Span::styled(
                        super::spark::spark(v, 100.0, wu),
                        self.theme.ok,
                    )),
                    None => Line::default(),
                };
                Cell::from(line)
            }))
        });
        let widths: Vec<Constraint> = cols.iter().map(|&(_, w)| Constraint::Length(w)).collect();
        let mut table = Table::new(rows, widths)
            .header(header)
            .column_spacing(1)
            .highlight_symbol(SELECTED_SYMBOL)
            .highlight_spacing(HighlightSpacing::Always)
            .row_highlight_style(self.theme.selected);
        if let Some(b) = self.block {
            table = table.block(b);
        }
        let mut state = TableState::default().with_selected(self.selected);
        StatefulWidget::render(table, area, buf, &mut state);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn narrow_tables_drop_low_priority_columns() {
        let cols = vec![
            Column::new("ID", 5),
            Column::new("Title", 10).flex(),
            Column::new("Category", 20).priority(2),
            Column::new("Lead", 10).priority(1),
        ];
        let all = layout_columns(&cols, 100);
        assert_eq!(all.len(), 4);
        assert_eq!(all.iter().map(|c| c.1).sum::<u16>() + 3, 100);
        let narrow = layout_columns(&cols, 30);
        assert_eq!(
            narrow.iter().map(|c| c.0).collect::<Vec<_>>(),
            vec![0, 1, 3]
        );
        assert_eq!(layout_columns(&cols, 1).len(), 2);
    }
}
