//! Keys, and the decoder that turns the bytes a terminal sends into keys.
//!
//! The TUI reads the terminal itself (rather than through crossterm's event reader) so
//! that end of input or a read error — the SSH session dropped, the pty closed — ends
//! the program instead of spinning.

/// A key press.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Key {
    Char(char),
    /// Ctrl with a lowercase letter.
    Ctrl(char),
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
}

impl Key {
    /// How the key is written in help and hints.
    pub fn label(self) -> String {
        match self {
            Key::Char(' ') => "Space".into(),
            Key::Char(c) => c.to_string(),
            Key::Ctrl(c) => format!("Ctrl-{c}"),
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
        }
    }
}

/// Decodes terminal input incrementally; an incomplete sequence at the end of one read
/// waits for the next.
#[derive(Debug, Default)]
pub struct Decoder {
    pending: Vec<u8>,
}

impl Decoder {
    /// Feeds the bytes of one read and returns the keys they complete.
    pub fn feed(&mut self, bytes: &[u8]) -> Vec<Key> {
        self.pending.extend_from_slice(bytes);
        let (keys, used) = decode(&self.pending);
        self.pending.drain(..used);
        // Never let garbage accumulate.
        if self.pending.len() > 64 {
            self.pending.clear();
        }
        keys
    }
}

/// Decodes as many whole keys as `b` holds; returns them and the bytes consumed. A lone
/// ESC at the very end is the Esc key (terminals send sequences in one write).
pub fn decode(b: &[u8]) -> (Vec<Key>, usize) {
    let mut keys = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        match c {
            0x1b => {
                if i + 1 == b.len() {
                    keys.push(Key::Esc);
                    i += 1;
                    continue;
                }
                match b[i + 1] {
                    b'[' => {
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
                    _ => {
                        // ESC then another key (Alt-key or a fast Esc): Esc, then go on.
                        keys.push(Key::Esc);
                        i += 1;
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
    (keys, i)
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
    let first: Option<u32> = params
        .split(|&p| p == b';')
        .next()
        .and_then(|p| std::str::from_utf8(p).ok())
        .and_then(|p| p.parse().ok());
    Some(match fin {
        b'A' => Key::Up,
        b'B' => Key::Down,
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
    }

    #[test]
    fn split_sequences_wait_for_the_rest() {
        let mut d = Decoder::default();
        assert!(d.feed(b"\x1b[").is_empty());
        assert_eq!(d.feed(b"B"), vec![Key::Down]);
        let s = "đ".as_bytes();
        assert!(d.feed(&s[..1]).is_empty());
        assert_eq!(d.feed(&s[1..]), vec![Key::Char('đ')]);
    }
}
