//! An operator's home: "My agency's work", the tasks their agency leads, then those it
//! coordinates, overdue first, then due within 14 days, then the rest; the counts and
//! the urges received in the title.

use ratatui::layout::Rect;
use ratatui::Frame;

use super::{block, block_title};
use crate::domain::days_late;
use crate::store::mine::{Part, Urgency, WorkCounts};
use crate::tui::i18n::{fill, Lang, Msg};
use crate::tui::state::{AppState, MyWork};
use crate::tui::theme::Theme;
use crate::tui::widgets::{width, CellData, Column, DataTable};

/// "leads 12 (3 overdue, 2 due soon)": the zero parts left out.
fn part(lang: Lang, m: Msg, c: WorkCounts, soon: bool) -> String {
    let mut inner = Vec::new();
    if c.overdue > 0 {
        inner.push(fill(lang.t(Msg::MineOverdue), lang.int(c.overdue as i64)));
    }
    if soon && c.due_soon > 0 {
        inner.push(fill(lang.t(Msg::MineDueSoon), lang.int(c.due_soon as i64)));
    }
    let head = fill(lang.t(m), lang.int(c.tasks as i64));
    if inner.is_empty() {
        head
    } else {
        format!("{head} ({})", inner.join(", "))
    }
}

/// The title with its counts, the least needed parts dropped until it fits `room`.
pub fn title(state: &AppState, w: &MyWork, room: usize) -> String {
    let lang = state.lang;
    let (led, with) = w.counts();
    let urges = state.inbox.recent;
    let build = |soon: bool, with_urges: bool| {
        let mut s = format!(
            "{}: {}; {}",
            lang.t(Msg::MineTitle),
            part(lang, Msg::MineLeads, led, soon),
            part(lang, Msg::MineCoordinates, with, soon)
        );
        if with_urges && urges > 0 {
            s.push_str("; ");
            s.push_str(&fill(lang.t(Msg::MineUrges), lang.int(urges as i64)));
        }
        s
    };
    for (soon, u) in [(true, true), (true, false), (false, false)] {
        let t = build(soon, u);
        if width(&t) <= room {
            return t;
        }
    }
    build(false, false)
}

pub fn draw(frame: &mut Frame<'_>, area: Rect, state: &AppState, w: &MyWork, theme: &Theme) {
    let lang = state.lang;
    let page = state.page();
    let when = |i: &crate::store::mine::WorkItem| match i.urgency {
        Urgency::Overdue => (
            fill(
                lang.t(Msg::DaysLate),
                lang.int(days_late(i.task.deadline, w.as_of)),
            ),
            theme.overdue,
        ),
        Urgency::DueSoon => {
            let left = i.task.deadline.map_or(0, |d| (d - w.as_of).num_days());
            (fill(lang.t(Msg::DaysLeft), lang.int(left)), theme.soon)
        }
        Urgency::Later => (lang.status(i.task.status).to_string(), theme.dim),
    };
    // As wide as its widest entry on the page, so a number is never cut.
    let when_w = w
        .visible(page)
        .iter()
        .map(|i| width(&when(i).0))
        .max()
        .unwrap_or(10)
        .clamp(8, 24);
    let columns = vec![
        Column::new(lang.t(Msg::MineRole), 9),
        Column::new(lang.t(Msg::Id), 5).right().priority(2),
        Column::new(lang.t(Msg::Deadline), 10),
        Column::new("", u16::try_from(when_w).unwrap_or(16)),
        Column::new(lang.t(Msg::Title), 20).flex(),
        Column::new(lang.t(Msg::Lead), 9).priority(1),
        Column::new(lang.t(Msg::Progress), 12).priority(3),
    ];
    let rows = w
        .visible(page)
        .iter()
        .map(|i| {
            let t = &i.task;
            let (when, style) = when(i);
            vec![
                CellData::text(lang.t(match i.part {
                    Part::Lead => Msg::Lead,
                    Part::Coordinating => Msg::With,
                })),
                CellData::text(t.id.to_string()),
                CellData::text(t.deadline.map(|d| lang.date(d)).unwrap_or_default()),
                CellData::styled(when, style),
                CellData::text(t.title.clone()),
                CellData::text(t.lead.clone()),
                CellData::Bar(f64::from(t.progress.get())),
            ]
        })
        .collect();
    let room = usize::from(area.width.saturating_sub(4));
    let title = title(state, w, room);
    frame.render_widget(
        DataTable {
            columns,
            rows,
            selected: (!w.rows.is_empty()).then(|| w.cursor.selected - w.cursor.top),
            block: Some(block(block_title(&title, area), theme)),
            theme,
        },
        area,
    );
    if w.rows.is_empty() {
        super::empty_note(frame, area, lang.t(Msg::MineEmpty), theme);
    }
}
