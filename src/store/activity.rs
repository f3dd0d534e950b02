//! Recent changes (from the audit log and the progress history) and an agency's inbox of
//! urges: the reads behind the TUI's Activity view and inbox.

use chrono::NaiveDate;
use rusqlite::{params, OptionalExtension};
use serde_json::Value;

use super::programs::parse_date_col;
use super::Store;
use crate::domain::Urge;
use crate::error::Result;

/// One field that a change touched: its name as stored in the audit JSON and the values
/// before and after, as text (`None` = absent or empty).
#[derive(Debug, Clone, PartialEq)]
pub struct FieldChange {
    pub field: String,
    pub before: Option<String>,
    pub after: Option<String>,
}

/// One recorded change: who, when, what, and before → after.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    /// The audit row's id (newer is larger).
    pub id: i64,
    /// When (UTC, RFC 3339).
    pub at: String,
    /// The OS login that made it.
    pub actor: String,
    /// `add`, `edit`, `update`, `remove`, `urge`, `overwrite_update`, `overwrite_edit`,
    /// `grant`, `revoke`, `load`, …
    pub action: String,
    /// `task`, `agency`, `program`, `role`, …
    pub entity: String,
    /// The record's key: a task id, an agency or program code, a login.
    pub key: String,
    /// The record's title or name, when the audit row holds one.
    pub label: Option<String>,
    /// The fields whose values differ between before and after (for an add: the after
    /// values of a few main fields; for an urge: its message).
    pub fields: Vec<FieldChange>,
    /// The note written with a progress update (from the task's history).
    pub note: Option<String>,
}

impl Change {
    /// The task id, when the change is about a task.
    pub fn task_id(&self) -> Option<i64> {
        (self.entity == "task")
            .then(|| self.key.parse().ok())
            .flatten()
    }
}

/// An urge as it shows in an inbox: with its task's title and the agency it was sent to.
#[derive(Debug, Clone, PartialEq)]
pub struct InboxItem {
    pub urge: Urge,
    pub task_title: String,
    /// The code of the agency the urge was sent to (the task's lead when it was sent).
    pub agency: String,
}

/// JSON value as display text: strings bare, arrays joined with ", ", null → None.
fn text_of(v: &Value) -> Option<String> {
    match v {
        Value::Null => None,
        Value::String(s) if s.is_empty() => None,
        Value::String(s) => Some(s.clone()),
        Value::Array(a) if a.is_empty() => None,
        Value::Array(a) => Some(a.iter().filter_map(text_of).collect::<Vec<_>>().join(", ")),
        other => Some(other.to_string()),
    }
}

/// Fields never worth showing as a change.
/// (`note` is the note of the write itself, shown as the change's note, not a field.)
const SKIP: &[&str] = &["version", "id", "task_id", "at", "on", "actor", "note"];

/// Fields shown for a record that was added or removed.
const MAIN: &[&str] = &[
    "title", "name", "lead", "deadline", "role", "agency", "message",
];

fn diff(before: Option<&Value>, after: Option<&Value>) -> Vec<FieldChange> {
    let obj = |v: Option<&Value>| v.and_then(Value::as_object).cloned().unwrap_or_default();
    let (b, a) = (obj(before), obj(after));
    let mut out = Vec::new();
    if before.is_some() && after.is_some() {
        for (k, av) in &a {
            if SKIP.contains(&k.as_str()) {
                continue;
            }
            let bv = b.get(k).unwrap_or(&Value::Null);
            if bv != av {
                out.push(FieldChange {
                    field: k.clone(),
                    before: text_of(bv),
                    after: text_of(av),
                });
            }
        }
    } else {
        let (src, added) = if after.is_some() {
            (&a, true)
        } else {
            (&b, false)
        };
        for k in MAIN {
            if let Some(v) = src.get(*k).and_then(text_of) {
                out.push(FieldChange {
                    field: (*k).to_string(),
                    before: (!added).then(|| v.clone()),
                    after: added.then_some(v),
                });
            }
        }
    }
    out
}

fn label_of(before: Option<&Value>, after: Option<&Value>) -> Option<String> {
    [after, before]
        .into_iter()
        .flatten()
        .find_map(|v| v.get("title").or_else(|| v.get("name")).and_then(text_of))
}

impl Store {
    /// The newest `limit` changes, newest first.
    pub fn recent_changes(&self, limit: usize) -> Result<Vec<Change>> {
        self.changes(
            "SELECT id, at, actor, action, entity, entity_key, before, after FROM audit ORDER BY id DESC LIMIT ?1",
            limit.min(i64::MAX as usize) as i64,
        )
    }

    /// The changes of the audit rows `sql` selects with `arg` bound to `?1`.
    fn changes(&self, sql: &str, arg: i64) -> Result<Vec<Change>> {
        let mut st = self.conn().prepare_cached(sql)?;
        let rows = st.query_map([arg], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, String>(4)?,
                r.get::<_, String>(5)?,
                r.get::<_, Option<String>>(6)?,
                r.get::<_, Option<String>>(7)?,
            ))
        })?;
        let raw = rows.collect::<rusqlite::Result<Vec<_>>>()?;
        let mut note_st = self.conn().prepare_cached(
            "SELECT note FROM task_history WHERE task_id = ?1 AND actor = ?2 AND at <= ?3 ORDER BY id DESC LIMIT 1",
        )?;
        let mut title_st = self
            .conn()
            .prepare_cached("SELECT title FROM task WHERE id = ?1")?;
        let mut out = Vec::with_capacity(raw.len());
        for (id, at, actor, action, entity, key, before, after) in raw {
            let parse = |s: &Option<String>| {
                s.as_deref()
                    .and_then(|j| serde_json::from_str::<Value>(j).ok())
            };
            let (b, a) = (parse(&before), parse(&after));
            let mut fields = diff(b.as_ref(), a.as_ref());
            let mut label = label_of(b.as_ref(), a.as_ref());
            let task_id: Option<i64> = (entity == "task").then(|| key.parse().ok()).flatten();
            if action == "urge" {
                fields.retain(|f| f.field == "message");
            }
            if label.is_none() {
                if let Some(t) = task_id {
                    label = title_st
                        .query_row([t], |r| r.get::<_, String>(0))
                        .optional()?;
                }
            }
            let note = match task_id {
                Some(t) if action.ends_with("update") || action == "undo" => note_st
                    .query_row(params![t, actor, at], |r| r.get::<_, Option<String>>(0))
                    .optional()?
                    .flatten(),
                _ => None,
            };
            out.push(Change {
                id,
                at,
                actor,
                action,
                entity,
                key,
                label,
                fields,
                note,
            });
        }
        Ok(out)
    }

    /// The newest change to one record (`entity`, `key`), if any.
    pub fn latest_change(&self, entity: &str, key: &str) -> Result<Option<Change>> {
        let id: Option<i64> = self
            .conn()
            .query_row(
                "SELECT max(id) FROM audit WHERE entity = ?1 AND entity_key = ?2",
                params![entity, key],
                |r| r.get(0),
            )
            .optional()?
            .flatten();
        let Some(id) = id else { return Ok(None) };
        // That row alone (an import a million rows back is not read down to).
        Ok(self
            .changes(
                "SELECT id, at, actor, action, entity, entity_key, before, after FROM audit WHERE id = ?1",
                id,
            )?
            .into_iter()
            .next())
    }

    /// When the data last changed (the newest audit row's time, UTC RFC 3339).
    pub fn last_change_at(&self) -> Result<Option<String>> {
        Ok(self
            .conn()
            .query_row("SELECT at FROM audit ORDER BY id DESC LIMIT 1", [], |r| {
                r.get(0)
            })
            .optional()?)
    }

    /// Urges sent to `agency` (every agency when `None`), newest first, at most `limit`.
    pub fn inbox(&self, agency: Option<&str>, limit: usize) -> Result<Vec<InboxItem>> {
        let mut st = self.conn().prepare_cached(
            "SELECT u.id, u.task_id, u.at, u.on_date, u.actor, u.message, t.title, a.code \
             FROM urge u JOIN task t ON t.id = u.task_id JOIN agency a ON a.id = u.agency_id \
             WHERE ?1 IS NULL OR a.code = ?1 ORDER BY u.id DESC LIMIT ?2",
        )?;
        let rows = st.query_map(params![agency, limit.min(i64::MAX as usize) as i64], |r| {
            let on: String = r.get(3)?;
            Ok(InboxItem {
                urge: Urge {
                    id: r.get(0)?,
                    task_id: r.get(1)?,
                    at: r.get(2)?,
                    on: parse_date_col(&on)?,
                    actor: r.get(4)?,
                    message: r.get(5)?,
                },
                task_title: r.get(6)?,
                agency: r.get(7)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// How many urges were sent to `agency` on or after `since`.
    pub fn count_urges_since(&self, agency: &str, since: NaiveDate) -> Result<i64> {
        Ok(self.conn().query_row(
            "SELECT count(*) FROM urge u JOIN agency a ON a.id = u.agency_id WHERE a.code = ?1 AND u.on_date >= ?2",
            params![agency, since.to_string()],
            |r| r.get(0),
        )?)
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::temp_store;
    use crate::domain::{Agency, AgencyKind, Cadence, NewTask, Progress, ProgressUpdate, Status};

    fn d(y: i32, m: u32, day: u32) -> chrono::NaiveDate {
        chrono::NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn changes_show_before_and_after_and_the_note() {
        let (_dir, mut s) = temp_store("ana");
        s.add_agency(Agency {
            code: "BTC".into(),
            name: "Ban Tổ chức".into(),
            kind: AgencyKind::Party,
            parent: None,
            head: None,
            members: None,
            staff: None,
        })
        .unwrap();
        s.add_program(crate::domain::Program {
            code: "P".into(),
            title: "Chương trình".into(),
            kind: crate::domain::ProgramKind::Action,
            starts_on: d(2020, 1, 1),
            ends_on: d(2020, 12, 31),
            parties: vec![],
            basis: None,
            review_months: 6,
        })
        .unwrap();
        let t = s
            .add_task(NewTask {
                program: "P".into(),
                category: "ideology".into(),
                title: "Rà soát".into(),
                description: None,
                lead: "BTC".into(),
                with: vec![],
                cadence: Cadence::Recurring,
                deadline: None,
                basis: None,
                status: Status::NotStarted,
                progress: Progress::ZERO,
                created_on: d(2020, 1, 2),
                completed_on: None,
            })
            .unwrap();
        s.update_progress(
            t.id,
            Some(t.version),
            ProgressUpdate {
                progress: Some(Progress::new(40).unwrap()),
                status: None,
                note: Some("Đã họp".into()),
                on: d(2020, 2, 1),
            },
        )
        .unwrap();
        s.urge_task(t.id, "Khẩn trương", d(2020, 2, 2)).unwrap();
        let c = s.recent_changes(10).unwrap();
        assert_eq!(c[0].action, "urge");
        assert_eq!(c[0].fields[0].after.as_deref(), Some("Khẩn trương"));
        assert_eq!(c[0].label.as_deref(), Some("Rà soát"));
        let upd = &c[1];
        assert_eq!((upd.action.as_str(), upd.actor.as_str()), ("update", "ana"));
        assert_eq!(upd.note.as_deref(), Some("Đã họp"));
        let p = upd.fields.iter().find(|f| f.field == "progress").unwrap();
        assert_eq!(
            (p.before.as_deref(), p.after.as_deref()),
            (Some("0"), Some("40"))
        );
        assert!(upd.fields.iter().all(|f| f.field != "version"));
        assert_eq!(c[2].action, "add");
        assert_eq!(
            s.latest_change("task", &t.id.to_string())
                .unwrap()
                .unwrap()
                .id,
            c[0].id
        );
        let inbox = s.inbox(Some("BTC"), 10).unwrap();
        assert_eq!(inbox.len(), 1);
        assert_eq!(inbox[0].task_title, "Rà soát");
        assert_eq!(s.count_urges_since("BTC", d(2020, 2, 1)).unwrap(), 1);
        assert_eq!(s.count_urges_since("BTC", d(2020, 3, 1)).unwrap(), 0);
        assert!(s.last_change_at().unwrap().is_some());
    }
}
