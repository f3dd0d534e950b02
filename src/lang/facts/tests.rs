//! Every fact renders one sentence in each language.

use chrono::NaiveDate;

use super::*;
use crate::domain::{Role, Status};
use crate::lang::Lang;

mod samples_io;
mod samples_records;

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
            Db::BadStored {
                id: 7,
                what: Stored::Status,
                value: s("xong"),
            },
            Db::BadStored {
                id: 7,
                what: Stored::Deadline,
                value: s("2019-02-30"),
            },
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
            Db::ReviewsDamaged {
                code: s("CT-01"),
                detail: s("expected value at line 1 column 1"),
            },
            Db::TitleNotText { id: Some(7) },
            Db::TitleNotText { id: None },
            Db::ReplicaPathNotUtf8 { path: p() },
            Db::NoReplica { path: p() },
            Db::NotDatabaseFile { path: p() },
            Db::ListDir {
                path: p(),
                detail: detail(),
            },
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
    v.extend(samples_records::samples_records());
    v.extend(samples_io::samples_io());
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

#[test]
fn a_refused_command_line_is_said_in_vietnamese_and_keeps_the_parsers_english() {
    let v = |s: &str| s.to_string();
    let all = [
        Refused::UnknownOption {
            arg: v("--formt"),
            suggested: Some(v("--format")),
        },
        Refused::UnknownOption {
            arg: v("--x"),
            suggested: None,
        },
        Refused::UnknownCommand {
            name: v("lisst"),
            suggested: Some(v("list")),
        },
        Refused::Choice {
            arg: v("--format <FORMAT>"),
            value: v("xml"),
            valid: vec![v("json")],
        },
        Refused::Choice {
            arg: v("--db <PATH>"),
            value: String::new(),
            valid: vec![],
        },
        Refused::BadValue {
            arg: v("--limit <N>"),
            value: v("a"),
            why: BadValueWhy::NotWholeNumber,
        },
        Refused::BadValue {
            arg: v("--limit <N>"),
            value: v("9"),
            why: BadValueWhy::TooLarge,
        },
        Refused::BadValue {
            arg: v("--wall"),
            value: v("2"),
            why: BadValueWhy::Said(v("ít nhất 5 giây")),
        },
        Refused::Missing {
            args: vec![v("<ID>")],
        },
        Refused::MissingCommand,
        Refused::Conflict {
            arg: v("--to"),
            prior: Some(v("--as-of")),
        },
        Refused::Conflict {
            arg: v("--to"),
            prior: None,
        },
        Refused::Unexpected { value: v("2") },
        Refused::Other,
    ];
    let mut seen = std::collections::HashSet::new();
    for what in all {
        let u = Usage {
            what: what.clone(),
            en: v("unexpected argument; see `phoihop --help`."),
        };
        let vi = u.render(Lang::Vi);
        assert!(
            vi.ends_with("xem `phoihop --help` (hoặc `phoihop LỆNH --help`)."),
            "{vi}"
        );
        assert!(!vi.contains('\n'), "{vi}");
        assert!(seen.insert(vi.clone()), "two refusals say the same: {vi}");
        assert_eq!(u.render(Lang::En), u.en, "{what:?}");
    }
}
