//! What `phoihop check --deployment` finds, in each language: every finding and its fix
//! as a typed value (built in `cli/check_deploy.rs`), rendered here. Paths, groups, modes
//! and commands are shown as they are; only the sentences around them are translated.

use super::Lang;

/// Why a path could not be read, in a few words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unreadable {
    Missing,
    Denied,
    /// Anything else, as the system said it.
    Other(String),
}

impl From<&std::io::Error> for Unreadable {
    fn from(e: &std::io::Error) -> Self {
        match e.kind() {
            std::io::ErrorKind::NotFound => Unreadable::Missing,
            std::io::ErrorKind::PermissionDenied => Unreadable::Denied,
            _ => Unreadable::Other(e.to_string()),
        }
    }
}

impl Unreadable {
    fn render(&self, lang: Lang) -> String {
        match (self, lang) {
            (Unreadable::Missing, Lang::Vi) => "không tồn tại".into(),
            (Unreadable::Missing, Lang::En) => "it does not exist".into(),
            (Unreadable::Denied, Lang::Vi) => "không có quyền đọc".into(),
            (Unreadable::Denied, Lang::En) => "permission denied".into(),
            (Unreadable::Other(s), _) => s.clone(),
        }
    }
}

/// One thing the check saw: right (an `ok` line), wrong (a problem) or not checkable.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Finding {
    BinaryUnreadable {
        path: String,
        why: Unreadable,
    },
    BinaryInRootGroup {
        path: String,
    },
    BinaryOwner {
        path: String,
        uid: u32,
    },
    BinaryMode {
        path: String,
        mode: u32,
    },
    BinaryRight {
        path: String,
        group: String,
    },
    GroupMembers {
        group: String,
        members: Vec<String>,
    },
    GroupEmpty {
        group: String,
    },
    NetworkFs {
        dir: String,
        fs: String,
    },
    DirUnreadable {
        dir: String,
        why: Unreadable,
    },
    DirOwner {
        dir: String,
        uid: u32,
        group: String,
        want: String,
    },
    DirMode {
        dir: String,
        mode: u32,
    },
    DirRight {
        dir: String,
        group: String,
    },
    NotPlainFile {
        path: String,
    },
    FileGroup {
        path: String,
        group: String,
        want: String,
    },
    FileMode {
        path: String,
        mode: u32,
    },
    FileRight {
        path: String,
        group: String,
    },
    DbUnreadable {
        path: String,
        why: Unreadable,
    },
    ConfigRight {
        path: String,
    },
    ConfigWritable {
        path: String,
        uid: u32,
        mode: u32,
    },
    ConfigMissing {
        path: String,
    },
    TimerRight {
        timer: String,
        said: String,
    },
    TimerOff {
        timer: String,
        said: String,
    },
    TimerMissing {
        timer: String,
    },
    NoSystemctl {
        timer: String,
    },
    TimerUnknown {
        timer: String,
        said: String,
    },
}

impl Finding {
    /// The line after "ok:", "problem:" or "unchecked:".
    pub fn render(&self, lang: Lang) -> String {
        use Finding::*;
        match self {
            BinaryUnreadable { path, why } => {
                let why = why.render(lang);
                say!(
                    lang,
                    "Không đọc được tệp chương trình {path} ({why}).",
                    "The binary {path} cannot be read ({why})."
                )
            }
            BinaryInRootGroup { path } => say!(
                lang,
                "Tệp chương trình {path} thuộc nhóm root, không thuộc nhóm của bản cài đặt.",
                "The binary {path} is in the group root, not the install's group."
            ),
            BinaryOwner { path, uid } => say!(
                lang,
                "Tệp chương trình {path} do uid {uid} sở hữu, không phải root.",
                "The binary {path} is owned by uid {uid}, not root."
            ),
            BinaryMode { path, mode } => say!(
                lang,
                "Tệp chương trình {path} có quyền {mode:04o}, không phải 2755.",
                "The binary {path} has mode {mode:04o}, not 2755."
            ),
            BinaryRight { path, group } => say!(
                lang,
                "tệp chương trình {path}: root:{group} 2755",
                "binary {path}: root:{group} 2755"
            ),
            GroupMembers { group, members } => {
                let members = members.join(", ");
                say!(
                    lang,
                    "Nhóm {group} có thành viên ({members}): mỗi người đều mở được cơ sở dữ liệu bằng bất kỳ chương trình nào, vượt qua mọi vai trò.",
                    "The group {group} has members ({members}): each can open the database with any program, past every role."
                )
            }
            GroupEmpty { group } => say!(
                lang,
                "nhóm {group}: không có thành viên",
                "group {group}: nobody is a member"
            ),
            NetworkFs { dir, fs } => say!(
                lang,
                "Thư mục cơ sở dữ liệu {dir} nằm trên hệ thống tệp {fs}, nơi cơ chế khóa của SQLite không hoạt động.",
                "The database directory {dir} is on a {fs} filesystem, where SQLite's locking does not work."
            ),
            DirUnreadable { dir, why } => {
                let why = why.render(lang);
                say!(
                    lang,
                    "Không đọc được thư mục cơ sở dữ liệu {dir} ({why}).",
                    "The database directory {dir} cannot be read ({why})."
                )
            }
            DirOwner {
                dir,
                uid,
                group,
                want,
            } => say!(
                lang,
                "Thư mục cơ sở dữ liệu {dir} thuộc {uid}:{group}, không phải root:{want}.",
                "The database directory {dir} is {uid}:{group}, not root:{want}."
            ),
            DirMode { dir, mode } => say!(
                lang,
                "Thư mục cơ sở dữ liệu {dir} có quyền {mode:04o}, không phải 2770.",
                "The database directory {dir} has mode {mode:04o}, not 2770."
            ),
            DirRight { dir, group } => say!(
                lang,
                "thư mục {dir}: root:{group} 2770, ổ đĩa cục bộ",
                "directory {dir}: root:{group} 2770, local disk"
            ),
            NotPlainFile { path } => say!(
                lang,
                "{path} không phải tệp thông thường.",
                "{path} is not a plain file."
            ),
            FileGroup { path, group, want } => say!(
                lang,
                "{path} thuộc nhóm {group}, không phải {want}.",
                "{path} is in the group {group}, not {want}."
            ),
            FileMode { path, mode } => say!(
                lang,
                "{path} có quyền {mode:04o}, không phải 0660.",
                "{path} has mode {mode:04o}, not 0660."
            ),
            FileRight { path, group } => say!(
                lang,
                "{path}: 0660, nhóm {group}",
                "{path}: 0660, group {group}"
            ),
            DbUnreadable { path, why } => {
                let why = why.render(lang);
                say!(
                    lang,
                    "Không đọc được cơ sở dữ liệu {path} ({why}).",
                    "The database {path} cannot be read ({why})."
                )
            }
            ConfigRight { path } => say!(
                lang,
                "tệp cấu hình {path}: của root",
                "config {path}: root's"
            ),
            ConfigWritable { path, uid, mode } => say!(
                lang,
                "Tệp cấu hình {path} do uid {uid} sở hữu, quyền {mode:04o}: chỉ root được sửa tệp này.",
                "The config file {path} is owned by uid {uid} with mode {mode:04o}: only root may change it."
            ),
            ConfigMissing { path } => say!(
                lang,
                "Không có tệp cấu hình {path} khai báo cơ sở dữ liệu.",
                "There is no config file {path} naming the database."
            ),
            TimerRight { timer, said } => say!(
                lang,
                "bộ hẹn giờ sao lưu {timer}: {said}",
                "backup timer {timer}: {said}"
            ),
            TimerOff { timer, said } => say!(
                lang,
                "Bộ hẹn giờ sao lưu {timer} đang ở trạng thái {said}: không có bản sao lưu hằng đêm.",
                "The backup timer {timer} is {said}: no nightly backup is taken."
            ),
            TimerMissing { timer } => say!(
                lang,
                "Bộ hẹn giờ sao lưu {timer} chưa được cài đặt: không có bản sao lưu hằng đêm.",
                "The backup timer {timer} is not installed: no nightly backup is taken."
            ),
            NoSystemctl { timer } => say!(
                lang,
                "không kiểm tra được bộ hẹn giờ sao lưu {timer}: máy không có systemctl",
                "cannot check the backup timer {timer}: no systemctl here"
            ),
            TimerUnknown { timer, said } => say!(
                lang,
                "không kiểm tra được bộ hẹn giờ sao lưu {timer}: systemctl báo {said:?}",
                "cannot check the backup timer {timer}: systemctl said {said:?}"
            ),
        }
    }
}

/// How to repair a problem: a command to run, or what to do in words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fix {
    /// Commands, shown as written.
    Run(String),
    /// A command, or another that does the same.
    RunOr(String, String),
    Reinstall,
    RemoveFile(String),
    /// Take these people out of the group.
    RemoveMembers(Vec<String>),
    MoveToLocalDisk,
    ReinstallOrWrite {
        database: String,
        config: String,
    },
    InstallOrCron,
}

impl Fix {
    /// The line after "fix:".
    pub fn render(&self, lang: Lang) -> String {
        match self {
            Fix::Run(c) => c.clone(),
            Fix::RunOr(a, b) => say!(lang, "{a} (hoặc {b})", "{a} (or {b})"),
            Fix::Reinstall => say!(lang, "cài lại gói phần mềm", "reinstall the package"),
            Fix::RemoveFile(p) => say!(lang, "xóa tệp này: sudo rm {p}", "remove it: sudo rm {p}"),
            Fix::RemoveMembers(cmds) => {
                let cmds = cmds.join("; ");
                say!(
                    lang,
                    "{cmds} (các phiên đang mở vẫn giữ nhóm cho đến khi người dùng đăng xuất)",
                    "{cmds} (their sessions keep the group until they log out)"
                )
            }
            Fix::MoveToLocalDisk => say!(
                lang,
                "chuyển cơ sở dữ liệu sang ổ đĩa cục bộ (/var/lib/phoihop) và khai báo database trong /etc/phoihop/config.toml",
                "move it to a local disk (/var/lib/phoihop) and set database in /etc/phoihop/config.toml"
            ),
            Fix::ReinstallOrWrite { database, config } => say!(
                lang,
                "cài lại gói phần mềm, hoặc ghi database = \"{database}\" vào {config}",
                "reinstall the package, or write database = \"{database}\" into {config}"
            ),
            Fix::InstallOrCron => say!(
                lang,
                "cài gói phần mềm (gói có sẵn bộ hẹn giờ), hoặc chạy phoihop backup từ cron của root",
                "install the package (it ships the timer), or run phoihop backup from root's cron"
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_finding_has_a_vietnamese_sentence_apart_from_the_english() {
        let p = || "/var/lib/phoihop".to_string();
        let samples = [
            Finding::BinaryUnreadable {
                path: p(),
                why: Unreadable::Missing,
            },
            Finding::BinaryMode {
                path: p(),
                mode: 0o755,
            },
            Finding::GroupMembers {
                group: "phoihop".into(),
                members: vec!["an".into()],
            },
            Finding::ConfigMissing { path: p() },
            Finding::TimerOff {
                timer: "t".into(),
                said: "disabled".into(),
            },
        ];
        for f in samples {
            let (vi, en) = (f.render(Lang::Vi), f.render(Lang::En));
            assert_ne!(vi, en);
            assert!(!vi.is_ascii(), "{vi}");
        }
        assert_eq!(
            Finding::BinaryMode {
                path: "/b".into(),
                mode: 0o755
            }
            .render(Lang::Vi),
            "Tệp chương trình /b có quyền 0755, không phải 2755."
        );
        assert_eq!(Fix::Reinstall.render(Lang::Vi), "cài lại gói phần mềm");
    }
}
