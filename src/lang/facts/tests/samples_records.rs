//! Samples of the facts of records, values and files (the part of [`super::samples`]
//! between the store's and [`super::samples_io`]).

use super::*;

pub(super) fn samples_records() -> Vec<Fact> {
    let p = || s("/srv/phoihop/dulieu.db");
    let detail = || s("os error 28");
    let mut v: Vec<Fact> = vec![];
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
            Record::ReviewOutside {
                on: s("31/12/2031"),
                starts: s("01/01/2021"),
                ends: s("31/12/2025"),
            },
            Record::ParentAfter {
                parent: s("BTGTU"),
                code: s("BDVTU"),
            },
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
            Files::Encode {
                what: Written::WordDocument,
                detail: detail(),
            },
            Files::Encode {
                what: Written::Rollup,
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
    v
}
