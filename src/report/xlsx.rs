//! The report as an Excel workbook (`rust_xlsxwriter`): sheets Summary, Categories,
//! Agencies, Tasks and Overdue, with headers in the language (Vietnamese by default),
//! number and date formats, column widths and a frozen header row. Text cells that begin
//! with `=`, `+`, `-` or `@` are neutralized (formula injection) and control characters
//! escaped.

use chrono::{Datelike, NaiveDate};
use rust_xlsxwriter::{ExcelDateTime, Format, FormatAlign, Workbook, Worksheet, XlsxError};

use super::{bucket_label, day, days_late, status_label, Report};
use crate::domain::text;
use crate::error::{Error, Result};
use crate::store::report::TaskAsOf;
use crate::store::Counts;

/// The sheet names, in order.
pub const SHEETS: [&str; 5] = ["Summary", "Categories", "Agencies", "Tasks", "Overdue"];

fn xerr(e: XlsxError) -> Error {
    Error::Other(format!("Writing the Excel workbook failed: {e}."))
}

/// The most characters Excel holds in one cell.
const MAX_CELL_CHARS: usize = 32_767;

/// Stored text made safe for a cell: escaped, never a formula, cut to Excel's limit
/// (text written into the file by another way can be longer than phoihop accepts).
fn safe(s: &str) -> String {
    let s = text::neutralize_formula(&text::escape(s)).into_owned();
    if s.chars().count() <= MAX_CELL_CHARS {
        return s;
    }
    let mut cut: String = s.chars().take(MAX_CELL_CHARS - 1).collect();
    cut.push('…');
    cut
}

struct Formats {
    header: Format,
    date: Format,
    pct: Format,
    int: Format,
}

fn excel_date(d: NaiveDate) -> Result<ExcelDateTime> {
    ExcelDateTime::from_ymd(d.year() as u16, d.month() as u8, d.day() as u8).map_err(xerr)
}

/// Writes a header row (bold, wrapped) and freezes it; `widths` in characters.
fn header(ws: &mut Worksheet, f: &Formats, cols: &[(&str, f64)]) -> Result<()> {
    for (i, (name, width)) in cols.iter().enumerate() {
        let c = i as u16;
        ws.write_string_with_format(0, c, *name, &f.header)
            .map_err(xerr)?;
        ws.set_column_width(c, *width).map_err(xerr)?;
    }
    ws.set_freeze_panes(1, 0).map_err(xerr)?;
    Ok(())
}

fn counts_cells(ws: &mut Worksheet, f: &Formats, row: u32, col: u16, c: &Counts) -> Result<()> {
    let vals = [c.tasks, c.done_on_time, c.done_late, c.in_time, c.overdue];
    for (i, v) in vals.iter().enumerate() {
        ws.write_number_with_format(row, col + i as u16, *v as f64, &f.int)
            .map_err(xerr)?;
    }
    ws.write_number_with_format(row, col + 5, c.progress, &f.pct)
        .map_err(xerr)?;
    Ok(())
}

fn date_cell(
    ws: &mut Worksheet,
    f: &Formats,
    row: u32,
    col: u16,
    d: Option<NaiveDate>,
) -> Result<()> {
    if let Some(d) = d {
        ws.write_datetime_with_format(row, col, excel_date(d)?, &f.date)
            .map_err(xerr)?;
    }
    Ok(())
}

/// Renders the workbook to bytes. `tasks` are the program's tasks as of the report date.
pub fn render(r: &Report, tasks: &[TaskAsOf], lang: &str) -> Result<Vec<u8>> {
    if tasks.len() >= 1_048_575 {
        return Err(Error::Usage(format!(
            "{} tasks do not fit on one Excel sheet (at most 1,048,575 rows); narrow the report with --program.",
            tasks.len()
        )));
    }
    let vi = lang == "vi";
    let pick = |a: &'static str, b: &'static str| if vi { a } else { b };
    let f = Formats {
        header: Format::new()
            .set_bold()
            .set_text_wrap()
            .set_align(FormatAlign::Center)
            .set_background_color(0xDDEBF7),
        date: Format::new().set_num_format("dd/mm/yyyy"),
        pct: Format::new().set_num_format("0.0"),
        int: Format::new().set_num_format("#,##0"),
    };
    let count_cols = [
        (pick("Số nhiệm vụ", "Tasks"), 12.0),
        (pick("Hoàn thành đúng hạn", "Done on time"), 14.0),
        (pick("Hoàn thành quá hạn", "Done late"), 14.0),
        (pick("Chưa hoàn thành, trong hạn", "In time"), 16.0),
        (pick("Chưa hoàn thành, quá hạn", "Overdue"), 16.0),
        (pick("Tiến độ bình quân (%)", "Mean progress (%)"), 14.0),
    ];
    let mut wb = Workbook::new();

    // Summary: label / value.
    {
        let ws = wb.add_worksheet();
        ws.set_name(SHEETS[0]).map_err(xerr)?;
        header(
            ws,
            &f,
            &[
                (pick("Chỉ tiêu", "Item"), 42.0),
                (pick("Giá trị", "Value"), 60.0),
            ],
        )?;
        let mut row = 1u32;
        let mut text_row = |ws: &mut Worksheet, label: &str, value: &str| -> Result<()> {
            ws.write_string(row, 0, label).map_err(xerr)?;
            ws.write_string(row, 1, safe(value)).map_err(xerr)?;
            row += 1;
            Ok(())
        };
        if let Some(p) = &r.program {
            text_row(ws, pick("Mã chương trình", "Program code"), &p.code)?;
            text_row(ws, pick("Chương trình", "Program"), &p.title)?;
            text_row(
                ws,
                pick("Thời gian thực hiện", "Period"),
                &format!("{} – {}", day(p.starts_on, lang), day(p.ends_on, lang)),
            )?;
        } else {
            text_row(ws, pick("Chương trình", "Program"), pick("Tất cả", "All"))?;
        }
        if let Some(from) = r.from {
            text_row(
                ws,
                pick("Kỳ báo cáo từ ngày", "Period from"),
                &day(from, lang),
            )?;
        }
        text_row(
            ws,
            pick("Số liệu tính đến ngày", "As of"),
            &day(r.as_of, lang),
        )?;
        let t = &r.totals;
        let numbers: [(&str, f64, &Format); 13] = [
            (count_cols[0].0, t.tasks as f64, &f.int),
            (count_cols[1].0, t.done_on_time as f64, &f.int),
            (count_cols[2].0, t.done_late as f64, &f.int),
            (count_cols[3].0, t.in_time as f64, &f.int),
            (count_cols[4].0, t.overdue as f64, &f.int),
            (count_cols[5].0, t.progress, &f.pct),
            (
                pick("Sắp đến hạn (14 ngày)", "Due within 14 days"),
                r.due_soon as f64,
                &f.int,
            ),
            (
                pick("Lượt đôn đốc trong kỳ", "Urges in the period"),
                r.urges as f64,
                &f.int,
            ),
            (
                pick("Nhiệm vụ hoàn thành trong kỳ", "Completed in the period"),
                r.progress.completed as f64,
                &f.int,
            ),
            (
                pick("Nhiệm vụ mới trong kỳ", "New in the period"),
                r.progress.created as f64,
                &f.int,
            ),
            (
                pick("Lượt cập nhật tiến độ", "Progress updates"),
                r.progress.updates as f64,
                &f.int,
            ),
            (
                pick("Tiến độ bình quân đầu kỳ (%)", "Mean progress at start (%)"),
                r.progress.start,
                &f.pct,
            ),
            (
                pick("Tiến độ tăng trong kỳ (điểm %)", "Progress gained (points)"),
                r.progress.gained,
                &f.pct,
            ),
        ];
        for (label, v, fmt) in numbers {
            ws.write_string(row, 0, label).map_err(xerr)?;
            ws.write_number_with_format(row, 1, v, fmt).map_err(xerr)?;
            row += 1;
        }
        if let Some(n) = r.program.as_ref().and_then(|p| p.next_review) {
            ws.write_string(row, 0, pick("Kỳ sơ kết, tổng kết tiếp theo", "Next review"))
                .map_err(xerr)?;
            date_cell(ws, &f, row, 1, Some(n))?;
        }
    }

    // Categories.
    {
        let ws = wb.add_worksheet();
        ws.set_name(SHEETS[1]).map_err(xerr)?;
        let mut cols = vec![
            (pick("Mã", "Code"), 18.0),
            (pick("Lĩnh vực công tác", "Category"), 40.0),
        ];
        cols.extend_from_slice(&count_cols);
        header(ws, &f, &cols)?;
        for (i, c) in r.categories.iter().enumerate() {
            let row = i as u32 + 1;
            ws.write_string(row, 0, safe(&c.category.code))
                .map_err(xerr)?;
            ws.write_string(row, 1, safe(c.category.name(lang)))
                .map_err(xerr)?;
            counts_cells(ws, &f, row, 2, &c.counts)?;
        }
        let row = r.categories.len() as u32 + 1;
        ws.write_string_with_format(row, 1, pick("Tổng cộng", "Total"), &f.header)
            .map_err(xerr)?;
        counts_cells(ws, &f, row, 2, &r.totals)?;
    }

    // Agencies: lead, then coordinating.
    {
        let ws = wb.add_worksheet();
        ws.set_name(SHEETS[2]).map_err(xerr)?;
        let mut cols = vec![
            (pick("Mã", "Code"), 14.0),
            (pick("Cơ quan, đơn vị", "Agency"), 40.0),
            (pick("Vai trò", "Role"), 12.0),
        ];
        cols.extend_from_slice(&count_cols);
        header(ws, &f, &cols)?;
        let mut row = 1u32;
        for (role, list) in [
            (pick("Chủ trì", "Lead"), &r.agencies),
            (pick("Phối hợp", "Coordinating"), &r.coordinating),
        ] {
            for a in list {
                ws.write_string(row, 0, safe(&a.code)).map_err(xerr)?;
                ws.write_string(row, 1, safe(&a.name)).map_err(xerr)?;
                ws.write_string(row, 2, role).map_err(xerr)?;
                counts_cells(ws, &f, row, 3, &a.counts)?;
                row += 1;
            }
        }
    }

    // Tasks.
    {
        let ws = wb.add_worksheet();
        ws.set_name(SHEETS[3]).map_err(xerr)?;
        header(
            ws,
            &f,
            &[
                ("ID", 8.0),
                (pick("Chương trình", "Program"), 18.0),
                (pick("Lĩnh vực", "Category"), 18.0),
                (pick("Nhiệm vụ", "Task"), 60.0),
                (pick("Chủ trì", "Lead"), 12.0),
                (pick("Phối hợp", "Coordinating"), 18.0),
                (pick("Hạn", "Deadline"), 12.0),
                (pick("Trạng thái", "Status"), 16.0),
                (pick("Tiến độ (%)", "Progress (%)"), 10.0),
                (pick("Ngày hoàn thành", "Completed on"), 14.0),
                (pick("Tình trạng", "Bucket"), 24.0),
                (pick("Lượt đôn đốc", "Urges"), 10.0),
            ],
        )?;
        for (i, t) in tasks.iter().enumerate() {
            let row = i as u32 + 1;
            ws.write_number(row, 0, t.id as f64).map_err(xerr)?;
            ws.write_string(row, 1, safe(&t.program)).map_err(xerr)?;
            ws.write_string(row, 2, safe(&t.category)).map_err(xerr)?;
            ws.write_string(row, 3, safe(&t.title)).map_err(xerr)?;
            ws.write_string(row, 4, safe(&t.lead)).map_err(xerr)?;
            ws.write_string(row, 5, safe(&t.with.join(", ")))
                .map_err(xerr)?;
            date_cell(ws, &f, row, 6, t.deadline)?;
            ws.write_string(row, 7, status_label(t.status, lang))
                .map_err(xerr)?;
            ws.write_number(row, 8, t.progress.get()).map_err(xerr)?;
            date_cell(ws, &f, row, 9, t.completed_on)?;
            ws.write_string(row, 10, bucket_label(t.bucket, lang))
                .map_err(xerr)?;
            ws.write_number(row, 11, t.urges as f64).map_err(xerr)?;
        }
    }

    // Overdue.
    {
        let ws = wb.add_worksheet();
        ws.set_name(SHEETS[4]).map_err(xerr)?;
        header(
            ws,
            &f,
            &[
                ("ID", 8.0),
                (pick("Nhiệm vụ", "Task"), 60.0),
                (pick("Cơ quan chủ trì", "Lead agency"), 36.0),
                (pick("Hạn", "Deadline"), 12.0),
                (pick("Số ngày quá hạn", "Days late"), 12.0),
                (pick("Tiến độ (%)", "Progress (%)"), 10.0),
                (pick("Lượt đôn đốc", "Urges"), 10.0),
            ],
        )?;
        for (i, t) in r.overdue.iter().enumerate() {
            let row = i as u32 + 1;
            ws.write_number(row, 0, t.id as f64).map_err(xerr)?;
            ws.write_string(row, 1, safe(&t.title)).map_err(xerr)?;
            ws.write_string(row, 2, safe(&t.lead_name)).map_err(xerr)?;
            date_cell(ws, &f, row, 3, t.deadline)?;
            ws.write_number_with_format(row, 4, days_late(t, r.as_of) as f64, &f.int)
                .map_err(xerr)?;
            ws.write_number(row, 5, t.progress.get()).map_err(xerr)?;
            ws.write_number(row, 6, t.urges as f64).map_err(xerr)?;
        }
    }
    wb.save_to_buffer().map_err(xerr)
}
