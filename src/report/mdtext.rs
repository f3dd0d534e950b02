//! Text from the database made safe for Markdown: it can show, but never become markup
//! that runs or links somewhere (issue 21). Control characters are escaped as for a
//! terminal; `<`, `>` and an `&` that could start an entity become entities, so no raw HTML and no `<…>` autolink can
//! form; `\`, `[`, `]` and `|` are backslash-escaped, so no link, image or reference can
//! form and no table cell can be broken — except a plain inline link `[label](dest)` whose
//! destination is `http://`, `https://` or `mailto:`, which is kept. A URI scheme other
//! than those (`javascript:`, `data:`, `vbscript:` …: an ASCII word directly followed by
//! `:` and a non-space character) gets its colon escaped (`javascript\:`), which a Markdown viewer
//! shows as the same text.

use crate::domain::text;

/// Schemes a link from the data may keep.
const ALLOWED: [&str; 3] = ["http", "https", "mailto"];

/// `s` escaped for Markdown text or a table cell.
pub fn md(s: &str) -> String {
    let s = text::escape(s);
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len() + 8);
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '&'
            && !chars
                .get(i + 1)
                .is_some_and(|n| n.is_ascii_alphanumeric() || *n == '#')
        {
            // Cannot start an entity (`&amp;`, `&#58;`): left as it is, easier to read.
            out.push('&');
            i += 1;
            continue;
        }
        if c == '[' && (i == 0 || chars[i - 1] != '!') {
            if let Some(end) = allowed_link(&chars, i) {
                // `[label](dest)`: the label escaped, the destination kept.
                let close = chars[i..end].iter().position(|&c| c == ']').unwrap_or(0) + i;
                out.push('[');
                push_plain(&mut out, &chars[i + 1..close]);
                out.push_str("](");
                for &d in &chars[close + 2..end - 1] {
                    push_char(&mut out, d, false);
                }
                out.push(')');
                i = end;
                continue;
            }
        }
        push_char(&mut out, c, true);
        i += 1;
    }
    neutralize_schemes(&out)
}

fn push_plain(out: &mut String, cs: &[char]) {
    for &c in cs {
        push_char(out, c, true);
    }
}

fn push_char(out: &mut String, c: char, brackets: bool) {
    match c {
        '&' => out.push_str("&amp;"),
        '<' => out.push_str("&lt;"),
        '>' => out.push_str("&gt;"),
        '\\' => out.push_str("\\\\"),
        '|' => out.push_str("\\|"),
        '[' | ']' if brackets => {
            out.push('\\');
            out.push(c);
        }
        c => out.push(c),
    }
}

/// If `[label](dest)` starts at `start` with a label free of brackets and a destination
/// free of spaces and parentheses whose scheme is allowed: the index after its `)`.
fn allowed_link(cs: &[char], start: usize) -> Option<usize> {
    let close = start + 1 + cs[start + 1..].iter().position(|&c| c == ']' || c == '[')?;
    if cs[close] != ']' || cs.get(close + 1) != Some(&'(') {
        return None;
    }
    let from = close + 2;
    let len = cs[from..].iter().position(|&c| c == ')')?;
    let dest: String = cs[from..from + len].iter().collect();
    if dest.is_empty()
        || dest
            .chars()
            .any(|c| c.is_whitespace() || c == '(' || c == '<')
    {
        return None;
    }
    let lower = dest.to_ascii_lowercase();
    let ok = ["http://", "https://", "mailto:"]
        .iter()
        .any(|p| lower.starts_with(p) && lower.len() > p.len());
    ok.then_some(from + len + 1)
}

/// Escapes the colon of everything that could be a URI scheme not in [`ALLOWED`]: a run
/// of ASCII letters, digits, `+`, `-`, `.` holding a letter, directly followed by `:` and
/// a character that is not a space ("như sau: …" and "08:30" are left alone).
fn neutralize_schemes(s: &str) -> String {
    let cs: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut word_start: Option<usize> = None;
    for (i, &c) in cs.iter().enumerate() {
        if c == ':' {
            if let Some(ws) = word_start {
                let word: String = cs[ws..i].iter().collect();
                let next = cs.get(i + 1).copied();
                if word.chars().any(|c| c.is_ascii_alphabetic())
                    && next.is_some_and(|n| !n.is_whitespace())
                    && !ALLOWED.contains(&word.to_ascii_lowercase().as_str())
                {
                    out.push_str("\\:");
                    word_start = None;
                    continue;
                }
            }
        }
        if c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.') {
            if word_start.is_none() {
                word_start = Some(i);
            }
        } else {
            word_start = None;
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::md;

    #[test]
    fn html_and_links_cannot_form() {
        assert_eq!(
            md("<script>alert(1)</script>"),
            "&lt;script&gt;alert(1)&lt;/script&gt;"
        );
        assert_eq!(md("a & b"), "a & b");
        assert_eq!(md("&lt;b&gt; &#58;"), "&amp;lt;b&amp;gt; &amp;#58;");
        assert_eq!(
            md("[x](javascript:alert(1))"),
            "\\[x\\](javascript\\:alert(1))"
        );
        assert_eq!(md("<JavaScript:alert(1)>"), "&lt;JavaScript\\:alert(1)&gt;");
        assert_eq!(
            md("![i](data:image/png;base64,AA)"),
            "!\\[i\\](data\\:image/png;base64,AA)"
        );
        assert_eq!(md("a|b\\c"), "a\\|b\\\\c");
    }

    #[test]
    fn allowed_links_and_prose_stay() {
        assert_eq!(
            md("[trang](https://quangninh.gov.vn)"),
            "[trang](https://quangninh.gov.vn)"
        );
        assert_eq!(md("[thư](mailto:vp@tu.vn)"), "[thư](mailto:vp@tu.vn)");
        assert_eq!(
            md("Nội dung như sau: họp lúc 08:30"),
            "Nội dung như sau: họp lúc 08:30"
        );
        assert_eq!(md("Ban Tổ chức Tỉnh ủy"), "Ban Tổ chức Tỉnh ủy");
        assert_eq!(md("x\u{1b}[31m"), "x␛\\[31m");
    }
}
