//! A task's detail: the task, its agencies' names, history and urges.

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
}

fn named(store: &Store, code: &str) -> (String, String) {
    let name = store.agency(code).map(|a| a.name).unwrap_or_default();
    (code.to_string(), name)
}

impl Detail {
    pub fn load(store: &Store, id: i64) -> Result<Detail> {
        let task = store.task(id)?;
        let program_title = store.program(&task.program).ok().map(|p| p.title);
        let lead = named(store, &task.lead);
        let with = task.with.iter().map(|c| named(store, c)).collect();
        Ok(Detail {
            history: store.task_history(id)?,
            urges: store.task_urges(id)?,
            program_title,
            lead,
            with,
            task,
            scroll: 0,
        })
    }
}
