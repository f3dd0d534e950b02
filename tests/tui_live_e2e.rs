//! End-to-end with two real `phoihop` processes in two pseudo-terminals on one database
//! file: a progress change typed in one shows on the other's screen within a second
//! (the measured latency is logged); a supervisor's `p` is refused and writes nothing;
//! an urge sent from one shows in the other's inbox; the audit rows carry the OS login
//! and before/after values.
#![allow(dead_code)]

mod common;

use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{native_pty_system, Child, CommandBuilder, MasterPty, PtySize};

struct Session {
    master: Option<Box<dyn MasterPty + Send>>,
    writer: Option<Box<dyn Write + Send>>,
    child: Box<dyn Child + Send + Sync>,
    screen: Arc<Mutex<vt100::Parser>>,
    stop: Arc<AtomicBool>,
    reader: Option<std::thread::JoinHandle<()>>,
}

fn nz(n: u16) -> NonZeroU16 {
    NonZeroU16::new(n).unwrap()
}

impl Session {
    fn start(db: &Path, cols: u16, rows: u16, args: &[&str]) -> Session {
        let pty = native_pty_system();
        let pair = pty
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_phoihop"));
        cmd.arg("--db");
        cmd.arg(db);
        for a in args {
            cmd.arg(a);
        }
        cmd.env("LANG", "C.UTF-8");
        cmd.env("TERM", "xterm-256color");
        let child = pair.slave.spawn_command(cmd).unwrap();
        drop(pair.slave);
        let screen = Arc::new(Mutex::new(vt100::Parser::new(nz(rows), nz(cols), 0)));
        let mut reader = pair.master.try_clone_reader().unwrap();
        let s = screen.clone();
        let stop = Arc::new(AtomicBool::new(false));
        let stop2 = stop.clone();
        let reader = std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                s.lock().unwrap().process(&buf[..n]);
                if stop2.load(Ordering::SeqCst) {
                    break;
                }
            }
        });
        let writer = pair.master.take_writer().unwrap();
        Session {
            master: Some(pair.master),
            writer: Some(writer),
            child,
            screen,
            stop,
            reader: Some(reader),
        }
    }

    /// Stops reading the screen so that this test holds no copy of the pty master: the
    /// reader wakes on the next output (a key that redraws is sent) and drops its copy.
    fn stop_reading(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        self.send("?");
        if let Some(h) = self.reader.take() {
            h.join().unwrap();
        }
    }

    fn text(&self) -> String {
        self.screen.lock().unwrap().screen().contents()
    }

    fn send(&mut self, keys: &str) {
        let w = self.writer.as_mut().unwrap();
        w.write_all(keys.as_bytes()).unwrap();
        w.flush().unwrap();
    }

    /// Waits until the screen satisfies `ok`, else fails with the screen.
    fn wait_for(&self, what: &str, ok: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let t = self.text();
            if ok(&t) {
                return t;
            }
            if start.elapsed() > Duration::from_secs(15) {
                panic!("timed out waiting for {what}; the screen:\n{t}");
            }
            std::thread::sleep(Duration::from_millis(30));
        }
    }

    fn wait_text(&self, needle: &str) -> String {
        self.wait_for(needle, |t| t.contains(needle))
    }

    /// Waits for the process to end; returns how long that took.
    fn wait_exit(&mut self, limit: Duration) -> Duration {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                let _ = status;
                return start.elapsed();
            }
            if start.elapsed() > limit {
                let _ = self.child.kill();
                panic!("the process did not end within {limit:?}");
            }
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    fn resize(&mut self, cols: u16, rows: u16) {
        self.master
            .as_ref()
            .unwrap()
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        self.screen.lock().unwrap().set_size(nz(rows), nz(cols));
    }

    fn assert_restored(&self) {
        // Give the reader thread a moment to take in the last bytes.
        std::thread::sleep(Duration::from_millis(200));
        let p = self.screen.lock().unwrap();
        assert!(!p.screen().alternate_screen(), "alternate screen left");
        assert!(!p.screen().hide_cursor(), "cursor shown again");
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        let _ = self.child.kill();
    }
}

fn demo() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(dir.path());
    (dir, path)
}

/// The screen line of the task table row for task `id` (the id column is right-aligned).
fn row_of(screen: &str, id: i64) -> Option<String> {
    screen
        .lines()
        .find(|l| {
            let t = l.trim_start_matches(['│', ' ', '▶']);
            t.split_whitespace().next() == Some(&id.to_string())
        })
        .map(str::to_string)
}

const ARGS: &[&str] = &["--lang", "en", "--as-of", "2020-12-31"];

#[test]
fn a_progress_change_typed_in_one_appears_on_the_other_within_a_second() {
    let (_d, db) = demo();
    let store = phoihop::store::Store::open(&db, true).unwrap();
    let first = store
        .tasks(&Default::default(), Default::default(), false, 0, 1)
        .unwrap()[0]
        .clone();
    drop(store);
    let target = if first.progress.get() == 37 { 38 } else { 37 };
    let mut a = Session::start(&db, 120, 40, ARGS);
    let mut b = Session::start(&db, 120, 40, ARGS);
    for s in [&mut a, &mut b] {
        s.wait_text("Tasks by work category");
        s.send("3");
        s.wait_text("Sorted by");
    }
    let row = row_of(&b.text(), first.id).expect("first task row on B");
    assert!(!row.contains(&format!("{target}%")), "{row}");
    assert!(
        b.text().contains("● live"),
        "status bar says live:\n{}",
        b.text()
    );
    a.send("p");
    a.wait_text("Update progress");
    // Ctrl-u empties the prefilled percentage.
    a.send("\x15");
    a.send(&target.to_string());
    a.send("\t\tLive test");
    let sent = Instant::now();
    a.send("\r");
    a.wait_text("Saved.");
    let saved = sent.elapsed();
    let want = format!("{target}%");
    b.wait_for("the change on B", |t| {
        row_of(t, first.id).is_some_and(|r| r.contains(&want))
    });
    let seen = sent.elapsed();
    eprintln!(
        "live refresh: Enter in A → saved on A's screen {saved:?}; → shown on B's screen {seen:?} (bound on commit → B: {seen:?})"
    );
    assert!(
        seen <= Duration::from_millis(1000),
        "B showed the change after {seen:?}"
    );
    // B's cursor stayed on the first row; no key was pressed on B.
    let screen = b.text();
    assert!(row_of(&screen, first.id).unwrap().contains('▶'), "{screen}");
    // The audit row of A's edit: the OS login, before and after.
    let store = phoihop::store::Store::open(&db, true).unwrap();
    let c = &store.recent_changes(1).unwrap()[0];
    assert_eq!(c.actor, phoihop::store::os_login());
    assert_eq!(c.action, "update");
    assert_eq!(c.key, first.id.to_string());
    let p = c.fields.iter().find(|f| f.field == "progress").unwrap();
    assert_eq!(p.before, Some(first.progress.get().to_string()));
    assert_eq!(p.after, Some(target.to_string()));
    assert_eq!(c.note.as_deref(), Some("Live test"));
    // B's Activity view lists it.
    b.send("5");
    let act = b.wait_text("Activity ·");
    let change = format!("Progress: {}% → {target}%", first.progress.get());
    assert!(act.contains(&change), "{act}");
    a.send("q");
    b.send("q");
    a.wait_exit(Duration::from_secs(5));
    b.wait_exit(Duration::from_secs(5));
}

#[test]
fn a_supervisors_p_is_refused_and_writes_nothing() {
    let (_d, db) = demo();
    let mut admin = phoihop::store::Store::open(&db, false).unwrap();
    admin
        .grant(
            &phoihop::store::os_login(),
            phoihop::domain::Role::Supervisor,
            None,
        )
        .unwrap();
    let audits = admin.recent_changes(100_000).unwrap().len();
    let before = admin.task(1).ok();
    drop(admin);
    let mut s = Session::start(&db, 120, 40, ARGS);
    s.wait_text("Tasks by work category");
    s.send("3");
    s.wait_text("Sorted by");
    s.send("p");
    let screen = s.wait_text("A supervisor may only view and urge");
    assert!(!screen.contains("Update progress"), "no form:\n{screen}");
    s.send("e");
    s.wait_text("A supervisor may only view and urge");
    let status = s.text();
    assert!(status.contains("supervisor"), "{status}");
    s.send("q");
    s.wait_exit(Duration::from_secs(5));
    let store = phoihop::store::Store::open(&db, true).unwrap();
    assert_eq!(store.recent_changes(100_000).unwrap().len(), audits);
    assert_eq!(store.task(1).ok(), before);
}

#[test]
fn an_urge_sent_from_one_shows_in_the_others_inbox() {
    let (_d, db) = demo();
    let mut admin = phoihop::store::Store::open(&db, false).unwrap();
    let first = admin
        .tasks(&Default::default(), Default::default(), false, 0, 1)
        .unwrap()[0]
        .clone();
    admin
        .grant(
            &phoihop::store::os_login(),
            phoihop::domain::Role::Operator,
            Some(&first.lead),
        )
        .unwrap();
    drop(admin);
    let mut a = Session::start(&db, 120, 40, ARGS);
    let mut b = Session::start(&db, 120, 40, ARGS);
    for s in [&mut a, &mut b] {
        s.wait_text("Tasks by work category");
    }
    assert!(
        !b.text().contains("new)"),
        "no new urges yet:\n{}",
        b.text()
    );
    a.send("3");
    a.wait_text("Sorted by");
    a.send("u");
    a.wait_text("Urge #");
    a.send("Please report by Friday");
    let sent = Instant::now();
    a.send("\r");
    a.wait_text("Urge sent.");
    b.wait_text("(1 new)");
    eprintln!("urge: Enter in A → badge on B {:?}", sent.elapsed());
    b.send("i");
    let inbox = b.wait_text("Urges to");
    assert!(inbox.contains("Please report by Friday"), "{inbox}");
    assert!(!inbox.contains("(1 new)"), "seen once the inbox is open");
    a.send("q");
    b.send("q");
    a.wait_exit(Duration::from_secs(5));
    b.wait_exit(Duration::from_secs(5));
}
