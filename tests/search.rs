//! Search: folding, matching, ranking, highlighting, incremental narrowing and agreement
//! with `fzf --filter`, on a real temp-file store.

use std::io::Write;
use std::process::{Command, Stdio};
use std::sync::Arc;

use chrono::NaiveDate;
use phoihop::cli::search::{search_agencies, search_tasks, task_index};
use phoihop::domain::{
    Agency, AgencyKind, Cadence, NewTask, Program, ProgramKind, Progress, Status,
};
use phoihop::search::{
    fold, fold_char, fold_nfc, has_diacritics, highlight, Narrower, SearchIndex,
};
use phoihop::store::{Store, TaskFilter};
use unicode_normalization::UnicodeNormalization;

// ---------------------------------------------------------------- folding

/// The twelve Vietnamese vowels as base letter + modifier (NFD), with their plain letter.
const VOWELS: [(&str, char); 12] = [
    ("a", 'a'),
    ("a\u{306}", 'a'), // ă
    ("a\u{302}", 'a'), // â
    ("e", 'e'),
    ("e\u{302}", 'e'), // ê
    ("i", 'i'),
    ("o", 'o'),
    ("o\u{302}", 'o'), // ô
    ("o\u{31b}", 'o'), // ơ
    ("u", 'u'),
    ("u\u{31b}", 'u'), // ư
    ("y", 'y'),
];
/// No tone, sắc, huyền, hỏi, ngã, nặng.
const TONES: [&str; 6] = ["", "\u{301}", "\u{300}", "\u{309}", "\u{303}", "\u{323}"];

#[test]
fn folds_every_vowel_with_every_tone_in_both_cases_nfc_and_nfd() {
    let mut seen = 0;
    for (base, plain) in VOWELS {
        for tone in TONES {
            let nfd_lower = format!("{base}{tone}");
            let nfd_upper: String = nfd_lower.to_uppercase();
            for nfd in [nfd_lower, nfd_upper] {
                let nfc: String = nfd.nfc().collect();
                assert_eq!(nfc.chars().count(), 1, "{nfd:?} composes to one character");
                let c = nfc.chars().next().unwrap();
                assert_eq!(fold_char(c), plain, "fold_char({c})");
                assert_eq!(fold(&nfc), plain.to_string(), "fold NFC {nfc}");
                assert_eq!(fold(&nfd), plain.to_string(), "fold NFD {nfd:?}");
                assert_eq!(fold_nfc(&nfc).chars().count(), 1);
                seen += 1;
            }
        }
    }
    assert_eq!(seen, 12 * 6 * 2);
}

#[test]
fn folds_the_written_alphabet_and_d_with_stroke() {
    let lower = "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵ";
    let plain = "aaaaaaaaaaaaaaaaaaeeeeeeeeeeeeiiiiiioooooooooooooooooouuuuuuuuuuuuyyyyyy";
    assert_eq!(fold(lower), plain);
    assert_eq!(fold(&lower.to_uppercase()), plain);
    let nfd: String = lower.nfd().collect();
    assert!(nfd.chars().count() > lower.chars().count());
    assert_eq!(fold(&nfd), plain);
    assert_eq!(fold("đĐ"), "dd");
    assert_eq!(fold_char('đ'), 'd');
    assert_eq!(fold_char('Đ'), 'd');
    let s = "Đảng ủy Khối các cơ quan tỉnh";
    assert_eq!(fold_nfc(s).chars().count(), s.chars().count());
    assert!(has_diacritics("đan") && has_diacritics("dân") && !has_diacritics("Dan Van"));
}

// ---------------------------------------------------------------- fixtures

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

const TITLES: &[(&str, &str)] = &[
    ("mass_mobilization", "Tổng kết công tác dân vận năm 2024"),
    ("ideology", "Dàn dựng văn nghệ mừng Đại hội"),
    (
        "organization",
        "Đảng ủy Khối các cơ quan tỉnh sơ kết Nghị quyết 18-NQ/TW",
    ),
    (
        "government",
        "Triển khai Nghị quyết 18-NQ/TW về sắp xếp tổ chức bộ máy",
    ),
    ("government", "Cải cách hành chính giai đoạn 2021-2030"),
    (
        "inspection",
        "Kiểm tra, giám sát việc thi hành kỷ luật Đảng",
    ),
    ("front", "Vận động Nhân dân tham gia xây dựng nông thôn mới"),
    ("internal_affairs", "Phòng, chống tham nhũng, lãng phí"),
];

fn agency(code: &str, name: &str, kind: AgencyKind) -> Agency {
    Agency {
        code: code.into(),
        name: name.into(),
        kind,
        parent: None,
        head: None,
        members: None,
        staff: None,
    }
}

/// A temp-file store with three agencies, two programs and the tasks of [`TITLES`].
fn fixture() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let mut s = Store::open(&dir.path().join("search.db"), false).unwrap();
    s.add_agency(agency("BDVTU", "Ban Dân vận Tỉnh ủy", AgencyKind::Party))
        .unwrap();
    s.add_agency(agency(
        "DUK",
        "Đảng ủy Khối các cơ quan tỉnh",
        AgencyKind::Party,
    ))
    .unwrap();
    s.add_agency(agency(
        "UBND",
        "Ủy ban nhân dân tỉnh",
        AgencyKind::Government,
    ))
    .unwrap();
    for (code, title) in [
        ("CT1", "Chương trình phối hợp 2024"),
        ("CT2", "Kế hoạch 2025"),
    ] {
        s.add_program(Program {
            code: code.into(),
            title: title.into(),
            kind: ProgramKind::Coordination,
            starts_on: d(2024, 1, 1),
            ends_on: d(2025, 12, 31),
            parties: vec!["BDVTU".into(), "UBND".into()],
            basis: None,
            review_months: 6,
        })
        .unwrap();
    }
    for (i, (category, title)) in TITLES.iter().enumerate() {
        s.add_task(NewTask {
            program: if i % 2 == 0 { "CT1" } else { "CT2" }.into(),
            category: (*category).into(),
            title: (*title).into(),
            description: None,
            lead: if i % 3 == 0 { "BDVTU" } else { "UBND" }.into(),
            with: vec![],
            cadence: Cadence::Recurring,
            deadline: None,
            basis: None,
            status: Status::NotStarted,
            progress: Progress::ZERO,
            created_on: d(2024, 1, 2),
            completed_on: None,
        })
        .unwrap();
    }
    (dir, s)
}

fn titles_for(store: &Store, query: &str) -> Vec<String> {
    search_tasks(store, &TaskFilter::default(), query, 100)
        .unwrap()
        .into_iter()
        .map(|(t, _)| t.title)
        .collect()
}

// ---------------------------------------------------------------- matching

#[test]
fn plain_queries_find_accented_titles() {
    let (_dir, store) = fixture();
    let found = titles_for(&store, "dan van");
    assert!(found.contains(&"Tổng kết công tác dân vận năm 2024".to_string()));
    let found = titles_for(&store, "dang uy khoi");
    assert_eq!(
        found,
        vec!["Đảng ủy Khối các cơ quan tỉnh sơ kết Nghị quyết 18-NQ/TW".to_string()]
    );
    let found = titles_for(&store, "nghi quyet 18");
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(found.iter().all(|t| t.contains("Nghị quyết 18-NQ/TW")));
    // Terms match in any order, and case does not matter.
    assert_eq!(titles_for(&store, "18 NGHI quyet").len(), 2);
    // Legal-basis numbers, exactly.
    assert_eq!(titles_for(&store, "'18-nq/tw").len(), 2);
    assert_eq!(titles_for(&store, "cai cach 2030").len(), 1);
}

#[test]
fn non_matches() {
    let (_dir, store) = fixture();
    assert!(titles_for(&store, "dang uy khoi xyz").is_empty());
    assert!(titles_for(&store, "nghi quyet 19").is_empty());
    assert!(titles_for(&store, "'dan van 2023").is_empty());
    let found = titles_for(&store, "dan van !'van nghe");
    assert!(!found.iter().any(|t| t.contains("văn nghệ")), "{found:?}");
    assert!(titles_for(&store, "^cai").len() == 1 && titles_for(&store, "^cach").is_empty());
}

#[test]
fn filters_combine_with_the_query() {
    let (_dir, store) = fixture();
    let f = TaskFilter {
        program: Some("CT2".into()),
        ..TaskFilter::default()
    };
    let hits = search_tasks(&store, &f, "nghi quyet", 100).unwrap();
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].0.program, "CT2");
    let folded = store.task_folded_titles(&f).unwrap();
    assert_eq!(folded.len(), TITLES.len() / 2);
    assert!(folded.iter().all(|(_, s)| *s == fold(s)));
    let ids: Vec<i64> = folded.iter().map(|(id, _)| *id).rev().collect();
    let titles = store.task_titles(&ids).unwrap();
    for (id, title) in ids.iter().zip(&titles) {
        assert_eq!(store.task(*id).unwrap().title, *title);
    }
    assert_eq!(store.task_titles(&[999_999]).unwrap(), vec![String::new()]);
}

#[test]
fn limit_keeps_the_best() {
    let (_dir, store) = fixture();
    let all = titles_for(&store, "a");
    let two = search_tasks(&store, &TaskFilter::default(), "a", 2).unwrap();
    assert_eq!(two.len(), 2);
    assert_eq!(two[0].0.title, all[0]);
    assert_eq!(two[1].0.title, all[1]);
}

// ---------------------------------------------------------------- ranking and highlight

#[test]
fn accented_matches_rank_above_folded_only_matches() {
    let (_dir, store) = fixture();
    // Folded, the short title that starts with "Dàn … văn" ranks first.
    let plain = titles_for(&store, "dan van");
    assert_eq!(plain[0], "Dàn dựng văn nghệ mừng Đại hội");
    // Typed with its marks, the title that really says "dân vận" comes first.
    let accented = titles_for(&store, "dân vận");
    assert_eq!(accented[0], "Tổng kết công tác dân vận năm 2024");
    assert_eq!(accented.len(), plain.len(), "diacritics only re-rank");
    // NFD input behaves the same.
    let nfd: String = "dân vận".nfd().collect();
    assert_eq!(titles_for(&store, &nfd)[0], accented[0]);
}

#[test]
fn highlight_positions_index_the_original_characters() {
    assert_eq!(
        highlight("Tổng kết công tác dân vận", "dan van"),
        vec![18, 19, 20, 22, 23, 24]
    );
    assert_eq!(
        highlight("Đảng ủy Khối", "dang uy khoi"),
        vec![0, 1, 2, 3, 5, 6, 8, 9, 10, 11]
    );
    // With diacritics typed, the accented occurrence is the one shown.
    assert_eq!(highlight("Dàn dựng, dân vận", "dân"), vec![10, 11, 12]);
    assert_eq!(highlight("Dàn dựng, dân vận", "dan"), vec![0, 1, 2]);
    // Exact and prefix terms cover their whole span; inverse terms show nothing.
    assert_eq!(
        highlight("Nghị quyết 18-NQ/TW", "'18-nq ^ngh !xyz"),
        vec![0, 1, 2, 11, 12, 13, 14, 15]
    );
    // NFD original: positions index its NFC form.
    let nfd: String = "dân vận".nfd().collect();
    assert_eq!(highlight(&nfd, "van"), vec![4, 5, 6]);

    let (_dir, store) = fixture();
    let hits = search_tasks(&store, &TaskFilter::default(), "dang uy khoi", 5).unwrap();
    let (task, pos) = &hits[0];
    let chars: Vec<char> = task.title.chars().collect();
    let marked: String = pos.iter().map(|&p| chars[p]).collect();
    assert_eq!(marked, "ĐảngủyKhối");
}

#[test]
fn agencies_by_name_or_code() {
    let (_dir, store) = fixture();
    let hits = search_agencies(&store, "ban dan van").unwrap();
    assert_eq!(hits[0].0.code, "BDVTU");
    let hits = search_agencies(&store, "dang uy").unwrap();
    assert_eq!(hits[0].0.code, "DUK");
    assert_eq!(hits[0].1, vec![0, 1, 2, 3, 5, 6]);
    let hits = search_agencies(&store, "ubnd").unwrap();
    assert_eq!(hits[0].0.name, "Ủy ban nhân dân tỉnh");
    // A code matched exactly: nothing in the name is highlighted.
    let hits = search_agencies(&store, "'bdvtu").unwrap();
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].0.code, "BDVTU");
    assert!(hits[0].1.is_empty(), "the code is not part of the name");
    assert!(search_agencies(&store, "quoc hoi").unwrap().is_empty());
}

// ---------------------------------------------------------------- narrowing

/// Deterministic varied folded titles for the larger tests.
fn synthetic(n: usize) -> Vec<String> {
    const A: &[&str] = &[
        "Triển khai",
        "Sơ kết",
        "Tổng kết",
        "Quán triệt",
        "Kiểm tra",
        "Đẩy mạnh",
        "Đổi mới",
        "Rà soát",
        "Tuyên truyền",
        "Hướng dẫn",
    ];
    const B: &[&str] = &[
        "công tác dân vận",
        "cải cách hành chính",
        "Nghị quyết 18-NQ/TW",
        "Chỉ thị 05-CT/TW",
        "công tác cán bộ",
        "quy chế dân chủ",
        "chuyển đổi số",
        "xây dựng Đảng",
        "phòng, chống tham nhũng",
        "nông thôn mới",
    ];
    const C: &[&str] = &[
        "của Đảng ủy Khối",
        "ở cơ sở",
        "năm 2024",
        "giai đoạn 2021-2025",
        "tại các chi bộ",
        "",
        "trong toàn tỉnh",
        "của Ban Dân vận",
    ];
    let mut x: u64 = 0x2545_F491_4F6C_DD1D;
    let mut next = |m: usize| {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        (x % m as u64) as usize
    };
    (0..n)
        .map(|i| {
            let s = format!(
                "{} {} {} {}",
                A[next(A.len())],
                B[next(B.len())],
                C[next(C.len())],
                i % 97
            );
            fold(&s)
        })
        .collect()
}

/// The positions of a fresh search's matches, best first: what a `Narrower` keeps.
fn positions(m: &[phoihop::search::Match]) -> Vec<u32> {
    m.iter().map(|m| m.pos).collect()
}

fn prefixes(q: &str) -> Vec<&str> {
    q.char_indices()
        .map(|(i, c)| &q[..i + c.len_utf8()])
        .collect()
}

#[test]
fn narrowing_gives_the_same_results_as_a_fresh_search() {
    let rows: Vec<(i64, String)> = synthetic(20_000)
        .into_iter()
        .enumerate()
        .map(|(i, s)| (i as i64 + 1, s))
        .collect();
    let index = Arc::new(SearchIndex::build(rows).unwrap());
    for q in ["dan van", "nghi quyet 18", "cai cach 2021", "tong ket dang"] {
        let mut n = Narrower::new(index.clone());
        let mut previous = index.len();
        for p in prefixes(q) {
            let narrowed = n.filter(p).to_vec();
            let fresh = positions(&index.search(p));
            assert_eq!(narrowed, fresh, "query {p:?}");
            assert!(
                n.scanned() <= previous,
                "{p:?} scanned {} > {previous}",
                n.scanned()
            );
            previous = narrowed.len();
        }
        assert!(n.scanned() < index.len(), "{q:?} was narrowed");
    }
    // Backspace and a changed term search afresh, still correctly.
    let mut n = Narrower::new(index.clone());
    n.filter("dan van");
    assert_eq!(
        n.filter("dan va").to_vec(),
        positions(&index.search("dan va"))
    );
    assert_eq!(n.scanned(), index.len());
    assert_eq!(n.filter("!dan").to_vec(), positions(&index.search("!dan")));
    assert_eq!(
        n.filter("!dang").to_vec(),
        positions(&index.search("!dang"))
    );
    // Diacritics without the originals: the folded ranking.
    let accented = n.filter("dân vận").to_vec();
    assert!(!accented.is_empty());
    assert_eq!(accented, positions(&index.search("dân vận")));
}

/// The accent re-ranking reads the originals in batches (never all at once), in index
/// order, and gives the same order as one batch would.
#[test]
fn accented_ranking_reads_the_originals_in_batches() {
    let texts: Vec<String> = (0..phoihop::search::ORIGINALS_BATCH * 2 + 77)
        .map(|i| match i % 3 {
            0 => format!("Tổng kết công tác dân vận {i}"),
            1 => format!("Dàn dựng văn nghệ {i}"),
            _ => format!("Kiểm tra tài chính {i}"),
        })
        .collect();
    let index = SearchIndex::from_originals(
        texts
            .iter()
            .enumerate()
            .map(|(i, t)| (i as i64, t.as_str())),
    )
    .unwrap();
    let mut n = Narrower::new(Arc::new(index));
    let mut batches = Vec::new();
    let ranked = n
        .filter_with("dân v", |ids| {
            batches.push(ids.len());
            assert!(ids.windows(2).all(|w| w[0] < w[1]), "index order");
            Ok(ids.iter().map(|&i| texts[i as usize].clone()).collect())
        })
        .unwrap()
        .to_vec();
    assert!(batches.len() >= 2, "{batches:?}");
    assert!(batches
        .iter()
        .all(|&b| b <= phoihop::search::ORIGINALS_BATCH));
    assert_eq!(batches.iter().sum::<usize>(), ranked.len());
    // Every "dân vận" title first, then the "Dàn … văn" ones.
    let first_plain = ranked.iter().position(|&p| p % 3 == 1).unwrap();
    assert!(ranked[..first_plain].iter().all(|&p| p % 3 == 0));
    assert!(ranked[first_plain..].iter().all(|&p| p % 3 == 1));
    assert_eq!(first_plain, texts.len().div_ceil(3));
}

#[test]
fn index_from_the_store_is_compact() {
    let (_dir, store) = fixture();
    let index = task_index(&store, &TaskFilter::default()).unwrap();
    assert_eq!(index.len(), TITLES.len());
    let text_bytes: usize = TITLES.iter().map(|(_, t)| fold(t).len()).sum();
    // The folded bytes, a 4-byte end offset and a 4-byte id a title.
    assert_eq!(index.heap_bytes(), text_bytes + TITLES.len() * 8);
    assert_eq!(index.folded(0), fold(TITLES[0].1));
}

#[test]
fn ids_beyond_u32_are_kept_whole() {
    let big = i64::from(u32::MAX) + 5;
    let rows = vec![
        (3, "dan van".to_string()),
        (big, "dan van xa".to_string()),
        (-2, "dang uy".to_string()),
    ];
    let index = SearchIndex::build(rows).unwrap();
    assert_eq!((index.id(0), index.id(1), index.id(2)), (3, big, -2));
    let ids: Vec<i64> = index.search("van").iter().map(|m| m.id).collect();
    assert_eq!(ids, vec![3, big]);
    let mut n = Narrower::new(Arc::new(index));
    n.filter("dan v");
    assert_eq!((n.id(0), n.id(1), n.id(2)), (Some(3), Some(big), None));
}

// ---------------------------------------------------------------- agreement with fzf

fn fzf_available() -> bool {
    Command::new("fzf")
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

fn fzf_filter(lines: &str, query: &str) -> Vec<String> {
    let mut child = Command::new("fzf")
        .args(["--filter", query])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let input = lines.to_string();
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap().unwrap();
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(str::to_string)
        .collect()
}

#[test]
fn match_sets_equal_fzf_filter_on_the_folded_titles() {
    if !fzf_available() {
        println!("NOTICE: fzf is not installed; the comparison with `fzf --filter` was skipped.");
        return;
    }
    let (_dir, store) = demo_store();
    let mut lines: Vec<String> = store
        .task_folded_titles(&TaskFilter::default())
        .unwrap()
        .into_iter()
        .map(|(_, s)| s)
        .collect();
    lines.extend(synthetic(3_000));
    let joined = lines.join("\n") + "\n";
    let index = SearchIndex::build(
        lines
            .iter()
            .enumerate()
            .map(|(i, s)| (i as i64, s.clone()))
            .collect(),
    )
    .unwrap();
    let queries = [
        "d",
        "da",
        "dan",
        "dan ",
        "dan v",
        "dan va",
        "dan van",
        "dang uy khoi",
        "nghi quyet 18",
        "cai cach",
        "18-nq/tw",
        "'18-nq",
        "^tong",
        "2024$",
        "^tong 2024$",
        "!dan",
        "!^tong",
        "!'dvn",
        "tong | so ket",
        "dan van | cai cach",
        "| dan",
        "'",
        "!",
        "$",
        "^",
        "dan\\ van",
        "  dan   van  ",
        "qqq",
        "ket 5",
    ];
    for q in queries {
        let ours: Vec<String> = index
            .search(q)
            .iter()
            .map(|m| lines[m.id as usize].clone())
            .collect();
        let theirs = fzf_filter(&joined, q);
        assert_eq!(ours.len(), theirs.len(), "match count for {q:?}");
        let mut a = ours.clone();
        let mut b = theirs.clone();
        a.sort();
        b.sort();
        assert_eq!(a, b, "match set for {q:?}");
    }
}

// ---------------------------------------------------------------- the demo data

fn demo_store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let mut s = Store::open(&dir.path().join("demo.db"), false).unwrap();
    phoihop::demo::load(&mut s, d(2025, 6, 30), false).unwrap();
    (dir, s)
}

#[test]
fn demo_data_matches_and_non_matches() {
    let (_dir, store) = demo_store();
    let dan_van = titles_for(&store, "dan van");
    assert!(
        dan_van.contains(&"Thực hiện Quy chế công tác dân vận của hệ thống chính trị".to_string())
    );
    assert!(titles_for(&store, "dan van kheo")[0].contains("“Dân vận khéo”"));
    let exact = titles_for(&store, "'kheo dan van");
    assert!(exact.len() >= 2 && exact.iter().all(|t| t.contains("Dân vận khéo")));
    assert!(titles_for(&store, "dang uy khoi").contains(
        &"Các ban, Cơ quan Ủy ban Kiểm tra, Văn phòng Đảng ủy Khối xây dựng kế hoạch cải cách hành chính"
            .to_string()
    ));
    assert!(titles_for(&store, "nghi quyet 18").contains(
        &"Sắp xếp bộ máy, cán bộ, công chức, viên chức các sở, ngành theo Nghị quyết 18, 19-NQ/TW"
            .to_string()
    ));
    let nq19 = titles_for(&store, "'19-nq/tw");
    assert!(
        !nq19.is_empty() && nq19.iter().all(|t| t.contains("19-NQ/TW")),
        "{nq19:?}"
    );
    assert!(titles_for(&store, "dang uy khoi zw").is_empty());
    assert!(titles_for(&store, "'nghi quyet 99").is_empty());
    // Typed plain, the titles where `dan` and `van` stand as whole words ("dân vận") come
    // before "ban đảng về Văn phòng", where `dan` only starts a word (the ranking tiers);
    // typed with diacritics, every title that says "dân vận" comes before the others.
    // ("Vận động nhân dân …" has both as whole words too, in another order, and ranks
    // among them.)
    assert!(
        dan_van[..4]
            .iter()
            .all(|t| t.to_lowercase().contains("dân vận")),
        "{:?}",
        &dan_van[..5]
    );
    let accented = titles_for(&store, "dân vận");
    assert_eq!(accented.len(), dan_van.len());
    let says = |t: &String| t.to_lowercase().contains("dân vận");
    let first_other = accented.iter().position(|t| !says(t)).unwrap();
    assert!(first_other >= 4, "{:?}", &accented[..first_other + 1]);
    let folded_only = "Chuyển bộ phận lái xe, kế toán của các ban đảng về Văn phòng Tỉnh ủy";
    let plain_at = dan_van.iter().position(|t| t == folded_only).unwrap();
    let accented_at = accented.iter().position(|t| t == folded_only).unwrap();
    let last_literal = accented.iter().rposition(says).unwrap();
    assert!(
        plain_at >= 5 && accented_at > last_literal,
        "{plain_at} {accented_at} {last_literal}"
    );

    let agencies = search_agencies(&store, "ban dan van").unwrap();
    assert_eq!(agencies[0].0.name, "Ban Dân vận Tỉnh ủy");
    let agencies = search_agencies(&store, "dang uy khoi").unwrap();
    assert_eq!(agencies[0].0.name, "Đảng ủy Khối các cơ quan tỉnh");
    assert!(search_agencies(&store, "quoc hoi zw").unwrap().is_empty());
}
