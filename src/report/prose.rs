//! The report's text in the skeleton of a báo cáo sơ kết / tổng kết (issue 15), as plain
//! blocks that the Markdown ([`super::markdown`]) and Word ([`super::docx`]) outputs lay
//! out, so both say the same sentences and numbers:
//!
//! - I. Kết quả thực hiện: the overall position with the completion ratio, the results by
//!   category in seed 003's sentence, by lead agency, the coordination;
//! - II. Tồn tại, hạn chế: the overdue and late tasks by lead agency, with days late, and
//!   the urges sent;
//! - III. Bài học kinh nghiệm (a tổng kết only) and V. Đề xuất, kiến nghị, which the data
//!   cannot write: headed placeholders, in the Word output only;
//! - IV. Phương hướng: open tasks by deadline, the next review, what falls due before it.
//!
//! Vietnamese or English; numbers in the reader's conventions ([`super::numbers`]); zero
//! counts are left out or said in words. The text is plain: each output escapes it.

use std::fmt::Write;

use super::numbers::{int, pct, ratio};
use super::{day, Report, ReviewKind};

/// One block of the report.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// The document's title: its kind in capitals (`BÁO CÁO TỔNG KẾT`) and what it is
    /// about (`việc triển khai thực hiện Chương trình …`).
    Title {
        head: String,
        about: Option<String>,
    },
    /// A section (`I. KẾT QUẢ THỰC HIỆN`).
    Section(String),
    /// A numbered part of a section (`1. Tình hình chung`).
    Part(String),
    Para(String),
    Table(Table),
    /// A section the data cannot write (III, V): its heading and a note for the drafter;
    /// in the Word output only.
    Placeholder {
        heading: String,
        note: String,
    },
}

/// A table: a header, rows, an optional total row; `numeric[i]` right-aligns column i.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Table {
    pub header: Vec<String>,
    pub numeric: Vec<bool>,
    pub rows: Vec<Vec<String>>,
    pub total: Option<Vec<String>>,
}

pub(crate) struct Words {
    pub vi: bool,
    pub lang: &'static str,
}

impl Words {
    pub fn new(lang: &str) -> Words {
        let vi = lang == "vi";
        Words {
            vi,
            lang: if vi { "vi" } else { "en" },
        }
    }

    pub fn pick<'a>(&self, vi: &'a str, en: &'a str) -> &'a str {
        if self.vi {
            vi
        } else {
            en
        }
    }

    /// "58 nhiệm vụ", "1 task", "20,000 tasks".
    pub fn tasks(&self, n: i64) -> String {
        if self.vi {
            format!("{} nhiệm vụ", int(n, self.lang))
        } else if n == 1 {
            "1 task".to_string()
        } else {
            format!("{} tasks", int(n, self.lang))
        }
    }

    pub fn int(&self, n: i64) -> String {
        int(n, self.lang)
    }

    /// "is"/"are" after a count.
    pub fn be(&self, n: i64) -> &'static str {
        if n == 1 {
            "is"
        } else {
            "are"
        }
    }
}

/// The title, the program's span and basis, and the period.
pub(super) fn title(out: &mut Vec<Block>, r: &Report, w: &Words) {
    let lang = w.lang;
    let (head, about) = match (&r.program, w.vi) {
        (Some(p), true) => {
            let (head, what) = match r.kind() {
                ReviewKind::Final => ("BÁO CÁO TỔNG KẾT", "việc triển khai thực hiện"),
                ReviewKind::Preliminary => ("BÁO CÁO SƠ KẾT", "việc triển khai thực hiện"),
                ReviewKind::Progress => ("BÁO CÁO", "tình hình thực hiện"),
            };
            (head.to_string(), Some(format!("{what} {}", p.title)))
        }
        (Some(p), false) => {
            let head = match r.kind() {
                ReviewKind::Final => "Final review (tổng kết)",
                ReviewKind::Preliminary => "Preliminary review (sơ kết)",
                ReviewKind::Progress => "Progress report",
            };
            (format!("{head}: {}", p.title), None)
        }
        (None, true) => (
            "BÁO CÁO".to_string(),
            Some(format!(
                "tình hình thực hiện các chương trình công tác (tính đến ngày {})",
                day(r.as_of, lang)
            )),
        ),
        (None, false) => (
            format!(
                "Progress report: all work programs (as of {})",
                day(r.as_of, lang)
            ),
            None,
        ),
    };
    out.push(Block::Title { head, about });
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
        out.push(Block::Para(match (&p.basis, w.vi) {
            (Some(b), true) => format!("Căn cứ {b}; {span}"),
            (Some(b), false) => format!("Basis: {b}. {span}"),
            (None, _) => span,
        }));
    }
    match r.from {
        Some(f) => out.push(Block::Para(format!(
            "{} {} {} {}.",
            w.pick("Kỳ báo cáo: từ ngày", "Reporting period: from"),
            day(f, lang),
            w.pick("đến ngày", "to"),
            day(r.as_of, lang)
        ))),
        // All programs: the title already gives the date.
        None if r.program.is_none() => {}
        None => out.push(Block::Para(format!(
            "{} {}.",
            w.pick("Số liệu tính đến ngày", "Figures as of"),
            day(r.as_of, lang)
        ))),
    }
}

/// I.1: the composition, the completion ratio and its parts, the mean progress, and in
/// a period what changed.
pub(super) fn overall(out: &mut Vec<Block>, r: &Report, w: &Words) {
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
        out.push(Block::Para(s));
        return;
    }
    let listed: Vec<String> = r
        .categories
        .iter()
        .filter(|c| c.counts.tasks > 0)
        .map(|c| {
            if w.vi {
                format!("{} có {}", c.category.name_vi, w.tasks(c.counts.tasks))
            } else {
                format!("{} {}", c.category.name_en, w.int(c.counts.tasks))
            }
        })
        .collect();
    out.push(Block::Para(match (r.program.is_some(), w.vi) {
        (true, true) => format!(
            "Chương trình có {} (trong đó, {}).",
            w.tasks(t.tasks),
            listed.join("; ")
        ),
        (false, true) => format!(
            "Các chương trình có tổng cộng {} (trong đó, {}).",
            w.tasks(t.tasks),
            listed.join("; ")
        ),
        (true, false) => format!(
            "The program has {}: {}.",
            w.tasks(t.tasks),
            listed.join(", ")
        ),
        (false, false) => format!(
            "All programs together have {}: {}.",
            w.tasks(t.tasks),
            listed.join(", ")
        ),
    }));
    out.push(Block::Para(if w.vi {
        position_vi(r, w)
    } else {
        position_en(r, w)
    }));
    if let Some(from) = r.from {
        out.push(Block::Para(period(r, from, w)));
    }
}

fn position_vi(r: &Report, w: &Words) -> String {
    let lang = w.lang;
    let t = &r.totals;
    let done = t.done_on_time + t.done_late;
    let open = t.in_time + t.overdue;
    let mut s = format!("Đến ngày {}, ", day(r.as_of, lang));
    if done == 0 {
        s.push_str("chưa có nhiệm vụ nào hoàn thành");
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
    } else {
        let _ = write!(
            s,
            "đã hoàn thành {}/{} nhiệm vụ, đạt {}",
            w.int(done),
            w.int(t.tasks),
            pct(ratio(done, t.tasks), lang)
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
        if open > 0 {
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
    }
    let _ = write!(s, ". Tiến độ bình quân đạt {}.", pct(t.progress, lang));
    s
}

fn position_en(r: &Report, w: &Words) -> String {
    let lang = w.lang;
    let t = &r.totals;
    let done = t.done_on_time + t.done_late;
    let open = t.in_time + t.overdue;
    let mut s = format!("As of {}, ", day(r.as_of, lang));
    if done == 0 {
        s.push_str("no task is done yet");
    } else {
        let _ = write!(
            s,
            "{} of the {} {} done ({})",
            w.int(done),
            w.tasks(t.tasks),
            w.be(done),
            pct(ratio(done, t.tasks), lang)
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
        let _ = write!(s, "; {} {} not done", w.tasks(open), w.be(open));
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
    s
}

/// In a period: what changed. (Since the start everything is new: nothing to add.)
fn period(r: &Report, from: chrono::NaiveDate, w: &Words) -> String {
    let lang = w.lang;
    let pm = &r.progress;
    let (a, b) = (pct(pm.start, lang), pct(pm.end, lang));
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
        let was = |n: i64| if n == 1 { "was" } else { "were" };
        let mut parts = Vec::new();
        if pm.completed > 0 {
            parts.push(format!(
                "{} more {} completed",
                w.tasks(pm.completed),
                was(pm.completed)
            ));
        }
        if pm.created > 0 {
            parts.push(format!("{} {} added", w.tasks(pm.created), was(pm.created)));
        }
        if parts.is_empty() {
            s.push_str("no task was completed or added");
        } else {
            s.push_str(&parts.join(" and "));
        }
        let _ = if pm.end > pm.start {
            write!(s, "; mean progress rose from {a} to {b}.")
        } else if pm.end < pm.start {
            write!(s, "; mean progress fell from {a} to {b}.")
        } else {
            write!(s, "; mean progress stayed at {b}.")
        };
    }
    s
}

/// The report as blocks, in `lang` ("vi" or "en").
pub fn blocks(r: &Report, lang: &str) -> Vec<Block> {
    super::prose_parts::assemble(r, &Words::new(lang))
}

/// The annex ranking the lead agencies (issue 16): after the report itself, in the
/// Markdown and in the Word document (after the signature, as annexes stand). Left out
/// when no agency leads a task.
pub fn annex(r: &Report, lang: &str) -> Vec<Block> {
    use super::numbers::dec;
    let w = Words::new(lang);
    if r.ranking.is_empty() {
        return Vec::new();
    }
    let none = || "–".to_string();
    let rows = r
        .ranking
        .iter()
        .map(|a| {
            vec![
                w.int(a.rank as i64),
                a.name.clone(),
                w.int(a.counts.tasks),
                w.int(a.due),
                w.int(a.counts.done_on_time),
                w.int(a.counts.done_late),
                w.int(a.counts.overdue),
                a.on_time_rate.map_or_else(none, |x| dec(x, lang)),
                a.mean_days_late.map_or_else(none, |x| dec(x, lang)),
                w.int(a.urges),
            ]
        })
        .collect();
    let few = r.ranking.iter().filter(|a| a.few).count();
    let mut out = vec![
        Block::Section(
            w.pick(
                "PHỤ LỤC: XẾP HẠNG CÁC CƠ QUAN CHỦ TRÌ",
                "ANNEX: LEAD AGENCIES RANKED",
            )
            .to_string(),
        ),
        Block::Para(if w.vi {
            format!(
                "Xếp theo tỷ lệ hoàn thành đúng hạn trên số nhiệm vụ đã đến hạn (hoàn thành đúng hạn, hoàn thành chậm và chưa hoàn thành, quá hạn), tính đến ngày {}; cùng tỷ lệ thì cơ quan ít nhiệm vụ quá hạn hơn, ít ngày chậm bình quân hơn xếp trước. Ngày chậm bình quân tính trên các nhiệm vụ hoàn thành chậm và quá hạn.",
                day(r.as_of, lang)
            )
        } else {
            format!(
                "Ranked by the share of tasks due (done on time, done late, overdue) that were done on time, as of {}; at the same share, fewer overdue tasks and fewer mean days late rank first. Mean days late is over the tasks done late and overdue.",
                day(r.as_of, lang)
            )
        }),
    ];
    if few > 0 {
        out.push(Block::Para(if w.vi {
            format!(
                "{} cơ quan có dưới {} nhiệm vụ đã đến hạn được xếp sau cùng.",
                w.int(few as i64),
                crate::store::ranking::MIN_DUE
            )
        } else {
            format!(
                "{} with fewer than {} tasks due {} ranked last.",
                if few == 1 {
                    "1 agency".to_string()
                } else {
                    format!("{} agencies", w.int(few as i64))
                },
                crate::store::ranking::MIN_DUE,
                if few == 1 { "is" } else { "are" }
            )
        }));
    }
    out.push(Block::Table(Table {
        header: [
            ("STT", "No."),
            ("Cơ quan chủ trì", "Lead agency"),
            // Short words, defined by the sentence above: ten columns on an A4 page.
            ("Số nhiệm vụ", "Tasks"),
            ("Đã đến hạn", "Due"),
            ("Đúng hạn", "On time"),
            ("Chậm", "Late"),
            ("Quá hạn", "Overdue"),
            ("Tỷ lệ đúng hạn (%)", "On time (%)"),
            ("Ngày chậm bình quân", "Mean days late"),
            ("Lần bị đôn đốc", "Urges"),
        ]
        .iter()
        .map(|(vi, en)| w.pick(vi, en).to_string())
        .collect(),
        numeric: vec![true, false, true, true, true, true, true, true, true, true],
        rows,
        total: None,
    }));
    out
}
