//! The report as an Excel workbook (`rust_xlsxwriter`), made to be read (issue 15):
//! sheets named in the language (Tổng hợp, Lĩnh vực, Cơ quan, Nhiệm vụ, Quá hạn, Diễn
//! biến in Vietnamese; Summary, Categories, Agencies, Tasks, Overdue, Over time in
//! English — the last, progress over time with its charts, see [`series`]); on each sheet
//! an as-of line first, then a bold, wrapped header row, frozen with it; columns fitted
//! to their contents and to the header's longest word; counts and percentages as
//! numbers, dates as real dates shown dd/mm/yyyy; categories and agencies by name (their
//! codes in their own columns on the Categories and Agencies sheets).
//!
//! Text cells are written as text cells, which a spreadsheet never runs as a formula, so
//! they carry no apostrophe (the CSV keeps that defence); control characters are
//! escaped and text is cut to Excel's cell limit.

use std::collections::HashMap;

use rust_xlsxwriter::{Format, FormatAlign, Workbook};

use super::numbers::ratio;
use super::{bucket_label, day, days_late, status_label, Report};
use crate::error::{Error, Result};
use crate::lang::facts::Cli;
use crate::store::report::TaskAsOf;

mod series;
mod sheet;
mod table;
use sheet::{excel_date, safe, wrapped_lines, xerr, Formats, Sheet};
pub use table::table;

/// The sheet names in English, in order.
pub const SHEETS: [&str; 6] = [
    "Summary",
    "Categories",
    "Agencies",
    "Tasks",
    "Overdue",
    "Over time",
];
/// The sheet names in Vietnamese, in order.
pub const SHEETS_VI: [&str; 6] = [
    "Tổng hợp",
    "Lĩnh vực",
    "Cơ quan",
    "Nhiệm vụ",
    "Quá hạn",
    "Diễn biến",
];

/// The sheet names in `lang`.
pub fn sheets(lang: &str) -> [&'static str; 6] {
    if lang == "vi" {
        SHEETS_VI
    } else {
        SHEETS
    }
}

/// The row of the header on every sheet (row 0 holds the as-of line).
pub const HEADER_ROW: u32 = 1;
const FIRST: u32 = HEADER_ROW + 1;

/// Renders the workbook to bytes. `tasks` are the program's tasks as of the report date.
pub fn render(r: &Report, tasks: &[TaskAsOf], lang: &str) -> Result<Vec<u8>> {
    render_reporting(r, tasks, lang, &mut |_| {})
}

/// Where the writing of a workbook is, for a progress bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// Rows of the task and overdue sheets written, of their total.
    Rows { done: u64, total: u64 },
    /// The workbook is compressed into its file (no count).
    Packing,
}

/// [`render`], telling `step` where it is (every 1,024 rows, then the packing).
pub fn render_reporting(
    r: &Report,
    tasks: &[TaskAsOf],
    lang: &str,
    step: &mut dyn FnMut(Step),
) -> Result<Vec<u8>> {
    let total = (tasks.len() + r.overdue.len()) as u64;
    let mut written = 0u64;
    let mut row_done = |step: &mut dyn FnMut(Step)| {
        written += 1;
        if written % 1024 == 0 || written == total {
            step(Step::Rows {
                done: written,
                total,
            });
        }
    };
    step(Step::Rows { done: 0, total });
    if tasks.len() >= 1_048_574 {
        return Err(Error::Usage(
            Cli::ExcelTooManyRows { n: tasks.len() }.into(),
        ));
    }
    let vi = lang == "vi";
    let lang = if vi { "vi" } else { "en" };
    let pick = |a: &'static str, b: &'static str| if vi { a } else { b };
    let f = Formats {
        header: Format::new()
            .set_bold()
            .set_text_wrap()
            .set_align(FormatAlign::Center)
            .set_align(FormatAlign::VerticalCenter)
            .set_background_color(0xDDEBF7),
        title: Format::new().set_bold(),
        date: Format::new().set_num_format("dd/mm/yyyy"),
        pct: Format::new().set_num_format("0.0"),
        int: Format::new().set_num_format("#,##0"),
        wrap: Format::new().set_text_wrap().set_align(FormatAlign::Top),
        bold: Format::new().set_bold(),
    };
    let names = sheets(lang);
    let what = match &r.program {
        Some(p) => safe(&p.title),
        None => pick("Tất cả chương trình", "All programs").to_string(),
    };
    let as_of_line = match (r.from, vi) {
        (Some(from), true) => format!(
            "{what} — kỳ báo cáo từ ngày {} đến ngày {}",
            day(from, lang),
            day(r.as_of, lang)
        ),
        (None, true) => format!("{what} — số liệu tính đến ngày {}", day(r.as_of, lang)),
        (Some(from), false) => format!(
            "{what} — reporting period from {} to {}",
            day(from, lang),
            day(r.as_of, lang)
        ),
        (None, false) => format!("{what} — figures as of {}", day(r.as_of, lang)),
    };
    let count_cols: [(&str, Option<usize>); 6] = [
        (pick("Số nhiệm vụ", "Tasks"), None),
        (pick("Hoàn thành đúng hạn", "Done on time"), None),
        (pick("Hoàn thành chậm", "Done late"), None),
        (pick("Chưa hoàn thành, còn hạn", "Open, in time"), None),
        (pick("Chưa hoàn thành, quá hạn", "Overdue"), None),
        (pick("Tiến độ bình quân (%)", "Mean progress (%)"), None),
    ];
    let category_name: HashMap<&str, &str> = r
        .categories
        .iter()
        .map(|c| (c.category.code.as_str(), c.category.name(lang)))
        .collect();
    let agency_name: HashMap<&str, &str> = r
        .agencies
        .iter()
        .chain(&r.coordinating)
        .map(|a| (a.code.as_str(), a.name.as_str()))
        .collect();
    let mut wb = Workbook::new();

    // Summary: label / value.
    {
        let mut s = Sheet::new(wb.add_worksheet(), &f, names[0], &as_of_line)?;
        s.header(&[
            (pick("Chỉ tiêu", "Item"), None),
            (pick("Giá trị", "Value"), Some(60)),
        ])?;
        let mut row = FIRST;
        let t = &r.totals;
        if let Some(p) = &r.program {
            s.text(row, 0, pick("Chương trình", "Program"))?;
            s.text(row, 1, &p.title)?;
            row += 1;
            s.text(row, 0, pick("Mã chương trình", "Program code"))?;
            s.text(row, 1, &p.code)?;
            row += 1;
            s.text(row, 0, pick("Ngày bắt đầu", "Starts on"))?;
            s.date(row, 1, Some(p.starts_on))?;
            row += 1;
            s.text(row, 0, pick("Ngày kết thúc", "Ends on"))?;
            s.date(row, 1, Some(p.ends_on))?;
            row += 1;
            if let Some(b) = &p.basis {
                s.text(row, 0, pick("Căn cứ", "Basis"))?;
                s.text(row, 1, b)?;
                row += 1;
            }
        } else {
            s.text(row, 0, pick("Chương trình", "Program"))?;
            s.text(row, 1, pick("Tất cả", "All"))?;
            row += 1;
        }
        if let Some(from) = r.from {
            s.text(row, 0, pick("Kỳ báo cáo từ ngày", "Period from"))?;
            s.date(row, 1, Some(from))?;
            row += 1;
        }
        s.text(row, 0, pick("Số liệu tính đến ngày", "As of"))?;
        s.date(row, 1, Some(r.as_of))?;
        row += 1;
        enum V {
            Int(i64),
            Pct(f64),
        }
        let numbers = [
            (count_cols[0].0, V::Int(t.tasks)),
            (count_cols[1].0, V::Int(t.done_on_time)),
            (count_cols[2].0, V::Int(t.done_late)),
            (count_cols[3].0, V::Int(t.in_time)),
            (count_cols[4].0, V::Int(t.overdue)),
            (
                pick("Tỷ lệ hoàn thành (%)", "Completion rate (%)"),
                V::Pct((ratio(t.done_on_time + t.done_late, t.tasks) * 10.0).round() / 10.0),
            ),
            (count_cols[5].0, V::Pct(t.progress)),
            (
                pick("Đến hạn trong 14 ngày tới", "Due within the next 14 days"),
                V::Int(r.due_soon),
            ),
            (
                pick("Số lần đôn đốc trong kỳ", "Reminders in the period"),
                V::Int(r.urges),
            ),
            (
                pick("Nhiệm vụ hoàn thành trong kỳ", "Completed in the period"),
                V::Int(r.progress.completed),
            ),
            (
                pick("Nhiệm vụ mới trong kỳ", "New in the period"),
                V::Int(r.progress.created),
            ),
            (
                pick(
                    "Số lần cập nhật tiến độ trong kỳ",
                    "Progress updates in the period",
                ),
                V::Int(r.progress.updates),
            ),
            (
                pick(
                    "Tiến độ bình quân đầu kỳ (%)",
                    "Mean progress at the start (%)",
                ),
                V::Pct(r.progress.start),
            ),
            (
                pick(
                    "Tiến độ bình quân tăng trong kỳ (%)",
                    "Mean progress gained (%)",
                ),
                V::Pct(r.progress.gained),
            ),
        ];
        for (label, v) in numbers {
            s.text(row, 0, label)?;
            match v {
                V::Int(n) => s.int(row, 1, n)?,
                V::Pct(x) => s.pct(row, 1, x)?,
            }
            row += 1;
        }
        if let Some(p) = &r.program {
            if let Some(n) = r.review_after() {
                let label = if n == p.ends_on {
                    pick("Tổng kết Chương trình", "Final review")
                } else {
                    pick("Kỳ sơ kết tiếp theo", "Next preliminary review")
                };
                s.text(row, 0, label)?;
                s.date(row, 1, Some(n))?;
            }
        }
        s.finish()?;
    }

    // Categories.
    {
        let mut s = Sheet::new(wb.add_worksheet(), &f, names[1], &as_of_line)?;
        let mut cols = vec![
            (pick("STT", "No."), None),
            (pick("Mã", "Code"), None),
            (pick("Lĩnh vực công tác", "Category"), None),
        ];
        cols.extend_from_slice(&count_cols);
        s.header(&cols)?;
        let mut row = FIRST;
        for (i, c) in r.categories.iter().enumerate() {
            s.int(row, 0, i as i64 + 1)?;
            s.text(row, 1, &c.category.code)?;
            s.text(row, 2, c.category.name(lang))?;
            s.counts(row, 3, &c.counts)?;
            row += 1;
        }
        s.bold(row, 2, pick("Tổng cộng", "Total"))?;
        s.counts(row, 3, &r.totals)?;
        s.finish()?;
    }

    // Agencies: lead, then coordinating.
    {
        let mut s = Sheet::new(wb.add_worksheet(), &f, names[2], &as_of_line)?;
        let mut cols = vec![
            (pick("STT", "No."), None),
            (pick("Mã", "Code"), None),
            (pick("Cơ quan, đơn vị", "Agency"), Some(50)),
            (pick("Vai trò", "Role"), None),
        ];
        cols.extend_from_slice(&count_cols);
        s.header(&cols)?;
        let mut row = FIRST;
        let mut n = 0;
        for (role, list) in [
            (pick("Chủ trì", "Lead"), &r.agencies),
            (pick("Phối hợp", "Coordinating"), &r.coordinating),
        ] {
            for a in list {
                n += 1;
                s.int(row, 0, n)?;
                s.text(row, 1, &a.code)?;
                s.text(row, 2, &a.name)?;
                s.text(row, 3, role)?;
                s.counts(row, 4, &a.counts)?;
                row += 1;
            }
        }
        s.finish()?;
    }

    // Tasks.
    {
        let mut s = Sheet::new(wb.add_worksheet(), &f, names[3], &as_of_line)?;
        s.header(&[
            (pick("Mã NV", "Task ID"), None),
            (pick("Chương trình", "Program"), None),
            (pick("Lĩnh vực", "Category"), Some(30)),
            (pick("Nhiệm vụ", "Task"), Some(60)),
            (pick("Cơ quan chủ trì", "Lead agency"), Some(30)),
            (pick("Cơ quan phối hợp", "Coordinating agencies"), Some(40)),
            (pick("Thời hạn", "Deadline"), None),
            (pick("Trạng thái", "Status"), None),
            (pick("Tiến độ (%)", "Progress (%)"), None),
            (pick("Ngày hoàn thành", "Completed on"), None),
            (pick("Tình trạng", "Deadline status"), None),
            (pick("Số lần đôn đốc", "Reminders"), None),
        ])?;
        for (i, t) in tasks.iter().enumerate() {
            let row = FIRST + i as u32;
            s.int(row, 0, t.id)?;
            s.text(row, 1, &t.program)?;
            s.text(
                row,
                2,
                category_name
                    .get(t.category.as_str())
                    .copied()
                    .unwrap_or(&t.category),
            )?;
            s.text(row, 3, &t.title)?;
            s.text(row, 4, &t.lead_name)?;
            let with: Vec<&str> = t
                .with
                .iter()
                .map(|c| agency_name.get(c.as_str()).copied().unwrap_or(c.as_str()))
                .collect();
            s.text(row, 5, &with.join("; "))?;
            s.date(row, 6, t.deadline)?;
            s.text(row, 7, status_label(t.status, lang))?;
            s.int(row, 8, t.progress.get() as i64)?;
            s.date(row, 9, t.completed_on)?;
            s.text(row, 10, bucket_label(t.bucket, lang))?;
            s.int(row, 11, t.urges)?;
            row_done(step);
        }
        s.finish()?;
    }

    // Overdue.
    {
        let mut s = Sheet::new(wb.add_worksheet(), &f, names[4], &as_of_line)?;
        s.header(&[
            (pick("STT", "No."), None),
            (pick("Mã NV", "Task ID"), None),
            (pick("Nhiệm vụ", "Task"), Some(60)),
            (pick("Cơ quan chủ trì", "Lead agency"), Some(36)),
            (pick("Thời hạn", "Deadline"), None),
            (pick("Số ngày quá hạn", "Days overdue"), None),
            (pick("Tiến độ (%)", "Progress (%)"), None),
            (pick("Số lần đôn đốc", "Reminders"), None),
        ])?;
        for (i, t) in r.overdue.iter().enumerate() {
            let row = FIRST + i as u32;
            s.int(row, 0, i as i64 + 1)?;
            s.int(row, 1, t.id)?;
            s.text(row, 2, &t.title)?;
            s.text(row, 3, &t.lead_name)?;
            s.date(row, 4, t.deadline)?;
            s.int(row, 5, days_late(t, r.as_of))?;
            s.int(row, 6, t.progress.get() as i64)?;
            s.int(row, 7, t.urges)?;
            row_done(step);
        }
        s.finish()?;
    }

    // Progress over time, with its charts (a whole report only).
    if let Some(points) = &r.series {
        series::sheet(
            &mut wb,
            &f,
            names[5],
            &as_of_line,
            r,
            points,
            &count_cols,
            lang,
        )?;
    }
    step(Step::Packing);
    wb.save_to_buffer().map_err(xerr)
}
