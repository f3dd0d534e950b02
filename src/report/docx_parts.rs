//! The pieces of the Word report ([`super::docx`]): page set-up, runs and paragraphs in
//! Times New Roman, real Word tables for the report's tables.

use docx_rs::{
    AlignmentType, LineSpacing, PageMargin, Paragraph, Run, RunFonts, SpecialIndentType,
    Table as WTable, TableCell, TableCellMargins, TableRow, VAlignType, WidthType,
};

use super::prose::Table;

/// The font of both rules (TCVN 6909:2001 Unicode, Times New Roman).
pub const FONT: &str = "Times New Roman";

/// A4, in twentieths of a point (210 × 297 mm).
pub const A4: (u32, u32) = (11906, 16838);

/// Millimetres in twentieths of a point.
pub const fn mm(v: i32) -> i32 {
    v * 1440 * 10 / 254
}

/// The margins both rules allow: top and bottom 20 mm (20–25), left 30 mm (30–35),
/// right 15 mm (15–20).
pub fn margins() -> PageMargin {
    PageMargin::new()
        .top(mm(20))
        .bottom(mm(20))
        .left(mm(30))
        .right(mm(15))
        .header(mm(10))
        .footer(mm(10))
}

/// The width of the text between the margins.
pub fn text_width() -> usize {
    (A4.0 as i32 - mm(30) - mm(15)) as usize
}

pub fn fonts() -> RunFonts {
    RunFonts::new()
        .ascii(FONT)
        .hi_ansi(FONT)
        .east_asia(FONT)
        .cs(FONT)
}

/// A run of `text` at `pt` points.
pub fn run(text: &str, pt: usize) -> Run {
    Run::new().add_text(text).size(pt * 2)
}

/// A paragraph of one run, aligned, with no space around it.
pub fn line(r: Run, align: AlignmentType) -> Paragraph {
    Paragraph::new()
        .add_run(r)
        .align(align)
        .line_spacing(LineSpacing::new().before(0).after(0).line(240))
}

/// A body paragraph: justified, first line indented 1 cm, 6 pt after, at `pt` points.
pub fn body(text: &str, pt: usize) -> Paragraph {
    Paragraph::new()
        .add_run(run(text, pt))
        .align(AlignmentType::Both)
        .indent(None, Some(SpecialIndentType::FirstLine(mm(10))), None, None)
        .line_spacing(LineSpacing::new().before(0).after(120).line(288))
}

/// A heading of the body: bold, indented like a paragraph, 6 pt before and after.
pub fn heading(text: &str, pt: usize) -> Paragraph {
    Paragraph::new()
        .add_run(run(text, pt).bold())
        .align(AlignmentType::Both)
        .indent(None, Some(SpecialIndentType::FirstLine(mm(10))), None, None)
        .line_spacing(LineSpacing::new().before(120).after(120).line(288))
        .keep_next(true)
}

fn cell(text: &str, width: usize, align: AlignmentType, bold: bool, pt: usize) -> TableCell {
    let mut r = run(text, pt);
    if bold {
        r = r.bold();
    }
    TableCell::new()
        .add_paragraph(
            Paragraph::new()
                .add_run(r)
                .align(align)
                .line_spacing(LineSpacing::new().before(20).after(20).line(240)),
        )
        .width(width, WidthType::Dxa)
        .vertical_align(VAlignType::Center)
}

/// The column widths of a table: the first (STT) narrow, text columns shared wider.
fn widths(t: &Table) -> Vec<usize> {
    let total = text_width();
    let n = t.header.len().max(1);
    // STT and the numeric columns get a fixed share; the text columns the rest, the
    // first text column twice as wide as the others.
    let stt = 760usize;
    let num = if n >= 10 {
        760
    } else if n >= 8 {
        950
    } else {
        1100
    };
    let numeric = t.numeric.iter().skip(1).filter(|b| **b).count();
    // A deadline column holds dd/mm/yyyy on one line.
    let date = 1400usize;
    let is_date = |i: usize| matches!(t.header[i].as_str(), "Thời hạn" | "Deadline");
    let dates = (1..n).filter(|i| is_date(*i)).count();
    let texts: Vec<usize> = (1..n)
        .filter(|i| t.numeric.get(*i) != Some(&true) && !is_date(*i))
        .collect();
    let left = total.saturating_sub(stt + num * numeric + date * dates);
    let shares: usize = texts
        .iter()
        .enumerate()
        .map(|(k, _)| if k == 0 { 2 } else { 1 })
        .sum::<usize>()
        .max(1);
    let mut out = Vec::with_capacity(n);
    let mut k = 0;
    for i in 0..n {
        if i == 0 {
            out.push(stt);
        } else if t.numeric.get(i) == Some(&true) {
            out.push(num);
        } else if is_date(i) {
            out.push(date);
        } else {
            let share = if k == 0 { 2 } else { 1 };
            out.push(left * share / shares);
            k += 1;
        }
    }
    out
}

/// A report table as a real Word table: a bold centred header row, numbers right-aligned,
/// the total row in bold.
pub fn table(t: &Table) -> WTable {
    let w = widths(t);
    // Ten columns (the ranking annex) fit an A4 page in 10 pt; the others are 12 pt.
    let pt = if t.header.len() >= 10 { 10 } else { 12 };
    let align = |i: usize| {
        if t.numeric.get(i) == Some(&true) {
            AlignmentType::Right
        } else {
            AlignmentType::Left
        }
    };
    let mut rows = Vec::with_capacity(t.rows.len() + 2);
    rows.push(
        TableRow::new(
            t.header
                .iter()
                .enumerate()
                .map(|(i, h)| cell(h, w[i], AlignmentType::Center, true, pt))
                .collect(),
        )
        .cant_split(),
    );
    for r in &t.rows {
        rows.push(
            TableRow::new(
                r.iter()
                    .enumerate()
                    .map(|(i, c)| {
                        let a = if i == 0 {
                            AlignmentType::Center
                        } else {
                            align(i)
                        };
                        cell(c, w[i], a, false, pt)
                    })
                    .collect(),
            )
            .cant_split(),
        );
    }
    if let Some(total) = &t.total {
        rows.push(
            TableRow::new(
                total
                    .iter()
                    .enumerate()
                    .map(|(i, c)| cell(c, w[i], align(i), true, pt))
                    .collect(),
            )
            .cant_split(),
        );
    }
    let t = WTable::new(rows)
        .set_grid(w)
        .width(text_width(), WidthType::Dxa);
    if pt == 10 {
        // Ten narrow columns: 0.1 cm inside each cell instead of Word's 0.19 cm, so that a
        // header word ("nhiệm", "Chậm") fits its column and is never broken inside.
        t.margins(TableCellMargins::new().margin(0, 57, 0, 57))
    } else {
        t
    }
}

/// A table without borders, for the header block and the closing (two columns).
pub fn two_columns(left: Vec<Paragraph>, right: Vec<Paragraph>, split: usize) -> WTable {
    let total = text_width();
    let col = |ps: Vec<Paragraph>, w: usize| {
        let mut c = TableCell::new().width(w, WidthType::Dxa);
        for p in ps {
            c = c.add_paragraph(p);
        }
        c.clear_all_border()
    };
    WTable::without_borders(vec![TableRow::new(vec![
        col(left, split),
        col(right, total - split),
    ])])
    .set_grid(vec![split, total - split])
    .width(total, WidthType::Dxa)
}
