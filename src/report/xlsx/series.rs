//! The workbook's sheet of progress over time (issue 16): the report's series
//! (`report::series`) as a table — one row a point: its date, what it is (month end,
//! review, the report's date), the tasks in each deadline bucket, mean progress in total
//! and by category — and two charts beside it: mean progress over time (a line for all
//! categories and one for each), and the four buckets as stacked columns. Labelled in
//! the report's language.

use rust_xlsxwriter::{
    Chart, ChartFormat, ChartLegendPosition, ChartLine, ChartSolidFill, ChartType, Workbook,
};

use super::{xerr, Formats, Sheet, FIRST, HEADER_ROW};
use crate::error::Result;
use crate::report::series::Point;
use crate::report::Report;

/// The columns before the counts: STT, date, kind of point.
const LEAD_COLS: u16 = 3;
/// The column of the first count (tasks), then the four buckets, then mean progress.
const COUNTS_AT: u16 = LEAD_COLS;
const PROGRESS_AT: u16 = COUNTS_AT + 5;
/// The buckets' colours in the column chart: done on time, done late, open in time,
/// overdue.
const BUCKET_COLOURS: [u32; 4] = [0x2E7D32, 0x9CCC65, 0x42A5F5, 0xE53935];

/// What a point is, in the language: the final review on the program's last day, a
/// preliminary review, the report's own date, or a month end.
fn kind(r: &Report, p: &Point, vi: bool) -> &'static str {
    let pick = |a: &'static str, b: &'static str| if vi { a } else { b };
    let last_day = r.program.as_ref().map(|x| x.ends_on) == Some(p.date);
    match (p.review, last_day) {
        (true, true) => pick("Tổng kết", "Final review"),
        (true, false) => pick("Sơ kết", "Preliminary review"),
        _ if p.date == r.as_of => pick("Ngày báo cáo", "Report date"),
        _ => pick("Cuối tháng", "Month end"),
    }
}

/// Writes the sheet `name` of `points` into `wb`, with its charts.
#[allow(clippy::too_many_arguments)]
pub(super) fn sheet(
    wb: &mut Workbook,
    f: &Formats,
    name: &str,
    as_of_line: &str,
    r: &Report,
    points: &[Point],
    count_cols: &[(&str, Option<usize>); 6],
    lang: &str,
) -> Result<()> {
    let vi = lang == "vi";
    let pick = |a: &'static str, b: &'static str| if vi { a } else { b };
    let ws = wb.add_worksheet();
    // Printed on A4 landscape, the table and its charts one page wide.
    ws.set_paper_size(9)
        .set_landscape()
        .set_print_fit_to_pages(1, 0);
    let mut s = Sheet::new(ws, f, name, as_of_line)?;
    let cat_heads: Vec<String> = r
        .categories
        .iter()
        .map(|c| {
            let n = c.category.name(lang);
            if vi {
                format!("Tiến độ bình quân, {n} (%)")
            } else {
                format!("Mean progress, {n} (%)")
            }
        })
        .collect();
    let mut cols: Vec<(&str, Option<usize>)> = vec![
        (pick("STT", "No."), None),
        (pick("Ngày", "Date"), None),
        (pick("Thời điểm", "Point"), None),
    ];
    cols.extend_from_slice(count_cols);
    cols.extend(cat_heads.iter().map(|h| (h.as_str(), None)));
    s.header(&cols)?;
    for (i, p) in points.iter().enumerate() {
        let row = FIRST + i as u32;
        s.int(row, 0, i as i64 + 1)?;
        s.date(row, 1, Some(p.date))?;
        s.text(row, 2, kind(r, p, vi))?;
        s.counts(row, COUNTS_AT, &p.totals)?;
        for (j, c) in r.categories.iter().enumerate() {
            let at = PROGRESS_AT + 1 + j as u16;
            let counts = p
                .categories
                .iter()
                .find(|x| x.category.code == c.category.code)
                .map(|x| x.counts)
                .unwrap_or_default();
            s.pct(row, at, counts.progress)?;
        }
    }
    let ncols = cols.len() as u16;
    let last = FIRST + points.len().max(1) as u32 - 1;
    let dates = (name, FIRST, 1, last, 1);

    // Mean progress: all categories, then each.
    let mut line = Chart::new(ChartType::Line);
    line.title().set_name(pick(
        "Tiến độ bình quân theo thời gian (%)",
        "Mean progress over time (%)",
    ));
    line.add_series()
        .set_categories(dates)
        .set_values((name, FIRST, PROGRESS_AT, last, PROGRESS_AT))
        .set_name(pick("Tất cả lĩnh vực", "All categories"))
        .set_format(ChartLine::new().set_width(3.0).set_color(0x1F3864));
    for (j, c) in r.categories.iter().enumerate() {
        let at = PROGRESS_AT + 1 + j as u16;
        line.add_series()
            .set_categories(dates)
            .set_values((name, FIRST, at, last, at))
            .set_name(c.category.name(lang))
            .set_format(ChartLine::new().set_width(1.25));
    }
    line.x_axis().set_text_axis(true).set_num_format("mm/yyyy");
    line.y_axis().set_min(0.0).set_max(100.0);
    line.legend().set_position(ChartLegendPosition::Bottom);
    line.set_width(760).set_height(400);
    line.set_alt_text(pick(
        "Biểu đồ đường: tiến độ bình quân theo thời gian, chung và theo lĩnh vực",
        "Line chart: mean progress over time, in total and by category",
    ));

    // The four buckets, stacked.
    let mut cols_chart = Chart::new(ChartType::ColumnStacked);
    cols_chart.title().set_name(pick(
        "Số nhiệm vụ theo tình trạng thời hạn",
        "Tasks by deadline status",
    ));
    for (k, colour) in BUCKET_COLOURS.iter().enumerate() {
        let at = COUNTS_AT + 1 + k as u16;
        cols_chart
            .add_series()
            .set_categories(dates)
            .set_values((name, FIRST, at, last, at))
            .set_name((name, HEADER_ROW, at))
            .set_format(ChartFormat::new().set_solid_fill(ChartSolidFill::new().set_color(*colour)))
            .set_gap(40);
    }
    cols_chart
        .x_axis()
        .set_text_axis(true)
        .set_num_format("mm/yyyy");
    cols_chart
        .legend()
        .set_position(ChartLegendPosition::Bottom);
    cols_chart.set_width(760).set_height(400);
    cols_chart.set_alt_text(pick(
        "Biểu đồ cột chồng: số nhiệm vụ hoàn thành đúng hạn, hoàn thành chậm, chưa hoàn thành còn hạn và quá hạn theo thời gian",
        "Stacked columns: tasks done on time, done late, open in time and overdue over time",
    ));
    s.ws.insert_chart(FIRST, ncols + 1, &line).map_err(xerr)?;
    s.ws.insert_chart(FIRST + 21, ncols + 1, &cols_chart)
        .map_err(xerr)?;
    s.finish()
}
