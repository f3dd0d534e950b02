//! What `check` and `audit verify` find: a broken audit chain, a missing row that
//! another refers to, a task that breaks a rule.

use crate::lang::Lang;

/// An audit row as a finding names it; its fields escaped where it is made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub id: i64,
    pub at: String,
    pub actor: String,
    pub action: String,
    pub entity: String,
    pub key: String,
}

impl Row {
    fn render(&self, lang: Lang) -> String {
        let Row {
            id,
            at,
            actor,
            action,
            entity,
            key,
        } = self;
        say!(
            lang,
            "Dòng nhật ký {id} ({at}, {actor}, {action} {entity} {key})",
            "Audit row {id} ({at}, {actor}, {action} {entity} {key})"
        )
    }
}

/// A rule every task keeps (`check`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rule {
    DoneNotFull,
    DoneNoDate,
    OpenWithDate,
    RoadmapNoDeadline,
    CompletedBeforeCreated,
    NoHistory,
    VersionsGap,
    FirstVersionDate,
    VersionDoneEarly,
    VersionOpenWithDate,
    DiffersFromVersion,
}

impl Rule {
    /// The predicate after "Task N" (en) and "Nhiệm vụ N" (vi).
    fn render(self, lang: Lang) -> &'static str {
        use Rule::*;
        match (self, lang) {
            (DoneNotFull, Lang::Vi) => "đã hoàn thành nhưng tiến độ chưa đạt 100%",
            (DoneNotFull, Lang::En) => "is done but not at 100%",
            (DoneNoDate, Lang::Vi) => "đã hoàn thành nhưng không có ngày hoàn thành",
            (DoneNoDate, Lang::En) => "is done without a completion date",
            (OpenWithDate, Lang::Vi) => "chưa hoàn thành nhưng có ngày hoàn thành",
            (OpenWithDate, Lang::En) => "is not done but has a completion date",
            (RoadmapNoDeadline, Lang::Vi) => "theo lộ trình nhưng không có thời hạn",
            (RoadmapNoDeadline, Lang::En) => "is on a roadmap without a deadline",
            (CompletedBeforeCreated, Lang::Vi) => "có ngày hoàn thành trước ngày giao",
            (CompletedBeforeCreated, Lang::En) => "was completed before it was created",
            (NoHistory, Lang::Vi) => "không có lịch sử",
            (NoHistory, Lang::En) => "has no history",
            (VersionsGap, Lang::Vi) => "có các phiên bản mà ngày tháng không nối tiếp nhau",
            (VersionsGap, Lang::En) => "has versions whose dates do not follow one another",
            (FirstVersionDate, Lang::Vi) => "có phiên bản đầu tiên không ghi ngày giao nhiệm vụ",
            (FirstVersionDate, Lang::En) => {
                "has a first version not dated on the day it was created"
            }
            (VersionDoneEarly, Lang::Vi) => "có phiên bản ghi đã hoàn thành trước ngày hoàn thành",
            (VersionDoneEarly, Lang::En) => {
                "has a version that says it was done before its completion date"
            }
            (VersionOpenWithDate, Lang::Vi) => {
                "có phiên bản chưa hoàn thành nhưng có ngày hoàn thành"
            }
            (VersionOpenWithDate, Lang::En) => {
                "has a version that is not done but has a completion date"
            }
            (DiffersFromVersion, Lang::Vi) => "khác với phiên bản cuối cùng của nó",
            (DiffersFromVersion, Lang::En) => "differs from its last version",
        }
    }
}

/// A finding of `check` or `audit verify`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Audit {
    TriggerMissing {
        name: String,
    },
    TriggerChanged {
        name: String,
    },
    TriggerForeign {
        name: String,
    },
    FirstRowMissing,
    /// Row `id` is missing: the log jumps from `id - 1` to `next`.
    RowMissing {
        id: i64,
        next: i64,
    },
    /// Rows `from` to `next - 1` are missing.
    RowsMissing {
        from: i64,
        next: i64,
    },
    OutOfOrder {
        row: Box<Row>,
    },
    NoHash {
        row: Box<Row>,
    },
    HashMismatch {
        row: Box<Row>,
    },
    HeadMissing {
        hash: String,
    },
    /// `PRAGMA foreign_key_check`: row `row` of `table` refers to a missing row of `parent`.
    Dangling {
        row: i64,
        table: String,
        parent: String,
    },
    Task {
        id: i64,
        rule: Rule,
    },
    /// `n` more tasks than those listed break `rule`.
    MoreTasks {
        n: usize,
        rule: Rule,
    },
}

impl Audit {
    pub fn render(&self, lang: Lang) -> String {
        use Audit::*;
        match self {
            TriggerMissing { name } => say!(lang,
                "Thiếu trigger {name} giữ cho nhật ký kiểm tra chỉ được ghi thêm: trigger đã bị xóa ngoài phoihop, nên các dòng nhật ký có thể đã bị sửa hoặc xóa.",
                "The audit log's append-only trigger {name} is missing: it was dropped outside phoihop, so rows may have been changed or deleted."),
            TriggerChanged { name } => say!(lang,
                "Trigger {name} giữ cho nhật ký kiểm tra chỉ được ghi thêm không phải trigger do phoihop tạo: trigger đã được tạo lại ngoài phoihop.",
                "The audit log's append-only trigger {name} is not the one phoihop created: it was re-created outside phoihop."),
            TriggerForeign { name } => say!(lang,
                "Nhật ký kiểm tra có trigger {name} không do phoihop tạo.",
                "The audit log has a trigger {name} that phoihop did not create."),
            FirstRowMissing => say!(lang,
                "Thiếu dòng nhật ký 1 (nhật ký bắt đầu từ dòng 2): dòng này đã bị xóa ngoài phoihop.",
                "Audit row 1 is missing (the log starts at row 2): it was deleted outside phoihop."),
            RowMissing { id, next } => {
                let before = id - 1;
                say!(lang,
                    "Thiếu dòng nhật ký {id} (nhật ký nhảy từ dòng {before} sang dòng {next}): dòng này đã bị xóa ngoài phoihop.",
                    "Audit row {id} is missing (the log jumps from row {before} to row {next}): it was deleted outside phoihop.")
            }
            RowsMissing { from, next } => {
                let to = next - 1;
                say!(lang,
                    "Thiếu các dòng nhật ký từ {from} đến {to} (nhật ký nhảy sang dòng {next}): các dòng này đã bị xóa ngoài phoihop.",
                    "Audit rows {from} to {to} are missing (the log jumps to row {next}): they were deleted outside phoihop.")
            }
            OutOfOrder { row } => {
                let row = row.render(lang);
                say!(lang, "{row} có số thứ tự sai vị trí.", "{row} has an id out of order.")
            }
            NoHash { row } => {
                let row = row.render(lang);
                say!(lang,
                    "{row} không có mã băm: dòng này được ghi ngoài phoihop.",
                    "{row} has no hash: it was written outside phoihop.")
            }
            HashMismatch { row } => {
                let row = row.render(lang);
                say!(lang,
                    "{row} không khớp với mã băm của nó: dòng này, hoặc chuỗi trước nó, đã bị sửa ngoài phoihop.",
                    "{row} does not match its hash: it, or the chain before it, was changed outside phoihop.")
            }
            HeadMissing { hash } => say!(lang,
                "Không có dòng nhật ký nào có mã băm {hash}: từ khi lưu mã băm đó, các dòng cuối nhật ký đã bị xóa, hoặc chuỗi băm đã bị tính lại.",
                "No audit row has the hash {hash}: rows were removed from the end of the log, or the chain was re-computed, since that hash was kept."),
            Dangling { row, table, parent } => say!(lang,
                "Dòng {row} của bảng {table} tham chiếu đến một dòng không còn của bảng {parent}.",
                "Row {row} of table {table} refers to a missing row of {parent}."),
            Task { id, rule } => {
                let rule = rule.render(lang);
                say!(lang, "Nhiệm vụ {id} {rule}.", "Task {id} {rule}.")
            }
            MoreTasks { n, rule } => {
                let rule = rule.render(lang);
                say!(lang,
                    "… và {n} nhiệm vụ khác cũng {rule}.",
                    "… and {n} more tasks that {rule}.")
            }
        }
    }
}
