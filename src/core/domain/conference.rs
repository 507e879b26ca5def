//! The conference itself: its name and the heading lines of printed lists.

use serde::{Deserialize, Serialize};

/// Conference details, edited on the overview panel. Every field is normalised text;
/// dates are kept as typed (dd/mm/yyyy) because they only appear in print.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Conference {
    pub name: String,
    pub start_date: String,
    pub end_date: String,
    pub venue: String,
    pub organiser: String,
    /// Upper line of the left heading block ("CÔNG AN TỈNH HẬU GIANG"'s superior).
    pub superior_agency: String,
    /// Lower, bold line of the left heading block.
    pub issuing_unit: String,
    /// Place name of the date line ("Hậu Giang, ngày … tháng … năm …").
    pub place_name: String,
    pub signer_left_title: String,
    pub signer_left_name: String,
    pub signer_right_title: String,
    pub signer_right_name: String,
}

impl Conference {
    /// Every field normalised.
    #[must_use]
    pub fn normalized(&self) -> Self {
        let n = crate::text::normalize;
        Self {
            name: n(&self.name),
            start_date: n(&self.start_date),
            end_date: n(&self.end_date),
            venue: n(&self.venue),
            organiser: n(&self.organiser),
            superior_agency: n(&self.superior_agency),
            issuing_unit: n(&self.issuing_unit),
            place_name: n(&self.place_name),
            signer_left_title: n(&self.signer_left_title),
            signer_left_name: n(&self.signer_left_name),
            signer_right_title: n(&self.signer_right_title),
            signer_right_name: n(&self.signer_right_name),
        }
    }

    /// Defaults for a brand-new file: the signature titles every list uses.
    pub fn new_file_defaults() -> Self {
        Self {
            signer_left_title: "NGƯỜI LẬP DANH SÁCH".into(),
            signer_right_title: "THỦ TRƯỞNG ĐƠN VỊ".into(),
            ..Default::default()
        }
    }
}
