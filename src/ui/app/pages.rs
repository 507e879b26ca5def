//! Every page's own state, and drawing the page that is shown.

use std::path::Path;

use egui::Ui;

use crate::store::Store;
use crate::ui::Page;
use crate::ui::action::Action;
use crate::ui::data::Data;
use crate::ui::i18n::Strings;
use crate::ui::job::Progress;
use crate::ui::panels::attendees::AttendeesPanel;
use crate::ui::panels::backups::BackupsPanel;
use crate::ui::panels::commendations::CommendationsPanel;
use crate::ui::panels::desk::DeskPanel;
use crate::ui::panels::export::ExportPanel;
use crate::ui::panels::gifts::GiftsPanel;
use crate::ui::panels::history::HistoryPanel;
use crate::ui::panels::import::ImportPanel;
use crate::ui::panels::lists::ListsPanel;
use crate::ui::panels::overview::OverviewPanel;
use crate::ui::panels::questions::QuestionsPanel;
use crate::ui::record::RecordPage;

/// The page shown and each page's state.
#[derive(Default)]
pub struct Pages {
    pub page: Page,
    pub overview: OverviewPanel,
    pub desk: DeskPanel,
    pub attendees: AttendeesPanel,
    pub questions: QuestionsPanel,
    pub gifts: GiftsPanel,
    pub commendations: CommendationsPanel,
    pub import: ImportPanel,
    pub export: ExportPanel,
    pub lists: ListsPanel,
    /// The dialog converting chosen attendees from an old font, while open.
    pub convert: Option<crate::ui::panels::convert::ConvertDialog>,
    pub backups: BackupsPanel,
    pub history: HistoryPanel,
    pub host: crate::ui::panels::desks::HostPanel,
    pub programme: crate::ui::panels::programme::ProgrammePanel,
    pub follow_up: crate::ui::panels::follow_up::FollowUpPanel,
}

/// What a page may read while it is drawn.
pub struct View<'a> {
    pub data: &'a Data,
    pub store: Option<&'a Store>,
    /// The open file's snapshot folder, if it has one.
    pub backups: Option<&'a Path>,
    /// The background job running now.
    pub running: Option<&'a Progress>,
    pub busy: bool,
    pub writable: bool,
    /// What the host's page of desks shows, while the file is open to desks.
    pub hosting: Option<&'a crate::ui::panels::desks::HostView>,
}

impl Pages {
    /// The record page of `page`, if it is one.
    pub fn record(&mut self, page: Page) -> Option<&mut dyn RecordPage> {
        Some(match page {
            Page::Attendees => &mut self.attendees,
            Page::Questions => &mut self.questions,
            Page::Gifts => &mut self.gifts,
            Page::Commendations => &mut self.commendations,
            Page::Overview
            | Page::Desk
            | Page::Import
            | Page::Export
            | Page::Lists
            | Page::Backups
            | Page::Desks
            | Page::Programme
            | Page::FollowUp
            | Page::History => return None,
        })
    }

    /// The four record pages.
    pub fn records(&mut self) -> [&mut dyn RecordPage; 4] {
        [
            &mut self.attendees,
            &mut self.questions,
            &mut self.gifts,
            &mut self.commendations,
        ]
    }

    /// Every form's edits that are not in the file yet ([`crate::ui::autosave`]).
    pub fn unsaved(&mut self, data: &Data) -> Vec<Action> {
        use crate::ui::autosave::Unsaved as _;
        let mut actions = self.overview.unsaved(data);
        for page in self.records() {
            actions.extend(page.unsaved(data));
        }
        actions.extend(self.programme.unsaved(data));
        actions.extend(self.follow_up.unsaved(data));
        actions
    }

    /// Draws the page shown; returns what it asked for.
    pub fn ui(&mut self, ui: &mut Ui, v: &View<'_>, s: &'static Strings) -> Vec<Action> {
        let (data, writable) = (v.data, v.writable);
        if let Some(page) = self.record(self.page) {
            let mut actions = page.ui(ui, data, s, writable);
            if let Some(dialog) = &mut self.convert {
                let (action, open) = dialog.ui(ui.ctx(), data, s);
                actions.extend(action);
                if !open {
                    self.convert = None;
                }
            }
            return actions;
        }
        match self.page {
            Page::Overview => self.overview.ui(ui, data, s, writable),
            Page::Desk => self.desk.ui(ui, data, s, writable),
            Page::Import => self.import.ui(ui, s, v.running, writable),
            Page::Lists => self.lists.ui(ui, data, s, writable),
            Page::Backups => {
                if self.backups.listed_at != Some(data.generation) {
                    self.backups.snapshots = v
                        .backups
                        .map(|dir| {
                            crate::store::backup::list(
                                dir,
                                v.store.and_then(crate::store::Store::passphrase),
                            )
                        })
                        .unwrap_or_default();
                    self.backups.listed_at = Some(data.generation);
                }
                self.backups.ui(ui, v.backups, s, writable)
            }
            Page::History => {
                if let Some(store) = v.store {
                    self.history.refresh(store, data.generation);
                }
                self.history.ui(ui, data, s, writable, v.busy)
            }
            Page::Export => {
                let locked = v.store.is_some_and(Store::is_locked);
                self.export.ui(ui, data, s, v.running, locked)
            }
            Page::Programme => self.programme.ui(ui, data, s, writable),
            Page::FollowUp => self.follow_up.ui(ui, data, s, writable),
            Page::Desks => match v.hosting {
                Some(view) => self.host.ui(ui, view, s),
                None => Vec::new(),
            },
            Page::Attendees | Page::Questions | Page::Gifts | Page::Commendations => Vec::new(),
        }
    }
}
