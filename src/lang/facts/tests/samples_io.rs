//! Samples of the facts of files, the command line, replicas, the audit and imports (the
//! rest of [`super::samples`]).

use super::*;

pub(super) fn samples_io() -> Vec<Fact> {
    let p = || s("/srv/phoihop/dulieu.db");
    let detail = || s("os error 28");
    let mut v: Vec<Fact> = vec![];
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
            Cli::NeedsTerminal { rollup: false },
            Cli::NeedsTerminal { rollup: true },
            Cli::WordRollupNeedsOut,
            Cli::NoIssuer,
            Cli::NoReplicasGiven,
            Cli::IssuerDocxOnly,
            Cli::NoReviewDates,
            Cli::DeployFound { n: 2 },
            Cli::WorkerStopped,
            Cli::NoThread { detail: detail() },
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
    let cfg = || s("/etc/phoihop/config.toml");
    let wrongs = [
        Wrong::Parser(s(
            "unknown field `colour`, expected one of `language`, `theme`",
        )),
        Wrong::Parser(s("unknown variant `fr`, expected `vi` or `en`")),
        Wrong::Parser(s("invalid type: integer `3`, expected a string")),
        Wrong::Parser(s("expected `=`")),
        Wrong::DatabaseNotAbsolute,
        Wrong::ProgramCode,
        Wrong::WallboardRange { lo: 5, hi: 3600 },
        Wrong::UnknownMode {
            mode: s("tabel"),
            modes: s("global, table"),
        },
        Wrong::UnknownAction {
            action: s("srot"),
            mode: s("table"),
            actions: s("sort, quit"),
        },
        Wrong::KeyNotString,
        Wrong::NotAKey { key: s("hyper-o") },
    ];
    for what in wrongs {
        v.push(
            Config::At {
                path: cfg(),
                line: Some(3),
                what,
            }
            .into(),
        );
    }
    v.push(
        Config::Unreadable {
            path: cfg(),
            detail: detail(),
        }
        .into(),
    );
    let remap = |section: &str| {
        [
            RemapRefusal::NoKey {
                section: s(section),
                action: s("sort"),
            },
            RemapRefusal::Typed {
                section: s(section),
                action: s("submit"),
            },
            RemapRefusal::NotInMode {
                section: s(section),
                action: s("quit"),
                global: true,
            },
            RemapRefusal::Clash {
                section: s(section),
                action: s("sort"),
                key: s("p"),
                other: s("progress"),
                mode: s("table"),
            },
        ]
    };
    for refusal in remap("table") {
        v.push(
            Config::Keys {
                files: vec![cfg(), s("/root/.config/phoihop/config.toml")],
                refusal,
            }
            .into(),
        );
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
