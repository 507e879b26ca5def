//! The one place for colours, sizes and fonts.

use std::sync::Arc;

use egui::{Color32, FontData, FontDefinitions, FontFamily, FontId, TextStyle};

pub const ACCENT: Color32 = Color32::from_rgb(0x1f, 0x5f, 0xa8);
pub const SUCCESS: Color32 = Color32::from_rgb(0x1e, 0x7b, 0x34);
pub const SUCCESS_BG: Color32 = Color32::from_rgb(0xdc, 0xf3, 0xe1);
pub const ERROR: Color32 = Color32::from_rgb(0xb3, 0x26, 0x1e);
pub const WARNING_BG: Color32 = Color32::from_rgb(0xff, 0xf1, 0xc7);
/// Text of a warning: something left out, nothing refused.
pub const WARNING: Color32 = Color32::from_rgb(0x8a, 0x5a, 0x00);
pub const MUTED: Color32 = Color32::from_rgb(0x5f, 0x63, 0x68);
pub const NAV_BG: Color32 = Color32::from_rgb(0xee, 0xf2, 0xf7);
pub const CARD_BG: Color32 = Color32::from_rgb(0xf7, 0xf9, 0xfc);
pub const TEXT: Color32 = Color32::from_rgb(0x20, 0x24, 0x28);
/// The pale bar behind a value (registered behind present).
pub const BAR_TOTAL: Color32 = Color32::from_rgb(0xc9, 0xd8, 0xec);

pub const NAV_WIDTH: f32 = 178.0;
pub const FORM_WIDTH: f32 = 372.0;
/// The widest an error toast grows (an info toast fits the navigation's width).
pub const TOAST_ERROR_WIDTH: f32 = 520.0;
/// The export page: the lists, then the options, then the preview takes the rest.
pub const EXPORT_LIST_WIDTH: f32 = 300.0;
pub const EXPORT_OPTIONS_WIDTH: f32 = 250.0;
/// The programme page's list and form; the script takes the rest.
pub const PROGRAMME_WIDTH: f32 = 470.0;
/// The start time's room before an item's title in the programme list.
pub const PROGRAMME_TIME_WIDTH: f32 = 44.0;
/// The projector's type.
pub const MC_SIZE: f32 = 26.0;
/// The MC's view: read at arm's length at the lectern, at least twice the body size;
/// Ctrl+plus and Ctrl+minus change it by a step, within the bounds, and it is kept.
pub const MC_VIEW_SIZE: f32 = BODY_SIZE * 2.2;
pub const MC_VIEW_SIZE_MIN: f32 = BODY_SIZE * 2.0;
pub const MC_VIEW_SIZE_MAX: f32 = BODY_SIZE * 4.0;
pub const MC_VIEW_SIZE_STEP: f32 = 2.0;
pub const ROW_HEIGHT: f32 = 24.0;
pub const GAP: f32 = 8.0;
pub const BODY_SIZE: f32 = 14.5;
pub const HEADING_SIZE: f32 = 19.0;
pub const BIG_NUMBER_SIZE: f32 = 30.0;

const NOTO_REGULAR: &[u8] = include_bytes!("../../assets/fonts/NotoSans-Regular.ttf");
const NOTO_BOLD: &[u8] = include_bytes!("../../assets/fonts/NotoSans-Bold.ttf");

/// The bold font family, for headings and numbers.
pub fn bold() -> FontFamily {
    FontFamily::Name("bold".into())
}

/// Installs Noto Sans (egui's own font lacks ậ ệ ở ữ) and the app's light style.
pub fn install(ctx: &egui::Context) {
    let mut fonts = FontDefinitions::default();
    fonts
        .font_data
        .insert("noto".into(), Arc::new(FontData::from_static(NOTO_REGULAR)));
    fonts.font_data.insert(
        "noto-bold".into(),
        Arc::new(FontData::from_static(NOTO_BOLD)),
    );
    if let Some(list) = fonts.families.get_mut(&FontFamily::Proportional) {
        list.insert(0, "noto".into());
    }
    if let Some(list) = fonts.families.get_mut(&FontFamily::Monospace) {
        list.push("noto".into());
    }
    let mut bold_list = vec!["noto-bold".to_owned()];
    bold_list.extend(
        fonts
            .families
            .get(&FontFamily::Proportional)
            .cloned()
            .unwrap_or_default(),
    );
    fonts.families.insert(bold(), bold_list);
    ctx.set_fonts(fonts);

    ctx.set_theme(egui::Theme::Light);
    ctx.all_styles_mut(|style| {
        style.text_styles = [
            (TextStyle::Small, FontId::proportional(12.0)),
            (TextStyle::Body, FontId::proportional(BODY_SIZE)),
            (TextStyle::Button, FontId::proportional(BODY_SIZE)),
            (TextStyle::Monospace, FontId::monospace(13.0)),
            (TextStyle::Heading, FontId::new(HEADING_SIZE, bold())),
        ]
        .into();
        style.spacing.item_spacing = egui::vec2(GAP, 6.0);
        style.spacing.button_padding = egui::vec2(10.0, 4.0);
        style.spacing.interact_size.y = 26.0;
        style.visuals.selection.bg_fill = Color32::from_rgb(0xc9, 0xdd, 0xf5);
        style.visuals.selection.stroke.color = ACCENT;
    });
}

/// A big bold number, for the overview.
pub fn big_number(text: impl Into<String>) -> egui::RichText {
    egui::RichText::new(text)
        .font(FontId::new(BIG_NUMBER_SIZE, bold()))
        .color(ACCENT)
}

/// Red text for a validation message.
pub fn error_text(text: impl Into<String>) -> egui::RichText {
    egui::RichText::new(text).color(ERROR).small()
}

/// Grey helper text.
pub fn muted(text: impl Into<String>) -> egui::RichText {
    egui::RichText::new(text).color(MUTED)
}

/// Frame of a card on the overview.
pub fn card() -> egui::Frame {
    egui::Frame::new()
        .fill(CARD_BG)
        .stroke(egui::Stroke::new(1.0, Color32::from_rgb(0xd5, 0xdc, 0xe6)))
        .corner_radius(6.0)
        .inner_margin(12.0)
}
