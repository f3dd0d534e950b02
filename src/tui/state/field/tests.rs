use super::*;

fn line(value: &str) -> Field {
    Field::new(
        Key::Title,
        Msg::Title,
        FieldKind::Line { required: true },
        value,
    )
}

fn note(value: &str) -> Field {
    Field::new(Key::Note, Msg::FieldNote, FieldKind::Text, value)
}

#[test]
fn the_cursor_moves_and_typing_goes_where_it_is() {
    let mut f = line("Xây dựng đề án");
    assert_eq!(f.cursor(), (0, 14));
    f.edit(TextEdit::LineStart);
    f.input('[');
    assert_eq!(f.value, "[Xây dựng đề án");
    f.edit(TextEdit::LineEnd);
    assert_eq!(f.cursor(), (0, 15));
    f.edit(TextEdit::WordLeft);
    assert_eq!(f.cursor(), (0, 13));
    f.edit(TextEdit::WordLeft);
    assert_eq!(f.cursor(), (0, 10));
    f.edit(TextEdit::Left);
    f.erase();
    assert_eq!(f.value, "[Xây dựn đề án");
    f.input('g');
    f.edit(TextEdit::DeleteNext);
    assert_eq!(f.value, "[Xây dựngđề án");
    f.edit(TextEdit::Right);
    assert_eq!(f.cursor(), (0, 10));
    f.edit(TextEdit::KillToEnd);
    assert_eq!(f.value, "[Xây dựngđ");
    f.edit(TextEdit::DeleteWordBack);
    assert_eq!(f.value, "[Xây ");
    f.edit(TextEdit::LineStart);
    f.edit(TextEdit::WordRight);
    let at = f.cursor().1;
    assert!(at > 0, "a word forward moves");
    f.edit(TextEdit::DeleteWordNext);
    assert!(f.value.chars().count() < 5, "{:?}", f.value);
    assert!(f.is_changed());
}

#[test]
fn nfc_keeps_the_cursor_after_the_same_letters() {
    let mut f = line("ba");
    f.edit(TextEdit::Left);
    // `a` + combining grave, typed as two keys, becomes `à` before the final `a`.
    f.input('a');
    f.input('\u{300}');
    assert_eq!(f.value, "bàa");
    assert_eq!(f.cursor(), (0, 2));
    f.input('x');
    assert_eq!(f.value, "bàxa");
}

#[test]
fn notes_hold_lines_and_one_line_fields_do_not() {
    let mut n = note("");
    assert!(n.paste("Đã họp xong.\nĐã duyệt kế hoạch."));
    assert_eq!(n.value, "Đã họp xong.\nĐã duyệt kế hoạch.");
    assert_eq!(n.lines().len(), 2);
    assert!(n.newline());
    n.input('x');
    assert_eq!(n.value, "Đã họp xong.\nĐã duyệt kế hoạch.\nx");
    let mut l = line("");
    assert!(!l.newline());
    l.paste("a\nb\tc\u{1b}[2Jd");
    assert_eq!(l.value, "a b c[2Jd");
    assert_eq!(l.reason, Some(Msg::ReasonControl));
    assert!(!l.input('\u{202e}'));
}

#[test]
fn a_paste_never_passes_the_cap() {
    let mut n = note("");
    n.paste(&"x".repeat(MAX_TEXT_CHARS + 10));
    assert_eq!(n.value.chars().count(), MAX_TEXT_CHARS);
    assert_eq!(n.reason, Some(Msg::ReasonTooLong));
}
