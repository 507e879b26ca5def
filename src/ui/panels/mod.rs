//! One file per page of the window.

pub mod attendees;
pub mod backups;
pub mod commendations;
pub mod convert;
pub mod dashboard;
pub mod desk;
pub mod desks;
pub mod export;
pub mod follow_up;
pub mod gifts;
pub mod history;
pub mod import;
pub mod lists;
pub mod overview;
pub mod programme;
pub mod questions;

use crate::domain::FieldError;

/// Implements [`super::record::Form`] for a `{ draft, errors }` struct.
macro_rules! impl_form {
    ($t:ty) => {
        impl crate::ui::record::Form for $t {
            fn errors(&self) -> &[FieldError] {
                &self.errors
            }
            fn set_errors(&mut self, errors: Vec<FieldError>) {
                self.errors = errors;
            }
        }
    };
}
pub(crate) use impl_form;

/// Keeps the errors of a failed validation, or clears them and gives the value.
fn validated<T>(result: Result<T, Vec<FieldError>>, errors: &mut Vec<FieldError>) -> Option<T> {
    match result {
        Ok(v) => {
            errors.clear();
            Some(v)
        }
        Err(e) => {
            *errors = e;
            None
        }
    }
}
