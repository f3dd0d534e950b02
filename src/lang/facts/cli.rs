//! The command line: combinations of options, reports, the demo and checks.

use chrono::NaiveDate;

use crate::lang::Lang;

/// A fact about what the command line asked for.
#[derive(Debug, Clone, PartialEq)]
pub enum Cli {
    NoDataDir,
    PeriodAndAsOf,
    ToAndAsOf,
    ExcelNeedsOut,
    ExcelCsvOnly,
    BadPeriod {
        text: String,
    },
    PeriodOrder {
        from: NaiveDate,
        to: NaiveDate,
    },
    ExcelTooManyRows {
        n: usize,
    },
    CheckFound {
        n: usize,
    },
    GenTasksMin,
    GenAgencies {
        max: u64,
    },
    GenTasksMax {
        max: u64,
    },
    GenNotEmpty,
    DemoNotEmpty,
    NoCategories,
    NoChainForHead,
    BadPosition {
        n: i64,
    },
    /// A `--to` of `replicate-config` that is no replica.
    BadReplica {
        target: String,
        why: Replica,
    },
    BadDuration {
        field: String,
        text: String,
    },
    CannotResolve {
        path: String,
        detail: String,
    },
    DbPathNotUtf8,
    DbPathDollar,
    KeyPathSftpOnly,
    BadAge {
        text: String,
    },
    RollupNeedsOut,
    WordNeedsOut,
    IssuerDocxOnly,
    NoReviewDates,
    DeployFound {
        n: usize,
    },
    /// The TUI's background reader or writer ended.
    WorkerStopped,
    /// The dashboard (or, with `rollup`, the roll-up screen) on something not a terminal.
    NeedsTerminal {
        rollup: bool,
    },
    WordRollupNeedsOut,
    /// A Word document names its issuing agency, and the database has none.
    NoIssuer,
    NoReplicasGiven,
    NoThread {
        detail: String,
    },
}

/// What is wrong with a replica target.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Replica {
    Dollar,
    BadChar,
    NotAbsolute,
    Root,
    NoUser,
    Incomplete,
    NoBucket,
    Unknown,
}

impl Replica {
    fn render(self, lang: Lang) -> &'static str {
        use Replica::*;
        match (self, lang) {
            (Dollar, Lang::Vi) => "chứa `$`, ký tự Litestream hiểu là biến",
            (Dollar, Lang::En) => "contains `$`, which Litestream would read as a variable",
            (BadChar, Lang::Vi) => "chứa ký tự điều khiển, dấu nháy hoặc dấu gạch chéo ngược",
            (BadChar, Lang::En) => "contains a control character, a quote or a backslash",
            (NotAbsolute, Lang::Vi) => "không phải đường dẫn tuyệt đối file:///",
            (NotAbsolute, Lang::En) => "is not an absolute file:/// path",
            (Root, Lang::Vi) => "là thư mục gốc",
            (Root, Lang::En) => "is the root directory",
            (NoUser, Lang::Vi) => "không có tên người dùng (sftp://USER@HOST/DIR)",
            (NoUser, Lang::En) => "names no user (sftp://USER@HOST/DIR)",
            (Incomplete, Lang::Vi) => "cần có người dùng, máy chủ và thư mục",
            (Incomplete, Lang::En) => "needs a user, a host and a directory",
            (NoBucket, Lang::Vi) => "cần có bucket và đường dẫn",
            (NoBucket, Lang::En) => "needs a bucket and a path",
            (Unknown, Lang::Vi) => {
                "không phải đường dẫn, cũng không phải URL file://, sftp:// hay s3://"
            }
            (Unknown, Lang::En) => "is not a path nor a file://, sftp:// or s3:// URL",
        }
    }
}

impl Cli {
    pub fn render(&self, lang: Lang) -> String {
        use Cli::*;
        match self {
            NoDataDir => say!(lang,
                "Không xác định được thư mục dữ liệu của người dùng này; hãy chỉ cơ sở dữ liệu bằng --db ĐƯỜNG_DẪN hoặc PHOIHOP_DB.",
                "No data directory is known for this user; give the database with --db PATH or PHOIHOP_DB."),
            PeriodAndAsOf => say!(lang,
                "Chỉ cho --period hoặc --as-of, không cho cả hai: báo cáo một kỳ tính số liệu đến ngày cuối kỳ.",
                "Give either --period or --as-of, not both: a period's report is as of its last day."),
            ToAndAsOf => say!(lang, "Chỉ cho --to hoặc --as-of, không cho cả hai.", "Give either --to or --as-of, not both."),
            ExcelNeedsOut => say!(lang,
                "Báo cáo Excel là một tệp: hãy cho --out TỆP.xlsx.",
                "An Excel report is a file: give --out FILE.xlsx."),
            ExcelCsvOnly => say!(lang, "--excel chỉ dùng với --format csv.", "--excel applies to --format csv only."),
            BadPeriod { text } => say!(lang,
                "Không hiểu kỳ báo cáo `{text}`; hãy viết 2019, 2019H1, 2019H2, 2019Q1 … 2019Q4 hoặc 2015-2020.",
                "The period `{text}` is not understood; write 2019, 2019H1, 2019H2, 2019Q1 … 2019Q4 or 2015-2020."),
            PeriodOrder { from, to } => {
                let (f, t) = (lang.date(*from), lang.date(*to));
                say!(lang,
                    "Kỳ báo cáo bắt đầu ({f}) sau ngày kết thúc ({t}).",
                    "The period starts ({f}) after it ends ({t}).")
            }
            ExcelTooManyRows { n } => {
                let n = lang.int(*n as i64);
                say!(lang,
                    "{n} nhiệm vụ không vừa một trang tính Excel (tối đa 1.048.573 dòng dưới dòng tiêu đề); hãy thu hẹp báo cáo bằng --program.",
                    "{n} tasks do not fit on one Excel sheet (at most 1,048,573 rows below the header); narrow the report with --program.")
            }
            CheckFound { n } => say!(lang,
                "Kiểm tra phát hiện {n} vấn đề, liệt kê ở trên.",
                "The check found {n} problem(s), listed above."),
            WorkerStopped => say!(lang,
                "Luồng đọc, ghi chạy nền đã dừng; hãy khởi động lại phoihop.",
                "The background worker stopped; start phoihop again."),
            NoThread { detail } => say!(lang,
                "Không khởi động được luồng chạy nền: {detail}.",
                "Could not start a background thread: {detail}."),
            GenTasksMin => say!(lang, "Hãy cho --tasks N với N ít nhất là 1.", "Give --tasks N with N at least 1."),
            GenAgencies { max } => say!(lang, "--agencies phải từ 1 đến {max}.", "--agencies must be from 1 to {max}."),
            GenTasksMax { max } => say!(lang, "--tasks tối đa là {max}.", "--tasks must be at most {max}."),
            GenNotEmpty => say!(lang,
                "Cơ sở dữ liệu đã có dữ liệu; gen chỉ nạp vào cơ sở dữ liệu trống, hãy chỉ một tệp mới bằng --db.",
                "The database already holds data; gen fills only an empty database, so give a new file with --db."),
            DemoNotEmpty => say!(lang,
                "Cơ sở dữ liệu đã có dữ liệu; hãy dùng `phoihop demo --force` để thay thế.",
                "The database already holds data; use `phoihop demo --force` to replace it."),
            NoCategories => say!(lang,
                "Cơ sở dữ liệu chưa có lĩnh vực công tác nào nên không sinh được nhiệm vụ.",
                "The database has no work categories, so no task can be generated."),
            BadPosition { n } => say!(lang,
                "Vị trí {n} không có trong thứ tự; hãy cho 1 để xếp đầu tiên.",
                "The position {n} is not a place in the order; give 1 for the first."),
            BadReplica { target, why } => {
                let why = why.render(lang);
                say!(lang,
                    "Đích sao chép `{target}` {why}; hãy cho đường dẫn thư mục, file:///DIR, sftp://USER@HOST/DIR hoặc s3://BUCKET/PATH.",
                    "The replica `{target}` {why}; give a directory path, file:///DIR, sftp://USER@HOST/DIR or s3://BUCKET/PATH.")
            }
            BadDuration { field, text } => say!(lang,
                "{field} `{text}` không phải khoảng thời gian; hãy viết số giờ, phút hoặc giây, như 720h, 90m hoặc 30s.",
                "{field} `{text}` is not a duration; write hours, minutes or seconds, as 720h, 90m or 30s."),
            CannotResolve { path, detail } => say!(lang,
                "Không xác định được đường dẫn đầy đủ của {path}: {detail}.",
                "Cannot resolve {path}: {detail}."),
            DbPathNotUtf8 => say!(lang,
                "Đường dẫn cơ sở dữ liệu không phải văn bản UTF-8, Litestream không đọc được.",
                "The database path is not valid UTF-8, which Litestream cannot read."),
            DbPathDollar => say!(lang,
                "Đường dẫn cơ sở dữ liệu chứa `$`, ký tự Litestream hiểu là biến; hãy chuyển cơ sở dữ liệu sang chỗ khác.",
                "The database path contains `$`, which Litestream would read as a variable; move the database."),
            KeyPathSftpOnly => say!(lang,
                "--key-path chỉ dùng với đích sao chép sftp://.",
                "--key-path applies to an sftp:// replica only."),
            BadAge { text } => say!(lang,
                "Không hiểu độ cũ `{text}`; hãy viết 30s, 90m, 36h, 7d hoặc none.",
                "The age `{text}` is not understood; write 30s, 90m, 36h, 7d or none."),
            RollupNeedsOut => say!(lang,
                "Bảng tổng hợp Excel là một tệp: hãy cho --out TỆP.xlsx.",
                "An Excel roll-up is a file: give --out FILE.xlsx."),
            WordNeedsOut => say!(lang,
                "Báo cáo Word là một tệp: hãy cho --out TỆP.docx.",
                "A Word report is a file: give --out FILE.docx."),
            NeedsTerminal { rollup: false } => say!(lang,
                "Bảng điều khiển cần một thiết bị đầu cuối (terminal); trong kịch bản hãy dùng một lệnh con như `phoihop report` hoặc `phoihop task list`.",
                "The dashboard needs a terminal; for scripts use a subcommand such as `phoihop report` or `phoihop task list`."),
            NeedsTerminal { rollup: true } => say!(lang,
                "Màn hình tổng hợp cần một thiết bị đầu cuối (terminal); trong kịch bản hãy dùng `phoihop rollup`.",
                "The roll-up screen needs a terminal; for scripts use `phoihop rollup`."),
            WordRollupNeedsOut => say!(lang,
                "Bảng tổng hợp Word là một tệp: hãy cho --out TỆP.docx.",
                "A Word roll-up is a file: give --out FILE.docx."),
            NoIssuer => say!(lang,
                "Văn bản Word cần ghi cơ quan ban hành, mà chưa có cơ quan nào: hãy thêm một cơ quan (`phoihop agency add`).",
                "A Word report needs an issuing agency, and there is none yet: add one (`phoihop agency add`)."),
            NoReplicasGiven => say!(lang,
                "Hãy cho các bản sao cần tổng hợp: một hoặc nhiều tệp hoặc thư mục.",
                "Give the replicas to roll up: one or more files or directories."),
            IssuerDocxOnly => say!(lang, "--issuer chỉ dùng với --format docx.", "--issuer applies to --format docx only."),
            NoReviewDates => say!(lang,
                "Hãy cho các ngày sơ kết, cách nhau bằng dấu phẩy (30/06/2021,31/12/2021), hoặc `default`.",
                "Give the review dates separated by commas (30/06/2021,31/12/2021), or `default`."),
            DeployFound { n } => say!(lang,
                "Kiểm tra triển khai phát hiện {n} vấn đề, liệt kê ở trên.",
                "The deployment check found {n} problem(s), listed above."),
            NoChainForHead => say!(lang,
                "Nhật ký kiểm tra của cơ sở dữ liệu này chưa có chuỗi băm (lược đồ trước phiên bản 5), nên không kiểm tra được --head.",
                "This database's audit log has no hash chain yet (schema before version 5), so --head cannot be checked."),
        }
    }
}

/// A command line the argument parser refused, as the CLI reads it from the parser's
/// error (`cli::usage_fact`). English is the parser's own sentence (`en`); Vietnamese is
/// rendered here from the facts. Both end with where to read the usage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Usage {
    pub what: Refused,
    /// The parser's sentence, in English.
    pub en: String,
}

/// What the argument parser refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refused {
    UnknownOption {
        arg: String,
        suggested: Option<String>,
    },
    UnknownCommand {
        name: String,
        suggested: Option<String>,
    },
    /// `value` is not one of `valid` (an empty `value`: none was given).
    Choice {
        arg: String,
        value: String,
        valid: Vec<String>,
    },
    /// `value` did not parse, for `why`.
    BadValue {
        arg: String,
        value: String,
        why: BadValueWhy,
    },
    Missing {
        args: Vec<String>,
    },
    MissingCommand,
    Conflict {
        arg: String,
        prior: Option<String>,
    },
    /// A value where none is taken, or one too many.
    Unexpected {
        value: String,
    },
    /// A kind with no sentence of its own: the parser's English is quoted.
    Other,
}

/// Why a value did not parse.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BadValueWhy {
    NotWholeNumber,
    TooLarge,
    /// The value parser's own sentence (phoihop's parsers say it in the user's language).
    Said(String),
}

impl Usage {
    pub fn render(&self, lang: Lang) -> String {
        if lang == Lang::En {
            return self.en.clone();
        }
        use Refused::*;
        let see = "xem `phoihop --help` (hoặc `phoihop LỆNH --help`).";
        let maybe = |s: &Option<String>| match s {
            Some(s) => format!(" Có phải ý là `{s}`?"),
            None => String::new(),
        };
        match &self.what {
            UnknownOption { arg, suggested } => {
                format!("Không có tùy chọn `{arg}`.{} Hãy {see}", maybe(suggested))
            }
            UnknownCommand { name, suggested } => {
                format!("Không có lệnh `{name}`.{} Hãy {see}", maybe(suggested))
            }
            Choice { arg, value, valid } if value.is_empty() => {
                let list = valid.join(", ");
                if list.is_empty() {
                    format!("{arg} cần có một giá trị; hãy {see}")
                } else {
                    format!("{arg} cần có một giá trị: {list}; hãy {see}")
                }
            }
            Choice { arg, value, valid } => format!(
                "Giá trị `{value}` không dùng được cho {arg}; chỉ nhận: {}; hãy {see}",
                valid.join(", ")
            ),
            BadValue { arg, value, why } => {
                let why = match why {
                    BadValueWhy::NotWholeNumber => "không phải số nguyên",
                    BadValueWhy::TooLarge => "số quá lớn",
                    BadValueWhy::Said(s) => s.as_str(),
                };
                format!("Giá trị `{value}` không hợp lệ cho {arg}: {why}; hãy {see}")
            }
            Missing { args } => format!("Thiếu {}; hãy {see}", args.join(", ")),
            MissingCommand => format!("Cần cho một lệnh con; hãy {see}"),
            Conflict {
                arg,
                prior: Some(p),
            } => {
                format!("Không dùng {arg} cùng với {p}; hãy {see}")
            }
            Conflict { arg, prior: None } => {
                format!("Không dùng được {arg} ở đây; hãy {see}")
            }
            Unexpected { value } => format!("Thừa `{value}` trong câu lệnh; hãy {see}"),
            Other => format!("Câu lệnh không hợp lệ ({}); hãy {see}", self.en),
        }
    }
}
