//! Sections of the report's text after I.1 (see [`super::prose`]): the tables of I, the
//! shortcomings (II), the placeholders (III, V) and what lies ahead (IV).

use chrono::{Datelike, NaiveDate};

use super::numbers::dec;
use super::prose::{overall, title, Block, Table, Words};
use super::{day, days_late, Report, ReviewKind};
use crate::store::report::TaskAsOf;
use crate::store::{AgencyCounts, Counts};

/// The header of a table of counts whose rows are named by `first` (a category, an
/// agency, a province).
pub(crate) fn counts_header(first: &str, w: &Words) -> Table {
    Table {
        header: vec![
            w.pick("STT", "No.").to_string(),
            first.to_string(),
            w.pick("Số nhiệm vụ", "Tasks").to_string(),
            w.pick("Hoàn thành đúng hạn", "Done on time").to_string(),
            w.pick("Hoàn thành chậm", "Done late").to_string(),
            w.pick("Chưa hoàn thành, còn hạn", "Open, in time")
                .to_string(),
            w.pick("Chưa hoàn thành, quá hạn", "Overdue").to_string(),
            w.pick("Tiến độ bình quân (%)", "Mean progress (%)")
                .to_string(),
        ],
        numeric: vec![true, false, true, true, true, true, true, true],
        ..Default::default()
    }
}

/// A row of counts: STT, the name, the tasks, the four buckets, the mean progress.
pub(crate) fn counts_row(stt: &str, name: &str, c: &Counts, w: &Words) -> Vec<String> {
    vec![
        stt.to_string(),
        name.to_string(),
        w.int(c.tasks),
        w.int(c.done_on_time),
        w.int(c.done_late),
        w.int(c.in_time),
        w.int(c.overdue),
        // No tasks, no mean: a dash, not "0".
        if c.tasks == 0 {
            "–".to_string()
        } else {
            dec(c.progress, w.lang)
        },
    ]
}

fn agency_table(out: &mut Vec<Block>, rows: &[AgencyCounts], first: &str, w: &Words) {
    if rows.is_empty() {
        out.push(Block::Para(
            w.pick("Không có cơ quan nào.", "No agency is involved.")
                .to_string(),
        ));
        return;
    }
    let mut t = counts_header(first, w);
    for (i, a) in rows.iter().enumerate() {
        t.rows
            .push(counts_row(&(i + 1).to_string(), &a.name, &a.counts, w));
    }
    out.push(Block::Table(t));
}

/// "Ban Tổ chức Tỉnh ủy 2 nhiệm vụ; Ban Dân vận Tỉnh ủy 1 nhiệm vụ" for the agencies
/// with a non-zero `pick`, in protocol order.
fn by_agency(rows: &[AgencyCounts], w: &Words, pick: impl Fn(&Counts) -> i64) -> String {
    rows.iter()
        .filter(|a| pick(&a.counts) > 0)
        .map(|a| {
            if w.vi {
                format!("{} {}", a.name, w.tasks(pick(&a.counts)))
            } else {
                format!("{} {}", a.name, w.int(pick(&a.counts)))
            }
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// I.2–I.4: the tables by category, lead agency and coordinating agency.
fn results(out: &mut Vec<Block>, r: &Report, w: &Words) {
    out.push(Block::Part(
        w.pick(
            "2. Kết quả thực hiện theo lĩnh vực công tác",
            "2. Results by category",
        )
        .to_string(),
    ));
    let mut t = counts_header(w.pick("Lĩnh vực", "Category"), w);
    for (i, c) in r.categories.iter().enumerate() {
        t.rows.push(counts_row(
            &(i + 1).to_string(),
            c.category.name(w.lang),
            &c.counts,
            w,
        ));
    }
    t.total = Some(counts_row("", w.pick("Tổng cộng", "Total"), &r.totals, w));
    out.push(Block::Table(t));
    out.push(Block::Part(
        w.pick(
            "3. Kết quả thực hiện của các cơ quan chủ trì",
            "3. Results of the lead agencies",
        )
        .to_string(),
    ));
    agency_table(
        out,
        &r.agencies,
        w.pick("Cơ quan chủ trì", "Lead agency"),
        w,
    );
    out.push(Block::Part(
        w.pick(
            "4. Kết quả phối hợp của các cơ quan, đơn vị",
            "4. Coordination by the agencies",
        )
        .to_string(),
    ));
    agency_table(
        out,
        &r.coordinating,
        w.pick("Cơ quan phối hợp", "Coordinating agency"),
        w,
    );
}

/// The overdue tasks as a table: ID, title, lead agency, deadline, days overdue, progress,
/// reminders.
pub(crate) fn overdue_table(tasks: &[TaskAsOf], as_of: NaiveDate, w: &Words) -> Table {
    let mut table = Table {
        header: [
            w.pick("STT", "No."),
            w.pick("Mã NV", "Task ID"),
            w.pick("Nhiệm vụ", "Task"),
            w.pick("Cơ quan chủ trì", "Lead agency"),
            w.pick("Thời hạn", "Deadline"),
            w.pick("Số ngày quá hạn", "Days overdue"),
            w.pick("Tiến độ (%)", "Progress (%)"),
            w.pick("Số lần đôn đốc", "Reminders"),
        ]
        .iter()
        .map(|s| s.to_string())
        .collect(),
        numeric: vec![true, true, false, false, false, true, true, true],
        ..Default::default()
    };
    for (i, task) in tasks.iter().enumerate() {
        table.rows.push(vec![
            (i + 1).to_string(),
            task.id.to_string(),
            task.title.clone(),
            task.lead_name.clone(),
            task.deadline.map(|d| day(d, w.lang)).unwrap_or_default(),
            w.int(days_late(task, as_of)),
            task.progress.get().to_string(),
            w.int(task.urges),
        ]);
    }
    table
}

/// II: the overdue tasks (by lead agency, then listed with days late), the late ones,
/// and the urges.
fn shortcomings(out: &mut Vec<Block>, r: &Report, w: &Words) {
    let t = &r.totals;
    if t.overdue == 0 {
        out.push(Block::Para(
            w.pick("Không có nhiệm vụ nào quá hạn.", "No task is overdue.")
                .to_string(),
        ));
    } else {
        let who = by_agency(&r.agencies, w, |c| c.overdue);
        out.push(Block::Para(if w.vi {
            format!(
                "Còn {} chưa hoàn thành, đã quá hạn ({who}):",
                w.tasks(t.overdue)
            )
        } else {
            format!(
                "{} {} overdue ({who}):",
                w.tasks(t.overdue),
                w.be(t.overdue)
            )
        }));
        out.push(Block::Table(overdue_table(&r.overdue, r.as_of, w)));
    }
    if t.done_late > 0 {
        let who = by_agency(&r.agencies, w, |c| c.done_late);
        out.push(Block::Para(if w.vi {
            format!(
                "Có {} hoàn thành chậm so với thời hạn ({who}).",
                w.tasks(t.done_late)
            )
        } else {
            format!(
                "{} {} completed after the deadline ({who}).",
                w.tasks(t.done_late),
                if t.done_late == 1 { "was" } else { "were" }
            )
        }));
    }
    let n = r.urges;
    out.push(Block::Para(match (w.vi, r.from.is_some(), n) {
        (true, true, 0) => "Trong kỳ không phải đôn đốc nhiệm vụ nào.".to_string(),
        (true, false, 0) => "Từ khi triển khai đến nay chưa phải đôn đốc nhiệm vụ nào.".to_string(),
        (true, true, n) => format!("Trong kỳ, đã {} lần đôn đốc các cơ quan chủ trì.", w.int(n)),
        (true, false, n) => format!(
            "Từ khi triển khai đến nay, đã {} lần đôn đốc các cơ quan chủ trì.",
            w.int(n)
        ),
        (false, true, 0) => "No reminders were sent during the period.".to_string(),
        (false, false, 0) => "No reminders have been sent since the start.".to_string(),
        (false, from, n) => format!(
            "{} sent to the lead agencies {}.",
            if n == 1 {
                "1 reminder was".to_string()
            } else {
                format!("{} reminders were", w.int(n))
            },
            if from {
                "during the period"
            } else {
                "since the start"
            }
        ),
    }));
}

/// What the horizon of section IV is called: the next review of the program, or the end
/// of the half year.
fn horizon(r: &Report, w: &Words) -> String {
    let until = r.ahead.until;
    let d = day(until, w.lang);
    match &r.program {
        Some(p) if r.as_of < p.ends_on && until == p.ends_on => {
            format!(
                "{} ({d})",
                w.pick("kỳ tổng kết Chương trình", "the final review")
            )
        }
        Some(p) if r.as_of < p.ends_on && p.reviews.contains(&until) => format!(
            "{} ({d})",
            w.pick("kỳ sơ kết tiếp theo", "the next preliminary review")
        ),
        _ if until.month() == 6 => {
            if w.vi {
                format!("hết 6 tháng đầu năm {} ({d})", until.year())
            } else {
                format!("the end of the first half of {} ({d})", until.year())
            }
        }
        _ => {
            if w.vi {
                format!("hết năm {} ({d})", until.year())
            } else {
                format!("the end of {} ({d})", until.year())
            }
        }
    }
}

/// IV: open tasks by deadline, what falls due before the next review (listed), the
/// review schedule.
fn ahead(out: &mut Vec<Block>, r: &Report, w: &Words) {
    let lang = w.lang;
    let t = &r.totals;
    let a = &r.ahead;
    let open = t.in_time + t.overdue;
    let until = horizon(r, w);
    if t.tasks > 0 && open == 0 {
        out.push(Block::Para(
            w.pick("Tất cả nhiệm vụ đã hoàn thành.", "Every task is done.")
                .to_string(),
        ));
    } else if open > 0 {
        let mut parts = Vec::new();
        if w.vi {
            if t.overdue > 0 {
                parts.push(format!("{} đã quá hạn", w.tasks(t.overdue)));
            }
            if a.due_count > 0 {
                parts.push(format!(
                    "{} đến hạn từ nay đến {until}",
                    w.tasks(a.due_count)
                ));
            }
            if a.due_later > 0 {
                parts.push(format!("{} có thời hạn muộn hơn", w.tasks(a.due_later)));
            }
            if a.no_deadline > 0 {
                parts.push(format!("{} thực hiện thường xuyên", w.tasks(a.no_deadline)));
            }
            let mut s = format!("Tiếp tục thực hiện {} chưa hoàn thành", w.tasks(open));
            if !parts.is_empty() {
                s.push_str(", trong đó ");
                s.push_str(&parts.join(", "));
            }
            s.push('.');
            if a.due_count == 0 {
                s.push_str(&format!(
                    " Không có nhiệm vụ nào đến hạn từ nay đến {until}."
                ));
            }
            out.push(Block::Para(s));
        } else {
            if t.overdue > 0 {
                parts.push(format!("{} overdue", w.int(t.overdue)));
            }
            if a.due_count > 0 {
                parts.push(format!("{} due before {until}", w.int(a.due_count)));
            }
            if a.due_later > 0 {
                parts.push(format!("{} due later", w.int(a.due_later)));
            }
            if a.no_deadline > 0 {
                parts.push(format!("{} recurring", w.int(a.no_deadline)));
            }
            let mut s = format!("{} {} still to be done", w.tasks(open), w.be(open));
            if !parts.is_empty() {
                s.push_str(": ");
                s.push_str(&parts.join(", "));
            }
            s.push('.');
            if a.due_count == 0 {
                s.push_str(&format!(" No task falls due before {until}."));
            }
            out.push(Block::Para(s));
        }
        if !a.due.is_empty() {
            out.push(Block::Para(if w.vi {
                "Các nhiệm vụ đến hạn trong thời gian tới:".to_string()
            } else {
                "Tasks falling due ahead:".to_string()
            }));
            let mut table = Table {
                header: [
                    w.pick("STT", "No."),
                    w.pick("Mã NV", "Task ID"),
                    w.pick("Nhiệm vụ", "Task"),
                    w.pick("Cơ quan chủ trì", "Lead agency"),
                    w.pick("Thời hạn", "Deadline"),
                    w.pick("Tiến độ (%)", "Progress (%)"),
                ]
                .iter()
                .map(|s| s.to_string())
                .collect(),
                numeric: vec![true, true, false, false, false, true],
                ..Default::default()
            };
            for (i, task) in a.due.iter().enumerate() {
                table.rows.push(vec![
                    (i + 1).to_string(),
                    task.id.to_string(),
                    task.title.clone(),
                    task.lead_name.clone(),
                    task.deadline.map(|d| day(d, lang)).unwrap_or_default(),
                    task.progress.get().to_string(),
                ]);
            }
            out.push(Block::Table(table));
            let rest = a.due_count - a.due.len() as i64;
            if rest > 0 {
                out.push(Block::Para(if w.vi {
                    format!(
                        "Danh sách trên gồm {} đến hạn sớm nhất; còn {} khác đến hạn trong thời gian này.",
                        w.tasks(a.due.len() as i64),
                        w.tasks(rest)
                    )
                } else {
                    format!(
                        "The list above has the {} due soonest; {} more fall due in this time.",
                        w.tasks(a.due.len() as i64),
                        w.int(rest)
                    )
                }));
            }
        }
    }
    reviews(out, r, w);
}

/// The review schedule: the next review (never the report's own date) and the final one.
fn reviews(out: &mut Vec<Block>, r: &Report, w: &Words) {
    let lang = w.lang;
    let Some(p) = &r.program else { return };
    if r.as_of > p.ends_on {
        out.push(Block::Para(format!(
            "{} {}.",
            w.pick("Chương trình đã kết thúc ngày", "The program ended on"),
            day(p.ends_on, lang)
        )));
        return;
    }
    let next: Option<NaiveDate> = r.review_after();
    match next {
        _ if r.kind() == ReviewKind::Final => {}
        Some(n) if n == p.ends_on => out.push(Block::Para(format!(
            "{}: {}.",
            w.pick("Tổng kết Chương trình", "Final review"),
            day(n, lang)
        ))),
        Some(n) => out.push(Block::Para(format!(
            "{}: {}. {}: {}.",
            w.pick("Kỳ sơ kết tiếp theo", "Next preliminary review"),
            day(n, lang),
            w.pick("Tổng kết Chương trình", "Final review"),
            day(p.ends_on, lang)
        ))),
        None => {}
    }
}

fn placeholder(out: &mut Vec<Block>, heading: &str, w: &Words) {
    out.push(Block::Placeholder {
        heading: heading.to_string(),
        note: w
            .pick(
                "(Phần này do cơ quan soạn thảo viết.)",
                "(To be written by the drafting office.)",
            )
            .to_string(),
    });
}

/// Every block of the report, in the skeleton's order.
pub(super) fn assemble(r: &Report, w: &Words) -> Vec<Block> {
    let mut out = Vec::new();
    title(&mut out, r, w);
    out.push(Block::Section(
        w.pick("I. KẾT QUẢ THỰC HIỆN", "I. Results").to_string(),
    ));
    out.push(Block::Part(
        w.pick("1. Tình hình chung", "1. Overall position")
            .to_string(),
    ));
    overall(&mut out, r, w);
    if r.totals.tasks > 0 {
        results(&mut out, r, w);
    }
    out.push(Block::Section(
        w.pick(
            "II. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN",
            "II. Shortcomings and their causes",
        )
        .to_string(),
    ));
    shortcomings(&mut out, r, w);
    if r.kind() == ReviewKind::Final {
        placeholder(
            &mut out,
            w.pick("III. BÀI HỌC KINH NGHIỆM", "III. Lessons learned"),
            w,
        );
    }
    out.push(Block::Section(
        w.pick(
            "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI",
            "IV. Direction and tasks ahead",
        )
        .to_string(),
    ));
    ahead(&mut out, r, w);
    placeholder(
        &mut out,
        w.pick("V. ĐỀ XUẤT, KIẾN NGHỊ", "V. Proposals and recommendations"),
        w,
    );
    out
}
