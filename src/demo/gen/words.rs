//! Word lists for synthetic Vietnamese agencies, people, titles and notes.

pub(super) const PLACES: &[&str] = &[
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
pub(super) const PROVINCIAL: &[(&str, &str, &str, Option<&str>)] = &[
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
pub(super) const DISTRICT: &[(&str, &str, &str, &str)] = &[
    ("HU", "Huyện ủy", "party", "TU"),
    ("UBH", "UBND huyện", "government", "UBND"),
    ("MTH", "Ủy ban MTTQ huyện", "front", "MTTQ"),
    ("DUX", "Đảng ủy xã", "party", "TU"),
    ("HNDH", "Hội Nông dân huyện", "front", "MTTQ"),
    ("PNV", "Phòng Nội vụ huyện", "government", "UBND"),
    ("HPNH", "Hội Liên hiệp Phụ nữ huyện", "front", "MTTQ"),
    ("TTRH", "Thanh tra huyện", "government", "UBND"),
];

pub(super) const FAMILY: &[&str] = &[
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Phan", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô",
    "Dương", "Lý",
];

pub(super) const MIDDLE: &[&str] = &[
    "Văn", "Thị", "Đức", "Hữu", "Minh", "Thanh", "Quang", "Ngọc", "Xuân", "Thu", "Hồng",
];

pub(super) const GIVEN: &[&str] = &[
    "An", "Bình", "Cường", "Dũng", "Hà", "Hải", "Hạnh", "Hòa", "Hùng", "Hương", "Lan", "Long",
    "Mai", "Nam", "Phong", "Quân", "Sơn", "Tâm", "Thắng", "Thủy", "Trung", "Tuấn", "Việt", "Yến",
];

pub(super) const VERBS: &[&str] = &[
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
pub(super) const OBJECTS: &[&[&str]] = &[
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

pub(super) const TAILS: &[&str] = &[
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

pub(super) const BASES: &[&str] = &[
    "Nghị quyết 18-NQ/TW",
    "Nghị quyết 19-NQ/TW",
    "Chỉ thị 28-CT/TW",
    "Quy định 08-QĐ/TW",
    "Nghị quyết 05-NQ/TU",
    "Chỉ thị 05-CT/TW",
];

pub(super) const NOTE_DONE: &str = "Hoàn thành, đã báo cáo kết quả.";

pub(super) const NOTE_LATE: &str = "Hoàn thành chậm so với thời hạn; đã giải trình nguyên nhân.";

pub(super) const NOTE_DOING: &str = "Đang tổ chức thực hiện theo kế hoạch.";

pub(super) const NOTE_PAUSED: &str = "Tạm dừng, chờ hướng dẫn của cấp trên.";
