//! End-to-end, the real binary in a pty: a paste with a line break into the progress
//! form's note is text (nothing saved, no delete dialog, both lines in the note); Alt-d
//! in a form does not cancel it; a delete prompt is not confirmed by Enter; a signal ends
//! the TUI with status 128 + its number after the terminal is restored.

mod common;
mod pty_support;

use std::time::Duration;

use phoihop::store::Store;
use pty_support::Session;

fn demo() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(dir.path());
    (dir, path)
}

fn audit_rows(db: &std::path::Path) -> usize {
    Store::open(db, true)
        .unwrap()
        .recent_changes(100_000)
        .unwrap()
        .len()
}

fn task_count(db: &std::path::Path) -> i64 {
    Store::open(db, true)
        .unwrap()
        .count_tasks(&Default::default())
        .unwrap()
}

/// Opens the Tasks view and the progress form on its first task, focused on the note.
fn note_focused(s: &mut Session) {
    s.send("3");
    s.wait_text("Sắp xếp: ");
    s.send("p");
    s.wait_text("Cập nhật tiến độ #");
    s.send("\t");
    std::thread::sleep(Duration::from_millis(150));
    s.send("\t");
    s.wait_for("the note focused", |t| {
        t.lines().any(|l| l.contains("▶") && l.contains("Ghi chú"))
    });
}

#[test]
fn a_paste_with_a_line_break_into_the_note_is_text() {
    let (_d, db) = demo();
    let audits = audit_rows(&db);
    let tasks = task_count(&db);
    let mut s = Session::start(&db, 80, 24, &["--lang", "vi"]);
    s.wait_text("Tổng quan");
    assert!(
        s.screen.lock().unwrap().screen().bracketed_paste(),
        "bracketed paste is on"
    );
    note_focused(&mut s);
    s.paste("Đã họp xong.\nĐã duyệt kế hoạch.");
    let screen = s.wait_text("Đã duyệt kế hoạch.");
    assert!(screen.contains("Đã họp xong."), "{screen}");
    let first = screen.lines().position(|l| l.contains("Đã họp xong."));
    let second = screen
        .lines()
        .position(|l| l.contains("Đã duyệt kế hoạch."));
    assert!(
        matches!((first, second), (Some(a), Some(b)) if b == a + 1),
        "two lines in the note:\n{screen}"
    );
    std::thread::sleep(Duration::from_millis(300));
    let screen = s.text();
    assert!(
        !screen.contains("Xóa nhiệm vụ"),
        "no delete dialog:\n{screen}"
    );
    assert!(
        screen.contains("Cập nhật tiến độ #"),
        "the form is open:\n{screen}"
    );
    assert_eq!(audit_rows(&db), audits, "nothing saved");
    assert_eq!(task_count(&db), tasks, "nothing deleted");
    // The form asks before the paste is thrown away.
    s.send("\x1b");
    s.wait_text("Bỏ các thay đổi?");
    s.send("y");
    s.wait_text("Đã hủy");
    s.send("q");
    s.wait_exit(Duration::from_secs(5));
    s.assert_restored();
    assert_eq!(audit_rows(&db), audits);
}

#[test]
fn alt_d_in_a_form_does_not_cancel_it() {
    let (_d, db) = demo();
    let audits = audit_rows(&db);
    let mut s = Session::start(&db, 80, 24, &["--lang", "vi"]);
    s.wait_text("Tổng quan");
    note_focused(&mut s);
    s.send("ghi chu dang go");
    s.wait_text("ghi chu dang go");
    s.send("\x1bd");
    std::thread::sleep(Duration::from_millis(300));
    let screen = s.text();
    assert!(
        screen.contains("Cập nhật tiến độ #"),
        "still in the form:\n{screen}"
    );
    assert!(
        screen.contains("ghi chu dang go"),
        "the note kept:\n{screen}"
    );
    assert!(
        !screen.contains("Xóa nhiệm vụ"),
        "no delete dialog:\n{screen}"
    );
    assert_eq!(audit_rows(&db), audits);
}

#[test]
fn enter_on_a_delete_prompt_keeps_the_task() {
    let (_d, db) = demo();
    let tasks = task_count(&db);
    let mut s = Session::start(&db, 80, 24, &["--lang", "vi"]);
    s.wait_text("Tổng quan");
    s.send("3");
    s.wait_text("Sắp xếp: ");
    s.send("d");
    let prompt = s.wait_text("Xóa nhiệm vụ #");
    assert!(prompt.contains("y: xóa"), "{prompt}");
    assert!(!prompt.contains("y/Enter"), "{prompt}");
    s.send("\r");
    s.wait_text("Đã hủy");
    std::thread::sleep(Duration::from_millis(200));
    assert_eq!(task_count(&db), tasks, "Enter deleted nothing");
}

#[test]
fn sigterm_exits_with_128_plus_15_after_restoring() {
    let (_d, db) = demo();
    let mut s = Session::start(&db, 100, 30, &["--lang", "en"]);
    s.wait_text("Dashboard");
    let pid = s.child.process_id().unwrap() as i32;
    nix::sys::signal::kill(
        nix::unistd::Pid::from_raw(pid),
        nix::sys::signal::Signal::SIGTERM,
    )
    .unwrap();
    let code = s.wait_code(Duration::from_secs(3));
    assert_eq!(code, 128 + 15);
    s.assert_restored();
}

#[test]
fn sighup_exits_with_128_plus_1() {
    let (_d, db) = demo();
    let mut s = Session::start(&db, 100, 30, &["--lang", "en"]);
    s.wait_text("Dashboard");
    let pid = s.child.process_id().unwrap() as i32;
    nix::sys::signal::kill(
        nix::unistd::Pid::from_raw(pid),
        nix::sys::signal::Signal::SIGHUP,
    )
    .unwrap();
    assert_eq!(s.wait_code(Duration::from_secs(3)), 128 + 1);
}

#[test]
fn sigint_as_a_signal_exits_with_128_plus_2_after_restoring() {
    let (_d, db) = demo();
    let mut s = Session::start(&db, 100, 30, &["--lang", "en"]);
    s.wait_text("Dashboard");
    let pid = s.child.process_id().unwrap() as i32;
    nix::sys::signal::kill(
        nix::unistd::Pid::from_raw(pid),
        nix::sys::signal::Signal::SIGINT,
    )
    .unwrap();
    assert_eq!(s.wait_code(Duration::from_secs(3)), 128 + 2);
    s.assert_restored();
}

/// Issue #21: the README's run command — the binary's `demo`, then the TUI — run twice in
/// a row opens the dashboard both times. The database is where `PHOIHOP_DB` says, in a
/// temp dir, as a user who set it would have it; before the fix the second `demo` said
/// "The database already holds data" and exited 2, so the `&&` never opened the TUI.
#[test]
fn the_readme_run_command_twice_opens_the_dashboard_both_times() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("phoihop.db");
    for round in 1..=2 {
        let demo = std::process::Command::new(env!("CARGO_BIN_EXE_phoihop"))
            .arg("demo")
            .env("PHOIHOP_DB", &db)
            .env("LANG", "C.UTF-8")
            .output()
            .unwrap();
        assert!(
            demo.status.success(),
            "round {round}: `demo` exited {:?}: {}",
            demo.status.code(),
            String::from_utf8_lossy(&demo.stderr)
        );
        let mut cmd = portable_pty::CommandBuilder::new(env!("CARGO_BIN_EXE_phoihop"));
        cmd.env("PHOIHOP_DB", &db);
        cmd.env("LANG", "C.UTF-8");
        cmd.arg("--lang");
        cmd.arg("en");
        let mut s = Session::start_cmd(cmd, 100, 30);
        let screen = s.wait_text("Dashboard");
        assert!(
            screen.contains("Tasks by work category"),
            "round {round}: {screen}"
        );
        s.send("q");
        assert_eq!(s.wait_code(Duration::from_secs(5)), 0, "round {round}");
    }
    // Both runs used the one database: the demo once, not twice.
    assert_eq!(task_count(&db), task_count(&common::demo_db(dir.path())));
}

/// Issue #21, through the real binary in a pty: the new-task form's coordinating agencies
/// are picked by name like the lead, several at a time, shown by name, and saved.
#[test]
fn coordinating_agencies_are_picked_by_name_in_the_new_task_form() {
    let (_d, db) = demo();
    let mut s = Session::start(&db, 120, 40, &["--lang", "vi"]);
    s.wait_text("Tổng quan");
    s.send("3");
    s.wait_text("Sắp xếp: ");
    s.send("n");
    s.wait_text("Phối hợp");
    // Program, category, title, lead: each typed, Tab to the next.
    for (text, shown) in [
        ("CCHC", "CCHC-2021-2030"),
        ("dan van", "Công tác dân vận"),
        ("Sơ kết dân vận chính quyền", "Sơ kết dân vận chính quyền"),
        ("to chuc tinh uy", "Ban Tổ chức Tỉnh ủy"),
    ] {
        s.send(text);
        s.wait_text(shown);
        s.send("\t");
    }
    s.wait_for("the coordinating field focused", |t| {
        t.lines().any(|l| l.contains("▶") && l.contains("Phối hợp"))
    });
    s.send("tuyen giao dan van");
    s.wait_text("BTGDVTU — Ban Tuyên giáo và Dân vận Tỉnh ủy");
    s.send("\r");
    s.wait_text("✓ Ban Tuyên giáo và Dân vận Tỉnh ủy");
    s.send("hoi nong dan");
    s.wait_text("HND — Hội Nông dân tỉnh");
    s.send("\r");
    let screen = s.wait_text("✓ Hội Nông dân tỉnh");
    assert!(
        screen.contains("Thêm nhiệm vụ") || screen.contains("nhiệm vụ"),
        "{screen}"
    );
    assert!(!screen.contains("(mã)"), "{screen}");
    // Cadence, then the deadline; Enter there saves.
    s.send("\t");
    std::thread::sleep(Duration::from_millis(150));
    s.send("\t");
    s.wait_for("the deadline focused", |t| {
        t.lines().any(|l| l.contains("▶") && l.contains("Thời hạn"))
    });
    s.send("30/09/2030\r");
    let screen = s.wait_text("Đã thêm nhiệm vụ #");
    let id: i64 = screen
        .split("Đã thêm nhiệm vụ #")
        .nth(1)
        .and_then(|r| r.split(|c: char| !c.is_ascii_digit()).next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("{screen}"));
    s.send("q");
    s.wait_exit(Duration::from_secs(5));
    let t = Store::open(&db, true).unwrap().task(id).unwrap();
    assert_eq!(t.title, "Sơ kết dân vận chính quyền");
    assert_eq!(t.lead, "BTCTU");
    assert_eq!(t.with, ["BTGDVTU", "HND"]);
}

/// An SGR mouse press and release at a 1-based cell (what xterm sends for a click).
fn click(col: u16, row: u16) -> String {
    format!("\x1b[<0;{col};{row}M\x1b[<0;{col};{row}m")
}

#[test]
fn the_mouse_selects_opens_and_scrolls_and_is_turned_off_on_exit() {
    let (_d, db) = demo();
    let audits = audit_rows(&db);
    let mut s = Session::start(&db, 80, 24, &["--lang", "vi"]);
    s.wait_text("Tổng quan");
    assert!(s.mouse_on(), "mouse reports (SGR) asked for");
    s.send("3");
    s.wait_text("Nhiệm vụ · 1/104");
    // The third data row: the tabs, the border and the header are rows 1–3.
    s.send(&click(20, 6));
    s.wait_text("Nhiệm vụ · 3/104");
    // The wheel moves the selection three rows a notch.
    s.send("\x1b[<65;20;10M");
    s.wait_text("Nhiệm vụ · 6/104");
    s.send("\x1b[<64;20;10M");
    s.wait_text("Nhiệm vụ · 3/104");
    // A double click (two clicks in 400 ms on one cell) opens the row.
    std::thread::sleep(Duration::from_millis(500));
    s.send(&format!("{}{}", click(20, 5), click(20, 5)));
    s.wait_text("Chi tiết nhiệm vụ #");
    s.send("\x1b");
    s.wait_text("Nhiệm vụ · 2/104");
    // A click below the last row or on the header does nothing.
    s.send(&click(20, 3));
    std::thread::sleep(Duration::from_millis(300));
    assert!(s.text().contains("Nhiệm vụ · 2/104"));
    s.send("q");
    s.wait_exit(Duration::from_secs(5));
    s.assert_restored();
    assert_eq!(audit_rows(&db), audits, "the mouse wrote nothing");
}

#[test]
fn no_mouse_leaves_the_mouse_to_the_terminal() {
    let (_d, db) = demo();
    let mut s = Session::start(&db, 80, 24, &["--lang", "vi", "--no-mouse"]);
    s.wait_text("Tổng quan");
    std::thread::sleep(Duration::from_millis(200));
    assert!(!s.mouse_on(), "no mouse reports asked for");
    s.send("q");
    s.wait_exit(Duration::from_secs(5));
    s.assert_restored();
}

#[test]
fn telex_letters_act_as_their_plain_letters_in_a_table() {
    let (_d, db) = demo();
    let mut s = Session::start(&db, 80, 24, &["--lang", "vi"]);
    s.wait_text("Tổng quan");
    s.send("3");
    s.wait_text("Nhiệm vụ · 1/104");
    // `ĵ` is no Vietnamese letter, but `j` with a mark: it moves down as `j` does.
    s.send("ĵ");
    s.wait_text("Nhiệm vụ · 2/104");
    // Telex `dd` → `đ`: the delete prompt, as `d`; answered no.
    s.send("đ");
    s.wait_text("Xóa nhiệm vụ #");
    s.send("n");
    s.wait_text("Đã hủy");
}
