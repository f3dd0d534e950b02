//! The phoihop binary: parses the command line and hands over to the library.

fn main() {
    // A bug must still end in one sentence on stderr, not a backtrace. The TUI installs
    // its own hook on top of this one (restoring the terminal first).
    std::panic::set_hook(Box::new(|info| {
        let msg = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown cause".into());
        let at = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        phoihop::log::panicked(info);
        match phoihop::log::shown_path() {
            Some(log) => eprintln!(
                "phoihop: internal error ({msg}{at}); the details are in {}; please report it.",
                log.display()
            ),
            None => eprintln!("phoihop: internal error ({msg}{at}); please report it."),
        }
    }));
    let code = std::panic::catch_unwind(phoihop::cli::main_entry).unwrap_or(1);
    std::process::exit(code);
}
