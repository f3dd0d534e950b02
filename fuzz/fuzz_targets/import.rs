// Shared by the importer targets: every text a batch would store is clean.
use phoihop::store::import::ImportBatch;

use crate::common::raw_danger;

fn clean(what: &str, s: &str, multiline: bool) {
    assert!(
        !s.chars()
            .any(|c| raw_danger(c) && !(multiline && c == '\n')),
        "{what}: {s:?}"
    );
    assert!(
        s.chars().count() <= phoihop::domain::text::MAX_TEXT_CHARS,
        "{what}"
    );
}

fn opt(what: &str, s: &Option<String>, multiline: bool) {
    if let Some(s) = s {
        clean(what, s, multiline);
    }
}

pub fn check_batch(b: &ImportBatch) {
    for a in &b.agencies {
        clean("agency code", &a.value.code, false);
        clean("agency name", &a.value.name, false);
        opt("agency head", &a.value.head, false);
    }
    for p in &b.programs {
        clean("program code", &p.value.code, false);
        clean("program title", &p.value.title, false);
        opt("program basis", &p.value.basis, false);
    }
    for t in &b.tasks {
        let task = &t.value.task;
        clean("title", &task.title, false);
        clean("program", &task.program, false);
        clean("lead", &task.lead, false);
        opt("description", &task.description, true);
        opt("basis", &task.basis, false);
        for w in &task.with {
            clean("with", w, false);
        }
        assert!(task.progress.get() <= 100);
        for h in &t.value.history {
            opt("note", &h.note, true);
            opt("actor", &h.actor, false);
            assert!(h.progress.get() <= 100);
        }
        for u in &t.value.urges {
            clean("message", &u.message, false);
            opt("urge actor", &u.actor, false);
        }
    }
    for g in &b.grants {
        clean("login", &g.value.login, false);
    }
}

pub fn check_error(e: &phoihop::Error) {
    assert!(
        matches!(e.exit_code(), 3 | 5 | 6),
        "exit {} for {e}",
        e.exit_code()
    );
    crate::common::check_message(e);
}
