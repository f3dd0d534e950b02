//! The records: agencies, programs, categories, tasks, their history and urges.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::codes::{AgencyKind, Cadence, ProgramKind, Role, Status};
use super::progress::Progress;

/// A body that leads or coordinates tasks (*cơ quan, đơn vị*).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Agency {
    pub code: String,
    pub name: String,
    pub kind: AgencyKind,
    pub parent: Option<String>,
    pub head: Option<String>,
    pub members: Option<i64>,
    pub staff: Option<i64>,
}

/// A work program (*chương trình*).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Program {
    pub code: String,
    pub title: String,
    pub kind: ProgramKind,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
    /// Signatory agencies, by code.
    pub parties: Vec<String>,
    pub basis: Option<String>,
    /// Months between preliminary reviews (*sơ kết*); 6 by default.
    pub review_months: u32,
}

/// A work category (*lĩnh vực công tác*).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Category {
    pub code: String,
    pub name_vi: String,
    pub name_en: String,
    pub position: i64,
}

impl Category {
    /// The name in the given language (`vi` or anything else for English).
    pub fn name(&self, lang: &str) -> &str {
        if lang == "vi" {
            &self.name_vi
        } else {
            &self.name_en
        }
    }
}

/// The seven default categories of seed 003, in its order: (code, Vietnamese, English).
pub const DEFAULT_CATEGORIES: [(&str, &str, &str); 7] = [
    ("ideology", "Công tác tư tưởng", "Ideology"),
    (
        "organization",
        "Công tác tổ chức xây dựng Đảng",
        "Party organization",
    ),
    (
        "inspection",
        "Công tác kiểm tra, giám sát",
        "Inspection & supervision",
    ),
    ("mass_mobilization", "Công tác dân vận", "Mass mobilization"),
    ("internal_affairs", "Công tác nội chính", "Internal affairs"),
    (
        "government",
        "Công tác xây dựng bộ máy chính quyền",
        "Government apparatus",
    ),
    (
        "front",
        "Công tác MTTQ và các đoàn thể",
        "Fatherland Front & mass organizations",
    ),
];

/// A task (*nhiệm vụ*) as stored now.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Task {
    pub id: i64,
    pub program: String,
    pub category: String,
    pub title: String,
    pub description: Option<String>,
    pub lead: String,
    /// Coordinating agencies (*phối hợp*), by code.
    pub with: Vec<String>,
    pub cadence: Cadence,
    pub deadline: Option<NaiveDate>,
    pub status: Status,
    pub progress: Progress,
    pub completed_on: Option<NaiveDate>,
    pub basis: Option<String>,
    pub created_on: NaiveDate,
    pub version: i64,
}

/// The fields of a new task.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NewTask {
    pub program: String,
    pub category: String,
    pub title: String,
    pub description: Option<String>,
    pub lead: String,
    pub with: Vec<String>,
    pub cadence: Cadence,
    pub deadline: Option<NaiveDate>,
    pub basis: Option<String>,
    pub status: Status,
    pub progress: Progress,
    /// When the task was created (the first history entry's date).
    pub created_on: NaiveDate,
    /// For a task created done: when it was completed.
    pub completed_on: Option<NaiveDate>,
}

/// Changes to a task's descriptive fields (`None` = unchanged).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TaskEdit {
    pub title: Option<String>,
    pub description: Option<Option<String>>,
    pub category: Option<String>,
    pub lead: Option<String>,
    pub with: Option<Vec<String>>,
    pub cadence: Option<Cadence>,
    pub deadline: Option<Option<NaiveDate>>,
    pub basis: Option<Option<String>>,
    /// Move the task to another program (admin only).
    pub program: Option<String>,
    /// Why the deadline changes (*điều chỉnh thời hạn*); required when it does.
    pub reason: Option<String>,
}

/// A progress or status update.
#[derive(Debug, Clone, PartialEq)]
pub struct ProgressUpdate {
    pub progress: Option<Progress>,
    pub status: Option<Status>,
    pub note: Option<String>,
    /// The date the update takes effect (normally today).
    pub on: NaiveDate,
}

/// One entry of a task's progress history.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HistoryEntry {
    pub id: i64,
    /// When it was written (UTC, RFC 3339).
    pub at: String,
    /// The date it takes effect.
    pub on: NaiveDate,
    pub actor: String,
    pub status: Status,
    pub progress: Progress,
    pub note: Option<String>,
    /// What kind of change the version was: `create`, `progress`, `edit`, `deadline`
    /// (*điều chỉnh thời hạn*, with its reason as the note), `move`, `lead`, `remove`,
    /// `restore` or `merge`.
    #[serde(default = "default_change")]
    pub change: String,
}

fn default_change() -> String {
    "progress".into()
}

/// A reminder to a task's lead agency (*đôn đốc*).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Urge {
    pub id: i64,
    pub task_id: i64,
    pub at: String,
    pub on: NaiveDate,
    pub actor: String,
    pub message: String,
}

/// A granted role.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Grant {
    pub login: String,
    pub role: Role,
    pub agency: Option<String>,
}
