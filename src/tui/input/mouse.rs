//! The mouse, in xterm's SGR encoding (`ESC [ < b ; col ; row M`, `m` on release), which
//! the terminal sends once the TUI asks for it (`?1000h` presses and releases, `?1006h`
//! SGR); see [`ENABLE`]. Only what the screens use is kept: a left press (a click), the
//! wheel. Releases, other buttons and motion are dropped here.

use std::time::{Duration, Instant};

/// What turns the mouse on: button presses and releases, the wheel, SGR coordinates.
/// No motion tracking (`?1003h`): the screens have no use for it.
pub const ENABLE: &str = "\x1b[?1000h\x1b[?1006h";
/// What turns it off again (on every way out, with the rest of the terminal's state).
pub const DISABLE: &str = "\x1b[?1006l\x1b[?1000l";

/// Two clicks on the same cell within this are a double click (the common default).
pub const DOUBLE_CLICK: Duration = Duration::from_millis(400);

/// What the mouse did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MouseKind {
    /// The left button went down.
    Click,
    /// The left button went down a second time on the same cell, soon after.
    DoubleClick,
    WheelUp,
    WheelDown,
}

/// A mouse event at a cell (0-based column and row, as the screen is laid out).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Mouse {
    pub kind: MouseKind,
    pub col: u16,
    pub row: u16,
}

/// Decodes the parameters and final byte of an SGR mouse report (`<0;12;5`, `M`).
/// `None` for what the screens do not use (or what is malformed).
pub fn sgr(params: &[u8], fin: u8) -> Option<Mouse> {
    let rest = params.strip_prefix(b"<")?;
    let mut it = std::str::from_utf8(rest).ok()?.split(';');
    let b: u16 = it.next()?.parse().ok()?;
    let col: u16 = it.next()?.parse().ok()?;
    let row: u16 = it.next()?.parse().ok()?;
    if it.next().is_some() || col == 0 || row == 0 {
        return None;
    }
    // Bits: 0–1 the button, 2–4 shift/alt/ctrl, 5 motion, 6 the wheel.
    let motion = b & 32 != 0;
    let kind = match (b & 0b1100_0011, fin) {
        _ if motion => return None,
        (0, b'M') => MouseKind::Click,
        (64, b'M') => MouseKind::WheelUp,
        (65, b'M') => MouseKind::WheelDown,
        _ => return None,
    };
    Some(Mouse {
        kind,
        col: col - 1,
        row: row - 1,
    })
}

/// Tells a double click from two clicks: remembers the last click's cell and time.
#[derive(Debug, Default)]
pub struct Clicks {
    last: Option<(Instant, u16, u16)>,
}

impl Clicks {
    /// `m` as it counts at `now`: a click on the cell last clicked, within
    /// [`DOUBLE_CLICK`], becomes a double click (and a third click starts over).
    pub fn classify(&mut self, mut m: Mouse, now: Instant) -> Mouse {
        if m.kind != MouseKind::Click {
            return m;
        }
        match self.last {
            Some((t, c, r))
                if c == m.col && r == m.row && now.duration_since(t) <= DOUBLE_CLICK =>
            {
                m.kind = MouseKind::DoubleClick;
                self.last = None;
            }
            _ => self.last = Some((now, m.col, m.row)),
        }
        m
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sgr_reports() {
        let click = sgr(b"<0;12;5", b'M').unwrap();
        assert_eq!(
            (click.kind, click.col, click.row),
            (MouseKind::Click, 11, 4)
        );
        assert_eq!(sgr(b"<64;1;1", b'M').unwrap().kind, MouseKind::WheelUp);
        assert_eq!(sgr(b"<65;1;1", b'M').unwrap().kind, MouseKind::WheelDown);
        // Releases, the right button, drags, malformed reports: nothing.
        assert_eq!(sgr(b"<0;12;5", b'm'), None);
        assert_eq!(sgr(b"<2;12;5", b'M'), None);
        assert_eq!(sgr(b"<32;12;5", b'M'), None);
        assert_eq!(sgr(b"<0;0;5", b'M'), None);
        assert_eq!(sgr(b"<0;12", b'M'), None);
        assert_eq!(sgr(b"0;12;5", b'M'), None);
        assert_eq!(sgr(b"<0;99999999;5", b'M'), None);
    }

    #[test]
    fn double_clicks() {
        let mut c = Clicks::default();
        let t = Instant::now();
        let at = |col, row| Mouse {
            kind: MouseKind::Click,
            col,
            row,
        };
        assert_eq!(c.classify(at(3, 4), t).kind, MouseKind::Click);
        let d = c.classify(at(3, 4), t + Duration::from_millis(200));
        assert_eq!(d.kind, MouseKind::DoubleClick);
        // A third click starts over; another cell or too late is a click.
        assert_eq!(
            c.classify(at(3, 4), t + Duration::from_millis(300)).kind,
            MouseKind::Click
        );
        assert_eq!(
            c.classify(at(3, 5), t + Duration::from_millis(400)).kind,
            MouseKind::Click
        );
        assert_eq!(
            c.classify(at(3, 5), t + Duration::from_millis(900)).kind,
            MouseKind::Click
        );
    }
}
