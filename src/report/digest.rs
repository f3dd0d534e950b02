//! The digest's three renderings: plain text for mail (every data text escaped for a
//! terminal), Markdown (escaped as the reports are) and JSON (codes and ISO dates, the
//! same in both languages).

use chrono::NaiveDate;
use serde::Serialize;

use super::{day, mdtext};
use crate::domain::{days_late, text, Task};
use crate::store::digest::Digest;

/// The words of one language.
struct Words {
    vi: bool,
}

impl Words {
    fn say<'a>(&self, vi: &'a str, en: &'a str) -> &'a str {
        if self.vi {
            vi
        } else {
            en
        }
    }
}

/// One section: its heading and its lines.
struct Section {
    heading: String,
    lines: Vec<String>,
}

/// The heading line, the sections (only those with something in them) and, when all are
/// empty, the sentence that says so. `esc` makes a data text safe for the output.
fn sections(d: &Digest, lang: &str, esc: &dyn Fn(&str) -> String) -> (String, Vec<Section>) {
    let w = Words { vi: lang == "vi" };
    let r = &d.request;
    let who = match &r.agency {
        Some(code) => esc(code),
        None => w.say("toàn tỉnh", "all agencies").to_string(),
    };
    let title = if w.vi {
        format!(
            "Nhắc việc ngày {} — {who} (thay đổi từ ngày {})",
            day(r.today, lang),
            day(r.since, lang)
        )
    } else {
        format!(
            "Digest for {} — {who} (changes since {})",
            day(r.today, lang),
            day(r.since, lang)
        )
    };
    let task_line =
        |t: &Task, tail: String| format!("#{} {} — {}, {tail}", t.id, esc(&t.title), esc(&t.lead));
    let deadline = |t: &Task| t.deadline.map(|x| day(x, lang)).unwrap_or_default();
    let mut out = Vec::new();
    let mut push = |vi: &str, en: &str, lines: Vec<String>| {
        if !lines.is_empty() {
            out.push(Section {
                heading: format!("{} ({})", w.say(vi, en), lines.len()),
                lines,
            });
        }
    };
    push(
        "Nhiệm vụ mới quá hạn",
        "Newly overdue",
        d.newly_overdue
            .iter()
            .map(|t| {
                let late = days_late(t.deadline, r.today);
                let tail = if w.vi {
                    format!(
                        "thời hạn {}, quá hạn {late} ngày, tiến độ {}%",
                        deadline(t),
                        t.progress.get()
                    )
                } else {
                    format!(
                        "deadline {}, {late} days late, progress {}%",
                        deadline(t),
                        t.progress.get()
                    )
                };
                task_line(t, tail)
            })
            .collect(),
    );
    push(
        "Nhiệm vụ đến hạn trong 14 ngày tới",
        "Due within 14 days",
        d.due_soon
            .iter()
            .map(|t| {
                let left = t.deadline.map_or(0, |x| (x - r.today).num_days());
                let tail = if w.vi {
                    format!(
                        "thời hạn {}, còn {left} ngày, tiến độ {}%",
                        deadline(t),
                        t.progress.get()
                    )
                } else {
                    format!(
                        "deadline {}, {left} days left, progress {}%",
                        deadline(t),
                        t.progress.get()
                    )
                };
                task_line(t, tail)
            })
            .collect(),
    );
    push(
        "Đôn đốc nhận được",
        "Urges received",
        d.urges
            .iter()
            .map(|u| {
                format!(
                    "{} #{} {} — {} → {}: {}",
                    day(u.urge.on, lang),
                    u.urge.task_id,
                    esc(&u.task_title),
                    esc(&u.urge.actor),
                    esc(&u.agency),
                    esc(&u.urge.message)
                )
            })
            .collect(),
    );
    let stale_vi = format!(
        "Nhiệm vụ chưa cập nhật tiến độ từ {} ngày trở lên",
        r.stale_days
    );
    let stale_en = format!("No progress update for {} days or more", r.stale_days);
    push(
        &stale_vi,
        &stale_en,
        d.stale
            .iter()
            .map(|s| {
                let tail = if w.vi {
                    format!(
                        "cập nhật lần cuối {}, tiến độ {}%",
                        day(s.last_update, lang),
                        s.task.progress.get()
                    )
                } else {
                    format!(
                        "last update {}, progress {}%",
                        day(s.last_update, lang),
                        s.task.progress.get()
                    )
                };
                task_line(&s.task, tail)
            })
            .collect(),
    );
    (title, out)
}

/// The sentence of an empty digest.
pub fn nothing(lang: &str) -> &'static str {
    if lang == "vi" {
        "Không có nội dung cần nhắc."
    } else {
        "Nothing to report."
    }
}

/// The lines of text or Markdown: `title` and `heading` prefix those lines.
fn render(
    d: &Digest,
    lang: &str,
    esc: &dyn Fn(&str) -> String,
    title: &str,
    heading: &str,
) -> String {
    let (head, secs) = sections(d, lang, esc);
    let mut out = format!("{title}{head}\n");
    if secs.is_empty() {
        out.push_str(&format!("\n{}\n", nothing(lang)));
    }
    for s in secs {
        out.push_str(&format!("\n{heading}{}", s.heading));
        // A Markdown list needs a blank line after its heading; text ends it with a colon.
        out.push_str(if heading.is_empty() { ":\n" } else { "\n\n" });
        for l in s.lines {
            out.push_str(&format!("- {l}\n"));
        }
    }
    out
}

/// Plain text, for a terminal or a mail body.
pub fn text(d: &Digest, lang: &str) -> String {
    render(d, lang, &|s: &str| text::escape(s).into_owned(), "", "")
}

/// Markdown.
pub fn markdown(d: &Digest, lang: &str) -> String {
    render(d, lang, &|s: &str| mdtext::md(s), "# ", "## ")
}

/// JSON: the request and the four lists, with codes and ISO dates, written to `w` as
/// it is serialized (no document tree: 420,000 stale tasks at 1,000,000 were a tree of
/// maps first). The keys are in alphabetical order, as a `serde_json` map writes them.
pub fn write_json(d: &Digest, w: impl std::io::Write) -> serde_json::Result<()> {
    let r = &d.request;
    serde_json::to_writer_pretty(
        w,
        &JsonDigest {
            agency: r.agency.as_deref(),
            as_of: r.today,
            due_soon: d.due_soon.iter().map(JsonTask::of).collect(),
            empty: d.is_empty(),
            newly_overdue: d
                .newly_overdue
                .iter()
                .map(|t| JsonTask {
                    days_late: Some(days_late(t.deadline, r.today)),
                    ..JsonTask::of(t)
                })
                .collect(),
            since: r.since,
            stale: d
                .stale
                .iter()
                .map(|s| JsonTask {
                    last_update: Some(s.last_update),
                    ..JsonTask::of(&s.task)
                })
                .collect(),
            stale_days: r.stale_days,
            urges: d
                .urges
                .iter()
                .map(|u| JsonUrge {
                    from: &u.urge.actor,
                    message: &u.urge.message,
                    on: u.urge.on,
                    task: u.urge.task_id,
                    title: &u.task_title,
                    to: &u.agency,
                })
                .collect(),
        },
    )
}

/// The JSON document (its fields in alphabetical order).
#[derive(Serialize)]
struct JsonDigest<'a> {
    agency: Option<&'a str>,
    as_of: NaiveDate,
    due_soon: Vec<JsonTask<'a>>,
    empty: bool,
    newly_overdue: Vec<JsonTask<'a>>,
    since: NaiveDate,
    stale: Vec<JsonTask<'a>>,
    stale_days: i64,
    urges: Vec<JsonUrge<'a>>,
}

/// A task of a list (alphabetical fields; `days_late` only for the newly overdue,
/// `last_update` only for the stale).
#[derive(Serialize)]
struct JsonTask<'a> {
    category: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    days_late: Option<i64>,
    deadline: Option<NaiveDate>,
    id: i64,
    #[serde(skip_serializing_if = "Option::is_none")]
    last_update: Option<NaiveDate>,
    lead: &'a str,
    program: &'a str,
    progress: u8,
    status: &'static str,
    title: &'a str,
}

impl<'a> JsonTask<'a> {
    fn of(t: &'a Task) -> Self {
        JsonTask {
            category: &t.category,
            days_late: None,
            deadline: t.deadline,
            id: t.id,
            last_update: None,
            lead: &t.lead,
            program: &t.program,
            progress: t.progress.get(),
            status: t.status.code(),
            title: &t.title,
        }
    }
}

/// An urge received.
#[derive(Serialize)]
struct JsonUrge<'a> {
    from: &'a str,
    message: &'a str,
    on: NaiveDate,
    task: i64,
    title: &'a str,
    to: &'a str,
}
