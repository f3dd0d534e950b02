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
    BadPeriod { text: String },
    PeriodOrder { from: NaiveDate, to: NaiveDate },
    ExcelTooManyRows { n: usize },
    CheckFound { n: usize },
    GenTasksMin,
    GenAgencies { max: u64 },
    GenTasksMax { max: u64 },
    GenNotEmpty,
    DemoNotEmpty,
    NoCategories,
    NoChainForHead,
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
            NoChainForHead => say!(lang,
                "Nhật ký kiểm tra của cơ sở dữ liệu này chưa có chuỗi băm (lược đồ trước phiên bản 5), nên không kiểm tra được --head.",
                "This database's audit log has no hash chain yet (schema before version 5), so --head cannot be checked."),
        }
    }
}
