//! Input that cannot run away, through `AppState::update` and the batch rule of the key
//! loop (`tui::apply_batch`): a paste is one action typed into the focused field (its
//! line breaks kept in a note) and nothing in a table; once a key changes the mode the
//! rest of its read is dropped; only `y` confirms a delete; leaving a changed form asks.

mod common;

use phoihop::store::Store;
use phoihop::tui::action::{Action, TextEdit, View};
use phoihop::tui::apply_batch;
use phoihop::tui::i18n::Lang;
use phoihop::tui::input::{Decoder, Input};
use phoihop::tui::keymap::Mode;
use phoihop::tui::state::form::Key;
use phoihop::tui::state::{AppState, Dialog};

fn open(path: &std::path::Path) -> AppState {
    let store = Store::open(path, false).unwrap();
    AppState::new(
        store,
        Lang::Vi,
        common::today(),
        common::today(),
        None,
        (80, 24),
    )
    .unwrap()
}

fn audits(s: &AppState) -> usize {
    s.store().recent_changes(100_000).unwrap().len()
}

/// Feeds `bytes` as one read of the terminal.
fn read(s: &mut AppState, bytes: &[u8]) {
    let mut d = Decoder::default();
    let mut batch = d.feed(bytes);
    // As the reader does when nothing follows a lone ESC in time.
    batch.extend(d.flush());
    apply_batch(s, batch);
}

fn note_value(s: &AppState) -> String {
    s.form
        .as_ref()
        .unwrap()
        .field(Key::Note)
        .unwrap()
        .value
        .clone()
}

#[test]
fn a_paste_into_the_note_is_text_with_its_line_break() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(dir.path());
    let mut s = open(&path);
    s.update(Action::SwitchView(View::Tasks));
    let id = s.tasks.selected().unwrap().id;
    let before = audits(&s);
    let tasks = s.store().count_tasks(&Default::default()).unwrap();
    read(&mut s, b"p");
    assert_eq!(s.mode(), Mode::Form);
    read(&mut s, b"\t\t");
    assert_eq!(s.form.as_ref().unwrap().focused().unwrap().key, Key::Note);
    read(
        &mut s,
        "\x1b[200~Đã họp xong.\r\nĐã duyệt kế hoạch.\x1b[201~".as_bytes(),
    );
    assert_eq!(note_value(&s), "Đã họp xong.\nĐã duyệt kế hoạch.");
    assert!(s.dialog.is_none(), "no delete dialog");
    assert_eq!(s.mode(), Mode::Form);
    // Enter in the note adds a line; nothing is saved until Ctrl-s.
    read(&mut s, b"\r");
    assert_eq!(note_value(&s), "Đã họp xong.\nĐã duyệt kế hoạch.\n");
    assert_eq!(audits(&s), before);
    assert_eq!(s.store().count_tasks(&Default::default()).unwrap(), tasks);
    read(&mut s, b"\x13");
    assert!(s.form.is_none(), "Ctrl-s saved");
    let h = s.store().task_history(id).unwrap();
    assert_eq!(
        h.last().and_then(|e| e.note.as_deref()),
        Some("Đã họp xong.\nĐã duyệt kế hoạch.")
    );
}

#[test]
fn without_bracketed_paste_the_rest_of_a_read_is_dropped_once_the_mode_changes() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(dir.path());
    let mut s = open(&path);
    s.update(Action::SwitchView(View::Tasks));
    let before = audits(&s);
    // A terminal with bracketed paste off sends the paste as keys, in one read: in the
    // note, the line break saved the form and `d`…`y` then deleted a task. Now the `p`
    // opens the form and the rest of the read is dropped.
    read(&mut s, "p\t\tĐã họp xong.\rĐã duyệt kế hoạch.".as_bytes());
    assert_eq!(s.mode(), Mode::Form);
    assert_eq!(note_value(&s), "");
    assert_eq!(audits(&s), before);
    // In the form: the note typed, then Enter adds a line and `d` … `y` are letters.
    read(&mut s, b"\t\t");
    read(&mut s, "Đã họp xong.\rĐã duyệt kế hoạch.".as_bytes());
    assert_eq!(note_value(&s), "Đã họp xong.\nĐã duyệt kế hoạch.");
    assert!(s.dialog.is_none());
    assert_eq!(audits(&s), before);
}

#[test]
fn a_paste_in_a_table_does_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(dir.path());
    let mut s = open(&path);
    s.update(Action::SwitchView(View::Tasks));
    let sel = s.tasks.selected().unwrap().id;
    let before = audits(&s);
    read(&mut s, b"\x1b[200~dy\rq3\x1b[201~");
    assert_eq!(s.mode(), Mode::Table);
    assert_eq!(s.view, View::Tasks);
    assert!(!s.quit && s.dialog.is_none() && s.form.is_none());
    assert_eq!(s.tasks.selected().unwrap().id, sel);
    assert_eq!(audits(&s), before);
}

#[test]
fn alt_d_in_a_form_deletes_a_word_and_never_cancels() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(dir.path());
    let mut s = open(&path);
    s.update(Action::SwitchView(View::Tasks));
    let before = audits(&s);
    read(&mut s, b"p");
    read(&mut s, b"\t\t");
    read(&mut s, "họp xong".as_bytes());
    read(&mut s, b"\x01"); // Ctrl-a: start of the line
    read(&mut s, b"\x1bd"); // Alt-d, as a terminal sends it
    assert!(s.form.is_some(), "the form is still open");
    assert!(s.dialog.is_none(), "no delete dialog");
    assert_eq!(note_value(&s), " xong");
    assert_eq!(audits(&s), before);
}

#[test]
fn only_y_deletes() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(dir.path());
    let mut s = open(&path);
    s.update(Action::SwitchView(View::Tasks));
    let id = s.tasks.selected().unwrap().id;
    for keys in [&b"\r"[..], b"Y", b"x", b" ", b"\x1b"] {
        read(&mut s, b"d");
        assert!(matches!(s.dialog, Some(Dialog::Confirm(_))));
        read(&mut s, keys);
        assert!(s.dialog.is_none(), "{keys:?} closes the prompt");
        assert!(s.store().task(id).is_ok(), "{keys:?} must not delete");
    }
    read(&mut s, b"d");
    read(&mut s, b"y");
    assert!(s.store().task(id).is_err(), "y deletes");
}

#[test]
fn leaving_a_changed_form_asks_first() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(dir.path());
    let mut s = open(&path);
    s.update(Action::SwitchView(View::Tasks));
    // An unchanged form closes at once.
    read(&mut s, b"p");
    read(&mut s, b"\x1b");
    assert!(s.form.is_none() && s.dialog.is_none());
    // A changed one asks; any key but `y` goes back with the input kept.
    read(&mut s, b"p");
    read(&mut s, b"\t\tghi");
    read(&mut s, b"\x1b");
    assert!(matches!(s.dialog, Some(Dialog::Discard { quit: false })));
    assert_eq!(s.mode(), Mode::Confirm);
    read(&mut s, b"\r");
    assert!(s.dialog.is_none());
    assert_eq!(note_value(&s), "ghi");
    // Ctrl-c asks too; `n` goes back, `y` quits.
    read(&mut s, b"\x03");
    assert!(matches!(s.dialog, Some(Dialog::Discard { quit: true })));
    assert!(!s.quit);
    read(&mut s, b"n");
    assert_eq!(note_value(&s), "ghi");
    read(&mut s, b"\x03");
    read(&mut s, b"y");
    assert!(s.quit);
}

#[test]
fn fields_have_a_cursor() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(dir.path());
    let mut s = open(&path);
    s.update(Action::SwitchView(View::Tasks));
    read(&mut s, b"p");
    read(&mut s, b"\t\t");
    read(&mut s, "Da hop xong".as_bytes());
    // ← ×5, then a letter typed in the middle.
    read(&mut s, b"\x1b[D\x1b[D\x1b[D\x1b[D\x1b[D");
    read(&mut s, b"X");
    assert_eq!(note_value(&s), "Da hopX xong");
    read(&mut s, b"\x1b[H"); // Home
    read(&mut s, b">");
    read(&mut s, b"\x1b[F"); // End
    read(&mut s, b" z");
    assert_eq!(note_value(&s), ">Da hopX xong z");
    read(&mut s, b"\x17"); // Ctrl-w
    assert_eq!(note_value(&s), ">Da hopX xong ");
    s.update(Action::Text(TextEdit::LineStart));
    read(&mut s, b"\x0b"); // Ctrl-k
    assert_eq!(note_value(&s), "");
    assert!(s.form.is_some());
}

#[test]
fn a_paste_goes_into_the_search_on_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(dir.path());
    let mut s = open(&path);
    s.update(Action::SwitchView(View::Tasks));
    read(&mut s, b"/");
    assert_eq!(s.mode(), Mode::Search);
    read(&mut s, b"\x1b[200~dan\nvan\x1b[201~");
    assert_eq!(s.search_query(), Some("dan van"));
    let _ = Input::Paste(String::new());
}

/// The fuzz target's property (fuzz/fuzz_targets/keys.rs) on seeded random inputs, and
/// the bar of the issue: a paste of any bytes into the focused note, split into reads
/// anywhere, changes no record and leaves the form open with everything in the note.
#[test]
fn random_pastes_change_nothing_outside_the_field() {
    use rand::rngs::StdRng;
    use rand::{RngExt, SeedableRng};
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(dir.path());
    let mut s = open(&path);
    s.update(Action::SwitchView(View::Tasks));
    let before = audits(&s);
    let tasks = s.store().count_tasks(&Default::default()).unwrap();
    read(&mut s, b"p");
    read(&mut s, b"\t\t");
    let mut rng = StdRng::seed_from_u64(14);
    // Bytes a paste from Word or Zalo, or a hostile one, may hold: commands, Enter,
    // controls, escapes (never the end marker itself), UTF-8 and broken UTF-8.
    let alphabet: Vec<u8> = b"dyqpn3?/\r\n\t\x03\x04\x13\x15\x7f [~0123456789"
        .iter()
        .copied()
        .chain("đĐưẫ".bytes())
        .chain([0xff, 0xc3])
        .collect();
    for round in 0..200 {
        let len = rng.random_range(0..300);
        let body: Vec<u8> = (0..len)
            .map(|_| alphabet[rng.random_range(0..alphabet.len())])
            .collect();
        let mut framed = b"\x1b[200~".to_vec();
        framed.extend_from_slice(&body);
        framed.extend_from_slice(b"\x1b[201~");
        let cut = rng.random_range(1..40);
        let mut d = Decoder::default();
        let mut inputs = Vec::new();
        for chunk in framed.chunks(cut) {
            let batch = d.feed(chunk);
            inputs.extend(batch.iter().cloned());
            apply_batch(&mut s, batch);
        }
        assert_eq!(inputs.len(), 1, "round {round}: {inputs:?}");
        assert!(matches!(inputs[0], Input::Paste(_)));
        assert_eq!(s.mode(), Mode::Form, "round {round}");
        assert!(s.dialog.is_none(), "round {round}");
    }
    // The decoder's fuzz corpus (fuzz/seeds/keys, and fuzz/corpus/keys where
    // scripts/fuzz.sh has grown one), each input pasted as the fuzz target frames it.
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz");
    let mut corpus = 0;
    for dir in [root.join("seeds/keys"), root.join("corpus/keys")] {
        let Ok(files) = std::fs::read_dir(&dir) else {
            continue;
        };
        for f in files.flatten() {
            let data = std::fs::read(f.path()).unwrap();
            let Some((&cut, bytes)) = data.split_first() else {
                continue;
            };
            let body: Vec<u8> = bytes.iter().copied().filter(|&b| b != 0x1b).collect();
            let mut framed = b"\x1b[200~".to_vec();
            framed.extend_from_slice(&body);
            framed.extend_from_slice(b"\x1b[201~");
            let mut d = Decoder::default();
            for chunk in framed.chunks(usize::from(cut).max(1)) {
                apply_batch(&mut s, d.feed(chunk));
            }
            assert_eq!(s.mode(), Mode::Form, "{}", f.path().display());
            assert!(s.dialog.is_none(), "{}", f.path().display());
            corpus += 1;
        }
    }
    assert!(corpus >= 1, "the fuzz seeds of the decoder are read");
    assert_eq!(audits(&s), before);
    assert_eq!(s.store().count_tasks(&Default::default()).unwrap(), tasks);
    assert!(!note_value(&s).is_empty());
}

#[test]
fn a_form_whose_task_changed_elsewhere_says_what_changed() {
    use phoihop::domain::{Progress, ProgressUpdate};
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(dir.path());
    let mut s = open(&path);
    s.update(Action::SwitchView(View::Tasks));
    s.update(Action::Down);
    let id = s.tasks.selected().unwrap().id;
    read(&mut s, b"p");
    assert!(s.form.as_ref().unwrap().changed_elsewhere.is_empty());
    let mut other = Store::open(&path, false).unwrap();
    let v = other.task(id).unwrap().version;
    other
        .update_progress(
            id,
            Some(v),
            ProgressUpdate {
                progress: Some(Progress::new(42).unwrap()),
                status: None,
                note: None,
                on: common::today(),
            },
        )
        .unwrap();
    s.update(Action::DataChanged);
    let form = s.form.as_ref().expect("the form stays open");
    assert!(
        form.changed_elsewhere
            .iter()
            .any(|(m, _, b)| *m == phoihop::tui::i18n::Msg::Progress
                && *b == phoihop::tui::state::form::TaskValue::Percent(42)),
        "{:?}",
        form.changed_elsewhere
    );
}
