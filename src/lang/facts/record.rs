//! Records: not found, changed by someone else, unknown codes, records still in use.

use chrono::NaiveDate;

use crate::lang::Lang;

/// A fact about a record of the database.
#[derive(Debug, Clone, PartialEq)]
pub enum Record {
    NoTask {
        id: i64,
    },
    /// `created` as stored (`YYYY-MM-DD`).
    TaskNotYet {
        id: i64,
        on: NaiveDate,
        created: String,
    },
    /// `on` as stored (`YYYY-MM-DD`).
    TaskRemoved {
        id: i64,
        on: String,
    },
    NoProgram {
        code: String,
    },
    NoAgency {
        code: String,
    },
    /// `field` names the reference (`lead`, `agency`, …).
    UnknownAgency {
        field: String,
        code: String,
    },
    UnknownProgram {
        code: String,
    },
    UnknownCategory {
        code: String,
    },
    TaskChanged {
        id: i64,
        now: i64,
        had: i64,
    },
    DatedBefore {
        id: i64,
        last: NaiveDate,
        on: NaiveDate,
    },
    DeadlineNeedsReason {
        id: i64,
    },
    NotRemoved {
        id: i64,
    },
    ProgramHasTasks {
        code: String,
        n: i64,
    },
    ProgramHeldTasks {
        code: String,
    },
    AgencyLooksLike {
        name: String,
        code: String,
        existing: String,
    },
    ProgramLooksLike {
        title: String,
        code: String,
        existing: String,
    },
    /// A code that another agency (or, with `program`, program) already has.
    CodeTaken {
        program: bool,
        code: String,
    },
    AgencyCycle {
        code: String,
        parent: String,
    },
    RenameNeedsDate {
        code: String,
    },
    AgencyInUse {
        code: String,
        uses: i64,
    },
    AgencyHeldTasks {
        code: String,
    },
    MergeIntoItself {
        code: String,
    },
    MergedAlready {
        code: String,
        on: String,
    },
    FilterNeedsDate,
    /// A review date outside the program's years (dates as `dd/mm/yyyy`).
    ReviewOutside {
        on: String,
        starts: String,
        ends: String,
    },
    ParentAfter {
        parent: String,
        code: String,
    },
}

impl Record {
    pub fn render(&self, lang: Lang) -> String {
        use Record::*;
        match self {
            NoTask { id } => say!(lang, "Không có nhiệm vụ số {id}.", "No task has the id {id}."),
            TaskNotYet { id, on, created } => {
                let (on, created) = (on.format("%d/%m/%Y"), super::day(Lang::Vi, created));
                say!(lang,
                    "Ngày {on}, nhiệm vụ {id} chưa có; nhiệm vụ được giao ngày {created}.",
                    "Task {id} did not exist yet on {on}; it was created on {created}.")
            }
            TaskRemoved { id, on } => {
                let on = super::day(Lang::Vi, on);
                say!(lang,
                    "Nhiệm vụ {id} đã bị xóa ngày {on}; lệnh `phoihop task restore {id}` khôi phục lại.",
                    "Task {id} was removed on {on}; `phoihop task restore {id}` brings it back.")
            }
            NoProgram { code } => say!(lang, "Không có chương trình mã `{code}`.", "No program has the code `{code}`."),
            NoAgency { code } => say!(lang, "Không có cơ quan mã `{code}`.", "No agency has the code `{code}`."),
            UnknownAgency { field, code } => {
                let f = super::field_name(field, lang);
                say!(lang,
                    "Không có cơ quan mã `{code}` ({f}).",
                    "The {f} `{code}` is not a known agency code.")
            }
            UnknownProgram { code } => say!(lang, "Không có chương trình mã `{code}`.", "The program `{code}` is not a known program code."),
            UnknownCategory { code } => say!(lang, "Không có lĩnh vực công tác mã `{code}`.", "The category `{code}` is not a known category code."),
            TaskChanged { id, now, had } => say!(lang,
                "Nhiệm vụ {id} đã được người khác thay đổi sau khi bạn đọc (nay là phiên bản {now}, bạn có phiên bản {had}); hãy tải lại và quyết định lại.",
                "Task {id} was changed by someone else since you read it (it is at version {now}, you had {had}); reload it and decide again."),
            DatedBefore { id, last, on } => {
                let (last, on) = (last.format("%d/%m/%Y"), on.format("%d/%m/%Y"));
                say!(lang,
                    "Nhiệm vụ {id} đã có thay đổi ghi ngày {last}; không thể ghi thay đổi vào ngày trước đó ({on}).",
                    "Task {id} already has a change dated {last}; a change cannot be dated before it ({on}).")
            }
            DeadlineNeedsReason { id } => say!(lang,
                "Thay đổi thời hạn của nhiệm vụ {id} là điều chỉnh thời hạn và cần ghi lý do (--reason).",
                "Changing the deadline of task {id} is a deadline adjustment (điều chỉnh thời hạn) and needs its reason (--reason)."),
            NotRemoved { id } => say!(lang,
                "Nhiệm vụ {id} chưa bị xóa nên không có gì để khôi phục.",
                "Task {id} is not removed, so there is nothing to restore."),
            ProgramHasTasks { code, n } => say!(lang,
                "Chương trình `{code}` còn {n} nhiệm vụ; hãy chuyển sang chương trình khác trước (`phoihop task edit SỐ --program MÃ`).",
                "Program `{code}` still has {n} tasks; move them to another program first (`phoihop task edit ID --program CODE`)."),
            ProgramHeldTasks { code } => say!(lang,
                "Chương trình `{code}` từng có nhiệm vụ, được lưu trong hồ sơ, nên không thể xóa.",
                "Program `{code}` held tasks in the past, which the record keeps, so it cannot be removed."),
            AgencyLooksLike { name, code, existing } => say!(lang,
                "Tên cơ quan `{name}` trông giống tên của cơ quan {code} (`{existing}`); hãy đặt tên không thể nhầm lẫn.",
                "The agency name `{name}` looks the same as the name of agency {code} (`{existing}`); give a name that cannot be mistaken for it."),
            ProgramLooksLike { title, code, existing } => say!(lang,
                "Tên chương trình `{title}` trông giống tên của chương trình {code} (`{existing}`); hãy đặt tên không thể nhầm lẫn.",
                "The program title `{title}` looks the same as the title of program {code} (`{existing}`); give a title that cannot be mistaken for it."),
            CodeTaken { program: true, code } => say!(lang,
                "Đã có chương trình mã `{code}`.",
                "A program with the code `{code}` already exists."),
            CodeTaken { program: false, code } => say!(lang,
                "Đã có cơ quan mã `{code}`.",
                "An agency with the code `{code}` already exists."),
            AgencyCycle { code, parent } => say!(lang,
                "Không thể đặt cơ quan `{code}` trực thuộc `{parent}`: như vậy sẽ tạo thành vòng lặp.",
                "Agency `{code}` cannot be placed under `{parent}`: that would make a cycle."),
            RenameNeedsDate { code } => say!(lang,
                "Đổi tên cơ quan `{code}` cần ngày tên mới có hiệu lực.",
                "Renaming agency `{code}` needs the date the new name takes effect."),
            AgencyInUse { code, uses } => say!(lang,
                "Cơ quan `{code}` còn được tham chiếu {uses} lần (nhiệm vụ, chương trình, cơ quan trực thuộc, phân quyền hoặc đôn đốc); hãy chuyển các tham chiếu đó trước, hoặc hợp nhất vào cơ quan khác (`phoihop agency merge`).",
                "Agency `{code}` is still referred to {uses} times (tasks, programs, sub-agencies, roles or urges); reassign those first, or merge it into another (`phoihop agency merge`)."),
            AgencyHeldTasks { code } => say!(lang,
                "Cơ quan `{code}` từng chủ trì hoặc phối hợp nhiệm vụ, được lưu trong hồ sơ; hãy hợp nhất vào cơ quan tiếp nhận công việc (`phoihop agency merge {code} --into MÃ_MỚI --on NGÀY`).",
                "Agency `{code}` led or coordinated tasks in the past, which the record keeps; merge it into the agency that took its work over (`phoihop agency merge {code} --into NEW --on DATE`)."),
            MergeIntoItself { code } => say!(lang,
                "Không thể hợp nhất cơ quan `{code}` vào chính nó.",
                "Agency `{code}` cannot be merged into itself."),
            MergedAlready { code, on } => say!(lang,
                "Cơ quan `{code}` đã kết thúc ngày {on}; không thể hợp nhất lần nữa.",
                "Agency `{code}` already ended on {on}; it cannot be merged again."),
            FilterNeedsDate => say!(lang,
                "Bộ lọc theo tình trạng hạn, quá hạn hoặc sắp đến hạn cần một ngày tính số liệu.",
                "A bucket, overdue or due-soon filter needs an as-of date."),
            ReviewOutside { on, starts, ends } => say!(lang,
                "Ngày sơ kết, tổng kết {on} nằm ngoài thời gian của chương trình (sau {starts} và đến hết {ends}).",
                "The review date {on} is outside the program (after {starts} and up to {ends})."),
            ParentAfter { parent, code } => say!(lang,
                "Cơ quan cấp trên `{parent}` của `{code}` phải đứng trước nó.",
                "The parent agency `{parent}` of `{code}` must come before it."),
        }
    }
}
