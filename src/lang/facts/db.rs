//! The database file: opening, locking, SQLite's and the OS's errors, schema versions.

use crate::lang::Lang;

/// What a column of a task's row holds (for [`Db::BadStored`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stored {
    Cadence,
    Status,
    Progress,
    Deadline,
    Completed,
    Created,
    VersionDate,
    Bucket,
    /// The program's id.
    Program,
    /// The category's id.
    Category,
    /// The lead agency's id.
    Lead,
    /// A coordinating agency's id.
    With,
}

impl Stored {
    fn name(self, lang: Lang) -> &'static str {
        use Stored::*;
        match (self, lang) {
            (Cadence, Lang::Vi) => "loại nhiệm vụ",
            (Cadence, Lang::En) => "the cadence",
            (Status, Lang::Vi) => "tình trạng",
            (Status, Lang::En) => "the status",
            (Progress, Lang::Vi) => "tiến độ",
            (Progress, Lang::En) => "the progress",
            (Deadline, Lang::Vi) => "thời hạn",
            (Deadline, Lang::En) => "the deadline",
            (Completed, Lang::Vi) => "ngày hoàn thành",
            (Completed, Lang::En) => "the completion date",
            (Created, Lang::Vi) => "ngày tạo",
            (Created, Lang::En) => "the creation date",
            (VersionDate, Lang::Vi) => "ngày của một phiên bản",
            (VersionDate, Lang::En) => "a version date",
            (Bucket, Lang::Vi) => "nhóm thời hạn",
            (Bucket, Lang::En) => "the deadline bucket",
            (Program, Lang::Vi) => "chương trình",
            (Program, Lang::En) => "the program",
            (Category, Lang::Vi) => "lĩnh vực công tác",
            (Category, Lang::En) => "the category",
            (Lead, Lang::Vi) => "cơ quan chủ trì",
            (Lead, Lang::En) => "the lead agency",
            (With, Lang::Vi) => "cơ quan phối hợp",
            (With, Lang::En) => "a coordinating agency",
        }
    }
}

/// A fact about the database file or SQLite.
#[derive(Debug, Clone, PartialEq)]
pub enum Db {
    /// SQLite refused a write: the file or the open is read-only.
    FileReadOnly,
    /// The store was opened with `--read-only`.
    ReadOnlyFlag,
    Busy,
    DiskFull,
    IoFailure,
    NotADatabase,
    CannotOpen,
    OsDenied,
    /// Any other SQLite error, with SQLite's own words.
    Sqlite {
        detail: String,
    },
    /// A stored value of task `id` that does not read as what its column holds.
    BadStored {
        id: i64,
        what: Stored,
        value: String,
    },
    IoNotFound {
        detail: String,
    },
    IoDenied {
        detail: String,
    },
    Io {
        detail: String,
    },
    /// A read command or the TUI given a path where there is no database.
    NoDatabase {
        path: String,
    },
    /// `Store::open` read-only (or without create) on a missing file.
    Missing {
        path: String,
    },
    NetworkFs {
        path: String,
        fs: String,
    },
    SetgidMissing {
        path: String,
    },
    IsDirectory {
        path: String,
    },
    NoDirectory {
        dir: String,
    },
    DirNotWritable {
        dir: String,
    },
    FileNotReadWrite {
        path: String,
    },
    SideNotPlain {
        path: String,
        owner: String,
    },
    SideNotReadWrite {
        path: String,
        owner: String,
        mode: String,
    },
    CreateDir {
        dir: String,
        detail: String,
    },
    SetMode {
        path: String,
        detail: String,
    },
    CreateFile {
        path: String,
        detail: String,
    },
    NeedsMigration {
        path: String,
    },
    NoWal {
        path: String,
        mode: String,
    },
    SchemaDamaged {
        version: i64,
    },
    /// A program's stored review dates are not the JSON list phoihop writes.
    ReviewsDamaged {
        code: String,
        detail: String,
    },
    /// A stored task title is not text (task id when known).
    TitleNotText {
        id: Option<i64>,
    },
    /// A replica's path is not UTF-8.
    ReplicaPathNotUtf8 {
        path: String,
    },
    NoReplica {
        path: String,
    },
    NotDatabaseFile {
        path: String,
    },
    /// A directory of replicas cannot be listed.
    ListDir {
        path: String,
        detail: String,
    },
    SchemaNewer {
        version: i64,
        latest: i64,
    },
    Foreign,
    MigrationDangling {
        to: i64,
        rows: i64,
    },
    /// Under a setgid install, a database outside a directory root owns with the group.
    Untrusted {
        group: String,
        why: Untrusted,
    },
}

/// Why a setgid install refuses a database's place.
#[derive(Debug, Clone, PartialEq)]
pub enum Untrusted {
    NotDbName {
        path: String,
    },
    DirNotFound {
        path: String,
    },
    DirUnreadable {
        dir: String,
    },
    /// `mode` in octal.
    DirNotRoots {
        dir: String,
        uid: u32,
        gid: u32,
        mode: String,
    },
    NotPlain {
        path: String,
    },
}

impl Untrusted {
    fn render(&self, lang: Lang) -> String {
        use Untrusted::*;
        match self {
            NotDbName { path } => say!(lang,
                "{path} không phải tên tệp cơ sở dữ liệu",
                "{path} is not a database file name"),
            DirNotFound { path } => say!(lang,
                "không tìm thấy thư mục của {path}",
                "the directory of {path} cannot be found"),
            DirUnreadable { dir } => say!(lang,
                "không đọc được thư mục {dir}",
                "the directory {dir} cannot be read"),
            DirNotRoots { dir, uid, gid, mode } => say!(lang,
                "thư mục {dir} không đáp ứng điều kiện đó (uid chủ sở hữu {uid}, gid {gid}, quyền {mode})",
                "{dir} is not such a directory (owner uid {uid}, gid {gid}, mode {mode})"),
            NotPlain { path } => say!(lang,
                "{path} không phải tệp thường",
                "{path} is not a plain file"),
        }
    }
}

impl Db {
    pub fn render(&self, lang: Lang) -> String {
        use Db::*;
        match self {
            Untrusted { group, why } => {
                let why = why.render(lang);
                say!(lang,
                    "Bản phoihop này được cài đặt setgid {group}, nên chỉ mở cơ sở dữ liệu nằm trong thư mục do root sở hữu, thuộc nhóm {group}; {why} (xem docs/deployment.md).",
                    "This phoihop is installed setgid {group}, so it opens only a database in a directory that root owns with the group {group}; {why} (see docs/deployment.md).")
            }
            FileReadOnly => say!(lang,
                "Cơ sở dữ liệu đang mở ở chế độ chỉ đọc (hoặc tệp không ghi được), nên không thể thay đổi dữ liệu.",
                "The database is open read-only (or its file is not writable), so nothing can be changed."),
            ReadOnlyFlag => say!(lang,
                "Cơ sở dữ liệu đang mở ở chế độ chỉ đọc (--read-only), nên không thể thay đổi dữ liệu.",
                "The database is open read-only (--read-only), so nothing can be changed."),
            Busy => say!(lang,
                "Cơ sở dữ liệu bận quá lâu do một phiên khác đang ghi dài; hãy thử lại.",
                "The database stayed busy for too long; another session holds a long write, try again."),
            DiskFull => say!(lang, "Ổ đĩa đã đầy; chưa có thay đổi nào được ghi.", "The disk is full; nothing was changed."),
            IoFailure => say!(lang,
                "Không đọc, ghi được tệp cơ sở dữ liệu (lỗi vào/ra, ổ đĩa đầy hoặc vượt giới hạn kích thước tệp); chưa có thay đổi nào được ghi.",
                "The database file could not be read or written (an I/O error, a full disk or a file size limit); nothing was changed."),
            NotADatabase => say!(lang,
                "Tệp không phải cơ sở dữ liệu phoihop hoặc đã bị hỏng; hãy chạy `phoihop check` hoặc khôi phục từ bản sao lưu.",
                "The file is not a phoihop database or is damaged; run `phoihop check` or restore a backup."),
            CannotOpen => say!(lang,
                "Không mở được tệp cơ sở dữ liệu; hãy kiểm tra thư mục chứa tệp có tồn tại và truy cập được không.",
                "The database file cannot be opened; check that its directory exists and is accessible."),
            OsDenied => say!(lang,
                "Hệ điều hành không cho truy cập tệp cơ sở dữ liệu.",
                "The operating system denied access to the database file."),
            Sqlite { detail } => say!(lang, "Lỗi cơ sở dữ liệu: {detail}.", "Database error: {detail}."),
            BadStored { id, what, value } => {
                let what = what.name(lang);
                say!(lang,
                    "Nhiệm vụ {id} lưu {what} là `{value}`, giá trị phoihop không đọc được; hãy chạy `phoihop check` hoặc khôi phục từ bản sao lưu.",
                    "Task {id} has {what} `{value}` stored, which phoihop cannot read; run `phoihop check` or restore a backup.")
            }
            IoNotFound { detail } => say!(lang, "Không tìm thấy tệp: {detail}.", "File not found: {detail}."),
            IoDenied { detail } => say!(lang, "Không được phép truy cập: {detail}.", "Permission denied: {detail}."),
            Io { detail } => say!(lang, "Lỗi vào/ra: {detail}.", "I/O error: {detail}."),
            NoDatabase { path } => say!(lang,
                "Không có cơ sở dữ liệu tại {path}; hãy tạo bằng lệnh `phoihop --db {path} init` (hoặc `demo` để nạp dữ liệu mẫu), hoặc chỉ đúng đường dẫn bằng --db hay PHOIHOP_DB.",
                "There is no database at {path}; create one with `phoihop --db {path} init` (or `demo` for the demo data), or give the right path with --db or PHOIHOP_DB."),
            Missing { path } => say!(lang,
                "Cơ sở dữ liệu {path} không tồn tại; hãy tạo trước bằng lệnh `phoihop init`.",
                "The database {path} does not exist; create it with `phoihop init` first."),
            NetworkFs { path, fs } => say!(lang,
                "Cơ sở dữ liệu {path} nằm trên hệ thống tệp {fs}, nơi cơ chế khóa tệp của SQLite không hoạt động và dữ liệu sẽ bị hỏng; hãy đặt tệp trên ổ đĩa của máy (ví dụ /var/lib/phoihop) và truy cập qua SSH.",
                "The database {path} is on a {fs} filesystem, where SQLite's file locking does not work and data would be corrupted; put it on a local disk (for example /var/lib/phoihop) and reach it over SSH."),
            SetgidMissing { path } => say!(lang,
                "Cơ sở dữ liệu {path} không tồn tại; khi cài đặt setgid, chỉ root được tạo (`sudo phoihop init`).",
                "The database {path} does not exist; under the setgid install only root creates it (`sudo phoihop init`)."),
            IsDirectory { path } => say!(lang,
                "{path} là một thư mục, không phải tệp cơ sở dữ liệu; hãy chỉ đường dẫn của một tệp.",
                "{path} is a directory, not a database file; give the path of a file."),
            NoDirectory { dir } => say!(lang,
                "Thư mục {dir} chứa cơ sở dữ liệu không tồn tại.",
                "The directory {dir} of the database does not exist."),
            DirNotWritable { dir } => say!(lang,
                "Thư mục {dir} không ghi được (hoặc nằm trên hệ thống tệp chỉ đọc), trong khi SQLite phải tạo các tệp -wal và -shm ở đó kể cả khi chỉ đọc; hãy cấp quyền ghi cho nhóm (xem docs/deployment.md).",
                "The directory {dir} is not writable (or is on a read-only filesystem), and SQLite must create the database's -wal and -shm files there even to read; give the group write access to it (see docs/deployment.md)."),
            FileNotReadWrite { path } => say!(lang,
                "Tài khoản này không có quyền đọc và ghi tệp cơ sở dữ liệu {path}; hãy đề nghị được thêm vào nhóm sở hữu tệp (xem docs/deployment.md).",
                "The database file {path} is not readable and writable by this login; ask for membership of its group (see docs/deployment.md)."),
            SideNotPlain { path, owner } => say!(lang,
                "{path} không phải tệp thường (là liên kết tượng trưng hoặc tệp đặc biệt, thuộc {owner}); chỉ chủ sở hữu cơ sở dữ liệu mới có thể đặt nó ở đó: hãy xóa khi không ai dùng cơ sở dữ liệu.",
                "{path} is not a plain file (a symbolic link or a special file, owned by {owner}); nobody but the database's owner should be able to put it there: remove it while no one uses the database."),
            SideNotReadWrite { path, owner, mode } => say!(lang,
                "Tài khoản này không đọc, ghi được tệp {path} (thuộc {owner}, quyền {mode}), nên không dùng được cơ sở dữ liệu; chủ sở hữu hoặc quản trị viên cần chạy `chmod 660` cho tệp, hoặc xóa tệp khi không ai dùng cơ sở dữ liệu.",
                "The file {path} (owned by {owner}, mode {mode}) is not readable and writable by this login, so the database cannot be used; its owner or an admin must run `chmod 660` on it, or remove it while no one uses the database."),
            CreateDir { dir, detail } => say!(lang,
                "Không tạo được thư mục {dir} cho cơ sở dữ liệu: {detail}.",
                "Cannot create the directory {dir} for the database: {detail}."),
            SetMode { path, detail } => say!(lang,
                "Không đặt được quyền của tệp cơ sở dữ liệu {path}: {detail}.",
                "Cannot set the mode of the database file {path}: {detail}."),
            CreateFile { path, detail } => say!(lang,
                "Không tạo được tệp cơ sở dữ liệu {path}: {detail}.",
                "Cannot create the database file {path}: {detail}."),
            NeedsMigration { path } => say!(lang,
                "Cơ sở dữ liệu {path} có lược đồ cũ, cần được nâng cấp, việc mà chế độ chỉ đọc không làm được; hãy chạy `phoihop init` một lần không có --read-only.",
                "The database {path} has an older schema and must be migrated, which a read-only open cannot do; run `phoihop init` once without --read-only."),
            NoWal { path, mode } => say!(lang,
                "Cơ sở dữ liệu {path} không dùng được nhật ký ghi trước (chế độ nhật ký là {mode}).",
                "The database {path} cannot use write-ahead logging (journal mode is {mode})."),
            ReviewsDamaged { code, detail } => say!(lang,
                "Các ngày sơ kết, tổng kết đã lưu của chương trình `{code}` bị hỏng ({detail}); hãy khôi phục từ bản sao lưu.",
                "The stored review dates of program `{code}` are damaged ({detail}); restore them from a backup."),
            TitleNotText { id: Some(id) } => say!(lang,
                "Tên của nhiệm vụ {id} đã lưu không phải văn bản: tệp đã bị hỏng hoặc bị chương trình khác thay đổi.",
                "The stored title of task {id} is not text: the file is damaged or was changed by another program."),
            TitleNotText { id: None } => say!(lang,
                "Có tên nhiệm vụ đã lưu không phải văn bản: tệp đã bị hỏng hoặc bị chương trình khác thay đổi.",
                "A stored task title is not text: the file is damaged or was changed by another program."),
            ReplicaPathNotUtf8 { path } => say!(lang,
                "Đường dẫn {path} không phải UTF-8; hãy đổi tên bản sao.",
                "The path {path} is not valid UTF-8; rename the replica."),
            NoReplica { path } => say!(lang,
                "Không có bản sao nào tại {path}.",
                "There is no replica at {path}."),
            NotDatabaseFile { path } => say!(lang,
                "{path} không phải tệp cơ sở dữ liệu.",
                "{path} is not a database file."),
            ListDir { path, detail } => say!(lang,
                "Không đọc được thư mục {path} ({detail}).",
                "Cannot read the directory {path} ({detail})."),
            SchemaDamaged { version } => say!(lang,
                "Cơ sở dữ liệu có phiên bản lược đồ {version}, phiên bản mà phoihop không bao giờ ghi: tệp đã bị hỏng hoặc bị chương trình khác thay đổi; hãy khôi phục từ bản sao lưu.",
                "The database has schema version {version}, which no phoihop ever writes: the file is damaged or was changed by another program; restore it from a backup."),
            SchemaNewer { version, latest } => say!(lang,
                "Cơ sở dữ liệu có phiên bản lược đồ {version}, mới hơn phiên bản phoihop này biết ({latest}); hãy nâng cấp phoihop để mở.",
                "The database has schema version {version}, newer than this phoihop knows ({latest}); upgrade phoihop to open it."),
            Foreign => say!(lang,
                "Tệp là cơ sở dữ liệu SQLite của chương trình khác (có bảng nhưng không có phiên bản lược đồ phoihop); hãy dùng một tệp riêng cho phoihop.",
                "The file is an SQLite database of another program (it has tables but no phoihop schema version); give phoihop a file of its own."),
            MigrationDangling { to, rows } => say!(lang,
                "Nâng cấp cơ sở dữ liệu lên phiên bản lược đồ {to} sẽ để lại {rows} dòng tham chiếu tới dòng không tồn tại; chưa có thay đổi nào được ghi.",
                "Migrating the database to schema version {to} would leave {rows} rows referring to missing rows; nothing was changed."),
        }
    }
}
