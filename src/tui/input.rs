//! Keys, and the decoder that turns the bytes a terminal sends into keys and pastes.
//!
//! The TUI reads the terminal itself (rather than through crossterm's event reader) so
//! that end of input or a read error — the SSH session dropped, the pty closed — ends
//! the program instead of spinning.
//!
//! Bracketed paste (`ESC [200~ … ESC [201~`, turned on by `term::setup`) arrives as one
//! [`Input::Paste`], never as keys, however many reads it spans. ESC followed by a key in
//! the same read is Alt+that key (terminals send Alt-d as `ESC d` in one write). A lone
//! ESC at the end of a read is held by the [`Decoder`]: the reader waits [`ESC_WAIT`] for
//! more bytes (a sequence or a paste split between reads) and only then calls
//! [`Decoder::flush`], which makes it the Esc key. Mouse reports (SGR) are keys too.

pub mod mouse;

/// A key press.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Key {
    Char(char),
    /// Ctrl with a lowercase letter.
    Ctrl(char),
    /// Alt (or ESC then the key, in one read) with a character.
    Alt(char),
    /// Alt-Enter (ESC then CR).
    AltEnter,
    /// Alt-Backspace.
    AltBackspace,
    /// Ctrl-← and Ctrl-→ (word jumps).
    CtrlLeft,
    CtrlRight,
    Enter,
    Esc,
    Backspace,
    Tab,
    BackTab,
    Up,
    Down,
    Left,
    Right,
    PageUp,
    PageDown,
    Home,
    End,
    Delete,
    /// A click or the wheel (when the mouse is on; see [`mouse`]).
    Mouse(mouse::Mouse),
}

impl Key {
    /// How the key is written in help and hints.
    pub fn label(self) -> String {
        match self {
            Key::Char(' ') => "Space".into(),
            Key::Char(c) => c.to_string(),
            Key::Ctrl(c) => format!("Ctrl-{c}"),
            Key::Alt(c) => format!("Alt-{c}"),
            Key::AltEnter => "Alt-Enter".into(),
            Key::AltBackspace => "Alt-Backspace".into(),
            Key::CtrlLeft => "Ctrl-←".into(),
            Key::CtrlRight => "Ctrl-→".into(),
            Key::Enter => "Enter".into(),
            Key::Esc => "Esc".into(),
            Key::Backspace => "Backspace".into(),
            Key::Tab => "Tab".into(),
            Key::BackTab => "Shift-Tab".into(),
            Key::Up => "↑".into(),
            Key::Down => "↓".into(),
            Key::Left => "←".into(),
            Key::Right => "→".into(),
            Key::PageUp => "PgUp".into(),
            Key::PageDown => "PgDn".into(),
            Key::Home => "Home".into(),
            Key::End => "End".into(),
            Key::Delete => "Del".into(),
            Key::Mouse(m) => match m.kind {
                mouse::MouseKind::Click => "click".into(),
                mouse::MouseKind::DoubleClick => "double-click".into(),
                mouse::MouseKind::WheelUp | mouse::MouseKind::WheelDown => "wheel".into(),
            },
        }
    }
}

/// What one read of the terminal holds: keys, and pastes (one each).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    Key(Key),
    /// Text pasted with bracketed paste on, line breaks as `\n`.
    Paste(String),
}

/// The start and end of a bracketed paste.
const PASTE_START: &[u8] = b"\x1b[200~";
const PASTE_END: &[u8] = b"\x1b[201~";
/// A paste longer than this is cut (a note holds far less; the rest is dropped, never
/// read as keys).
const PASTE_MAX: usize = 1 << 20;

/// How long a lone ESC waits for the rest of a sequence before it is the Esc key.
pub const ESC_WAIT: std::time::Duration = std::time::Duration::from_millis(50);

/// Decodes terminal input incrementally; an incomplete sequence at the end of one read
/// waits for the next, and a paste is gathered across reads until its end marker.
#[derive(Debug, Default)]
pub struct Decoder {
    pending: Vec<u8>,
    /// Inside a bracketed paste: the bytes so far.
    paste: Option<Vec<u8>>,
}

impl Decoder {
    /// Feeds the bytes of one read and returns the inputs they complete.
    pub fn feed(&mut self, bytes: &[u8]) -> Vec<Input> {
        self.pending.extend_from_slice(bytes);
        let mut out = Vec::new();
        loop {
            if let Some(paste) = self.paste.as_mut() {
                match find(&self.pending, PASTE_END) {
                    Some(at) => {
                        if paste.len() < PASTE_MAX {
                            paste.extend_from_slice(&self.pending[..at]);
                        }
                        self.pending.drain(..at + PASTE_END.len());
                        let bytes = self.paste.take().unwrap_or_default();
                        out.push(Input::Paste(paste_text(&bytes)));
                        continue;
                    }
                    None => {
                        // Keep a tail that may be the start of the end marker.
                        let keep = PASTE_END.len() - 1;
                        let take = self.pending.len().saturating_sub(keep);
                        if paste.len() < PASTE_MAX {
                            paste.extend_from_slice(&self.pending[..take]);
                        }
                        self.pending.drain(..take);
                        return out;
                    }
                }
            }
            let (keys, used, paste) = decode_until_paste(&self.pending, false);
            out.extend(keys.into_iter().map(Input::Key));
            self.pending.drain(..used);
            if paste {
                self.pending.drain(..PASTE_START.len());
                self.paste = Some(Vec::new());
                continue;
            }
            // Never let garbage accumulate.
            if self.pending.len() > 64 {
                self.pending.clear();
            }
            return out;
        }
    }
}

impl Decoder {
    /// True when the last read ended with a lone ESC, held for the rest of a sequence.
    pub fn holds_esc(&self) -> bool {
        self.paste.is_none() && self.pending == [0x1b]
    }

    /// No more bytes came within [`ESC_WAIT`]: a held lone ESC is the Esc key.
    pub fn flush(&mut self) -> Vec<Input> {
        if self.holds_esc() {
            self.pending.clear();
            vec![Input::Key(Key::Esc)]
        } else {
            Vec::new()
        }
    }
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// A paste's bytes as text: invalid UTF-8 replaced, `\r\n` and `\r` made `\n`.
fn paste_text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes)
        .replace("\r\n", "\n")
        .replace('\r', "\n")
}

/// Decodes as many whole keys as `b` holds; returns them and the bytes consumed. A lone
/// ESC at the very end is the Esc key (terminals send sequences in one write); ESC then
/// a key is Alt+key.
pub fn decode(b: &[u8]) -> (Vec<Key>, usize) {
    let (keys, used, _) = decode_until_paste(b, true);
    (keys, used)
}

/// As [`decode`], stopping at the start of a bracketed paste (then true, with the bytes
/// before it consumed). A lone ESC at the end is the Esc key when `final_esc`, else left
/// unconsumed (held for the next read).
fn decode_until_paste(b: &[u8], final_esc: bool) -> (Vec<Key>, usize, bool) {
    let mut keys = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        match c {
            0x1b => {
                if i + 1 == b.len() {
                    if !final_esc {
                        break;
                    }
                    keys.push(Key::Esc);
                    i += 1;
                    continue;
                }
                match b[i + 1] {
                    b'[' => {
                        if b[i..].starts_with(PASTE_START) {
                            return (keys, i, true);
                        }
                        // CSI: parameters, then a final byte in 0x40..=0x7e.
                        let mut j = i + 2;
                        while j < b.len() && !(0x40..=0x7e).contains(&b[j]) {
                            j += 1;
                        }
                        if j >= b.len() {
                            break; // incomplete; wait for more
                        }
                        let params = &b[i + 2..j];
                        if let Some(k) = csi_key(params, b[j]) {
                            keys.push(k);
                        }
                        i = j + 1;
                    }
                    b'O' => {
                        if i + 2 >= b.len() {
                            break;
                        }
                        if let Some(k) = csi_key(&[], b[i + 2]) {
                            keys.push(k);
                        }
                        i += 3;
                    }
                    0x1b => {
                        // ESC ESC: an Esc; the second starts over.
                        keys.push(Key::Esc);
                        i += 1;
                    }
                    b'\r' | b'\n' => {
                        keys.push(Key::AltEnter);
                        i += 2;
                    }
                    0x7f | 0x08 => {
                        keys.push(Key::AltBackspace);
                        i += 2;
                    }
                    0x00..=0x1f => {
                        // ESC then a control key: Esc, then that key.
                        keys.push(Key::Esc);
                        i += 1;
                    }
                    lead => {
                        // ESC then a character in the same read: Alt+character.
                        let len = utf8_len(lead);
                        if len == 0 {
                            keys.push(Key::Esc);
                            i += 1;
                            continue;
                        }
                        if i + 1 + len > b.len() {
                            break; // incomplete character
                        }
                        match std::str::from_utf8(&b[i + 1..i + 1 + len]) {
                            Ok(s) => {
                                if let Some(ch) = s.chars().next() {
                                    keys.push(Key::Alt(ch));
                                }
                                i += 1 + len;
                            }
                            Err(_) => {
                                keys.push(Key::Esc);
                                i += 1;
                            }
                        }
                    }
                }
            }
            b'\r' | b'\n' => {
                keys.push(Key::Enter);
                i += 1;
            }
            b'\t' => {
                keys.push(Key::Tab);
                i += 1;
            }
            0x7f | 0x08 => {
                keys.push(Key::Backspace);
                i += 1;
            }
            0x01..=0x1a => {
                keys.push(Key::Ctrl((c + 0x60) as char));
                i += 1;
            }
            0x00..=0x1f => i += 1,
            _ => {
                let len = utf8_len(c);
                if len == 0 {
                    i += 1; // stray continuation byte
                    continue;
                }
                if i + len > b.len() {
                    break; // incomplete character
                }
                match std::str::from_utf8(&b[i..i + len]) {
                    Ok(s) => {
                        if let Some(ch) = s.chars().next() {
                            keys.push(Key::Char(ch));
                        }
                        i += len;
                    }
                    Err(_) => i += 1,
                }
            }
        }
    }
    (keys, i, false)
}

fn utf8_len(lead: u8) -> usize {
    match lead {
        0x00..=0x7f => 1,
        0xc2..=0xdf => 2,
        0xe0..=0xef => 3,
        0xf0..=0xf4 => 4,
        _ => 0,
    }
}

fn csi_key(params: &[u8], fin: u8) -> Option<Key> {
    if params.first() == Some(&b'<') {
        return mouse::sgr(params, fin).map(Key::Mouse);
    }
    let first: Option<u32> = params
        .split(|&p| p == b';')
        .next()
        .and_then(|p| std::str::from_utf8(p).ok())
        .and_then(|p| p.parse().ok());
    // The modifier (`1;5C` is Ctrl-→): 1 + bits (shift 1, alt 2, ctrl 4).
    let modifier: u32 = params
        .split(|&p| p == b';')
        .nth(1)
        .and_then(|p| std::str::from_utf8(p).ok())
        .and_then(|p| p.parse().ok())
        .unwrap_or(1);
    let ctrl_or_alt = modifier.saturating_sub(1) & 0b110 != 0;
    Some(match fin {
        b'A' => Key::Up,
        b'B' => Key::Down,
        b'C' if ctrl_or_alt => Key::CtrlRight,
        b'D' if ctrl_or_alt => Key::CtrlLeft,
        b'C' => Key::Right,
        b'D' => Key::Left,
        b'H' => Key::Home,
        b'F' => Key::End,
        b'Z' => Key::BackTab,
        b'~' => match first? {
            1 | 7 => Key::Home,
            3 => Key::Delete,
            4 | 8 => Key::End,
            5 => Key::PageUp,
            6 => Key::PageDown,
            _ => return None,
        },
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_common_keys() {
        let (k, n) = decode(b"j\x1b[A\x1b[6~\r\x7f\x15\x1b[Z");
        assert_eq!(n, 14);
        assert_eq!(
            k,
            vec![
                Key::Char('j'),
                Key::Up,
                Key::PageDown,
                Key::Enter,
                Key::Backspace,
                Key::Ctrl('u'),
                Key::BackTab
            ]
        );
        assert_eq!(decode(b"\x1b").0, vec![Key::Esc]);
        assert_eq!(decode(b"\x1bOB").0, vec![Key::Down]);
        // SGR mouse reports: a click and the wheel; a release is dropped.
        let (k, n) = decode(b"\x1b[<0;5;4M\x1b[<0;5;4m\x1b[<65;1;1Mj");
        assert_eq!(n, 29);
        let at = |kind, col, row| Key::Mouse(mouse::Mouse { kind, col, row });
        assert_eq!(
            k,
            vec![
                at(mouse::MouseKind::Click, 4, 3),
                at(mouse::MouseKind::WheelDown, 0, 0),
                Key::Char('j')
            ]
        );
    }

    #[test]
    fn split_sequences_wait_for_the_rest() {
        let mut d = Decoder::default();
        assert!(d.feed(b"\x1b[").is_empty());
        assert_eq!(d.feed(b"B"), vec![Input::Key(Key::Down)]);
        let s = "đ".as_bytes();
        assert!(d.feed(&s[..1]).is_empty());
        assert_eq!(d.feed(&s[1..]), vec![Input::Key(Key::Char('đ'))]);
    }

    #[test]
    fn esc_then_a_key_in_one_read_is_alt() {
        assert_eq!(decode(b"\x1bd").0, vec![Key::Alt('d')]);
        assert_eq!(decode(b"\x1b\r").0, vec![Key::AltEnter]);
        assert_eq!(decode(b"\x1b\x7f").0, vec![Key::AltBackspace]);
        assert_eq!(decode(b"\x1b\x1b").0, vec![Key::Esc, Key::Esc]);
        assert_eq!(decode("\x1bđ".as_bytes()).0, vec![Key::Alt('đ')]);
        assert_eq!(
            decode(b"\x1b[1;5C\x1b[1;3D").0,
            vec![Key::CtrlRight, Key::CtrlLeft]
        );
        // A lone ESC is held for the rest of a sequence split between reads …
        let mut d = Decoder::default();
        assert!(d.feed(b"\x1b").is_empty());
        assert!(d.holds_esc());
        assert_eq!(d.feed(b"[A"), vec![Input::Key(Key::Up)]);
        assert!(d.feed(b"\x1b").is_empty());
        assert_eq!(d.feed(b"[200~dy\x1b[201~"), vec![Input::Paste("dy".into())]);
        // … and is the Esc key when nothing follows in time.
        assert!(d.feed(b"\x1b").is_empty());
        assert_eq!(d.flush(), vec![Input::Key(Key::Esc)]);
        assert!(d.flush().is_empty());
        assert_eq!(d.feed(b"d"), vec![Input::Key(Key::Char('d'))]);
    }

    #[test]
    fn a_bracketed_paste_is_one_input_across_reads() {
        let mut d = Decoder::default();
        let mut got = d.feed(b"j\x1b[200~\xc4\x90\xc3\xa3 h\xe1\xbb\x8dp xong.\r\nd");
        assert_eq!(got, vec![Input::Key(Key::Char('j'))]);
        got = d.feed(b"y \x1b[20");
        assert!(got.is_empty(), "{got:?}");
        got = d.feed(b"1~k");
        assert_eq!(
            got,
            vec![
                Input::Paste("Đã họp xong.\ndy ".into()),
                Input::Key(Key::Char('k'))
            ]
        );
        // A paste start split over two reads.
        assert!(d.feed(b"\x1b[20").is_empty());
        assert!(d.feed(b"0~a\rb").is_empty());
        assert_eq!(d.feed(b"\x1b[201~"), vec![Input::Paste("a\nb".into())]);
    }

    #[test]
    fn a_long_paste_never_leaks_keys() {
        let mut d = Decoder::default();
        assert!(d.feed(b"\x1b[200~").is_empty());
        for _ in 0..200 {
            assert!(d.feed(&[b'd'; 1000]).is_empty());
        }
        let got = d.feed(b"\x1b[201~");
        assert!(matches!(&got[..], [Input::Paste(p)] if p.len() == 200_000));
    }
}
