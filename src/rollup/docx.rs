//! The roll-up as a Word document (`rollup --format docx`), laid out with the report's
//! parts ([`crate::report::docx`]): the header block of the issuing body, the title
//! "BÁO CÁO TỔNG HỢP", then
//!
//! - I. the results by province (tasks, the four buckets, mean progress, urges; the total
//!   row the sum of the provinces summed), and each province not summed in a paragraph of
//!   its own with the reason;
//! - II. the results by category, summed over the provinces;
//! - III. the overdue tasks, province by province;
//!
//! and "Nơi nhận" with the signature block left for the drafter.

use crate::error::Result;
use crate::report::docx::{self, Letterhead};
use crate::report::docx_parts::{body, heading};
use crate::report::prose::Words;
use crate::report::prose_parts::{counts_header, counts_row, overdue_table};
use crate::report::{day, numbers};

use super::{Rollup, State};

/// The letterhead of a roll-up: named on the command line, as the centre has no agency
/// list of its own. An unnamed issuer is left as dots for the clerk.
pub fn letterhead(
    issuer: Option<&str>,
    code: Option<&str>,
    party: bool,
    place: Option<&str>,
) -> Letterhead {
    let given = |s: Option<&str>| {
        s.map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
    };
    Letterhead {
        party,
        issuer: given(issuer).unwrap_or_else(|| "……………".into()),
        superior: None,
        code: given(code).unwrap_or_else(|| "……".into()),
        place: given(place),
    }
}

/// The title's second line: what the roll-up covers and up to when.
fn about(r: &Rollup, w: &Words) -> String {
    let lang = w.lang;
    let what = match &r.program {
        Some(p) if w.vi => format!("kết quả thực hiện Chương trình {p} của các tỉnh, thành phố"),
        Some(p) => format!("on the provinces' results in program {p}"),
        None => w
            .pick(
                "kết quả thực hiện nhiệm vụ của các tỉnh, thành phố",
                "on the provinces' results",
            )
            .to_string(),
    };
    let when = match (r.from, w.vi) {
        (Some(f), true) => format!("từ ngày {} đến ngày {}", day(f, lang), day(r.as_of, lang)),
        (Some(f), false) => format!("from {} to {}", day(f, lang), day(r.as_of, lang)),
        (None, true) => format!("tính đến ngày {}", day(r.as_of, lang)),
        (None, false) => format!("as of {}", day(r.as_of, lang)),
    };
    format!("{what} ({when})")
}

/// Renders the roll-up as a .docx file in `lang` ("vi" or "en").
pub fn render(r: &Rollup, h: &Letterhead, lang: &str) -> Result<Vec<u8>> {
    let w = Words::new(lang);
    let vi = w.vi;
    let pt = 14;
    let summed = r.summed().count();
    let mut doc = docx::open(h, r.as_of, vi, pt);
    doc = docx::title(
        doc,
        h,
        w.pick("BÁO CÁO TỔNG HỢP", "CONSOLIDATED REPORT"),
        Some(about(r, &w).as_str()),
        pt,
    );
    let read = r.read_at.format(if vi {
        "%H:%M ngày %d/%m/%Y"
    } else {
        "%H:%M on %Y-%m-%d"
    });
    doc = doc.add_paragraph(body(
        &if vi {
            format!(
                "Số liệu được tổng hợp từ bản sao cơ sở dữ liệu của {summed}/{} tỉnh, thành phố, đọc lúc {read} (giờ UTC).",
                r.provinces.len()
            )
        } else {
            format!(
                "The figures are summed from the database replicas of {summed} of {} provinces, read at {read} UTC.",
                r.provinces.len()
            )
        },
        pt,
    ));

    doc = doc.add_paragraph(heading(
        w.pick(
            "I. KẾT QUẢ THỰC HIỆN THEO TỈNH, THÀNH PHỐ",
            "I. RESULTS BY PROVINCE",
        ),
        pt,
    ));
    let mut t = counts_header(w.pick("Tỉnh, thành phố", "Province"), &w);
    t.header
        .push(w.pick("Số lần đôn đốc", "Reminders").to_string());
    t.numeric.push(true);
    for (i, p) in r.summed().enumerate() {
        if let Some(rep) = &p.report {
            let mut row = counts_row(&(i + 1).to_string(), &p.name, &rep.totals, &w);
            row.push(w.int(rep.urges));
            t.rows.push(row);
        }
    }
    let mut total = counts_row("", w.pick("Tổng cộng", "Total"), &r.totals, &w);
    total.push(w.int(r.urges));
    t.total = Some(total);
    doc = docx::add_table(doc, &t);
    let left: Vec<_> = r
        .provinces
        .iter()
        .filter(|p| p.state != State::Summed)
        .collect();
    if !left.is_empty() {
        doc = doc.add_paragraph(body(
            &if vi {
                format!(
                    "Chưa tổng hợp {} tỉnh, thành phố do bản sao không dùng được:",
                    numbers::int(left.len() as i64, lang)
                )
            } else {
                format!(
                    "{} {} not summed, as their replicas cannot be used:",
                    numbers::int(left.len() as i64, lang),
                    if left.len() == 1 {
                        "province is"
                    } else {
                        "provinces are"
                    }
                )
            },
            pt,
        ));
        for p in left {
            doc = doc.add_paragraph(body(
                &format!(
                    "- {} ({}): {}",
                    p.name,
                    p.file.display(),
                    p.state.reason(lang, r.max_age)
                ),
                pt,
            ));
        }
    }

    doc = doc.add_paragraph(heading(
        w.pick(
            "II. KẾT QUẢ THỰC HIỆN THEO LĨNH VỰC",
            "II. RESULTS BY CATEGORY",
        ),
        pt,
    ));
    let mut t = counts_header(w.pick("Lĩnh vực", "Category"), &w);
    for (i, c) in r.categories.iter().enumerate() {
        t.rows.push(counts_row(
            &(i + 1).to_string(),
            c.category.name(w.lang),
            &c.counts,
            &w,
        ));
    }
    t.total = Some(counts_row("", w.pick("Tổng cộng", "Total"), &r.totals, &w));
    doc = docx::add_table(doc, &t);

    doc = doc.add_paragraph(heading(
        w.pick(
            "III. NHIỆM VỤ QUÁ HẠN THEO TỈNH, THÀNH PHỐ",
            "III. OVERDUE TASKS BY PROVINCE",
        ),
        pt,
    ));
    let late: Vec<_> = r
        .summed()
        .filter_map(|p| p.report.as_ref().map(|rep| (p, rep)))
        .filter(|(_, rep)| !rep.overdue.is_empty())
        .collect();
    if late.is_empty() {
        doc = doc.add_paragraph(body(
            w.pick("Không có nhiệm vụ nào quá hạn.", "No task is overdue."),
            pt,
        ));
    }
    for (k, (p, rep)) in late.into_iter().enumerate() {
        let n = rep.overdue.len() as i64;
        doc = doc.add_paragraph(heading(
            &if vi {
                format!("{}. {}: {} quá hạn", k + 1, p.name, w.tasks(n))
            } else {
                format!("{}. {}: {} overdue", k + 1, p.name, w.tasks(n))
            },
            pt,
        ));
        doc = docx::add_table(doc, &overdue_table(&rep.overdue, rep.as_of, &w));
    }
    docx::close(doc, h, vi, pt)
}
