//! The report in Markdown: the blocks of [`super::prose`] (the skeleton of a báo cáo sơ
//! kết / tổng kết) laid out as headings, paragraphs and tables. Sections III and V, which
//! the data cannot write, appear in the Word output only.
//!
//! Stored text is escaped (see [`super::mdtext`]): no control character, raw HTML or
//! link with a scheme other than http, https or mailto reaches the output, and `|`
//! cannot break a table.

use std::fmt::Write;

use super::prose::{blocks, Block, Table};
use super::Report;

/// Text safe in Markdown prose and table cells (see [`super::mdtext`]).
fn md(s: &str) -> String {
    super::mdtext::md(s)
}

fn table(out: &mut String, t: &Table) {
    let row = |out: &mut String, cells: &[String]| {
        out.push('|');
        for c in cells {
            let _ = write!(out, " {} |", md(c));
        }
        out.push('\n');
    };
    row(out, &t.header);
    out.push('|');
    for (i, _) in t.header.iter().enumerate() {
        out.push_str(if t.numeric.get(i) == Some(&true) {
            " ---: |"
        } else {
            " --- |"
        });
    }
    out.push('\n');
    for r in &t.rows {
        row(out, r);
    }
    if let Some(total) = &t.total {
        out.push('|');
        for (i, c) in total.iter().enumerate() {
            if c.is_empty() {
                out.push_str("  |");
            } else if i == 1 {
                // The total's label in bold.
                let _ = write!(out, " **{}** |", md(c));
            } else {
                let _ = write!(out, " {} |", md(c));
            }
        }
        out.push('\n');
    }
}

/// Renders the report as Markdown in `lang` ("vi" or "en").
pub fn render(r: &Report, lang: &str) -> String {
    let mut out = String::new();
    for b in blocks(r, lang)
        .into_iter()
        .chain(super::prose::annex(r, lang))
    {
        match b {
            Block::Title { head, about } => {
                let _ = writeln!(out, "# {}\n", md(&head));
                if let Some(a) = about {
                    let _ = writeln!(out, "**{}**\n", md(&a));
                }
            }
            Block::Section(s) => {
                let _ = writeln!(out, "## {}\n", md(&s));
            }
            Block::Part(s) => {
                let _ = writeln!(out, "### {}\n", md(&s));
            }
            Block::Para(s) => {
                let _ = writeln!(out, "{}\n", md(&s));
            }
            Block::Table(t) => {
                table(&mut out, &t);
                out.push('\n');
            }
            Block::Placeholder { .. } => {}
        }
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}
