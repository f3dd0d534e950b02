//! The report in Markdown, in the skeleton of a báo cáo sơ kết / tổng kết (issue 15):
//! I. Kết quả thực hiện (the overall position with the completion ratio, the results by
//! category in seed 003's sentence, by lead agency, the coordination), II. Tồn tại, hạn
//! chế (the overdue and late tasks by lead agency, with days late, and the urges sent),
//! IV. Phương hướng (what is left, what falls due, the next review). Sections III and V,
//! which the data cannot write, are left out. Vietnamese or English; numbers in the
//! reader's conventions ([`super::numbers`]); zero counts are left out or said in words.
//!
//! Stored text is escaped (see [`super::mdtext`]): no control character, raw HTML or
//! link with a scheme other than http, https or mailto reaches the output, and `|`
//! cannot break a table.

use std::fmt::Write;

use super::numbers::{dec, int, pct, ratio};
use super::{day, days_late, Report, ReviewKind};
use crate::store::{AgencyCounts, Counts};

/// Text from the database, safe in Markdown prose and table cells (see [`super::mdtext`]).
fn cell(s: &str) -> String {
    super::mdtext::md(s)
}

struct Words {
    vi: bool,
    lang: &'static str,
}

impl Words {
    fn pick<'a>(&self, vi: &'a str, en: &'a str) -> &'a str {
        if self.vi {
            vi
        } else {
            en
        }
    }

    /// "58 nhiệm vụ", "1 task", "20,000 tasks".
    fn tasks(&self, n: i64) -> String {
        if self.vi {
            format!("{} nhiệm vụ", int(n, self.lang))
        } else if n == 1 {
            "1 task".to_string()
        } else {
            format!("{} tasks", int(n, self.lang))
        }
    }

    fn int(&self, n: i64) -> String {
        int(n, self.lang)
    }
}

fn counts_header(out: &mut String, first: &str, w: &Words) {
    let _ = writeln!(
        out,
        "| {} | {first} | {} | {} | {} | {} | {} | {} |",
        w.pick("STT", "No."),
        w.pick("Số nhiệm vụ", "Tasks"),
        w.pick("Hoàn thành đúng hạn", "Done on time"),
        w.pick("Hoàn thành chậm", "Done late"),
        w.pick("Chưa hoàn thành, còn hạn", "Open, in time"),
        w.pick("Chưa hoàn thành, quá hạn", "Overdue"),
        w.pick("Tiến độ bình quân (%)", "Mean progress (%)"),
    );
    out.push_str("| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
}

fn counts_row(out: &mut String, stt: &str, name: &str, c: &Counts, w: &Words) {
    let _ = writeln!(
        out,
        "| {stt} | {name} | {} | {} | {} | {} | {} | {} |",
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
        }
    );
}

fn agency_table(out: &mut String, rows: &[AgencyCounts], first: &str, w: &Words) {
    if rows.is_empty() {
        out.push_str(w.pick("Không có cơ quan nào.\n", "No agency is involved.\n"));
        return;
    }
    counts_header(out, first, w);
    for (i, a) in rows.iter().enumerate() {
        counts_row(out, &(i + 1).to_string(), &cell(&a.name), &a.counts, w);
    }
}

/// "Ban Tổ chức Tỉnh ủy 2 nhiệm vụ; Ban Dân vận Tỉnh ủy 1 nhiệm vụ" for the agencies
/// with a non-zero `pick`.
fn by_agency(rows: &[AgencyCounts], w: &Words, pick: impl Fn(&Counts) -> i64) -> String {
    rows.iter()
        .filter(|a| pick(&a.counts) > 0)
        .map(|a| {
            if w.vi {
                format!("{} {}", cell(&a.name), w.tasks(pick(&a.counts)))
            } else {
                format!("{} {}", cell(&a.name), w.int(pick(&a.counts)))
            }
        })
        .collect::<Vec<_>>()
        .join("; ")
}

fn title(out: &mut String, r: &Report, w: &Words) {
    let lang = w.lang;
    match (&r.program, w.vi) {
        (Some(p), true) => {
            let (head, what) = match r.kind() {
                ReviewKind::Final => ("BÁO CÁO TỔNG KẾT", "việc triển khai thực hiện"),
                ReviewKind::Preliminary => ("BÁO CÁO SƠ KẾT", "việc triển khai thực hiện"),
                ReviewKind::Progress => ("BÁO CÁO", "tình hình thực hiện"),
            };
            let _ = writeln!(out, "# {head}\n\n**{what} {}**\n", cell(&p.title));
        }
        (Some(p), false) => {
            let head = match r.kind() {
                ReviewKind::Final => "Final review (tổng kết)",
                ReviewKind::Preliminary => "Preliminary review (sơ kết)",
                ReviewKind::Progress => "Progress report",
            };
            let _ = writeln!(out, "# {head}: {}\n", cell(&p.title));
        }
        (None, true) => {
            let _ = writeln!(
                out,
                "# BÁO CÁO\n\n**tình hình thực hiện các chương trình công tác (tính đến ngày {})**\n",
                day(r.as_of, lang)
            );
        }
        (None, false) => {
            let _ = writeln!(
                out,
                "# Progress report: all work programs (as of {})\n",
                day(r.as_of, lang)
            );
        }
    }
    if let Some(p) = &r.program {
        let span = if w.vi {
            format!(
                "Chương trình được triển khai từ ngày {} đến ngày {}.",
                day(p.starts_on, lang),
                day(p.ends_on, lang)
            )
        } else {
            format!(
                "The program runs from {} to {}.",
                day(p.starts_on, lang),
                day(p.ends_on, lang)
            )
        };
        match (&p.basis, w.vi) {
            (Some(b), true) => {
                let _ = writeln!(out, "Căn cứ {}; {span}\n", cell(b));
            }
            (Some(b), false) => {
                let _ = writeln!(out, "Basis: {}. {span}\n", cell(b));
            }
            (None, _) => {
                let _ = writeln!(out, "{span}\n");
            }
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
        // All programs: the title already gives the date.
        None if r.program.is_none() => {}
        None => {
            let _ = writeln!(
                out,
                "{} {}.\n",
                w.pick("Số liệu tính đến ngày", "Figures as of"),
                day(r.as_of, lang)
            );
        }
    }
}

/// I.1: the composition, the completion ratio and its parts, the mean progress, and in
/// a period what changed.
fn overall(out: &mut String, r: &Report, w: &Words) {
    let lang = w.lang;
    let t = &r.totals;
    if t.tasks == 0 {
        let s = match &r.program {
            Some(p) if r.as_of < p.starts_on => {
                if w.vi {
                    format!(
                        "Chương trình chưa bắt đầu triển khai (bắt đầu từ ngày {}).",
                        day(p.starts_on, lang)
                    )
                } else {
                    format!(
                        "The program has not started yet (it starts on {}).",
                        day(p.starts_on, lang)
                    )
                }
            }
            Some(_) => w
                .pick(
                    "Chương trình chưa có nhiệm vụ nào.",
                    "The program has no tasks yet.",
                )
                .to_string(),
            None => w
                .pick(
                    "Chưa có chương trình nào có nhiệm vụ.",
                    "No program has any tasks yet.",
                )
                .to_string(),
        };
        let _ = writeln!(out, "{s}\n");
        return;
    }
    let listed: Vec<String> = r
        .categories
        .iter()
        .filter(|c| c.counts.tasks > 0)
        .map(|c| {
            if w.vi {
                format!(
                    "{} có {}",
                    cell(&c.category.name_vi),
                    w.tasks(c.counts.tasks)
                )
            } else {
                format!("{} {}", cell(&c.category.name_en), w.int(c.counts.tasks))
            }
        })
        .collect();
    let _ = match (r.program.is_some(), w.vi) {
        (true, true) => writeln!(
            out,
            "Chương trình có {} (trong đó, {}).\n",
            w.tasks(t.tasks),
            listed.join("; ")
        ),
        (false, true) => writeln!(
            out,
            "Các chương trình có tổng cộng {} (trong đó, {}).\n",
            w.tasks(t.tasks),
            listed.join("; ")
        ),
        (true, false) => writeln!(
            out,
            "The program has {}: {}.\n",
            w.tasks(t.tasks),
            listed.join(", ")
        ),
        (false, false) => writeln!(
            out,
            "All programs together have {}: {}.\n",
            w.tasks(t.tasks),
            listed.join(", ")
        ),
    };

    let done = t.done_on_time + t.done_late;
    let open = t.in_time + t.overdue;
    let share = pct(ratio(done, t.tasks), lang);
    let mut s = String::new();
    if w.vi {
        let _ = write!(s, "Đến ngày {}, ", day(r.as_of, lang));
        if done == 0 {
            s.push_str("chưa có nhiệm vụ nào hoàn thành");
        } else {
            let _ = write!(
                s,
                "đã hoàn thành {}/{} nhiệm vụ, đạt {share}",
                w.int(done),
                w.int(t.tasks)
            );
            match (t.done_on_time, t.done_late) {
                (0, _) => s.push_str(", đều hoàn thành chậm so với thời hạn"),
                (_, 0) => s.push_str(", đều hoàn thành đúng hạn"),
                (a, b) => {
                    let _ = write!(
                        s,
                        ", trong đó {} hoàn thành đúng hạn, {} hoàn thành chậm so với thời hạn",
                        w.tasks(a),
                        w.tasks(b)
                    );
                }
            }
        }
        if done == 0 {
            // Every task is open.
            match (t.in_time, t.overdue) {
                (_, 0) => {
                    let _ = write!(s, "; cả {} đều còn trong thời hạn", w.tasks(open));
                }
                (0, _) => {
                    let _ = write!(s, "; cả {} đều đã quá hạn", w.tasks(open));
                }
                (i, o) => {
                    let _ = write!(
                        s,
                        "; trong đó {} còn trong thời hạn, {} đã quá hạn",
                        w.tasks(i),
                        w.tasks(o)
                    );
                }
            }
        } else if open > 0 {
            let _ = write!(s, "; còn {} chưa hoàn thành", w.tasks(open));
            match (t.in_time, t.overdue) {
                (0, _) => s.push_str(", đã quá hạn"),
                (_, 0) => s.push_str(", còn trong thời hạn"),
                (i, o) => {
                    let _ = write!(
                        s,
                        ", trong đó {} còn trong thời hạn, {} đã quá hạn",
                        w.tasks(i),
                        w.tasks(o)
                    );
                }
            }
        }
        let _ = write!(s, ". Tiến độ bình quân đạt {}.", pct(t.progress, lang));
    } else {
        let _ = write!(s, "As of {}, ", day(r.as_of, lang));
        if done == 0 {
            s.push_str("no task is done yet");
        } else {
            let _ = write!(
                s,
                "{} of the {} {} done ({share})",
                w.int(done),
                w.tasks(t.tasks),
                if done == 1 { "is" } else { "are" }
            );
            match (t.done_on_time, t.done_late) {
                (0, _) => s.push_str(", all of them late"),
                (_, 0) => s.push_str(", all of them on time"),
                (a, b) => {
                    let _ = write!(s, ": {} on time and {} late", w.int(a), w.int(b));
                }
            }
        }
        if open > 0 {
            let _ = write!(
                s,
                "; {} {} not done",
                w.tasks(open),
                if open == 1 { "is" } else { "are" }
            );
            match (t.in_time, t.overdue) {
                (0, _) => s.push_str(" and past the deadline"),
                (_, 0) => s.push_str(" but within the deadline"),
                (i, o) => {
                    let _ = write!(
                        s,
                        " ({} within the deadline, {} overdue)",
                        w.int(i),
                        w.int(o)
                    );
                }
            }
        }
        let _ = write!(s, ". Mean progress is {}.", pct(t.progress, lang));
    }
    let _ = writeln!(out, "{s}\n");

    // In a period: what changed. (Since the start everything is new: nothing to add.)
    if let Some(from) = r.from {
        let pm = &r.progress;
        let mut s = String::new();
        if w.vi {
            let _ = write!(
                s,
                "Trong kỳ báo cáo (từ ngày {} đến ngày {}), ",
                day(from, lang),
                day(r.as_of, lang)
            );
            let mut parts = Vec::new();
            if pm.completed > 0 {
                parts.push(format!("đã hoàn thành thêm {}", w.tasks(pm.completed)));
            }
            if pm.created > 0 {
                parts.push(format!("bổ sung {} mới", w.tasks(pm.created)));
            }
            if parts.is_empty() {
                s.push_str("không có nhiệm vụ nào hoàn thành thêm hay được bổ sung");
            } else {
                s.push_str(&parts.join(", "));
            }
            let (a, b) = (pct(pm.start, lang), pct(pm.end, lang));
            let _ = if pm.end > pm.start {
                write!(s, "; tiến độ bình quân tăng từ {a} lên {b}.")
            } else if pm.end < pm.start {
                write!(s, "; tiến độ bình quân giảm từ {a} xuống {b}.")
            } else {
                write!(s, "; tiến độ bình quân giữ nguyên ở mức {b}.")
            };
        } else {
            let _ = write!(
                s,
                "During the period (from {} to {}), ",
                day(from, lang),
                day(r.as_of, lang)
            );
            let mut parts = Vec::new();
            if pm.completed > 0 {
                parts.push(format!(
                    "{} more {} completed",
                    w.tasks(pm.completed),
                    if pm.completed == 1 { "was" } else { "were" }
                ));
            }
            if pm.created > 0 {
                parts.push(format!(
                    "{} {} added",
                    w.tasks(pm.created),
                    if pm.created == 1 { "was" } else { "were" }
                ));
            }
            if parts.is_empty() {
                s.push_str("no task was completed or added");
            } else {
                s.push_str(&parts.join(" and "));
            }
            let (a, b) = (pct(pm.start, lang), pct(pm.end, lang));
            let _ = if pm.end > pm.start {
                write!(s, "; mean progress rose from {a} to {b}.")
            } else if pm.end < pm.start {
                write!(s, "; mean progress fell from {a} to {b}.")
            } else {
                write!(s, "; mean progress stayed at {b}.")
            };
        }
        let _ = writeln!(out, "{s}\n");
    }
}

/// II: the overdue tasks (by lead agency, then listed with days late), the late ones,
/// and the urges.
fn shortcomings(out: &mut String, r: &Report, w: &Words) {
    let lang = w.lang;
    let t = &r.totals;
    if t.overdue == 0 {
        let _ = writeln!(
            out,
            "{}\n",
            w.pick("Không có nhiệm vụ nào quá hạn.", "No task is overdue.")
        );
    } else {
        let who = by_agency(&r.agencies, w, |c| c.overdue);
        if w.vi {
            let _ = writeln!(
                out,
                "Còn {} chưa hoàn thành, đã quá hạn ({who}):\n",
                w.tasks(t.overdue)
            );
        } else {
            let _ = writeln!(
                out,
                "{} {} overdue ({who}):\n",
                w.tasks(t.overdue),
                if t.overdue == 1 { "is" } else { "are" }
            );
        }
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} | {} | {} |",
            w.pick("STT", "No."),
            w.pick("Mã NV", "Task ID"),
            w.pick("Nhiệm vụ", "Task"),
            w.pick("Cơ quan chủ trì", "Lead agency"),
            w.pick("Thời hạn", "Deadline"),
            w.pick("Số ngày quá hạn", "Days overdue"),
            w.pick("Tiến độ (%)", "Progress (%)"),
            w.pick("Số lần đôn đốc", "Reminders"),
        );
        out.push_str("| ---: | ---: | --- | --- | --- | ---: | ---: | ---: |\n");
        for (i, task) in r.overdue.iter().enumerate() {
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} | {} | {} | {} | {} |",
                i + 1,
                task.id,
                cell(&task.title),
                cell(&task.lead_name),
                task.deadline.map(|d| day(d, lang)).unwrap_or_default(),
                w.int(days_late(task, r.as_of)),
                task.progress.get(),
                w.int(task.urges)
            );
        }
        out.push('\n');
    }
    if t.done_late > 0 {
        let who = by_agency(&r.agencies, w, |c| c.done_late);
        if w.vi {
            let _ = writeln!(
                out,
                "Có {} hoàn thành chậm so với thời hạn ({who}).\n",
                w.tasks(t.done_late)
            );
        } else {
            let _ = writeln!(
                out,
                "{} {} completed after the deadline ({who}).\n",
                w.tasks(t.done_late),
                if t.done_late == 1 { "was" } else { "were" }
            );
        }
    }
    let n = r.urges;
    let s = match (w.vi, r.from.is_some(), n) {
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
    };
    let _ = writeln!(out, "{s}\n");
}

/// IV: what is left, what falls due within 14 days, the review schedule.
fn ahead(out: &mut String, r: &Report, w: &Words) {
    let lang = w.lang;
    let t = &r.totals;
    let open = t.in_time + t.overdue;
    if t.tasks > 0 && open == 0 {
        let _ = writeln!(
            out,
            "{}\n",
            w.pick("Tất cả nhiệm vụ đã hoàn thành.", "Every task is done.")
        );
    } else if open > 0 {
        let until = r.as_of + chrono::Days::new(14);
        let s = match (w.vi, r.due_soon) {
            (true, 0) => format!(
                "Tiếp tục thực hiện {} chưa hoàn thành. Trong 14 ngày tới (đến ngày {}) không có nhiệm vụ nào đến hạn.",
                w.tasks(open),
                day(until, lang)
            ),
            (true, n) => format!(
                "Tiếp tục thực hiện {} chưa hoàn thành. Trong 14 ngày tới (đến ngày {}) có {} đến hạn.",
                w.tasks(open),
                day(until, lang),
                w.tasks(n)
            ),
            (false, n) => format!(
                "{} {} still to be done. {} due within the next 14 days (by {}).",
                w.tasks(open),
                if open == 1 { "is" } else { "are" },
                match n {
                    0 => "No task is".to_string(),
                    1 => "1 task is".to_string(),
                    n => format!("{} tasks are", w.int(n)),
                },
                day(until, lang)
            ),
        };
        let _ = writeln!(out, "{s}\n");
    }
    let Some(p) = &r.program else { return };
    if r.as_of > p.ends_on {
        let _ = writeln!(
            out,
            "{} {}.",
            w.pick(
                "Chương trình đã được tổng kết ngày",
                "The program's final review was on"
            ),
            day(p.ends_on, lang)
        );
        return;
    }
    match r.review_after() {
        _ if r.kind() == ReviewKind::Final => {}
        Some(n) if n == p.ends_on => {
            let _ = writeln!(
                out,
                "{}: {}.",
                w.pick("Tổng kết Chương trình", "Final review"),
                day(n, lang)
            );
        }
        Some(n) => {
            let _ = writeln!(
                out,
                "{}: {}. {}: {}.",
                w.pick("Kỳ sơ kết tiếp theo", "Next preliminary review"),
                day(n, lang),
                w.pick("Tổng kết Chương trình", "Final review"),
                day(p.ends_on, lang)
            );
        }
        None => {}
    }
}

/// Renders the report as Markdown in `lang` ("vi" or "en").
pub fn render(r: &Report, lang: &str) -> String {
    let vi = lang == "vi";
    let w = Words {
        vi,
        lang: if vi { "vi" } else { "en" },
    };
    let mut out = String::new();
    title(&mut out, r, &w);

    let _ = writeln!(out, "## {}\n", w.pick("I. KẾT QUẢ THỰC HIỆN", "I. Results"));
    let _ = writeln!(
        out,
        "### {}\n",
        w.pick("1. Tình hình chung", "1. Overall position")
    );
    overall(&mut out, r, &w);
    if r.totals.tasks > 0 {
        let _ = writeln!(
            out,
            "### {}\n",
            w.pick(
                "2. Kết quả thực hiện theo lĩnh vực công tác",
                "2. Results by category"
            )
        );
        counts_header(&mut out, w.pick("Lĩnh vực", "Category"), &w);
        for (i, c) in r.categories.iter().enumerate() {
            counts_row(
                &mut out,
                &(i + 1).to_string(),
                &cell(c.category.name(w.lang)),
                &c.counts,
                &w,
            );
        }
        counts_row(
            &mut out,
            "",
            &format!("**{}**", w.pick("Tổng cộng", "Total")),
            &r.totals,
            &w,
        );
        out.push('\n');
        let _ = writeln!(
            out,
            "### {}\n",
            w.pick(
                "3. Kết quả thực hiện của các cơ quan chủ trì",
                "3. Results of the lead agencies"
            )
        );
        agency_table(
            &mut out,
            &r.agencies,
            w.pick("Cơ quan chủ trì", "Lead agency"),
            &w,
        );
        out.push('\n');
        let _ = writeln!(
            out,
            "### {}\n",
            w.pick(
                "4. Kết quả phối hợp của các cơ quan, đơn vị",
                "4. Coordination by the agencies"
            )
        );
        agency_table(
            &mut out,
            &r.coordinating,
            w.pick("Cơ quan phối hợp", "Coordinating agency"),
            &w,
        );
        out.push('\n');
    }

    let _ = writeln!(
        out,
        "## {}\n",
        w.pick(
            "II. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN",
            "II. Shortcomings and their causes"
        )
    );
    shortcomings(&mut out, r, &w);

    let _ = writeln!(
        out,
        "## {}\n",
        w.pick(
            "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI",
            "IV. Direction and tasks ahead"
        )
    );
    ahead(&mut out, r, &w);
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}
