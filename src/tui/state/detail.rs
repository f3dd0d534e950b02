//! A task's detail: the task, its agencies' names, history and urges, as it stands now
//! or, in as-of mode, as it stood on that date (with only the history up to it).

use chrono::NaiveDate;

use crate::domain::{HistoryEntry, Task, Urge};
use crate::error::Result;
use crate::store::Store;

/// The detail of one task.
#[derive(Debug, Clone)]
pub struct Detail {
    pub task: Task,
    pub program_title: Option<String>,
    /// (code, name) of the lead agency.
    pub lead: (String, String),
    /// (code, name) of each coordinating agency.
    pub with: Vec<(String, String)>,
    pub history: Vec<HistoryEntry>,
    pub urges: Vec<Urge>,
    /// Lines scrolled off the top.
    pub scroll: u16,
    /// The past date the detail is read as of (`None`: as it stands now).
    pub past: Option<NaiveDate>,
}

fn named(store: &Store, code: &str) -> (String, String) {
    let name = store.agency(code).map(|a| a.name).unwrap_or_default();
    (code.to_string(), name)
}

impl Detail {
    /// Reads the task as of `past` (now when `None`): that day's state, and only the
    /// history and urges up to that day. One snapshot.
    pub fn load(store: &Store, id: i64, past: Option<NaiveDate>) -> Result<Detail> {
        store.snapshot(|store| {
            let task = store.task_as_of(id, past)?;
            let program_title = store.program(&task.program).ok().map(|p| p.title);
            let lead = named(store, &task.lead);
            let with = task.with.iter().map(|c| named(store, c)).collect();
            let mut urges = store.task_urges(id)?;
            if let Some(d) = past {
                urges.retain(|u| u.on <= d);
            }
            Ok(Detail {
                history: store.task_history_upto(id, past)?,
                urges,
                program_title,
                lead,
                with,
                task,
                scroll: 0,
                past,
            })
        })
    }
}
