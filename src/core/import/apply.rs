//! Storing a plan: one transaction and one change of the file's history, all of it or
//! none of it. Rows with errors refuse the whole import unless the user chose to leave
//! them out; `progress(done, total)` returning false cancels and changes nothing.

use std::collections::HashSet;

use super::fields::Kind;
use super::records::Record;
use super::{Duplicate, OnDuplicate, Plan, Summary};
use crate::error::{Error, Result};
use crate::store::Store;

/// Stores `plan`; see the module.
pub fn apply(
    store: &Store,
    plan: &Plan,
    on_duplicate: OnDuplicate,
    skip_invalid: bool,
    progress: &mut dyn FnMut(usize, usize) -> bool,
) -> Result<Summary> {
    if plan.header == super::Header::NotFound {
        return Err(Error::Import {
            file: plan.file.clone(),
            row: None,
            field: None,
            reason: format!(
                "không tìm thấy dòng tiêu đề có cột {}; hãy chọn dòng tiêu đề và các cột",
                match plan.kind {
                    Kind::Questions => "\"Nội dung\"",
                    Kind::Attendees => "\"Họ và tên\"",
                    Kind::Gifts => "\"Họ và tên\" và \"Giá trị\" hoặc \"Hình thức\"",
                    Kind::Commendations =>
                        "\"Họ và tên / Tập thể\" và \"Hình thức khen thưởng\" hoặc \"Số quyết định\"",
                    Kind::Answers => "\"Mã\" (mã ý kiến của phiếu chuyển ý kiến)",
                }
            ),
        });
    }
    if let (Some(first), false) = (plan.errors.first(), skip_invalid) {
        return Err(Error::Import {
            file: plan.file.clone(),
            row: Some(first.row),
            field: Some(first.column.clone()),
            reason: format!(
                "{} (tổng cộng {} dòng có lỗi; sửa tệp hoặc chọn bỏ qua các dòng lỗi)",
                first.problem.vi(),
                plan.errors.len()
            ),
        });
    }
    let label = format!(
        "Nhập {} từ tệp {}",
        plan.kind.noun(),
        super::file_name(&plan.file)
    );
    if plan.kind == Kind::Answers && plan.rows.iter().all(|r| r.duplicate.is_some()) {
        // Nothing would change: say so rather than record an empty step.
        return Ok(Summary {
            skipped_duplicates: plan.rows.len(),
            errors: plan.errors.len(),
            ..Summary::default()
        });
    }
    let mut summary = Summary {
        errors: plan.errors.len(),
        ..Summary::default()
    };
    store.change(&label, |s| {
        if plan.kind == Kind::Attendees {
            store_people(s, plan, on_duplicate, &mut summary, progress)?;
        } else {
            store_records(s, plan, &mut summary, progress)?;
        }
        if progress(plan.rows.len(), plan.rows.len()) {
            Ok(())
        } else {
            Err(Error::Cancelled)
        }
    })?;
    Ok(summary)
}

fn store_people(
    s: &Store,
    plan: &Plan,
    on_duplicate: OnDuplicate,
    summary: &mut Summary,
    progress: &mut dyn FnMut(usize, usize) -> bool,
) -> Result<()> {
    let total = plan.rows.len();
    let mut bulk = s.bulk_attendees()?;
    for (i, r) in plan.rows.iter().enumerate() {
        if i % 1000 == 0 && !progress(i, total) {
            return Err(Error::Cancelled);
        }
        let Record::Attendee(data, k) = &r.record else {
            continue;
        };
        match (&r.duplicate, on_duplicate) {
            (None, _) => {
                bulk.push(data, [&k.search, &k.name, &k.unit])?;
                summary.imported += 1;
            }
            (Some(Duplicate::Existing(id)), OnDuplicate::Update) => {
                s.update_attendee(id, data)?;
                summary.updated += 1;
            }
            _ => summary.skipped_duplicates += 1,
        }
    }
    bulk.finish()
}

fn store_records(
    s: &Store,
    plan: &Plan,
    summary: &mut Summary,
    progress: &mut dyn FnMut(usize, usize) -> bool,
) -> Result<()> {
    let total = plan.rows.len();
    // Running numbers and stage order continue after what the file already has.
    let number_base = s.next_question_number()? - 1;
    let order_base = s.next_stage_order()? - 1;
    let numbers_taken: HashSet<i64> = s.questions()?.iter().map(|q| q.data.number).collect();
    for (i, r) in plan.rows.iter().enumerate() {
        if i % 256 == 0 && !progress(i, total) {
            return Err(Error::Cancelled);
        }
        if r.duplicate.is_some() {
            summary.skipped_duplicates += 1;
            continue;
        }
        match &r.record {
            Record::Question(d, topic) => {
                let mut d = (**d).clone();
                if numbers_taken.contains(&d.number) {
                    d.number += number_base;
                }
                if !topic.is_empty() {
                    d.topic_id = Some(s.topic_id_for(topic)?);
                }
                s.add_question(&d)?;
            }
            Record::Gift(d) => {
                s.add_gift(d)?;
            }
            Record::Commendation(d) => {
                let mut d = (**d).clone();
                d.stage_order += order_base;
                s.add_commendation(&d)?;
            }
            Record::Answer(a) => {
                // Onto the opinion as it is now: an edit made while the preview was open stays.
                let now = s.question(&a.id)?.data.follow;
                s.set_follow_up(&a.id, &a.typed.onto(&now))?;
                summary.updated += 1;
                continue;
            }
            Record::Attendee(..) => continue,
        }
        summary.imported += 1;
    }
    Ok(())
}
