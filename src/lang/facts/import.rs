//! Import files: their syntax, encoding, header and the checks of each record. A fact
//! about one record sits inside [`super::Fact::At`], which names the file, line and field;
//! the values quoted from the file are escaped where the fact is made.

use chrono::NaiveDate;

use crate::domain::Status;
use crate::lang::Lang;

/// What an import file looks like when it is not UTF-8.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Looks {
    Utf16,
    Windows1258,
    /// TCVN3 (ABC) or VNI; `fonts` when the file names `.Vn` fonts.
    Tcvn3 {
        fonts: bool,
    },
}

/// A fact about an import file or one of its records.
#[derive(Debug, Clone, PartialEq)]
pub enum Import {
    /// The file is not syntactically CSV (`json` false) or JSON; `detail` is the parser's.
    Syntax {
        file: String,
        line: u64,
        json: bool,
        detail: String,
    },
    /// Not UTF-8; `iconv` is the exact command line that converts it (empty for TCVN3).
    NotUtf8 {
        path: String,
        looks: Looks,
        iconv: String,
    },
    /// Not valid in the encoding the user gave (`--encoding`).
    NotValidIn {
        file: String,
        coding: String,
    },
    EmptyFile,
    HeaderNotUtf8,
    UnknownHeader {
        header: String,
        tasks: String,
        agencies: String,
        programs: String,
    },
    /// `kind` is `tasks`, `agencies` or `programs`.
    NotAColumn {
        name: String,
        kind: String,
        columns: String,
    },
    ColumnTwice {
        name: String,
    },
    ColumnMissing {
        name: String,
    },
    FieldCount {
        n: usize,
        header: usize,
    },
    /// `at` counts bytes from 1.
    TextNotUtf8 {
        at: usize,
    },
    NotWholeNumber {
        text: String,
    },
    OutOfRange {
        n: i64,
    },
    CompletedNotDone,
    CompletedBeforeCreated {
        completed: NaiveDate,
        created: NaiveDate,
    },
    OwnParent,
    /// `what` is the JSON entry (`task`, `agency`, `history[2]`, `the file`, …).
    NotObject {
        what: String,
    },
    NotAField {
        key: String,
        what: String,
        fields: String,
    },
    ExpectedText,
    ExpectedCodes,
    ExpectedArray,
    FieldMissing {
        field: String,
    },
    HistoryDone,
    FirstHistoryBefore {
        first: NaiveDate,
        created: NaiveDate,
    },
    LastHistoryMismatch {
        status: Status,
        progress: u8,
        task_status: Status,
        task_progress: u8,
    },
    BadFormat {
        given: String,
    },
    BadVersion {
        given: String,
    },
    LoginSpaces,
    OperatorAgency,
    OperatorNeedsAgency,
    /// `what` is `agency`, `program` or `category`.
    UnknownCode {
        what: String,
        code: String,
    },
    /// `what` is `agency`, `program` or `category`; the first one at `file` line `line`.
    CodeTwice {
        what: String,
        code: String,
        file: String,
        line: u64,
    },
    LoginTwice {
        login: String,
        file: String,
        line: u64,
    },
    CategoryDiffers {
        code: String,
    },
    AgencyDiffers {
        code: String,
    },
    ProgramDiffers {
        code: String,
    },
    LoginHasRole {
        login: String,
    },
    Cycle {
        code: String,
        parent: String,
    },
    TaskTwice {
        program: String,
    },
}

/// The Vietnamese name of a record kind (`agency`, …), as the import names it.
fn what_vi(what: &str) -> String {
    match what {
        "agency" => "cơ quan".into(),
        "program" => "chương trình".into(),
        "category" => "lĩnh vực công tác".into(),
        "task" => "nhiệm vụ".into(),
        "role" => "phân quyền".into(),
        "the file" => "gốc của tệp".into(),
        "tasks" => "nhiệm vụ".into(),
        "agencies" => "cơ quan".into(),
        "programs" => "chương trình".into(),
        other => format!("`{other}`"),
    }
}

impl Import {
    pub fn render(&self, lang: Lang) -> String {
        use Import::*;
        match self {
            Syntax { file, line, json, detail } => {
                let f = if *json { "JSON" } else { "CSV" };
                say!(lang,
                    "Dòng {line} của tệp {file} sai cú pháp {f}: {detail}.",
                    "{file} line {line}, field ({f} syntax): {detail}.")
            }
            NotUtf8 { path, looks, iconv } => match looks {
                Looks::Utf16 => say!(lang,
                    "Tệp {path} không phải văn bản UTF-8 mà là UTF-16 (bắt đầu bằng dấu thứ tự byte UTF-16, như tệp \"Unicode text\" của Excel); hãy nhập với --encoding utf-16, hoặc chuyển đổi trước bằng `{iconv}`.",
                    "{path} is not UTF-8 text: it is UTF-16 (it starts with a UTF-16 byte order mark, as Excel's \"Unicode text\" files do); import it with --encoding utf-16, or convert it first with `{iconv}`."),
                Looks::Windows1258 => say!(lang,
                    "Tệp {path} không phải văn bản UTF-8 mà có vẻ là Windows-1258 (CP1258, bảng mã tiếng Việt của Windows); hãy nhập với --encoding windows-1258, hoặc chuyển đổi trước bằng `{iconv}`.",
                    "{path} is not UTF-8 text: it looks like Windows-1258 (CP1258, the Vietnamese Windows code page); import it with --encoding windows-1258, or convert it first with `{iconv}`."),
                Looks::Tcvn3 { fonts } => {
                    let (vi, en) = if *fonts {
                        ("có tên phông .Vn nên nhiều khả năng là", "it names .Vn fonts, so it is most likely")
                    } else {
                        ("nhiều khả năng là", "it is most likely")
                    };
                    say!(lang,
                        "Tệp {path} không phải văn bản UTF-8, UTF-16 hay Windows-1258: tệp {vi} TCVN3 (ABC), bảng mã của phông .VnTime, .VnArial (hoặc VNI, của phông VNI-Times); phoihop không chuyển đổi các bảng mã này, hãy chuyển sang Unicode UTF-8 trước (ví dụ bằng công cụ chuyển mã của UniKey, từ TCVN3 sang Unicode) rồi nhập lại.",
                        "{path} is not UTF-8 text, nor UTF-16 or Windows-1258: {en} TCVN3 (ABC), the encoding of the .VnTime and .VnArial fonts (or VNI, of the VNI-Times fonts); phoihop does not convert these, so convert it to Unicode UTF-8 first (for example with UniKey's converter, from TCVN3 to Unicode), then import it.")
                }
            },
            NotValidIn { file, coding } => say!(lang,
                "Tệp {file} không phải văn bản {coding} hợp lệ; hãy kiểm tra bảng mã đã dùng khi lưu tệp.",
                "{file} is not valid {coding} text; check the encoding it was saved in."),
            EmptyFile => say!(lang, "Tệp trống; cần có dòng tiêu đề.", "The file is empty; it needs a header row."),
            HeaderNotUtf8 => say!(lang,
                "Dòng tiêu đề không phải văn bản UTF-8 hợp lệ.",
                "The header is not valid UTF-8 text."),
            UnknownHeader { header, tasks, agencies, programs } => say!(lang,
                "Dòng tiêu đề `{header}` không phải của tệp nhiệm vụ ({tasks}), tệp cơ quan ({agencies}) hay tệp chương trình ({programs}).",
                "The header `{header}` is not that of a tasks file ({tasks}), an agencies file ({agencies}) or a programs file ({programs})."),
            NotAColumn { name, kind, columns } => {
                let vi = what_vi(kind);
                say!(lang,
                    "`{name}` không phải cột của tệp {vi}; các cột là {columns}.",
                    "`{name}` is not a column of a {kind} file; its columns are {columns}.")
            }
            ColumnTwice { name } => say!(lang, "Cột `{name}` xuất hiện hai lần.", "The column `{name}` appears twice."),
            ColumnMissing { name } => say!(lang,
                "Dòng tiêu đề thiếu cột bắt buộc `{name}`.",
                "The required column `{name}` is missing from the header."),
            FieldCount { n, header } => say!(lang,
                "Dòng có {n} trường nhưng dòng tiêu đề có {header} cột.",
                "The row has {n} fields but the header has {header}."),
            TextNotUtf8 { at } => say!(lang,
                "Nội dung không phải văn bản UTF-8 hợp lệ (byte sai ở vị trí {at}).",
                "The text is not valid UTF-8 (bad byte at position {at})."),
            NotWholeNumber { text } => say!(lang, "`{text}` không phải số nguyên.", "`{text}` is not a whole number."),
            OutOfRange { n } => say!(lang,
                "Giá trị {n} nằm ngoài phạm vi; phải từ 0 đến 10.000.000.",
                "{n} is out of range; it must be from 0 to 10000000."),
            CompletedNotDone => say!(lang,
                "Chỉ nhiệm vụ đã hoàn thành mới có ngày hoàn thành.",
                "Only a done task has a completion date."),
            CompletedBeforeCreated { completed, created } => {
                let (c, g) = (lang.date(*completed), lang.date(*created));
                say!(lang,
                    "Ngày hoàn thành ({c}) trước ngày giao nhiệm vụ ({g}).",
                    "The task is completed ({c}) before it was created ({g}).")
            }
            OwnParent => say!(lang, "Cơ quan không thể trực thuộc chính nó.", "An agency cannot be its own parent."),
            NotObject { what } => {
                let vi = what_vi(what);
                say!(lang,
                    "Mỗi mục {vi} phải là một đối tượng JSON.",
                    "Each {what} entry must be a JSON object.")
            }
            NotAField { key, what, fields } => {
                let vi = what_vi(what);
                say!(lang,
                    "`{key}` không phải trường của mục {vi}; các trường là {fields}.",
                    "`{key}` is not a field of {what}; the fields are {fields}.")
            }
            ExpectedText => say!(lang, "Cần một chuỗi văn bản hoặc một số.", "Expected text or a number."),
            ExpectedCodes => say!(lang, "Cần một mảng các mã.", "Expected an array of codes."),
            ExpectedArray => say!(lang, "Cần một mảng.", "Expected an array."),
            FieldMissing { field } => say!(lang, "Thiếu trường `{field}`.", "The field `{field}` is missing."),
            HistoryDone => say!(lang,
                "Mục lịch sử hoàn thành có tiến độ 100% và ngày hoàn thành; các mục khác không có ngày hoàn thành.",
                "A done entry is at 100% with a completion date; other entries have none."),
            FirstHistoryBefore { first, created } => {
                let (f, c) = (lang.date(*first), lang.date(*created));
                say!(lang,
                    "Mục lịch sử đầu tiên ({f}) có ngày trước ngày giao nhiệm vụ ({c}).",
                    "The first history entry ({f}) is before the task was created ({c}).")
            }
            LastHistoryMismatch { status, progress, task_status, task_progress } => {
                let (s, t) = (lang.status(*status).to_lowercase(), lang.status(*task_status).to_lowercase());
                let (sc, tc) = (status.code(), task_status.code());
                say!(lang,
                    "Mục lịch sử cuối cùng ({s}, {progress}%) không khớp với tình trạng của nhiệm vụ ({t}, {task_progress}%).",
                    "The last history entry ({sc}, {progress}%) does not match the task's state ({tc}, {task_progress}%).")
            }
            BadFormat { given } => say!(lang,
                "Định dạng của tệp là `{given}`; cần là `phoihop`.",
                "The format is `{given}`; expected `phoihop`."),
            BadVersion { given } => say!(lang,
                "Phiên bản {given} của định dạng chưa được hỗ trợ; phoihop này đọc phiên bản 1.",
                "Version {given} of the format is not known; this phoihop reads version 1."),
            LoginSpaces => say!(lang,
                "Tên đăng nhập không được chứa dấu cách.",
                "A login contains no spaces."),
            OperatorAgency => say!(lang,
                "Chuyên viên gắn với đúng một cơ quan; các quyền khác không gắn với cơ quan nào.",
                "An operator is bound to exactly one agency; other roles to none."),
            OperatorNeedsAgency => say!(lang,
                "Chuyên viên phải gắn với một cơ quan; hãy cho mã cơ quan.",
                "An operator is bound to an agency; give its code."),
            UnknownCode { what, code } => {
                let vi = what_vi(what);
                say!(lang,
                    "Không có {vi} mã `{code}` trong cơ sở dữ liệu hay ở các dòng trước của tệp nhập.",
                    "`{code}` is not a known {what} code (neither in the database nor earlier in the import).")
            }
            CodeTwice { what, code, file, line } => {
                let vi = what_vi(what);
                say!(lang,
                    "Mã {vi} `{code}` xuất hiện hai lần (lần đầu ở dòng {line} của tệp {file}).",
                    "The {what} code `{code}` appears twice (first at {file} line {line}).")
            }
            LoginTwice { login, file, line } => say!(lang,
                "Tên đăng nhập `{login}` xuất hiện hai lần (lần đầu ở dòng {line} của tệp {file}).",
                "The login `{login}` appears twice (first at {file} line {line})."),
            CategoryDiffers { code } => say!(lang,
                "Đã có lĩnh vực công tác mã `{code}` với tên hoặc thứ tự khác; hãy sửa trong cơ sở dữ liệu.",
                "A category with the code `{code}` already exists with other names or position; change it in the database instead."),
            AgencyDiffers { code } => say!(lang,
                "Đã có cơ quan mã `{code}` với thông tin khác; hãy sửa bằng lệnh `phoihop agency edit`.",
                "An agency with the code `{code}` already exists with other data; change it with `phoihop agency edit` instead."),
            ProgramDiffers { code } => say!(lang,
                "Đã có chương trình mã `{code}` với thông tin khác; hãy sửa bằng lệnh `phoihop program edit`.",
                "A program with the code `{code}` already exists with other data; change it with `phoihop program edit` instead."),
            LoginHasRole { login } => say!(lang,
                "Tài khoản `{login}` đã có quyền khác; hãy đổi bằng lệnh `phoihop user grant`.",
                "The login `{login}` already has another role; change it with `phoihop user grant` instead."),
            Cycle { code, parent } => say!(lang,
                "Không thể đặt cơ quan `{code}` trực thuộc `{parent}`: như vậy các cơ quan sẽ tạo thành vòng lặp.",
                "Placing `{code}` under `{parent}` would make a cycle of agencies."),
            TaskTwice { program } => say!(lang,
                "Chương trình `{program}` đã có nhiệm vụ này (cùng lĩnh vực, cơ quan chủ trì và tên nhiệm vụ); không thêm lần thứ hai.",
                "The program `{program}` already has this task (same category, lead agency and title); it is not added twice."),
        }
    }
}
