//! Search benchmarks.
//!
//! - `cargo bench --bench search` — criterion: a fresh filter per keystroke prefix, the
//!   incremental narrower over a whole query, and a plain SkimMatcherV2 scan for reference,
//!   on 100,000 generated titles.
//! - `search titles N` — prints N generated folded Vietnamese-looking titles, one a line
//!   (`--original` for the accented originals); used by `scripts/bench-search.sh` until
//!   `phoihop gen` exists.
//! - `search gen-db PATH N` — fills a new database at PATH with `phoihop::demo::generate`
//!   (what `phoihop gen --tasks N` runs), for the script to dump with sqlite3.
//! - `search compare FILE QUERY…` — loads the folded lines of FILE into a `SearchIndex` and,
//!   for each keystroke prefix of each query, prints `query  prefix  fresh_ms  narrow_ms
//!   count` (medians): `fresh` searches the whole index, `narrow` is the keystroke's step
//!   in a `Narrower` that has seen the previous prefixes.

use std::hint::black_box;
use std::io::{BufRead, BufWriter, Write};
use std::sync::Arc;
use std::time::Instant;

use criterion::Criterion;
use phoihop::search::{fold, Narrower, SearchIndex, SearchIndexBuilder};

const QUERIES: &[&str] = &[
    "dan van",
    "dang uy",
    "nghi quyet",
    "cai cach",
    "kiem tra",
    "tuyen truyen",
];

/// A small deterministic generator (xorshift64*), so titles are the same on every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[(self.next() % xs.len() as u64) as usize]
    }
}

const VERBS: &[&str] = &[
    "Triển khai thực hiện",
    "Tổ chức quán triệt",
    "Sơ kết việc thực hiện",
    "Tổng kết",
    "Xây dựng kế hoạch thực hiện",
    "Kiểm tra, giám sát việc thực hiện",
    "Tuyên truyền, phổ biến",
    "Nâng cao chất lượng",
    "Đẩy mạnh",
    "Rà soát, sắp xếp",
    "Hướng dẫn",
    "Đổi mới phương thức",
];
const OBJECTS: &[&str] = &[
    "công tác dân vận",
    "cải cách hành chính",
    "Nghị quyết Trung ương 4 khóa XII",
    "công tác tư tưởng",
    "xây dựng Đảng và hệ thống chính trị",
    "phòng, chống tham nhũng, lãng phí",
    "quy chế dân chủ ở cơ sở",
    "công tác tổ chức, cán bộ",
    "phong trào thi đua yêu nước",
    "chuyển đổi số trong cơ quan Đảng",
    "học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
    "công tác kiểm tra, giám sát và thi hành kỷ luật Đảng",
    "sắp xếp tổ chức bộ máy tinh gọn",
    "công tác nội chính",
    "xây dựng nông thôn mới",
];
const WHERE: &[&str] = &[
    "trong toàn Đảng bộ tỉnh",
    "tại các chi bộ trực thuộc",
    "ở cơ sở",
    "trong các cơ quan, đơn vị",
    "của Đảng ủy Khối",
    "của Ban Dân vận Tỉnh ủy",
    "trong Mặt trận Tổ quốc và các đoàn thể",
    "ở các huyện, thị xã, thành phố",
    "",
];
const BASIS: &[&str] = &[
    "theo Nghị quyết 18-NQ/TW",
    "theo Chỉ thị 05-CT/TW",
    "theo Kết luận 21-KL/TW",
    "theo Quyết định 99-QĐ/TW",
    "theo Kế hoạch 35-KH/TU",
    "năm 2024",
    "giai đoạn 2021-2025",
    "",
    "",
];

/// The n-th generated original (accented) title.
fn title(rng: &mut Rng) -> String {
    let mut s = format!("{} {}", rng.pick(VERBS), rng.pick(OBJECTS));
    for part in [rng.pick(WHERE), rng.pick(BASIS)] {
        if !part.is_empty() {
            s.push(' ');
            s.push_str(part);
        }
    }
    s
}

fn titles(n: usize) -> Vec<String> {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    (0..n).map(|_| title(&mut rng)).collect()
}

fn index_of(folded: &[String]) -> SearchIndex {
    let mut b =
        SearchIndexBuilder::with_capacity(folded.len(), folded.iter().map(|s| s.len()).sum());
    for (i, s) in folded.iter().enumerate() {
        b.push(i as i64, s).unwrap();
    }
    b.finish()
}

fn prefixes(q: &str) -> Vec<&str> {
    q.char_indices()
        .map(|(i, c)| &q[..i + c.len_utf8()])
        .collect()
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    v[v.len() / 2]
}

fn compare(file: &str, queries: &[String]) {
    let f = std::fs::File::open(file).unwrap_or_else(|e| panic!("cannot open {file}: {e}"));
    let t0 = Instant::now();
    let mut b = SearchIndexBuilder::default();
    for (i, line) in std::io::BufReader::new(f).lines().enumerate() {
        b.push(i as i64, &line.unwrap()).unwrap();
    }
    let index = Arc::new(b.finish());
    eprintln!(
        "loaded {} titles in {:.0} ms; index {} bytes ({:.1} bytes a title)",
        index.len(),
        t0.elapsed().as_secs_f64() * 1e3,
        index.heap_bytes(),
        index.heap_bytes() as f64 / index.len().max(1) as f64
    );
    const RUNS: usize = 5;
    let out = std::io::stdout();
    let mut out = out.lock();
    for q in queries {
        let ps = prefixes(q);
        let mut fresh = vec![Vec::new(); ps.len()];
        let mut narrow = vec![Vec::new(); ps.len()];
        let mut counts = vec![0; ps.len()];
        for _ in 0..RUNS {
            for (k, p) in ps.iter().enumerate() {
                let t = Instant::now();
                let n = black_box(index.search(p)).len();
                fresh[k].push(t.elapsed().as_secs_f64() * 1e3);
                counts[k] = n;
            }
            let mut nar = Narrower::new(index.clone());
            for (k, p) in ps.iter().enumerate() {
                let t = Instant::now();
                let n = black_box(nar.filter(p)).len();
                narrow[k].push(t.elapsed().as_secs_f64() * 1e3);
                assert_eq!(n, counts[k], "narrowing changed the count of {p:?}");
            }
        }
        for (k, p) in ps.iter().enumerate() {
            writeln!(
                out,
                "{q}\t{p}\t{:.2}\t{:.2}\t{}",
                median(fresh[k].clone()),
                median(narrow[k].clone()),
                counts[k]
            )
            .unwrap();
        }
    }
}

fn criterion_benches(c: &mut Criterion) {
    let originals = titles(100_000);
    let folded: Vec<String> = originals.iter().map(|s| fold(s)).collect();
    let index = Arc::new(index_of(&folded));
    let mut g = c.benchmark_group("search_100k");
    g.sample_size(10)
        .warm_up_time(std::time::Duration::from_secs(1))
        .measurement_time(std::time::Duration::from_secs(3));
    for q in ["dan van", "nghi quyet"] {
        for p in prefixes(q) {
            g.bench_function(format!("fresh/{p}"), |b| {
                b.iter(|| index.search(black_box(p)).len())
            });
        }
        g.bench_function(format!("narrow_all_keys/{q}"), |b| {
            b.iter(|| {
                let mut n = Narrower::new(index.clone());
                prefixes(q).iter().map(|p| n.filter(p).len()).sum::<usize>()
            })
        });
    }
    g.bench_function("skim_v2_scan/dan van", |b| {
        use fuzzy_matcher::skim::SkimMatcherV2;
        use fuzzy_matcher::FuzzyMatcher;
        let m = SkimMatcherV2::default().ignore_case();
        b.iter(|| {
            folded
                .iter()
                .filter(|t| m.fuzzy_match(t, "dan").is_some() && m.fuzzy_match(t, "van").is_some())
                .count()
        })
    });
    g.finish();
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("titles") => {
            let n: usize = args
                .get(1)
                .and_then(|s| s.parse().ok())
                .unwrap_or(1_000_000);
            let original = args.iter().any(|a| a == "--original");
            let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
            let out = std::io::stdout();
            let mut out = BufWriter::new(out.lock());
            for _ in 0..n {
                let t = title(&mut rng);
                let line = if original { t } else { fold(&t) };
                writeln!(out, "{line}").unwrap();
            }
        }
        Some("gen-db") => {
            let path = args.get(1).expect("gen-db PATH N");
            let n: u64 = args
                .get(2)
                .and_then(|s| s.parse().ok())
                .unwrap_or(1_000_000);
            let mut store = phoihop::store::Store::open(std::path::Path::new(path), false)
                .unwrap_or_else(|e| panic!("cannot open {path}: {e}"));
            let opts = phoihop::demo::GenOptions {
                tasks: n,
                agencies: 200,
                seed: 1,
            };
            let today = chrono::NaiveDate::from_ymd_opt(2025, 6, 30).unwrap();
            phoihop::demo::generate(&mut store, &opts, today)
                .unwrap_or_else(|e| panic!("gen: {e}"));
        }
        Some("compare") => {
            let file = args.get(1).expect("compare FILE QUERY…");
            let queries: Vec<String> = if args.len() > 2 {
                args[2..].to_vec()
            } else {
                QUERIES.iter().map(|s| s.to_string()).collect()
            };
            compare(file, &queries);
        }
        _ => {
            let mut c = Criterion::default().configure_from_args();
            criterion_benches(&mut c);
            c.final_summary();
        }
    }
}
