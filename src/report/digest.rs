//! The digest's three renderings: plain text for mail (every data text escaped for a
//! terminal), Markdown (escaped as the reports are) and JSON (codes and ISO dates, the
//! same in both languages).

use serde_json::{json, Value};

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

/// JSON: the request and the four lists, with codes and ISO dates.
pub fn json(d: &Digest) -> Value {
    let r = &d.request;
    let task = |t: &Task| {
        json!({
            "id": t.id,
            "title": t.title,
            "program": t.program,
            "category": t.category,
            "lead": t.lead,
            "deadline": t.deadline.map(|x| x.to_string()),
            "status": t.status.code(),
            "progress": t.progress.get(),
        })
    };
    json!({
        "as_of": r.today.to_string(),
        "since": r.since.to_string(),
        "agency": r.agency,
        "stale_days": r.stale_days,
        "empty": d.is_empty(),
        "newly_overdue": d.newly_overdue.iter().map(|t| {
            let mut v = task(t);
            v["days_late"] = json!(days_late(t.deadline, r.today));
            v
        }).collect::<Vec<_>>(),
        "due_soon": d.due_soon.iter().map(task).collect::<Vec<_>>(),
        "urges": d.urges.iter().map(|u| json!({
            "on": u.urge.on.to_string(),
            "task": u.urge.task_id,
            "title": u.task_title,
            "from": u.urge.actor,
            "to": u.agency,
            "message": u.urge.message,
        })).collect::<Vec<_>>(),
        "stale": d.stale.iter().map(|s| {
            let mut v = task(&s.task);
            v["last_update"] = json!(s.last_update.to_string());
            v
        }).collect::<Vec<_>>(),
    })
}
