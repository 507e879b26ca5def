//! What panels ask the app to do. Drawing fills these in; the app applies them after the frame.

use std::path::PathBuf;

use crate::domain::{AttendeeData, CommendationData, Conference, GiftData, QuestionData};
use crate::ui::i18n::Lang;

use super::Page;

/// One user command.
#[derive(Debug, Clone, PartialEq)]
#[must_use]
pub enum Action {
    /// Save the conference details.
    SaveConference(Conference),
    /// Add an attendee.
    AddAttendee(AttendeeData),
    /// Replace an attendee's data.
    UpdateAttendee(String, AttendeeData),
    /// Remove an attendee.
    DeleteAttendee(String),
    /// Check an attendee in at the door, now.
    CheckIn(String),
    /// Take back the last check-in made at this desk.
    UndoCheckIn,
    /// Check in everyone of a unit not yet in (its head signs for the delegation).
    CheckInUnit(String),
    /// Add someone not on the list and check them in.
    AddWalkIn(AttendeeData),
    /// Add a question.
    AddQuestion(QuestionData),
    /// Replace a question's data.
    UpdateQuestion(String, QuestionData),
    /// Remove a question.
    DeleteQuestion(String),
    /// Merge a question into the one with this running number.
    MergeQuestion {
        id: String,
        into_number: i64,
    },
    /// Take a question out of its merge.
    UnmergeQuestion(String),
    /// Give several opinions to a unit, with a deadline (dd/mm/yyyy) when one is typed.
    AssignQuestions {
        ids: Vec<String>,
        unit: String,
        deadline: Option<String>,
    },
    /// Replace one opinion's follow-up (handling, unit, deadline, written answer, status).
    SetFollowUp(String, crate::domain::FollowUp),
    /// Save the chair, secretary, conclusions and recipients of the papers.
    SavePaperDetails(crate::domain::PaperDetails),
    /// Show one list on the export page (a paper after the conference, one unit's sheet).
    OpenList {
        kind: crate::export::ListKind,
        unit: Option<String>,
    },
    /// Add a gift.
    AddGift(GiftData),
    /// Replace a gift's data.
    UpdateGift(String, GiftData),
    /// Remove a gift.
    DeleteGift(String),
    /// Add a commendation.
    AddCommendation(CommendationData),
    /// Replace a commendation's data.
    UpdateCommendation(String, CommendationData),
    /// Remove a commendation.
    DeleteCommendation(String),
    /// Move a commendation one place earlier (`up`) or later on stage.
    MoveCommendation {
        id: String,
        up: bool,
    },
    /// Ask where, then create and open a new conference file.
    NewConference,
    /// Ask which, then open a conference file.
    OpenConference,
    /// Open this conference file.
    OpenPath(PathBuf),
    /// Open this conference file without writing to it.
    OpenReadOnly(PathBuf),
    /// Forget the offer to open a locked file read-only.
    DismissLocked,
    /// Ask for a passphrase: the File menu's lock, change and unlock.
    AskPassphrase(crate::ui::passphrase::Purpose),
    /// The passphrase dialog was answered: open, create or convert the file with it.
    PassphraseGiven(crate::ui::passphrase::Given),
    /// Close the passphrase dialog; nothing is opened or changed.
    PassphraseCancel,
    /// Create (once) and open the sample conference.
    OpenSample,
    /// Ask where, then save a copy of the open file.
    SaveCopy,
    /// The window's own file dialog answered a question.
    FileChosen(crate::ui::dialogs::Ask, PathBuf),
    /// Ask for a spreadsheet or CSV file of this kind of record and read it for the preview.
    ImportChoose(crate::import::Kind),
    /// Read the same file again with another encoding or delimiter.
    ImportRead(crate::import::ReadOptions),
    /// Plan the file again with the user's choice of sheet, header row, fields or old font.
    ImportReplan(crate::import::Choices),
    /// Store the previewed rows.
    ImportApply,
    /// Stop the running import job; nothing is changed.
    ImportCancel,
    /// Leave the import page.
    ImportClose,
    /// Ask where, then write a list in the background.
    ExportChoose {
        kind: crate::export::ListKind,
        options: crate::export::Options,
        format: crate::export::Format,
    },
    /// Stop the running export; no file is written.
    ExportCancel,
    /// Open a file or folder with the system's program for it.
    OpenExternal(PathBuf),
    /// Add an entry to a list (topics, commendation kinds).
    ListAdd {
        list: crate::store::List,
        name: String,
    },
    /// Rename an entry.
    ListRename {
        list: crate::store::List,
        id: String,
        name: String,
    },
    /// Move an entry one place up or down.
    ListMove {
        list: crate::store::List,
        id: String,
        up: bool,
    },
    /// Move the records of an entry to another and remove it.
    ListMerge {
        list: crate::store::List,
        from: String,
        into: String,
    },
    /// Remove an entry no record uses.
    ListDelete {
        list: crate::store::List,
        id: String,
    },
    /// Open the dialog that converts these attendees from an old Vietnamese font.
    ConvertChosen(Vec<String>),
    /// Convert these attendees' text from a legacy encoding to Unicode.
    ConvertLegacy {
        ids: Vec<String>,
        legacy: crate::import::Legacy,
    },
    /// Set an office's abbreviations and other spellings (protocol order).
    OfficeAliases {
        id: String,
        aliases: String,
    },
    /// Take back the newest change still in effect (from the file's history).
    Undo,
    /// Make the oldest undone change again.
    Redo,
    /// Take a snapshot of the open file now.
    BackupNow,
    /// Replace the open file's contents with this snapshot (after snapshotting them).
    Restore(PathBuf),
    /// Show the live figures full screen in large type (or go back).
    Present(bool),
    /// Switch the window's language.
    SetLanguage(Lang),
    /// Built-in Vietnamese typing: method and tone style.
    SetTyping(crate::ui::typing::Settings),
    /// Show another page; with `new_record`, start a blank form there.
    Navigate {
        page: Page,
        new_record: bool,
    },
    /// Open the file to desks on the local network.
    StartHosting,
    StopHosting,
    /// A fresh pairing code on the host.
    NewPairingCode,
    /// Remove a paired desk (by its id).
    RevokeDesk(String),
    /// Choose a desk's file of check-ins to apply (host).
    DeskFileOpen,
    /// Show the dialog this laptop becomes a desk with.
    OpenConnect,
    CloseConnect,
    /// Pair with a host and become its desk.
    PairDesk {
        address: String,
        code: String,
        name: String,
    },
    /// Become again the desk this laptop was paired as.
    ResumeDesk,
    /// Stop being a desk; the window opens a conference file again.
    LeaveDesk,
    /// Save this desk's waiting check-ins to a file (for a USB stick).
    DeskFileSave,
    /// Open the desk's locked copy with the PIN typed in its dialog (the PIN stays in
    /// the dialog: an action may be logged).
    UnlockDesk,
    /// Close the desk PIN dialog without opening anything.
    CancelDeskPin,
    /// Fill an empty programme with the usual order of a dialogue conference.
    SeedProgramme,
    AddItem(crate::domain::programme::ItemData),
    UpdateItem(String, crate::domain::programme::ItemData),
    DeleteItem(String),
    MoveItem {
        id: String,
        up: bool,
    },
    /// Rewrite a paragraph of the script, or (`None`) go back to the generated text.
    SetScriptEdit {
        item: String,
        key: String,
        text: Option<String>,
    },
    /// Keep the organiser's own order of the introduction's blocks and people (JSON of
    /// `script::Arrangement`; empty for protocol order).
    ArrangeIntroduction {
        item: String,
        arrangement: String,
    },
    /// Mark an attendee absent with a reason (or take it back).
    SetExcused {
        id: String,
        excused: bool,
        reason: String,
    },
    /// The MC's large-type view of the script (or back).
    McView(bool),
    /// The programme item the projector shows as current: one on or back.
    ProgrammeStep(i32),
    /// Open the print dialog of the export page.
    PrintOpen,
    /// Print a list.
    Print {
        kind: crate::export::ListKind,
        options: crate::export::Options,
        printer: Option<String>,
        copies: u32,
    },
}
