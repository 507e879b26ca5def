//! Nothing typed is lost: what is typed in a form is written when typing pauses for
//! [`PAUSE_SECS`] and when the window is asked to close, not only when the field is left.
//!
//! One mechanism for every form. A field that changes notes the time ([`typed`]); each
//! form says what it holds that the file does not ([`Unsaved`]); the app, once a frame,
//! asks [`due`] whether to write now and then collects and applies every
//! form's unsaved edits. A form with nothing changed gives nothing, so a pause writes
//! one change to the history, and none when nothing was typed.

use crate::ui::action::Action;
use crate::ui::data::Data;

/// How long typing must pause before the field being typed in is written.
pub const PAUSE_SECS: f64 = 1.0;

/// A form whose edits reach the file without a button.
pub trait Unsaved {
    /// The actions that write what was typed into this form and is not in the file yet:
    /// none when nothing changed (or the form is a new record, which is added only on
    /// purpose). The form counts them as written.
    fn unsaved(&mut self, data: &Data) -> Vec<Action>;
}

fn typed_id() -> egui::Id {
    egui::Id::unique("autosave_typed_at")
}

/// A form's field changed this frame (a key, a paste, a pick): starts the pause again.
pub fn typed(ctx: &egui::Context) {
    let now = ctx.input(|i| i.time);
    ctx.data_mut(|d| d.insert_temp(typed_id(), now));
}

/// Whether the forms' unsaved edits must be written now: the window is closing, or
/// typing paused long enough. Until then it asks for a frame when the pause ends, so
/// an idle window still writes.
pub fn due(ctx: &egui::Context) -> bool {
    let (now, closing) = ctx.input(|i| (i.time, i.viewport().close_requested()));
    let typed_at: Option<f64> = ctx.data(|d| d.get_temp(typed_id()));
    if closing {
        ctx.data_mut(|d| d.remove_temp::<f64>(typed_id()));
        return true;
    }
    let Some(at) = typed_at else {
        return false;
    };
    let left = PAUSE_SECS - (now - at);
    if left <= 0.0 {
        ctx.data_mut(|d| d.remove_temp::<f64>(typed_id()));
        return true;
    }
    ctx.request_repaint_after(std::time::Duration::from_secs_f64(left));
    false
}
