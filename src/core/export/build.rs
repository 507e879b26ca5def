//! Turns the records of a conference into the sheet of one list.

use std::collections::HashMap;

use super::sheet::{Align, Cell, Column, Section, Sheet, col};
use super::{ListKind, Options, Sort};
use crate::domain::protocol::{Ladder, Office, Person};
use crate::domain::{Attendee, Commendation, Conference, Gift, Question, Status, Topic, money};
use crate::error::Result;
use crate::store::Store;
use crate::text::{name_sort_key, sort_key};

use Align::{Center as C, Left as L, Right as R};

/// Everything a list can draw from, read once.
#[derive(Debug, Clone, Default)]
pub struct Source {
    pub conference: Conference,
    pub attendees: Vec<Attendee>,
    pub questions: Vec<Question>,
    pub topics: Vec<Topic>,
    pub gifts: Vec<Gift>,
    pub commendations: Vec<Commendation>,
    /// The ladder of offices (protocol order).
    pub offices: Vec<Office>,
    pub programme: Vec<crate::domain::programme::Item>,
    /// The organiser's rewrites of the script, by (item id, paragraph key).
    pub script_edits: std::collections::HashMap<(String, String), String>,
    /// The chair, the secretary, the conclusions and recipients of the papers.
    pub papers: crate::domain::PaperDetails,
}

impl Source {
    /// Reads the records inside one read transaction, so a list never mixes two moments.
    pub fn load(store: &Store) -> Result<Self> {
        store.read_snapshot(|s| {
            Ok(Self {
                conference: s.conference()?,
                attendees: s.attendees()?,
                questions: s.questions()?,
                topics: s.topics()?,
                gifts: s.gifts()?,
                commendations: s.commendations()?,
                offices: s.offices()?,
                programme: s.programme()?,
                script_edits: s.script_edits()?,
                papers: s.paper_details()?,
            })
        })
    }

    /// The MC's script as the file stands.
    pub fn script(&self) -> Vec<crate::script::Section> {
        let ladder = crate::domain::protocol::Ladder::from_offices(&self.offices);
        crate::script::build(&crate::script::Inputs {
            conference: &self.conference,
            attendees: &self.attendees,
            ladder: &ladder,
            commendations: &self.commendations,
            gifts: &self.gifts,
            questions: &self.questions,
            topics: &self.topics,
            programme: &self.programme,
            edits: &self.script_edits,
        })
    }
}

const NO_UNIT: &str = "(Chưa ghi đơn vị)";

/// Builds the sheet of `kind`.
pub fn build(src: &Source, kind: ListKind, opts: &Options) -> Sheet {
    let mut sheet = match kind {
        ListKind::Signin => signin(src, opts),
        ListKind::Attendance => attendance(src, opts),
        ListKind::Report => report(src),
        ListKind::Gifts => gifts(src, opts),
        ListKind::Commendations => commendations(src),
        ListKind::Questions => questions(src),
        ListKind::Badges => badges(src, opts),
        ListKind::PlaceCards => place_cards(src),
        ListKind::Programme => programme(src),
        ListKind::Script => script(src),
        ListKind::Attendees => attendees(src, opts),
        ListKind::Minutes => super::papers::minutes(src),
        ListKind::Conclusion => super::papers::conclusion(src),
        ListKind::ResultsReport => super::papers::results_report(src),
        ListKind::FollowUp => super::papers::follow_up(src, opts),
    };
    sheet.file_stem = stem(kind, opts);
    sheet
}

/// The list's name in a file name: "Danh sách ký nhận đại biểu theo đơn vị".
pub fn stem(kind: ListKind, opts: &Options) -> String {
    let base = match kind {
        ListKind::Signin => "Danh sách ký nhận đại biểu",
        ListKind::Attendance => "Danh sách điểm danh",
        ListKind::Report => "Báo cáo tình hình đại biểu",
        ListKind::Gifts => "Danh sách ký nhận quà tặng",
        ListKind::Commendations => "Danh sách khen thưởng",
        ListKind::Questions => "Tổng hợp ý kiến và trả lời",
        ListKind::Badges => "Thẻ đại biểu",
        ListKind::PlaceCards => "Bảng tên để bàn",
        ListKind::Programme => "Chương trình hội nghị",
        ListKind::Script => "Kịch bản dẫn chương trình",
        ListKind::Attendees => "Danh sách đại biểu",
        ListKind::Minutes => "Biên bản hội nghị",
        ListKind::Conclusion => "Thông báo kết luận hội nghị",
        ListKind::ResultsReport => "Báo cáo kết quả tổ chức hội nghị",
        ListKind::FollowUp => {
            return match &opts.unit {
                Some(unit) => format!("Phiếu chuyển ý kiến - {unit}"),
                None => "Phiếu chuyển ý kiến".to_owned(),
            };
        }
    };
    if opts.group_by_unit
        && matches!(
            kind,
            ListKind::Signin | ListKind::Attendance | ListKind::Attendees
        )
    {
        format!("{base} theo đơn vị")
    } else {
        base.to_owned()
    }
}

pub(super) fn sheet(title: &str, src: &Source, columns: Vec<Column>) -> Sheet {
    Sheet {
        title: title.to_owned(),
        subtitle: src.conference.name.clone(),
        columns,
        ..Sheet::default()
    }
}

/// Attendees in the order asked for; `None` keeps the sign-in default, name order.
/// Protocol order is the domain's one rule, the same as the attendee table's.
fn sorted(src: &Source, sort: Option<Sort>) -> Vec<&Attendee> {
    let mut people: Vec<&Attendee> = src.attendees.iter().collect();
    match sort.unwrap_or(Sort::Name) {
        Sort::Name => people.sort_by_cached_key(|a| name_sort_key(&a.data.full_name)),
        Sort::Unit => people
            .sort_by_cached_key(|a| (sort_key(&a.data.unit), name_sort_key(&a.data.full_name))),
        Sort::Protocol => {
            Ladder::from_offices(&src.offices).sort(&mut people, |a| Person::of(&a.data));
        }
    }
    people
}

/// Splits people into units in Vietnamese order, or keeps one section.
fn by_unit(people: Vec<&Attendee>, group: bool) -> Vec<(Option<String>, Vec<&Attendee>)> {
    if !group {
        return vec![(None, people)];
    }
    let mut units: HashMap<&str, Vec<&Attendee>> = HashMap::new();
    for a in people {
        units.entry(a.data.unit.as_str()).or_default().push(a);
    }
    let mut v: Vec<(Vec<u8>, &str, Vec<&Attendee>)> = units
        .into_iter()
        .map(|(u, p)| {
            (
                if u.is_empty() {
                    vec![0xff]
                } else {
                    sort_key(u)
                },
                u,
                p,
            )
        })
        .collect();
    v.sort_by(|a, b| a.0.cmp(&b.0));
    v.into_iter()
        .map(|(_, u, p)| {
            let name = if u.is_empty() { NO_UNIT } else { u };
            (Some(name.to_owned()), p)
        })
        .collect()
}

/// Offices written out as the file's ladder names them ("PGĐ" → "Phó Giám đốc") for the
/// lists that print an office; each distinct position is written out once.
pub(super) struct Offices {
    pub(super) ladder: Ladder,
    done: std::cell::RefCell<HashMap<String, String>>,
}

impl Offices {
    pub(super) fn of(src: &Source) -> Self {
        let ladder = if src.offices.is_empty() {
            Ladder::seed()
        } else {
            Ladder::from_offices(&src.offices)
        };
        Self {
            ladder,
            done: std::cell::RefCell::default(),
        }
    }

    fn cell(&self, position: &str) -> Cell {
        if position.is_empty() {
            return Cell::text("");
        }
        let mut done = self.done.borrow_mut();
        let text = done
            .entry(position.to_owned())
            .or_insert_with(|| self.ladder.written_out(position));
        Cell::text(text.as_str())
    }
}

pub(super) fn stt(i: usize) -> Cell {
    Cell::Int(i64::try_from(i + 1).unwrap_or(i64::MAX))
}

fn signin(src: &Source, opts: &Options) -> Sheet {
    let offices = Offices::of(src);
    let mut s = sheet(
        "DANH SÁCH ĐẠI BIỂU DỰ HỘI NGHỊ",
        src,
        vec![
            col("STT", 12.0, C),
            col("Họ và tên", 38.0, L).whole(),
            col("Cấp bậc", 22.0, L),
            col("Chức vụ", 26.0, L),
            col("Đơn vị", 34.0, L),
            col("Ký nhận", 20.0, L).signature(),
            col("Ghi chú", 13.0, L),
        ],
    );
    s.min_row_mm = 9.0;
    s.page_per_section = opts.group_by_unit;
    let people = sorted(src, opts.sort);
    let total = people.len();
    for (heading, group) in by_unit(people, opts.group_by_unit) {
        let rows = group
            .iter()
            .enumerate()
            .map(|(i, a)| {
                let d = &a.data;
                vec![
                    stt(i),
                    Cell::text(&d.full_name),
                    Cell::text(&d.rank),
                    offices.cell(&d.position),
                    Cell::text(&d.unit),
                    Cell::Blank,
                    Cell::text(&d.note),
                ]
            })
            .collect();
        let footer = heading
            .is_some()
            .then(|| format!("Đơn vị có {} đồng chí.", group.len()));
        s.sections.push(Section {
            heading: heading.map(|u| format!("Đơn vị: {u}")),
            rows,
            total: None,
            footer,
        });
    }
    s.closing.push(format!("Danh sách có {total} đồng chí."));
    s
}

fn attendance(src: &Source, opts: &Options) -> Sheet {
    let mut s = sheet(
        "DANH SÁCH ĐIỂM DANH ĐẠI BIỂU DỰ HỘI NGHỊ",
        src,
        vec![
            col("STT", 12.0, C),
            col("Họ và tên", 40.0, L).whole(),
            col("Cấp bậc", 22.0, L),
            col("Đơn vị", 38.0, L),
            col("Có mặt", 16.0, C),
            col("Giờ đến", 22.0, C),
            col("Ghi chú", 15.0, L),
        ],
    );
    s.page_per_section = opts.group_by_unit;
    let people = sorted(src, opts.sort);
    for (heading, group) in by_unit(people, opts.group_by_unit) {
        let here = group.iter().filter(|a| a.checked_in_at.is_some()).count();
        let rows = group
            .iter()
            .enumerate()
            .map(|(i, a)| {
                let d = &a.data;
                vec![
                    stt(i),
                    Cell::text(&d.full_name),
                    Cell::text(&d.rank),
                    Cell::text(&d.unit),
                    Cell::text(match (&a.checked_in_at, d.excused) {
                        (Some(_), _) => "Có mặt",
                        (None, true) => "Vắng có lý do",
                        (None, false) => "Vắng",
                    }),
                    a.checked_in_at
                        .as_ref()
                        .map_or(Cell::Blank, |t| Cell::Time(t.clone())),
                    Cell::text(absence_note(a)),
                ]
            })
            .collect();
        s.sections.push(Section {
            footer: heading
                .is_some()
                .then(|| format!("Có mặt {here}/{} đồng chí.", group.len())),
            heading: heading.map(|u| format!("Đơn vị: {u}")),
            rows,
            total: None,
        });
    }
    s.closing.push(crate::script::attendance(&src.attendees));
    s
}

/// The note printed for a person: the reason of an excused absence first.
fn absence_note(a: &Attendee) -> String {
    let d = &a.data;
    if a.checked_in_at.is_none() && d.excused && !d.absence_reason.is_empty() {
        if d.note.is_empty() {
            format!("Lý do: {}", d.absence_reason)
        } else {
            format!("Lý do: {}; {}", d.absence_reason, d.note)
        }
    } else {
        d.note.clone()
    }
}

/// "63,1%": Vietnamese writes a decimal comma.
pub(super) fn percent(part: usize, whole: usize) -> String {
    crate::domain::money::percent(part as u64, whole as u64)
}

fn report(src: &Source) -> Sheet {
    let mut s = sheet(
        "BÁO CÁO TÌNH HÌNH ĐẠI BIỂU DỰ HỘI NGHỊ",
        src,
        vec![
            col("STT", 12.0, C),
            col("Thành phần / Đơn vị", 83.0, L),
            col("Triệu tập", 17.5, R),
            col("Có mặt", 17.5, R),
            col("Vắng", 17.5, R),
            col("Tỷ lệ", 17.5, R),
        ],
    );
    let total = src.attendees.len();
    let present = src
        .attendees
        .iter()
        .filter(|a| a.checked_in_at.is_some())
        .count();
    // The sentence the MC reads, and the share present.
    let sentence = crate::script::attendance(&src.attendees);
    s.intro.push(format!(
        "{} Tỷ lệ có mặt: {}.",
        sentence,
        percent(present, total)
    ));
    let count = |key: &dyn Fn(&Attendee) -> &str| {
        let mut m: HashMap<String, (usize, usize)> = HashMap::new();
        for a in &src.attendees {
            let k = key(a);
            let e = m
                .entry(if k.is_empty() { "(Chưa ghi)" } else { k }.to_owned())
                .or_default();
            e.0 += 1;
            if a.checked_in_at.is_some() {
                e.1 += 1;
            }
        }
        let mut v: Vec<(String, (usize, usize))> = m.into_iter().collect();
        v.sort_by_cached_key(|(k, _)| sort_key(k));
        v
    };
    for (heading, groups) in [
        ("I. Theo thành phần", count(&|a| a.data.group.as_str())),
        ("II. Theo đơn vị", count(&|a| a.data.unit.as_str())),
    ] {
        let n = |x: usize| Cell::Int(i64::try_from(x).unwrap_or(i64::MAX));
        let rows = groups
            .iter()
            .enumerate()
            .map(|(i, (name, (reg, here)))| {
                vec![
                    stt(i),
                    Cell::text(name),
                    n(*reg),
                    n(*here),
                    n(reg - here),
                    Cell::text(percent(*here, *reg)),
                ]
            })
            .collect();
        s.sections.push(Section {
            heading: Some(heading.to_owned()),
            rows,
            total: Some(vec![
                Cell::Blank,
                Cell::text("Tổng cộng"),
                n(total),
                n(present),
                n(total - present),
                Cell::text(percent(present, total)),
            ]),
            footer: None,
        });
    }
    s
}

fn gifts(src: &Source, opts: &Options) -> Sheet {
    let mut s = sheet(
        "DANH SÁCH KÝ NHẬN QUÀ TẶNG",
        src,
        vec![
            col("STT", 12.0, C),
            col("Họ và tên", 40.0, L).whole(),
            col("Đơn vị", 40.0, L),
            col("Hoàn cảnh", 62.0, L),
            col("Quà tặng", 36.0, L),
            col("Giá trị (đồng)", 28.0, R),
            col("Ký nhận", 34.0, L).signature(),
        ],
    );
    s.landscape = true;
    s.min_row_mm = 10.0;
    let mut list: Vec<&Gift> = src.gifts.iter().collect();
    match opts.sort {
        Some(Sort::Name) => list.sort_by_cached_key(|g| name_sort_key(&g.data.recipient_name)),
        Some(Sort::Unit) => list.sort_by_cached_key(|g| {
            (
                sort_key(&g.data.unit),
                name_sort_key(&g.data.recipient_name),
            )
        }),
        Some(Sort::Protocol) | None => {}
    }
    let total: i64 = list.iter().map(|g| g.data.value_vnd).sum();
    let handed = list
        .iter()
        .filter(|g| g.data.handed_over_at.is_some())
        .count();
    let rows = list
        .iter()
        .enumerate()
        .map(|(i, g)| {
            let d = &g.data;
            vec![
                stt(i),
                Cell::text(&d.recipient_name),
                Cell::text(&d.unit),
                Cell::text(&d.circumstances),
                Cell::text(&d.item),
                Cell::Money(d.value_vnd),
                Cell::Blank,
            ]
        })
        .collect();
    s.sections.push(Section {
        heading: None,
        rows,
        total: Some(vec![
            Cell::Blank,
            Cell::text("Tổng cộng"),
            Cell::Blank,
            Cell::Blank,
            Cell::text(format!("{} suất", list.len())),
            Cell::Money(total),
            Cell::Blank,
        ]),
        footer: None,
    });
    s.closing.push(format!(
        "Tổng cộng: {} suất quà (đã trao {handed}), tổng giá trị {} đồng.",
        list.len(),
        money::format_vnd(total)
    ));
    s.closing
        .push(format!("Bằng chữ: {}.", money::vnd_in_words(total)));
    s
}

fn commendations(src: &Source) -> Sheet {
    let offices = Offices::of(src);
    let mut s = sheet(
        "DANH SÁCH KHEN THƯỞNG",
        src,
        vec![
            col("Thứ tự", 13.0, C),
            col("Hình thức", 24.0, L),
            col("Cá nhân / Tập thể", 44.0, L),
            col("Cấp bậc", 21.0, L),
            col("Chức vụ", 28.0, L),
            col("Đơn vị", 40.0, L),
            col("Thành tích", 50.0, L),
            col("Quyết định", 32.0, L),
        ],
    );
    s.landscape = true;
    let mut list: Vec<&Commendation> = src.commendations.iter().collect();
    list.sort_by_key(|c| c.data.stage_order);
    let mut kinds: Vec<(String, usize)> = Vec::new();
    let rows = list
        .iter()
        .map(|c| {
            let d = &c.data;
            match kinds.iter_mut().find(|k| k.0 == d.kind) {
                Some(k) => k.1 += 1,
                None => kinds.push((d.kind.clone(), 1)),
            }
            let decision = match &d.decision_date {
                Some(date) if !d.decision_number.is_empty() => format!(
                    "Số {}, ngày {}",
                    d.decision_number,
                    crate::domain::date::display(date)
                ),
                Some(date) => format!("Ngày {}", crate::domain::date::display(date)),
                None => d.decision_number.clone(),
            };
            let who = if d.collective && !d.recipient_name.starts_with("Tập thể") {
                format!("Tập thể {}", d.recipient_name)
            } else {
                d.recipient_name.clone()
            };
            vec![
                Cell::Int(d.stage_order),
                Cell::text(&d.kind),
                Cell::text(who),
                Cell::text(&d.rank),
                offices.cell(&d.position),
                Cell::text(&d.unit),
                Cell::text(&d.achievement),
                Cell::text(decision),
            ]
        })
        .collect();
    s.sections.push(Section {
        rows,
        ..Section::default()
    });
    let by_kind: Vec<String> = kinds.iter().map(|(k, n)| format!("{n} {k}")).collect();
    s.closing.push(if by_kind.is_empty() {
        "Chưa có khen thưởng.".to_owned()
    } else {
        format!("Tổng cộng: {}.", by_kind.join(", "))
    });
    s
}

fn questions(src: &Source) -> Sheet {
    let mut s = sheet(
        "TỔNG HỢP Ý KIẾN, KIẾN NGHỊ VÀ NỘI DUNG TRẢ LỜI",
        src,
        vec![
            col("Số", 11.0, C),
            col("Người nêu, đơn vị", 48.0, L),
            col("Nội dung ý kiến, kiến nghị", 86.0, L),
            col("Người trả lời", 34.0, L),
            col("Nội dung trả lời, kết quả", 73.0, L),
        ],
    );
    s.landscape = true;
    let who = |q: &Question| {
        let d = &q.data;
        if d.anonymous {
            "Không ghi tên".to_owned()
        } else if d.asker_unit.is_empty() {
            d.asker_name.clone()
        } else if d.asker_name.is_empty() {
            d.asker_unit.clone()
        } else {
            format!("{} ({})", d.asker_name, d.asker_unit)
        }
    };
    let mut merged: HashMap<&str, Vec<&Question>> = HashMap::new();
    for q in &src.questions {
        if let Some(main) = &q.data.merged_into {
            merged.entry(main.as_str()).or_default().push(q);
        }
    }
    let mut mains: Vec<&Question> = src
        .questions
        .iter()
        .filter(|q| q.data.merged_into.is_none())
        .collect();
    mains.sort_by_key(|q| q.data.number);
    // Topics in the conference's order; questions without a known topic go last.
    let mut order: Vec<(String, Vec<&Question>)> = src
        .topics
        .iter()
        .map(|t| (t.name.clone(), Vec::new()))
        .collect();
    for q in mains {
        match order.iter_mut().find(|(name, _)| *name == q.topic) {
            Some(slot) => slot.1.push(q),
            None => order.push((q.topic.clone(), vec![q])),
        }
    }
    let mut counts: HashMap<Status, usize> = HashMap::new();
    let mut index = 0;
    for (name, list) in order.into_iter().filter(|(_, l)| !l.is_empty()) {
        index += 1;
        let raised: usize = list
            .iter()
            .map(|q| 1 + merged.get(q.id.as_str()).map_or(0, Vec::len))
            .sum();
        let rows = list
            .iter()
            .map(|q| {
                let d = &q.data;
                *counts.entry(d.status).or_default() += 1;
                let mut askers = who(q);
                if let Some(others) = merged.get(q.id.as_str()) {
                    let mut others = others.clone();
                    others.sort_by_key(|o| o.data.number);
                    let names: Vec<String> = others
                        .iter()
                        .map(|o| format!("{} (số {})", who(o), o.data.number))
                        .collect();
                    askers = format!("{askers}; cùng ý kiến: {}", names.join("; "));
                }
                let mut answer = d.answer.clone();
                if d.status != Status::AnsweredAtConference || answer.is_empty() {
                    let status = format!("[{}]", d.status.vi());
                    answer = if answer.is_empty() {
                        status
                    } else {
                        format!("{answer}\n{status}")
                    };
                }
                vec![
                    Cell::Int(d.number),
                    Cell::text(askers),
                    Cell::text(&d.content),
                    Cell::text(&d.responder),
                    Cell::text(answer),
                ]
            })
            .collect();
        let name = if name.is_empty() {
            "Chưa phân loại".to_owned()
        } else {
            name
        };
        s.sections.push(Section {
            heading: Some(format!("{index}. {name} ({raised} ý kiến)")),
            rows,
            total: None,
            footer: None,
        });
    }
    let c = |st: Status| counts.get(&st).copied().unwrap_or(0);
    s.closing.push(format!(
        "Tổng cộng: {} ý kiến, kiến nghị ({} nội dung sau khi gộp); đã trả lời tại hội nghị: {}; trả lời bằng văn bản: {}; chuyển đơn vị: {}; rút: {}; chưa xử lý: {}.",
        src.questions.len(),
        counts.values().sum::<usize>(),
        c(Status::AnsweredAtConference),
        c(Status::InWriting),
        c(Status::Forwarded),
        c(Status::Withdrawn),
        c(Status::Received),
    ));
    s
}

fn badges(src: &Source, opts: &Options) -> Sheet {
    let offices = Offices::of(src);
    let mut s = sheet(
        "THẺ ĐẠI BIỂU",
        src,
        vec![
            col("Họ và tên", 40.0, L),
            col("Cấp bậc", 20.0, L),
            col("Chức vụ", 30.0, L),
            col("Đơn vị", 40.0, L),
            col("Thành phần", 30.0, L),
            col("Mã thẻ", 20.0, C),
        ],
    );
    s.badges = true;
    let people = sorted(src, opts.sort.or(ListKind::Badges.default_sort()));
    s.sections.push(Section {
        rows: people
            .iter()
            .map(|a| {
                let d = &a.data;
                vec![
                    Cell::text(&d.full_name),
                    Cell::text(&d.rank),
                    offices.cell(&d.position),
                    Cell::text(&d.unit),
                    Cell::text(&d.group),
                    Cell::Phone(d.badge_code.clone()),
                ]
            })
            .collect(),
        ..Section::default()
    });
    s
}

/// The head table: people given a fixed place in protocol order; when nobody has one,
/// the groups "Lãnh đạo" and "Khách mời". In protocol order.
pub fn head_table(src: &Source) -> Vec<&Attendee> {
    let people = sorted(src, Some(Sort::Protocol));
    let pinned: Vec<&Attendee> = people
        .iter()
        .copied()
        .filter(|a| a.data.protocol_order.is_some())
        .collect();
    if !pinned.is_empty() {
        return pinned;
    }
    people
        .into_iter()
        .filter(|a| matches!(a.data.group.as_str(), "Lãnh đạo" | "Khách mời"))
        .collect()
}

fn place_cards(src: &Source) -> Sheet {
    let offices = Offices::of(src);
    let mut s = sheet(
        "BẢNG TÊN ĐỂ BÀN",
        src,
        vec![col("Họ và tên", 50.0, L), col("Chức vụ", 50.0, L)],
    );
    s.place_cards = true;
    s.landscape = true;
    s.sections.push(Section {
        rows: head_table(src)
            .into_iter()
            .map(|a| {
                let d = &a.data;
                // "Đại tá Nguyễn Thanh Tràng" over "Phó Giám đốc Công an tỉnh".
                let name = [d.rank.as_str(), d.full_name.as_str()]
                    .iter()
                    .filter(|s| !s.is_empty())
                    .copied()
                    .collect::<Vec<_>>()
                    .join(" ");
                vec![Cell::text(name), offices.cell(&d.position)]
            })
            .collect(),
        ..Section::default()
    });
    s
}

/// Who leads a programme item: the attendee picked, with rank and office written out,
/// or the name typed.
pub(super) fn lead(
    src: &Source,
    offices: &Offices,
    item: &crate::domain::programme::Item,
) -> String {
    item.data
        .lead_id
        .as_deref()
        .and_then(|id| src.attendees.iter().find(|a| a.id == id))
        .map_or_else(
            || item.data.lead_name.clone(),
            |a| {
                let d = &a.data;
                let office = crate::script::office_phrase(&offices.ladder, &d.position, &d.unit);
                [d.rank.as_str(), d.full_name.as_str()]
                    .iter()
                    .filter(|t| !t.is_empty())
                    .copied()
                    .collect::<Vec<_>>()
                    .join(" ")
                    + &if office.is_empty() {
                        String::new()
                    } else {
                        format!(", {office}")
                    }
            },
        )
}

fn programme(src: &Source) -> Sheet {
    let offices = Offices::of(src);
    let mut s = sheet(
        "CHƯƠNG TRÌNH HỘI NGHỊ",
        src,
        vec![
            col("Thời gian", 16.0, C),
            col("Nội dung", 60.0, L),
            col("Người thực hiện", 40.0, L),
            col("Ghi chú", 20.0, L),
        ],
    );
    s.sections.push(Section {
        rows: src
            .programme
            .iter()
            .map(|item| {
                vec![
                    Cell::text(&item.data.start_time),
                    Cell::text(&item.data.title),
                    Cell::text(lead(src, &offices, item)),
                    Cell::text(&item.data.notes),
                ]
            })
            .collect(),
        ..Section::default()
    });
    s
}

/// The script as prose: each item's heading in bold, then what the MC reads.
fn script(src: &Source) -> Sheet {
    let mut s = sheet("KỊCH BẢN DẪN CHƯƠNG TRÌNH", src, Vec::new());
    for (n, section) in src.script().iter().enumerate() {
        let item = &section.item.data;
        let time = if item.start_time.is_empty() {
            String::new()
        } else {
            format!(" ({})", item.start_time)
        };
        s.prose.push((
            true,
            format!("{}. {}{time}", n + 1, item.title.to_uppercase()),
        ));
        for p in &section.paragraphs {
            if !p.text.trim().is_empty() {
                s.prose.push((false, p.text.clone()));
            }
        }
    }
    if s.prose.is_empty() {
        s.prose.push((
            false,
            "(Chưa có chương trình: thêm các mục ở trang Chương trình.)".to_owned(),
        ));
    }
    s
}

fn attendees(src: &Source, opts: &Options) -> Sheet {
    let mut s = sheet(
        "DANH SÁCH ĐẠI BIỂU",
        src,
        vec![
            col("STT", 12.0, C),
            col("Họ và tên", 34.0, L).whole(),
            col("Giới tính", 13.0, C),
            col("Năm sinh", 13.0, C),
            col("Cấp bậc", 18.0, L),
            col("Chức vụ", 25.0, L),
            col("Đơn vị", 33.0, L),
            col("Địa bàn", 22.0, L),
            col("Thành phần", 22.0, L),
            col("Điện thoại", 22.0, L),
            col("Giờ đến", 17.0, C),
            col("Ghi chú", 21.0, L),
            col("Mã thẻ", 20.0, C),
        ],
    );
    s.landscape = true;
    s.page_per_section = opts.group_by_unit;
    let people = sorted(src, opts.sort);
    let total = people.len();
    for (heading, group) in by_unit(people, opts.group_by_unit) {
        let rows = group
            .iter()
            .enumerate()
            .map(|(i, a)| {
                let d = &a.data;
                vec![
                    stt(i),
                    Cell::text(&d.full_name),
                    Cell::text(&d.gender),
                    d.birth_year
                        .map_or(Cell::Blank, |y| Cell::Int(i64::from(y))),
                    Cell::text(&d.rank),
                    Cell::text(&d.position),
                    Cell::text(&d.unit),
                    Cell::text(&d.district),
                    Cell::text(&d.group),
                    Cell::Phone(d.phone.clone()),
                    a.checked_in_at
                        .as_ref()
                        .map_or(Cell::Blank, |t| Cell::Time(t.clone())),
                    Cell::text(&d.note),
                    Cell::Phone(d.badge_code.clone()),
                ]
            })
            .collect();
        s.sections.push(Section {
            footer: heading
                .is_some()
                .then(|| format!("Đơn vị có {} đồng chí.", group.len())),
            heading: heading.map(|u| format!("Đơn vị: {u}")),
            rows,
            total: None,
        });
    }
    s.closing.push(format!("Danh sách có {total} đồng chí."));
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_uses_a_decimal_comma() {
        assert_eq!(percent(328, 520), "63,1%");
        assert_eq!(percent(0, 0), "0%");
        assert_eq!(percent(1, 1), "100,0%");
    }
}
