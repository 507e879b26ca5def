//! Vietnamese typing built into the window: turned on in the top bar or with Alt+Z, it
//! writes "Nguyễn" from Telex or VNI keys in any text field, and leaves the desk's
//! search box (where a scanner types badge codes) alone.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{demo_store, go_to, harness, type_into};
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use hoinghi::ui::App;
use hoinghi::ui::typing::Method;

fn field_value(h: &Harness<'static, App>, label: &str) -> String {
    h.get_by_role_and_label(Role::TextInput, label)
        .value()
        .unwrap_or_default()
}

/// Chooses a method in the top bar's typing menu.
fn choose(h: &mut Harness<'static, App>, method: &str) {
    h.get_by_label_contains("Gõ: ").click();
    h.run();
    h.get_by_role_and_label(Role::RadioButton, method).click();
    h.run();
}

fn backspace(h: &mut Harness<'static, App>) {
    h.key_press(Key::Backspace);
    h.run();
}

#[test]
fn telex_from_the_top_bar_types_a_name_and_is_remembered() {
    let mut h = harness(demo_store());
    go_to(&mut h, "Đại biểu");
    // Off by default: keys are written as typed.
    type_into(&mut h, "Họ và tên", "Nguyeenx");
    assert_eq!(field_value(&h, "Họ và tên"), "Nguyeenx");
    for _ in 0..8 {
        backspace(&mut h);
    }
    choose(&mut h, "Telex");
    h.get_by_label("Gõ: Telex");
    type_into(&mut h, "Họ và tên", "Nguyeenx Thanh Trangf");
    assert_eq!(field_value(&h, "Họ và tên"), "Nguyễn Thanh Tràng");
    // Backspace takes the last letter shown, and the word goes on as Unikey's does.
    backspace(&mut h);
    h.event(egui::Event::Text("g".into()));
    h.run();
    assert_eq!(field_value(&h, "Họ và tên"), "Nguyễn Thanh Tràng");
    type_into(&mut h, "Đơn vị", "DDOOJI CSGT");
    assert_eq!(field_value(&h, "Đơn vị"), "ĐỘI CSGT");
    let saved = h.state().persisted().typing;
    assert_eq!(saved.method, Method::Telex, "kept for the next run");
}

#[test]
fn vni_and_old_style_tones() {
    let mut h = harness(demo_store());
    go_to(&mut h, "Đại biểu");
    choose(&mut h, "VNI");
    type_into(&mut h, "Họ và tên", "Nguye6n4 Thi5 Hoa2");
    assert_eq!(field_value(&h, "Họ và tên"), "Nguyễn Thị Hoà");
    h.get_by_label_contains("Gõ: ").click();
    h.run();
    h.get_by_label("Bỏ dấu kiểu cũ (hòa, thủy)").click();
    h.run();
    assert!(h.state().persisted().typing.old_style);
    type_into(&mut h, "Đơn vị", "Ho2a Bi2nh");
    assert_eq!(field_value(&h, "Đơn vị"), "Hòa Bình");
    // Phone numbers stay numbers.
    type_into(&mut h, "Số điện thoại", "0912345678");
    assert_eq!(field_value(&h, "Số điện thoại"), "0912345678");
}

#[test]
fn alt_z_switches_typing_and_the_desk_box_is_never_changed() {
    let mut h = harness(demo_store());
    h.key_press_modifiers(Modifiers::ALT, Key::Z);
    h.run();
    assert_eq!(h.state().persisted().typing.method, Method::Telex);
    go_to(&mut h, "Bàn đón tiếp");
    let label = "Gõ vài chữ của họ tên, đơn vị hoặc số điện thoại";
    type_into(&mut h, label, "nguyeenx 2026");
    assert_eq!(
        field_value(&h, label),
        "nguyeenx 2026",
        "the desk box is left alone"
    );
    h.key_press_modifiers(Modifiers::ALT, Key::Z);
    h.run();
    assert_eq!(h.state().persisted().typing.method, Method::Off);
    assert_eq!(
        h.state().persisted().typing.last_on,
        Some(Method::Telex),
        "Alt+Z brings Telex back"
    );
}
