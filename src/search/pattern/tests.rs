use super::*;

fn kinds(q: &str) -> Vec<Vec<(TermKind, bool, String)>> {
    Pattern::parse(q)
        .sets
        .iter()
        .map(|s| {
            s.iter()
                .map(|t| (t.kind, t.inverse, t.text.clone()))
                .collect()
        })
        .collect()
}

#[test]
fn parses_like_fzf() {
    use TermKind::*;
    let k = kinds("aaa 'bbb ^ccc ddd$ !eee !'fff !^ggg !hhh$ | ^iii$ ^xxx | 'yyy | zzz$ | !ZZZ |");
    assert_eq!(k.len(), 9);
    assert_eq!(k[0], vec![(Fuzzy, false, "aaa".into())]);
    assert_eq!(k[1], vec![(Exact, false, "bbb".into())]);
    assert_eq!(k[2], vec![(Prefix, false, "ccc".into())]);
    assert_eq!(k[3], vec![(Suffix, false, "ddd".into())]);
    assert_eq!(k[4], vec![(Exact, true, "eee".into())]);
    assert_eq!(k[5], vec![(Fuzzy, true, "fff".into())]);
    assert_eq!(k[6], vec![(Prefix, true, "ggg".into())]);
    assert_eq!(
        k[7],
        vec![(Suffix, true, "hhh".into()), (Equal, false, "iii".into())]
    );
    assert_eq!(k[8].len(), 4);
    assert!(Pattern::parse("  ").is_empty());
    assert!(Pattern::parse("! ' ^").is_empty());
    assert_eq!(kinds("a\\ b"), vec![vec![(Fuzzy, false, "a b".into())]]);
}

#[test]
fn matches_and_narrows() {
    let p = Pattern::parse("dan van");
    assert!(p.matches("cong tac dan van"));
    assert!(p.matches("van hoa dan toc"));
    assert!(!p.matches("dang uy"));
    assert!(Pattern::parse("^cong").matches("  cong tac"));
    assert!(Pattern::parse("tac$").matches("cong tac "));
    assert!(Pattern::parse("!dang").matches("cong tac"));
    assert!(!Pattern::parse("!dang").matches("dang uy"));
    assert!(Pattern::parse("xyz | dang").matches("dang uy"));
    let a = Pattern::parse("dan");
    let b = Pattern::parse("dan v");
    let c = Pattern::parse("dan va");
    assert!(b.narrows(&a) && c.narrows(&b) && c.narrows(&a));
    assert!(!a.narrows(&b));
    assert!(!Pattern::parse("!dang").narrows(&Pattern::parse("!dan")));
    assert!(!Pattern::parse("dan$x").narrows(&Pattern::parse("dan$")));
}

#[test]
fn scores_word_starts_higher() {
    let p = Pattern::parse("dv");
    let a = p.score("dan van").unwrap();
    let b = p.score("addvx").unwrap();
    assert!(a > b, "{a} <= {b}");
}

#[test]
fn words_rank_above_scattered_letters() {
    let p = Pattern::parse("dan van");
    let words = p.score("cong tac dan van nam 2025").unwrap();
    let starts = p.score("ban dang ve van phong").unwrap();
    let scattered = p.score("dieu hanh nong thon van minh").unwrap();
    assert!(words > starts, "{words} <= {starts}");
    assert!(starts > scattered, "{starts} <= {scattered}");
    let p = Pattern::parse("cai cach");
    let reform = p.score("ct-cchc chuong trinh cai cach hanh chinh").unwrap();
    let other = p
        .score("ct-xd chuong trinh xay dung dang nhiem ky ca nhan")
        .unwrap_or(0);
    assert!(reform > other);
    // Inside a word is still above scattered.
    let inside = Pattern::parse("ang").score("dang uy").unwrap();
    let spread = Pattern::parse("ang").score("ban hung").unwrap();
    assert!(inside > spread);
    // An exact term ranks a whole word above a word start.
    let e = Pattern::parse("'dan");
    assert!(e.score("xay dan").unwrap() > e.score("dang").unwrap());
}

#[test]
fn a_number_names_a_task() {
    assert_eq!(Pattern::parse("70").number(), Some(70));
    assert_eq!(Pattern::parse(" #70 ").number(), Some(70));
    assert_eq!(Pattern::parse("'70").number(), Some(70));
    assert_eq!(Pattern::parse("70 x").number(), None);
    assert_eq!(Pattern::parse("!70").number(), None);
    assert_eq!(Pattern::parse("7a").number(), None);
    assert_eq!(Pattern::parse("0").number(), None);
    assert_eq!(Pattern::parse("#").number(), None);
}

#[test]
fn accents() {
    let p = Pattern::parse("dân");
    assert!(p.has_accents());
    assert!(p.matches_accented("Công tác dân vận"));
    assert!(!p.matches_accented("Dấn bước"));
    assert!(p.matches_accented("Dấn thân"), "fuzzy: d…â…n");
    assert!(Pattern::parse("dan").matches_accented("Đàn"));
    assert!(!Pattern::parse("đan").matches_accented("Dàn"));
}
