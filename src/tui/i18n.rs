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

    /// A one-decimal percentage (`73,4%` in Vietnamese, `73.4%` in English) that never
    /// rounds up to 100 % before the work is done (see [`crate::numfmt::percent`]).
    pub fn percent(self, p: f64) -> String {
        crate::numfmt::percent(p, self.code())
    }

    /// A count with thousands separators (`100.000` in Vietnamese, `100,000` in English).
    pub fn int(self, n: impl Into<i64>) -> String {
        crate::numfmt::int(n.into(), self.code())
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

    /// A short category name for narrow columns (the code when unknown).
    pub fn category_short(self, code: &str) -> Option<&'static str> {
        let m = match code {
            "ideology" => Msg::CatIdeology,
            "organization" => Msg::CatOrganization,
            "inspection" => Msg::CatInspection,
            "mass_mobilization" => Msg::CatMass,
            "internal_affairs" => Msg::CatInternal,
            "government" => Msg::CatGovernment,
            "front" => Msg::CatFront,
            _ => return None,
        };
        Some(self.t(m))
    }

    /// The name of a role.
    pub fn role(self, r: crate::domain::Role) -> &'static str {
        self.t(match r {
            crate::domain::Role::Admin => Msg::RoleAdmin,
            crate::domain::Role::Operator => Msg::RoleOperator,
            crate::domain::Role::Supervisor => Msg::RoleSupervisor,
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
    InTime => "Chưa hoàn thành, trong hạn", "Open, in time";
    Overdue => "Chưa hoàn thành, quá hạn", "Open, overdue";
    DueSoon => "Sắp đến hạn", "Due soon";
    MeanProgress => "Tiến độ bình quân", "Mean progress";
    ShortOnTime => "Đúng hạn", "On time";
    ShortLate => "HT quá hạn", "Late";
    ShortInTime => "Trong hạn", "In time";
    ShortOverdue => "Quá hạn", "Overdue";
    Progress => "Tiến độ", "Progress";
    Category => "Lĩnh vực", "Category";
    CategoriesTitle => "Nhiệm vụ theo lĩnh vực công tác", "Tasks by work category";
    ChartTitle => "Số nhiệm vụ theo lĩnh vực", "Task count by category";
    AgenciesTitle => "Cơ quan chủ trì", "Lead agencies";
    AttentionTitle => "Quá hạn và sắp đến hạn", "Overdue and due soon";
    NothingOverdue => "Không có nhiệm vụ quá hạn hay sắp đến hạn.", "Nothing overdue or due soon.";
    DaysLate => "quá hạn {} ngày", "{} days late";
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
    ActSearch => "Tìm (gõ không dấu cũng được; #70 hoặc :70 tới nhiệm vụ số 70)", "Search (accents optional; #70 or :70 goes to task 70)";
    ActFilter => "Bộ lọc", "Filters";
    ActAsOf => "Xem số liệu đến một ngày", "Show the data as of a date";
    ActSearchKeep => "Giữ kết quả tìm, trở lại bảng", "Keep the results, back to the table";
    ActSearchClear => "Xóa tìm kiếm", "Clear the search";
    ActClearEntry => "Xóa hết ô nhập", "Clear the entry";
    ActAsOfApply => "Áp dụng ngày", "Apply the date";
    ActClose => "Đóng, không thay đổi", "Close without changes";
    ActPrevFilter => "Bộ lọc trước", "Previous filter";
    ActNextFilter => "Bộ lọc kế tiếp", "Next filter";
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
    HintFilterField => "chọn bộ lọc", "filter";
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
    HelpSyntax => "Cú pháp tìm kiếm (/)", "Search syntax (/)";
    SynFuzzy => "Các chữ theo thứ tự, không cần liền nhau; khớp trọn từ xếp trước, rồi đầu từ, rồi chữ rải rác", "Letters in order, not necessarily together; whole words rank first, then word starts, then scattered letters";
    SynAccent => "Gõ có dấu: kết quả đúng dấu xếp trước", "Typed with accents: matches with the same accents first";
    SynExact => "Chứa đúng chuỗi dan (các chữ liền nhau)", "Contains dan with its letters together";
    SynPrefix => "Bắt đầu bằng dan", "Starts with dan";
    SynSuffix => "Kết thúc bằng van", "Ends with van";
    SynNot => "Không chứa dang", "Does not contain dang";
    SynOr => "Khớp dan hoặc van", "Matches dan or van";
    SynNumber => "Nhiệm vụ số 70 đứng đầu, rồi các tên có 70", "Task 70 first, then titles with 70";
    MouseHelp => "Chuột: bấm chọn dòng, bấm đúp để mở, cuộn bánh xe để di chuyển", "Mouse: click selects a row, double-click opens it, the wheel moves";
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
    ActPanel => "Chuyển giữa danh sách quá hạn và bảng cơ quan chủ trì", "Switch between the overdue list and the lead agencies";
    ActHome => "Việc của cơ quan tôi (Esc: toàn tỉnh)", "My agency's work (Esc: the whole province)";
    HintPanel => "bảng", "panel";
    HintBack => "lại", "back";
    HintSort => "sắp xếp", "sort";
    HintHelp => "trợ giúp", "help";
    HintQuit => "thoát", "quit";
    HintMove => "di chuyển", "move";
    HintViews => "màn hình", "views";
    HintClose => "đóng", "close";
    ViewActivity => "Hoạt động", "Activity";
    ActProgress => "Cập nhật tiến độ, trạng thái", "Update progress and status";
    ActEdit => "Sửa nhiệm vụ", "Edit the task";
    ActNew => "Thêm mới (nhiệm vụ, cơ quan hoặc chương trình)", "Add (a task, an agency or a program)";
    ActDelete => "Xóa (có xác nhận)", "Delete (asks first)";
    ActUrge => "Đôn đốc cơ quan chủ trì", "Urge the lead agency";
    ActInbox => "Hộp thư đôn đốc", "Inbox of urges";
    ActSubmit => "Lưu", "Save";
    ActCancel => "Hủy, không lưu", "Cancel without saving";
    ActNextField => "Trường kế tiếp", "Next field";
    ActPrevField => "Trường trước", "Previous field";
    ActFormUp => "Lựa chọn trên / trường trước", "Previous choice / field";
    ActFormDown => "Lựa chọn dưới / trường sau", "Next choice / field";
    ActErase => "Xóa ký tự cuối", "Delete the last character";
    ActClearField => "Xóa trắng trường", "Clear the field";
    ActConfirm => "Đồng ý", "Yes";
    ActTakeTheirs => "Tải lại, bỏ thay đổi của mình", "Reload, dropping my change";
    ActOverwrite => "Ghi đè (được ghi nhận là ghi đè)", "Overwrite (recorded as an overwrite)";
    ActBackToForm => "Quay lại biểu mẫu", "Back to the form";
    HintProgress => "tiến độ", "progress";
    HintEdit => "sửa", "edit";
    HintUrge => "đôn đốc", "urge";
    HintSave => "lưu", "save";
    HintCancel => "hủy", "cancel";
    HintField => "trường", "field";
    HintChoose => "chọn", "choose";
    HintYes => "xóa", "delete";
    HintNo => "không xóa", "keep";
    HintTakeTheirs => "tải lại", "reload";
    HintOverwrite => "ghi đè", "overwrite";
    HintBackToForm => "về biểu mẫu", "back to form";
    ReasonRequired => "bắt buộc nhập", "required";
    ReasonTooLong => "quá dài", "too long";
    ReasonControl => "không nhận ký tự điều khiển hoặc ký tự ẩn", "control or invisible characters are not allowed";
    ReasonBadCode => "chỉ dùng chữ, số, - _ . /", "use letters, digits, - _ . /";
    ReasonCodeTaken => "mã này đã có", "this code is taken";
    ReasonBadDate => "ngày không hợp lệ (dd/mm/yyyy)", "not a valid date (dd/mm/yyyy or yyyy-mm-dd)";
    ReasonBadPercent => "nhập số từ 0 đến 100", "a number from 0 to 100";
    ReasonBadNumber => "nhập số từ 0 đến 120", "a number from 0 to 120";
    ReasonNoMatch => "không có lựa chọn phù hợp", "nothing matches";
    ReasonUnknownAgency => "có mã cơ quan không tồn tại", "an agency code is unknown";
    ReasonRoadmapDeadline => "nhiệm vụ theo lộ trình cần thời hạn", "a roadmap task needs a deadline";
    ReasonLeadInWith => "cơ quan chủ trì không đồng thời phối hợp", "the lead cannot also coordinate";
    ReasonEndsBeforeStarts => "ngày kết thúc trước ngày bắt đầu", "ends before it starts";
    ReasonDoneNeedsFull => "hoàn thành thì tiến độ phải 100%", "done means 100%";
    FieldProgress => "Tiến độ (%)", "Progress (%)";
    FieldNote => "Ghi chú", "Note";
    FieldWith => "Phối hợp (mã)", "Coordinating (codes)";
    FieldDeadline => "Thời hạn", "Deadline";
    FieldReason => "Lý do điều chỉnh", "Deadline reason";
    ReasonNeedsReason => "điều chỉnh thời hạn cần ghi lý do", "a new deadline needs its reason";
    FieldParent => "Trực thuộc", "Parent";
    FieldStarts => "Ngày bắt đầu", "Starts on";
    FieldEnds => "Ngày kết thúc", "Ends on";
    FieldReview => "Sơ kết (tháng)", "Review (months)";
    FieldMessage => "Nội dung đôn đốc", "Message";
    FormProgress => "Cập nhật tiến độ", "Update progress";
    FormEdit => "Sửa nhiệm vụ", "Edit task";
    FormNote => "Ghi chú phối hợp", "Coordination note";
    FormNewTask => "Thêm nhiệm vụ", "New task";
    FormNewAgency => "Thêm cơ quan", "New agency";
    FormNewProgram => "Thêm chương trình", "New program";
    FormUrge => "Đôn đốc", "Urge";
    FormUrgeTo => "Gửi cơ quan chủ trì: {}", "To the lead agency: {}";
    FormHint => "Enter lưu · Esc hủy · Tab chuyển trường · ↑↓ chọn", "Enter save · Esc cancel · Tab next field · ↑↓ choose";
    FixFields => "Chưa lưu: sửa các trường được đánh dấu.", "Not saved: fix the marked fields.";
    NothingToSave => "Chưa có gì thay đổi để lưu.", "Nothing has changed to save.";
    SaveRefused => "Không được phép", "Not permitted";
    SaveFailed => "Không lưu được", "Not saved";
    DenyReadOnly => "Đang mở ở chế độ chỉ đọc (--read-only): không thể thay đổi dữ liệu.", "Opened with --read-only: nothing can be changed.";
    DenyAdminOnly => "Chỉ quản trị viên được thêm, xóa cơ quan và chương trình.", "Only an admin may add or delete agencies and programs.";
    DenySupervisor => "Tài khoản giám sát chỉ được xem và đôn đốc (phím u), không được thay đổi dữ liệu.", "A supervisor may only view and urge (key u), not change data.";
    DenyNotYours => "Nhiệm vụ này không do đơn vị của bạn chủ trì hay phối hợp nên không được sửa.", "Your agency neither leads nor coordinates this task, so you may not change it.";
    DenyCoordinating => "Cơ quan của bạn phối hợp nhiệm vụ này nên chỉ được ghi chú (phím p), không được sửa.", "Your agency coordinates this task: it may add a note (key p), not edit it.";
    HintNote => "ghi chú", "note";
    SelectTask => "Hãy chọn một nhiệm vụ trước.", "Select a task first.";
    SelectRecord => "Hãy chọn một dòng trước.", "Select a row first.";
    EditTasksOnly => "Phím e sửa nhiệm vụ; sửa cơ quan, chương trình bằng lệnh phoihop agency/program edit.", "Key e edits tasks; edit agencies and programs with phoihop agency/program edit.";
    Cancelled => "Đã hủy, không lưu gì.", "Cancelled; nothing was saved.";
    AddedTask => "Đã thêm nhiệm vụ #{}.", "Added task #{}.";
    SavedTask => "Đã lưu nhiệm vụ #{}.", "Saved task #{}.";
    UpdatedTask => "Đã cập nhật nhiệm vụ #{}.", "Updated task #{}.";
    UrgedTask => "Đã gửi đôn đốc về nhiệm vụ #{}.", "Sent an urge about task #{}.";
    DeletedTask => "Đã xóa nhiệm vụ #{}.", "Deleted task #{}.";
    AddedAgency => "Đã thêm cơ quan {}.", "Added the agency {}.";
    DeletedAgency => "Đã xóa cơ quan {}.", "Deleted the agency {}.";
    AddedProgram => "Đã thêm chương trình {}.", "Added the program {}.";
    DeletedProgram => "Đã xóa chương trình {}.", "Deleted the program {}.";
    TookTheirs => "Đã tải lại; thay đổi của bạn chưa được lưu.", "Reloaded; your change was not saved.";
    TaskRemoved => "Nhiệm vụ đã bị xóa ở nơi khác.", "The task was deleted elsewhere.";
    DeleteConflict => "Nhiệm vụ vừa được người khác thay đổi; đã tải lại, hãy xem lại trước khi xóa.", "The task was just changed by someone else; reloaded — check it before deleting.";
    ConfirmTitle => "Xác nhận xóa", "Confirm delete";
    ConfirmTask => "Xóa nhiệm vụ #{}?", "Delete task #{}?";
    ConfirmAgency => "Xóa cơ quan {}?", "Delete agency {}?";
    ConfirmProgram => "Xóa chương trình {}?", "Delete program {}?";
    ConfirmKeys => "y: xóa · phím khác (Enter, Esc…): không xóa", "y: delete · any other key (Enter, Esc…): keep";
    ConflictTitle => "Xung đột: dữ liệu đã thay đổi", "Conflict: the data changed";
    ConflictIntro => "Nhiệm vụ #{} đã được thay đổi sau khi bạn mở biểu mẫu.", "Task #{} was changed after you opened the form.";
    ConflictBy => "Người thay đổi: {}", "Changed by: {}";
    Theirs => "Thay đổi của họ", "Their change";
    Yours => "Thay đổi của bạn (chưa lưu)", "Your change (not saved)";
    ConflictKeys => "r: tải lại, bỏ thay đổi của bạn · o: ghi đè · Esc: về biểu mẫu", "r: reload, drop yours · o: overwrite · Esc: back to the form";
    NoDifference => "(không khác)", "(no difference)";
    Live => "trực tiếp", "live";
    RoleAdmin => "quản trị", "admin";
    RoleOperator => "chuyên viên", "operator";
    RoleSupervisor => "giám sát", "supervisor";
    MineTitle => "Việc của cơ quan tôi", "My agency's work";
    MineLeads => "chủ trì {}", "leads {}";
    MineCoordinates => "phối hợp {}", "coordinates {}";
    MineOverdue => "{} quá hạn", "{} overdue";
    MineDueSoon => "{} đến hạn trong 14 ngày tới", "{} due within 14 days";
    MineUrges => "{} lần đôn đốc trong 30 ngày", "{} urges in 30 days";
    MineRole => "Vai trò", "Role";
    MineEmpty => "Cơ quan chưa chủ trì hay phối hợp nhiệm vụ nào.", "Your agency neither leads nor coordinates any task.";
    InboxTitle => "Đôn đốc gửi {}", "Urges to {}";
    InboxAll => "Đôn đốc gần đây", "Recent urges";
    InboxEmpty => "Chưa có lần đôn đốc nào.", "No urges.";
    InboxNew => "mới", "new";
    When => "Thời điểm", "When";
    Who => "Tài khoản", "Who";
    What => "Thao tác", "Action";
    Record => "Đối tượng", "Record";
    Changes => "Nội dung thay đổi", "Changes";
    From => "Người gửi", "From";
    Message => "Nội dung", "Message";
    NoActivity => "Chưa có thay đổi nào được ghi nhận.", "No changes recorded yet.";
    ActionAdd => "thêm", "added";
    ActionEdit => "sửa", "edited";
    ActionUpdate => "cập nhật", "updated";
    ActionRemove => "xóa", "deleted";
    ActionUrge => "đôn đốc", "urged";
    ActionOverwrite => "ghi đè", "overwrote";
    ActionGrant => "phân quyền", "granted";
    ActionRevoke => "thu hồi quyền", "revoked";
    EntityTask => "Nhiệm vụ", "Task";
    EntityAgency => "Cơ quan", "Agency";
    EntityProgram => "Chương trình", "Program";
    EntityRole => "Quyền", "Role";
    MayNote => "Cơ quan của bạn phối hợp nhiệm vụ này: được ghi chú (phím p).", "Your agency coordinates this task: you may add a note (key p).";
    MayEdit => "Bạn được cập nhật nhiệm vụ này.", "You may update this task.";
    MayNotEdit => "Bạn chỉ được xem (và đôn đốc) nhiệm vụ này.", "You may only view (and urge) this task.";
    CatIdeology => "Tư tưởng", "Ideology";
    CatOrganization => "Tổ chức", "Party org.";
    CatInspection => "Kiểm tra, GS", "Inspection";
    CatMass => "Dân vận", "Mass mob.";
    CatInternal => "Nội chính", "Internal";
    CatGovernment => "Chính quyền", "Government";
    CatFront => "MTTQ, đoàn thể", "Front";
    Error => "Lỗi", "Error";
    // Text editing in forms.
    ActFormEnter => "Lưu; trong ô ghi chú: xuống dòng", "Save; in a note: a new line";
    ActSave => "Lưu biểu mẫu (cả khi đang ở ô ghi chú)", "Save the form (also from a note)";
    ActCursorLeft => "Con trỏ sang trái", "Cursor left";
    ActCursorRight => "Con trỏ sang phải", "Cursor right";
    ActLineStart => "Về đầu dòng", "Start of the line";
    ActLineEnd => "Về cuối dòng", "End of the line";
    ActWordLeft => "Lùi một từ", "A word back";
    ActWordRight => "Tiến một từ", "A word forward";
    ActDeleteNext => "Xóa ký tự tại con trỏ", "Delete the character at the cursor";
    ActDeleteWordBack => "Xóa từ trước con trỏ", "Delete the word before the cursor";
    ActDeleteWordNext => "Xóa từ sau con trỏ", "Delete the word after the cursor";
    ActKillToEnd => "Xóa đến cuối dòng", "Delete to the end of the line";
    ActEraseBack => "Xóa ký tự trước con trỏ", "Delete the character before the cursor";
    ActConfirmOther => "Phím khác: không xóa", "Any other key: keep";
    HintScroll => "cuộn", "scroll";
    HintNewLine => "xuống dòng", "new line";
    HintDiscard => "bỏ thay đổi", "discard";
    DiscardTitle => "Bỏ các thay đổi?", "Discard the changes?";
    DiscardBody => "Biểu mẫu có nội dung chưa lưu.", "The form has changes that are not saved.";
    DiscardKeys => "y: bỏ thay đổi · phím khác: quay lại biểu mẫu", "y: discard · any other key: back to the form";
    DiscardQuitKeys => "y: bỏ thay đổi và thoát · phím khác: quay lại biểu mẫu", "y: discard and quit · any other key: back to the form";
    NoSuchTaskHere => "Bảng này không có nhiệm vụ số đó.", "This table has no task with that number.";
    ChangedElsewhere => "⚠ Vừa được thay đổi ở nơi khác (lưu sẽ hỏi lại): {}", "⚠ Changed elsewhere since the form opened (saving will ask): {}";
    HelpMore => "↑↓ cuộn · {}", "↑↓ scroll · {}";
    ActScrollUp => "Cuộn lên", "Scroll up";
    ActScrollDown => "Cuộn xuống", "Scroll down";
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
        assert_eq!(Lang::Vi.percent(99.8), "99,8%");
        assert_eq!(Lang::Vi.percent(99.96), "99,9%");
        assert_eq!(Lang::Vi.int(100_000), "100.000");
        assert_eq!(Lang::En.int(100_000), "100,000");
        assert_eq!(fill(Lang::En.t(Msg::DaysLate), 3), "3 days late");
    }
}
