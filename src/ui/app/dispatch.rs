//! Applying what the panels asked for, after the frame. An action that changes records
//! is one change of the file's history; each kind of action goes to the room that does it.

use super::App;
use super::desk::{DeskPatch, DeskResult};
use crate::error::{Error, Result};
use crate::ui::Page;
use crate::ui::action::Action;

/// Undo or redo of more rows than this runs in the background (a whole import).
const LARGE_CHANGE: i64 = 5_000;

/// What an applied action did, so the page that asked can move on.
enum Outcome {
    Added(String),
    Updated,
    Deleted,
    /// A record was changed by a merge or a move: reload it into its form.
    Reselect,
    /// Many attendees changed at once: read the whole view again.
    Reloaded,
    /// A check-in desk action: what to show in large type and what it changed.
    Desk(DeskResult),
    /// Nothing for a page to do (or it was done already).
    Other,
}

impl App {
    /// Applies one action; data-changing actions are committed to the file at once.
    pub fn apply(&mut self, action: Action) {
        let page = action_page(&action);
        let touched = match &action {
            Action::UpdateAttendee(id, _)
            | Action::DeleteAttendee(id)
            | Action::SetExcused { id, .. } => Some(id.clone()),
            _ => None,
        };
        match self.apply_recorded(action) {
            Ok(outcome) => self.after(outcome, page, touched),
            Err(e) => self.chrome.error(format!("{e:#}")),
        }
    }

    /// Runs an action that changes records as one change of the file's history.
    fn apply_recorded(&mut self, action: Action) -> Result<Outcome> {
        // Kept in the file's language, Vietnamese; the window says it in its own.
        let label =
            crate::ui::change_label::change_label(&action, &self.session.data).map(|l| l.stored());
        let (Some(label), Some(store)) = (label, &self.session.store) else {
            return self.run(action);
        };
        store.begin_change(&label)?;
        let result = self.run(action);
        let finished = self
            .session
            .store
            .as_ref()
            .map_or(Ok(()), |st| st.finish_change(result.is_ok()));
        finished.and(result)
    }

    /// Sends an action to the room that does it.
    fn run(&mut self, action: Action) -> Result<Outcome> {
        use Action as A;
        match action {
            A::CheckIn(_) | A::UndoCheckIn | A::CheckInUnit(_) | A::AddWalkIn(_) => {
                self.run_desk(action)
            }
            A::NewConference
            | A::OpenConference
            | A::OpenPath(_)
            | A::OpenReadOnly(_)
            | A::DismissLocked
            | A::OpenSample
            | A::FileChosen(..)
            | A::SaveCopy => self.run_file(action),
            A::AskPassphrase(_) | A::PassphraseGiven(_) | A::PassphraseCancel => {
                self.run_passphrase(action)?;
                Ok(Outcome::Other)
            }
            A::ImportChoose(_)
            | A::ImportRead(_)
            | A::ImportReplan(_)
            | A::ImportApply
            | A::ImportCancel
            | A::ImportClose
            | A::ExportChoose { .. }
            | A::ExportCancel
            | A::Print { .. }
            | A::OpenExternal(_) => self.run_job(action),
            A::PrintOpen => {
                if let Some(ctx) = &self.jobs.ctx {
                    self.pages.page = crate::ui::Page::Export;
                    self.pages.export.print =
                        Some(crate::ui::panels::export::PrintDialog::open(ctx));
                }
                Ok(Outcome::Other)
            }
            A::Undo | A::Redo | A::BackupNow | A::Restore(_) => self.run_history(action),
            A::ConvertChosen(ids) => {
                self.pages.convert = Some(crate::ui::panels::convert::ConvertDialog::new(
                    ids,
                    &self.session.data,
                ));
                Ok(Outcome::Other)
            }
            A::SeedProgramme
            | A::AddItem(_)
            | A::UpdateItem(..)
            | A::DeleteItem(_)
            | A::MoveItem { .. }
            | A::SetScriptEdit { .. }
            | A::ArrangeIntroduction { .. }
            | A::SetExcused { .. } => self.run_programme(action),
            A::Present(_)
            | A::SetLanguage(_)
            | A::SetTyping(_)
            | A::McView(_)
            | A::ProgrammeStep(_)
            | A::OpenList { .. }
            | A::Navigate { .. } => {
                self.run_window(&action);
                Ok(Outcome::Other)
            }
            A::StartHosting
            | A::StopHosting
            | A::NewPairingCode
            | A::RevokeDesk(_)
            | A::DeskFileOpen
            | A::OpenConnect
            | A::CloseConnect
            | A::PairDesk { .. }
            | A::ResumeDesk
            | A::LeaveDesk
            | A::DeskFileSave
            | A::UnlockDesk
            | A::CancelDeskPin => {
                self.run_desks(action)?;
                Ok(Outcome::Other)
            }
            _ => self.run_record(action),
        }
    }

    /// The programme, the script's rewrites, absences with a reason.
    fn run_programme(&mut self, action: Action) -> Result<Outcome> {
        let st = self.session.store()?;
        match action {
            Action::SeedProgramme => {
                st.seed_programme()?;
            }
            Action::AddItem(d) => {
                st.add_item(&d)?;
            }
            Action::UpdateItem(id, d) => st.update_item(&id, &d)?,
            Action::DeleteItem(id) => st.delete_item(&id)?,
            Action::MoveItem { id, up } => st.move_item(&id, up)?,
            Action::SetScriptEdit { item, key, text } => {
                st.set_script_edit(&item, &key, text.as_deref())?;
            }
            Action::ArrangeIntroduction { item, arrangement } => {
                st.set_arrangement(&item, &arrangement)?;
            }
            Action::SetExcused {
                id,
                excused,
                reason,
            } => {
                if self.desks.is_desk() {
                    return Err(Error::Desks(
                        "Báo vắng có lý do ở máy chủ: bàn chỉ gửi lượt điểm danh.".into(),
                    ));
                }
                st.set_excused(&id, excused, &reason)?;
                self.pages.desk.message = Some((
                    format!(
                        "{}: {}",
                        self.s().excused,
                        self.session
                            .data
                            .attendee(&id)
                            .map(|a| a.data.full_name.clone())
                            .unwrap_or_default()
                    ),
                    true,
                ));
            }
            _ => return Ok(Outcome::Other),
        }
        Ok(Outcome::Updated)
    }

    /// Hosting desks and being one.
    fn run_desks(&mut self, action: Action) -> Result<()> {
        match action {
            Action::StartHosting => self.start_hosting()?,
            Action::StopHosting => self.stop_hosting(),
            Action::NewPairingCode => self.new_pairing_code(),
            Action::RevokeDesk(id) => self.revoke_desk(&id)?,
            Action::DeskFileOpen => self.ask(crate::ui::dialogs::Ask::DeskFileOpen)?,
            Action::OpenConnect => self.open_connect(),
            Action::CloseConnect => self.close_connect(),
            Action::PairDesk {
                address,
                code,
                name,
            } => self.pair_desk(&address, &code, &name),
            Action::ResumeDesk => self.resume_desk()?,
            Action::LeaveDesk => self.leave_desk(),
            Action::DeskFileSave => self.ask_desk_file_save()?,
            Action::UnlockDesk => self.unlock_desk()?,
            Action::CancelDeskPin => self.cancel_desk_pin(),
            _ => {}
        }
        Ok(())
    }

    /// Records and lists: added, edited, deleted, merged, moved.
    fn run_record(&mut self, action: Action) -> Result<Outcome> {
        let st = self.session.store()?;
        Ok(match action {
            Action::SaveConference(c) => {
                st.set_conference(&c)?;
                Outcome::Updated
            }
            Action::AddAttendee(d) => Outcome::Added(st.add_attendee(&d)?),
            Action::UpdateAttendee(id, d) => {
                st.update_attendee(&id, &d)?;
                Outcome::Updated
            }
            Action::DeleteAttendee(id) => {
                st.delete_attendee(&id)?;
                Outcome::Deleted
            }
            Action::AddQuestion(d) => Outcome::Added(st.add_question(&d)?),
            Action::AssignQuestions {
                ids,
                unit,
                deadline,
            } => {
                st.assign_questions(&ids, &unit, deadline.as_deref())?;
                Outcome::Updated
            }
            Action::SetFollowUp(id, f) => {
                st.set_follow_up(&id, &f)?;
                Outcome::Updated
            }
            Action::SavePaperDetails(p) => {
                st.set_paper_details(&p)?;
                Outcome::Updated
            }
            Action::UpdateQuestion(id, d) => {
                st.update_question(&id, &d)?;
                Outcome::Updated
            }
            Action::DeleteQuestion(id) => {
                st.delete_question(&id)?;
                Outcome::Deleted
            }
            Action::MergeQuestion { id, into_number } => {
                let questions = &self.session.data.questions.items;
                let main = questions
                    .iter()
                    .find(|q| q.data.number == into_number)
                    .ok_or(Error::NoSuchQuestion(into_number))?;
                st.merge_question(&id, &main.id)?;
                Outcome::Reselect
            }
            Action::UnmergeQuestion(id) => {
                st.unmerge_question(&id)?;
                Outcome::Reselect
            }
            Action::AddGift(d) => Outcome::Added(st.add_gift(&d)?),
            Action::UpdateGift(id, d) => {
                st.update_gift(&id, &d)?;
                Outcome::Updated
            }
            Action::DeleteGift(id) => {
                st.delete_gift(&id)?;
                Outcome::Deleted
            }
            Action::AddCommendation(d) => Outcome::Added(st.add_commendation(&d)?),
            Action::UpdateCommendation(id, d) => {
                st.update_commendation(&id, &d)?;
                Outcome::Updated
            }
            Action::DeleteCommendation(id) => {
                st.delete_commendation(&id)?;
                Outcome::Deleted
            }
            Action::MoveCommendation { id, up } => {
                st.move_commendation(&id, up)?;
                Outcome::Reselect
            }
            Action::ListAdd { list, name } => {
                st.add_entry(list, &name)?;
                Outcome::Updated
            }
            Action::ListRename { list, id, name } => {
                st.rename_entry(list, &id, &name)?;
                Outcome::Updated
            }
            Action::ListMove { list, id, up } => {
                st.move_entry(list, &id, up)?;
                Outcome::Updated
            }
            Action::ListMerge { list, from, into } => {
                st.merge_entry(list, &from, &into)?;
                Outcome::Updated
            }
            Action::ListDelete { list, id } => {
                st.delete_entry(list, &id)?;
                Outcome::Updated
            }
            Action::OfficeAliases { id, aliases } => {
                st.set_office_aliases(&id, &aliases)?;
                Outcome::Updated
            }
            Action::ConvertLegacy { ids, legacy } => {
                for id in &ids {
                    let before = st.attendee(id)?.data;
                    let after = crate::import::legacy::convert_attendee(&before, legacy);
                    if after != before {
                        st.update_attendee(id, &after)?;
                    }
                }
                self.pages.attendees.marked.clear();
                Outcome::Reloaded
            }
            other => {
                tracing::error!("action sent to the wrong room: {other:?}");
                Outcome::Other
            }
        })
    }

    /// The check-in desk.
    fn run_desk(&mut self, action: Action) -> Result<Outcome> {
        let (st, s) = (self.session.store()?, self.s());
        let result = match action {
            Action::CheckIn(id) => self.desk.check_in(st, &id, s)?,
            Action::UndoCheckIn => self.desk.undo(st, s)?,
            Action::CheckInUnit(unit) => {
                self.desk.check_in_unit(st, &self.session.data, &unit, s)?
            }
            Action::AddWalkIn(d) => self.desk.walk_in(st, &d, s)?,
            _ => return Ok(Outcome::Other),
        };
        self.nudge_desk();
        Ok(Outcome::Desk(result))
    }

    /// Opening, creating and copying conference files.
    fn run_file(&mut self, action: Action) -> Result<Outcome> {
        match action {
            Action::NewConference => self.ask(crate::ui::dialogs::Ask::NewConference)?,
            Action::OpenConference => self.ask(crate::ui::dialogs::Ask::OpenConference)?,
            Action::FileChosen(ask, path) => self.answered(&ask, path)?,
            Action::OpenPath(path) => self.open_path(&path),
            Action::OpenReadOnly(path) => self.open_read_only(&path),
            Action::DismissLocked => self.session.locked_offer = None,
            Action::OpenSample => self.open_sample()?,
            Action::SaveCopy => self.save_copy()?,
            _ => {}
        }
        Ok(Outcome::Other)
    }

    /// Imports and exports, which run in the background.
    fn run_job(&mut self, action: Action) -> Result<Outcome> {
        match action {
            Action::ImportChoose(kind) => self.ask(crate::ui::dialogs::Ask::Import(kind))?,
            Action::ImportRead(options) => self.start_read(options)?,
            Action::ImportReplan(choices) => self.start_replan(choices)?,
            Action::ImportApply => self.start_apply()?,
            Action::ImportCancel | Action::ExportCancel => self.jobs.cancel_running(),
            Action::ImportClose => self.close_import(),
            Action::ExportChoose {
                kind,
                options,
                format,
            } => self.start_export(kind, options, format)?,
            Action::Print {
                kind,
                options,
                printer,
                copies,
            } => self.start_print(kind, options, printer, copies)?,
            Action::OpenExternal(path) => opener::open(&path)
                .map_err(|e| Error::Invalid(format!("không mở được {}: {e}", path.display())))?,
            _ => {}
        }
        Ok(Outcome::Other)
    }

    /// Undo and redo from the file's history, snapshots and restore.
    fn run_history(&mut self, action: Action) -> Result<Outcome> {
        match action {
            Action::Undo | Action::Redo => {
                let redo = action == Action::Redo;
                let st = self.session.store()?;
                // The desk's own undo list may name check-ins that are gone now.
                self.desk.forget();
                if st.path().is_some() && st.replay_rows(redo)? > LARGE_CHANGE {
                    self.start_replay(redo)?;
                    return Ok(Outcome::Other);
                }
                let done = if redo { st.redo()? } else { st.undo()? };
                let text = self.replayed_text(redo, done);
                self.after_external_change();
                self.snapshots.edited();
                self.chrome.info(text);
            }
            Action::BackupNow => {
                if self
                    .take_snapshot(crate::store::backup::Reason::Manual)
                    .is_some()
                {
                    self.chrome.info(self.s().backup_done.to_owned());
                }
                self.pages.backups.listed_at = None;
            }
            Action::Restore(path) => self.restore(&path)?,
            _ => {}
        }
        Ok(Outcome::Other)
    }

    /// The window itself: pages, language, the projector view.
    fn run_window(&mut self, action: &Action) {
        match *action {
            Action::Present(on) => {
                self.chrome.presenting = on;
                if let Some(ctx) = &self.jobs.ctx {
                    ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(on));
                }
            }
            Action::SetLanguage(lang) => self.chrome.lang = lang,
            Action::SetTyping(settings) => self.chrome.typing.set(settings),
            Action::McView(on) => {
                self.chrome.mc_view = on;
                self.chrome.mc_scrolled = None;
            }
            Action::ProgrammeStep(step) => {
                let last = self.session.data.programme.len().saturating_sub(1);
                let now = i64::try_from(self.chrome.current_item).unwrap_or(0) + i64::from(step);
                self.chrome.current_item = usize::try_from(now.max(0)).unwrap_or(0).min(last);
            }
            Action::OpenList { kind, ref unit } => {
                let export = &mut self.pages.export;
                export.kind = kind;
                if !kind.formats().contains(&export.format) {
                    export.format = kind.formats()[0];
                }
                export.unit.clone_from(unit);
                self.pages.page = Page::Export;
            }
            Action::Navigate { page, new_record } => {
                self.pages.page = page;
                if new_record && let Some(p) = self.pages.record(page) {
                    p.start_new(&self.session.data);
                }
            }
            _ => {}
        }
    }

    /// Brings the view and the page that asked up to date with what was done.
    fn after(&mut self, outcome: Outcome, page: Page, touched: Option<String>) {
        if !matches!(outcome, Outcome::Other) {
            self.snapshots.edited();
        }
        let s = self.s();
        // Only the attendee page changes attendees: it patches the one person.
        let person = |id: Option<String>| id.filter(|_| page == Page::Attendees);
        match outcome {
            Outcome::Added(id) => {
                self.reload_after(person(Some(id.clone())).as_deref());
                if let Some(p) = self.pages.record(page) {
                    p.after_add(&self.session.data, &id);
                }
                self.chrome.info(s.added.to_owned());
            }
            Outcome::Updated => {
                self.reload_after(person(touched).as_deref());
                if let Some(p) = self.pages.record(page) {
                    p.after_update();
                }
                self.chrome.info(s.saved.to_owned());
            }
            Outcome::Deleted => {
                self.reload_after(person(touched).as_deref());
                if let Some(p) = self.pages.record(page) {
                    p.after_delete(&self.session.data);
                }
                self.chrome.info(s.deleted.to_owned());
            }
            Outcome::Reselect => {
                self.reload_after(None);
                if let Some(p) = self.pages.record(page) {
                    p.reselect(&self.session.data);
                }
                self.chrome.info(s.saved.to_owned());
            }
            Outcome::Reloaded => {
                self.after_external_change();
                self.chrome.info(s.saved.to_owned());
            }
            Outcome::Desk(r) => {
                match r.patch {
                    DeskPatch::Nothing => {}
                    DeskPatch::CheckIns(ids) => self.patch_check_ins(&ids),
                    DeskPatch::Added(id) => self.reload_after(Some(&id)),
                }
                self.pages.desk.clear();
                self.pages.desk.message = Some((r.message, r.ok));
            }
            Outcome::Other => {}
        }
    }

    pub(super) fn replayed_text(&self, redo: bool, label: Option<String>) -> String {
        let s = self.s();
        let label = label.map(|l| crate::ui::change_label::say(&l, s));
        match (label, redo) {
            (Some(label), false) => format!("{}: {label}", s.hist_done_undo),
            (Some(label), true) => format!("{}: {label}", s.hist_done_redo),
            (None, false) => s.hist_nothing_undo.to_owned(),
            (None, true) => s.hist_nothing_redo.to_owned(),
        }
    }
}

/// The page whose panel asked for an action.
fn action_page(action: &Action) -> Page {
    match action {
        Action::AddAttendee(_) | Action::UpdateAttendee(..) | Action::DeleteAttendee(_) => {
            Page::Attendees
        }
        Action::AddQuestion(_)
        | Action::UpdateQuestion(..)
        | Action::DeleteQuestion(_)
        | Action::MergeQuestion { .. }
        | Action::UnmergeQuestion(_) => Page::Questions,
        Action::AssignQuestions { .. } | Action::SetFollowUp(..) | Action::SavePaperDetails(_) => {
            Page::FollowUp
        }
        Action::AddGift(_) | Action::UpdateGift(..) | Action::DeleteGift(_) => Page::Gifts,
        Action::AddCommendation(_)
        | Action::UpdateCommendation(..)
        | Action::DeleteCommendation(_)
        | Action::MoveCommendation { .. } => Page::Commendations,
        // An attendee changed: the view patches that person in.
        Action::SetExcused { .. } => Page::Attendees,
        _ => Page::Overview,
    }
}
