//! The report as aligned text tables for a terminal (`--format table`). Every stored
//! string is escaped, so nothing in the database can drive the terminal.

use std::fmt::Write;

use unicode_width::UnicodeWidthStr;

use super::numbers::{dec, int};
use super::{day, days_late, Report};
use crate::domain::text;
use crate::store::Counts;

fn pad(s: &str, width: usize, right: bool) -> String {
    let w = UnicodeWidthStr::width(s);
    let fill = " ".repeat(width.saturating_sub(w));
    if right {
        format!("{fill}{s}")
    } else {
        format!("{s}{fill}")
    }
}

fn cut(s: &str, max: usize) -> String {
    if UnicodeWidthStr::width(s) <= max {
        return s.to_string();
    }
    let mut out = String::new();
    for c in s.chars() {
        if UnicodeWidthStr::width(out.as_str())
            + unicode_width::UnicodeWidthChar::width(c).unwrap_or(0)
            >= max
        {
            break;
        }
        out.push(c);
    }
    out.push('…');
    out
}

fn grid(out: &mut String, head: &[&str], rows: &[Vec<String>]) {
    let n = head.len();
    let mut widths: Vec<usize> = head.iter().map(|h| UnicodeWidthStr::width(*h)).collect();
    for r in rows {
        for (i, c) in r.iter().enumerate().take(n) {
            widths[i] = widths[i].max(UnicodeWidthStr::width(c.as_str()));
        }
    }
    let line = |cells: Vec<String>| -> String {
        cells
            .iter()
            .enumerate()
            .map(|(i, c)| {
                pad(
                    c,
                    widths[i],
                    i > 0 && c.replace([',', '.'], "").parse::<i64>().is_ok(),
                )
            })
            .collect::<Vec<_>>()
            .join("  ")
            .trim_end()
            .to_string()
    };
    let _ = writeln!(
        out,
        "{}",
        line(head.iter().map(|s| s.to_string()).collect())
    );
    for r in rows {
        let _ = writeln!(out, "{}", line(r.clone()));
    }
}

fn counts_row(name: String, c: &Counts, lang: &str) -> Vec<String> {
    vec![
        name,
        int(c.tasks, lang),
        int(c.done_on_time, lang),
        int(c.done_late, lang),
        int(c.in_time, lang),
        int(c.overdue, lang),
        if c.tasks == 0 {
            "–".to_string()
        } else {
            dec(c.progress, lang)
        },
    ]
}

/// Renders the report for a terminal in `lang`.
pub fn render(r: &Report, lang: &str) -> String {
    let vi = lang == "vi";
    let pick = |a: &'static str, b: &'static str| if vi { a } else { b };
    let mut out = String::new();
    let title = match &r.program {
        Some(p) => format!("{} — {}", text::escape(&p.code), text::escape(&p.title)),
        None => pick("Tất cả chương trình", "All programs").to_string(),
    };
    let _ = writeln!(out, "{}", cut(&title, 100));
    let _ = writeln!(
        out,
        "{} {}\n",
        pick("Tính đến ngày", "As of"),
        day(r.as_of, lang)
    );
    let head = |first: &'static str| -> Vec<&'static str> {
        vec![
            first,
            pick("Số NV", "Tasks"),
            pick("Đúng hạn", "On time"),
            pick("HT chậm", "Late"),
            pick("Chưa HT, còn hạn", "In time"),
            pick("Chưa HT, quá hạn", "Overdue"),
            pick("Tiến độ %", "Progress %"),
        ]
    };
    let mut rows: Vec<Vec<String>> = r
        .categories
        .iter()
        .map(|c| {
            counts_row(
                cut(&text::escape(c.category.name(lang)), 40),
                &c.counts,
                lang,
            )
        })
        .collect();
    rows.push(counts_row(
        pick("Tổng cộng", "Total").to_string(),
        &r.totals,
        lang,
    ));
    grid(&mut out, &head(pick("Lĩnh vực", "Category")), &rows);
    out.push('\n');
    let rows: Vec<Vec<String>> = r
        .agencies
        .iter()
        .map(|a| {
            counts_row(
                cut(
                    &format!("{} {}", text::escape(&a.code), text::escape(&a.name)),
                    40,
                ),
                &a.counts,
                lang,
            )
        })
        .collect();
    grid(
        &mut out,
        &head(pick("Cơ quan chủ trì", "Lead agency")),
        &rows,
    );
    if !r.overdue.is_empty() {
        out.push('\n');
        let rows: Vec<Vec<String>> = r
            .overdue
            .iter()
            .enumerate()
            .map(|(i, t)| {
                vec![
                    (i + 1).to_string(),
                    t.id.to_string(),
                    cut(&text::escape(&t.title), 50),
                    text::escape(&t.lead).into_owned(),
                    t.deadline.map(|d| day(d, lang)).unwrap_or_default(),
                    int(days_late(t, r.as_of), lang),
                ]
            })
            .collect();
        grid(
            &mut out,
            &[
                pick("STT", "No."),
                pick("Mã NV", "ID"),
                pick("Nhiệm vụ quá hạn", "Overdue task"),
                pick("Chủ trì", "Lead"),
                pick("Thời hạn", "Deadline"),
                pick("Số ngày", "Days late"),
            ],
            &rows,
        );
    }
    out
}
