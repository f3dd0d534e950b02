//! One worksheet being written, as every sheet of the workbook is: the as-of line, the
//! bold frozen header, cells by kind, and the columns fitted at the end; and the cell
//! helpers the plain table's workbook shares.

use chrono::{Datelike, NaiveDate};
use rust_xlsxwriter::{ExcelDateTime, Format, Worksheet, XlsxError};

use super::{FIRST, HEADER_ROW};
use crate::domain::text;
use crate::error::{Error, Result};
use crate::lang::facts::{Files, Written};
use crate::store::Counts;

pub(super) fn xerr(e: XlsxError) -> Error {
    Error::Other(
        Files::Encode {
            what: Written::Workbook,
            detail: e.to_string(),
        }
        .into(),
    )
}

/// The most characters Excel holds in one cell.
const MAX_CELL_CHARS: usize = 32_767;

/// Stored text made safe for a cell: escaped, cut to Excel's limit (text written into
/// the file by another way can be longer than phoihop accepts). A text cell is never a
/// formula, so nothing is prefixed.
pub(super) fn safe(s: &str) -> String {
    let s = text::escape(s).into_owned();
    if s.chars().count() <= MAX_CELL_CHARS {
        return s;
    }
    let mut cut: String = s.chars().take(MAX_CELL_CHARS - 1).collect();
    cut.push('…');
    cut
}

pub(super) struct Formats {
    pub(super) header: Format,
    pub(super) title: Format,
    pub(super) date: Format,
    pub(super) pct: Format,
    pub(super) int: Format,
    pub(super) wrap: Format,
    pub(super) bold: Format,
}

pub(super) fn excel_date(d: NaiveDate) -> Result<ExcelDateTime> {
    ExcelDateTime::from_ymd(d.year() as u16, d.month() as u8, d.day() as u8).map_err(xerr)
}

/// One sheet being written: remembers how wide each column's contents are, so the
/// columns can be fitted at the end.
pub(super) struct Sheet<'a> {
    pub(super) ws: &'a mut Worksheet,
    pub(super) f: &'a Formats,
    pub(super) head: Vec<String>,
    pub(super) widths: Vec<usize>,
    /// Columns holding long text, wrapped at this many characters.
    pub(super) wrap_at: Vec<Option<usize>>,
}

impl<'a> Sheet<'a> {
    pub(super) fn new(
        ws: &'a mut Worksheet,
        f: &'a Formats,
        name: &str,
        as_of_line: &str,
    ) -> Result<Self> {
        ws.set_name(name).map_err(xerr)?;
        ws.write_string_with_format(0, 0, as_of_line, &f.title)
            .map_err(xerr)?;
        Ok(Sheet {
            ws,
            f,
            head: Vec::new(),
            widths: Vec::new(),
            wrap_at: Vec::new(),
        })
    }

    /// The header row; `wrap` gives, per column, a width at which long text wraps.
    pub(super) fn header(&mut self, cols: &[(&str, Option<usize>)]) -> Result<()> {
        for (i, (name, wrap)) in cols.iter().enumerate() {
            self.ws
                .write_string_with_format(HEADER_ROW, i as u16, *name, &self.f.header)
                .map_err(xerr)?;
            self.head.push(name.to_string());
            self.widths.push(0);
            self.wrap_at.push(*wrap);
        }
        self.ws.set_freeze_panes(FIRST, 0).map_err(xerr)?;
        Ok(())
    }

    pub(super) fn seen(&mut self, col: u16, chars: usize) {
        if let Some(w) = self.widths.get_mut(col as usize) {
            *w = (*w).max(chars);
        }
    }

    pub(super) fn text(&mut self, row: u32, col: u16, s: &str) -> Result<()> {
        let s = safe(s);
        self.seen(col, s.chars().count());
        let wrap = self.wrap_at.get(col as usize).copied().flatten().is_some();
        if wrap {
            self.ws.write_string_with_format(row, col, s, &self.f.wrap)
        } else {
            self.ws.write_string(row, col, s)
        }
        .map_err(xerr)?;
        Ok(())
    }

    pub(super) fn bold(&mut self, row: u32, col: u16, s: &str) -> Result<()> {
        self.seen(col, s.chars().count());
        self.ws
            .write_string_with_format(row, col, s, &self.f.bold)
            .map_err(xerr)?;
        Ok(())
    }

    pub(super) fn int(&mut self, row: u32, col: u16, n: i64) -> Result<()> {
        let shown = crate::report::numbers::int(n, "en").chars().count();
        self.seen(col, shown);
        self.ws
            .write_number_with_format(row, col, n as f64, &self.f.int)
            .map_err(xerr)?;
        Ok(())
    }

    pub(super) fn pct(&mut self, row: u32, col: u16, x: f64) -> Result<()> {
        self.seen(col, format!("{x:.1}").len());
        self.ws
            .write_number_with_format(row, col, x, &self.f.pct)
            .map_err(xerr)?;
        Ok(())
    }

    pub(super) fn date(&mut self, row: u32, col: u16, d: Option<NaiveDate>) -> Result<()> {
        self.seen(col, 10);
        if let Some(d) = d {
            self.ws
                .write_datetime_with_format(row, col, excel_date(d)?, &self.f.date)
                .map_err(xerr)?;
        }
        Ok(())
    }

    pub(super) fn counts(&mut self, row: u32, col: u16, c: &Counts) -> Result<()> {
        let vals = [c.tasks, c.done_on_time, c.done_late, c.in_time, c.overdue];
        for (i, v) in vals.iter().enumerate() {
            self.int(row, col + i as u16, *v)?;
        }
        self.pct(row, col + 5, c.progress)
    }

    /// Fits every column: wide enough for its contents (long text up to its wrap
    /// width) and for the header's longest word, the header wrapping onto at most three
    /// lines; the header row made tall enough for it.
    pub(super) fn finish(self) -> Result<()> {
        let mut lines = 1usize;
        for (i, h) in self.head.iter().enumerate() {
            let longest_word = h
                .split_whitespace()
                .map(|w| w.chars().count())
                .max()
                .unwrap_or(0);
            let len = h.chars().count();
            let content = match self.wrap_at[i] {
                Some(max) => self.widths[i].min(max),
                None => self.widths[i],
            };
            let width = content.max(longest_word).max(len.div_ceil(3)).clamp(6, 80) + 2;
            lines = lines.max(wrapped_lines(h, width - 1));
            self.ws
                .set_column_width(i as u16, width as f64)
                .map_err(xerr)?;
        }
        self.ws
            .set_row_height(HEADER_ROW, 15.0 * lines as f64 + 3.0)
            .map_err(xerr)?;
        Ok(())
    }
}

/// How many lines `s` takes, wrapped by words at `width` characters.
pub(super) fn wrapped_lines(s: &str, width: usize) -> usize {
    let mut lines = 1;
    let mut used = 0;
    for w in s.split_whitespace() {
        let n = w.chars().count();
        if used == 0 {
            used = n;
        } else if used + 1 + n <= width {
            used += 1 + n;
        } else {
            lines += 1;
            used = n;
        }
    }
    lines
}
