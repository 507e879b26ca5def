//! A realistic, deterministic sample conference: the Hậu Giang dialogue conference
//! with about 520 attendees, 60 questions over five topics, 10 gifts and 2 commendations.
//! Every name except the guest of honour is made up. It was held ten days before the
//! day the sample is made, so its follow-up is under way: most opinions answered in the
//! hall, about a third sent to departments with deadlines, a few answered, one overdue.

use crate::domain::programme::{ItemData, Part, SEED};
use jiff::civil::Date;

use crate::domain::{
    AttendeeData, Channel, CommendationData, Conference, FollowStatus, GiftData, Handling,
    PaperDetails, QuestionData, Status, date, question::DEFAULT_TOPICS,
};
use crate::error::{Error, Result};
use crate::store::Store;

/// What `hoinghi demo` wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DemoSummary {
    pub attendees: usize,
    pub questions: usize,
    pub gifts: usize,
    pub commendations: usize,
}

/// `SplitMix64`: small, fast and the same on every platform, so the demo is reproducible.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next() % u64::try_from(n.max(1)).unwrap_or(1)).unwrap_or(0)
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items
            .get(self.below(items.len()))
            .copied()
            .unwrap_or_default()
    }
    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

const DISTRICTS: &[(&str, &[&str])] = &[
    (
        "thành phố Vị Thanh",
        &[
            "phường I",
            "phường III",
            "phường IV",
            "phường V",
            "phường VII",
            "xã Hỏa Lựu",
            "xã Hỏa Tiến",
            "xã Tân Tiến",
            "xã Vị Tân",
        ],
    ),
    (
        "thành phố Ngã Bảy",
        &[
            "phường Ngã Bảy",
            "phường Lái Hiếu",
            "phường Hiệp Thành",
            "phường Hiệp Lợi",
            "xã Đại Thành",
            "xã Tân Thành",
        ],
    ),
    (
        "thị xã Long Mỹ",
        &[
            "phường Thuận An",
            "phường Bình Thạnh",
            "phường Trà Lồng",
            "phường Vĩnh Tường",
            "xã Long Bình",
            "xã Long Phú",
            "xã Long Trị",
            "xã Long Trị A",
            "xã Tân Phú",
        ],
    ),
    (
        "huyện Long Mỹ",
        &[
            "thị trấn Vĩnh Viễn",
            "xã Lương Nghĩa",
            "xã Lương Tâm",
            "xã Thuận Hòa",
            "xã Thuận Hưng",
            "xã Vĩnh Thuận Đông",
            "xã Vĩnh Viễn A",
            "xã Xà Phiên",
        ],
    ),
    (
        "huyện Vị Thủy",
        &[
            "thị trấn Nàng Mau",
            "xã Vị Bình",
            "xã Vị Đông",
            "xã Vị Thanh",
            "xã Vị Thắng",
            "xã Vị Thủy",
            "xã Vị Trung",
            "xã Vĩnh Thuận Tây",
            "xã Vĩnh Trung",
            "xã Vĩnh Tường",
        ],
    ),
    (
        "huyện Phụng Hiệp",
        &[
            "thị trấn Cây Dương",
            "thị trấn Kinh Cùng",
            "thị trấn Búng Tàu",
            "xã Bình Thành",
            "xã Hiệp Hưng",
            "xã Hòa An",
            "xã Hòa Mỹ",
            "xã Long Thạnh",
            "xã Phụng Hiệp",
            "xã Phương Bình",
            "xã Phương Phú",
            "xã Tân Bình",
            "xã Tân Long",
            "xã Tân Phước Hưng",
            "xã Thạnh Hòa",
        ],
    ),
    (
        "huyện Châu Thành",
        &[
            "thị trấn Ngã Sáu",
            "thị trấn Mái Dầm",
            "xã Đông Phú",
            "xã Đông Phước",
            "xã Đông Phước A",
            "xã Đông Thạnh",
            "xã Phú An",
            "xã Phú Hữu",
            "xã Phú Tân",
        ],
    ),
    (
        "huyện Châu Thành A",
        &[
            "thị trấn Một Ngàn",
            "thị trấn Bảy Ngàn",
            "thị trấn Rạch Gòi",
            "thị trấn Cái Tắc",
            "xã Nhơn Nghĩa A",
            "xã Tân Hòa",
            "xã Tân Phú Thạnh",
            "xã Thạnh Xuân",
            "xã Trường Long A",
            "xã Trường Long Tây",
        ],
    ),
];

const PROVINCE: &str = "Công an tỉnh Hậu Giang";
const FAMILY: &[&str] = &[
    "Nguyễn", "Nguyễn", "Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Võ", "Phan", "Trương", "Bùi",
    "Đặng", "Đỗ", "Ngô", "Hồ", "Dương", "Lý", "Đoàn", "Lâm", "Châu", "Danh", "Thạch", "Mai", "Cao",
];
const MIDDLE_M: &[&str] = &[
    "Văn", "Văn", "Văn", "Minh", "Thanh", "Hữu", "Quốc", "Hoàng", "Tấn", "Trung", "Công", "Đức",
    "Phước", "Chí", "Duy", "Thành",
];
const MIDDLE_F: &[&str] = &[
    "Thị", "Thị", "Thị", "Ngọc", "Thanh", "Kim", "Mỹ", "Thúy", "Hồng", "Bích", "Phương", "Cẩm",
];
const GIVEN_M: &[&str] = &[
    "An", "Bình", "Bảo", "Cường", "Chiến", "Dũng", "Duy", "Đạt", "Đông", "Em", "Giàu", "Hải",
    "Hậu", "Hiếu", "Hiệp", "Hòa", "Hùng", "Huy", "Hưng", "Khang", "Khánh", "Khoa", "Kiệt", "Lâm",
    "Lộc", "Lợi", "Luân", "Minh", "Nam", "Nghĩa", "Nhân", "Nhựt", "Phát", "Phong", "Phúc", "Quang",
    "Sang", "Sơn", "Tài", "Tâm", "Thắng", "Thành", "Thiện", "Thịnh", "Thuận", "Tiến", "Toàn",
    "Trí", "Trung", "Tuấn", "Tùng", "Út", "Vinh", "Vũ",
];
const GIVEN_F: &[&str] = &[
    "Anh", "Ánh", "Bích", "Châu", "Diễm", "Dung", "Duyên", "Giang", "Hà", "Hạnh", "Hằng", "Hân",
    "Hiền", "Hoa", "Hồng", "Huyền", "Hương", "Kiều", "Lan", "Linh", "Loan", "Mai", "My", "Ngân",
    "Nga", "Ngọc", "Nhi", "Nhung", "Oanh", "Phương", "Quyên", "Quỳnh", "Thảo", "Thu", "Thủy",
    "Thư", "Trang", "Trâm", "Tuyết", "Uyên", "Vân", "Vy", "Xuân", "Yến",
];
const OFFICER_RANKS: &[&str] = &[
    "Thiếu úy",
    "Trung úy",
    "Trung úy",
    "Thượng úy",
    "Thượng úy",
    "Đại úy",
];
const PHONE_PREFIXES: &[&str] = &[
    "096", "097", "098", "086", "032", "033", "034", "035", "091", "094", "088", "090", "093",
    "089",
];

const CIRCUMSTANCES: &[&str] = &[
    "Bản thân mắc bệnh hiểm nghèo, đang điều trị dài ngày tại Bệnh viện Ung bướu thành phố Cần Thơ, chi phí điều trị lớn.",
    "Nhà ở bị sập một phần do giông lốc, chưa có kinh phí sửa chữa.",
    "Vợ bị bệnh thận mãn tính, phải chạy thận định kỳ 3 lần mỗi tuần.",
    "Nhà bị sạt lở bờ sông, gia đình phải di dời tạm sang nhà người thân.",
    "Cha mẹ già yếu, bản thân là lao động chính nuôi hai con nhỏ.",
    "Nhà bị cháy do chập điện, thiệt hại toàn bộ tài sản.",
    "Con bị tai nạn giao thông, đang điều trị tại Bệnh viện Đa khoa tỉnh Hậu Giang.",
    "Chồng mất sớm, một mình nuôi ba con đang tuổi đi học.",
    "Sinh con thiếu tháng, mẹ và bé phải điều trị dài ngày tại Bệnh viện Sản – Nhi Hậu Giang.",
    "Bản thân bị thương khi làm nhiệm vụ, phải nghỉ điều trị dài ngày.",
];

/// (topic index, responder, text) — `{cax}` is the asker's unit, `{db}` its district.
const TEMPLATES: &[(usize, &str, &str)] = &[
    (
        0,
        "Phòng Tổ chức cán bộ",
        "Hiện nay {cax} chỉ có 05 đồng chí chính quy, trong khi địa bàn rộng, nhiều tuyến kênh rạch, giao thông đi lại khó khăn. Đề nghị Ban Giám đốc xem xét bổ sung biên chế cho đơn vị trong năm tới.",
    ),
    (
        0,
        "Phòng Hậu cần",
        "Trụ sở {cax} hiện đang mượn tạm nhà văn hóa ấp, diện tích chật hẹp, chưa có phòng tiếp công dân. Xin hỏi khi nào đơn vị được đầu tư xây dựng trụ sở làm việc mới?",
    ),
    (
        0,
        "Phòng Tổ chức cán bộ",
        "Xin Ban Giám đốc cho biết tiêu chí, thời hạn điều động, luân chuyển cán bộ Công an xã; cán bộ có hoàn cảnh khó khăn có được ưu tiên bố trí công tác gần nơi cư trú hay không?",
    ),
    (
        1,
        "Phòng Hậu cần",
        "Cán bộ chính quy về {cax} phần lớn ở xa, phải thuê nhà trọ. Đề nghị Ban Giám đốc xem xét hỗ trợ tiền thuê nhà hoặc bố trí nhà công vụ, nhất là đối với các đồng chí mới ra trường.",
    ),
    (
        1,
        "Phòng Tổ chức cán bộ",
        "Cán bộ Công an xã thường xuyên trực 24/24 giờ, kể cả ngày lễ, Tết. Đề nghị làm rõ chế độ bồi dưỡng làm thêm giờ, trực đêm đối với Công an xã, vì mức chi ở các đơn vị chưa thống nhất.",
    ),
    (
        1,
        "Phòng Hậu cần",
        "{cax} thường xuyên sử dụng xe mô tô cá nhân để tuần tra ở các ấp xa. Mức hỗ trợ xăng xe hiện nay không đủ chi phí thực tế. Đề nghị Công an tỉnh xem xét nâng mức hỗ trợ \"xăng xe\" cho đơn vị.",
    ),
    (
        2,
        "Phòng Tổ chức cán bộ",
        "Tôi có nguyện vọng học liên thông lên đại học. Xin hỏi Công an tỉnh có chỉ tiêu cử cán bộ Công an xã đi học hình thức vừa làm vừa học không? Điều kiện và thời gian đăng ký như thế nào?",
    ),
    (
        2,
        "Phòng Tổ chức cán bộ",
        "Đề nghị Công an tỉnh tổ chức các lớp tập huấn ngắn hạn về kỹ năng lập hồ sơ xử phạt vi phạm hành chính và giải quyết tin báo, tố giác tội phạm cho cán bộ Công an xã.",
    ),
    (
        2,
        "Phòng Công tác Đảng và công tác chính trị",
        "Một số đồng chí Trưởng, Phó Trưởng Công an xã chưa có trình độ trung cấp lý luận chính trị. Đề nghị Ban Giám đốc có kế hoạch cử đi học.",
    ),
    (
        3,
        "Phòng Tham mưu",
        "Chỉ tiêu làm sạch dữ liệu dân cư giao cho {cax} quá cao so với lực lượng hiện có. Đề nghị xem xét điều chỉnh chỉ tiêu phù hợp với từng địa bàn trong {db}.",
    ),
    (
        3,
        "Phòng Cảnh sát quản lý hành chính về trật tự xã hội",
        "Việc thu nhận hồ sơ cấp căn cước cho người già, người bệnh tại nhà mất nhiều thời gian. Đề nghị Công an tỉnh hỗ trợ thêm máy thu nhận lưu động cho các xã.",
    ),
    (
        3,
        "Phòng Tham mưu",
        "Đề nghị Công an tỉnh hướng dẫn thống nhất biểu mẫu báo cáo định kỳ, tránh việc Công an xã phải báo cáo cùng một nội dung cho nhiều đầu mối.",
    ),
    (
        4,
        "Đoàn Thanh niên Công an tỉnh",
        "Đề nghị Đoàn Thanh niên Công an tỉnh tổ chức nhiều hơn các hoạt động giao lưu văn hóa, thể thao giữa đoàn viên Công an xã và đoàn viên các phòng nghiệp vụ.",
    ),
    (
        4,
        "Hội Phụ nữ Công an tỉnh",
        "Hội viên công tác ở Công an xã ít có điều kiện tham gia sinh hoạt hội. Đề nghị Hội Phụ nữ Công an tỉnh có hình thức sinh hoạt phù hợp, như sinh hoạt trực tuyến.",
    ),
];

const TOPIC_COUNTS: [usize; 5] = [12, 15, 11, 13, 9];

/// Fills an empty conference file with the sample conference, in one transaction.
pub fn fill(store: &Store) -> Result<DemoSummary> {
    let records = store.record_count()?;
    if records > 0 {
        return Err(Error::NotEmpty {
            path: store.path().map(ToOwned::to_owned).unwrap_or_default(),
            records,
        });
    }
    store.in_transaction(fill_in)
}

fn person(rng: &mut Rng) -> (String, &'static str) {
    let female = rng.chance(30);
    let (middle, given) = if female {
        (MIDDLE_F, GIVEN_F)
    } else {
        (MIDDLE_M, GIVEN_M)
    };
    let name = format!(
        "{} {} {}",
        rng.pick(FAMILY),
        rng.pick(middle),
        rng.pick(given)
    );
    (name, if female { "Nữ" } else { "Nam" })
}

fn phone(rng: &mut Rng) -> String {
    format!("{}{:07}", rng.pick(PHONE_PREFIXES), rng.next() % 10_000_000)
}

fn attendees(rng: &mut Rng) -> Vec<AttendeeData> {
    let mut out = vec![AttendeeData {
        full_name: "Nguyễn Thanh Tràng".into(),
        gender: "Nam".into(),
        rank: "Đại tá".into(),
        position: "Phó Giám đốc Công an tỉnh".into(),
        unit: "Ban Giám đốc Công an tỉnh".into(),
        district: PROVINCE.into(),
        group: "Lãnh đạo".into(),
        ..Default::default()
    }];
    let guests = [
        ("Trưởng phòng", "Phòng Tổ chức cán bộ", "Thượng tá"),
        (
            "Trưởng phòng",
            "Phòng Công tác Đảng và công tác chính trị",
            "Thượng tá",
        ),
        ("Phó Trưởng phòng", "Phòng Tham mưu", "Trung tá"),
        ("Phó Trưởng phòng", "Phòng Hậu cần", "Trung tá"),
        (
            "Bí thư Đoàn Thanh niên Công an tỉnh",
            "Đoàn Thanh niên Công an tỉnh",
            "Thiếu tá",
        ),
        (
            "Chủ tịch Hội Phụ nữ Công an tỉnh",
            "Hội Phụ nữ Công an tỉnh",
            "Trung tá",
        ),
    ];
    for (position, unit, rank) in guests {
        let (full_name, gender) = person(rng);
        out.push(AttendeeData {
            full_name,
            gender: gender.into(),
            birth_year: Some(1968 + i32::try_from(rng.below(10)).unwrap_or(0)),
            rank: rank.into(),
            position: position.into(),
            unit: unit.into(),
            district: PROVINCE.into(),
            group: "Khách mời".into(),
            phone: phone(rng),
            ..Default::default()
        });
    }
    // The two officers of Công an xã Long Trị who receive the Giấy khen.
    for (name, gender, rank, year) in [
        ("Trần Văn Luân", "Nam", "Thượng úy", 1994),
        ("Phan Nguyễn Ngọc Thảo", "Nữ", "Đại úy", 1990),
    ] {
        out.push(AttendeeData {
            full_name: name.into(),
            gender: gender.into(),
            birth_year: Some(year),
            rank: rank.into(),
            position: "Cán bộ".into(),
            unit: "Công an xã Long Trị".into(),
            district: "thị xã Long Mỹ".into(),
            group: "CBCS Công an xã".into(),
            phone: phone(rng),
            ..Default::default()
        });
    }
    let communes: Vec<(&str, &str)> = DISTRICTS
        .iter()
        .flat_map(|(d, cs)| cs.iter().map(move |c| (*d, *c)))
        .collect();
    let mut i = 0;
    while out.len() < 520 {
        let Some((district, commune)) = communes.get(i % communes.len()).copied() else {
            break;
        };
        let kind = commune.split(' ').next().unwrap_or("xã");
        let kind = if commune.starts_with("thị trấn") {
            "thị trấn"
        } else {
            kind
        };
        let (full_name, gender) = person(rng);
        let slot = i / communes.len();
        let (position, rank, group) = match slot {
            0 => (
                format!("Trưởng Công an {kind}"),
                rng.pick(&["Thiếu tá", "Đại úy"]),
                "CBCS Công an xã",
            ),
            1 => (
                format!("Phó Trưởng Công an {kind}"),
                rng.pick(&["Đại úy", "Thượng úy"]),
                "CBCS Công an xã",
            ),
            _ if rng.chance(18) => ("Cán bộ".to_owned(), rng.pick(OFFICER_RANKS), "Đoàn viên"),
            _ if gender == "Nữ" && rng.chance(40) => {
                ("Cán bộ".to_owned(), rng.pick(OFFICER_RANKS), "Hội viên")
            }
            _ if rng.chance(20) => (
                "Chiến sĩ".to_owned(),
                rng.pick(&["Hạ sĩ", "Trung sĩ", "Thượng sĩ"]),
                "CBCS Công an xã",
            ),
            _ => (
                "Cán bộ".to_owned(),
                rng.pick(OFFICER_RANKS),
                "CBCS Công an xã",
            ),
        };
        out.push(AttendeeData {
            full_name,
            gender: gender.into(),
            birth_year: Some(1975 + i32::try_from(rng.below(27)).unwrap_or(0)),
            rank: rank.into(),
            position,
            unit: format!("Công an {commune}"),
            district: district.into(),
            group: group.into(),
            phone: phone(rng),
            ..Default::default()
        });
        i += 1;
    }
    out
}

fn fill_in(store: &Store) -> Result<DemoSummary> {
    let mut rng = Rng(20_221);
    // Held ten days ago: its deadlines fall after today, but for one.
    let day = date::add_days(date::today(), -10);
    let iso = day.to_string();
    let shown = date::display(&iso);
    store.set_conference(&Conference {
        name: format!("Hội nghị đối thoại giữa Đảng ủy, Ban Giám đốc Công an tỉnh với CBCS Công an cấp xã, đoàn viên, hội viên năm {}", day.year()),
        start_date: shown.clone(),
        end_date: shown,
        venue: "Hội trường Công an tỉnh Hậu Giang".into(),
        organiser: "Phòng Công tác Đảng và công tác chính trị".into(),
        superior_agency: "BỘ CÔNG AN".into(),
        issuing_unit: "CÔNG AN TỈNH HẬU GIANG".into(),
        place_name: "Hậu Giang".into(),
        signer_left_title: "NGƯỜI LẬP DANH SÁCH".into(),
        signer_left_name: "Đại úy Lê Thị Mỹ Hạnh".into(),
        signer_right_title: "TM. BAN GIÁM ĐỐC\nPHÓ GIÁM ĐỐC".into(),
        signer_right_name: "Đại tá Nguyễn Thanh Tràng".into(),
    })?;

    let people = attendees(&mut rng);
    let mut ids = Vec::with_capacity(people.len());
    for (n, a) in people.iter().enumerate() {
        let id = store.add_attendee(a)?;
        // The demo shows a conference under way: about three in five are in the hall.
        if n < 7 || rng.chance(60) {
            let minute = 30 + rng.below(30);
            store.set_checked_in(&id, Some(&format!("{iso}T00:{minute:02}:00Z")))?;
        }
        ids.push(id);
    }

    let topics = store.topics()?;
    let mut number = 1;
    for (topic_index, count) in TOPIC_COUNTS.iter().enumerate() {
        let templates: Vec<_> = TEMPLATES.iter().filter(|t| t.0 == topic_index).collect();
        let topic_name = DEFAULT_TOPICS.get(topic_index).copied().unwrap_or_default();
        let topic_id = topics
            .iter()
            .find(|t| t.name == topic_name)
            .map(|t| t.id.clone());
        for k in 0..*count {
            let Some((_, responder, text)) = templates.get(k % templates.len().max(1)).map(|t| **t)
            else {
                continue;
            };
            let asker_index = 9 + rng.below(people.len() - 9);
            let (asker, asker_id) = (people.get(asker_index), ids.get(asker_index));
            let anonymous = rng.chance(15);
            let unit = asker.map(|a| a.unit.as_str()).unwrap_or_default();
            let district = asker.map(|a| a.district.as_str()).unwrap_or_default();
            let content = text
                .replace("{cax}", if anonymous { "đơn vị tôi" } else { unit })
                .replace("{db}", district);
            let content = capitalize_first(&content);
            // Most are answered in the hall; about a third go to a department.
            let status = match rng.below(10) {
                0..=5 => Status::AnsweredAtConference,
                6..=7 => Status::InWriting,
                8 => Status::Forwarded,
                _ => Status::Received,
            };
            let answer = if status == Status::AnsweredAtConference {
                format!(
                    "{responder} đã tiếp thu, trả lời trực tiếp tại hội nghị; đồng chí Phó Giám đốc kết luận giao {responder} tham mưu giải quyết trong quý I."
                )
            } else {
                String::new()
            };
            store.add_question(&QuestionData {
                number,
                asker_id: if anonymous { None } else { asker_id.cloned() },
                asker_name: if anonymous {
                    String::new()
                } else {
                    asker.map(|a| a.full_name.clone()).unwrap_or_default()
                },
                asker_unit: if anonymous {
                    String::new()
                } else {
                    unit.to_owned()
                },
                anonymous,
                channel: match rng.below(10) {
                    0..=5 => Channel::Written,
                    6..=8 => Channel::Spoken,
                    _ => Channel::Before,
                },
                topic_id: topic_id.clone(),
                content,
                responder: responder.to_owned(),
                status,
                answer,
                merged_into: None,
                follow: crate::domain::FollowUp::default(),
            })?;
            number += 1;
        }
    }

    let mut used = std::collections::BTreeSet::new();
    for (k, circumstances) in CIRCUMSTANCES.iter().enumerate() {
        let mut idx = 9 + rng.below(people.len() - 9);
        while !used.insert(idx) {
            idx = 9 + rng.below(people.len() - 9);
        }
        let (Some(p), Some(id)) = (people.get(idx), ids.get(idx)) else {
            continue;
        };
        store.add_gift(&GiftData {
            recipient_id: Some(id.clone()),
            recipient_name: p.full_name.clone(),
            unit: p.unit.clone(),
            circumstances: (*circumstances).to_owned(),
            item: "Quà (tiền mặt và nhu yếu phẩm)".into(),
            value_vnd: 2_000_000,
            handed_over_at: (k < 6).then(|| format!("{iso}T03:30:00Z")),
            handed_over_by: if k < 6 {
                "Đại tá Nguyễn Thanh Tràng".into()
            } else {
                String::new()
            },
            override_reason: String::new(),
        })?;
    }

    let achievements = [
        "Đã có thành tích xuất sắc trong công tác phát hiện, bắt giữ đối tượng trộm cắp tài sản trên địa bàn xã Long Trị, thị xã Long Mỹ",
        "Đã có thành tích xuất sắc trong thực hiện Đề án 06/CP về phát triển ứng dụng dữ liệu về dân cư, định danh và xác thực điện tử",
    ];
    for (k, achievement) in achievements.iter().enumerate() {
        let idx = 7 + k;
        let (Some(p), Some(id)) = (people.get(idx), ids.get(idx)) else {
            continue;
        };
        store.add_commendation(&CommendationData {
            kind: "Giấy khen".into(),
            collective: false,
            recipient_id: Some(id.clone()),
            recipient_name: p.full_name.clone(),
            rank: p.rank.clone(),
            position: p.position.clone(),
            unit: p.unit.clone(),
            achievement: (*achievement).to_owned(),
            decision_number: "2776/QĐ-CAT-PX01".into(),
            decision_date: Some(date::add_days(day, -11).to_string()),
            issuer: "Giám đốc Công an tỉnh Hậu Giang".into(),
            stage_order: i64::try_from(k + 1).unwrap_or(1),
        })?;
    }
    // The usual programme: the deputy director opens, chairs the dialogue, presents the
    // awards and gifts and concludes; the Party-work office reports; the head of the
    // personnel office reads the decision.
    for (time, title, part) in SEED {
        let lead = match part {
            Part::Speech | Part::Dialogue | Part::Gifts => ids.first(),
            Part::Report => ids.get(2),
            Part::Commendations => ids.get(1),
            _ => None,
        };
        store.add_item(&ItemData {
            start_time: time.to_owned(),
            title: title.to_owned(),
            part,
            lead_id: lead.cloned(),
            presenter_id: (part == Part::Commendations)
                .then(|| ids.first().cloned())
                .flatten(),
            ..ItemData::default()
        })?;
    }
    follow_up(store, day)?;
    Ok(DemoSummary {
        attendees: people.len(),
        questions: usize::try_from(number - 1).unwrap_or(0),
        gifts: CIRCUMSTANCES.len(),
        commendations: achievements.len(),
    })
}

/// The follow-up ten days after `day`: the opinions owed a written answer have a
/// deadline a month on, the first of them a week on (overdue today), three answered, two
/// in progress; half of the ones still "received" are noted. Then the papers' details.
fn follow_up(store: &Store, day: Date) -> Result<()> {
    let mut owed = 0;
    let mut received = 0;
    for q in store.questions()? {
        let mut f = q.data.follow.clone();
        if f.handling.needs_answer() {
            let unit = f.responsible_unit.clone();
            f.deadline = Some(date::add_days(day, if owed == 0 { 7 } else { 30 }).to_string());
            match owed {
                1..=3 => {
                    f.status = FollowStatus::Done;
                    f.answer_doc_no = format!("{}/CAT-{}", 3120 + owed * 17, unit_code(&unit));
                    f.answer_doc_date = Some(date::add_days(day, 5 + owed).to_string());
                    f.answered_by = format!("Trưởng {}", crate::text::lowercase_first(&unit));
                    f.written_answer = format!(
                        "{unit} đã có văn bản trả lời: nội dung kiến nghị đã được tổng hợp, báo cáo Ban Giám đốc; đơn vị sẽ triển khai thực hiện theo đúng quy định."
                    );
                }
                4 | 5 => f.status = FollowStatus::InProgress,
                _ => {}
            }
            owed += 1;
        } else if f.handling == Handling::Undecided && q.data.status == Status::Received {
            if received % 2 == 0 {
                f.handling = Handling::Noted;
            }
            received += 1;
        } else {
            continue;
        }
        store.set_follow_up(&q.id, &f)?;
    }
    store.set_paper_details(&PaperDetails {
        chair_name: "Đại tá Nguyễn Thanh Tràng".into(),
        chair_title: "Phó Giám đốc Công an tỉnh".into(),
        secretary_name: "Đại úy Lê Thị Mỹ Hạnh".into(),
        secretary_title: "Cán bộ Phòng Công tác Đảng và công tác chính trị".into(),
        began_at: String::new(),
        ended_at: "11:00".into(),
        conclusions: CONCLUSIONS.join("\n"),
        recipients: RECIPIENTS.join("\n"),
    })
}

/// The short code of a department on its documents (PX01: personnel, PX03: Party work…).
fn unit_code(unit: &str) -> &'static str {
    match unit {
        "Phòng Tổ chức cán bộ" => "PX01",
        "Phòng Công tác Đảng và công tác chính trị" => "PX03",
        "Phòng Hậu cần" => "PH10",
        "Phòng Tham mưu" => "PV01",
        _ => "VP",
    }
}

const CONCLUSIONS: [&str; 4] = [
    "Hội nghị đối thoại diễn ra nghiêm túc, dân chủ, cởi mở; các ý kiến phát biểu thẳng thắn, tâm huyết, thể hiện tinh thần trách nhiệm của cán bộ, chiến sĩ Công an cấp xã đối với sự nghiệp xây dựng lực lượng.",
    "Đối với các ý kiến đã được trả lời trực tiếp tại hội nghị, đề nghị các đơn vị nghiêm túc quán triệt, tổ chức thực hiện.",
    "Giao các phòng nghiệp vụ được phân công chủ trì nghiên cứu, trả lời bằng văn bản các ý kiến, kiến nghị chưa được trả lời tại hội nghị trong thời hạn quy định; quá trình thực hiện có khó khăn, vướng mắc kịp thời báo cáo Ban Giám đốc.",
    "Giao Phòng Công tác Đảng và công tác chính trị theo dõi, đôn đốc việc giải quyết các kiến nghị, tổng hợp kết quả báo cáo Ban Giám đốc.",
];

const RECIPIENTS: [&str; 5] = [
    "Đồng chí Giám đốc (để báo cáo)",
    "Các đồng chí Phó Giám đốc (để chỉ đạo)",
    "Các phòng: PX01, PX03, PH10, PV01 (để thực hiện)",
    "Công an các huyện, thị xã, thành phố (để thực hiện)",
    "Lưu: VT, PX03",
];

/// "đơn vị tôi …" → "Đơn vị tôi …" when a template starts with the asker's unit.
fn capitalize_first(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}
