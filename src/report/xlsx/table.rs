//! A plain table as a one-sheet workbook: the TUI's `x` when the name ends in `.xlsx`
//! (issue 16 item 7). The header row is bold and frozen, each column fitted to its
//! contents (long text wrapped at 60 characters, its row made tall enough); a cell that
//! reads as a plain number is written as a number, an ISO date (`2020-11-06`) as a date
//! shown dd/mm/yyyy, anything else as a text cell — which a spreadsheet never runs as a
//! formula, so, as in the report's workbook, no apostrophe is added (the CSV's defence);
//! control characters are escaped and text is cut to Excel's cell limit.

use chrono::NaiveDate;
use rust_xlsxwriter::{Format, FormatAlign, Workbook};

use super::{excel_date, safe, wrapped_lines, xerr};
use crate::error::{Error, Result};
use crate::lang::facts::Cli;

/// Long text wraps at this many characters.
const WRAP_AT: usize = 60;

/// What a cell holds, read from its text.
enum Cell<'a> {
    Number(f64),
    Date(NaiveDate),
    Text(&'a str),
}

/// A number written the way `to_string` writes one (`12`, `-3`, `54.3`): no leading
/// zero, sign or spaces that a code such as `007` carries and a number would lose.
fn plain_number(s: &str) -> Option<f64> {
    let digits = s.strip_prefix('-').unwrap_or(s);
    let (int, frac) = match digits.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (digits, None),
    };
    let all_digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
    if !all_digits(int) || (int.len() > 1 && int.starts_with('0')) || int.len() > 15 {
        return None;
    }
    if let Some(f) = frac {
        if !all_digits(f) {
            return None;
        }
    }
    s.parse().ok()
}

fn cell(s: &str) -> Cell<'_> {
    if let Some(x) = plain_number(s) {
        return Cell::Number(x);
    }
    if s.len() == 10 {
        if let Ok(d) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
            return Cell::Date(d);
        }
    }
    Cell::Text(s)
}

/// The table `header` / `rows` as a workbook with one sheet named `sheet`.
pub fn table(sheet: &str, header: &[String], rows: &[Vec<String>]) -> Result<Vec<u8>> {
    if rows.len() >= 1_048_575 {
        return Err(Error::Usage(Cli::ExcelTooManyRows { n: rows.len() }.into()));
    }
    let bold = Format::new()
        .set_bold()
        .set_align(FormatAlign::VerticalCenter)
        .set_background_color(0xDDEBF7);
    let date = Format::new().set_num_format("dd/mm/yyyy");
    let wrap = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name(sheet).map_err(xerr)?;
    let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for (c, h) in header.iter().enumerate() {
        ws.write_string_with_format(0, c as u16, safe(h), &bold)
            .map_err(xerr)?;
    }
    ws.set_freeze_panes(1, 0).map_err(xerr)?;
    for (r, row) in rows.iter().enumerate() {
        let r = r as u32 + 1;
        // A row holding wrapped text is made tall enough for it (a spreadsheet does not
        // always fit the height itself when it opens the file).
        let mut lines = 1;
        for (c, v) in row.iter().enumerate() {
            let col = c as u16;
            let shown = match cell(v) {
                Cell::Number(x) => {
                    ws.write_number(r, col, x).map_err(xerr)?;
                    v.chars().count()
                }
                Cell::Date(d) => {
                    ws.write_datetime_with_format(r, col, excel_date(d)?, &date)
                        .map_err(xerr)?;
                    10
                }
                Cell::Text(t) => {
                    let t = safe(t);
                    let n = t.chars().count();
                    if n > WRAP_AT {
                        lines = lines.max(wrapped_lines(&t, WRAP_AT));
                        ws.write_string_with_format(r, col, t, &wrap)
                    } else {
                        ws.write_string(r, col, t)
                    }
                    .map_err(xerr)?;
                    n
                }
            };
            if widths.len() <= c {
                widths.resize(c + 1, 0);
            }
            widths[c] = widths[c].max(shown);
        }
        if lines > 1 {
            ws.set_row_height(r, 15.0 * lines as f64).map_err(xerr)?;
        }
    }
    for (c, w) in widths.iter().enumerate() {
        ws.set_column_width(c as u16, ((*w).clamp(4, WRAP_AT) + 2) as f64)
            .map_err(xerr)?;
    }
    wb.save_to_buffer().map_err(xerr)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_only_when_they_read_back_the_same() {
        for (s, n) in [("12", 12.0), ("-3", -3.0), ("54.3", 54.3), ("0", 0.0)] {
            assert_eq!(plain_number(s), Some(n), "{s}");
        }
        for s in [
            "007", "1e5", "+1", " 1", "1.", ".5", "3*", "", "-", "12/2020",
        ] {
            assert_eq!(plain_number(s), None, "{s}");
        }
        assert!(matches!(cell("2020-11-06"), Cell::Date(_)));
        assert!(matches!(cell("2015-12-15/2020-11-06"), Cell::Text(_)));
        assert!(matches!(cell("=1+2"), Cell::Text(_)));
    }
}
