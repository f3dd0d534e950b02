//! The interface's words, in Vietnamese and English. Every user-visible string of the TUI
//! comes from here; stored data (titles, names) is shown as stored.

use chrono::NaiveDate;

use crate::domain::{Bucket, Status};

/// Interface language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    Vi,
    En,
}

impl Lang {
    /// From the `--lang` value (`vi` or anything else for English).
    pub fn from_code(code: &str) -> Lang {
        if code == "vi" {
            Lang::Vi
        } else {
            Lang::En
        }
    }

    /// `vi` or `en`, as the domain's `Category::name` expects.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Vi => "vi",
            Lang::En => "en",
        }
    }

    /// The catalog entry for `m`.
    pub fn t(self, m: Msg) -> &'static str {
        let (vi, en) = m.text();
        match self {
            Lang::Vi => vi,
            Lang::En => en,
        }
    }

    /// A date as shown: `dd/mm/yyyy` in Vietnamese, ISO in English.
    pub fn date(self, d: NaiveDate) -> String {
        match self {
            Lang::Vi => d.format("%d/%m/%Y").to_string(),
            Lang::En => d.format("%Y-%m-%d").to_string(),
        }
    }

    /// A one-decimal percentage (`73,4%` in Vietnamese, `73.4%` in English).
    pub fn percent(self, p: f64) -> String {
        let s = format!("{p:.1}%");
        match self {
            Lang::Vi => s.replace('.', ","),
            Lang::En => s,
        }
    }

    /// The name of a task status.
    pub fn status(self, s: Status) -> &'static str {
        self.t(match s {
            Status::NotStarted => Msg::StatusNotStarted,
            Status::InProgress => Msg::StatusInProgress,
            Status::Done => Msg::StatusDone,
            Status::Suspended => Msg::StatusSuspended,
        })
    }

    /// The name of a deadline bucket.
    pub fn bucket(self, b: Bucket) -> &'static str {
        self.t(match b {
            Bucket::DoneOnTime => Msg::DoneOnTime,
            Bucket::DoneLate => Msg::DoneLate,
            Bucket::InTime => Msg::InTime,
            Bucket::Overdue => Msg::Overdue,
        })
    }
}

macro_rules! catalog {
    ($($name:ident => $vi:literal, $en:literal;)*) => {
        /// A catalog key.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Msg { $($name),* }

        impl Msg {
            /// (Vietnamese, English).
            pub fn text(self) -> (&'static str, &'static str) {
                match self { $(Msg::$name => ($vi, $en)),* }
            }

            /// Every key, for the catalog completeness test.
            pub const ALL: &'static [Msg] = &[$(Msg::$name),*];
        }
    };
}

catalog! {
    AppName => "phoihop", "phoihop";
    AllPrograms => "Tất cả chương trình", "All programs";
    AsOf => "Số liệu đến", "As of";
    NextReview => "Sơ kết/tổng kết tới", "Next review";
    NoReview => "không còn", "none";
    ViewDashboard => "Tổng quan", "Dashboard";
    ViewPrograms => "Chương trình", "Programs";
    ViewTasks => "Nhiệm vụ", "Tasks";
    ViewAgencies => "Cơ quan", "Agencies";
    ViewDetail => "Chi tiết nhiệm vụ", "Task detail";
    Tasks => "Nhiệm vụ", "Tasks";
    DoneOnTime => "Hoàn thành đúng hạn", "Done on time";
    DoneLate => "Hoàn thành quá hạn", "Done late";
    InTime => "Chưa xong, trong hạn", "Open, in time";
    Overdue => "Chưa xong, quá hạn", "Open, overdue";
    DueSoon => "Sắp đến hạn", "Due soon";
    MeanProgress => "Tiến độ bình quân", "Mean progress";
    ShortOnTime => "Đúng hạn", "On time";
    ShortLate => "Trễ", "Late";
    ShortInTime => "Trong hạn", "In time";
    ShortOverdue => "Quá hạn", "Overdue";
    Progress => "Tiến độ", "Progress";
    Category => "Lĩnh vực", "Category";
    CategoriesTitle => "Nhiệm vụ theo lĩnh vực công tác", "Tasks by work category";
    ChartTitle => "Số nhiệm vụ theo lĩnh vực", "Task count by category";
    AgenciesTitle => "Cơ quan chủ trì", "Lead agencies";
    AttentionTitle => "Quá hạn và sắp đến hạn", "Overdue and due soon";
    NothingOverdue => "Không có nhiệm vụ quá hạn hay sắp đến hạn.", "Nothing overdue or due soon.";
    DaysLate => "trễ {} ngày", "{} days late";
    DaysLeft => "còn {} ngày", "{} days left";
    Code => "Mã", "Code";
    Name => "Tên", "Name";
    Kind => "Loại", "Kind";
    Head => "Người đứng đầu", "Head";
    Title => "Tên nhiệm vụ", "Title";
    ProgramTitle => "Tên chương trình", "Title";
    Program => "Chương trình", "Program";
    Period => "Thời gian", "Period";
    Lead => "Chủ trì", "Lead";
    With => "Phối hợp", "Coordinating";
    Deadline => "Thời hạn", "Deadline";
    Status => "Trạng thái", "Status";
    Id => "Số", "ID";
    Recurring => "Thường xuyên", "Recurring";
    Description => "Nội dung", "Description";
    Basis => "Căn cứ", "Basis";
    Cadence => "Hình thức", "Cadence";
    Roadmap => "Theo lộ trình", "On a roadmap";
    Completed => "Ngày hoàn thành", "Completed on";
    Created => "Ngày giao", "Assigned on";
    Version => "Phiên bản", "Version";
    History => "Quá trình thực hiện", "Progress history";
    Urges => "Đôn đốc", "Urges";
    NoHistory => "Chưa có ghi nhận.", "No entries yet.";
    NoUrges => "Chưa có lần đôn đốc nào.", "No urges yet.";
    None_ => "—", "—";
    StatusNotStarted => "Chưa triển khai", "Not started";
    StatusInProgress => "Đang thực hiện", "In progress";
    StatusDone => "Hoàn thành", "Done";
    StatusSuspended => "Tạm dừng", "Suspended";
    KindParty => "Khối Đảng", "Party";
    KindGovernment => "Chính quyền", "Government";
    KindFront => "MTTQ, đoàn thể", "Front";
    KindCoordination => "Phối hợp", "Coordination";
    KindBuilding => "Xây dựng", "Building";
    KindAction => "Hành động", "Action";
    TasksLedBy => "Nhiệm vụ do {} chủ trì", "Tasks led by {}";
    TasksOfProgram => "Nhiệm vụ của chương trình {}", "Tasks of program {}";
    Rows => "dòng", "rows";
    // Search, filters and the as-of date.
    ActSearch => "Tìm (gõ không dấu cũng được)", "Search (accents optional)";
    ActFilter => "Bộ lọc", "Filters";
    ActAsOf => "Xem số liệu đến một ngày", "Show the data as of a date";
    ActSearchKeep => "Giữ kết quả tìm, trở lại bảng", "Keep the results, back to the table";
    ActSearchClear => "Xóa tìm kiếm", "Clear the search";
    ActErase => "Xóa ký tự cuối", "Delete the last character";
    ActClearField => "Xóa hết ô nhập", "Clear the entry";
    ActAsOfApply => "Áp dụng ngày", "Apply the date";
    ActCancel => "Hủy", "Cancel";
    ActPrevField => "Bộ lọc trước", "Previous filter";
    ActNextField => "Bộ lọc kế tiếp", "Next filter";
    ActNextValue => "Giá trị kế tiếp", "Next value";
    ActPrevValue => "Giá trị trước", "Previous value";
    ActClearFilter => "Bỏ bộ lọc này", "Clear this filter";
    ActClearFilters => "Bỏ mọi bộ lọc", "Clear every filter";
    ActFilterApply => "Áp dụng bộ lọc", "Apply the filters";
    HintSearch => "tìm", "search";
    HintFilter => "lọc", "filter";
    HintKeep => "giữ", "keep";
    HintClear => "xóa", "clear";
    HintApply => "áp dụng", "apply";
    HintCancel => "hủy", "cancel";
    HintField => "chọn bộ lọc", "filter";
    HintValue => "đổi giá trị", "value";
    HintClearAll => "bỏ hết", "clear all";
    Searching => "đang tìm…", "searching…";
    SearchMatches => "{} kết quả", "{} matches";
    Relevance => "độ phù hợp", "relevance";
    FilterTitle => "Bộ lọc", "Filters";
    FilterAny => "tất cả", "any";
    FilterLeadOrWith => "Chủ trì hoặc phối hợp", "Lead or coordinating";
    FilterBucket => "Tình trạng hạn", "Deadline";
    FilterDueSoon => "Chỉ việc sắp đến hạn", "Due soon only";
    FilterOn => "có", "yes";
    FilterNone => "không lọc", "no filters";
    FilterLabel => "Lọc", "Filter";
    FilterDashboardNote => "Tổng quan chỉ thu hẹp theo chương trình, lĩnh vực và cơ quan.", "The dashboard narrows by program, category and agency only.";
    AsOfPrompt => "Đến ngày (dd/mm/yyyy; trống = hôm nay): ", "As of (dd/mm/yyyy or YYYY-MM-DD; empty = today): ";
    AsOfIncomplete => "chưa đủ ngày", "incomplete date";
    AsOfBadChar => "chỉ gõ số và / hoặc -", "digits and / or - only";
    AsOfNoSuchDay => "không có ngày này", "no such day";
    AsOfFuture => "sau hôm nay", "after today";
    AsOfOk => "hợp lệ", "valid";
    AsOfToday => "hôm nay", "today";
    AsOfPast => "quá khứ", "past";
    SortedBy => "Sắp xếp", "Sorted by";
    EmptyTitle => "Cơ sở dữ liệu chưa có dữ liệu.", "The database is empty.";
    EmptyDemo => "Nạp dữ liệu mẫu:  phoihop demo", "Load the demo data:  phoihop demo";
    EmptyImport => "Hoặc nhập từ tệp:  phoihop import TỆP.csv", "Or import a file:  phoihop import FILE.csv";
    EmptyTable => "Không có dòng nào.", "No rows.";
    TooSmall => "Cửa sổ quá nhỏ", "Terminal too small";
    TooSmallNeed => "cần tối thiểu {}", "needs at least {}";
    HelpTitle => "Phím tắt", "Keys";
    HelpClose => "Nhấn ? hoặc Esc để đóng", "Press ? or Esc to close";
    HelpGlobal => "Mọi màn hình", "Everywhere";
    HelpHere => "Màn hình này", "This screen";
    DataChanged => "Dữ liệu vừa được thay đổi ở nơi khác — nhấn r để tải lại.", "The data changed elsewhere — press r to reload.";
    Reloaded => "Đã tải lại dữ liệu.", "Data reloaded.";
    NotYet => "Chức năng này chưa có trong phiên bản này.", "This is not available in this version yet.";
    ReadOnly => "chỉ đọc", "read-only";
    ActQuit => "Thoát", "Quit";
    ActHelp => "Trợ giúp", "Help";
    ActUp => "Lên", "Up";
    ActDown => "Xuống", "Down";
    ActPageUp => "Lên một trang", "Page up";
    ActPageDown => "Xuống một trang", "Page down";
    ActTop => "Về đầu", "First row";
    ActBottom => "Về cuối", "Last row";
    ActOpen => "Mở", "Open";
    ActBack => "Quay lại", "Back";
    ActSort => "Sắp xếp theo cột kế tiếp", "Sort by the next column";
    ActSortReverse => "Đảo chiều sắp xếp", "Reverse the sort";
    ActNextView => "Màn hình kế tiếp", "Next view";
    ActPrevView => "Màn hình trước", "Previous view";
    ActReload => "Tải lại", "Reload";
    ActView => "Chuyển màn hình", "Switch view";
    HintOpen => "mở", "open";
    HintBack => "lại", "back";
    HintSort => "sắp xếp", "sort";
    HintHelp => "trợ giúp", "help";
    HintQuit => "thoát", "quit";
    HintMove => "di chuyển", "move";
    HintViews => "màn hình", "views";
    HintClose => "đóng", "close";
    Error => "Lỗi", "Error";
}

/// Replaces the first `{}` in a catalog string.
pub fn fill(template: &str, value: impl std::fmt::Display) -> String {
    template.replacen("{}", &value.to_string(), 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_entry_has_both_languages() {
        for m in Msg::ALL {
            let (vi, en) = m.text();
            assert!(!vi.is_empty() && !en.is_empty(), "{m:?}");
            assert_eq!(vi.matches("{}").count(), en.matches("{}").count(), "{m:?}");
        }
    }

    #[test]
    fn dates_and_numbers() {
        let d = NaiveDate::from_ymd_opt(2020, 12, 31).unwrap();
        assert_eq!(Lang::Vi.date(d), "31/12/2020");
        assert_eq!(Lang::En.date(d), "2020-12-31");
        assert_eq!(Lang::Vi.percent(73.44), "73,4%");
        assert_eq!(fill(Lang::En.t(Msg::DaysLate), 3), "3 days late");
    }
}
