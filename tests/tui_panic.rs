//! A panic leaves the terminal restored (alternate screen left, cursor shown) and says in
//! one line where the details are. The TUI's own setup and panic hook run in a child
//! process inside a pseudo-terminal: this test binary re-runs itself with `panic_child`.

mod pty_support;

use std::time::Duration;

use portable_pty::CommandBuilder;
use pty_support::Session;

/// Run only inside the pseudo-terminal by the test below: sets the terminal up as the TUI
/// does, installs the TUI's panic hook, and panics.
#[test]
#[ignore = "run by a_panic_restores_the_terminal in a pseudo-terminal"]
fn panic_child() {
    if std::env::var_os("PHOIHOP_PANIC_CHILD").is_none() {
        return;
    }
    let _tty = phoihop::tui::term::setup(true).expect("terminal setup");
    phoihop::tui::term::install_panic_hook();
    panic!("a deliberate panic, to test that the terminal is restored");
}

#[test]
fn a_panic_restores_the_terminal_and_says_where_the_log_is() {
    let home = tempfile::tempdir().expect("temp dir");
    let state = home.path().join("state");
    let mut cmd = CommandBuilder::new(std::env::current_exe().expect("test binary"));
    cmd.args([
        "panic_child",
        "--exact",
        "--ignored",
        "--nocapture",
        "--test-threads=1",
    ]);
    cmd.env("PHOIHOP_PANIC_CHILD", "1");
    cmd.env("HOME", home.path());
    cmd.env("XDG_STATE_HOME", &state);
    cmd.env("LANG", "C.UTF-8");
    let mut s = Session::start_cmd(cmd, 100, 30);
    s.wait_exit(Duration::from_secs(20));
    s.assert_restored();
    let screen = s.text();
    assert!(
        screen.contains("the terminal was restored"),
        "no one-line message on the screen:\n{screen}"
    );
    let log = state.join("phoihop").join("phoihop-panic.log");
    let details = std::fs::read_to_string(&log).expect("the panic log was written");
    assert!(details.contains("a deliberate panic"), "{details}");
}
