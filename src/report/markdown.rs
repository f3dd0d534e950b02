//! The report in Markdown: Vietnamese phrased as the seed reports phrase it ("Công tác
//! tư tưởng có 5 nhiệm vụ; Công tác tổ chức xây dựng Đảng có 15 nhiệm vụ; …"), or English.
//! Stored text is escaped (see [`super::mdtext`]): no control character, raw HTML or
//! link with a scheme other than http, https or mailto reaches the output, and `|`
//! cannot break a table.

use std::fmt::Write;

use super::{day, days_late, num, Report, ReviewKind};
use crate::store::{AgencyCounts, Counts};

/// Text from the database, safe in Markdown prose and table cells (see [`super::mdtext`]).
fn cell(s: &str) -> String {
    super::mdtext::md(s)
}

struct Words {
    vi: bool,
}

impl Words {
    fn pick<'a>(&self, vi: &'a str, en: &'a str) -> &'a str {
        if self.vi {
            vi
        } else {
            en
        }
    }
}

fn tasks_word(n: i64, vi: bool) -> String {
    if vi {
        format!("{n} nhiệm vụ")
    } else if n == 1 {
        "1 task".to_string()
    } else {
        format!("{n} tasks")
    }
}

fn counts_header(out: &mut String, first: &str, w: &Words) {
    let _ = writeln!(
        out,
        "| {first} | {} | {} | {} | {} | {} | {} |",
        w.pick("Số nhiệm vụ", "Tasks"),
        w.pick("Hoàn thành đúng hạn", "Done on time"),
        w.pick("Hoàn thành quá hạn", "Done late"),
        w.pick("Chưa hoàn thành, trong hạn", "In time"),
        w.pick("Chưa hoàn thành, quá hạn", "Overdue"),
        w.pick("Tiến độ bình quân (%)", "Mean progress (%)"),
    );
    out.push_str("| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
}

fn counts_row(out: &mut String, name: &str, c: &Counts, lang: &str) {
    let _ = writeln!(
        out,
        "| {name} | {} | {} | {} | {} | {} | {} |",
        c.tasks,
        c.done_on_time,
        c.done_late,
        c.in_time,
        c.overdue,
        num(c.progress, lang)
    );
}

fn agency_table(out: &mut String, rows: &[AgencyCounts], first: &str, w: &Words, lang: &str) {
    if rows.is_empty() {
        out.push_str(w.pick("Không có.\n", "None.\n"));
        return;
    }
    counts_header(out, first, w);
    for a in rows {
        counts_row(
            out,
            &format!("{} ({})", cell(&a.name), cell(&a.code)),
            &a.counts,
            lang,
        );
    }
}

/// Renders the report as Markdown in `lang` ("vi" or "en").
pub fn render(r: &Report, lang: &str) -> String {
    let vi = lang == "vi";
    let w = Words { vi };
    let mut out = String::new();
    let kind = match (r.kind(), vi) {
        (ReviewKind::Final, true) => "Báo cáo tổng kết",
        (ReviewKind::Preliminary, true) => "Báo cáo sơ kết",
        (ReviewKind::Progress, true) => "Báo cáo tình hình thực hiện",
        (ReviewKind::Final, false) => "Final review report",
        (ReviewKind::Preliminary, false) => "Preliminary review report",
        (ReviewKind::Progress, false) => "Progress report",
    };
    match &r.program {
        Some(p) => {
            let _ = writeln!(out, "# {kind}: {}\n", cell(&p.title));
            let _ = writeln!(
                out,
                "{}: {} · {}: {} – {}{}",
                w.pick("Mã chương trình", "Program code"),
                cell(&p.code),
                w.pick("Thời gian thực hiện", "Period"),
                day(p.starts_on, lang),
                day(p.ends_on, lang),
                match &p.basis {
                    Some(b) => format!(" · {}: {}", w.pick("Căn cứ", "Legal basis"), cell(b)),
                    None => String::new(),
                }
            );
            out.push('\n');
        }
        None => {
            let _ = writeln!(
                out,
                "# {kind}: {}\n",
                w.pick("tất cả chương trình", "all programs")
            );
        }
    }
    match r.from {
        Some(f) => {
            let _ = writeln!(
                out,
                "{} {} {} {}.\n",
                w.pick("Kỳ báo cáo: từ ngày", "Reporting period: from"),
                day(f, lang),
                w.pick("đến ngày", "to"),
                day(r.as_of, lang)
            );
        }
        None => {
            let _ = writeln!(
                out,
                "{} {}.\n",
                w.pick("Số liệu tính đến ngày", "Figures as of"),
                day(r.as_of, lang)
            );
        }
    }

    let _ = writeln!(out, "## {}\n", w.pick("Tổng quan", "Overview"));
    let listed: Vec<String> = r
        .categories
        .iter()
        .filter(|c| c.counts.tasks > 0)
        .map(|c| {
            if vi {
                format!(
                    "{} có {}",
                    c.category.name_vi,
                    tasks_word(c.counts.tasks, true)
                )
            } else {
                format!(
                    "{}: {}",
                    c.category.name_en,
                    tasks_word(c.counts.tasks, false)
                )
            }
        })
        .collect();
    let whole = if r.program.is_some() {
        w.pick("Chương trình", "The program")
    } else {
        w.pick("Các chương trình", "The programs")
    };
    if listed.is_empty() {
        let _ = writeln!(
            out,
            "{whole} {}.\n",
            w.pick("chưa có nhiệm vụ nào", "have no tasks yet")
        );
    } else {
        let _ = writeln!(
            out,
            "{whole} {} {} ({} {}).\n",
            w.pick("có", "has"),
            tasks_word(r.totals.tasks, vi),
            w.pick("trong đó,", "of which"),
            cell(&listed.join("; "))
        );
    }
    let t = &r.totals;
    if vi {
        let _ = writeln!(
            out,
            "Đến ngày {}: hoàn thành đúng hạn {}; hoàn thành quá hạn {}; chưa hoàn thành, trong hạn {}; chưa hoàn thành, quá hạn {}. Tiến độ bình quân đạt {}%.\n",
            day(r.as_of, lang),
            tasks_word(t.done_on_time, true),
            tasks_word(t.done_late, true),
            tasks_word(t.in_time, true),
            tasks_word(t.overdue, true),
            num(t.progress, lang)
        );
    } else {
        let _ = writeln!(
            out,
            "As of {}: {} done on time; {} done late; {} not done and in time; {} overdue. Mean progress {}%.\n",
            day(r.as_of, lang),
            tasks_word(t.done_on_time, false),
            tasks_word(t.done_late, false),
            tasks_word(t.in_time, false),
            tasks_word(t.overdue, false),
            num(t.progress, lang)
        );
    }
    let pm = &r.progress;
    if vi {
        let _ = writeln!(
            out,
            "{}: {} nhiệm vụ hoàn thành, {} nhiệm vụ mới, {} lượt cập nhật tiến độ; tiến độ bình quân từ {}% lên {}% (tăng {} điểm phần trăm); {} lượt đôn đốc. {}\n",
            if r.from.is_some() { "Trong kỳ" } else { "Từ khi triển khai" },
            pm.completed,
            pm.created,
            pm.updates,
            num(pm.start, lang),
            num(pm.end, lang),
            num(pm.gained, lang),
            r.urges,
            match r.due_soon {
                0 => "Không có nhiệm vụ nào sắp đến hạn trong 14 ngày.".to_string(),
                n => format!("Có {n} nhiệm vụ sắp đến hạn trong 14 ngày."),
            }
        );
    } else {
        let _ = writeln!(
            out,
            "{}: {} completed, {}, {} progress updates; mean progress from {}% to {}% (up {} percentage points); {} urges sent. {}\n",
            if r.from.is_some() { "During the period" } else { "Since the start" },
            tasks_word(pm.completed, false),
            match pm.created {
                1 => "1 new task".to_string(),
                n => format!("{n} new tasks"),
            },
            pm.updates,
            num(pm.start, lang),
            num(pm.end, lang),
            num(pm.gained, lang),
            r.urges,
            match r.due_soon {
                0 => "No task is due within 14 days.".to_string(),
                n => format!("{} due within 14 days.", tasks_word(n, false)),
            }
        );
    }

    let _ = writeln!(
        out,
        "## {}\n",
        w.pick("Theo lĩnh vực công tác", "By category")
    );
    counts_header(&mut out, w.pick("Lĩnh vực", "Category"), &w);
    for c in &r.categories {
        counts_row(&mut out, &cell(c.category.name(lang)), &c.counts, lang);
    }
    counts_row(
        &mut out,
        &format!("**{}**", w.pick("Tổng cộng", "Total")),
        &r.totals,
        lang,
    );
    out.push('\n');

    let _ = writeln!(
        out,
        "## {}\n",
        w.pick("Theo cơ quan chủ trì", "By lead agency")
    );
    agency_table(
        &mut out,
        &r.agencies,
        w.pick("Cơ quan chủ trì", "Lead agency"),
        &w,
        lang,
    );
    out.push('\n');
    let _ = writeln!(
        out,
        "## {}\n",
        w.pick("Theo cơ quan phối hợp", "By coordinating agency")
    );
    agency_table(
        &mut out,
        &r.coordinating,
        w.pick("Cơ quan phối hợp", "Coordinating agency"),
        &w,
        lang,
    );
    out.push('\n');

    let _ = writeln!(out, "## {}\n", w.pick("Nhiệm vụ quá hạn", "Overdue tasks"));
    if r.overdue.is_empty() {
        out.push_str(w.pick("Không có nhiệm vụ quá hạn.\n", "No task is overdue.\n"));
    } else {
        let _ = writeln!(
            out,
            "| # | {} | {} | {} | {} | {} | {} |",
            w.pick("Nhiệm vụ", "Task"),
            w.pick("Cơ quan chủ trì", "Lead agency"),
            w.pick("Hạn", "Deadline"),
            w.pick("Số ngày quá hạn", "Days late"),
            w.pick("Tiến độ (%)", "Progress (%)"),
            w.pick("Lượt đôn đốc", "Urges"),
        );
        out.push_str("| ---: | --- | --- | --- | ---: | ---: | ---: |\n");
        for t in &r.overdue {
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} | {} | {} | {} |",
                t.id,
                cell(&t.title),
                cell(&t.lead_name),
                t.deadline.map(|d| day(d, lang)).unwrap_or_default(),
                days_late(t, r.as_of),
                t.progress.get(),
                t.urges
            );
        }
    }
    if let Some(p) = &r.program {
        let _ = writeln!(
            out,
            "\n## {}\n",
            w.pick("Lịch sơ kết, tổng kết", "Review schedule")
        );
        let (prelim, last) = p.reviews.split_at(p.reviews.len().saturating_sub(1));
        let list = |ds: &[chrono::NaiveDate]| {
            ds.iter()
                .map(|d| day(*d, lang))
                .collect::<Vec<_>>()
                .join(", ")
        };
        if !prelim.is_empty() {
            let _ = writeln!(
                out,
                "{}: {}.",
                w.pick("Sơ kết", "Preliminary reviews"),
                list(prelim)
            );
        }
        let _ = writeln!(
            out,
            "{}: {}.",
            w.pick("Tổng kết", "Final review"),
            list(last)
        );
        match p.next_review {
            Some(n) => {
                let _ = writeln!(
                    out,
                    "{}: {}.",
                    w.pick("Kỳ sơ kết, tổng kết tiếp theo", "Next review"),
                    day(n, lang)
                );
            }
            None => {
                let _ = writeln!(
                    out,
                    "{}",
                    w.pick(
                        "Chương trình đã đến kỳ tổng kết.",
                        "The program has reached its final review."
                    )
                );
            }
        }
    }
    out
}
