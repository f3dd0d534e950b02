//! The fixed part of the demo data set, taken from the five seed reports in
//! `shared/seeds/` (see `docs/demo.md` for which report each part comes from).

/// An agency: code, name, kind, parent, head, members, staff.
pub(super) type AgencyRow = (
    &'static str,
    &'static str,
    &'static str,
    Option<&'static str>,
    Option<&'static str>,
    Option<i64>,
    Option<i64>,
);

/// The agencies in protocol order (the order they are added is the order lists show them
/// in): the Tỉnh ủy and its bodies — Văn phòng, Ban Tổ chức, Ban Tuyên giáo, Ban Dân vận,
/// Ban Nội chính, Ủy ban Kiểm tra —, the party committees, then the HĐND, the UBND and its
/// departments, the Mặt trận and the socio-political organisations in their usual order.
/// Parents come before children. The bodies the 2025 reorganisation created sit next to
/// those they replaced (see [`MERGES`]).
#[rustfmt::skip]
pub(super) const AGENCIES: &[AgencyRow] = &[
    ("TU", "Tỉnh ủy", "party", None, None, None, None),
    ("VPTU", "Văn phòng Tỉnh ủy", "party", Some("TU"), None, None, None),
    ("BTCTU", "Ban Tổ chức Tỉnh ủy", "party", Some("TU"), Some("Mai Văn Tuất"), None, None),
    ("BTGTU", "Ban Tuyên giáo Tỉnh ủy", "party", Some("TU"), Some("Hồ Đại Nam"), None, None),
    ("BDVTU", "Ban Dân vận Tỉnh ủy", "party", Some("TU"), Some("Lê Thị Lan Hương"), None, None),
    ("BTGDVTU", "Ban Tuyên giáo và Dân vận Tỉnh ủy", "party", Some("TU"), None, None, None),
    ("BNCTU", "Ban Nội chính Tỉnh ủy", "party", Some("TU"), Some("Phan Văn Phụng"), None, None),
    ("UBKTTU", "Ủy ban Kiểm tra Tỉnh ủy", "party", Some("TU"), Some("Tô Văn Từ"), None, None),
    ("BCD-HTCT", "Ban Chỉ đạo thực hiện Chương trình xây dựng hệ thống chính trị tỉnh", "party", Some("TU"), Some("Trần Hồng Quảng"), None, None),
    ("BCSD-UBND", "Ban Cán sự Đảng UBND tỉnh", "party", Some("TU"), Some("Thái Thanh Quý"), None, None),
    ("DU-UBND", "Đảng ủy UBND tỉnh", "party", Some("TU"), None, None, None),
    ("DUK", "Đảng ủy Khối các cơ quan tỉnh", "party", Some("TU"), Some("Nguyễn Thị Kim Chi"), Some(5000), Some(7000)),
    ("UBKT-DUK", "Ủy ban Kiểm tra Đảng ủy Khối các cơ quan tỉnh", "party", Some("DUK"), Some("Hồng Khanh"), None, None),
    ("VP-DUK", "Văn phòng Đảng ủy Khối các cơ quan tỉnh", "party", Some("DUK"), None, None, None),
    ("CB-MTTQ", "Chi bộ Cơ quan Ủy ban Mặt trận Tổ quốc tỉnh", "party", Some("DUK"), None, None, None),
    ("DU-CQD", "Đảng ủy các cơ quan Đảng tỉnh", "party", Some("TU"), None, None, None),
    ("UBKT-CQD", "Ủy ban Kiểm tra Đảng ủy các cơ quan Đảng tỉnh", "party", Some("DU-CQD"), None, None, None),
    ("HDND", "Hội đồng nhân dân tỉnh", "government", None, Some("Trần Hồng Quảng"), None, None),
    ("DDBQH", "Đoàn Đại biểu Quốc hội tỉnh", "government", None, Some("Đỗ Thị Hoàng"), None, None),
    ("UBND", "Ủy ban nhân dân tỉnh", "government", None, Some("Thái Thanh Quý"), None, None),
    ("VP-UBND", "Văn phòng UBND tỉnh", "government", Some("UBND"), None, None, None),
    ("SNV", "Sở Nội vụ", "government", Some("UBND"), None, None, None),
    ("TTT", "Thanh tra tỉnh", "government", Some("UBND"), None, None, None),
    ("STP", "Sở Tư pháp", "government", Some("UBND"), None, None, None),
    ("STTTT", "Sở Thông tin và Truyền thông", "government", Some("UBND"), None, None, None),
    ("SKHCN", "Sở Khoa học và Công nghệ", "government", Some("UBND"), None, None, None),
    ("MTTQ", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "front", None, None, None, None),
    ("LDLD", "Liên đoàn Lao động tỉnh", "front", Some("MTTQ"), None, None, None),
    ("HND", "Hội Nông dân tỉnh", "front", Some("MTTQ"), None, None, None),
    ("TINHDOAN", "Tỉnh đoàn", "front", Some("MTTQ"), None, None, None),
    ("HLHPN", "Hội Liên hiệp Phụ nữ tỉnh", "front", Some("MTTQ"), None, None, None),
    ("HCCB", "Hội Cựu chiến binh tỉnh", "front", Some("MTTQ"), None, None, None),
];

/// The 2025 reorganisation, as dated agency merges (old, new, date): every task the old
/// body led or coordinated passes to the new one on that date, so the old names show as
/// of earlier dates and the new ones after. See `docs/demo.md` for the sources.
pub(super) const MERGES: &[(&str, &str, &str)] = &[
    // Kết luận 121-KL/TW (24/01/2025): Ban Tuyên giáo and Ban Dân vận become one ban.
    ("BTGTU", "BTGDVTU", REORG),
    ("BDVTU", "BTGDVTU", REORG),
    // The Ban Cán sự Đảng ends; the Đảng ủy UBND tỉnh takes over its role.
    ("BCSD-UBND", "DU-UBND", REORG),
    // The Đảng ủy Khối ends; the Đảng ủy các cơ quan Đảng tỉnh takes its party units.
    ("DUK", "DU-CQD", REORG),
    ("UBKT-DUK", "UBKT-CQD", REORG),
    ("VP-DUK", "DU-CQD", REORG),
    // Sở Thông tin và Truyền thông merged into Sở Khoa học và Công nghệ from 01/03/2025.
    ("STTTT", "SKHCN", "2025-03-01"),
];

/// The date the demo gives the party-side mergers: the day Nghệ An's Đảng bộ UBND tỉnh
/// began work (Quyết định 3254-QĐ/TU of 12/02/2025); provinces merged their Ban Tuyên
/// giáo and Ban Dân vận between 03/02 and 01/03/2025.
const REORG: &str = "2025-02-13";

/// A program with fixed dates: code, title, kind, start, end, signatories, basis,
/// review months.
pub(super) struct ProgramRow {
    pub code: &'static str,
    pub title: &'static str,
    pub kind: &'static str,
    pub starts_on: &'static str,
    pub ends_on: &'static str,
    pub parties: &'static [&'static str],
    pub basis: Option<&'static str>,
    pub review_months: u32,
    pub tasks: &'static [TaskRow],
}

/// How a fixed task ends up.
#[derive(Clone, Copy)]
pub(super) enum End {
    /// Completed on this date (after evenly spaced progress updates).
    Done(&'static str),
    /// Still open: the last update on this date left it at this percentage.
    Open(&'static str, u8),
}

/// A task with fixed dates.
pub(super) struct TaskRow {
    pub category: &'static str,
    pub title: &'static str,
    pub lead: &'static str,
    pub with: &'static [&'static str],
    pub basis: Option<&'static str>,
    pub created_on: &'static str,
    /// `None`: a recurring task (*thường xuyên*).
    pub deadline: Option<&'static str>,
    pub end: End,
    /// The note of the last update, when the generic one does not fit.
    pub note: Option<&'static str>,
}

#[allow(clippy::too_many_arguments)] // a table row constructor, read as one line per task
const fn t(
    category: &'static str,
    title: &'static str,
    lead: &'static str,
    with: &'static [&'static str],
    basis: Option<&'static str>,
    created_on: &'static str,
    deadline: Option<&'static str>,
    end: End,
) -> TaskRow {
    TaskRow {
        category,
        title,
        lead,
        with,
        basis,
        created_on,
        deadline,
        end,
        note: None,
    }
}

const fn noted(row: TaskRow, note: &'static str) -> TaskRow {
    TaskRow {
        note: Some(note),
        ..row
    }
}

use End::{Done, Open};

const START: &str = "2015-12-15";
const FINAL: &str = "2020-10-30";
const NQ18: Option<&str> = Some("Nghị quyết 18-NQ/TW");
const CT28: Option<&str> = Some("Chỉ thị 28-CT/TW");
const QD08: Option<&str> = Some("Quy định 08-QĐi/TW");

/// Seed 003: the 2015-2020 political-system building program, 58 tasks:
/// 5 ideology, 15 organization, 4 inspection, 11 mass mobilization, 4 internal affairs,
/// 16 government, 3 front.
#[rustfmt::skip]
const XDHTCT_TASKS: &[TaskRow] = &[
    // Công tác tư tưởng (5)
    t("ideology", "Tổ chức sinh hoạt chính trị dưới nghi thức chào cờ vào sáng thứ hai tuần đầu tháng", "BTGTU", &["VPTU", "DUK"], None, START, None, Done(FINAL)),
    noted(t("ideology", "Phát hành cuốn sách “128 câu chuyện kể về Chủ tịch Hồ Chí Minh” làm tư liệu sinh hoạt", "BTGTU", &["VPTU"], None, "2016-06-01", Some("2017-05-19"), Done("2017-05-10")), "Đã phát hành sách, cấp phát cho các chi bộ làm tư liệu sinh hoạt."),
    t("ideology", "Đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh", "BTGTU", &["BDVTU", "DUK"], Some("Nghị quyết 08-NQ/TU"), "2016-06-01", None, Done(FINAL)),
    t("ideology", "Tuyên truyền, nắm bắt dư luận xã hội, tạo đồng thuận trong thực hiện nhiệm vụ trọng tâm của tỉnh", "BTGTU", &["BDVTU", "MTTQ"], None, START, None, Done(FINAL)),
    t("ideology", "Ngăn chặn, đẩy lùi suy thoái tư tưởng chính trị, đạo đức, lối sống trong cán bộ, đảng viên", "BTGTU", &["UBKTTU", "BTCTU"], Some("Nghị quyết 08-NQ/TU"), START, Some("2017-12-31"), Done("2018-03-20")),
    // Công tác tổ chức xây dựng Đảng (15)
    noted(t("organization", "Ban hành Quy định trách nhiệm nêu gương của cán bộ, đảng viên, cụ thể thành “10 xây”, “10 chống”", "BTCTU", &["VPTU", "UBKTTU"], QD08, "2018-11-01", Some("2019-03-31"), Done("2019-03-25")), "Ban Thường vụ Tỉnh ủy đã ban hành Quy định “10 xây”, “10 chống”."),
    t("organization", "Phân công cấp ủy viên định kỳ dự sinh hoạt với chi bộ khu dân cư", "BTCTU", &["VPTU"], None, START, None, Done(FINAL)),
    t("organization", "Đánh giá, xếp loại chất lượng tổ chức cơ sở đảng và đảng viên hằng năm", "BTCTU", &["UBKTTU", "DUK"], None, START, None, Done(FINAL)),
    t("organization", "Nâng cao chất lượng kết nạp đảng viên; rà soát, sàng lọc, đưa đảng viên không đủ tư cách ra khỏi Đảng", "BTCTU", &["UBKTTU"], CT28, "2019-02-15", None, Done(FINAL)),
    t("organization", "Chuẩn hóa trình độ trung cấp lý luận chính trị cho đội ngũ cán bộ, công chức, viên chức", "BTCTU", &["BTGTU", "SNV"], None, "2016-03-01", Some("2019-12-31"), Done("2020-06-30")),
    t("organization", "Xây dựng Đề án sắp xếp tổ chức bộ máy hệ thống chính trị tinh gọn, hoạt động hiệu lực, hiệu quả", "BTCTU", &["BCSD-UBND", "VPTU"], NQ18, "2017-11-15", Some("2018-12-31"), Done("2018-12-20")),
    t("organization", "Sắp xếp cán bộ, công chức, viên chức các cơ quan đảng, đoàn thể theo vị trí việc làm", "BTCTU", &["VPTU", "MTTQ"], NQ18, "2018-01-15", Some("2020-06-30"), Done("2021-03-15")),
    t("organization", "Rà soát, bổ sung quy hoạch cán bộ lãnh đạo, quản lý các cấp nhiệm kỳ 2020-2025", "BTCTU", &["BCSD-UBND", "DUK"], None, "2016-06-01", Some("2018-06-30"), Done("2018-06-25")),
    t("organization", "Hướng dẫn, chuẩn bị nhân sự đại hội đảng bộ các cấp nhiệm kỳ 2020-2025", "BTCTU", &["VPTU", "DUK"], None, "2019-06-01", Some("2020-09-30"), Done("2020-09-25")),
    t("organization", "Đào tạo, bồi dưỡng cán bộ, đảng viên đáp ứng yêu cầu nhiệm vụ trong thời kỳ mới", "BTCTU", &["BTGTU"], None, START, None, Done(FINAL)),
    t("organization", "Luân chuyển, điều động cán bộ lãnh đạo, quản lý giữa các cơ quan cấp tỉnh và cơ sở", "BTCTU", &["BCSD-UBND"], None, START, None, Done(FINAL)),
    t("organization", "Xây dựng tổ chức cơ sở đảng trong sạch, vững mạnh gắn với xây dựng cơ quan, đoàn thể vững mạnh", "DUK", &["BTCTU"], None, START, None, Done(FINAL)),
    t("organization", "Sơ kết giữa nhiệm kỳ thực hiện Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XVI và Nghị quyết Đại hội XII của Đảng", "VPTU", &["BTCTU", "BTGTU"], None, "2018-03-01", Some("2018-09-30"), Done("2018-09-28")),
    noted(t("organization", "Hoàn thiện Báo cáo tổng kết công tác xây dựng hệ thống chính trị giai đoạn 2015-2020", "BTCTU", &["BCD-HTCT", "VPTU"], None, "2020-06-01", Some("2020-10-31"), Done("2020-11-20")), "Đã tiếp thu ý kiến hội nghị tổng kết ngày 06/11, hoàn thiện Báo cáo trình Ban Thường vụ Tỉnh ủy."),
    t("organization", "Đổi mới đánh giá, xếp loại cán bộ, đảng viên gắn với kết quả thực hiện nhiệm vụ chính trị", "BTCTU", &["SNV", "DUK"], None, START, Some("2017-12-31"), Done("2017-12-15")),
    // Công tác kiểm tra, giám sát (4)
    t("inspection", "Tăng cường kiểm tra, giám sát và thi hành kỷ luật trong Đảng", "UBKTTU", &["BTCTU"], None, START, None, Done(FINAL)),
    t("inspection", "Kiểm tra, giám sát việc giải quyết khiếu nại, tố cáo của công dân", "UBKTTU", &["BNCTU", "TTT"], None, START, None, Done(FINAL)),
    t("inspection", "Giám sát chuyên đề việc thực hiện Chỉ thị 28-CT/TW về nâng cao chất lượng kết nạp đảng viên", "UBKTTU", &["BTCTU"], CT28, "2019-06-01", Some("2020-06-30"), Done("2020-08-15")),
    t("inspection", "Kiểm tra việc thực hiện trách nhiệm nêu gương của cán bộ, đảng viên, nhất là người đứng đầu", "UBKTTU", &["BTCTU", "DUK"], QD08, "2019-01-15", Some("2019-12-31"), Done("2019-12-20")),
    // Công tác dân vận (11)
    t("mass_mobilization", "Thực hiện Quy chế công tác dân vận của hệ thống chính trị", "BDVTU", &["BCSD-UBND", "MTTQ"], None, START, None, Done(FINAL)),
    t("mass_mobilization", "Xây dựng và nhân rộng mô hình, điển hình “Dân vận khéo” trên các lĩnh vực", "BDVTU", &["MTTQ", "DUK"], None, START, None, Done(FINAL)),
    t("mass_mobilization", "Phát động phong trào thi đua “Dân vận khéo” giai đoạn 2016-2020", "BDVTU", &["MTTQ"], None, START, Some("2016-06-30"), Done("2016-05-19")),
    t("mass_mobilization", "Đẩy mạnh công tác dân vận chính quyền, nâng cao đạo đức công vụ", "BDVTU", &["BCSD-UBND", "SNV"], None, START, None, Done(FINAL)),
    t("mass_mobilization", "Nắm tình hình tư tưởng, tâm trạng các tầng lớp nhân dân, báo cáo định kỳ", "BDVTU", &["BTGTU", "MTTQ"], None, START, None, Done(FINAL)),
    t("mass_mobilization", "Sơ kết thực hiện Quy chế dân chủ ở cơ sở trong các cơ quan, đơn vị", "BDVTU", &["SNV", "LDLD"], None, "2018-01-15", Some("2018-12-31"), Done("2018-12-15")),
    t("mass_mobilization", "Vận động nhân dân tham gia xây dựng nông thôn mới, đô thị văn minh", "BDVTU", &["MTTQ", "HND"], None, START, None, Done(FINAL)),
    t("mass_mobilization", "Tổ chức đối thoại giữa người đứng đầu cấp ủy, chính quyền với nhân dân", "BDVTU", &["BCSD-UBND", "MTTQ"], None, "2018-06-01", Some("2019-06-30"), Done("2019-08-30")),
    t("mass_mobilization", "Làm tốt công tác dân vận vùng đồng bào dân tộc thiểu số và đồng bào có đạo", "BDVTU", &["MTTQ"], None, START, None, Done(FINAL)),
    t("mass_mobilization", "Tổng kết phong trào thi đua “Dân vận khéo” giai đoạn 2016-2020", "BDVTU", &["MTTQ", "DUK"], None, "2020-03-01", Some("2020-09-30"), Done("2020-12-10")),
    t("mass_mobilization", "Ban hành hướng dẫn công tác dân vận của cơ quan nhà nước các cấp", "BDVTU", &["BCSD-UBND"], None, "2016-06-01", Some("2017-03-31"), Done("2017-03-20")),
    // Công tác nội chính (4)
    t("internal_affairs", "Phối hợp thực hành tiết kiệm, phòng, chống tham nhũng, lãng phí trong các cơ quan, đơn vị", "BNCTU", &["TTT", "UBKTTU"], None, START, None, Done(FINAL)),
    t("internal_affairs", "Theo dõi, đôn đốc xử lý các vụ án, vụ việc tham nhũng, kinh tế nghiêm trọng, dư luận quan tâm", "BNCTU", &["TTT"], None, START, None, Done(FINAL)),
    t("internal_affairs", "Tham mưu giải quyết dứt điểm các vụ khiếu nại, tố cáo đông người, kéo dài", "BNCTU", &["TTT", "BCSD-UBND"], None, "2017-01-15", Some("2018-12-31"), Done("2019-03-15")),
    t("internal_affairs", "Ban hành quy chế phối hợp giữa Ban Nội chính Tỉnh ủy với các cơ quan tư pháp tỉnh", "BNCTU", &["STP"], None, START, Some("2016-12-31"), Done("2016-11-20")),
    // Công tác xây dựng bộ máy chính quyền (16)
    t("government", "Nâng cao hiệu quả hoạt động giám sát của HĐND các cấp", "HDND", &["UBND"], None, START, None, Done(FINAL)),
    t("government", "Tăng cường trách nhiệm giải trình của các cơ quan nhà nước trước HĐND tỉnh", "HDND", &["UBND", "VP-UBND"], None, "2016-06-01", None, Done(FINAL)),
    t("government", "Đổi mới tổ chức và hoạt động của UBND các cấp bảo đảm tinh gọn, hợp lý", "BCSD-UBND", &["SNV", "BTCTU"], NQ18, "2017-12-01", Some("2019-12-31"), Done("2020-04-10")),
    t("government", "Nâng cao năng lực quản lý, điều hành, tác phong, lề lối làm việc của UBND các cấp", "UBND", &["SNV"], None, START, None, Done(FINAL)),
    t("government", "Đẩy mạnh cải cách hành chính, trọng tâm là cải cách thủ tục hành chính", "UBND", &["SNV", "VP-UBND"], None, START, None, Done(FINAL)),
    t("government", "Xây dựng và đưa vào hoạt động Trung tâm Phục vụ hành chính công tỉnh", "UBND", &["VP-UBND", "STTTT"], None, "2016-03-01", Some("2017-12-31"), Done("2017-11-28")),
    t("government", "Sắp xếp, tổ chức lại các cơ quan chuyên môn thuộc UBND tỉnh", "BCSD-UBND", &["SNV", "BTCTU"], NQ18, "2018-01-15", Some("2019-06-30"), Done("2019-06-15")),
    noted(t("government", "Sắp xếp lại các đơn vị sự nghiệp công lập theo Nghị quyết 19-NQ/TW", "SNV", &["BCSD-UBND"], Some("Nghị quyết 19-NQ/TW"), "2018-01-15", Some("2020-06-30"), Open("2021-06-30", 90)), "Còn một số đơn vị chưa hoàn thành phương án tự chủ, đang chờ ý kiến của bộ, ngành Trung ương."),
    t("government", "Xây dựng đề án vị trí việc làm và cơ cấu ngạch công chức trong cơ quan hành chính", "SNV", &["VP-UBND"], None, START, Some("2017-06-30"), Done("2017-10-10")),
    t("government", "Nâng cao đạo đức công vụ của đội ngũ cán bộ, công chức, viên chức", "SNV", &["BDVTU", "DUK"], None, START, None, Done(FINAL)),
    t("government", "Ứng dụng công nghệ thông tin, xây dựng chính quyền điện tử của tỉnh", "STTTT", &["VP-UBND"], None, "2017-01-15", Some("2020-06-30"), Done("2020-06-25")),
    t("government", "Rà soát, công bố công khai bộ thủ tục hành chính thuộc thẩm quyền cấp tỉnh", "VP-UBND", &["STP"], None, START, Some("2016-12-31"), Done("2016-12-20")),
    t("government", "Thanh tra công vụ, siết chặt kỷ luật, kỷ cương hành chính", "SNV", &["TTT"], None, START, None, Done(FINAL)),
    t("government", "Triển khai Đề án 25, thí điểm hợp nhất một số cơ quan có chức năng tương đồng", "BCSD-UBND", &["BTCTU", "SNV"], Some("Đề án 25"), START, Some("2017-12-31"), Done("2017-12-20")),
    t("government", "Đánh giá, xếp loại cơ quan, đơn vị trên cơ sở kết quả hoàn thành nhiệm vụ chính trị", "SNV", &["DUK"], None, START, None, Done(FINAL)),
    t("government", "Tinh giản biên chế gắn với cơ cấu lại đội ngũ cán bộ, công chức, viên chức", "SNV", &["BTCTU"], None, START, Some("2020-10-31"), Done("2020-10-30")),
    // Công tác MTTQ và các đoàn thể (3)
    t("front", "Tập hợp, xây dựng khối đại đoàn kết toàn dân, hưởng ứng các phong trào thi đua yêu nước", "MTTQ", &["LDLD", "TINHDOAN", "HLHPN"], None, START, None, Done(FINAL)),
    t("front", "Thực hiện chức năng giám sát, phản biện xã hội, góp ý xây dựng Đảng, xây dựng chính quyền", "MTTQ", &["HND", "HCCB"], None, START, None, Done(FINAL)),
    t("front", "Vận động giảm nghèo, xây dựng nông thôn mới, thực hiện nếp sống văn minh", "MTTQ", &["HND", "HLHPN"], None, START, Some("2020-06-30"), Done("2020-06-20")),
];

/// Seed 001: the 2016 coordination program signed on 1/3/2016.
#[rustfmt::skip]
const PH2016_TASKS: &[TaskRow] = &[
    t("ideology", "Phối hợp tuyên truyền, nắm bắt dư luận xã hội, tạo đồng thuận trong nhân dân năm 2016", "BTGTU", &["BCSD-UBND"], None, "2016-03-01", None, Done("2016-12-20")),
    t("ideology", "Học tập và làm theo tấm gương đạo đức Hồ Chí Minh gắn với Nghị quyết 08 của BCH Đảng bộ tỉnh", "BTGTU", &["BCSD-UBND", "BDVTU"], Some("Nghị quyết 08-NQ/TU"), "2016-03-01", None, Done("2016-12-20")),
    t("internal_affairs", "Chỉ đạo các cơ quan, đơn vị thi đua thực hành tiết kiệm, chống tham nhũng", "BNCTU", &["BCSD-UBND"], None, "2016-03-01", None, Done("2016-12-20")),
    t("inspection", "Phối hợp kiểm tra, giám sát việc giải quyết khiếu nại, tố cáo của công dân năm 2016", "UBKTTU", &["BCSD-UBND", "TTT"], None, "2016-03-01", Some("2016-11-30"), Done("2016-11-25")),
    t("organization", "Xây dựng đội ngũ cán bộ đáp ứng yêu cầu nhiệm vụ trong thời kỳ mới", "BTCTU", &["BCSD-UBND"], None, "2016-03-01", None, Done("2016-12-20")),
    t("government", "Đổi mới công tác thi đua, khen thưởng trong các cơ quan, đơn vị", "BCSD-UBND", &["SNV", "BTCTU"], None, "2016-03-01", Some("2016-10-31"), Done("2016-12-15")),
    t("organization", "Ban hành khung quy chế phối hợp giữa Ban Cán sự Đảng UBND tỉnh và các ban xây dựng Đảng", "BCSD-UBND", &["BTCTU", "VPTU"], None, "2016-03-01", Some("2016-06-30"), Done("2016-06-15")),
    t("government", "Tăng cường chế độ thông tin giữa các bên; sơ kết chương trình phối hợp 6 tháng một lần", "VP-UBND", &["VPTU"], None, "2016-03-01", Some("2016-09-30"), Done("2016-09-12")),
];

/// Seed 002: the scheme to merge the offices of the party bodies into the provincial
/// party office, due 30/6/2018.
#[rustfmt::skip]
const DA2018_TASKS: &[TaskRow] = &[
    noted(t("organization", "Hoàn thành Đề án sáp nhập văn phòng các ban đảng, trình Ban Thường vụ Tỉnh ủy thông qua", "BTCTU", &["VPTU"], Some("Nghị quyết 18-NQ/TW; Kế hoạch 86-KH/TU"), "2018-06-18", Some("2018-06-30"), Done("2018-06-29")), "Đã trình Ban Thường vụ Tỉnh ủy Đề án đúng hạn 30/6."),
    t("organization", "Các ban đảng tự sắp xếp đội ngũ, bảo đảm vị trí việc làm phù hợp", "BTCTU", &["BTGTU", "BDVTU", "BNCTU", "UBKTTU"], None, "2018-06-18", Some("2018-09-30"), Done("2018-10-15")),
    t("organization", "Xây dựng quy chế hoạt động của Văn phòng Tỉnh ủy phục vụ chung các ban đảng", "VPTU", &["BTCTU"], None, "2018-06-18", Some("2018-08-31"), Done("2018-08-27")),
    t("organization", "Chuyển bộ phận lái xe, kế toán của các ban đảng về Văn phòng Tỉnh ủy", "VPTU", &["BTGTU", "BDVTU", "BNCTU", "UBKTTU"], None, "2018-06-18", Some("2018-09-30"), Done("2018-09-28")),
    t("organization", "Xây dựng cơ chế quản lý tài chính, phương tiện, cơ sở vật chất của văn phòng phục vụ chung", "VPTU", &["BTCTU"], None, "2018-06-18", Some("2018-10-31"), Done("2018-12-10")),
];

/// Seed 000: the 2019 coordination program, 5 key contents.
#[rustfmt::skip]
const PH2019_TASKS: &[TaskRow] = &[
    t("organization", "Rà soát chỉ tiêu đại hội đảng các cấp nhiệm kỳ 2015-2020, đẩy nhanh tiến độ các chương trình, đề án", "DUK", &["BCSD-UBND"], None, "2019-02-15", Some("2019-06-30"), Done("2019-06-28")),
    t("government", "Tạo đột phá trong cải cách hành chính; khảo sát sự hài lòng của người dân, doanh nghiệp", "BCSD-UBND", &["DUK", "SNV"], None, "2019-02-15", Some("2019-11-30"), Done("2019-12-10")),
    t("organization", "Ban hành, thực hiện kế hoạch nêu gương theo Quy định 08-QĐi/TW và Chỉ thị 28-CT/TW", "DUK", &["BCSD-UBND"], Some("Quy định 08-QĐi/TW; Chỉ thị 28-CT/TW"), "2019-02-15", Some("2019-03-31"), Done("2019-03-29")),
    t("government", "Sắp xếp bộ máy, cán bộ, công chức, viên chức các sở, ngành theo Nghị quyết 18, 19-NQ/TW", "BCSD-UBND", &["SNV", "DUK"], Some("Nghị quyết 18-NQ/TW; Nghị quyết 19-NQ/TW"), "2019-02-15", Some("2019-12-31"), Done("2019-12-25")),
    t("organization", "Phối hợp hướng dẫn đại hội đảng các cấp tiến tới Đại hội Đảng bộ Khối lần thứ XX", "DUK", &["BTCTU", "BCSD-UBND"], None, "2019-02-15", Some("2019-12-31"), Done("2020-02-20")),
];

/// Seed 004: the 2021-2030 administrative-reform action program.
#[rustfmt::skip]
const CCHC_TASKS: &[TaskRow] = &[
    noted(t("ideology", "Quán triệt, triển khai Nghị quyết 05-NQ/TU về cải cách hành chính cho cán bộ, đảng viên", "DUK", &["BCSD-UBND"], None, "2021-12-20", Some("2022-02-28"), Done("2022-02-16")), "Ngày 16/02/2022 đã quán triệt cho hơn 700 cán bộ, đảng viên của Đảng bộ Khối."),
    t("government", "Các ban, Cơ quan Ủy ban Kiểm tra, Văn phòng Đảng ủy Khối xây dựng kế hoạch cải cách hành chính", "VP-DUK", &["UBKT-DUK"], None, "2022-03-03", Some("2022-06-30"), Done("2022-06-20")),
    t("organization", "Chỉ đạo 63 tổ chức cơ sở đảng trực thuộc thành lập Ban Chỉ đạo cải cách hành chính", "DUK", &["VP-DUK"], None, "2022-03-03", Some("2022-09-30"), Done("2022-11-15")),
    t("organization", "Ban hành bộ thủ tục hành chính đảng trong Đảng bộ Khối các cơ quan tỉnh", "VP-DUK", &["UBKT-DUK"], None, "2022-03-03", Some("2023-06-30"), Done("2023-10-20")),
    t("inspection", "Kiểm tra đột xuất tổ chức đảng, đảng viên trong thực thi nhiệm vụ cải cách hành chính", "UBKT-DUK", &["VP-DUK"], None, "2022-03-03", None, Open("2025-06-30", 60)),
    t("inspection", "Xây dựng chế tài, cách xử lý tổ chức đảng, đảng viên vi phạm cải cách hành chính", "UBKT-DUK", &["DUK"], None, "2022-03-03", Some("2023-12-31"), Done("2023-12-15")),
    t("government", "Ứng dụng công nghệ thông tin, tập trung chuyển đổi số trong lãnh đạo, chỉ đạo, điều hành", "DUK", &["STTTT", "VP-DUK"], None, "2022-03-03", Some("2027-12-31"), Open("2025-06-30", 70)),
    t("organization", "Đưa nội dung cải cách hành chính vào sinh hoạt cấp ủy, chi bộ định kỳ", "DUK", &["VP-DUK"], None, "2022-03-03", None, Open("2025-06-30", 75)),
    t("front", "Phát huy vai trò các đoàn thể trong vận động đoàn viên, hội viên thực hiện cải cách hành chính", "MTTQ", &["DUK", "LDLD", "TINHDOAN"], None, "2022-03-03", None, Open("2025-06-30", 65)),
    t("organization", "Tăng cường lãnh đạo cải cách hành chính, chuyển đổi số gắn với trách nhiệm nêu gương của người đứng đầu", "DUK", &["VP-DUK", "UBKT-DUK"], QD08, "2022-03-03", Some("2022-12-31"), Done("2022-12-20")),
    t("government", "Sơ kết giữa kỳ thực hiện Nghị quyết 05-NQ/TU giai đoạn 2021-2025", "DUK", &["BCSD-UBND", "VP-DUK"], None, "2025-01-15", Some("2025-12-31"), Done("2025-12-18")),
    t("government", "Hoàn thành các mục tiêu cải cách hành chính giai đoạn 2021-2030 của Nghị quyết 05-NQ/TU", "DUK", &["BCSD-UBND"], None, "2022-03-03", Some("2030-12-31"), Open("2025-12-18", 45)),
];

/// The programs with fixed dates, oldest first.
pub(super) const PROGRAMS: &[ProgramRow] = &[
    ProgramRow {
        code: "XDHTCT-2015-2020",
        title: "Chương trình xây dựng hệ thống chính trị của tỉnh giai đoạn 2015-2020",
        kind: "building",
        starts_on: START,
        ends_on: "2020-11-06",
        parties: &["TU", "BCD-HTCT", "BTCTU"],
        basis: Some("Nghị quyết Đại hội Đảng bộ tỉnh nhiệm kỳ 2015-2020"),
        review_months: 6,
        tasks: XDHTCT_TASKS,
    },
    ProgramRow {
        code: "PH-2016",
        title: "Chương trình phối hợp công tác năm 2016 giữa Ban Cán sự Đảng UBND tỉnh và các ban xây dựng Đảng Tỉnh ủy",
        kind: "coordination",
        starts_on: "2016-03-01",
        ends_on: "2016-12-31",
        parties: &["BCSD-UBND", "BTCTU", "BTGTU", "BDVTU", "BNCTU", "UBKTTU"],
        basis: Some("Nghị quyết 08-NQ/TU"),
        review_months: 6,
        tasks: PH2016_TASKS,
    },
    ProgramRow {
        code: "DA-VPTU-2018",
        title: "Đề án sáp nhập văn phòng các ban đảng về Văn phòng Tỉnh ủy phục vụ chung",
        kind: "building",
        starts_on: "2018-06-18",
        ends_on: "2018-12-31",
        parties: &["VPTU", "BTCTU", "BTGTU", "BDVTU", "BNCTU", "UBKTTU"],
        basis: Some("Nghị quyết 18-NQ/TW; Kế hoạch 86-KH/TU"),
        review_months: 3,
        tasks: DA2018_TASKS,
    },
    ProgramRow {
        code: "PH-2019",
        title: "Chương trình phối hợp năm 2019 giữa Ban Thường vụ Đảng ủy Khối các cơ quan tỉnh và Ban Cán sự Đảng UBND tỉnh",
        kind: "coordination",
        starts_on: "2019-01-01",
        ends_on: "2019-12-31",
        parties: &["DUK", "BCSD-UBND"],
        basis: Some("Quy định 08-QĐi/TW; Chỉ thị 28-CT/TW; Nghị quyết 18-NQ/TW, 19-NQ/TW"),
        review_months: 6,
        tasks: PH2019_TASKS,
    },
    ProgramRow {
        code: "CCHC-2021-2030",
        title: "Chương trình hành động thực hiện Nghị quyết 05-NQ/TU về đẩy mạnh cải cách hành chính giai đoạn 2021-2030",
        kind: "action",
        starts_on: "2021-12-14",
        ends_on: "2030-12-31",
        parties: &["DUK", "BCSD-UBND"],
        basis: Some("Nghị quyết 05-NQ/TU ngày 14/12/2021; Chương trình hành động 29-Ctr/ĐUK ngày 03/3/2022"),
        review_months: 6,
        tasks: CCHC_TASKS,
    },
];

/// Urges on the fixed programs: (program, task title, date, message).
#[rustfmt::skip]
pub(super) const URGES: &[(&str, &str, &str, &str)] = &[
    ("XDHTCT-2015-2020", "Sắp xếp cán bộ, công chức, viên chức các cơ quan đảng, đoàn thể theo vị trí việc làm", "2020-10-20", "Đề nghị khẩn trương hoàn thành để báo cáo tại hội nghị tổng kết ngày 06/11/2020."),
    ("XDHTCT-2015-2020", "Sắp xếp lại các đơn vị sự nghiệp công lập theo Nghị quyết 19-NQ/TW", "2020-10-20", "Đề nghị khẩn trương hoàn thành để báo cáo tại hội nghị tổng kết ngày 06/11/2020."),
    ("XDHTCT-2015-2020", "Tổng kết phong trào thi đua “Dân vận khéo” giai đoạn 2016-2020", "2020-10-20", "Đề nghị hoàn thành tổng kết phong trào, gửi báo cáo về Ban Chỉ đạo."),
    ("XDHTCT-2015-2020", "Sắp xếp lại các đơn vị sự nghiệp công lập theo Nghị quyết 19-NQ/TW", "2021-03-01", "Nhiệm vụ đã quá hạn; đề nghị báo cáo tiến độ và giải trình nguyên nhân."),
    ("CCHC-2021-2030", "Chỉ đạo 63 tổ chức cơ sở đảng trực thuộc thành lập Ban Chỉ đạo cải cách hành chính", "2022-10-10", "Còn một số tổ chức cơ sở đảng chưa thành lập Ban Chỉ đạo; đề nghị đôn đốc hoàn thành."),
];

/// A task of the current-year program, with dates as day offsets from today.
pub(super) struct LiveTask {
    pub category: &'static str,
    /// `{Y}` is replaced by the current year.
    pub title: &'static str,
    pub lead: &'static str,
    pub with: &'static [&'static str],
    /// Days from today; `None` for a recurring task.
    pub deadline: Option<i64>,
    pub state: Live,
    /// Urges: (days from today, message).
    pub urges: &'static [(i64, &'static str)],
}

/// Where a task of the current-year program stands.
#[derive(Clone, Copy)]
pub(super) enum Live {
    NotStarted,
    /// Last update `days` from today (negative) at this percentage.
    Open(i64, u8),
    Done(i64),
    Suspended(i64, u8),
}

/// The signatories of the current-year program, as the seeds name them (001); the 2025
/// merges give their successors.
pub(super) const LIVE_PARTIES: &[&str] =
    &["BCSD-UBND", "BTCTU", "BTGTU", "BDVTU", "BNCTU", "UBKTTU"];

/// Days before today when the current-year tasks were created.
pub(super) const LIVE_CREATED: i64 = 110;

/// The current-year program: overdue, due soon, in time and done, relative to today.
#[rustfmt::skip]
pub(super) const LIVE_TASKS: &[LiveTask] = &[
    LiveTask { category: "organization", title: "Rà soát, bổ sung quy hoạch cán bộ lãnh đạo, quản lý các cấp năm {Y}", lead: "BTCTU", with: &["BCSD-UBND"], deadline: Some(-40), state: Live::Open(-50, 60), urges: &[(-20, "Nhiệm vụ đã quá hạn; đề nghị Ban Tổ chức Tỉnh ủy khẩn trương hoàn thành."), (-5, "Đôn đốc lần 2: đề nghị báo cáo kết quả trong tuần này.")] },
    LiveTask { category: "government", title: "Khảo sát sự hài lòng của người dân, doanh nghiệp đối với cơ quan hành chính năm {Y}", lead: "BCSD-UBND", with: &["SNV", "DUK"], deadline: Some(-12), state: Live::Open(-15, 75), urges: &[(-3, "Đề nghị hoàn thành khảo sát, gửi kết quả về Văn phòng Tỉnh ủy.")] },
    LiveTask { category: "inspection", title: "Kiểm tra việc thực hiện Quy định 08-QĐi/TW về trách nhiệm nêu gương tại các sở, ngành", lead: "UBKTTU", with: &["BTCTU"], deadline: Some(-3), state: Live::Open(-9, 40), urges: &[] },
    LiveTask { category: "ideology", title: "Tổ chức hội nghị quán triệt các nghị quyết, chỉ thị mới của Trung ương và của Tỉnh ủy", lead: "BTGTU", with: &["BCSD-UBND", "DUK"], deadline: Some(2), state: Live::Open(-4, 80), urges: &[] },
    LiveTask { category: "internal_affairs", title: "Báo cáo kết quả giải quyết các vụ khiếu nại, tố cáo đông người, kéo dài", lead: "BNCTU", with: &["TTT"], deadline: Some(7), state: Live::Open(-10, 55), urges: &[(-1, "Đề nghị gửi báo cáo đúng hạn để tổng hợp trình Thường trực Tỉnh ủy.")] },
    LiveTask { category: "mass_mobilization", title: "Sơ kết mô hình “Dân vận khéo” trong các cơ quan hành chính nhà nước năm {Y}", lead: "BDVTU", with: &["MTTQ", "SNV"], deadline: Some(-8), state: Live::Open(-12, 45), urges: &[(-2, "Nhiệm vụ đã quá hạn; đề nghị hoàn thành sơ kết, gửi báo cáo về Thường trực Tỉnh ủy.")] },
    LiveTask { category: "government", title: "Sắp xếp các đơn vị sự nghiệp công lập theo Nghị quyết 19-NQ/TW", lead: "SNV", with: &["BCSD-UBND"], deadline: Some(45), state: Live::Open(-7, 35), urges: &[] },
    LiveTask { category: "organization", title: "Đánh giá, xếp loại chất lượng tổ chức cơ sở đảng và đảng viên năm {Y}", lead: "BTCTU", with: &["DUK", "UBKTTU"], deadline: Some(40), state: Live::Open(-14, 10), urges: &[] },
    LiveTask { category: "front", title: "Vận động đoàn viên, hội viên tham gia cải cách hành chính, chuyển đổi số", lead: "MTTQ", with: &["TINHDOAN", "HLHPN"], deadline: None, state: Live::Open(-30, 50), urges: &[] },
    LiveTask { category: "ideology", title: "Tuyên truyền, nắm bắt dư luận xã hội về các nhiệm vụ trọng tâm của tỉnh năm {Y}", lead: "BTGTU", with: &["BDVTU"], deadline: None, state: Live::Open(-8, 65), urges: &[] },
    LiveTask { category: "internal_affairs", title: "Phối hợp phòng, chống tham nhũng, lãng phí trong các cơ quan, đơn vị năm {Y}", lead: "BNCTU", with: &["TTT", "UBKTTU"], deadline: Some(90), state: Live::NotStarted, urges: &[] },
    LiveTask { category: "organization", title: "Ký kết chương trình phối hợp công tác năm {Y} với các ban xây dựng Đảng", lead: "BCSD-UBND", with: &["BTCTU", "BTGTU"], deadline: Some(-80), state: Live::Done(-85), urges: &[] },
    LiveTask { category: "government", title: "Công bố công khai bộ thủ tục hành chính cấp tỉnh đã được chuẩn hóa", lead: "VP-UBND", with: &["STP"], deadline: Some(-30), state: Live::Done(-10), urges: &[(-25, "Đề nghị Văn phòng UBND tỉnh khẩn trương công bố bộ thủ tục.")] },
    LiveTask { category: "mass_mobilization", title: "Tổ chức đối thoại giữa người đứng đầu cấp ủy, chính quyền với nhân dân năm {Y}", lead: "BDVTU", with: &["BCSD-UBND", "MTTQ"], deadline: Some(20), state: Live::Done(-6), urges: &[] },
    LiveTask { category: "inspection", title: "Sơ kết 6 tháng thực hiện chương trình phối hợp năm {Y}", lead: "VP-UBND", with: &["VPTU"], deadline: Some(-60), state: Live::Done(-62), urges: &[] },
    LiveTask { category: "government", title: "Xây dựng đề án sáp nhập một số cơ quan chuyên môn thuộc UBND tỉnh", lead: "BCSD-UBND", with: &["SNV", "BTCTU"], deadline: Some(60), state: Live::Suspended(-18, 30), urges: &[] },
];
