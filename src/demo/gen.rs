//! `gen`: a deterministic synthetic database for benchmarks. The same seed, counts and
//! `today` give the same data. Titles combine the seeds' wording with diacritics; the
//! spread over categories follows seed 003 (5/15/4/11/4/16/3); deadlines lie around
//! `today` (many done, some overdue, some due soon).

use chrono::{Datelike, Duration, NaiveDate};
use rand::rngs::StdRng;
use rand::{RngExt, SeedableRng};
use serde::Serialize;

use crate::domain::{Agency, AgencyKind, Cadence, Program, ProgramKind, Progress, Status};
use crate::error::{Error, Result};
use crate::store::bulk::BulkTask;
use crate::store::Store;

/// Options of `gen`.
#[derive(Debug, Clone, Serialize)]
pub struct GenOptions {
    pub tasks: u64,
    pub agencies: u32,
    pub seed: u64,
}

/// The most agencies `gen` makes.
pub const MAX_AGENCIES: u32 = 100_000;
/// The most tasks `gen` makes.
pub const MAX_TASKS: u64 = 50_000_000;

/// Fills an empty database with synthetic data (deterministic for a seed and `today`), in
/// one transaction with one audit row.
pub fn generate(store: &mut Store, opts: &GenOptions, today: NaiveDate) -> Result<()> {
    if opts.agencies == 0 || opts.agencies > MAX_AGENCIES {
        return Err(Error::Usage(format!(
            "--agencies must be from 1 to {MAX_AGENCIES}."
        )));
    }
    if opts.tasks > MAX_TASKS {
        return Err(Error::Usage(format!(
            "--tasks must be at most {MAX_TASKS}."
        )));
    }
    if store.holds_data()? {
        return Err(Error::Usage(
            "The database already holds data; gen fills only an empty database, so give a new file with --db."
                .into(),
        ));
    }
    let mut rng = StdRng::seed_from_u64(opts.seed);
    let agencies = make_agencies(&mut rng, opts.agencies);
    let programs = make_programs(today, &agencies);
    let weights: Vec<u32> = store
        .categories()?
        .iter()
        .map(|c| category_weight(&c.code))
        .collect();
    if weights.is_empty() && opts.tasks > 0 {
        return Err(Error::invalid(
            "The database has no work categories, so no task can be generated.",
        ));
    }
    let mut g = TaskGen {
        rng,
        today,
        categories: Cumulative::new(&weights),
        programs: Cumulative::new(PROGRAM_WEIGHTS),
        names: agencies.iter().map(|a| a.name.clone()).collect(),
    };
    let tasks = (0..opts.tasks).map(move |_| g.next_task());
    store.bulk_load(&agencies, &programs, tasks, opts)?;
    Ok(())
}

/// Seed 003's counts per category as weights; other categories weigh 5.
fn category_weight(code: &str) -> u32 {
    match code {
        "ideology" => 5,
        "organization" => 15,
        "inspection" => 4,
        "mass_mobilization" => 11,
        "internal_affairs" => 4,
        "government" => 16,
        "front" => 3,
        _ => 5,
    }
}

/// Weighted choice by cumulative sums.
struct Cumulative {
    sums: Vec<u32>,
}

impl Cumulative {
    fn new(weights: &[u32]) -> Self {
        let mut total = 0;
        let sums = weights
            .iter()
            .map(|w| {
                total += w.max(&1);
                total
            })
            .collect();
        Cumulative { sums }
    }

    fn pick(&self, rng: &mut StdRng) -> usize {
        let total = self.sums.last().copied().unwrap_or(1);
        let r = rng.random_range(0..total);
        self.sums.partition_point(|s| *s <= r)
    }
}

const PLACES: &[&str] = &[
    "Quỳnh Lưu",
    "Diễn Châu",
    "Yên Thành",
    "Đô Lương",
    "Thanh Chương",
    "Nghi Lộc",
    "Nam Đàn",
    "Hưng Nguyên",
    "Anh Sơn",
    "Con Cuông",
    "Tương Dương",
    "Kỳ Sơn",
    "Quế Phong",
    "Quỳ Châu",
    "Quỳ Hợp",
    "Nghĩa Đàn",
    "Tân Kỳ",
    "Hạ Long",
    "Cẩm Phả",
    "Uông Bí",
    "Móng Cái",
    "Đông Triều",
    "Quảng Yên",
    "Tiên Yên",
    "Bình Liêu",
    "Hải Hà",
    "Đầm Hà",
    "Ba Chẽ",
    "Vân Đồn",
    "Cô Tô",
    "Hoàng Mai",
    "Thái Hòa",
    "Cửa Lò",
    "Vinh",
];

/// Provincial bodies: code, name, kind, parent code.
const PROVINCIAL: &[(&str, &str, &str, Option<&str>)] = &[
    ("TU", "Tỉnh ủy", "party", None),
    ("UBND", "Ủy ban nhân dân tỉnh", "government", None),
    (
        "MTTQ",
        "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh",
        "front",
        None,
    ),
    ("VPTU", "Văn phòng Tỉnh ủy", "party", Some("TU")),
    ("BTCTU", "Ban Tổ chức Tỉnh ủy", "party", Some("TU")),
    ("BTGTU", "Ban Tuyên giáo Tỉnh ủy", "party", Some("TU")),
    ("BDVTU", "Ban Dân vận Tỉnh ủy", "party", Some("TU")),
    ("BNCTU", "Ban Nội chính Tỉnh ủy", "party", Some("TU")),
    ("UBKTTU", "Ủy ban Kiểm tra Tỉnh ủy", "party", Some("TU")),
    (
        "BCSD-UBND",
        "Ban Cán sự Đảng UBND tỉnh",
        "party",
        Some("TU"),
    ),
    ("DUK", "Đảng ủy Khối các cơ quan tỉnh", "party", Some("TU")),
    (
        "DUKDN",
        "Đảng ủy Khối Doanh nghiệp tỉnh",
        "party",
        Some("TU"),
    ),
    ("HDND", "Hội đồng nhân dân tỉnh", "government", None),
    ("VP-UBND", "Văn phòng UBND tỉnh", "government", Some("UBND")),
    ("SNV", "Sở Nội vụ", "government", Some("UBND")),
    ("STP", "Sở Tư pháp", "government", Some("UBND")),
    ("STC", "Sở Tài chính", "government", Some("UBND")),
    ("SKHDT", "Sở Kế hoạch và Đầu tư", "government", Some("UBND")),
    ("SXD", "Sở Xây dựng", "government", Some("UBND")),
    (
        "SNNPTNT",
        "Sở Nông nghiệp và Phát triển nông thôn",
        "government",
        Some("UBND"),
    ),
    (
        "STNMT",
        "Sở Tài nguyên và Môi trường",
        "government",
        Some("UBND"),
    ),
    (
        "SGDDT",
        "Sở Giáo dục và Đào tạo",
        "government",
        Some("UBND"),
    ),
    ("SYT", "Sở Y tế", "government", Some("UBND")),
    (
        "SVHTTDL",
        "Sở Văn hóa, Thể thao và Du lịch",
        "government",
        Some("UBND"),
    ),
    (
        "STTTT",
        "Sở Thông tin và Truyền thông",
        "government",
        Some("UBND"),
    ),
    ("TTT", "Thanh tra tỉnh", "government", Some("UBND")),
    ("LDLD", "Liên đoàn Lao động tỉnh", "front", Some("MTTQ")),
    ("TINHDOAN", "Tỉnh đoàn", "front", Some("MTTQ")),
    ("HLHPN", "Hội Liên hiệp Phụ nữ tỉnh", "front", Some("MTTQ")),
    ("HND", "Hội Nông dân tỉnh", "front", Some("MTTQ")),
    ("HCCB", "Hội Cựu chiến binh tỉnh", "front", Some("MTTQ")),
];

/// District bodies: code prefix, name before the place, kind, parent code.
const DISTRICT: &[(&str, &str, &str, &str)] = &[
    ("HU", "Huyện ủy", "party", "TU"),
    ("UBH", "UBND huyện", "government", "UBND"),
    ("MTH", "Ủy ban MTTQ huyện", "front", "MTTQ"),
    ("DUX", "Đảng ủy xã", "party", "TU"),
    ("HNDH", "Hội Nông dân huyện", "front", "MTTQ"),
    ("PNV", "Phòng Nội vụ huyện", "government", "UBND"),
    ("HPNH", "Hội Liên hiệp Phụ nữ huyện", "front", "MTTQ"),
    ("TTRH", "Thanh tra huyện", "government", "UBND"),
];

const FAMILY: &[&str] = &[
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Phan", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô",
    "Dương", "Lý",
];
const MIDDLE: &[&str] = &[
    "Văn", "Thị", "Đức", "Hữu", "Minh", "Thanh", "Quang", "Ngọc", "Xuân", "Thu", "Hồng",
];
const GIVEN: &[&str] = &[
    "An", "Bình", "Cường", "Dũng", "Hà", "Hải", "Hạnh", "Hòa", "Hùng", "Hương", "Lan", "Long",
    "Mai", "Nam", "Phong", "Quân", "Sơn", "Tâm", "Thắng", "Thủy", "Trung", "Tuấn", "Việt", "Yến",
];

fn pick<'a>(rng: &mut StdRng, items: &[&'a str]) -> &'a str {
    items[rng.random_range(0..items.len())]
}

fn person(rng: &mut StdRng) -> String {
    format!(
        "{} {} {}",
        pick(rng, FAMILY),
        pick(rng, MIDDLE),
        pick(rng, GIVEN)
    )
}

fn make_agencies(rng: &mut StdRng, n: u32) -> Vec<Agency> {
    let kind = |k: &str| k.parse().unwrap_or(AgencyKind::Party);
    let mut out: Vec<Agency> = Vec::with_capacity(n as usize);
    for &(code, name, k, parent) in PROVINCIAL.iter().take(n as usize) {
        let counted = code.starts_with("DUK");
        out.push(Agency {
            code: code.into(),
            name: name.into(),
            kind: kind(k),
            parent: parent.map(Into::into),
            head: Some(person(rng)),
            members: counted.then(|| rng.random_range(2_000..9_000)),
            staff: counted.then(|| rng.random_range(3_000..12_000)),
        });
    }
    let mut i = 0usize;
    while out.len() < n as usize {
        let place = PLACES[i % PLACES.len()];
        let (prefix, body, k, parent) = DISTRICT[(i / PLACES.len()) % DISTRICT.len()];
        let round = i / (PLACES.len() * DISTRICT.len());
        let name = if round == 0 {
            format!("{body} {place}")
        } else {
            format!("{body} {place} (cụm {})", round + 1)
        };
        // Top-level parents exist only when n is large enough to hold them.
        let parent = out.iter().any(|a| a.code == parent).then(|| parent.into());
        out.push(Agency {
            code: format!("{prefix}-{i:05}"),
            name,
            kind: kind(k),
            parent,
            head: rng.random_bool(0.8).then(|| person(rng)),
            members: None,
            staff: None,
        });
        i += 1;
    }
    out
}

const PROGRAM_WEIGHTS: &[u32] = &[25, 15, 25, 15, 10, 10];

fn make_programs(today: NaiveDate, agencies: &[Agency]) -> Vec<Program> {
    let y = today.year();
    let ymd = |y: i32, m: u32, d: u32| NaiveDate::from_ymd_opt(y, m, d).unwrap_or(today);
    let parties = |codes: &[&str]| -> Vec<String> {
        let mut v: Vec<String> = codes
            .iter()
            .filter(|c| agencies.iter().any(|a| a.code == **c))
            .map(|c| c.to_string())
            .collect();
        if v.is_empty() {
            v.extend(agencies.first().map(|a| a.code.clone()));
        }
        v
    };
    let program = |code: String,
                   title: String,
                   kind: ProgramKind,
                   from: NaiveDate,
                   to: NaiveDate,
                   p: Vec<String>,
                   basis: &str| Program {
        code,
        title,
        kind,
        starts_on: from,
        ends_on: to,
        parties: p,
        basis: Some(basis.into()),
        review_months: 6,
    };
    vec![
        program(
            format!("CTCT-{y}"),
            format!("Chương trình công tác năm {y} của Ban Thường vụ Tỉnh ủy"),
            ProgramKind::Action,
            ymd(y, 1, 1),
            ymd(y, 12, 31),
            parties(&["TU"]),
            "Quy chế làm việc của Ban Chấp hành Đảng bộ tỉnh",
        ),
        program(
            format!("PH-{y}"),
            format!("Chương trình phối hợp công tác năm {y} giữa Ban Cán sự Đảng UBND tỉnh và các ban xây dựng Đảng Tỉnh ủy"),
            ProgramKind::Coordination,
            ymd(y, 1, 1),
            ymd(y, 12, 31),
            parties(&["BCSD-UBND", "BTCTU", "BTGTU", "BDVTU", "BNCTU", "UBKTTU"]),
            "Quy định 08-QĐ/TW",
        ),
        program(
            format!("XDHTCT-{}-{}", y - 1, y + 4),
            format!(
                "Chương trình xây dựng hệ thống chính trị của tỉnh giai đoạn {}-{}",
                y - 1,
                y + 4
            ),
            ProgramKind::Building,
            ymd(y - 1, 10, 1),
            ymd(y + 4, 10, 31),
            parties(&["TU", "BTCTU"]),
            "Nghị quyết 18-NQ/TW",
        ),
        program(
            format!("CCHC-{}-{}", y - 3, y + 4),
            format!(
                "Chương trình hành động đẩy mạnh cải cách hành chính giai đoạn {}-{}",
                y - 3,
                y + 4
            ),
            ProgramKind::Action,
            ymd(y - 3, 1, 1),
            ymd(y + 4, 12, 31),
            parties(&["DUK", "BCSD-UBND"]),
            "Nghị quyết 05-NQ/TU",
        ),
        program(
            format!("CDS-{}-{}", y - 1, y + 1),
            format!(
                "Kế hoạch chuyển đổi số trong các cơ quan đảng, chính quyền giai đoạn {}-{}",
                y - 1,
                y + 1
            ),
            ProgramKind::Action,
            ymd(y - 1, 1, 1),
            ymd(y + 1, 12, 31),
            parties(&["UBND", "STTTT"]),
            "Nghị quyết 05-NQ/TU",
        ),
        program(
            format!("DV-{y}"),
            format!("Chương trình phối hợp công tác dân vận năm {y}"),
            ProgramKind::Coordination,
            ymd(y, 1, 1),
            ymd(y, 12, 31),
            parties(&["BDVTU", "MTTQ", "BCSD-UBND"]),
            "Quyết định 290-QĐ/TW",
        ),
    ]
}

const VERBS: &[&str] = &[
    "Triển khai",
    "Tăng cường",
    "Đẩy mạnh",
    "Nâng cao chất lượng",
    "Sơ kết",
    "Tổng kết",
    "Kiểm tra",
    "Rà soát",
    "Hướng dẫn",
    "Đổi mới",
    "Báo cáo kết quả",
    "Xây dựng kế hoạch về",
    "Đôn đốc",
];

/// Objects per category, in the default category order.
const OBJECTS: &[&[&str]] = &[
    &[
        "công tác tuyên truyền các nghị quyết của Đảng",
        "việc học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
        "công tác nắm bắt dư luận xã hội",
        "sinh hoạt chính trị dưới nghi thức chào cờ",
        "công tác bảo vệ nền tảng tư tưởng của Đảng",
        "việc ngăn chặn suy thoái tư tưởng chính trị, đạo đức, lối sống",
        "công tác thông tin đối ngoại",
        "việc quán triệt nghị quyết cho cán bộ, đảng viên",
        "công tác giáo dục lý luận chính trị",
    ],
    &[
        "công tác kết nạp đảng viên",
        "việc đánh giá, xếp loại tổ chức cơ sở đảng và đảng viên",
        "công tác quy hoạch cán bộ",
        "việc luân chuyển, điều động cán bộ",
        "công tác đào tạo, bồi dưỡng cán bộ",
        "việc sắp xếp tổ chức bộ máy tinh gọn",
        "việc chuẩn hóa trình độ lý luận chính trị",
        "công tác bảo vệ chính trị nội bộ",
        "trách nhiệm nêu gương của người đứng đầu",
        "công tác chuẩn bị đại hội đảng các cấp",
        "chất lượng sinh hoạt chi bộ",
    ],
    &[
        "công tác kiểm tra, giám sát của cấp ủy",
        "việc giải quyết khiếu nại, tố cáo trong Đảng",
        "việc thi hành kỷ luật đảng",
        "việc kê khai tài sản, thu nhập",
        "công tác giám sát chuyên đề",
        "việc kiểm tra tài chính đảng",
        "việc kiểm tra khi có dấu hiệu vi phạm",
    ],
    &[
        "công tác dân vận chính quyền",
        "phong trào thi đua “Dân vận khéo”",
        "việc thực hiện Quy chế dân chủ ở cơ sở",
        "việc đối thoại giữa người đứng đầu với nhân dân",
        "công tác dân tộc, tôn giáo",
        "việc nắm tình hình tư tưởng nhân dân",
        "việc vận động nhân dân xây dựng nông thôn mới",
        "Quy chế công tác dân vận của hệ thống chính trị",
    ],
    &[
        "công tác phòng, chống tham nhũng, tiêu cực",
        "việc thực hành tiết kiệm, chống lãng phí",
        "công tác tiếp công dân",
        "việc xử lý các vụ việc dư luận quan tâm",
        "công tác cải cách tư pháp",
        "việc thu hồi tài sản tham nhũng",
    ],
    &[
        "công tác cải cách hành chính",
        "việc cải cách thủ tục hành chính",
        "công tác chuyển đổi số",
        "việc xây dựng chính quyền điện tử",
        "hoạt động giám sát của HĐND",
        "việc sắp xếp đơn vị sự nghiệp công lập",
        "việc tinh giản biên chế",
        "đạo đức công vụ của cán bộ, công chức",
        "công tác thi đua, khen thưởng",
        "hoạt động của Trung tâm Phục vụ hành chính công",
        "trách nhiệm giải trình của cơ quan nhà nước",
    ],
    &[
        "công tác giám sát, phản biện xã hội",
        "việc xây dựng khối đại đoàn kết toàn dân",
        "phong trào “Toàn dân đoàn kết xây dựng đời sống văn hóa”",
        "công tác giảm nghèo bền vững",
        "hoạt động của các đoàn thể chính trị - xã hội",
        "việc góp ý xây dựng Đảng, xây dựng chính quyền",
    ],
];

const TAILS: &[&str] = &[
    "theo Nghị quyết 18-NQ/TW",
    "theo Chỉ thị 28-CT/TW",
    "theo Quy định 08-QĐ/TW",
    "theo Nghị quyết 05-NQ/TU",
    "giai đoạn 2021-2025",
    "giai đoạn 2025-2030",
    "trong Đảng bộ Khối các cơ quan tỉnh",
    "tại các cơ quan, đơn vị cấp tỉnh",
    "ở cơ sở",
    "trong tình hình mới",
];

const BASES: &[&str] = &[
    "Nghị quyết 18-NQ/TW",
    "Nghị quyết 19-NQ/TW",
    "Chỉ thị 28-CT/TW",
    "Quy định 08-QĐ/TW",
    "Nghị quyết 05-NQ/TU",
    "Chỉ thị 05-CT/TW",
];

const NOTE_DONE: &str = "Hoàn thành, đã báo cáo kết quả.";
const NOTE_LATE: &str = "Hoàn thành chậm so với thời hạn; đã giải trình nguyên nhân.";
const NOTE_DOING: &str = "Đang tổ chức thực hiện theo kế hoạch.";
const NOTE_PAUSED: &str = "Tạm dừng, chờ hướng dẫn của cấp trên.";

struct TaskGen {
    rng: StdRng,
    today: NaiveDate,
    categories: Cumulative,
    programs: Cumulative,
    names: Vec<String>,
}

impl TaskGen {
    fn days(&mut self, lo: i64, hi: i64) -> Duration {
        Duration::days(self.rng.random_range(lo..=hi))
    }

    fn title(&mut self, category: usize, lead: usize) -> String {
        let objects = OBJECTS.get(category).copied().unwrap_or(OBJECTS[0]);
        let verb = pick(&mut self.rng, VERBS);
        let object = pick(&mut self.rng, objects);
        let mut t = String::with_capacity(112);
        t.push_str(verb);
        t.push(' ');
        t.push_str(object);
        let len = |s: &str| s.chars().count();
        let r = self.rng.random_range(0..10u32);
        let year;
        let tail: Option<&str> = match r {
            0..=2 => {
                let y = self.today.year() + self.rng.random_range(-2..=1);
                year = match self.rng.random_range(0..3u32) {
                    0 => format!("năm {y}"),
                    1 => format!("6 tháng đầu năm {y}"),
                    _ => {
                        let q = ["I", "II", "III", "IV"][self.rng.random_range(0..4usize)];
                        format!("quý {q} năm {y}")
                    }
                };
                Some(&year)
            }
            3..=5 => Some(pick(&mut self.rng, TAILS)),
            6..=7 => self.names.get(lead).map(|n| n.as_str()),
            _ => None,
        };
        if let Some(tail) = tail {
            let prep = if r >= 6 { "tại " } else { "" };
            if len(&t) + 1 + len(prep) + len(tail) <= 90 {
                t.push(' ');
                t.push_str(prep);
                t.push_str(tail);
            }
        }
        if len(&t) < 30 {
            t.push_str(" trong tình hình mới");
        }
        t
    }

    fn next_task(&mut self) -> BulkTask {
        let today = self.today;
        let category = self.categories.pick(&mut self.rng);
        let program = self.programs.pick(&mut self.rng);
        let n = self.names.len();
        let lead = self.rng.random_range(0..n);
        let mut with = Vec::new();
        let k = match self.rng.random_range(0..100u32) {
            0..=29 => 0,
            30..=74 => 1,
            _ => 2,
        };
        for _ in 0..k.min(n.saturating_sub(1)) {
            let w = self.rng.random_range(0..n);
            if w != lead && !with.contains(&w) {
                with.push(w);
            }
        }
        let roadmap = self.rng.random_bool(0.7);
        let (deadline, created) = if roadmap {
            let d = today + self.days(-540, 240);
            let c = (d - self.days(45, 720)).min(today);
            (Some(d), c)
        } else {
            (None, today - self.days(30, 1500))
        };
        let r = self.rng.random_range(0..100u32);
        let (status, completed_on) = match deadline {
            Some(d) if d < today => match r {
                0..=61 => {
                    let from = created.max(d - Duration::days(90));
                    let span = (d - from).num_days().max(0);
                    (Status::Done, Some(from + self.days(0, span)))
                }
                62..=79 => {
                    let span = (today - d).num_days().max(1);
                    (Status::Done, Some(d + self.days(1, span)))
                }
                80..=96 => (Status::InProgress, None),
                _ => (Status::Suspended, None),
            },
            Some(_) => match r {
                0..=21 => {
                    let span = (today - created).num_days().max(0);
                    (Status::Done, Some(created + self.days(0, span)))
                }
                22..=74 => (Status::InProgress, None),
                75..=96 => (Status::NotStarted, None),
                _ => (Status::Suspended, None),
            },
            None => match r {
                0..=29 => {
                    let span = (today - created).num_days().max(0);
                    (Status::Done, Some(created + self.days(0, span)))
                }
                30..=89 => (Status::InProgress, None),
                _ => (Status::NotStarted, None),
            },
        };
        let p = match status {
            Status::Done => 100,
            Status::InProgress => self.rng.random_range(5..=95),
            Status::Suspended => self.rng.random_range(0..=60),
            Status::NotStarted => 0,
        };
        let note = match (status, deadline, completed_on) {
            (Status::Done, Some(d), Some(c)) if c > d => Some(NOTE_LATE),
            (Status::Done, ..) => Some(NOTE_DONE),
            (Status::InProgress, ..) => Some(NOTE_DOING),
            (Status::Suspended, ..) => Some(NOTE_PAUSED),
            (Status::NotStarted, ..) => None,
        };
        let basis = self
            .rng
            .random_bool(0.2)
            .then(|| pick(&mut self.rng, BASES));
        BulkTask {
            program,
            category,
            title: self.title(category, lead),
            lead,
            with,
            cadence: if roadmap {
                Cadence::Roadmap
            } else {
                Cadence::Recurring
            },
            deadline,
            status,
            progress: Progress::new(p).unwrap_or_default(),
            completed_on,
            basis,
            created_on: created,
            note,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_are_30_to_90_characters_with_diacritics() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        let mut rng = StdRng::seed_from_u64(7);
        let agencies = make_agencies(&mut rng, 300);
        let mut g = TaskGen {
            rng,
            today,
            categories: Cumulative::new(&[5, 15, 4, 11, 4, 16, 3]),
            programs: Cumulative::new(PROGRAM_WEIGHTS),
            names: agencies.iter().map(|a| a.name.clone()).collect(),
        };
        let mut distinct = std::collections::HashSet::new();
        let mut per_category = [0u32; 7];
        for _ in 0..20_000 {
            let t = g.next_task();
            let n = t.title.chars().count();
            assert!((30..=90).contains(&n), "{n}: {}", t.title);
            assert!(t.title != crate::search::fold(&t.title));
            assert!(crate::domain::text::clean_line("title", &t.title).unwrap() == t.title);
            assert!(!t.with.contains(&t.lead));
            if let Some(c) = t.completed_on {
                assert!(c <= today && c >= t.created_on);
            }
            assert!(t.created_on <= today);
            per_category[t.category] += 1;
            distinct.insert(t.title);
        }
        assert!(distinct.len() > 5_000, "{}", distinct.len());
        // organization (15/58) outnumbers front (3/58) about five to one.
        assert!(per_category[1] > 3 * per_category[6]);
    }

    #[test]
    fn agencies_have_unique_codes_and_known_parents() {
        let mut rng = StdRng::seed_from_u64(1);
        let a = make_agencies(&mut rng, 1000);
        let codes: std::collections::HashSet<_> = a.iter().map(|x| x.code.clone()).collect();
        assert_eq!(codes.len(), 1000);
        for (i, x) in a.iter().enumerate() {
            if let Some(p) = &x.parent {
                assert!(a[..i].iter().any(|y| &y.code == p));
            }
            x.clone().validated().unwrap();
        }
        let small = make_agencies(&mut rng, 2);
        assert_eq!(small.len(), 2);
    }
}
