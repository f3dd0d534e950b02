//! Files the user names: outputs, backups, inputs.

use crate::lang::Lang;

/// A fact about a file other than the database.
#[derive(Debug, Clone, PartialEq)]
pub enum Files {
    OwnGroup {
        detail: String,
    },
    BackGroup {
        detail: String,
    },
    Symlink {
        path: String,
    },
    MayNotWrite {
        path: String,
    },
    CannotWrite {
        path: String,
        detail: String,
    },
    Exists {
        path: String,
    },
    BackupExists {
        path: String,
    },
    IsDatabase {
        path: String,
        db: String,
    },
    NotRegular {
        path: String,
    },
    HardLinks {
        path: String,
    },
    SetMode {
        path: String,
        detail: String,
    },
    /// Writing to standard output (or a pipe) failed.
    Output {
        detail: String,
    },
    /// Encoding or writing something failed.
    Encode {
        what: Written,
        detail: String,
    },
    BackupMissing {
        name: String,
    },
    BackupUnreadable {
        name: String,
        detail: String,
    },
    BackupNotPlain {
        name: String,
    },
    NotPhoihop {
        name: String,
    },
    BackupNewer {
        name: String,
        version: i64,
        latest: i64,
    },
    BackupDamaged {
        name: String,
        check: String,
    },
    CreateCopy {
        path: String,
        detail: String,
    },
    RestoredDamaged {
        check: String,
    },
    FileMissing {
        path: String,
    },
    DirHoldsNone {
        dir: String,
        files: String,
    },
}

/// What was being written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Written {
    Csv,
    Json,
    Report,
    CsvReport,
    Workbook,
    Export,
    CsvExport,
    /// The record of a change (the audit row's JSON).
    Change,
    WordDocument,
    /// A roll-up's tables (CSV or JSON).
    Rollup,
}

impl Written {
    fn name(self, lang: Lang) -> &'static str {
        use Written::*;
        match (self, lang) {
            (Csv, Lang::Vi) => "dữ liệu CSV",
            (Csv, Lang::En) => "CSV",
            (Json, Lang::Vi) => "dữ liệu JSON",
            (Json, Lang::En) => "JSON",
            (Report, Lang::Vi) => "báo cáo",
            (Report, Lang::En) => "the report",
            (CsvReport, Lang::Vi) => "báo cáo CSV",
            (CsvReport, Lang::En) => "the CSV report",
            (Workbook, Lang::Vi) => "bảng tính Excel",
            (Workbook, Lang::En) => "the Excel workbook",
            (Export, Lang::Vi) => "dữ liệu xuất",
            (Export, Lang::En) => "the export",
            (CsvExport, Lang::Vi) => "dữ liệu xuất CSV",
            (CsvExport, Lang::En) => "the CSV export",
            (Change, Lang::Vi) => "bản ghi thay đổi",
            (Change, Lang::En) => "the record of the change",
            (WordDocument, Lang::Vi) => "văn bản Word",
            (WordDocument, Lang::En) => "the Word document",
            (Rollup, Lang::Vi) => "bảng tổng hợp",
            (Rollup, Lang::En) => "the roll-up",
        }
    }
}

impl Files {
    pub fn render(&self, lang: Lang) -> String {
        use Files::*;
        match self {
            OwnGroup { detail } => say!(lang,
                "Không chuyển được sang nhóm của bạn để mở tệp: {detail}.",
                "Cannot switch to your own group to open the file: {detail}."),
            BackGroup { detail } => say!(lang,
                "Không chuyển lại được nhóm của bản cài đặt sau khi mở tệp: {detail}.",
                "Cannot switch back to the install's group after opening the file: {detail}."),
            Symlink { path } => say!(lang,
                "{path} là liên kết tượng trưng; phoihop không ghi qua liên kết: hãy chỉ đường dẫn của một tệp thường.",
                "{path} is a symbolic link; phoihop does not write through links: give the path of a plain file."),
            MayNotWrite { path } => say!(lang,
                "Không ghi được {path}: tài khoản này không có quyền ghi ở đó.",
                "Cannot write {path}: this login may not write there."),
            CannotWrite { path, detail } => say!(lang, "Không ghi được {path}: {detail}.", "Cannot write {path}: {detail}."),
            Exists { path } => say!(lang, "{path} đã có; hãy đặt tên tệp mới.", "{path} already exists; give a new file name."),
            BackupExists { path } => say!(lang,
                "{path} đã có; hãy đặt tên tệp mới cho bản sao lưu.",
                "{path} already exists; give a new file name for the backup."),
            IsDatabase { path, db } => say!(lang,
                "{path} là cơ sở dữ liệu {db} (hoặc một tệp của nó); hãy đặt tên tệp khác.",
                "{path} is the database {db} (or one of its files); give another file name."),
            NotRegular { path } => say!(lang,
                "{path} không phải tệp thường; hãy chỉ đường dẫn của một tệp thường.",
                "{path} is not a regular file; give the path of a plain file."),
            HardLinks { path } => say!(lang,
                "{path} có nhiều hơn một liên kết cứng, ghi vào có thể làm thay đổi tệp khác; hãy đặt tên tệp mới.",
                "{path} has more than one hard link, so writing it could change another file; give a new file name."),
            SetMode { path, detail } => say!(lang,
                "Không đặt được quyền của {path}: {detail}.",
                "Cannot set the mode of {path}: {detail}."),
            Output { detail } => say!(lang, "Không ghi được kết quả: {detail}.", "Cannot write the output: {detail}."),
            Encode { what, detail } => {
                let what = what.name(lang);
                say!(lang, "Không ghi được {what}: {detail}.", "Cannot write {what}: {detail}.")
            }
            BackupMissing { name } => say!(lang, "Bản sao lưu {name} không tồn tại.", "The backup {name} does not exist."),
            BackupUnreadable { name, detail } => say!(lang,
                "Không đọc được bản sao lưu {name}: {detail}.",
                "Cannot read the backup {name}: {detail}."),
            BackupNotPlain { name } => say!(lang,
                "Bản sao lưu {name} không phải tệp thường (là liên kết, thư mục hoặc thiết bị); hãy chỉ đường dẫn của tệp sao lưu.",
                "The backup {name} is not a plain file (a link, a directory or a device); give the path of a backup file."),
            NotPhoihop { name } => say!(lang,
                "Tệp {name} không phải cơ sở dữ liệu phoihop; chưa có thay đổi nào được ghi.",
                "The file {name} is not a phoihop database; nothing was changed."),
            BackupNewer { name, version, latest } => say!(lang,
                "Bản sao lưu {name} có phiên bản lược đồ {version}, mới hơn phiên bản phoihop này biết ({latest}); hãy khôi phục bằng phoihop mới hơn; chưa có thay đổi nào được ghi.",
                "The backup {name} has schema version {version}, newer than this phoihop knows ({latest}); restore it with a newer phoihop; nothing was changed."),
            BackupDamaged { name, check } => say!(lang,
                "Bản sao lưu {name} đã bị hỏng (SQLite kiểm tra báo: {check}); chưa có thay đổi nào được ghi.",
                "The backup {name} is damaged (SQLite's check says: {check}); nothing was changed."),
            CreateCopy { path, detail } => say!(lang, "Không tạo được {path}: {detail}.", "Cannot create {path}: {detail}."),
            RestoredDamaged { check } => say!(lang,
                "Bản khôi phục không qua được bước kiểm tra của SQLite ({check}); chưa có thay đổi nào được ghi.",
                "The restored copy failed SQLite's check ({check}); nothing was changed."),
            FileMissing { path } => say!(lang, "Tệp {path} không tồn tại.", "The file {path} does not exist."),
            DirHoldsNone { dir, files } => say!(lang,
                "Thư mục {dir} không có tệp nào trong số {files}.",
                "The directory {dir} holds none of {files}."),
        }
    }
}
