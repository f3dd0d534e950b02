//! The Activity view: recent changes, newest first — who, when, what, before → after.

use ratatui::layout::Rect;
use ratatui::Frame;

use super::{block, block_title};
use crate::store::{Change, FieldChange};
use crate::tui::i18n::{Lang, Msg};
use crate::tui::state::AppState;
use crate::tui::theme::Theme;
use crate::tui::widgets::{CellData, Column, DataTable};

/// The catalog name of an audit field, when it has one.
fn field_name(lang: Lang, f: &str) -> String {
    let m = match f {
        "progress" => Msg::Progress,
        "status" => Msg::Status,
        "title" => Msg::Title,
        "name" => Msg::Name,
        "lead" => Msg::Lead,
        "with" | "parties" => Msg::With,
        "category" => Msg::Category,
        "cadence" => Msg::Cadence,
        "deadline" => Msg::Deadline,
        "basis" => Msg::Basis,
        "description" => Msg::Description,
        "completed_on" => Msg::Completed,
        "kind" => Msg::Kind,
        "parent" => Msg::FieldParent,
        "head" => Msg::Head,
        "starts_on" => Msg::FieldStarts,
        "ends_on" => Msg::FieldEnds,
        "review_months" => Msg::FieldReview,
        "message" => Msg::Message,
        "role" => Msg::EntityRole,
        "agency" => Msg::EntityAgency,
        "program" => Msg::Program,
        other => return other.to_string(),
    };
    lang.t(m).to_string()
}

/// A stored value as shown: statuses and categories named, dates in the interface's form.
fn value(lang: Lang, field: &str, v: &Option<String>) -> String {
    let Some(v) = v else {
        return lang.t(Msg::None_).to_string();
    };
    match field {
        "progress" => format!("{v}%"),
        "status" => v
            .parse()
            .map(|s| lang.status(s).to_string())
            .unwrap_or_else(|_| v.clone()),
        "category" => lang
            .category_short(v)
            .map(str::to_string)
            .unwrap_or_else(|| v.clone()),
        "role" => v
            .parse()
            .map(|r| lang.role(r).to_string())
            .unwrap_or_else(|_| v.clone()),
        "kind" => lang
            .kind(v)
            .map(str::to_string)
            .unwrap_or_else(|| v.clone()),
        "cadence" => match v.as_str() {
            "roadmap" => lang.t(Msg::Roadmap).to_string(),
            "recurring" => lang.t(Msg::Recurring).to_string(),
            _ => v.clone(),
        },
        _ => match chrono::NaiveDate::parse_from_str(v, "%Y-%m-%d") {
            Ok(d) => lang.date(d),
            Err(_) => v.clone(),
        },
    }
}

fn action_name(lang: Lang, a: &str) -> String {
    let m = match a {
        "add" => Msg::ActionAdd,
        "edit" => Msg::ActionEdit,
        "update" => Msg::ActionUpdate,
        "remove" => Msg::ActionRemove,
        "urge" => Msg::ActionUrge,
        "overwrite_update" | "overwrite_edit" => Msg::ActionOverwrite,
        "grant" => Msg::ActionGrant,
        "undo" => Msg::ActionUndo,
        "restore" => Msg::ActionRestore,
        "revoke" => Msg::ActionRevoke,
        other => return other.to_string(),
    };
    lang.t(m).to_string()
}

/// "Nhiệm vụ #12", "Cơ quan BTC".
pub fn record_name(lang: Lang, c: &Change) -> String {
    let (m, sep) = match c.entity.as_str() {
        "task" => (Msg::EntityTask, " #"),
        "agency" => (Msg::EntityAgency, " "),
        "program" => (Msg::EntityProgram, " "),
        "role" => (Msg::EntityRole, " "),
        other => return format!("{other} {}", c.key),
    };
    format!("{}{sep}{}", lang.t(m), c.key)
}

/// The change's text: each field before → after, the note, then the record's title.
pub fn change_text(lang: Lang, c: &Change) -> String {
    let mut parts = Vec::new();
    let field = |f: &FieldChange| -> String {
        let name = field_name(lang, &f.field);
        match (&f.before, &f.after) {
            (None, Some(_)) => format!("{name}: {}", value(lang, &f.field, &f.after)),
            (Some(_), None) if c.action == "remove" => {
                format!("{name}: {}", value(lang, &f.field, &f.before))
            }
            _ => format!(
                "{name}: {} → {}",
                value(lang, &f.field, &f.before),
                value(lang, &f.field, &f.after)
            ),
        }
    };
    let skip_title = |f: &&FieldChange| {
        !(c.label.is_some()
            && (f.field == "title" || f.field == "name")
            && f.before.is_none() != f.after.is_none())
    };
    // The fields people look for first.
    const ORDER: &[&str] = &[
        "progress", "status", "title", "name", "deadline", "lead", "with", "category", "message",
    ];
    let rank = |f: &FieldChange| {
        ORDER
            .iter()
            .position(|o| *o == f.field)
            .unwrap_or(ORDER.len())
    };
    let mut fields: Vec<&FieldChange> = c.fields.iter().filter(skip_title).collect();
    fields.sort_by_key(|f| rank(f));
    // Progress and status, then the note written with them, then the rest.
    let (first, rest): (Vec<&FieldChange>, Vec<&FieldChange>) =
        fields.into_iter().partition(|f| rank(f) < 2);
    parts.extend(first.into_iter().map(field));
    if let Some(n) = &c.note {
        parts.push(format!("{}: {n}", lang.t(Msg::FieldNote)));
    }
    parts.extend(rest.into_iter().map(field));
    // What changed first; the record's title last (it is long and gets cut).
    if let Some(l) = &c.label {
        parts.push(format!("«{l}»"));
    }
    parts.join("; ")
}

pub fn draw(frame: &mut Frame<'_>, area: Rect, state: &AppState, theme: &Theme) {
    let lang = state.lang;
    let a = &state.activity;
    let columns = vec![
        Column::new(lang.t(Msg::When), 16),
        // Which record changed matters more than who changed it: the login goes first
        // on a narrow screen, so the record survives at 80 columns.
        Column::new(lang.t(Msg::Who), 12).priority(2),
        Column::new(lang.t(Msg::What), 13),
        Column::new(lang.t(Msg::Record), 14).priority(1),
        Column::new(lang.t(Msg::Changes), 20).flex(),
    ];
    let page = state.page();
    let rows = a
        .visible(page)
        .iter()
        .map(|r| {
            let c = &r.change;
            let when = r
                .when
                .map(|t| format!("{} {}", lang.date(t.date()), t.format("%H:%M")))
                .unwrap_or_default();
            let what_style = if c.action.starts_with("overwrite") {
                theme.error
            } else {
                ratatui::style::Style::new()
            };
            vec![
                CellData::text(when),
                CellData::text(c.actor.clone()),
                CellData::styled(action_name(lang, &c.action), what_style),
                CellData::text(record_name(lang, c)),
                CellData::text(change_text(lang, c)),
            ]
        })
        .collect();
    let title = format!(
        "{} · {}/{}",
        lang.t(Msg::ViewActivity),
        if a.rows.is_empty() {
            0
        } else {
            a.cursor.selected + 1
        },
        a.rows.len()
    );
    frame.render_widget(
        DataTable {
            columns,
            rows,
            selected: (!a.rows.is_empty()).then(|| a.cursor.selected - a.cursor.top),
            block: Some(block(block_title(&title, area), theme)),
            theme,
        },
        area,
    );
    if a.rows.is_empty() {
        super::empty_note(frame, area, lang.t(Msg::NoActivity), theme);
    }
}
