//! What is wrong with a config file (`docs/cli.md`, "Config files"): the file and line,
//! then what the line holds that cannot be taken.

use crate::lang::Lang;

/// A config file refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Config {
    /// The file exists but cannot be read.
    Unreadable { path: String, detail: String },
    /// A line (when known) of the file holds something that cannot be taken.
    At {
        path: String,
        line: Option<usize>,
        what: Wrong,
    },
    /// The remaps of these files, together, cannot be taken.
    Keys { files: Vec<String>, refusal: Remap },
}

/// Why a `[keys.MODE]` remap cannot be taken; `section` is the MODE as the file wrote it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Remap {
    NoKey {
        section: String,
        action: String,
    },
    /// A character key in a mode where characters are typed into a field.
    Typed {
        section: String,
        action: String,
    },
    /// The action has no key in that mode; `global` when it is a global key.
    NotInMode {
        section: String,
        action: String,
        global: bool,
    },
    /// Two actions given the same key in one mode.
    Clash {
        section: String,
        action: String,
        key: String,
        other: String,
        mode: String,
    },
}

impl Remap {
    /// The sentence, without the file names and the final stop.
    pub fn render(&self, lang: Lang) -> String {
        match self {
            Remap::NoKey { section, action } => say!(
                lang,
                "[keys.{section}] {action} cần ít nhất một phím",
                "[keys.{section}] {action} needs at least one key"
            ),
            Remap::Typed { section, action } => say!(
                lang,
                "[keys.{section}] {action}: ở chế độ này, phím ký tự được gõ vào ô nhập; hãy dùng ctrl-, alt- hoặc một phím có tên",
                "[keys.{section}] {action}: a character key there is typed into the field; use ctrl-, alt- or a named key"
            ),
            Remap::NotInMode {
                section,
                action,
                global,
            } => {
                let hint = match (global, lang) {
                    (false, _) => String::new(),
                    (true, Lang::Vi) => {
                        format!("; {action} là phím chung, hãy khai báo trong [keys.global]")
                    }
                    (true, Lang::En) => {
                        format!("; {action} is a global key, give it under [keys.global]")
                    }
                };
                say!(
                    lang,
                    "[keys.{section}] {action}: chế độ này không có phím đó{hint}",
                    "[keys.{section}] {action}: there is no such key in that mode{hint}"
                )
            }
            Remap::Clash {
                section,
                action,
                key,
                other,
                mode,
            } => say!(
                lang,
                "[keys.{section}] {action}: phím {key} đã là phím của {other} trong {mode}; hãy đổi cả phím của {other}",
                "[keys.{section}] {action}: {key} is already the key of {other} in {mode}; give {other} another key too"
            ),
        }
    }
}

/// What a config line holds that cannot be taken.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Wrong {
    /// The TOML reader's own words (not translated; see [`Wrong::render`]).
    Parser(String),
    DatabaseNotAbsolute,
    ProgramCode,
    WallboardRange {
        lo: i64,
        hi: i64,
    },
    UnknownMode {
        mode: String,
        modes: String,
    },
    UnknownAction {
        action: String,
        mode: String,
        actions: String,
    },
    KeyNotString,
    NotAKey {
        key: String,
    },
}

const KEY_NAMES: &str = "space, enter, esc, tab, shift-tab, backspace, delete, up, down, left, right, pgup, pgdn, home, end, alt-enter";

impl Wrong {
    fn render(&self, lang: Lang) -> String {
        use Wrong::*;
        match self {
            Parser(detail) => parser(lang, detail),
            DatabaseNotAbsolute => say!(
                lang,
                "cơ sở dữ liệu phải ghi bằng đường dẫn tuyệt đối, ví dụ \"/var/lib/phoihop/phoihop.db\"",
                "the database must be an absolute path, such as \"/var/lib/phoihop/phoihop.db\""
            ),
            ProgramCode => say!(
                lang,
                "chương trình ghi bằng mã chương trình: chữ in hoa A-Z, chữ số và dấu '-'",
                "the program is a program's code: capital letters A-Z, digits and '-'"
            ),
            WallboardRange { lo, hi } => say!(
                lang,
                "chu kỳ màn hình treo tường là số giây từ {lo} đến {hi}",
                "the wallboard interval is a number of seconds from {lo} to {hi}"
            ),
            UnknownMode { mode, modes } => say!(
                lang,
                "không có chế độ `{mode}` trong [keys]; các chế độ là {modes}",
                "unknown mode `{mode}` under [keys]; the modes are {modes}"
            ),
            UnknownAction {
                action,
                mode,
                actions,
            } => say!(
                lang,
                "không có thao tác `{action}` trong [keys.{mode}]; các thao tác là {actions}",
                "unknown action `{action}` under [keys.{mode}]; the actions are {actions}"
            ),
            KeyNotString => say!(
                lang,
                "phím ghi bằng chuỗi, ví dụ \"x\", \"ctrl-s\" hoặc \"enter\", hoặc một danh sách các chuỗi đó",
                "a key is written as a string, such as \"x\", \"ctrl-s\" or \"enter\", or a list of them"
            ),
            NotAKey { key } => {
                let names = KEY_NAMES;
                say!(
                    lang,
                    "`{key}` không phải là phím; hãy ghi một ký tự, ctrl-x, alt-x, hoặc một trong các phím {names}",
                    "`{key}` is not a key; write a character, ctrl-x, alt-x, or one of {names}"
                )
            }
        }
    }
}

/// The TOML reader's message. Its commonest sentences (a field or value it does not
/// know, a value of the wrong type) are said in Vietnamese with the names it gave; any
/// other is quoted after a Vietnamese lead.
fn parser(lang: Lang, detail: &str) -> String {
    let detail = detail.trim().trim_end_matches('.').replace('\n', " ");
    if lang == Lang::En {
        return detail;
    }
    let split = |rest: &str| -> (String, Option<String>) {
        match rest.split_once(", expected ") {
            Some((name, expected)) => (name.to_string(), Some(expected.to_string())),
            None => (rest.to_string(), None),
        }
    };
    let with_expected = |lead: String, expected: Option<String>, kind: &str| match expected {
        Some(e) => {
            let e = e.trim_start_matches("one of ").replace(" or ", " hoặc ");
            format!("{lead}; {kind} là {e}")
        }
        None => lead,
    };
    if let Some(rest) = detail.strip_prefix("unknown field ") {
        let (name, expected) = split(rest);
        return with_expected(format!("không có trường {name}"), expected, "các trường");
    }
    if let Some(rest) = detail.strip_prefix("unknown variant ") {
        let (name, expected) = split(rest);
        return with_expected(format!("không có giá trị {name}"), expected, "các giá trị");
    }
    if let Some(rest) = detail.strip_prefix("invalid type: ") {
        return format!("giá trị sai kiểu ({rest})");
    }
    format!("tệp không đúng cú pháp TOML ({detail})")
}

impl Config {
    pub(super) fn render(&self, lang: Lang) -> String {
        match self {
            Config::Unreadable { path, detail } => say!(
                lang,
                "Không đọc được tệp cấu hình {path} ({detail}).",
                "The config file {path} cannot be read ({detail})."
            ),
            Config::At { path, line, what } => {
                let what = what.render(lang);
                match (line, lang) {
                    (Some(l), Lang::Vi) => format!("{path}, dòng {l}: {what}."),
                    (Some(l), Lang::En) => format!("{path}, line {l}: {what}."),
                    (None, _) => format!("{path}: {what}."),
                }
            }
            Config::Keys { files, refusal } if files.is_empty() => {
                format!("{}.", refusal.render(lang))
            }
            Config::Keys { files, refusal } => {
                let files = files.join(match lang {
                    Lang::Vi => " và ",
                    Lang::En => " and ",
                });
                format!("{files}: {}.", refusal.render(lang))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_toml_readers_commonest_words_are_said_in_vietnamese() {
        assert_eq!(
            parser(
                Lang::Vi,
                "unknown field `colour`, expected one of `language`, `theme`"
            ),
            "không có trường `colour`; các trường là `language`, `theme`"
        );
        assert_eq!(
            parser(Lang::Vi, "unknown variant `fr`, expected `vi` or `en`\n"),
            "không có giá trị `fr`; các giá trị là `vi` hoặc `en`"
        );
        assert_eq!(
            parser(Lang::En, "unknown variant `fr`, expected `vi` or `en`\n"),
            "unknown variant `fr`, expected `vi` or `en`"
        );
        assert!(parser(Lang::Vi, "expected `=`").starts_with("tệp không đúng cú pháp TOML"));
        let at = Config::At {
            path: "/etc/phoihop/config.toml".into(),
            line: Some(3),
            what: Wrong::NotAKey {
                key: "hyper-o".into(),
            },
        };
        assert!(at
            .render(Lang::Vi)
            .starts_with("/etc/phoihop/config.toml, dòng 3: `hyper-o` không phải là phím"));
    }
}
