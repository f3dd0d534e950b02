//! Editing through `AppState::update` on temp-file databases: each form's validation,
//! save and cancel; the conflict flow; role denials with their messages; live refresh
//! between two app states on one file; the Activity view and the inbox.

mod common;

use phoihop::domain::{Role, Status};
use phoihop::store::{os_login, Store};
use phoihop::tui::action::{Action, View};
use phoihop::tui::i18n::{Lang, Msg};
use phoihop::tui::state::form::Key;
use phoihop::tui::state::{AppState, Dialog, FormError, FormKind, Layer, Notice};

fn open(path: &std::path::Path, read_only: bool) -> AppState {
    let store = Store::open(path, read_only).unwrap();
    // Edits act on today's data: the tables show it as of today (a past as-of date shows
    // each task as it stood then).
    AppState::new(
        store,
        Lang::Vi,
        common::today(),
        common::today(),
        None,
        (120, 40),
    )
    .unwrap()
}

fn typed(s: &mut AppState, text: &str) {
    for c in text.chars() {
        s.update(Action::Input(c));
    }
}

fn focus(s: &mut AppState, k: Key) {
    for _ in 0..20 {
        if s.form.as_ref().unwrap().focused().unwrap().key == k {
            return;
        }
        s.update(Action::NextField);
    }
    panic!("no field {k:?}");
}

/// The coordinating agencies chosen in the open form.
fn with_of(s: &AppState) -> Vec<String> {
    s.form
        .as_ref()
        .unwrap()
        .field(Key::With)
        .unwrap()
        .multi()
        .expect("a choice of several")
        .picked
        .clone()
}

fn render(s: &AppState) -> String {
    let (w, h) = s.size;
    let mut t = ratatui::Terminal::new(ratatui::backend::TestBackend::new(w, h)).unwrap();
    t.draw(|f| phoihop::tui::view::draw(f, s, &phoihop::tui::theme::Theme::mono()))
        .unwrap();
    t.backend().to_string()
}

fn reason(s: &AppState, k: Key) -> Option<Msg> {
    s.form.as_ref().unwrap().field(k).unwrap().reason
}

/// A state on the Tasks view with the first task selected; returns its id.
fn on_tasks(s: &mut AppState) -> i64 {
    s.update(Action::SwitchView(View::Tasks));
    s.tasks.selected().unwrap().id
}

fn denied(s: &AppState) -> Option<Msg> {
    match &s.notice {
        Some(Notice::Denied(m)) => Some(*m),
        _ => None,
    }
}

#[test]
fn progress_form_validates_saves_and_records_who_and_what() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(dir.path());
    let mut s = open(&path, false);
    on_tasks(&mut s);
    // A task not done yet.
    while s.tasks.selected().unwrap().status == Status::Done {
        s.update(Action::Down);
    }
    let id = s.tasks.selected().unwrap().id;
    let before = s.store().task(id).unwrap();
    s.update(Action::UpdateProgress);
    assert!(matches!(
        s.form.as_ref().unwrap().kind,
        FormKind::Progress(_)
    ));
    // The percentage is prefilled; 150 is refused beside the field.
    s.update(Action::ClearField);
    typed(&mut s, "150");
    assert_eq!(reason(&s, Key::Progress), Some(Msg::ReasonBadPercent));
    s.update(Action::Submit);
    assert_eq!(
        s.form.as_ref().unwrap().error,
        Some(FormError::Msg(Msg::FixFields))
    );
    assert_eq!(s.store().task(id).unwrap().version, before.version);
    // A new percentage below 100 with status "done" is refused at the status field.
    let pct = if before.progress.get() == 50 { 51 } else { 50 };
    s.update(Action::ClearField);
    typed(&mut s, &pct.to_string());
    assert_eq!(reason(&s, Key::Progress), None);
    focus(&mut s, Key::Status);
    typed(&mut s, "hoan thanh");
    assert_eq!(reason(&s, Key::Status), Some(Msg::ReasonDoneNeedsFull));
    s.update(Action::ClearField);
    typed(&mut s, "dang thuc");
    assert_eq!(reason(&s, Key::Status), None);
    focus(&mut s, Key::Note);
    typed(&mut s, "Đã họp triển khai");
    s.update(Action::Submit);
    assert!(s.form.is_none(), "{:?}", s.form.as_ref().map(|f| &f.error));
    assert_eq!(
        s.notice,
        Some(Notice::Done(Msg::UpdatedTask, id.to_string()))
    );
    let after = s.store().task(id).unwrap();
    assert_eq!(after.progress.get(), pct);
    assert_eq!(after.status, Status::InProgress);
    assert_eq!(after.version, before.version + 1);
    // The table shows it at once, the cursor on the same task.
    assert_eq!(s.tasks.selected().unwrap().id, id);
    assert_eq!(s.tasks.selected().unwrap().progress.get(), pct);
    // The audit row: the OS login, before and after.
    let change = &s.store().recent_changes(1).unwrap()[0];
    assert_eq!(change.actor, os_login());
    assert_eq!(change.action, "update");
    assert_eq!(change.key, id.to_string());
    let p = change
        .fields
        .iter()
        .find(|f| f.field == "progress")
        .unwrap();
    assert_eq!(p.before, Some(before.progress.get().to_string()));
    assert_eq!(p.after, Some(pct.to_string()));
    assert_eq!(change.note.as_deref(), Some("Đã họp triển khai"));
}

#[test]
fn escape_cancels_without_writing() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(dir.path());
    let mut s = open(&path, false);
    let id = on_tasks(&mut s);
    let v = s.store().task(id).unwrap().version;
    let audits = s.store().recent_changes(1000).unwrap().len();
    for open in [
        Action::UpdateProgress,
        Action::Edit,
        Action::Urge,
        Action::New,
    ] {
        s.update(open.clone());
        assert!(s.form.is_some(), "{open:?}");
        typed(&mut s, "7");
        // A changed form asks before it is thrown away; any key but `y` goes back.
        s.update(Action::Cancel);
        assert!(matches!(s.dialog, Some(Dialog::Discard { quit: false })));
        assert!(s.form.is_some());
        s.update(Action::Cancel);
        assert!(s.dialog.is_none() && s.form.is_some(), "{open:?}");
        s.update(Action::Cancel);
        s.update(Action::Confirm);
        assert!(s.form.is_none());
        assert_eq!(s.notice, Some(Notice::Info(Msg::Cancelled)));
    }
    s.update(Action::Delete);
    assert!(matches!(s.dialog, Some(Dialog::Confirm(_))));
    s.update(Action::Cancel);
    assert!(s.dialog.is_none());
    assert_eq!(s.store().task(id).unwrap().version, v);
    assert_eq!(s.store().recent_changes(1000).unwrap().len(), audits);
}

#[test]
fn fields_refuse_control_characters_and_keep_nfc() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(dir.path());
    let mut s = open(&path, false);
    on_tasks(&mut s);
    s.update(Action::Urge);
    typed(&mut s, "Kha");
    s.update(Action::Input('\u{202e}'));
    assert_eq!(reason(&s, Key::Message), Some(Msg::ReasonControl));
    s.update(Action::Input('\u{1b}'));
    let f = s.form.as_ref().unwrap().field(Key::Message).unwrap();
    assert_eq!(f.value, "Kha");
    // A decomposed circumflex joins its letter as it is typed.
    s.update(Action::Erase);
    typed(&mut s, "a\u{302}n");
    let f = s.form.as_ref().unwrap().field(Key::Message).unwrap();
    assert_eq!(f.value, "Khân");
    assert_eq!(f.reason, None);
}

#[test]
fn urge_form_sends_to_the_lead_agency() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(dir.path());
    let mut s = open(&path, false);
    let id = on_tasks(&mut s);
    let n = s.store().task_urges(id).unwrap().len();
    s.update(Action::Urge);
    s.update(Action::Submit);
    assert_eq!(reason(&s, Key::Message), Some(Msg::ReasonRequired));
    assert!(s.form.is_some());
    typed(&mut s, "Đề nghị báo cáo tiến độ trước 20/3");
    s.update(Action::Submit);
    assert_eq!(s.notice, Some(Notice::Done(Msg::UrgedTask, id.to_string())));
    let urges = s.store().task_urges(id).unwrap();
    assert_eq!(urges.len(), n + 1);
    assert_eq!(urges.last().unwrap().actor, os_login());
    assert_eq!(urges.last().unwrap().on, common::today());
}

#[test]
fn edit_form_checks_dates_and_saves_only_what_changed() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(dir.path());
    let mut s = open(&path, false);
    let id = on_tasks(&mut s);
    let before = s.store().task(id).unwrap();
    s.update(Action::Edit);
    s.update(Action::Submit);
    assert_eq!(
        s.form.as_ref().unwrap().error,
        Some(FormError::Msg(Msg::NothingToSave))
    );
    s.update(Action::ClearField);
    assert_eq!(reason(&s, Key::Title), Some(Msg::ReasonRequired));
    typed(&mut s, "Tiêu đề mới");
    focus(&mut s, Key::Deadline);
    s.update(Action::ClearField);
    typed(&mut s, "31/02/2027");
    assert_eq!(reason(&s, Key::Deadline), Some(Msg::ReasonBadDate));
    s.update(Action::ClearField);
    typed(&mut s, "2027-06-30");
    assert_eq!(reason(&s, Key::Deadline), None);
    // The coordinating agencies open as chosen; what matches nothing says so; the lead
    // added is refused beside the field, and Backspace takes it off again.
    focus(&mut s, Key::With);
    assert_eq!(with_of(&s), before.with);
    typed(&mut s, "KHONGCO");
    assert_eq!(reason(&s, Key::With), Some(Msg::ReasonNoMatch));
    s.update(Action::ClearField);
    typed(&mut s, &before.lead);
    s.update(Action::FormEnter);
    assert!(
        s.form.is_some(),
        "Enter with a match typed adds it, it does not save"
    );
    assert_eq!(reason(&s, Key::With), Some(Msg::ReasonLeadInWith));
    s.update(Action::Erase);
    assert_eq!(with_of(&s), before.with);
    assert_eq!(reason(&s, Key::With), None);
    // A new deadline needs its reason (điều chỉnh thời hạn): refused, focus on the field.
    s.update(Action::Submit);
    assert_eq!(reason(&s, Key::Reason), Some(Msg::ReasonNeedsReason));
    focus(&mut s, Key::Reason);
    typed(&mut s, "Chờ ý kiến của Thường trực");
    s.update(Action::Submit);
    assert!(s.form.is_none());
    let after = s.store().task(id).unwrap();
    assert_eq!(after.title, "Tiêu đề mới");
    let last = s.store().task_history(id).unwrap().pop().unwrap();
    assert_eq!(
        (last.change.as_str(), last.note.as_deref()),
        ("deadline", Some("Chờ ý kiến của Thường trực"))
    );
    assert_eq!(after.deadline, Some(common::d(2027, 6, 30)));
    assert_eq!(after.lead, before.lead);
    assert_eq!(after.with, before.with);
    let c = &s.store().recent_changes(1).unwrap()[0];
    assert_eq!(c.action, "edit");
    let mut names: Vec<&str> = c.fields.iter().map(|f| f.field.as_str()).collect();
    names.sort();
    assert_eq!(names, vec!["deadline", "title"]);
}

#[test]
fn new_task_agency_and_program_forms() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(dir.path());
    let mut s = open(&path, false);
    on_tasks(&mut s);
    let total = s.tasks.total;
    s.update(Action::New);
    assert!(matches!(s.form.as_ref().unwrap().kind, FormKind::NewTask));
    s.update(Action::Submit);
    assert!(s.form.is_some());
    assert_eq!(reason(&s, Key::Program), Some(Msg::ReasonRequired));
    // Picks narrow as typed, diacritics ignored.
    typed(&mut s, "CCHC");
    assert_eq!(reason(&s, Key::Program), None);
    s.update(Action::NextField);
    typed(&mut s, "dan van");
    let cat = s.form.as_ref().unwrap().field(Key::Category).unwrap();
    assert_eq!(
        cat.picker().unwrap().chosen_opt().unwrap().code,
        "mass_mobilization"
    );
    s.update(Action::NextField);
    typed(&mut s, "Tổ chức hội nghị dân vận khéo");
    s.update(Action::NextField);
    typed(&mut s, "zzzz-no-such");
    assert_eq!(reason(&s, Key::Lead), Some(Msg::ReasonNoMatch));
    s.update(Action::ClearField);
    let lead = s.store().agencies().unwrap()[0].code.clone();
    typed(&mut s, &lead);
    assert_eq!(reason(&s, Key::Lead), None);
    // Roadmap (the default) needs a deadline.
    assert_eq!(reason(&s, Key::Deadline), Some(Msg::ReasonRoadmapDeadline));
    focus(&mut s, Key::Deadline);
    typed(&mut s, "30/9/2026");
    s.update(Action::Submit);
    assert!(s.form.is_none(), "{:?}", s.form.as_ref().map(|f| &f.error));
    assert_eq!(s.tasks.total, total + 1);

    s.update(Action::SwitchView(View::Agencies));
    s.update(Action::New);
    assert!(matches!(s.form.as_ref().unwrap().kind, FormKind::NewAgency));
    typed(&mut s, &lead);
    assert_eq!(reason(&s, Key::Code), Some(Msg::ReasonCodeTaken));
    s.update(Action::ClearField);
    typed(&mut s, "A B");
    assert_eq!(reason(&s, Key::Code), Some(Msg::ReasonBadCode));
    s.update(Action::ClearField);
    typed(&mut s, "BDVMOI");
    s.update(Action::NextField);
    typed(&mut s, "Ban Dân vận mới");
    s.update(Action::Submit);
    assert!(s.form.is_none());
    assert_eq!(s.store().agency("BDVMOI").unwrap().name, "Ban Dân vận mới");

    s.update(Action::SwitchView(View::Programs));
    s.update(Action::New);
    typed(&mut s, "CT-MOI");
    s.update(Action::NextField);
    typed(&mut s, "Chương trình mới");
    focus(&mut s, Key::Ends);
    s.update(Action::ClearField);
    typed(&mut s, "01/01/2020");
    assert_eq!(reason(&s, Key::Ends), Some(Msg::ReasonEndsBeforeStarts));
    s.update(Action::ClearField);
    typed(&mut s, "31/12/2030");
    s.update(Action::Submit);
    assert!(s.form.is_none());
    assert_eq!(
        s.store().program("CT-MOI").unwrap().title,
        "Chương trình mới"
    );
}

/// Issue #21: coordinating agencies are chosen with the same fuzzy picker as the lead
/// (names, diacritics ignored), several at a time, and shown by name; before, the form
/// had a text field of codes, "Phối hợp (mã)".
#[test]
fn coordinating_agencies_are_picked_by_name_several_at_a_time() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(dir.path());
    let mut s = open(&path, false);
    on_tasks(&mut s);
    s.update(Action::New);
    typed(&mut s, "CCHC");
    s.update(Action::NextField);
    typed(&mut s, "dan van");
    s.update(Action::NextField);
    typed(&mut s, "Sơ kết công tác dân vận chính quyền");
    s.update(Action::NextField);
    typed(&mut s, "to chuc tinh uy");
    s.update(Action::NextField);
    assert_eq!(s.form.as_ref().unwrap().focused().unwrap().key, Key::With);
    // By name, without diacritics: the first match is highlighted, Enter adds it and
    // empties the text for the next one.
    typed(&mut s, "tuyen giao dan van");
    s.update(Action::FormEnter);
    assert!(s.form.is_some());
    assert_eq!(with_of(&s), ["BTGDVTU"]);
    assert_eq!(s.form.as_ref().unwrap().focused().unwrap().value, "");
    typed(&mut s, "hoi nong dan");
    s.update(Action::FormEnter);
    typed(&mut s, "mat tran");
    // ↓ moves among the matches of what is typed.
    let first = s
        .form
        .as_ref()
        .unwrap()
        .field(Key::With)
        .unwrap()
        .multi()
        .unwrap()
        .picker
        .chosen;
    s.update(Action::Down);
    let second = s
        .form
        .as_ref()
        .unwrap()
        .field(Key::With)
        .unwrap()
        .multi()
        .unwrap()
        .picker
        .chosen;
    assert_ne!(first, second);
    assert_eq!(s.form.as_ref().unwrap().focused().unwrap().key, Key::With);
    s.update(Action::FormEnter);
    assert_eq!(with_of(&s).len(), 3);
    // Backspace on an empty text takes the last one off.
    s.update(Action::Erase);
    assert_eq!(with_of(&s), ["BTGDVTU", "HND"]);
    // Shown by name, not by code, with how to add more.
    let screen = render(&s);
    assert!(
        screen.contains("✓ Ban Tuyên giáo và Dân vận Tỉnh ủy"),
        "{screen}"
    );
    assert!(screen.contains("✓ Hội Nông dân tỉnh"), "{screen}");
    assert!(screen.contains("Enter thêm"), "{screen}");
    assert!(!screen.contains("(mã)"), "{screen}");
    // The lead cannot also coordinate.
    typed(&mut s, "to chuc tinh uy");
    s.update(Action::FormEnter);
    assert_eq!(reason(&s, Key::With), Some(Msg::ReasonLeadInWith));
    s.update(Action::Erase);
    assert_eq!(reason(&s, Key::With), None);
    // Unfocused, the field reads as the names.
    s.update(Action::NextField);
    let screen = render(&s);
    assert!(
        screen.contains("Ban Tuyên giáo và Dân vận Tỉnh ủy; Hội Nông dân tỉnh"),
        "{screen}"
    );
    focus(&mut s, Key::Deadline);
    typed(&mut s, "30/9/2026");
    s.update(Action::Submit);
    assert!(s.form.is_none(), "{:?}", s.form.as_ref().map(|f| &f.error));
    let id = s.tasks.selected().unwrap().id;
    let t = s.store().task(id).unwrap();
    assert_eq!(t.title, "Sơ kết công tác dân vận chính quyền");
    assert_eq!(t.lead, "BTCTU");
    assert_eq!(t.with, ["BTGDVTU", "HND"]);
}

#[test]
fn delete_names_the_record_and_asks_first() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(dir.path());
    let mut s = open(&path, false);
    let id = on_tasks(&mut s);
    let title = s.tasks.selected().unwrap().title.clone();
    s.update(Action::Delete);
    match &s.dialog {
        Some(Dialog::Confirm(phoihop::tui::state::DeleteTarget::Task {
            id: i, title: t, ..
        })) => {
            assert_eq!((*i, t.as_str()), (id, title.as_str()))
        }
        other => panic!("{other:?}"),
    }
    s.update(Action::Confirm);
    assert!(s.store().task(id).is_err());
    assert_eq!(
        s.notice,
        Some(Notice::Done(Msg::DeletedTask, id.to_string()))
    );
    assert_ne!(s.tasks.selected().unwrap().id, id);
}

#[test]
fn a_stale_save_opens_the_conflict_dialog_then_reload_or_overwrite() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(dir.path());
    let mut s = open(&path, false);
    let id = on_tasks(&mut s);
    let mut other = Store::open(&path, false).unwrap();
    let upd = |p: i64| phoihop::domain::ProgressUpdate {
        progress: Some(phoihop::domain::Progress::new(p).unwrap()),
        status: None,
        note: None,
        on: common::today(),
    };
    // Reload: theirs stays.
    s.update(Action::UpdateProgress);
    other.update_progress(id, None, upd(30)).unwrap();
    s.update(Action::ClearField);
    typed(&mut s, "80");
    s.update(Action::Submit);
    let Some(Dialog::Conflict(c)) = &s.dialog else {
        panic!("no conflict dialog: {:?}", s.notice)
    };
    assert_eq!(c.theirs.progress.get(), 30);
    assert_eq!(c.by.as_ref().unwrap().actor, os_login());
    // Esc goes back to the form, still stale; saving again asks again.
    s.update(Action::Cancel);
    assert!(s.form.is_some() && s.dialog.is_none());
    s.update(Action::Submit);
    assert!(matches!(s.dialog, Some(Dialog::Conflict(_))));
    s.update(Action::TakeTheirs);
    assert!(s.dialog.is_none() && s.form.is_none());
    assert_eq!(s.store().task(id).unwrap().progress.get(), 30);
    assert_eq!(s.tasks.selected().unwrap().progress.get(), 30);
    // Overwrite: mine is written and recorded as an overwrite.
    s.update(Action::UpdateProgress);
    other.update_progress(id, None, upd(45)).unwrap();
    s.update(Action::ClearField);
    typed(&mut s, "90");
    s.update(Action::Submit);
    assert!(matches!(s.dialog, Some(Dialog::Conflict(_))));
    s.update(Action::Overwrite);
    assert!(s.dialog.is_none());
    assert_eq!(s.store().task(id).unwrap().progress.get(), 90);
    let c = &s.store().recent_changes(1).unwrap()[0];
    assert_eq!(c.action, "overwrite_update");
    let p = c.fields.iter().find(|f| f.field == "progress").unwrap();
    assert_eq!(
        (p.before.as_deref(), p.after.as_deref()),
        (Some("45"), Some("90"))
    );
}

#[test]
fn read_only_and_supervisors_are_told_why() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(dir.path());
    let mut ro = open(&path, true);
    on_tasks(&mut ro);
    for a in [
        Action::UpdateProgress,
        Action::Edit,
        Action::New,
        Action::Delete,
        Action::Urge,
    ] {
        ro.update(a.clone());
        assert_eq!(denied(&ro), Some(Msg::DenyReadOnly), "{a:?}");
        assert!(ro.form.is_none() && ro.dialog.is_none());
    }
    let mut admin = Store::open(&path, false).unwrap();
    admin.grant(&os_login(), Role::Supervisor, None).unwrap();
    let mut s = open(&path, false);
    let id = on_tasks(&mut s);
    let v = s.store().task(id).unwrap().version;
    for a in [
        Action::UpdateProgress,
        Action::Edit,
        Action::Delete,
        Action::New,
    ] {
        s.update(a.clone());
        assert_eq!(denied(&s), Some(Msg::DenySupervisor), "{a:?}");
        assert!(s.form.is_none());
    }
    s.update(Action::SwitchView(View::Agencies));
    s.update(Action::New);
    assert_eq!(denied(&s), Some(Msg::DenyAdminOnly));
    // Supervisors may urge.
    s.update(Action::SwitchView(View::Tasks));
    s.update(Action::Urge);
    assert!(matches!(s.form.as_ref().unwrap().kind, FormKind::Urge(_)));
    typed(&mut s, "Khẩn trương hoàn thành");
    s.update(Action::Submit);
    assert_eq!(s.notice, Some(Notice::Done(Msg::UrgedTask, id.to_string())));
    assert_eq!(s.store().task(id).unwrap().version, v);
    assert_eq!(s.who.as_ref().unwrap().role, Role::Supervisor);
}

#[test]
fn operators_may_change_only_their_agencys_tasks() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(dir.path());
    let mut s = open(&path, false);
    let first = on_tasks(&mut s);
    let mine = s.store().task(first).unwrap().lead;
    let mut admin = Store::open(&path, false).unwrap();
    admin
        .grant(&os_login(), Role::Operator, Some(&mine))
        .unwrap();
    let mut s = open(&path, false);
    on_tasks(&mut s);
    assert_eq!(s.operator_agency().as_deref(), Some(mine.as_str()));
    // Walk down to a task of another agency.
    let mut other = None;
    for _ in 0..s.tasks.total {
        let t = s.tasks.selected().unwrap().clone();
        if t.lead != mine && !t.with.contains(&mine) {
            other = Some(t);
            break;
        }
        s.update(Action::Down);
    }
    let other = other.expect("a task of another agency");
    assert!(!s.may_write(&other));
    s.update(Action::UpdateProgress);
    assert_eq!(denied(&s), Some(Msg::DenyNotYours));
    s.update(Action::Top);
    assert!(s.may_write(s.tasks.selected().unwrap()));
    s.update(Action::UpdateProgress);
    assert!(s.form.is_some());
    s.update(Action::Cancel);
    s.update(Action::SwitchView(View::Programs));
    s.update(Action::Delete);
    assert_eq!(denied(&s), Some(Msg::DenyAdminOnly));
}

/// Polls like the event loop's tick: a changed data_version raises DataChanged.
fn poll(s: &mut AppState, seen: &mut i64) -> bool {
    let now = s.data_version().unwrap();
    if now != *seen {
        *seen = now;
        s.update(Action::DataChanged);
        true
    } else {
        false
    }
}

#[test]
fn a_change_in_one_state_shows_in_the_other_with_the_cursor_kept() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(dir.path());
    let mut a = open(&path, false);
    let mut b = open(&path, false);
    on_tasks(&mut a);
    on_tasks(&mut b);
    // B sorted by progress, descending, with the cursor on its fifth row.
    while b.tasks.sort_col() != phoihop::tui::state::columns::TaskCol::Progress {
        b.update(Action::SortNext);
    }
    b.update(Action::SortReverse);
    for _ in 0..4 {
        b.update(Action::Down);
    }
    let watched = b.tasks.selected().unwrap().id;
    let pos = b.tasks.cursor.selected;
    let mut seen = b.data_version().unwrap();
    assert!(!poll(&mut b, &mut seen), "nothing changed yet");
    // A raises a task from below the cursor to 100%: it moves above the watched row.
    a.update(Action::Bottom);
    let moved = a.tasks.selected().unwrap().id;
    a.update(Action::UpdateProgress);
    a.update(Action::ClearField);
    typed(&mut a, "100");
    a.update(Action::Submit);
    assert_eq!(a.store().task(moved).unwrap().progress.get(), 100);
    assert!(
        poll(&mut b, &mut seen),
        "B sees the commit on its next poll"
    );
    assert_eq!(
        b.tasks.selected().unwrap().id,
        watched,
        "cursor on the same id"
    );
    assert_eq!(
        b.tasks.cursor.selected,
        pos + 1,
        "the row moved down by one"
    );
    // The activity view of B lists the change live.
    b.update(Action::SwitchView(View::Activity));
    let top = &b.activity.rows[0].change;
    assert_eq!(top.key, moved.to_string());
    a.update(Action::Urge);
    typed(&mut a, "Báo cáo ngay");
    a.update(Action::Submit);
    assert!(poll(&mut b, &mut seen));
    assert_eq!(b.activity.rows[0].change.action, "urge");
    assert_eq!(b.activity.cursor.selected, 1, "kept on the same change");
}

#[test]
fn an_operator_sees_urges_for_their_agency_in_the_inbox() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(dir.path());
    let mut s = open(&path, false);
    let id = on_tasks(&mut s);
    let lead = s.store().task(id).unwrap().lead;
    let mut admin = Store::open(&path, false).unwrap();
    admin
        .grant(&os_login(), Role::Operator, Some(&lead))
        .unwrap();
    let mut op = open(&path, false);
    let mut seen = op.data_version().unwrap();
    let before = op.inbox.items.len();
    assert_eq!(op.inbox.unseen(), 0);
    // Anyone may urge; the operator's inbox shows it on the next poll.
    let mut sender = Store::open(&path, false).unwrap();
    sender
        .urge_task(id, "Đề nghị khẩn trương", common::today())
        .unwrap();
    assert!(poll(&mut op, &mut seen));
    assert_eq!(op.inbox.items.len(), before + 1);
    assert_eq!(op.inbox.unseen(), 1);
    assert_eq!(op.inbox.items[0].urge.message, "Đề nghị khẩn trương");
    op.update(Action::Inbox);
    assert!(matches!(op.stack.last(), Some(Layer::Inbox)));
    assert_eq!(op.inbox.unseen(), 0);
    op.update(Action::Open);
    match op.stack.last() {
        Some(Layer::Detail(d)) => assert_eq!(d.task.id, id),
        _ => panic!("inbox Enter opens the task"),
    }
}
