//! The MC's script (kịch bản dẫn chương trình), written from the file as a protocol
//! office writes it: for each item of the programme, the paragraphs the MC reads — the
//! day and place, the introduction of the leaders and guests block by block (superior
//! Party and State bodies and other agencies first, each placed by the highest office in
//! it, then the host's leadership, then its departments and units in one block, then
//! everyone else counted), the attendance as the desk counts it, the flag salute, each
//! speaker invited and thanked, the dialogue's chair and topics in order, who reads the
//! decisions and who presents the awards and gifts, the recipients counted and listed
//! once each — and the organiser's own words. Any paragraph can be rewritten; the
//! rewrite then stands as written until it is taken back. The organiser can also move a
//! block or a person of the introduction ([`Arrangement`]).
//!
//! Speech, not headings: offices read in full from the ladder ("PGĐ" → "Phó Giám đốc"),
//! agency names in sentence case, "đồng chí" in lower case mid-sentence. Where nobody is
//! chosen the script says so in brackets ([`GAP`]) for the window to mark.
//!
//! Pure: the store reads the records, this only writes sentences. Vietnamese whatever
//! the window's language: it is read aloud in Vietnamese.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt::Write as _;

use serde::{Deserialize, Serialize};

use crate::domain::programme::{Item, Part};
use crate::domain::protocol::{Key, Ladder, Person, words_key};
use crate::domain::{Attendee, Commendation, Conference, Gift, Question, Topic, date};
use crate::speech::{Host, HostPart, expand_words, same_words, speech_case, unit_name};
use crate::text::{fold, lowercase_first};

/// Groups whose members are introduced one by one (the rest are counted).
pub const INTRODUCED_GROUPS: [&str; 2] = ["Lãnh đạo", "Khách mời"];

/// How every gap in the script starts: "[chưa chọn người chủ trì]". The window marks
/// them; the MC cannot miss one.
pub const GAP: &str = "[chưa chọn";
const GAP_CHAIR: &str = "[chưa chọn người chủ trì]";
const GAP_SPEAKER: &str = "[chưa chọn người phát biểu]";
const GAP_REPORTER: &str = "[chưa chọn người trình bày]";
const GAP_READER: &str = "[chưa chọn người công bố quyết định]";
const GAP_AWARDS: &str = "[chưa chọn người trao thưởng]";
const GAP_GIFTS: &str = "[chưa chọn người trao quà]";

/// What the script is written from.
pub struct Inputs<'a> {
    pub conference: &'a Conference,
    pub attendees: &'a [Attendee],
    pub ladder: &'a Ladder,
    pub commendations: &'a [Commendation],
    pub gifts: &'a [Gift],
    /// The questions and opinions received.
    pub questions: &'a [Question],
    /// Their topics, in the order the dialogue takes them.
    pub topics: &'a [Topic],
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

/// How many gaps ("[chưa chọn …]") the script still has.
pub fn gaps(sections: &[Section]) -> usize {
    sections
        .iter()
        .flat_map(|s| &s.paragraphs)
        .map(|p| p.text.matches(GAP).count())
        .sum()
}

/// What the sentences are written with: the ladder, the file's own spellings of names
/// (to read a heading's capitals back), and the host.
struct Speech<'a> {
    ladder: &'a Ladder,
    known: Vec<&'a str>,
    host: Option<Host>,
}

impl<'a> Speech<'a> {
    fn new(inputs: &Inputs<'a>) -> Self {
        let c = inputs.conference;
        let mut known: Vec<&str> = Vec::new();
        let mut seen = HashSet::new();
        for text in inputs
            .attendees
            .iter()
            .flat_map(|a| [a.data.unit.as_str(), a.data.district.as_str()])
            .chain([c.organiser.as_str(), c.venue.as_str()])
        {
            if !text.is_empty() && seen.insert(text) {
                known.push(text);
            }
        }
        // The host is the unit the conference's papers are issued in; failing that,
        // the organiser.
        let host_unit = if c.issuing_unit.trim().is_empty() {
            &c.organiser
        } else {
            &c.issuing_unit
        };
        let host = Host::new(host_unit, &c.place_name, &known);
        Self {
            ladder: inputs.ladder,
            known,
            host,
        }
    }

    fn unit(&self, unit: &str) -> String {
        unit_name(unit, &self.known)
    }

    /// The office in full with its unit: "Phó Giám đốc Công an tỉnh".
    fn office(&self, position: &str, unit: &str) -> String {
        office_with_unit(&self.ladder.written_out(position), &self.unit(unit))
    }

    /// "Đồng chí Đại tá Nguyễn Thanh Tràng, Phó Giám đốc Công an tỉnh" (a list's line).
    fn address(&self, full_name: &str, rank: &str, position: &str, unit: &str) -> String {
        let mut who = String::from("Đồng chí ");
        who.push_str(&rank_and_name(rank, full_name));
        let office = self.office(position, unit);
        if !office.is_empty() {
            who.push_str(", ");
            who.push_str(&office);
        }
        who
    }
}

fn rank_and_name(rank: &str, full_name: &str) -> String {
    if rank.trim().is_empty() {
        full_name.trim().to_owned()
    } else {
        format!("{} {}", rank.trim(), full_name.trim())
    }
}

/// "Đồng chí Đại tá Nguyễn Thanh Tràng, Phó Giám đốc Công an tỉnh": the form of
/// address, the rank, the full name, and the office in full with its unit (the seed
/// ladder's offices; the script itself uses the file's ladder).
pub fn address(full_name: &str, rank: &str, position: &str, unit: &str) -> String {
    let ladder = Ladder::seed();
    let speech = Speech {
        ladder: &ladder,
        known: Vec::new(),
        host: None,
    };
    speech.address(full_name, rank, position, unit)
}

/// The office written out from `ladder` with its unit in sentence case, for printed
/// lists: "PGĐ" + "Ban Giám đốc Công an tỉnh" → "Phó Giám đốc Công an tỉnh".
pub fn office_phrase(ladder: &Ladder, position: &str, unit: &str) -> String {
    office_with_unit(&ladder.written_out(position), &unit_name(unit, &[]))
}

/// Words that name a body: an office that holds one names its unit already.
const BODIES: [&str; 6] = ["cong an", "uy ban", "ubnd", "doan", "hoi ", "ban "];

/// The office and its unit as one phrase, without saying the unit's kind twice: the
/// office alone when it holds the unit or already names its body ("Phó Giám đốc Công an
/// tỉnh"); a leadership board's name left out ("Phó Giám đốc" + "Ban Giám đốc Công an
/// tỉnh" → "Phó Giám đốc Công an tỉnh"); joined on the words they share, the office's
/// words kept ("Trưởng phòng" + "Phòng Tham mưu" → "Trưởng phòng Tham mưu", "Trưởng Công
/// an xã" + "Công an xã Long Trị" → "Trưởng Công an xã Long Trị"); else one after the
/// other ("Cán bộ Công an xã Long Trị").
pub fn office_with_unit(position: &str, unit: &str) -> String {
    let (p, u) = (position.trim(), unit.trim());
    let (fp, fu) = (words_key(p), words_key(u));
    if u.is_empty() || format!(" {fp} ").contains(&format!(" {fu} ")) {
        return p.to_owned();
    }
    if p.is_empty() {
        return u.to_owned();
    }
    let uw: Vec<&str> = u.split(' ').collect();
    let pw: Vec<&str> = p.split(' ').collect();
    // A leadership board ("Ban Giám đốc …") whose name ends the office.
    if uw.len() > 1 && fold(uw[0]) == "ban" {
        for n in (1..uw.len()).rev() {
            if n <= pw.len() && same_words(&pw[pw.len() - n..], &uw[1..=n]) {
                let rest = uw[n + 1..].join(" ");
                let fr = words_key(&rest);
                return if rest.is_empty() || format!(" {fp} ").contains(&format!(" {fr} ")) {
                    p.to_owned()
                } else {
                    format!("{p} {rest}")
                };
            }
        }
    }
    // The longest end of the office the unit starts with ("Công an xã", "phòng").
    for start in 1..pw.len() {
        let n = pw.len() - start;
        if n < uw.len() && same_words(&pw[start..], &uw[..n]) {
            return format!("{p} {}", uw[n..].join(" "));
        }
    }
    if pw.len() > 2 && BODIES.iter().any(|b| fold(p).contains(b)) {
        return p.to_owned();
    }
    format!("{p} {u}")
}

/// Who an item names (who speaks, chairs, reads or presents), as a sentence says it.
struct Who {
    /// "đồng chí Đại tá Nguyễn Thanh Tràng, Phó Giám đốc Công an tỉnh", or the gap.
    full: String,
    /// "đồng chí Đại tá Nguyễn Thanh Tràng", or the gap.
    short: String,
}

fn who(inputs: &Inputs<'_>, speech: &Speech<'_>, id: Option<&str>, name: &str, gap: &str) -> Who {
    if let Some(a) = id.and_then(|id| inputs.attendees.iter().find(|a| a.id == id)) {
        let d = &a.data;
        let full = speech.address(&d.full_name, &d.rank, &d.position, &d.unit);
        return Who {
            full: lowercase_first(&full),
            short: format!("đồng chí {}", rank_and_name(&d.rank, &d.full_name)),
        };
    }
    let name = name.trim();
    if name.is_empty() {
        return Who {
            full: gap.to_owned(),
            short: gap.to_owned(),
        };
    }
    // "Đồng chí …" as typed reads "đồng chí …" mid-sentence.
    let bare = if fold(name).starts_with("dong chi ") {
        name.split_once(' ')
            .and_then(|(_, r)| r.split_once(' '))
            .map_or(name, |(_, r)| r)
    } else {
        name
    };
    let short = bare.split(',').next().unwrap_or(bare).trim();
    Who {
        full: format!("đồng chí {bare}"),
        short: format!("đồng chí {short}"),
    }
}

fn lead(inputs: &Inputs<'_>, speech: &Speech<'_>, item: &Item, gap: &str) -> Who {
    who(
        inputs,
        speech,
        item.data.lead_id.as_deref(),
        &item.data.lead_name,
        gap,
    )
}

/// The script of every item, in programme order.
pub fn build(inputs: &Inputs<'_>) -> Vec<Section> {
    let speech = Speech::new(inputs);
    inputs
        .programme
        .iter()
        .map(|item| {
            let paragraphs = generated(inputs, &speech, item)
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

/// The conference's name as said in a sentence.
fn conference_name(c: &Conference) -> String {
    if c.name.trim().is_empty() {
        "hội nghị".to_owned()
    } else {
        speech_case(c.name.trim().trim_end_matches('.'), &[])
    }
}

/// "Hôm nay, ngày 25/11/2022, tại Hội trường …, được sự đồng ý của lãnh đạo Công an
/// tỉnh Hậu Giang, Phòng … tổ chức Hội nghị …."
fn reason(c: &Conference, speech: &Speech<'_>) -> String {
    let mut clauses: Vec<String> = Vec::new();
    if let Some(day) = date::parse(&c.start_date) {
        clauses.push(format!(
            "hôm nay, ngày {:02}/{:02}/{}",
            day.day(),
            day.month(),
            day.year()
        ));
    } else if !c.start_date.trim().is_empty() {
        clauses.push(format!("hôm nay, ngày {}", c.start_date.trim()));
    } else {
        clauses.push("hôm nay".to_owned());
    }
    if !c.venue.trim().is_empty() {
        clauses.push(format!("tại {}", speech.unit(&c.venue)));
    }
    let host = speech.host.as_ref().map(|h| h.name.clone());
    if let Some(h) = &host {
        clauses.push(format!("được sự đồng ý của lãnh đạo {h}"));
    }
    let organiser = if c.organiser.trim().is_empty() {
        host.unwrap_or_else(|| "Ban tổ chức".to_owned())
    } else {
        speech.unit(&c.organiser)
    };
    let sentence = format!(
        "{}, {organiser} tổ chức {}.",
        clauses.join(", "),
        conference_name(c)
    );
    let mut chars = sentence.chars();
    let sentence: String = chars
        .next()
        .map(|f| f.to_uppercase().chain(chars).collect())
        .unwrap_or_default();
    format!("Kính thưa các đồng chí! {sentence}")
}

/// (key, text) of each paragraph an item has, as the file stands.
fn generated(inputs: &Inputs<'_>, speech: &Speech<'_>, item: &Item) -> Vec<(&'static str, String)> {
    let c = inputs.conference;
    let name = conference_name(c);
    let title = lowercase_first(item.data.title.trim().trim_end_matches('.'));
    match item.data.part {
        Part::Opening => vec![(
            "opening",
            "Kính thưa các đồng chí! Đề nghị các đồng chí ổn định chỗ ngồi, tắt chuông điện thoại \
             hoặc để ở chế độ im lặng để hội nghị bắt đầu."
                .to_owned(),
        )],
        Part::FlagSalute => vec![(
            "flag",
            "Trân trọng kính mời các đồng chí đứng dậy làm nghi thức chào cờ.\nNghiêm! Chào cờ, \
             chào!\n(Quốc ca)\nThôi! Trân trọng kính mời các đồng chí ngồi xuống."
                .to_owned(),
        )],
        Part::Introduction => vec![
            ("reason", reason(c, speech)),
            (
                "introduction",
                introduction_text(inputs, speech, &Arrangement::parse(&item.arrangement)),
            ),
            ("attendance", attendance(inputs.attendees)),
        ],
        Part::Speech => {
            let w = lead(inputs, speech, item, GAP_SPEAKER);
            vec![
                (
                    "invitation",
                    format!("Trân trọng kính mời {} lên {title}.", w.full),
                ),
                ("thanks", format!("Xin trân trọng cảm ơn {}.", w.short)),
            ]
        }
        Part::Report => {
            let w = lead(inputs, speech, item, GAP_REPORTER);
            vec![
                (
                    "invitation",
                    format!(
                        "Tiếp theo chương trình, trân trọng kính mời {} trình bày {title}.",
                        w.full
                    ),
                ),
                ("thanks", format!("Xin trân trọng cảm ơn {}.", w.short)),
            ]
        }
        Part::Dialogue => {
            let w = lead(inputs, speech, item, GAP_CHAIR);
            vec![
                ("dialogue", dialogue(inputs, &w)),
                (
                    "thanks",
                    format!(
                        "Xin trân trọng cảm ơn {} đã chủ trì phần đối thoại.",
                        w.short
                    ),
                ),
            ]
        }
        Part::Commendations => commendations(inputs, speech, item),
        Part::Gifts => gifts(inputs, speech, item),
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

/// The dialogue: how many opinions came in, the topics in the order they are taken
/// (those with opinions), and who chairs it.
fn dialogue(inputs: &Inputs<'_>, chair: &Who) -> String {
    let total = inputs.questions.len();
    let mut s = format!(
        "Kính thưa các đồng chí! Hội nghị chuyển sang phần đối thoại. Ban tổ chức đã nhận được \
         {total} ý kiến, kiến nghị của đại biểu"
    );
    let mut topics: Vec<(String, usize)> = Vec::new();
    let mut topics_sorted: Vec<&Topic> = inputs.topics.iter().collect();
    topics_sorted.sort_by_key(|t| t.position);
    for t in topics_sorted {
        let n = inputs
            .questions
            .iter()
            .filter(|q| q.data.topic_id.as_deref() == Some(t.id.as_str()))
            .count();
        if n > 0 {
            topics.push((t.name.clone(), n));
        }
    }
    let other = inputs
        .questions
        .iter()
        .filter(|q| {
            q.data
                .topic_id
                .as_deref()
                .is_none_or(|id| !inputs.topics.iter().any(|t| t.id == id))
        })
        .count();
    if other > 0 {
        topics.push(("Các vấn đề khác".to_owned(), other));
    }
    if topics.is_empty() {
        s.push('.');
    } else {
        let _ = write!(
            s,
            ", được tổng hợp thành {} nhóm vấn đề, sẽ lần lượt đối thoại theo thứ tự:",
            topics.len()
        );
        let last = topics.len() - 1;
        for (i, (topic, n)) in topics.iter().enumerate() {
            let end = if i == last { '.' } else { ';' };
            let _ = write!(s, "\n{}. {topic} ({n} ý kiến){end}", i + 1);
        }
    }
    let _ = write!(
        s,
        "\nTrân trọng kính mời {} chủ trì phần đối thoại.",
        chair.full
    );
    s
}

/// The organiser's own order of the introduction: blocks by key, and within a block the
/// people by attendee id. What it does not name keeps its place in protocol order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Arrangement {
    #[serde(default)]
    pub blocks: Vec<String>,
    #[serde(default)]
    pub people: BTreeMap<String, Vec<String>>,
}

impl Arrangement {
    /// As stored; empty or unreadable text is protocol order.
    pub fn parse(text: &str) -> Self {
        if text.trim().is_empty() {
            return Self::default();
        }
        serde_json::from_str(text).unwrap_or_else(|e| {
            tracing::warn!(error = %e, "unreadable arrangement of the introduction");
            Self::default()
        })
    }

    /// As stored: empty for protocol order.
    pub fn to_text(&self) -> String {
        if *self == Self::default() {
            String::new()
        } else {
            serde_json::to_string(self).unwrap_or_default()
        }
    }

    /// The order `blocks` stand in, in full.
    pub fn of(blocks: &[Block]) -> Self {
        Self {
            blocks: blocks.iter().map(|b| b.key.clone()).collect(),
            people: blocks
                .iter()
                .map(|b| {
                    (
                        b.key.clone(),
                        b.people.iter().map(|p| p.id.clone()).collect(),
                    )
                })
                .collect(),
        }
    }

    /// The order with block `at` moved one place earlier (`up`) or later.
    pub fn with_block_moved(blocks: &[Block], at: usize, up: bool) -> Self {
        let mut a = Self::of(blocks);
        let to = if up { at.checked_sub(1) } else { Some(at + 1) };
        if let Some(to) = to.filter(|&t| t < a.blocks.len() && at < a.blocks.len()) {
            a.blocks.swap(at, to);
        }
        a
    }

    /// The order with person `at` of block `block` moved one place earlier or later.
    pub fn with_person_moved(blocks: &[Block], block: usize, at: usize, up: bool) -> Self {
        let mut a = Self::of(blocks);
        if let Some(key) = blocks.get(block).map(|b| &b.key)
            && let Some(ids) = a.people.get_mut(key)
        {
            let to = if up { at.checked_sub(1) } else { Some(at + 1) };
            if let Some(to) = to.filter(|&t| t < ids.len() && at < ids.len()) {
                ids.swap(at, to);
            }
        }
        a
    }
}

/// Puts `items` in the stored `order`; an item it does not name stays right after the
/// item it followed in protocol order.
fn arrange<T>(items: Vec<T>, key: impl Fn(&T) -> &str, order: &[String]) -> Vec<T> {
    if order.is_empty() {
        return items;
    }
    let place = |k: &str| order.iter().position(|o| o == k);
    let keys: Vec<String> = items.iter().map(|t| key(t).to_owned()).collect();
    let mut slots: Vec<Option<T>> = items.into_iter().map(Some).collect();
    let mut listed: Vec<(usize, usize)> = keys
        .iter()
        .enumerate()
        .filter_map(|(i, k)| place(k).map(|p| (p, i)))
        .collect();
    listed.sort_unstable();
    let mut out_keys: Vec<usize> = listed.iter().map(|(_, i)| *i).collect();
    for (i, k) in keys.iter().enumerate() {
        if place(k).is_some() {
            continue;
        }
        // After the nearest earlier item (in protocol order) already placed.
        let at = (0..i)
            .rev()
            .find_map(|j| out_keys.iter().position(|&o| o == j))
            .map_or(0, |p| p + 1);
        out_keys.insert(at, i);
    }
    out_keys
        .into_iter()
        .filter_map(|i| slots.get_mut(i).and_then(Option::take))
        .collect()
}

/// A person introduced, as the script lists them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Introduced {
    pub id: String,
    /// "Đồng chí Đại tá Nguyễn Thanh Tràng, Phó Giám đốc Công an tỉnh".
    pub address: String,
    /// Expected, not yet checked in while others are.
    pub not_in: bool,
}

/// A block of the introduction: one agency, the host's leadership, or its departments
/// and units.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    /// "host", "host-units", "guests" or "agency:<its name's key>".
    pub key: String,
    /// "Về phía Tỉnh ủy Hậu Giang, có:".
    pub heading: String,
    pub people: Vec<Introduced>,
}

/// The introduction's blocks of the programme's introduction item (its own order
/// applied), for the window that moves them.
pub fn introduction_blocks(inputs: &Inputs<'_>, item: &Item) -> Vec<Block> {
    let speech = Speech::new(inputs);
    blocks(inputs, &speech, &Arrangement::parse(&item.arrangement))
}

fn blocks(inputs: &Inputs<'_>, speech: &Speech<'_>, arrangement: &Arrangement) -> Vec<Block> {
    let people = inputs.attendees;
    let doors_open = people.iter().any(|a| a.checked_in_at.is_some());
    let mut introduced: Vec<&Attendee> = people
        .iter()
        .filter(|a| {
            a.data.protocol_order.is_some() || INTRODUCED_GROUPS.contains(&a.data.group.as_str())
        })
        .collect();
    inputs.ladder.sort(&mut introduced, |a| Person::of(&a.data));
    let host_name = speech.host.as_ref().map(|h| h.name.clone());
    // (order class, key, heading, best key, people): other agencies 0, the host's
    // leadership 1, its departments and units 2.
    let mut made: Vec<(u8, String, String, Key, Vec<&Attendee>)> = Vec::new();
    for a in introduced {
        let d = &a.data;
        let unit_key = words_key(&expand_words(&d.unit));
        let district_key = words_key(&expand_words(&d.district));
        let lead_group = d.group == "Lãnh đạo";
        let mine = |k: &str| speech.host.as_ref().is_some_and(|h| h.owns(k));
        let (class, key, heading) =
            if mine(&unit_key) || (unit_key.is_empty() && mine(&district_key)) {
                let at = if unit_key.is_empty() {
                    &district_key
                } else {
                    &unit_key
                };
                let part = speech
                    .host
                    .as_ref()
                    .map_or(HostPart::Leadership, |h| h.part(at, &d.position));
                host_block(part, host_name.as_deref())
            } else if unit_key.is_empty() && district_key.is_empty() {
                if lead_group {
                    host_block(HostPart::Leadership, host_name.as_deref())
                } else {
                    (
                        0,
                        "guests".to_owned(),
                        "Về phía các vị khách mời, có:".to_owned(),
                    )
                }
            } else if lead_group && speech.host.is_none() {
                host_block(HostPart::Leadership, None)
            } else {
                let (text, k) = if unit_key.is_empty() {
                    (&d.district, district_key)
                } else {
                    (&d.unit, unit_key)
                };
                (
                    0,
                    format!("agency:{k}"),
                    format!("Về phía {}, có:", speech.unit(text)),
                )
            };
        let person_key = inputs.ladder.key(&Person::of(d));
        match made.iter_mut().find(|b| b.1 == key) {
            Some(b) => {
                if person_key < b.3 {
                    b.3 = person_key;
                }
                b.4.push(a);
            }
            None => made.push((class, key, heading, person_key, vec![a])),
        }
    }
    // Other agencies by the highest office in them (superior bodies come first, as the
    // ladder's top offices are theirs), then the host's leadership, then its units.
    made.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.3.cmp(&b.3)));
    let mark = |a: &Attendee| doors_open && a.checked_in_at.is_none();
    let out: Vec<Block> = made
        .into_iter()
        .map(|(_, key, heading, _, list)| {
            let people: Vec<Introduced> = list
                .iter()
                .map(|a| Introduced {
                    id: a.id.clone(),
                    address: speech.address(
                        &a.data.full_name,
                        &a.data.rank,
                        &a.data.position,
                        &a.data.unit,
                    ),
                    not_in: mark(a),
                })
                .collect();
            let people = match arrangement.people.get(&key) {
                Some(order) => arrange(people, |p| p.id.as_str(), order),
                None => people,
            };
            Block {
                key,
                heading,
                people,
            }
        })
        .collect();
    arrange(out, |b| b.key.as_str(), &arrangement.blocks)
}

fn host_block(part: HostPart, host: Option<&str>) -> (u8, String, String) {
    match (part, host) {
        (HostPart::Leadership, Some(h)) => {
            (1, "host".to_owned(), format!("Về phía lãnh đạo {h}, có:"))
        }
        (HostPart::Leadership, None) => (
            1,
            "host".to_owned(),
            "Về phía lãnh đạo đơn vị tổ chức, có:".to_owned(),
        ),
        (HostPart::Units, Some(h)) => (
            2,
            "host-units".to_owned(),
            format!("Về phía lãnh đạo các phòng, đơn vị thuộc {h}, có:"),
        ),
        (HostPart::Units, None) => (
            2,
            "host-units".to_owned(),
            "Về phía lãnh đạo các phòng, đơn vị, có:".to_owned(),
        ),
    }
}

/// The leaders and guests, block by block, then everyone else counted by group in the
/// order the conference's title names them. Before anyone is checked in, those expected;
/// after, a mark on each not yet arrived.
pub fn introduction(inputs: &Inputs<'_>) -> String {
    let speech = Speech::new(inputs);
    introduction_text(inputs, &speech, &Arrangement::default())
}

fn introduction_text(
    inputs: &Inputs<'_>,
    speech: &Speech<'_>,
    arrangement: &Arrangement,
) -> String {
    let people = inputs.attendees;
    let doors_open = people.iter().any(|a| a.checked_in_at.is_some());
    let mut out = String::from("Tới dự hội nghị hôm nay, chúng tôi trân trọng giới thiệu:");
    for block in blocks(inputs, speech, arrangement) {
        let _ = write!(out, "\n{}", block.heading);
        for p in &block.people {
            let mark = if p.not_in { " [chưa đến]" } else { "" };
            let _ = write!(out, "\n- {}{mark};", p.address);
        }
    }
    // Everyone else, counted by group, in the order the title names the groups.
    let mut counted: BTreeMap<&str, usize> = BTreeMap::new();
    for a in people.iter().filter(|a| {
        a.data.protocol_order.is_none() && !INTRODUCED_GROUPS.contains(&a.data.group.as_str())
    }) {
        if !doors_open || a.checked_in_at.is_some() {
            *counted.entry(a.data.group.as_str()).or_default() += 1;
        }
    }
    let title = format!(" {} ", words_key(&inputs.conference.name));
    let named_at = |g: &str| {
        let k = words_key(g);
        title
            .find(&format!(" {k} "))
            .or_else(|| {
                k.split(' ')
                    .next()
                    .and_then(|first| title.find(&format!(" {first} ")))
            })
            .unwrap_or(usize::MAX)
    };
    let mut groups: Vec<(&str, usize)> = counted.into_iter().collect();
    groups.sort_by(|a, b| {
        named_at(a.0)
            .cmp(&named_at(b.0))
            .then(b.1.cmp(&a.1))
            .then(a.0.cmp(b.0))
    });
    let groups: Vec<String> = groups
        .iter()
        .map(|(g, n)| {
            if g.is_empty() {
                format!("{n} đồng chí đại biểu")
            } else {
                format!("{n} đồng chí {}", group_in_sentence(g))
            }
        })
        .collect();
    if groups.is_empty() {
        if out.ends_with(';') {
            out.pop();
            out.push('.');
        }
    } else {
        let _ = write!(out, "\nCùng toàn thể {} về dự hội nghị.", join_and(&groups));
    }
    out.push_str("\nXin trân trọng giới thiệu!");
    out
}

/// A group's name mid-sentence: "Đoàn viên" → "đoàn viên"; an abbreviation stays
/// ("CBCS Công an xã").
fn group_in_sentence(group: &str) -> String {
    let first = group.split(' ').next().unwrap_or_default();
    let capitals = first.chars().filter(|c| c.is_uppercase()).count();
    if capitals >= 2 {
        group.to_owned()
    } else {
        lowercase_first(group)
    }
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

/// Who a record names, for counting people once: the attendee, else the name and unit.
fn identity(id: Option<&String>, name: &str, unit: &str) -> String {
    id.map_or_else(|| format!("{}|{}", fold(name), fold(unit)), Clone::clone)
}

/// Who reads the decisions, each decision with its recipients (each person once), and
/// who presents the awards.
fn commendations(
    inputs: &Inputs<'_>,
    speech: &Speech<'_>,
    item: &Item,
) -> Vec<(&'static str, String)> {
    let all = inputs.commendations;
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
    let reader = lead(inputs, speech, item, GAP_READER);
    let which = if groups.len() > 1 {
        "các quyết định khen thưởng"
    } else {
        "quyết định khen thưởng"
    };
    let invitation = format!("Trân trọng kính mời {} công bố {which}.", reader.full);
    let mut named: HashSet<String> = HashSet::new();
    let text = groups
        .iter()
        .map(|(first, list)| decision(speech, first, list, &mut named))
        .collect::<Vec<_>>()
        .join("\n\n");
    let teams = all.iter().any(|c| c.data.collective);
    let persons = all.iter().any(|c| !c.data.collective);
    let receivers = match (teams, persons) {
        (true, true) => "đại diện các tập thể và các đồng chí có tên",
        (true, false) => "đại diện các tập thể có tên",
        _ => "các đồng chí có tên",
    };
    let presenter = who(
        inputs,
        speech,
        item.data.presenter_id.as_deref(),
        &item.data.presenter_name,
        GAP_AWARDS,
    );
    let awarding = format!(
        "Trân trọng kính mời {receivers} lên nhận khen thưởng. Trân trọng kính mời {} lên trao \
         khen thưởng.",
        presenter.full
    );
    vec![
        ("invitation", invitation),
        ("decisions", text),
        ("awarding", awarding),
    ]
}

fn decision(
    speech: &Speech<'_>,
    first: &Commendation,
    list: &[&Commendation],
    named: &mut HashSet<String>,
) -> String {
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
        let _ = write!(s, " của {}", expand_words(&d.issuer));
    }
    let kind = if d.kind.is_empty() {
        "khen thưởng".to_owned()
    } else {
        lowercase_first(&d.kind)
    };
    // Each recipient once, however many records name them in this decision.
    let mut seen: HashSet<String> = HashSet::new();
    let unique: Vec<&Commendation> = list
        .iter()
        .copied()
        .filter(|c| {
            let r = &c.data;
            seen.insert(identity(
                r.recipient_id.as_ref(),
                &r.recipient_name,
                &r.unit,
            ))
        })
        .collect();
    let people = unique.iter().filter(|c| !c.data.collective).count();
    let teams = unique.len() - people;
    let whom = match (people, teams) {
        (p, 0) => format!("{p} cá nhân"),
        (0, t) => format!("{t} tập thể"),
        (p, t) => format!("{t} tập thể và {p} cá nhân"),
    };
    let _ = write!(s, " về việc tặng {kind} cho {whom}");
    // One achievement for all is read once; different ones are in the decision.
    if !d.achievement.is_empty() && list.iter().all(|c| c.data.achievement == d.achievement) {
        let _ = write!(s, " đã có thành tích {}", lowercase_first(&d.achievement));
    }
    s.push_str(", gồm:");
    let final_one = unique.len().saturating_sub(1);
    for (i, c) in unique.iter().enumerate() {
        let r = &c.data;
        let id = identity(r.recipient_id.as_ref(), &r.recipient_name, &r.unit);
        let who = if r.collective {
            let n = speech.unit(&r.recipient_name);
            if fold(&n).starts_with("tap the") {
                n
            } else {
                format!("Tập thể {n}")
            }
        } else if named.contains(&id) {
            // Introduced under an earlier decision: named, not introduced again.
            format!("Đồng chí {} (đã giới thiệu ở trên)", r.recipient_name)
        } else {
            speech.address(&r.recipient_name, &r.rank, &r.position, &r.unit)
        };
        named.insert(id);
        let end = if i == final_one { '.' } else { ';' };
        let _ = write!(s, "\n{}. {who}{end}", i + 1);
    }
    s
}

/// The gifts: each person once (a second gift does not introduce them again), the list
/// ending with a full stop, then who receives and who presents.
fn gifts(inputs: &Inputs<'_>, speech: &Speech<'_>, item: &Item) -> Vec<(&'static str, String)> {
    let all = inputs.gifts;
    if all.is_empty() {
        return vec![("gifts", "(Chưa có quà tặng nào trong tệp.)".to_owned())];
    }
    let mut seen: HashSet<String> = HashSet::new();
    let people: Vec<&Gift> = all
        .iter()
        .filter(|g| {
            let d = &g.data;
            seen.insert(identity(
                d.recipient_id.as_ref(),
                &d.recipient_name,
                &d.unit,
            ))
        })
        .collect();
    let mut s = format!(
        "Thay mặt Ban tổ chức, xin trân trọng trao quà cho {} đồng chí có hoàn cảnh khó khăn, gồm:",
        people.len()
    );
    let last = people.len() - 1;
    for (i, g) in people.iter().enumerate() {
        let d = &g.data;
        let attendee = d
            .recipient_id
            .as_deref()
            .and_then(|id| inputs.attendees.iter().find(|a| a.id == id));
        let mut line = format!(
            "\n{}. Đồng chí {}",
            i + 1,
            attendee.map_or_else(
                || d.recipient_name.clone(),
                |a| rank_and_name(&a.data.rank, &a.data.full_name)
            )
        );
        if !d.unit.is_empty() {
            let _ = write!(line, ", {}", speech.unit(&d.unit));
        }
        line.push(if i == last { '.' } else { ';' });
        s.push_str(&line);
    }
    let presenter = lead(inputs, speech, item, GAP_GIFTS);
    let presenting = format!(
        "Trân trọng kính mời các đồng chí có tên lên nhận quà. Trân trọng kính mời {} lên trao quà.",
        presenter.full
    );
    vec![("gifts", s), ("presenting", presenting)]
}

/// "a, b và c".
fn join_and(parts: &[String]) -> String {
    match parts {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} và {last}", rest.join(", ")),
    }
}
