//! The MC's script (kịch bản dẫn chương trình), written from the file: for each item of
//! the programme, the paragraphs the MC reads — the introduction of the leaders and
//! guests in protocol order with the titles they go by, the attendance as the desk counts
//! it, each commendation decision with its recipients, the gifts — and the organiser's
//! own words. Any paragraph can be rewritten; the rewrite then stands as written until
//! it is taken back.
//!
//! Pure: the store reads the records, this only writes sentences. Vietnamese whatever
//! the window's language: it is read aloud in Vietnamese.

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;

use crate::domain::programme::{Item, Part};
use crate::domain::protocol::{Ladder, Person};
use crate::domain::{Attendee, Commendation, Conference, Gift, date};

/// Groups whose members are introduced one by one (the rest are counted).
pub const INTRODUCED_GROUPS: [&str; 2] = ["Lãnh đạo", "Khách mời"];

/// What the script is written from.
pub struct Inputs<'a> {
    pub conference: &'a Conference,
    pub attendees: &'a [Attendee],
    pub ladder: &'a Ladder,
    pub commendations: &'a [Commendation],
    pub gifts: &'a [Gift],
    /// How many questions and opinions were received.
    pub questions: usize,
    pub programme: &'a [Item],
    /// The organiser's rewrites, by (item id, paragraph key).
    pub edits: &'a HashMap<(String, String), String>,
}

/// One paragraph of the script.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paragraph {
    /// Which paragraph of its item ("reason", "introduction", "attendance", …).
    pub key: String,
    /// What the file says now.
    pub generated: String,
    /// What is read: the rewrite when there is one, else the generated text.
    pub text: String,
    pub edited: bool,
}

/// An item of the programme and what the MC reads for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    pub item: Item,
    pub paragraphs: Vec<Paragraph>,
}

/// "Đồng chí Đại tá Nguyễn Thanh Tràng, Phó Giám đốc Công an tỉnh": the form of
/// address, the rank, the full name, and the office with its unit (the unit joined to
/// an office that names its kind: "Trưởng Công an xã" + "Công an xã Long Trị" →
/// "Trưởng Công an xã Long Trị").
pub fn address(full_name: &str, rank: &str, position: &str, unit: &str) -> String {
    let mut who = String::from("Đồng chí ");
    if !rank.is_empty() {
        who.push_str(rank);
        who.push(' ');
    }
    who.push_str(full_name);
    let office = office_with_unit(position, unit);
    if !office.is_empty() {
        who.push_str(", ");
        who.push_str(&office);
    }
    who
}

/// Words that name a body: an office that holds one names its unit already.
const BODIES: [&str; 6] = ["cong an", "uy ban", "ubnd", "doan", "hoi ", "ban "];

/// The office and its unit as one phrase, without saying the unit's kind twice: the
/// office alone when it holds the unit or already names its body ("Phó Giám đốc Công an
/// tỉnh"); joined on the words they share ("Trưởng phòng" + "Phòng Tham mưu" → "Trưởng
/// Phòng Tham mưu"); else one after the other ("Cán bộ Công an xã Long Trị").
pub fn office_with_unit(position: &str, unit: &str) -> String {
    let (p, u) = (position.trim(), unit.trim());
    let (fp, fu) = (crate::text::fold(p), crate::text::fold(u));
    if u.is_empty() || fp.contains(&fu) {
        return p.to_owned();
    }
    if p.is_empty() {
        return u.to_owned();
    }
    // The longest end of the office the unit starts with ("Công an xã", "phòng").
    let words: Vec<&str> = p.split_whitespace().collect();
    for start in 1..words.len() {
        let tail = crate::text::fold(&words[start..].join(" "));
        if fu.starts_with(&tail) && fu[tail.len()..].starts_with(' ') {
            return format!("{} {u}", words[..start].join(" "));
        }
    }
    if words.len() > 2 && BODIES.iter().any(|b| fp.contains(b)) {
        return p.to_owned();
    }
    format!("{p} {u}")
}

fn person_address(a: &Attendee) -> String {
    let d = &a.data;
    address(&d.full_name, &d.rank, &d.position, &d.unit)
}

/// The script of every item, in programme order.
pub fn build(inputs: &Inputs<'_>) -> Vec<Section> {
    inputs
        .programme
        .iter()
        .map(|item| {
            let paragraphs = generated(inputs, item)
                .into_iter()
                .map(|(key, generated)| {
                    let edit = inputs.edits.get(&(item.id.clone(), key.to_owned()));
                    Paragraph {
                        key: key.to_owned(),
                        text: edit.cloned().unwrap_or_else(|| generated.clone()),
                        edited: edit.is_some(),
                        generated,
                    }
                })
                .collect();
            Section {
                item: item.clone(),
                paragraphs,
            }
        })
        .collect()
}

fn lead(item: &Item, inputs: &Inputs<'_>) -> String {
    let d = &item.data;
    if let Some(a) = d
        .lead_id
        .as_deref()
        .and_then(|id| inputs.attendees.iter().find(|a| a.id == id))
    {
        return person_address(a);
    }
    if d.lead_name.is_empty() {
        "đồng chí …".to_owned()
    } else if crate::text::fold(&d.lead_name).starts_with("dong chi") {
        d.lead_name.clone()
    } else {
        format!("đồng chí {}", d.lead_name)
    }
}

/// (key, text) of each paragraph an item has, as the file stands.
fn generated(inputs: &Inputs<'_>, item: &Item) -> Vec<(&'static str, String)> {
    let c = inputs.conference;
    let name = if c.name.is_empty() {
        "hội nghị".to_owned()
    } else {
        c.name.clone()
    };
    let title = &item.data.title;
    match item.data.part {
        Part::Opening => vec![(
            "opening",
            "Kính thưa các đồng chí! Đề nghị các đồng chí ổn định chỗ ngồi, tắt chuông điện thoại \
             để hội nghị bắt đầu."
                .to_owned(),
        )],
        Part::Introduction => vec![
            (
                "reason",
                format!(
                    "Kính thưa các đồng chí! Được sự đồng ý của lãnh đạo{}, hôm nay{}, {} tổ chức {name}.",
                    if c.issuing_unit.is_empty() {
                        String::new()
                    } else {
                        format!(" {}", c.issuing_unit)
                    },
                    if c.venue.is_empty() {
                        String::new()
                    } else {
                        format!(" tại {}", c.venue)
                    },
                    if c.organiser.is_empty() {
                        "chúng ta".to_owned()
                    } else {
                        c.organiser.clone()
                    },
                ),
            ),
            ("introduction", introduction(inputs)),
            ("attendance", attendance(inputs.attendees)),
        ],
        Part::Speech => vec![(
            "invitation",
            format!(
                "Trân trọng kính mời {} lên {}.",
                lead(item, inputs),
                crate::text::lowercase_first(title)
            ),
        )],
        Part::Report => vec![(
            "invitation",
            format!(
                "Tiếp theo chương trình, trân trọng kính mời {} trình bày {}.",
                lead(item, inputs),
                crate::text::lowercase_first(title)
            ),
        )],
        Part::Dialogue => vec![(
            "dialogue",
            format!(
                "Kính thưa các đồng chí! Hội nghị chuyển sang phần đối thoại. Ban tổ chức đã nhận \
                 được {} ý kiến, kiến nghị của cán bộ, chiến sĩ. Trân trọng kính mời {} chủ trì \
                 phần đối thoại.",
                inputs.questions,
                lead(item, inputs)
            ),
        )],
        Part::Commendations => decisions(inputs.commendations),
        Part::Gifts => vec![("gifts", gifts(inputs.gifts))],
        Part::Closing => vec![(
            "closing",
            format!(
                "Kính thưa các đồng chí! {name} đã hoàn thành chương trình đề ra. Thay mặt Ban tổ \
                 chức, xin trân trọng cảm ơn các đồng chí lãnh đạo, các vị khách quý và toàn thể \
                 các đồng chí đã về dự. Kính chúc các đồng chí sức khỏe, hạnh phúc và thành công. \
                 Xin trân trọng cảm ơn!"
            ),
        )],
        Part::Other => vec![("text", String::new())],
    }
}

/// The leaders and guests, one by one in protocol order, grouped as MCs read them: the
/// host agency's leaders, then the guests agency by agency; then everyone else counted.
/// Before anyone is checked in, those expected; after, a mark on each not yet arrived.
pub fn introduction(inputs: &Inputs<'_>) -> String {
    let people = inputs.attendees;
    let doors_open = people.iter().any(|a| a.checked_in_at.is_some());
    let mut introduced: Vec<&Attendee> = people
        .iter()
        .filter(|a| {
            a.data.protocol_order.is_some() || INTRODUCED_GROUPS.contains(&a.data.group.as_str())
        })
        .collect();
    inputs.ladder.sort(&mut introduced, |a| Person::of(&a.data));
    let mark = |a: &Attendee| {
        if doors_open && a.checked_in_at.is_none() {
            " [chưa đến]"
        } else {
            ""
        }
    };
    let mut out = String::from("Tới dự hội nghị hôm nay, chúng tôi trân trọng giới thiệu:");
    // The host's leaders first (group "Lãnh đạo" or a fixed place), then guests by agency.
    let (leaders, guests): (Vec<&Attendee>, Vec<&Attendee>) =
        introduced.iter().partition(|a| a.data.group != "Khách mời");
    if !leaders.is_empty() {
        let host = if inputs.conference.issuing_unit.is_empty() {
            "Ban tổ chức".to_owned()
        } else {
            inputs.conference.issuing_unit.clone()
        };
        let _ = write!(out, "\nVề phía lãnh đạo {host}, có:");
        for a in &leaders {
            let _ = write!(out, "\n- {}{};", person_address(a), mark(a));
        }
    }
    // Guests grouped by their agency (the district field, else the unit), in the order
    // their first member comes in protocol order.
    let mut agencies: Vec<(String, Vec<&Attendee>)> = Vec::new();
    for a in guests {
        let agency = if a.data.district.is_empty() {
            a.data.unit.clone()
        } else {
            a.data.district.clone()
        };
        match agencies.iter_mut().find(|(n, _)| *n == agency) {
            Some((_, list)) => list.push(a),
            None => agencies.push((agency, vec![a])),
        }
    }
    for (agency, list) in &agencies {
        if agency.is_empty() {
            out.push_str("\nCác vị khách quý:");
        } else {
            let _ = write!(out, "\nVề phía {agency}, có:");
        }
        for a in list {
            let _ = write!(out, "\n- {}{};", person_address(a), mark(a));
        }
    }
    // Everyone else, counted by group.
    let mut counted: BTreeMap<&str, usize> = BTreeMap::new();
    for a in people.iter().filter(|a| {
        a.data.protocol_order.is_none() && !INTRODUCED_GROUPS.contains(&a.data.group.as_str())
    }) {
        if !doors_open || a.checked_in_at.is_some() {
            *counted.entry(a.data.group.as_str()).or_default() += 1;
        }
    }
    let groups: Vec<String> = counted
        .iter()
        .map(|(g, n)| {
            if g.is_empty() {
                format!("{n} đồng chí đại biểu")
            } else {
                format!("{n} đồng chí {g}")
            }
        })
        .collect();
    if !groups.is_empty() {
        let _ = write!(out, "\nCùng toàn thể {} về dự hội nghị.", join_and(&groups));
    }
    out.push_str("\nXin trân trọng giới thiệu!");
    out
}

/// "Tổng số đại biểu được triệu tập: 520 đồng chí; có mặt: 498 đồng chí; vắng: 22 đồng
/// chí, trong đó có lý do: 15 đồng chí."
pub fn attendance(people: &[Attendee]) -> String {
    let total = people.len();
    let present = people.iter().filter(|a| a.checked_in_at.is_some()).count();
    let absent = total - present;
    let excused = people
        .iter()
        .filter(|a| a.checked_in_at.is_none() && a.data.excused)
        .count();
    if absent == 0 {
        return format!(
            "Tổng số đại biểu được triệu tập: {total} đồng chí; có mặt: {present} đồng chí, đạt 100%."
        );
    }
    let mut s = format!(
        "Tổng số đại biểu được triệu tập: {total} đồng chí; có mặt: {present} đồng chí; vắng: {absent} đồng chí"
    );
    if excused > 0 {
        let _ = write!(s, ", trong đó có lý do: {excused} đồng chí");
    }
    s.push('.');
    s
}

/// One paragraph per decision (number, date, issuer, kind): what the MC reads, then the
/// recipients in stage order.
fn decisions(all: &[Commendation]) -> Vec<(&'static str, String)> {
    if all.is_empty() {
        return vec![(
            "decisions",
            "(Chưa có quyết định khen thưởng nào trong tệp.)".to_owned(),
        )];
    }
    let mut sorted: Vec<&Commendation> = all.iter().collect();
    sorted.sort_by_key(|c| c.data.stage_order);
    let mut groups: Vec<(&Commendation, Vec<&Commendation>)> = Vec::new();
    for c in sorted {
        let same = |g: &&Commendation| {
            let (a, b) = (&g.data, &c.data);
            a.decision_number == b.decision_number
                && a.decision_date == b.decision_date
                && a.issuer == b.issuer
                && a.kind == b.kind
        };
        match groups.iter_mut().find(|(first, _)| same(first)) {
            Some((_, list)) => list.push(c),
            None => groups.push((c, vec![c])),
        }
    }
    let text = groups
        .iter()
        .map(|(first, list)| decision(first, list))
        .collect::<Vec<_>>()
        .join("\n\n");
    vec![("decisions", text)]
}

fn decision(first: &Commendation, list: &[&Commendation]) -> String {
    let d = &first.data;
    let mut s = String::from("Trân trọng công bố ");
    if d.decision_number.is_empty() {
        s.push_str("quyết định");
    } else {
        let _ = write!(s, "Quyết định số {}", d.decision_number);
    }
    if let Some(day) = d.decision_date.as_deref().and_then(date::parse) {
        let _ = write!(
            s,
            " ngày {:02}/{:02}/{}",
            day.day(),
            day.month(),
            day.year()
        );
    }
    if !d.issuer.is_empty() {
        let _ = write!(s, " của {}", d.issuer);
    }
    let kind = if d.kind.is_empty() {
        "khen thưởng".to_owned()
    } else {
        crate::text::lowercase_first(&d.kind)
    };
    let people = list.iter().filter(|c| !c.data.collective).count();
    let teams = list.len() - people;
    let whom = match (people, teams) {
        (p, 0) => format!("{p} cá nhân"),
        (0, t) => format!("{t} tập thể"),
        (p, t) => format!("{t} tập thể và {p} cá nhân"),
    };
    let _ = write!(s, " về việc tặng {kind} cho {whom}");
    // One achievement for all is read once; different ones are in the decision.
    if !d.achievement.is_empty() && list.iter().all(|c| c.data.achievement == d.achievement) {
        let _ = write!(
            s,
            " đã có thành tích {}",
            crate::text::lowercase_first(&d.achievement)
        );
    }
    s.push_str(". Gồm:");
    for (i, c) in list.iter().enumerate() {
        let r = &c.data;
        let who = if r.collective {
            let n = &r.recipient_name;
            if crate::text::fold(n).starts_with("tap the") {
                n.clone()
            } else {
                format!("Tập thể {n}")
            }
        } else {
            address(&r.recipient_name, &r.rank, &r.position, &r.unit)
        };
        let _ = write!(s, "\n{}. {who};", i + 1);
    }
    s.push_str("\nTrân trọng kính mời các đồng chí có tên lên nhận khen thưởng.");
    s
}

fn gifts(all: &[Gift]) -> String {
    if all.is_empty() {
        return "(Chưa có quà tặng nào trong tệp.)".to_owned();
    }
    let mut s = format!(
        "Thay mặt Ban tổ chức, trân trọng kính mời lãnh đạo trao quà cho {} đồng chí có hoàn cảnh \
         khó khăn:",
        all.len()
    );
    for (i, g) in all.iter().enumerate() {
        let d = &g.data;
        let mut line = format!("\n{}. Đồng chí {}", i + 1, d.recipient_name);
        if !d.unit.is_empty() {
            let _ = write!(line, ", {}", d.unit);
        }
        line.push(';');
        s.push_str(&line);
    }
    s
}

/// "a, b và c".
fn join_and(parts: &[String]) -> String {
    match parts {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} và {last}", rest.join(", ")),
    }
}
