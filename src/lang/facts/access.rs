//! Roles: who may do what, grants and revocations.

use chrono::NaiveDate;

use crate::domain::Role;
use crate::lang::Lang;

/// Where the acting login stands.
#[derive(Debug, Clone, PartialEq)]
pub enum Standing {
    /// No grant of its own, so a supervisor.
    Ungranted,
    /// An operator of the agency with this code.
    OperatorOf(String),
    /// A role (an operator without an agency, an admin, a supervisor).
    Is(Role),
}

/// Why a role may not do it (the rule, said after the refusal).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Why {
    /// Operators change only tasks their agency leads or coordinates.
    OwnAgencyOnly,
    /// Only the lead agency's operators; a coordinating agency adds a note.
    LeadOnly,
    /// Supervisors may only urge.
    SupervisorsUrge,
}

/// What the login tried to do.
#[derive(Debug, Clone, PartialEq)]
pub enum Act {
    /// Not yet typed (shown as written).
    Text(String),
    AddTask,
    UpdateTask(i64),
    ChangeProgress(i64),
    EditTask(i64),
    MoveTask(i64),
    HandTask(i64),
    /// `ends` as stored (`YYYY-MM-DD`).
    DeadlineAfterEnd {
        task: i64,
        ends: String,
    },
    HandTaskToOthers(i64),
    RemoveTask(i64),
    RestoreTask(i64),
    AddPrograms,
    EditPrograms,
    RemovePrograms,
    AddAgencies,
    EditAgencies,
    RemoveAgencies,
    MergeAgencies,
    AddCategories,
    GrantRoles,
    RevokeRoles,
    RestoreDatabase,
    ChangeSettings,
    ImportTask,
    ImportNewAgencyTasks,
    RestoreHistories,
    ImportBackdated {
        field: String,
        on: NaiveDate,
    },
    ClearData,
    LoadGenerated,
}

impl From<&str> for Act {
    fn from(s: &str) -> Self {
        Act::Text(s.to_string())
    }
}

impl From<String> for Act {
    fn from(s: String) -> Self {
        Act::Text(s)
    }
}

impl From<&String> for Act {
    fn from(s: &String) -> Self {
        Act::Text(s.clone())
    }
}

/// A fact about roles.
#[derive(Debug, Clone, PartialEq)]
pub enum Access {
    /// `login`, standing so, may not do `act`.
    Denied {
        login: String,
        standing: Standing,
        act: Act,
        why: Option<Why>,
    },
    LoginHasSpace {
        login: String,
    },
    OperatorNeedsAgency,
    OnlyOperatorsBound {
        role: Role,
    },
    LastAdminChange {
        login: String,
        role: Role,
    },
    NoGrant {
        login: String,
    },
    LastGrant {
        login: String,
    },
    LastAdminRevoke {
        login: String,
    },
    /// `task list --mine` by a login that is no operator.
    MineNotOperator {
        login: String,
    },
}

fn role_en(r: Role) -> &'static str {
    match r {
        Role::Admin => "an admin",
        Role::Operator => "an operator",
        Role::Supervisor => "a supervisor",
    }
}

fn role_vi(r: Role) -> &'static str {
    match r {
        Role::Admin => "quản trị viên",
        Role::Operator => "chuyên viên",
        Role::Supervisor => "tài khoản giám sát",
    }
}

impl Act {
    pub fn render(&self, lang: Lang) -> String {
        use Act::*;
        match self {
            Text(s) => s.clone(),
            AddTask => say!(lang, "thêm nhiệm vụ này", "add this task"),
            UpdateTask(id) => say!(lang, "cập nhật nhiệm vụ {id}", "update task {id}"),
            ChangeProgress(id) => say!(
                lang,
                "thay đổi tiến độ hoặc trạng thái của nhiệm vụ {id}",
                "change the progress or status of task {id}"
            ),
            EditTask(id) => say!(lang, "sửa nhiệm vụ {id}", "edit task {id}"),
            MoveTask(id) => say!(
                lang,
                "chuyển nhiệm vụ {id} sang chương trình khác",
                "move task {id} to another program"
            ),
            HandTask(id) => say!(
                lang,
                "giao nhiệm vụ {id} cho cơ quan chủ trì khác",
                "hand task {id} to another lead agency"
            ),
            DeadlineAfterEnd { task, ends } => {
                let ends = super::day(lang, ends);
                say!(
                    lang,
                    "đặt thời hạn cho nhiệm vụ {task} thuộc chương trình đã kết thúc ngày {ends}",
                    "set a deadline of task {task}, whose program ended on {ends}"
                )
            }
            HandTaskToOthers(id) => say!(
                lang,
                "giao nhiệm vụ {id} cho cơ quan khác ngoài cơ quan mình",
                "hand task {id} to agencies other than their own"
            ),
            RemoveTask(id) => say!(lang, "xóa nhiệm vụ {id}", "remove task {id}"),
            RestoreTask(id) => say!(lang, "khôi phục nhiệm vụ {id}", "restore task {id}"),
            AddPrograms => say!(lang, "thêm chương trình", "add programs"),
            EditPrograms => say!(lang, "sửa chương trình", "edit programs"),
            RemovePrograms => say!(lang, "xóa chương trình", "remove programs"),
            AddAgencies => say!(lang, "thêm cơ quan", "add agencies"),
            EditAgencies => say!(lang, "sửa cơ quan", "edit agencies"),
            RemoveAgencies => say!(lang, "xóa cơ quan", "remove agencies"),
            MergeAgencies => say!(lang, "hợp nhất cơ quan", "merge agencies"),
            AddCategories => say!(lang, "thêm lĩnh vực công tác", "add categories"),
            GrantRoles => say!(lang, "phân quyền", "grant roles"),
            RevokeRoles => say!(lang, "thu hồi quyền", "revoke roles"),
            RestoreDatabase => say!(
                lang,
                "khôi phục cơ sở dữ liệu từ bản sao lưu",
                "restore the database from a backup"
            ),
            ChangeSettings => say!(
                lang,
                "thay đổi thiết lập của cơ sở dữ liệu",
                "change the database's settings"
            ),
            ImportTask => say!(lang, "nhập nhiệm vụ này", "import this task"),
            ImportNewAgencyTasks => say!(
                lang,
                "nhập nhiệm vụ của cơ quan mới",
                "import tasks of new agencies"
            ),
            RestoreHistories => say!(
                lang,
                "khôi phục quá trình thực hiện và các lần đôn đốc",
                "restore task histories and urges"
            ),
            ImportBackdated { field, on } => {
                // As the record is dated in the review reports: dd/mm/yyyy in both.
                let on = on.format("%d/%m/%Y");
                let field = super::field_name(field, lang);
                say!(lang,
                    "nhập nhiệm vụ ghi ngày trước hôm nay ({field} {on}); chỉ quản trị viên được ghi ngày trong quá khứ",
                    "import a task dated before today ({field} {on}); only an admin may date the record in the past")
            }
            ClearData => say!(
                lang,
                "xóa dữ liệu của cơ sở dữ liệu",
                "clear the data of the database"
            ),
            LoadGenerated => say!(lang, "nạp dữ liệu sinh tự động", "load generated data"),
        }
    }
}

impl Access {
    pub fn render(&self, lang: Lang) -> String {
        use Access::*;
        match self {
            Denied { login, standing, act, why } => {
                let act = act.render(lang);
                match lang {
                    Lang::Vi => {
                        let standing = match standing {
                            Standing::Ungranted => "chưa được phân quyền nên là tài khoản giám sát".to_string(),
                            Standing::OperatorOf(code) => format!("là chuyên viên của {code}"),
                            Standing::Is(r) => format!("là {}", role_vi(*r)),
                        };
                        let why = match why {
                            None => "",
                            Some(Why::OwnAgencyOnly) => " (chuyên viên chỉ được thay đổi nhiệm vụ do cơ quan mình chủ trì hoặc phối hợp)",
                            Some(Why::LeadOnly) => " (chỉ chuyên viên của cơ quan chủ trì được làm việc này; cơ quan phối hợp chỉ được ghi chú)",
                            Some(Why::SupervisorsUrge) => " (tài khoản giám sát chỉ được đôn đốc)",
                        };
                        format!("Tài khoản `{login}` {standing}, nên không được {act}{why}.")
                    }
                    Lang::En => {
                        let standing = match standing {
                            Standing::Ungranted => "has no role granted and so is a supervisor".to_string(),
                            Standing::OperatorOf(code) => format!("is an operator of {code}"),
                            Standing::Is(r) => format!("is {}", role_en(*r)),
                        };
                        let why = match why {
                            None => "",
                            Some(Why::OwnAgencyOnly) => " (operators may change only tasks their agency leads or coordinates)",
                            Some(Why::LeadOnly) => " (only the lead agency's operators may; a coordinating agency adds a note)",
                            Some(Why::SupervisorsUrge) => " (supervisors may only urge)",
                        };
                        format!("Login `{login}` {standing}, and so may not {act}{why}.")
                    }
                }
            }
            LoginHasSpace { login } => say!(lang, "Tên đăng nhập `{login}` có dấu cách.", "The login `{login}` contains a space."),
            OperatorNeedsAgency => say!(lang,
                "Chuyên viên gắn với một cơ quan: hãy cho --agency MÃ.",
                "An operator is bound to an agency: give --agency CODE."),
            OnlyOperatorsBound { role } => {
                let (vi, en) = (role_vi(*role), role_en(*role));
                say!(lang,
                    "Chỉ chuyên viên mới gắn với một cơ quan; hãy bỏ --agency đối với {vi}.",
                    "Only operators are bound to an agency; drop --agency for {en}.")
            }
            LastAdminChange { login, role } => {
                let (vi, en) = (role_vi(*role), role_en(*role));
                say!(lang,
                    "`{login}` là quản trị viên cuối cùng nên không thể chuyển thành {vi}; hãy phân quyền quản trị cho một tài khoản khác trước.",
                    "`{login}` is the last admin and cannot be made {en}; grant another login admin first.")
            }
            NoGrant { login } => say!(lang, "Tài khoản `{login}` chưa được phân quyền.", "The login `{login}` has no role granted."),
            LastGrant { login } => say!(lang,
                "`{login}` giữ quyền cuối cùng: thu hồi sẽ đưa cơ sở dữ liệu về chế độ một người dùng, trong đó mọi tài khoản mở được tệp đều là quản trị viên; thêm --force để làm việc này.",
                "`{login}` holds the last grant: revoking it returns the database to single-user mode, where every login that can open the file is admin; add --force to do that."),
            LastAdminRevoke { login } => say!(lang,
                "`{login}` là quản trị viên cuối cùng nên không thể thu hồi khi còn quyền khác đang được cấp; hãy phân quyền quản trị cho một tài khoản khác trước.",
                "`{login}` is the last admin and cannot be revoked while other roles are granted; grant another login admin first."),
            MineNotOperator { login } => say!(lang,
                "--mine liệt kê việc của cơ quan mà chuyên viên thuộc về, nhưng tài khoản `{login}` không là chuyên viên của cơ quan nào; hãy dùng --agency MÃ.",
                "--mine lists an operator's agency's work, and the login `{login}` is not an operator of any agency; use --agency CODE instead."),
        }
    }
}
