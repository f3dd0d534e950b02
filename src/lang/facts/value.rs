//! Values: progress, dates, text, codes and the rules between a task's fields.

use chrono::NaiveDate;

use crate::domain::Status;
use crate::lang::Lang;

/// The name of a field as a sentence says it. Fields are named in English where the code
/// checks them (`title`, `lead agency code`, `--as-of date`); Vietnamese says them in its
/// own words, and an unknown name is shown as given.
pub fn field_name(field: &str, lang: Lang) -> String {
    if lang == Lang::En {
        return field.to_string();
    }
    let vi = match field {
        "title" => "tên nhiệm vụ",
        "deadline" => "thời hạn",
        "text" => "nội dung",
        "code" => "mã",
        "note" => "ghi chú",
        "lead" => "cơ quan chủ trì",
        "lead agency code" => "mã cơ quan chủ trì",
        "with" | "coordinating agency code" => "mã cơ quan phối hợp",
        "agency" => "cơ quan",
        "agency code" => "mã cơ quan",
        "parent" | "parent agency code" => "mã cơ quan trực thuộc",
        "signatory agency code" => "mã cơ quan ký kết",
        "signatory agency" => "cơ quan ký kết",
        "program" | "program code" => "mã chương trình",
        "program title" => "tên chương trình",
        "category" | "category code" => "mã lĩnh vực",
        "description" => "nội dung",
        "basis" => "căn cứ",
        "name" | "agency name" => "tên cơ quan",
        "head" => "người đứng đầu",
        "message" => "nội dung đôn đốc",
        "login" => "tên đăng nhập",
        "role" => "quyền",
        "reason" => "lý do điều chỉnh",
        "line" => "dòng",
        "date" => "ngày",
        "progress" => "tiến độ",
        "status" => "trạng thái",
        "cadence" => "hình thức",
        "kind" => "loại",
        "starts_on" => "ngày bắt đầu",
        "ends_on" => "ngày kết thúc",
        "review_months" => "chu kỳ sơ kết",
        "completed_on" => "ngày hoàn thành",
        "created_on" => "ngày giao",
        "header" => "dòng tiêu đề",
        "members" => "số thành viên",
        "staff" => "số cán bộ",
        "as-of date" => "ngày tính số liệu",
        "--as-of date" => "ngày tính số liệu (--as-of)",
        "--on date" => "ngày (--on)",
        "start date (--from)" => "ngày bắt đầu (--from)",
        "end date (--to)" => "ngày kết thúc (--to)",
        other => return other.to_string(),
    };
    vi.to_string()
}

/// The Vietnamese name of a vocabulary (`role`, `status`, …).
fn vocabulary_vi(what: &str) -> &str {
    match what {
        "agency kind" => "loại cơ quan",
        "program kind" => "loại chương trình",
        "cadence" => "hình thức",
        "status" => "trạng thái",
        "deadline bucket" => "tình trạng hạn",
        "role" => "quyền",
        other => other,
    }
}

/// A fact about a value.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    ProgressRange {
        n: i64,
    },
    ProgressNotNumber {
        text: String,
    },
    /// A forbidden character; `what` is its English description with its code point.
    Forbidden {
        field: String,
        what: String,
        ch: char,
    },
    Empty {
        field: String,
    },
    TooLong {
        field: String,
        n: usize,
        max: usize,
    },
    CodeTooLong {
        field: String,
        code: String,
    },
    CodeChar {
        field: String,
        code: String,
        ch: char,
    },
    RecordCodeChar {
        field: String,
        code: String,
        ch: char,
    },
    /// Not one of a vocabulary's codes.
    BadCode {
        what: String,
        given: String,
        allowed: String,
    },
    NumberRange {
        field: String,
        n: i64,
    },
    EndsBeforeStarts {
        ends: NaiveDate,
        starts: NaiveDate,
    },
    ReviewRange {
        months: i64,
    },
    LeadAlsoWith {
        code: String,
    },
    RoadmapNeedsDeadline,
    /// Progress 100 % with another status; `flag` when said to the CLI (`--status`).
    FullButNotDone {
        status: Status,
        flag: bool,
    },
    NotStartedAtZero {
        progress: u8,
    },
    DoneAt100 {
        progress: u8,
    },
    NothingToUpdate,
    BadDate {
        field: String,
        text: String,
    },
}

impl Value {
    pub fn render(&self, lang: Lang) -> String {
        use Value::*;
        let f = |field: &str| field_name(field, lang);
        match self {
            ProgressRange { n } => say!(lang,
                "Tiến độ {n} nằm ngoài phạm vi; phải là số nguyên từ 0 đến 100.",
                "Progress {n} is out of range; it must be a whole number from 0 to 100."),
            ProgressNotNumber { text } => say!(lang,
                "Tiến độ `{text}` không phải số nguyên từ 0 đến 100.",
                "Progress `{text}` is not a whole number from 0 to 100."),
            Forbidden { field, what, ch } => {
                let field = f(field);
                let code = format!("U+{:04X}", *ch as u32);
                let vi = if *ch == '\n' { "dấu xuống dòng" } else { "ký tự điều khiển hoặc ký tự ẩn" };
                say!(lang,
                    "Trường {field} chứa {vi} ({code}), không được phép trong dữ liệu lưu trữ.",
                    "The {field} contains {what}, which is not allowed in stored text.")
            }
            Empty { field } => {
                let field = f(field);
                say!(lang, "Trường {field} không được để trống.", "The {field} must not be empty.")
            }
            TooLong { field, n, max } => {
                let field = f(field);
                say!(lang,
                    "Trường {field} dài {n} ký tự; chỉ được tối đa {max} ký tự.",
                    "The {field} is {n} characters long; at most {max} are allowed.")
            }
            CodeTooLong { field, code } => {
                let field = f(field);
                say!(lang, "Trường {field} `{code}` dài quá 40 ký tự.", "The {field} `{code}` is longer than 40 characters.")
            }
            CodeChar { field, code, ch } => {
                let field = f(field);
                let u = format!("U+{:04X}", *ch as u32);
                say!(lang,
                    "Trường {field} `{code}` chứa `{ch}` ({u}); hãy dùng chữ cái ASCII, chữ số, `-`, `_`, `.` hoặc `/`.",
                    "The {field} `{code}` contains `{ch}` ({u}); use ASCII letters, digits, `-`, `_`, `.` or `/`.")
            }
            RecordCodeChar { field, code, ch } => {
                let field = f(field);
                say!(lang,
                    "Trường {field} `{code}` chứa `{ch}`; chỉ dùng chữ in hoa A–Z, chữ số và `-`.",
                    "The {field} `{code}` contains `{ch}`; use capital letters A–Z, digits and `-` only.")
            }
            BadCode { what, given, allowed } => {
                let vi = vocabulary_vi(what);
                say!(lang,
                    "`{given}` không phải {vi} hợp lệ; hãy dùng một trong: {allowed}.",
                    "`{given}` is not a valid {what}; use one of: {allowed}.")
            }
            NumberRange { field, n } => {
                let field = f(field);
                say!(lang,
                    "Trường {field} {n} nằm ngoài phạm vi; phải từ 0 đến 10.000.000.",
                    "The {field} {n} is out of range; it must be from 0 to 10000000.")
            }
            EndsBeforeStarts { ends, starts } => {
                let (ends, starts) = (lang.date(*ends), lang.date(*starts));
                say!(lang,
                    "Chương trình kết thúc ({ends}) trước khi bắt đầu ({starts}).",
                    "The program ends ({ends}) before it starts ({starts}).")
            }
            ReviewRange { months } => say!(lang,
                "Chu kỳ sơ kết {months} tháng nằm ngoài phạm vi; hãy dùng từ 0 đến 120.",
                "The review cadence of {months} months is out of range; use 0 to 120."),
            LeadAlsoWith { code } => say!(lang,
                "Cơ quan `{code}` không được vừa chủ trì vừa phối hợp cùng một nhiệm vụ.",
                "Agency `{code}` cannot both lead and coordinate the same task."),
            RoadmapNeedsDeadline => say!(lang,
                "Nhiệm vụ theo lộ trình cần có thời hạn (--deadline); dùng --cadence recurring cho nhiệm vụ thường xuyên, không có thời hạn.",
                "A roadmap task needs a deadline (--deadline); use --cadence recurring for a task without one."),
            FullButNotDone { status, flag } => {
                let vi = lang.status(*status).to_lowercase();
                let code = status.code();
                match (lang, flag) {
                    (Lang::Vi, _) => format!("Tiến độ 100% nghĩa là nhiệm vụ đã hoàn thành, nên không thể ở trạng thái {vi}; hãy chọn trạng thái hoàn thành, hoặc tiến độ dưới 100."),
                    (Lang::En, true) => format!("Progress 100% means the task is done, so it cannot be {code}; give --status done, or a progress below 100."),
                    (Lang::En, false) => format!("Progress 100% means the task is done, so it cannot be {code}; give the status done, or a progress below 100."),
                }
            }
            NotStartedAtZero { progress } => say!(lang,
                "Nhiệm vụ chưa triển khai có tiến độ 0%; tiến độ {progress} không phù hợp với trạng thái chưa triển khai.",
                "A task not started is at 0%; progress {progress} does not fit status not_started."),
            DoneAt100 { progress } => say!(lang,
                "Nhiệm vụ hoàn thành có tiến độ 100%; tiến độ {progress} không phù hợp với trạng thái hoàn thành.",
                "A done task is at 100%; progress {progress} does not fit status done."),
            NothingToUpdate => say!(lang,
                "Không có gì để cập nhật: hãy cho tiến độ, trạng thái hoặc ghi chú.",
                "Nothing to update: give a progress, a status or a note."),
            BadDate { field, text } => {
                let field = f(field);
                say!(lang,
                    "Trường {field} `{text}` không phải ngày hợp lệ; hãy viết dd/mm/yyyy hoặc YYYY-MM-DD.",
                    "The {field} `{text}` is not a valid date; write YYYY-MM-DD or dd/mm/yyyy.")
            }
        }
    }
}
