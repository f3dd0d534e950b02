//! The roll-up as an Excel workbook: a sheet of provinces (with the total), one of
//! categories, one of the overdue tasks by province, and one of the provinces not summed
//! with the reason. Sheets named in the language; an as-of line, then a bold header row
//! frozen with it; counts and percentages as numbers; text cells escaped.

use rust_xlsxwriter::{Format, Workbook, Worksheet, XlsxError};

use super::{Rollup, State};
use crate::domain::text;
use crate::error::{Error, Result};
use crate::report::{self, days_late};
use crate::store::Counts;

/// The sheet names in English and Vietnamese, in order.
pub const SHEETS: [&str; 4] = ["Provinces", "Categories", "Overdue", "Not summed"];
pub const SHEETS_VI: [&str; 4] = ["Tỉnh, thành phố", "Lĩnh vực", "Quá hạn", "Chưa tổng hợp"];

fn xerr(e: XlsxError) -> Error {
    Error::Other(
        crate::lang::facts::Files::Encode {
            what: crate::lang::facts::Written::Workbook,
            detail: e.to_string(),
        }
        .into(),
    )
}

fn safe(s: &str) -> String {
    text::escape(s).chars().take(32_000).collect()
}

struct W {
    vi: bool,
    bold: Format,
    pct: Format,
}

impl W {
    fn t<'a>(&self, en: &'a str, vi: &'a str) -> &'a str {
        if self.vi {
            vi
        } else {
            en
        }
    }
}

fn header(ws: &mut Worksheet, w: &W, title: &str, heads: &[&str]) -> Result<()> {
    ws.write_string_with_format(0, 0, safe(title), &w.bold)
        .map_err(xerr)?;
    for (i, h) in heads.iter().enumerate() {
        ws.write_string_with_format(1, i as u16, *h, &w.bold)
            .map_err(xerr)?;
        ws.set_column_width(i as u16, (h.chars().count() as f64 + 2.0).max(10.0))
            .map_err(xerr)?;
    }
    ws.set_freeze_panes(2, 0).map_err(xerr)?;
    Ok(())
}

fn counts(ws: &mut Worksheet, w: &W, row: u32, col: u16, c: &Counts) -> Result<()> {
    let n = [c.tasks, c.done_on_time, c.done_late, c.in_time, c.overdue];
    for (i, v) in n.iter().enumerate() {
        ws.write_number(row, col + i as u16, *v as f64)
            .map_err(xerr)?;
    }
    ws.write_number_with_format(row, col + 5, (c.progress * 10.0).round() / 1000.0, &w.pct)
        .map_err(xerr)?;
    Ok(())
}

/// Renders the workbook's bytes.
pub fn render(r: &Rollup, lang: &str) -> Result<Vec<u8>> {
    let w = W {
        vi: lang == "vi",
        bold: Format::new().set_bold().set_text_wrap(),
        pct: Format::new().set_num_format("0.0%"),
    };
    let names = if w.vi { SHEETS_VI } else { SHEETS };
    let as_of = format!(
        "{} {}",
        w.t("As of", "Tính đến ngày"),
        report::day(r.as_of, lang)
    );
    let buckets = [
        w.t("Tasks", "Số nhiệm vụ"),
        w.t("Done on time", "Hoàn thành đúng hạn"),
        w.t("Done late", "Hoàn thành chậm"),
        w.t("Open, in time", "Chưa hoàn thành, còn hạn"),
        w.t("Overdue", "Chưa hoàn thành, quá hạn"),
        w.t("Mean progress", "Tiến độ bình quân"),
    ];
    let mut wb = Workbook::new();
    {
        let ws = wb.add_worksheet().set_name(names[0]).map_err(xerr)?;
        let mut heads = vec![w.t("Code", "Mã"), w.t("Province", "Tỉnh, thành phố")];
        heads.extend(buckets);
        heads.push(w.t("Reminders", "Số lần đôn đốc"));
        header(ws, &w, &as_of, &heads)?;
        let mut row = 2;
        for p in r.summed() {
            let Some(rep) = &p.report else { continue };
            ws.write_string(row, 0, safe(&p.code)).map_err(xerr)?;
            ws.write_string(row, 1, safe(&p.name)).map_err(xerr)?;
            counts(ws, &w, row, 2, &rep.totals)?;
            ws.write_number(row, 8, rep.urges as f64).map_err(xerr)?;
            row += 1;
        }
        ws.write_string_with_format(row, 1, w.t("Total", "Tổng cộng"), &w.bold)
            .map_err(xerr)?;
        counts(ws, &w, row, 2, &r.totals)?;
        ws.write_number(row, 8, r.urges as f64).map_err(xerr)?;
        ws.set_column_width(1, 28).map_err(xerr)?;
    }
    {
        let ws = wb.add_worksheet().set_name(names[1]).map_err(xerr)?;
        let mut heads = vec![w.t("Code", "Mã"), w.t("Category", "Lĩnh vực")];
        heads.extend(buckets);
        header(ws, &w, &as_of, &heads)?;
        for (i, c) in r.categories.iter().enumerate() {
            let row = 2 + i as u32;
            let name = if w.vi {
                &c.category.name_vi
            } else {
                &c.category.name_en
            };
            ws.write_string(row, 0, safe(&c.category.code))
                .map_err(xerr)?;
            ws.write_string(row, 1, safe(name)).map_err(xerr)?;
            counts(ws, &w, row, 2, &c.counts)?;
        }
        ws.set_column_width(1, 36).map_err(xerr)?;
    }
    {
        let ws = wb.add_worksheet().set_name(names[2]).map_err(xerr)?;
        let heads = [
            w.t("Province", "Tỉnh, thành phố"),
            w.t("Task ID", "Mã NV"),
            w.t("Task", "Nhiệm vụ"),
            w.t("Lead agency", "Cơ quan chủ trì"),
            w.t("Deadline", "Thời hạn"),
            w.t("Days overdue", "Số ngày quá hạn"),
            w.t("Progress", "Tiến độ"),
        ];
        header(ws, &w, &as_of, &heads)?;
        let mut row = 2;
        for p in r.summed() {
            let Some(rep) = &p.report else { continue };
            for t in &rep.overdue {
                ws.write_string(row, 0, safe(&p.name)).map_err(xerr)?;
                ws.write_number(row, 1, t.id as f64).map_err(xerr)?;
                ws.write_string(row, 2, safe(&t.title)).map_err(xerr)?;
                ws.write_string(row, 3, safe(&t.lead_name)).map_err(xerr)?;
                let d = t.deadline.map(|d| report::day(d, lang)).unwrap_or_default();
                ws.write_string(row, 4, d).map_err(xerr)?;
                ws.write_number(row, 5, days_late(t, rep.as_of) as f64)
                    .map_err(xerr)?;
                ws.write_number_with_format(row, 6, f64::from(t.progress.get()) / 100.0, &w.pct)
                    .map_err(xerr)?;
                row += 1;
            }
        }
        ws.set_column_width(2, 60).map_err(xerr)?;
    }
    {
        let ws = wb.add_worksheet().set_name(names[3]).map_err(xerr)?;
        let heads = [
            w.t("Province", "Tỉnh, thành phố"),
            w.t("File", "Tệp"),
            w.t("Reason", "Lý do"),
        ];
        header(ws, &w, &as_of, &heads)?;
        let left = r.provinces.iter().filter(|p| p.state != State::Summed);
        for (i, p) in left.enumerate() {
            let row = 2 + i as u32;
            ws.write_string(row, 0, safe(&p.name)).map_err(xerr)?;
            ws.write_string(row, 1, safe(&p.file.display().to_string()))
                .map_err(xerr)?;
            ws.write_string(row, 2, safe(&p.state.reason(lang, r.max_age)))
                .map_err(xerr)?;
        }
        ws.set_column_width(2, 80).map_err(xerr)?;
    }
    wb.save_to_buffer().map_err(xerr)
}
