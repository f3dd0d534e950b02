//! The report as a Word document (`--format docx`) in the official layout of the issuing
//! body: a Party document (Hướng dẫn 36-HD/VPTW of the Party's Central Office) when the
//! issuing agency is a Party body, else a state document (Nghị định 30/2020/NĐ-CP,
//! Phụ lục I), which Fatherland Front bodies follow too. See `docs/reports.md`.
//!
//! The page: A4, margins top and bottom 20 mm, left 30 mm, right 15 mm, Times New Roman.
//! The header block: the issuing body (its superior above it), `*` under a Party body,
//! "Số …-BC/…" left for the clerk; on the right "ĐẢNG CỘNG SẢN VIỆT NAM" (Party) or
//! "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM / Độc lập - Tự do - Hạnh phúc" (state), and the
//! place-and-date line. Then the title in capitals, the text of [`super::prose`] with
//! real Word tables and the sections III and V as headed placeholders, and "Nơi nhận"
//! and the signature block as placeholders.

use chrono::{Datelike, NaiveDate};
use docx_rs::{AlignmentType, Docx, Header, PageNum, Paragraph};

use super::docx_parts::{body, fonts, heading, line, margins, run, table, two_columns, A4};
use super::prose::{blocks, Block};
use super::Report;
use crate::error::{Error, Result};

/// Who issues the report and where: the header block's facts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Letterhead {
    /// A Party body (Hướng dẫn 36-HD/VPTW) or a state one (Nghị định 30/2020/NĐ-CP).
    pub party: bool,
    /// The issuing body's name.
    pub issuer: String,
    /// The name of the body above it, if any (shown above the issuer's).
    pub superior: Option<String>,
    /// The issuer's code, the end of the document's ký hiệu (`-BC/TU`, `/BC-UBND`).
    pub code: String,
    /// The place of the place-and-date line (`Quảng Ninh`); dots for the clerk when unknown.
    pub place: Option<String>,
}

/// The header block's facts for a report: the issuing agency is `issuer` when given, else
/// the program's first signatory in protocol order (all programs: the first agency in
/// protocol order); its kind picks the layout (a Party body the Party's, any other the
/// state's); `place` is the place of the date line.
pub fn letterhead(
    store: &crate::store::Store,
    r: &Report,
    issuer: Option<&str>,
    place: Option<&str>,
) -> Result<Letterhead> {
    let all = store.agencies()?;
    let parties = match &r.program {
        Some(p) => store.program(&p.code)?.parties,
        None => Vec::new(),
    };
    let chosen = match issuer {
        Some(code) => Some(store.agency(code)?),
        None => all
            .iter()
            .find(|a| parties.contains(&a.code))
            .or_else(|| all.first())
            .cloned(),
    };
    let Some(a) = chosen else {
        return Err(Error::Usage(crate::lang::facts::Cli::NoIssuer.into()));
    };
    let superior = a
        .parent
        .as_deref()
        .and_then(|p| all.iter().find(|x| x.code == p))
        .map(|x| x.name.clone());
    Ok(Letterhead {
        party: a.kind == crate::domain::AgencyKind::Party,
        issuer: a.name,
        superior,
        code: a.code,
        place: place
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string),
    })
}

/// Capitals of a name, as the header block writes it.
fn caps(s: &str) -> String {
    s.to_uppercase()
}

/// "ngày 06 tháng 11 năm 2020": days below 10 and the months 1 and 2 with a leading zero
/// (both rules).
pub fn date_words(d: NaiveDate, vi: bool) -> String {
    if vi {
        let month = if d.month() <= 2 {
            format!("{:02}", d.month())
        } else {
            d.month().to_string()
        };
        format!("ngày {:02} tháng {month} năm {}", d.day(), d.year())
    } else {
        d.format("%-d %B %Y").to_string()
    }
}

/// The place-and-date line: "Quảng Ninh, ngày 06 tháng 11 năm 2020".
pub fn place_and_date(h: &Letterhead, d: NaiveDate, vi: bool) -> String {
    let place = h.place.as_deref().unwrap_or("……………");
    format!("{place}, {}", date_words(d, vi))
}

/// The ký hiệu line left for the clerk to number: "Số      -BC/TU" (Party) or
/// "Số:      /BC-UBND" (state).
pub fn number_line(h: &Letterhead, vi: bool) -> String {
    match (h.party, vi) {
        (true, true) => format!("Số        -BC/{}", h.code),
        (false, true) => format!("Số:        /BC-{}", h.code),
        (true, false) => format!("No.        -BC/{}", h.code),
        (false, false) => format!("No.:        /BC-{}", h.code),
    }
}

fn header_block(h: &Letterhead, as_of: NaiveDate, vi: bool) -> docx_rs::Table {
    let c = AlignmentType::Center;
    let mut left = Vec::new();
    // Party: 14 pt (15 for the title line on the right); state: 13 pt.
    let (pt, head_pt) = if h.party { (14, 15) } else { (13, 13) };
    if let Some(s) = &h.superior {
        left.push(line(run(&caps(s), pt), c));
    }
    left.push(line(run(&caps(&h.issuer), pt).bold(), c));
    if h.party {
        left.push(line(run("*", pt), c));
    } else {
        left.push(line(run("__________", 9), c));
    }
    left.push(line(run(&number_line(h, vi), pt), c));
    let mut right = Vec::new();
    match (h.party, vi) {
        (true, true) => right.push(line(
            run("ĐẢNG CỘNG SẢN VIỆT NAM", head_pt)
                .bold()
                .underline("single"),
            c,
        )),
        (true, false) => right.push(line(
            run("COMMUNIST PARTY OF VIETNAM", head_pt)
                .bold()
                .underline("single"),
            c,
        )),
        (false, true) => {
            right.push(line(
                run("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 12).bold(),
                c,
            ));
            right.push(line(
                run("Độc lập - Tự do - Hạnh phúc", 13)
                    .bold()
                    .underline("single"),
                c,
            ));
        }
        (false, false) => {
            right.push(line(run("SOCIALIST REPUBLIC OF VIET NAM", 12).bold(), c));
            right.push(line(
                run("Independence - Freedom - Happiness", 13)
                    .bold()
                    .underline("single"),
                c,
            ));
        }
    }
    right.push(line(run("", pt), c));
    right.push(line(
        run(&place_and_date(h, as_of, vi), pt).italic(),
        if h.party { AlignmentType::Right } else { c },
    ));
    let split = super::docx_parts::text_width() * 42 / 100;
    two_columns(left, right, split)
}

fn closing(h: &Letterhead, vi: bool, pt: usize) -> docx_rs::Table {
    let l = AlignmentType::Left;
    let c = AlignmentType::Center;
    let pick = |a: &'static str, b: &'static str| if vi { a } else { b };
    let mut left = vec![line(
        if h.party {
            run(pick("Nơi nhận:", "Recipients:"), pt).underline("single")
        } else {
            run(pick("Nơi nhận:", "Recipients:"), 12).bold().italic()
        },
        l,
    )];
    for r in [
        pick("- ……………;", "- ……………;"),
        pick("- ……………;", "- ……………;"),
        pick("- Lưu Văn phòng.", "- Office file."),
    ] {
        left.push(line(run(r, if h.party { 12 } else { 11 }), l));
    }
    let on_behalf = match (h.party, vi) {
        (true, true) => format!("T/M {}", caps(&h.issuer)),
        (false, true) => format!("TM. {}", caps(&h.issuer)),
        (_, false) => format!("ON BEHALF OF {}", caps(&h.issuer)),
    };
    let right = vec![
        line(run(&on_behalf, pt).bold(), c),
        line(run(pick("(Chức vụ)", "(Title)"), pt).bold(), c),
        line(run("", pt), c),
        line(
            run(pick("(Chữ ký, dấu)", "(Signature, seal)"), 12).italic(),
            c,
        ),
        line(run("", pt), c),
        line(run("", pt), c),
        line(run(pick("(Họ và tên)", "(Full name)"), pt).bold(), c),
    ];
    two_columns(left, right, super::docx_parts::text_width() / 2)
}

/// The start of a Word document: A4, the margins, Times New Roman at `pt`, page numbers
/// centred in the top margin (none on the first page), the header block, two empty lines.
pub(crate) fn open(h: &Letterhead, as_of: NaiveDate, vi: bool, pt: usize) -> Docx {
    let page_no = Header::new().add_paragraph(
        Paragraph::new()
            .add_page_num(PageNum::new())
            .align(AlignmentType::Center)
            .size(26),
    );
    Docx::new()
        .page_size(A4.0, A4.1)
        .page_margin(margins())
        .default_fonts(fonts())
        .default_size(pt * 2)
        // Page numbers centred in the top margin, none on the first page (both rules).
        .header(page_no)
        .first_header(Header::new())
        .title_pg()
        .add_table(header_block(h, as_of, vi))
        .add_paragraph(line(run("", pt), AlignmentType::Center))
        .add_paragraph(line(run("", pt), AlignmentType::Center))
}

/// The title: its kind in capitals, what it is about below it, a short rule.
pub(crate) fn title(doc: Docx, h: &Letterhead, head: &str, about: Option<&str>, pt: usize) -> Docx {
    let title_pt = if h.party { 16 } else { 14 };
    let mut d = doc.add_paragraph(
        line(run(&caps(head), title_pt).bold(), AlignmentType::Center).keep_next(true),
    );
    if let Some(a) = about {
        // A state document's trích yếu starts with a capital; a Party one's
        // follows "BÁO CÁO" in lower case.
        let a = if h.party {
            a.to_string()
        } else {
            capitalize(a)
        };
        d = d.add_paragraph(line(run(&a, pt).bold(), AlignmentType::Center).keep_next(true));
    }
    d.add_paragraph(line(run("-----", pt), AlignmentType::Center))
        .add_paragraph(line(run("", pt), AlignmentType::Center))
}

/// A table of the text, then a small gap.
pub(crate) fn add_table(doc: Docx, t: &super::prose::Table) -> Docx {
    doc.add_table(table(t))
        .add_paragraph(line(run("", 6), AlignmentType::Left))
}

/// The end of a Word document: "Nơi nhận" and the signature block, then the file's bytes.
pub(crate) fn close(doc: Docx, h: &Letterhead, vi: bool, pt: usize) -> Result<Vec<u8>> {
    close_with(doc, h, vi, pt, Vec::new())
}

/// [`close`], with annexes after the signature (as annexes stand), on a page of their own.
pub(crate) fn close_with(
    doc: Docx,
    h: &Letterhead,
    vi: bool,
    pt: usize,
    annex: Vec<Block>,
) -> Result<Vec<u8>> {
    let mut doc = doc
        .add_paragraph(line(run("", pt), AlignmentType::Left))
        .add_table(closing(h, vi, pt));
    if !annex.is_empty() {
        doc = doc.add_paragraph(Paragraph::new().page_break_before(true));
        for b in annex {
            doc = add_block(doc, h, b, pt);
        }
    }
    let mut buf = std::io::Cursor::new(Vec::new());
    doc.build().pack(&mut buf).map_err(|e| {
        Error::Other(
            crate::lang::facts::Files::Encode {
                what: crate::lang::facts::Written::WordDocument,
                detail: e.to_string(),
            }
            .into(),
        )
    })?;
    Ok(buf.into_inner())
}

/// Renders the report as a .docx file in `lang` ("vi" or "en").
pub fn render(r: &Report, h: &Letterhead, lang: &str) -> Result<Vec<u8>> {
    let vi = lang == "vi";
    // Body text: 14 pt (both rules allow 13–14; Party documents 14–15).
    let pt = 14;
    let mut doc = open(h, r.as_of, vi, pt);
    for b in blocks(r, lang) {
        doc = add_block(doc, h, b, pt);
    }
    close_with(doc, h, vi, pt, super::prose::annex(r, lang))
}

/// One block of the report's text.
fn add_block(doc: Docx, h: &Letterhead, b: Block, pt: usize) -> Docx {
    match b {
        Block::Title { head, about } => title(doc, h, &head, about.as_deref(), pt),
        Block::Section(s) => doc.add_paragraph(heading(&s, pt)),
        Block::Part(s) => doc.add_paragraph(heading(&s, pt)),
        Block::Para(s) => doc.add_paragraph(body(&s, pt)),
        Block::Table(t) => add_table(doc, &t),
        Block::Placeholder { heading: hd, note } => doc
            .add_paragraph(heading(&hd, pt))
            .add_paragraph(body(&note, pt)),
    }
}

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn the_date_line_follows_the_rules() {
        assert_eq!(
            date_words(d(2020, 11, 6), true),
            "ngày 06 tháng 11 năm 2020"
        );
        assert_eq!(
            date_words(d(2021, 2, 15), true),
            "ngày 15 tháng 02 năm 2021"
        );
        assert_eq!(date_words(d(2018, 4, 3), true), "ngày 03 tháng 4 năm 2018");
        assert_eq!(date_words(d(2020, 11, 6), false), "6 November 2020");
        let h = Letterhead {
            party: true,
            issuer: "Tỉnh ủy".into(),
            superior: None,
            code: "TU".into(),
            place: Some("Quảng Ninh".into()),
        };
        assert_eq!(
            place_and_date(&h, d(2020, 11, 6), true),
            "Quảng Ninh, ngày 06 tháng 11 năm 2020"
        );
        assert_eq!(number_line(&h, true), "Số        -BC/TU");
        let s = Letterhead {
            party: false,
            code: "UBND".into(),
            place: None,
            ..h
        };
        assert_eq!(number_line(&s, true), "Số:        /BC-UBND");
        assert!(place_and_date(&s, d(2020, 11, 6), true).starts_with("……………, ngày 06"));
    }
}
