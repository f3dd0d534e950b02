//! `AppState::update` with the job runner and undo, on temp-file databases: `z` undoes
//! this session's updates, edits and deletes newest first (through the store, recorded
//! in the audit), refuses when the task changed elsewhere; a save on the runner leaves
//! the screen answering, offers a retry when another connection holds the write lock
//! (the form's input kept) and saves once it is released; stale results are dropped.
//! The TUI's start (`AppState::unloaded` + `start_first_load`): the first reads run on the
//! read lane while the keys that need no data work, a view switched to meanwhile is read
//! there too, an operator's home comes with the session, a read for other dates or
//! another sort is read again, a table shown is read again there after a change (its
//! cursor kept), and a failed first read ends the TUI with its error.

mod common;

use std::sync::mpsc::{self, Receiver};
use std::time::{Duration, Instant};

use phoihop::domain::{Progress, ProgressUpdate, Status};
use phoihop::store::Store;
use phoihop::tui::action::{Action, View};
use phoihop::tui::event::Event;
use phoihop::tui::i18n::{Lang, Msg};
use phoihop::tui::keymap::Mode;
use phoihop::tui::state::form::Key;
use phoihop::tui::state::{AppState, Dialog, Notice};

fn open(path: &std::path::Path) -> AppState {
    let store = Store::open(path, false).unwrap();
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

/// On the Tasks view, the cursor on the first task not done; its id.
fn open_task(s: &mut AppState) -> i64 {
    s.update(Action::SwitchView(View::Tasks));
    while s.tasks.selected().unwrap().status == Status::Done {
        s.update(Action::Down);
    }
    s.tasks.selected().unwrap().id
}

/// `p`, a new percentage and a note, then save.
fn progress(s: &mut AppState, pct: i64, note: &str) {
    s.update(Action::UpdateProgress);
    s.update(Action::ClearField);
    typed(s, &pct.to_string());
    focus(s, Key::Note);
    typed(s, note);
    s.update(Action::Submit);
}

fn other_pct(t: &phoihop::domain::Task, a: i64) -> i64 {
    if i64::from(t.progress.get()) == a {
        a + 1
    } else {
        a
    }
}

#[test]
fn z_undoes_updates_newest_first_through_the_store_and_the_audit() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(dir.path());
    let mut s = open(&path);
    let id = open_task(&mut s);
    let original = s.store().task(id).unwrap();
    assert!(!s.can_undo());
    let (p1, p2) = (other_pct(&original, 40), other_pct(&original, 60));
    progress(&mut s, p1, "lần một");
    progress(&mut s, p2, "lần hai");
    assert_eq!(i64::from(s.store().task(id).unwrap().progress.get()), p2);
    assert_eq!(s.undo_list().len(), 2);
    // The hint bar offers z now.
    assert!(s.here().undo);
    s.update(Action::Undo);
    let t = s.store().task(id).unwrap();
    assert_eq!(i64::from(t.progress.get()), p1);
    match &s.notice {
        Some(Notice::Done(Msg::UndoneUpdate, what)) => {
            assert!(
                what.starts_with(&id.to_string()) && what.contains(&t.title),
                "{what}"
            )
        }
        other => panic!("{other:?}"),
    }
    let c = &s.store().recent_changes(1).unwrap()[0];
    assert_eq!(
        (c.action.as_str(), c.key.as_str()),
        ("undo", id.to_string().as_str())
    );
    assert!(
        c.note.as_deref().unwrap_or("").contains("Hoàn tác"),
        "{c:?}"
    );
    // The older update undoes from the version the first undo left.
    s.update(Action::Undo);
    let back = s.store().task(id).unwrap();
    assert_eq!(back.progress, original.progress);
    assert_eq!(back.status, original.status);
    assert_eq!(back.version, original.version + 4);
    s.update(Action::Undo);
    assert_eq!(s.notice, Some(Notice::Info(Msg::NothingToUndo)));
    assert_eq!(s.store().task(id).unwrap().version, original.version + 4);
}

#[test]
fn z_after_a_change_elsewhere_says_so_and_overwrites_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(dir.path());
    let mut s = open(&path);
    let id = open_task(&mut s);
    let original = s.store().task(id).unwrap();
    progress(&mut s, other_pct(&original, 45), "của tôi");
    let mine = s.store().task(id).unwrap();
    let mut other = Store::open(&path, false).unwrap();
    let theirs = other
        .update_progress(
            id,
            Some(mine.version),
            ProgressUpdate {
                progress: Some(Progress::new(other_pct(&mine, 70)).unwrap()),
                status: None,
                note: Some("nơi khác".into()),
                on: common::today(),
            },
        )
        .unwrap();
    s.update(Action::Undo);
    assert_eq!(
        s.notice,
        Some(Notice::Done(
            Msg::UndoConflict,
            format!("{id} «{}»", mine.title)
        ))
    );
    assert_eq!(s.store().task(id).unwrap(), theirs);
    assert!(!s.can_undo(), "a refused undo is not offered again");
}

#[test]
fn z_brings_back_a_deleted_task_as_a_restore() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(dir.path());
    let mut s = open(&path);
    let id = open_task(&mut s);
    let title = s.tasks.selected().unwrap().title.clone();
    s.update(Action::Delete);
    s.update(Action::Confirm);
    assert!(s.store().task(id).is_err());
    s.update(Action::Undo);
    assert_eq!(s.store().task(id).unwrap().title, title);
    assert_eq!(
        s.notice,
        Some(Notice::Done(Msg::UndoneDelete, format!("{id} «{title}»")))
    );
    let c = &s.store().recent_changes(1).unwrap()[0];
    assert_eq!(c.action, "restore");
    // The table shows it again.
    assert!(s.tasks.rows.iter().any(|t| t.id == id) || s.tasks.total > 0);
}

/// Feeds the loop's events into `update()` until the runner's job is applied.
fn run_jobs(s: &mut AppState, rx: &Receiver<Event>, until: impl Fn(&AppState) -> bool) {
    let start = Instant::now();
    while !until(s) {
        assert!(start.elapsed() < Duration::from_secs(30), "no result");
        match rx.recv_timeout(Duration::from_millis(100)) {
            Ok(Event::Job(d)) => {
                s.update(Action::Job(d));
            }
            Ok(Event::Background) => {
                s.update(Action::Background);
            }
            Ok(_) | Err(_) => {}
        }
    }
}

#[test]
fn a_save_under_a_held_lock_keeps_answering_then_offers_a_retry_and_keeps_the_input() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(dir.path());
    let mut s = open(&path);
    let (tx, rx) = mpsc::channel();
    s.set_notifier(tx);
    let id = open_task(&mut s);
    let original = s.store().task(id).unwrap();
    let pct = other_pct(&original, 33);
    // Another connection holds the write lock.
    let lock = rusqlite::Connection::open(&path).unwrap();
    lock.execute_batch("BEGIN IMMEDIATE").unwrap();
    let t = Instant::now();
    progress(&mut s, pct, "giữ khóa");
    assert!(
        t.elapsed() < Duration::from_millis(500),
        "{:?}",
        t.elapsed()
    );
    assert!(s.saving(), "the write runs off the key loop");
    assert!(s.form.is_none());
    // The screen answers while it saves.
    let before = s.tasks.cursor.selected;
    assert!(s.update(Action::Down));
    assert_ne!(s.tasks.cursor.selected, before);
    // Another write waits for this one.
    s.update(Action::UpdateProgress);
    assert_eq!(s.notice, Some(Notice::Info(Msg::StillSaving)));
    // The write gives up after a few seconds and offers to retry.
    run_jobs(&mut s, &rx, |s| !s.saving());
    assert!(matches!(s.dialog, Some(Dialog::Busy(_))), "{:?}", s.dialog);
    assert_eq!(s.mode(), Mode::Busy);
    assert_eq!(s.store().task(id).unwrap().version, original.version);
    // Esc goes back to the form, every character kept.
    s.update(Action::Cancel);
    let form = s.form.as_ref().expect("the form is back");
    assert_eq!(
        form.field(Key::Note).unwrap().lines().join("\n"),
        "giữ khóa"
    );
    assert_eq!(
        form.field(Key::Progress).unwrap().lines().join("\n"),
        pct.to_string()
    );
    // Retried after the lock is released: it saves.
    s.update(Action::Submit);
    assert!(s.saving());
    lock.execute_batch("ROLLBACK").unwrap();
    run_jobs(&mut s, &rx, |s| !s.saving());
    assert_eq!(
        s.notice,
        Some(Notice::Done(Msg::UpdatedTask, id.to_string()))
    );
    let after = s.store().task(id).unwrap();
    assert_eq!(i64::from(after.progress.get()), pct);
    let c = &s.store().recent_changes(1).unwrap()[0];
    assert_eq!(c.note.as_deref(), Some("giữ khóa"));
    // z runs on the runner too.
    s.update(Action::Undo);
    assert!(s.saving());
    run_jobs(&mut s, &rx, |s| !s.saving());
    assert_eq!(s.store().task(id).unwrap().progress, original.progress);
}

#[test]
fn the_dashboard_is_read_again_off_the_key_loop_and_a_result_for_other_filters_is_dropped() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(dir.path());
    let mut s = open(&path);
    let (tx, rx) = mpsc::channel();
    s.set_notifier(tx);
    let done = |s: &AppState| {
        let t = &s.dashboard.summary.as_ref().unwrap().totals;
        t.done_on_time + t.done_late
    };
    let done_before = done(&s);
    // Another session finishes a task that is not done.
    let mut other = Store::open(&path, false).unwrap();
    let t = other
        .tasks(&Default::default(), Default::default(), false, 0, 500)
        .unwrap()
        .into_iter()
        .find(|t| t.status != Status::Done)
        .unwrap();
    other
        .update_progress(
            t.id,
            Some(t.version),
            ProgressUpdate {
                progress: Some(Progress::new(100).unwrap()),
                status: Some(Status::Done),
                note: None,
                on: common::today(),
            },
        )
        .unwrap();
    s.update(Action::DataChanged);
    // Not read in place: the old numbers stay until the job's come.
    assert_eq!(done(&s), done_before);
    run_jobs(&mut s, &rx, |s| done(s) != done_before);
    assert_eq!(done(&s), done_before + 1);
}

/// A state over `path` with nothing read, its first reads started on the runner (as the
/// TUI starts).
fn start_unloaded(path: &std::path::Path) -> (AppState, Receiver<Event>) {
    let store = Store::open(path, false).unwrap();
    let mut s = AppState::unloaded(
        store,
        Lang::Vi,
        common::today(),
        common::today(),
        None,
        (120, 40),
    )
    .unwrap();
    let (tx, rx) = mpsc::channel();
    s.set_notifier(tx);
    s.start_first_load().unwrap();
    (s, rx)
}

#[test]
fn the_first_load_runs_on_the_read_lane_while_the_keys_that_need_no_data_work() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(dir.path());
    let (mut s, rx) = start_unloaded(&path);
    // Nothing was read in place: the screen waits for the lane.
    assert!(!s.dashboard.loaded);
    assert!(s.reading_first());
    assert_eq!(s.mode(), Mode::Loading);
    // A key that needs data says the data is being read, and opens nothing.
    s.update(Action::UpdateProgress);
    assert_eq!(s.notice, Some(Notice::Info(Msg::StillReading)));
    assert!(s.form.is_none());
    // Help opens and closes.
    s.update(Action::ToggleHelp);
    assert_eq!(s.mode(), Mode::Help);
    s.update(Action::ToggleHelp);
    // A view switched to before its first read is read on the lane too: the agencies'
    // numbers wait for the dashboard's summary.
    s.update(Action::SwitchView(View::Agencies));
    assert_eq!(s.view, View::Agencies);
    assert!(s.first_read_of(View::Agencies));
    assert!(!s.agencies.loaded);
    run_jobs(&mut s, &rx, |s| s.agencies.loaded);
    assert!(s.dashboard.loaded, "read first, for the agencies' numbers");
    assert!(!s.reading_first());
    assert_eq!(s.mode(), Mode::Table);
    assert!(s.who.is_some(), "the session came too");
    // The same rows and numbers as a start that reads in place.
    let mut sync = open(&path);
    sync.update(Action::SwitchView(View::Agencies));
    let rows = |s: &AppState| {
        s.agencies
            .rows
            .iter()
            .map(|r| (r.agency.code.clone(), r.counts.tasks, r.counts.overdue))
            .collect::<Vec<_>>()
    };
    assert!(!rows(&s).is_empty());
    assert_eq!(rows(&s), rows(&sync));
    assert_eq!(
        s.dashboard.summary.as_ref().unwrap().totals,
        sync.dashboard.summary.as_ref().unwrap().totals
    );
    // The tasks view too.
    s.update(Action::SwitchView(View::Tasks));
    assert!(s.first_read_of(View::Tasks));
    assert_eq!(s.mode(), Mode::Loading);
    run_jobs(&mut s, &rx, |s| s.tasks.loaded);
    sync.update(Action::SwitchView(View::Tasks));
    assert_eq!(s.tasks.total, sync.tasks.total);
    assert_eq!(
        s.tasks.selected().map(|t| t.id),
        sync.tasks.selected().map(|t| t.id)
    );
    // Now the keys work as ever.
    s.update(Action::UpdateProgress);
    assert!(s.form.is_some() || s.notice != Some(Notice::Info(Msg::StillReading)));
}

#[test]
fn a_view_read_for_other_dates_is_read_again_for_these() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(dir.path());
    let (mut s, rx) = start_unloaded(&path);
    run_jobs(&mut s, &rx, |s| s.dashboard.loaded && !s.reading_first());
    s.update(Action::SwitchView(View::Programs));
    assert!(s.first_read_of(View::Programs));
    // The date moves on while it is read (the clock passed midnight).
    let next = common::today() + chrono::Duration::days(365);
    s.update(Action::DateChanged(next));
    run_jobs(&mut s, &rx, |s| s.programs.loaded);
    let mut sync = open(&path);
    sync.update(Action::DateChanged(next));
    sync.update(Action::SwitchView(View::Programs));
    let rows = |s: &AppState| {
        s.programs
            .rows
            .iter()
            .map(|r| (r.program.code.clone(), r.counts))
            .collect::<Vec<_>>()
    };
    assert_eq!(rows(&s), rows(&sync));
    assert_eq!(s.as_of, next);
}

#[test]
fn a_failed_first_read_ends_the_tui_with_the_error_in_the_users_language() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(dir.path());
    let store = Store::open(&path, false).unwrap();
    let mut s = AppState::unloaded(
        store,
        Lang::Vi,
        common::today(),
        common::today(),
        None,
        (120, 40),
    )
    .unwrap();
    let (tx, rx) = mpsc::channel();
    s.set_notifier(tx);
    // The file goes away after the key loop opened it: the read lane cannot open it.
    for ext in ["", "-wal", "-shm"] {
        let mut p = path.clone().into_os_string();
        p.push(ext);
        let _ = std::fs::remove_file(p);
    }
    s.start_first_load().unwrap();
    run_jobs(&mut s, &rx, |s| s.quit);
    let e = s.take_fatal().expect("the error that ended it");
    let vi = e.render(Lang::Vi);
    assert!(vi.contains("không tồn tại"), "{vi}");
    assert!(e.render(Lang::En).contains("does not exist"));
    assert!(s.take_fatal().is_none(), "taken once");
}

#[test]
fn a_shown_table_is_read_again_off_the_key_loop_after_a_change_its_cursor_kept() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(dir.path());
    let (mut s, rx) = start_unloaded(&path);
    s.update(Action::SwitchView(View::Tasks));
    run_jobs(&mut s, &rx, |s| s.tasks.loaded && !s.reading_first());
    for _ in 0..3 {
        s.update(Action::Down);
    }
    let id = s.tasks.selected().unwrap().id;
    // Another session changes a task not done.
    let mut other = Store::open(&path, false).unwrap();
    let t = other
        .tasks(&Default::default(), Default::default(), false, 0, 500)
        .unwrap()
        .into_iter()
        .find(|t| t.status != Status::Done && t.id != id)
        .unwrap();
    let pct = other_pct(&t, 61);
    other
        .update_progress(
            t.id,
            Some(t.version),
            ProgressUpdate {
                progress: Some(Progress::new(pct).unwrap()),
                status: None,
                note: None,
                on: common::today(),
            },
        )
        .unwrap();
    let shown = |s: &AppState| {
        s.tasks
            .rows
            .iter()
            .find(|r| r.id == t.id)
            .map(|r| i64::from(r.progress.get()))
    };
    let before = shown(&s);
    s.update(Action::DataChanged);
    // Not read in place: the old rows stay until the lane's come.
    assert!(s.reading(View::Tasks));
    assert_eq!(shown(&s), before);
    // The user moves meanwhile; the cursor stays where they put it.
    s.update(Action::Down);
    let moved_to = s.tasks.selected().unwrap().id;
    run_jobs(&mut s, &rx, |s| !s.reading(View::Tasks));
    assert_eq!(shown(&s), Some(pct));
    assert_eq!(s.tasks.selected().unwrap().id, moved_to);
}

#[test]
fn an_operators_home_comes_with_the_session_read_on_the_lane() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(dir.path());
    let mut admin = Store::open(&path, false).unwrap();
    admin
        .grant(
            &phoihop::store::os_login(),
            phoihop::domain::Role::Operator,
            Some("BTGDVTU"),
        )
        .unwrap();
    drop(admin);
    let (mut s, rx) = start_unloaded(&path);
    assert!(s.stack.is_empty(), "nothing read yet");
    assert!(s.who.is_none());
    run_jobs(&mut s, &rx, |s| !s.reading_first() && s.dashboard.loaded);
    let Some(phoihop::tui::state::Layer::Mine(w)) = s.stack.last() else {
        panic!("the home over the dashboard: {:?}", s.stack.len());
    };
    assert_eq!(w.agency.0, "BTGDVTU");
    // The same home as a start that reads in place.
    let sync = open(&path);
    let Some(phoihop::tui::state::Layer::Mine(v)) = sync.stack.last() else {
        panic!("the home in place");
    };
    let ids =
        |w: &phoihop::tui::state::MyWork| w.rows.iter().map(|r| r.task.id).collect::<Vec<_>>();
    assert!(!w.rows.is_empty());
    assert_eq!(ids(w), ids(v));
    assert_eq!(s.operator_agency().as_deref(), Some("BTGDVTU"));
    assert_eq!(s.inbox.agency.as_deref(), Some("BTGDVTU"));
}

#[test]
fn a_table_read_again_for_another_sort_is_dropped_and_read_for_this_one() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(dir.path());
    let (mut s, rx) = start_unloaded(&path);
    s.update(Action::SwitchView(View::Tasks));
    run_jobs(&mut s, &rx, |s| s.tasks.loaded && !s.reading_first());
    // A change elsewhere: the table is read again on the lane…
    let mut other = Store::open(&path, false).unwrap();
    let t = other
        .tasks(&Default::default(), Default::default(), false, 0, 500)
        .unwrap()
        .into_iter()
        .find(|t| t.status != Status::Done)
        .unwrap();
    other
        .update_progress(
            t.id,
            Some(t.version),
            ProgressUpdate {
                progress: Some(Progress::new(other_pct(&t, 62)).unwrap()),
                status: None,
                note: None,
                on: common::today(),
            },
        )
        .unwrap();
    s.update(Action::DataChanged);
    assert!(s.reading(View::Tasks));
    // …and sorted meanwhile: the read made for the old order is not shown.
    s.update(Action::SortNext);
    let sort = s.tasks.sort;
    run_jobs(&mut s, &rx, |s| !s.reading(View::Tasks));
    assert_eq!(s.tasks.sort, sort);
    let mut sync = open(&path);
    sync.update(Action::SwitchView(View::Tasks));
    sync.update(Action::SortNext);
    let ids = |s: &AppState| s.tasks.rows.iter().map(|t| t.id).collect::<Vec<_>>();
    assert_eq!(ids(&s), ids(&sync));
    assert!(!s.stale.view(View::Tasks));
}

/// The Trends view's series is read on the read lane: the view shows a loading line (no
/// series) until the job's result is applied; a result made for another as-of date is
/// dropped and the series read again for the date in force; after a commit elsewhere the
/// old series stays shown until the new one comes, whose last point is the dashboard's.
#[test]
fn the_trends_series_is_read_off_the_key_loop_and_a_stale_result_is_dropped() {
    use phoihop::tui::state::trends::TrendPoints;
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(dir.path());
    let mut s = open(&path);
    let (tx, rx) = mpsc::channel();
    s.set_notifier(tx);
    // At 120×40 the dashboard asks for its month series at once, off the key loop.
    assert!(s.trend_data(TrendPoints::Monthly).is_none());
    assert!(s.trends.loading(TrendPoints::Monthly));
    s.update(Action::SwitchView(View::Trends));
    assert_eq!(s.mode(), Mode::Trends);
    // A new as-of date while the read is in flight: its result is for the old key.
    s.update(Action::SetAsOf);
    typed(&mut s, "30/06/2019");
    s.update(Action::Submit);
    assert_eq!(s.as_of, common::d(2019, 6, 30));
    assert!(s.trend_data(TrendPoints::Monthly).is_none());
    run_jobs(&mut s, &rx, |s| {
        s.trend_data(TrendPoints::Monthly).is_some()
    });
    let d = s.trend_data(TrendPoints::Monthly).unwrap().clone();
    assert_eq!(d.key.1, common::d(2019, 6, 30));
    assert_eq!(*d.points.last().unwrap(), common::d(2019, 6, 30));
    let dash = s.store().summary(&s.scope, s.as_of, s.today).unwrap();
    assert_eq!(d.latest().unwrap().totals, dash.totals);

    // Back to today; another session finishes a task.
    s.update(Action::SetAsOf);
    s.update(Action::ClearField);
    s.update(Action::Submit);
    assert_eq!(s.as_of, common::today());
    run_jobs(&mut s, &rx, |s| {
        s.trend_data(TrendPoints::Monthly).is_some()
    });
    let before = s.trend_data(TrendPoints::Monthly).unwrap().clone();
    let mut other = Store::open(&path, false).unwrap();
    let t = other
        .tasks(&Default::default(), Default::default(), false, 0, 500)
        .unwrap()
        .into_iter()
        .find(|t| t.status != Status::Done)
        .unwrap();
    other
        .update_progress(
            t.id,
            Some(t.version),
            ProgressUpdate {
                progress: Some(Progress::new(100).unwrap()),
                status: Some(Status::Done),
                note: None,
                on: common::today(),
            },
        )
        .unwrap();
    s.update(Action::DataChanged);
    // Not read in place: the old series stays until the job's come.
    assert_eq!(s.trend_data(TrendPoints::Monthly), Some(&before));
    assert!(s.trends.loading(TrendPoints::Monthly));
    run_jobs(&mut s, &rx, |s| {
        s.trend_data(TrendPoints::Monthly)
            .is_some_and(|d| *d != before)
    });
    let after = s.trend_data(TrendPoints::Monthly).unwrap().clone();
    let done = |c: &phoihop::store::Counts| c.done_on_time + c.done_late;
    assert_eq!(
        done(&after.latest().unwrap().totals),
        done(&before.latest().unwrap().totals) + 1
    );
    let fresh = s.store().summary(&s.scope, s.as_of, s.today).unwrap();
    assert_eq!(after.latest().unwrap().totals, fresh.totals);
}

/// `x` with the runner: the file is written on the read lane, the prompt waits (its keys
/// ignored, "đang ghi…" shown) and closes with the notice once the job is applied; a
/// name already taken keeps the prompt open with the reason, for another name.
#[test]
fn x_writes_its_file_on_the_read_lane_and_the_prompt_waits_for_it() {
    let dir = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    let path = common::demo_db(dir.path());
    let mut s = open(&path);
    let (tx, rx) = mpsc::channel();
    s.set_notifier(tx);
    s.export_dir = out.path().to_path_buf();
    s.update(Action::SwitchView(View::Tasks));
    let total = s.tasks.total;
    s.update(Action::Export);
    let name = s.export.as_ref().unwrap().name.clone();
    s.update(Action::Submit);
    assert!(
        s.export.as_ref().is_some_and(|p| p.writing.is_some()),
        "submitted to the lane, not written in place: {:?}",
        s.notice
    );
    // Keys typed meanwhile change nothing.
    typed(&mut s, "abc");
    assert_eq!(s.export.as_ref().unwrap().name, name);
    assert_eq!(s.mode(), Mode::Export);
    run_jobs(&mut s, &rx, |s| s.export.is_none());
    assert!(
        matches!(&s.notice, Some(Notice::Done(Msg::Exported, n)) if *n == name),
        "{:?}",
        s.notice
    );
    let text = std::fs::read_to_string(out.path().join(&name)).unwrap();
    let rows = csv::Reader::from_reader(text.as_bytes()).records().count();
    assert_eq!(rows, total, "every row of the table");
    // The same name again: the file exists, the prompt stays for another.
    s.update(Action::Export);
    s.update(Action::Submit);
    run_jobs(&mut s, &rx, |s| {
        s.export.as_ref().is_some_and(|p| p.writing.is_none())
    });
    assert!(matches!(s.notice, Some(Notice::Error(_))), "{:?}", s.notice);
    assert_eq!(s.mode(), Mode::Export);
}
