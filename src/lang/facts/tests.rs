//! Every fact renders one sentence in each language.

use chrono::NaiveDate;

use super::*;
use crate::domain::{Role, Status};
use crate::lang::Lang;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("a date")
}

fn s(x: &str) -> String {
    x.to_string()
}

/// One sample of every fact.
fn samples() -> Vec<Fact> {
    let p = || s("/srv/phoihop/dulieu.db");
    let detail = || s("os error 28");
    let mut v: Vec<Fact> = vec![];
    v.extend(
        [
            Db::FileReadOnly,
            Db::ReadOnlyFlag,
            Db::Busy,
            Db::DiskFull,
            Db::IoFailure,
            Db::NotADatabase,
            Db::CannotOpen,
            Db::OsDenied,
            Db::Sqlite { detail: detail() },
            Db::IoNotFound { detail: detail() },
            Db::IoDenied { detail: detail() },
            Db::Io { detail: detail() },
            Db::NoDatabase { path: p() },
            Db::Missing { path: p() },
            Db::NetworkFs {
                path: p(),
                fs: s("nfs"),
            },
            Db::SetgidMissing { path: p() },
            Db::IsDirectory { path: p() },
            Db::NoDirectory { dir: p() },
            Db::DirNotWritable { dir: p() },
            Db::FileNotReadWrite { path: p() },
            Db::SideNotPlain {
                path: p(),
                owner: s("root"),
            },
            Db::SideNotReadWrite {
                path: p(),
                owner: s("root"),
                mode: s("0600"),
            },
            Db::CreateDir {
                dir: p(),
                detail: detail(),
            },
            Db::SetMode {
                path: p(),
                detail: detail(),
            },
            Db::CreateFile {
                path: p(),
                detail: detail(),
            },
            Db::NeedsMigration { path: p() },
            Db::NoWal {
                path: p(),
                mode: s("delete"),
            },
            Db::SchemaDamaged { version: -1 },
            Db::SchemaNewer {
                version: 99,
                latest: 8,
            },
            Db::Foreign,
            Db::MigrationDangling { to: 6, rows: 3 },
            Db::Untrusted {
                group: s("phoihop"),
                why: Untrusted::NotDbName { path: p() },
            },
            Db::Untrusted {
                group: s("phoihop"),
                why: Untrusted::DirNotFound { path: p() },
            },
            Db::Untrusted {
                group: s("phoihop"),
                why: Untrusted::DirUnreadable { dir: p() },
            },
            Db::Untrusted {
                group: s("phoihop"),
                why: Untrusted::DirNotRoots {
                    dir: p(),
                    uid: 1000,
                    gid: 1000,
                    mode: s("0755"),
                },
            },
            Db::Untrusted {
                group: s("phoihop"),
                why: Untrusted::NotPlain { path: p() },
            },
        ]
        .map(Fact::from),
    );
    let acts = [
        Act::AddTask,
        Act::UpdateTask(28),
        Act::ChangeProgress(28),
        Act::EditTask(28),
        Act::MoveTask(28),
        Act::HandTask(28),
        Act::DeadlineAfterEnd {
            task: 28,
            ends: s("2020-11-06"),
        },
        Act::HandTaskToOthers(28),
        Act::RemoveTask(28),
        Act::RestoreTask(28),
        Act::AddPrograms,
        Act::EditPrograms,
        Act::RemovePrograms,
        Act::AddAgencies,
        Act::EditAgencies,
        Act::RemoveAgencies,
        Act::MergeAgencies,
        Act::AddCategories,
        Act::GrantRoles,
        Act::RevokeRoles,
        Act::RestoreDatabase,
        Act::ChangeSettings,
        Act::ImportTask,
        Act::ImportNewAgencyTasks,
        Act::RestoreHistories,
        Act::ImportBackdated {
            field: s("created_on"),
            on: d(2019, 1, 2),
        },
        Act::ClearData,
        Act::LoadGenerated,
    ];
    let standings = [
        Standing::Ungranted,
        Standing::OperatorOf(s("BDVTU")),
        Standing::Is(Role::Admin),
        Standing::Is(Role::Operator),
        Standing::Is(Role::Supervisor),
    ];
    let whys = [
        None,
        Some(Why::OwnAgencyOnly),
        Some(Why::LeadOnly),
        Some(Why::SupervisorsUrge),
    ];
    for (i, act) in acts.into_iter().enumerate() {
        v.push(
            Access::Denied {
                login: s("opbdv"),
                standing: standings[i % standings.len()].clone(),
                act,
                why: whys[i % whys.len()],
            }
            .into(),
        );
    }
    v.extend(
        [
            Access::LoginHasSpace {
                login: s("nguyen van"),
            },
            Access::OperatorNeedsAgency,
            Access::OnlyOperatorsBound {
                role: Role::Supervisor,
            },
            Access::LastAdminChange {
                login: s("quantri"),
                role: Role::Operator,
            },
            Access::NoGrant { login: s("gsat") },
            Access::LastGrant {
                login: s("quantri"),
            },
            Access::LastAdminRevoke {
                login: s("quantri"),
            },
            Access::MineNotOperator { login: s("gsat") },
        ]
        .map(Fact::from),
    );
    v.extend(
        [
            Record::NoTask { id: 70 },
            Record::TaskNotYet {
                id: 70,
                on: d(2016, 1, 1),
                created: s("2017-03-04"),
            },
            Record::TaskRemoved {
                id: 70,
                on: s("2018-05-06"),
            },
            Record::NoProgram { code: s("XDHTCT") },
            Record::NoAgency { code: s("BTG") },
            Record::UnknownAgency {
                field: s("lead"),
                code: s("BTG"),
            },
            Record::UnknownProgram { code: s("XDHTCT") },
            Record::UnknownCategory {
                code: s("mass_mobilization"),
            },
            Record::TaskChanged {
                id: 70,
                now: 4,
                had: 3,
            },
            Record::DatedBefore {
                id: 70,
                last: d(2020, 5, 1),
                on: d(2020, 4, 1),
            },
            Record::DeadlineNeedsReason { id: 70 },
            Record::NotRemoved { id: 70 },
            Record::ProgramHasTasks {
                code: s("XDHTCT"),
                n: 58,
            },
            Record::ProgramHeldTasks { code: s("XDHTCT") },
            Record::AgencyLooksLike {
                name: s("Ban Tuyên giáo"),
                code: s("BTG"),
                existing: s("Ban Tuyên giáo"),
            },
            Record::ProgramLooksLike {
                title: s("Chương trình CCHC"),
                code: s("CCHC"),
                existing: s("Chương trình cchc"),
            },
            Record::CodeTaken {
                program: true,
                code: s("CCHC"),
            },
            Record::CodeTaken {
                program: false,
                code: s("BDVTU"),
            },
            Record::AgencyCycle {
                code: s("BTG"),
                parent: s("VPTU"),
            },
            Record::RenameNeedsDate { code: s("BTG") },
            Record::AgencyInUse {
                code: s("BTG"),
                uses: 3,
            },
            Record::AgencyHeldTasks { code: s("BTG") },
            Record::MergeIntoItself { code: s("BTG") },
            Record::MergedAlready {
                code: s("BTG"),
                on: s("2020-01-01"),
            },
            Record::FilterNeedsDate,
        ]
        .map(Fact::from),
    );
    v.extend(
        [
            Value::ProgressRange { n: 120 },
            Value::ProgressNotNumber {
                text: s("năm mươi"),
            },
            Value::Forbidden {
                field: s("title"),
                what: s("ESC (U+001B)"),
                ch: '\u{1b}',
            },
            Value::Forbidden {
                field: s("title"),
                what: s("a line break (U+000A)"),
                ch: '\n',
            },
            Value::Empty { field: s("title") },
            Value::TooLong {
                field: s("note"),
                n: 5000,
                max: 4000,
            },
            Value::CodeTooLong {
                field: s("lead agency code"),
                code: s("BTG"),
            },
            Value::CodeChar {
                field: s("lead agency code"),
                code: s("BTGТU"),
                ch: 'Т',
            },
            Value::RecordCodeChar {
                field: s("code"),
                code: s("btg"),
                ch: 'b',
            },
            Value::BadCode {
                what: s("role"),
                given: s("boss"),
                allowed: s("admin, operator, supervisor"),
            },
            Value::NumberRange {
                field: s("members"),
                n: -1,
            },
            Value::EndsBeforeStarts {
                ends: d(2015, 1, 1),
                starts: d(2020, 1, 1),
            },
            Value::ReviewRange { months: 200 },
            Value::LeadAlsoWith { code: s("BTG") },
            Value::RoadmapNeedsDeadline,
            Value::FullButNotDone {
                status: Status::InProgress,
                flag: true,
            },
            Value::FullButNotDone {
                status: Status::Suspended,
                flag: false,
            },
            Value::NotStartedAtZero { progress: 40 },
            Value::DoneAt100 { progress: 40 },
            Value::NothingToUpdate,
            Value::BadDate {
                field: s("deadline"),
                text: s("31/04/2020"),
            },
        ]
        .map(Fact::from),
    );
    v.extend(
        [
            Files::OwnGroup { detail: detail() },
            Files::BackGroup { detail: detail() },
            Files::Symlink { path: p() },
            Files::MayNotWrite { path: p() },
            Files::CannotWrite {
                path: p(),
                detail: detail(),
            },
            Files::Exists { path: p() },
            Files::BackupExists { path: p() },
            Files::IsDatabase { path: p(), db: p() },
            Files::NotRegular { path: p() },
            Files::HardLinks { path: p() },
            Files::SetMode {
                path: p(),
                detail: detail(),
            },
            Files::Output { detail: detail() },
            Files::Encode {
                what: Written::Csv,
                detail: detail(),
            },
            Files::Encode {
                what: Written::Json,
                detail: detail(),
            },
            Files::Encode {
                what: Written::Report,
                detail: detail(),
            },
            Files::Encode {
                what: Written::CsvReport,
                detail: detail(),
            },
            Files::Encode {
                what: Written::Workbook,
                detail: detail(),
            },
            Files::Encode {
                what: Written::Export,
                detail: detail(),
            },
            Files::Encode {
                what: Written::CsvExport,
                detail: detail(),
            },
            Files::Encode {
                what: Written::Change,
                detail: detail(),
            },
            Files::BackupMissing { name: p() },
            Files::BackupUnreadable {
                name: p(),
                detail: detail(),
            },
            Files::BackupNotPlain { name: p() },
            Files::NotPhoihop { name: p() },
            Files::BackupNewer {
                name: p(),
                version: 99,
                latest: 8,
            },
            Files::BackupDamaged {
                name: p(),
                check: s("row 3 missing"),
            },
            Files::CreateCopy {
                path: p(),
                detail: detail(),
            },
            Files::RestoredDamaged {
                check: s("row 3 missing"),
            },
            Files::FileMissing { path: p() },
            Files::DirHoldsNone {
                dir: p(),
                files: s("agencies.csv, programs.csv"),
            },
        ]
        .map(Fact::from),
    );
    v.extend(
        [
            Cli::NoDataDir,
            Cli::PeriodAndAsOf,
            Cli::ToAndAsOf,
            Cli::ExcelNeedsOut,
            Cli::ExcelCsvOnly,
            Cli::BadPeriod { text: s("2019Q5") },
            Cli::PeriodOrder {
                from: d(2020, 1, 1),
                to: d(2019, 1, 1),
            },
            Cli::ExcelTooManyRows { n: 2_000_000 },
            Cli::CheckFound { n: 2 },
            Cli::GenTasksMin,
            Cli::GenAgencies { max: 500 },
            Cli::GenTasksMax { max: 1_000_000 },
            Cli::GenNotEmpty,
            Cli::DemoNotEmpty,
            Cli::NoCategories,
            Cli::NoChainForHead,
            Cli::BadPosition { n: 0 },
            Cli::BadDuration {
                field: s("--retention"),
                text: s("7 ngày"),
            },
            Cli::CannotResolve {
                path: p(),
                detail: detail(),
            },
            Cli::DbPathNotUtf8,
            Cli::DbPathDollar,
            Cli::KeyPathSftpOnly,
            Cli::BadAge {
                text: s("hôm qua")
            },
            Cli::RollupNeedsOut,
            Cli::WordNeedsOut,
            Cli::IssuerDocxOnly,
            Cli::NoReviewDates,
            Cli::DeployFound { n: 2 },
        ]
        .map(Fact::from),
    );
    for why in [
        Replica::Dollar,
        Replica::BadChar,
        Replica::NotAbsolute,
        Replica::Root,
        Replica::NoUser,
        Replica::Incomplete,
        Replica::NoBucket,
        Replica::Unknown,
    ] {
        v.push(
            Cli::BadReplica {
                target: s("ftp://x"),
                why,
            }
            .into(),
        );
    }
    let row = || {
        Box::new(Row {
            id: 17,
            at: s("2026-12-01T08:00:00.000Z"),
            actor: s("vanphong"),
            action: s("edit"),
            entity: s("task"),
            key: s("3"),
        })
    };
    v.extend(
        [
            Audit::TriggerMissing {
                name: s("audit_no_update"),
            },
            Audit::TriggerChanged {
                name: s("audit_no_update"),
            },
            Audit::TriggerForeign { name: s("x") },
            Audit::FirstRowMissing,
            Audit::RowMissing { id: 4, next: 5 },
            Audit::RowsMissing { from: 4, next: 9 },
            Audit::OutOfOrder { row: row() },
            Audit::NoHash { row: row() },
            Audit::HashMismatch { row: row() },
            Audit::HeadMissing { hash: s("ab12") },
            Audit::Dangling {
                row: 3,
                table: s("task"),
                parent: s("agency"),
            },
        ]
        .map(Fact::from),
    );
    for rule in [
        Rule::DoneNotFull,
        Rule::DoneNoDate,
        Rule::OpenWithDate,
        Rule::RoadmapNoDeadline,
        Rule::CompletedBeforeCreated,
        Rule::NoHistory,
        Rule::VersionsGap,
        Rule::FirstVersionDate,
        Rule::VersionDoneEarly,
        Rule::VersionOpenWithDate,
        Rule::DiffersFromVersion,
    ] {
        v.push(Audit::Task { id: 3, rule }.into());
        v.push(Audit::MoreTasks { n: 12, rule }.into());
    }
    let cols = || s("code,name,kind");
    let file = || s("nhiemvu.csv");
    v.extend(
        [
            Import::Syntax {
                file: file(),
                line: 3,
                json: false,
                detail: s("CSV error: record 2 (line 3, byte 120)"),
            },
            Import::Syntax {
                file: s("a.json"),
                line: 3,
                json: true,
                detail: s("EOF while parsing a value at line 3 column 1"),
            },
            Import::NotValidIn {
                file: file(),
                coding: s("windows-1258"),
            },
            Import::EmptyFile,
            Import::HeaderNotUtf8,
            Import::UnknownHeader {
                header: s("a,b"),
                tasks: cols(),
                agencies: cols(),
                programs: cols(),
            },
            Import::NotAColumn {
                name: s("han"),
                kind: s("tasks"),
                columns: cols(),
            },
            Import::ColumnTwice { name: s("title") },
            Import::ColumnMissing { name: s("lead") },
            Import::FieldCount { n: 3, header: 4 },
            Import::TextNotUtf8 { at: 7 },
            Import::NotWholeNumber { text: s("mười") },
            Import::OutOfRange { n: -1 },
            Import::CompletedNotDone,
            Import::CompletedBeforeCreated {
                completed: d(2020, 1, 1),
                created: d(2020, 2, 1),
            },
            Import::OwnParent,
            Import::NotObject { what: s("task") },
            Import::NotObject {
                what: s("history[2]"),
            },
            Import::NotAField {
                key: s("han"),
                what: s("agency"),
                fields: cols(),
            },
            Import::ExpectedText,
            Import::ExpectedCodes,
            Import::ExpectedArray,
            Import::FieldMissing { field: s("title") },
            Import::HistoryDone,
            Import::FirstHistoryBefore {
                first: d(2020, 1, 1),
                created: d(2020, 2, 1),
            },
            Import::LastHistoryMismatch {
                status: Status::InProgress,
                progress: 50,
                task_status: Status::Done,
                task_progress: 100,
            },
            Import::BadFormat { given: s("excel") },
            Import::BadVersion { given: s("2") },
            Import::LoginSpaces,
            Import::OperatorAgency,
            Import::OperatorNeedsAgency,
            Import::UnknownCode {
                what: s("agency"),
                code: s("BXYZ"),
            },
            Import::CodeTwice {
                what: s("program"),
                code: s("CCHC"),
                file: file(),
                line: 2,
            },
            Import::LoginTwice {
                login: s("opbdv"),
                file: file(),
                line: 2,
            },
            Import::CategoryDiffers {
                code: s("ideology"),
            },
            Import::AgencyDiffers { code: s("BDVTU") },
            Import::ProgramDiffers { code: s("CCHC") },
            Import::LoginHasRole { login: s("opbdv") },
            Import::Cycle {
                code: s("A"),
                parent: s("B"),
            },
            Import::TaskTwice { program: s("CCHC") },
        ]
        .map(Fact::from),
    );
    for (looks, iconv) in [
        (Looks::Utf16, "iconv -f UTF-16 -t UTF-8 a.csv > a.utf8.csv"),
        (
            Looks::Windows1258,
            "iconv -f WINDOWS-1258 -t UTF-8 a.csv > a.utf8.csv",
        ),
        (Looks::Tcvn3 { fonts: true }, ""),
        (Looks::Tcvn3 { fonts: false }, ""),
    ] {
        v.push(
            Import::NotUtf8 {
                path: s("a.csv"),
                looks,
                iconv: s(iconv),
            }
            .into(),
        );
    }
    for field in [Some("header"), Some("column 3"), Some("row"), None] {
        v.push(Fact::At {
            file: file(),
            line: 1,
            field: field.map(s),
            inner: Box::new(Import::EmptyFile.into()),
        });
    }
    v.push(Fact::At {
        file: s("nhiemvu.csv"),
        line: 3,
        field: Some(s("deadline")),
        inner: Box::new(
            Value::BadDate {
                field: s("deadline"),
                text: s("31/04/2020"),
            }
            .into(),
        ),
    });
    v
}

/// Text outside backticks and without the sample values, for the word checks.
fn prose(text: &str) -> String {
    let mut out = String::new();
    for (i, part) in text.split('`').enumerate() {
        if i % 2 == 0 {
            out.push_str(part);
        }
    }
    out
}

#[test]
fn every_fact_renders_one_sentence_in_each_language() {
    // Words of English prose that Vietnamese never needs.
    const ENGLISH: &[&str] = &[
        " the ", " is ", " and ", " not ", " cannot ", " give ", " may ", " has ", " was ",
        " with ", " must ", " of ", " to ",
    ];
    for f in samples() {
        let vi = f.render(Lang::Vi);
        let en = f.render(Lang::En);
        for (lang, t) in [("vi", &vi), ("en", &en)] {
            assert!(!t.trim().is_empty(), "{f:?} {lang} is empty");
            assert!(
                t.ends_with('.'),
                "{f:?} {lang} does not end a sentence: {t}"
            );
            assert!(!t.contains('\n'), "{f:?} {lang} has a line break: {t}");
            let inner = &t[..t.len() - 1];
            assert!(
                !inner.contains(". ") || inner.contains("(e.g. "),
                "{f:?} {lang} is more than one sentence: {t}"
            );
        }
        assert_ne!(vi, en, "{f:?} is not translated");
        let words = format!(" {} ", prose(&vi).to_lowercase());
        for w in ENGLISH {
            assert!(
                !words.contains(w),
                "{f:?} vi has the English word {w:?}: {vi}"
            );
        }
    }
}

#[test]
fn refusals_read_as_written() {
    let f: Fact = Access::Denied {
        login: s("opbdv"),
        standing: Standing::OperatorOf(s("BDVTU")),
        act: Act::HandTask(28),
        why: None,
    }
    .into();
    assert_eq!(
        f.render(Lang::En),
        "Login `opbdv` is an operator of BDVTU, and so may not hand task 28 to another lead agency."
    );
    assert_eq!(
        f.render(Lang::Vi),
        "Tài khoản `opbdv` là chuyên viên của BDVTU, nên không được giao nhiệm vụ 28 cho cơ quan chủ trì khác."
    );
    let at = Fact::At {
        file: s("a.csv"),
        line: 2,
        field: Some(s("title")),
        inner: Box::new(Value::Empty { field: s("title") }.into()),
    };
    assert_eq!(
        at.render(Lang::En),
        "a.csv line 2, field title: The title must not be empty."
    );
    assert_eq!(
        at.render(Lang::Vi),
        "Dòng 2 của tệp a.csv, trường `title`: Trường tên nhiệm vụ không được để trống."
    );
}

#[test]
fn untyped_text_passes_through() {
    let f: Fact = "As written.".into();
    assert_eq!(f.render(Lang::Vi), "As written.");
    assert_eq!(crate::Error::Usage(f).exit_code(), 2);
}
