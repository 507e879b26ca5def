//! Vietnamese typing built into every text field, for a borrowed laptop without Unikey:
//! Telex or VNI through the `vi` engine, switched on in the top bar (or Alt+Z), off by
//! default. It rewrites the frame's typed text before any field sees it: each key of a
//! word re-runs the engine over the word's keys and replaces what the word showed with
//! Backspaces and the new text, so every field works the same. Backspace takes the last
//! letter shown, as Unikey does; a click, an arrow key or a space starts a new word.

use egui::{Event, Key, Modifiers};
use serde::{Deserialize, Serialize};
use unicode_normalization::UnicodeNormalization as _;

/// How keys become Vietnamese letters.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Method {
    /// No transformation: what is typed is what is written (Unikey on, or English).
    #[default]
    Off,
    /// aa â, aw ă, ee ê, oo ô, ow ơ, uw ư, dd đ; s f r x j the tones; z takes a tone off.
    Telex,
    /// 6 ^, 7 horn, 8 breve, 9 đ; 1 to 5 the tones; 0 takes a tone off.
    Vni,
}

/// What is remembered between runs.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Settings {
    pub method: Method,
    /// The method Alt+Z switches back on.
    pub last_on: Option<Method>,
    /// Tones on the first vowel of oa, oe, uy ("hòa", "thủy") instead of the second.
    pub old_style: bool,
}

/// The engine's state for the field being typed in.
#[derive(Debug, Default)]
pub struct Typing {
    pub settings: Settings,
    /// The keys of the word being typed, as the engine reads them.
    keys: Vec<char>,
    focus: Option<egui::Id>,
}

/// The field no transformation may touch: the check-in desk's box, where a scanner
/// types badge codes.
pub fn untouched_field() -> egui::Id {
    egui::Id::unique("desk_search_box")
}

impl Typing {
    pub fn new(settings: Settings) -> Self {
        Self {
            settings,
            ..Self::default()
        }
    }

    /// Switches typing on (the last method used, Telex at first) or off.
    pub fn toggle(&mut self) {
        self.settings.method = match self.settings.method {
            Method::Off => self.settings.last_on.unwrap_or(Method::Telex),
            on => {
                self.settings.last_on = Some(on);
                Method::Off
            }
        };
        self.keys.clear();
    }

    /// New settings from the menu; the method chosen is the one Alt+Z brings back.
    pub fn set(&mut self, settings: Settings) {
        self.settings = settings;
        if settings.method != Method::Off {
            self.settings.last_on = Some(settings.method);
        }
        self.keys.clear();
    }

    /// Rewrites this frame's keys for the focused text field. Called at the start of the
    /// frame, before any widget reads the input.
    pub fn preprocess(&mut self, ctx: &egui::Context) {
        let toggle = ctx.input_mut(|i| i.consume_key(Modifiers::ALT, Key::Z));
        if toggle {
            self.toggle();
        }
        let focused = ctx.memory(egui::Memory::focused);
        if focused != self.focus {
            self.keys.clear();
            self.focus = focused;
        }
        if self.settings.method == Method::Off
            || focused.is_none()
            || focused == Some(untouched_field())
        {
            return;
        }
        ctx.input_mut(|i| {
            let events = std::mem::take(&mut i.events);
            let mut out = Vec::with_capacity(events.len());
            for e in events {
                self.event(e, &mut out);
            }
            i.events = out;
        });
    }

    fn event(&mut self, e: Event, out: &mut Vec<Event>) {
        match &e {
            Event::Text(text) => {
                for c in text.chars() {
                    self.key(c, out);
                }
                return;
            }
            Event::Key {
                key: Key::Backspace,
                pressed: true,
                modifiers,
                ..
            } if modifiers.is_none() && !self.keys.is_empty() => {
                // The last letter shown goes; the keys are those of what stays.
                let mut shown: Vec<char> = self.view(&self.keys).chars().collect();
                shown.pop();
                let rest: String = shown.into_iter().collect();
                self.keys = keys_of(&rest, self.settings.method);
            }
            // The window sends a Key before the Text of every letter typed: only keys
            // that move the cursor or act on the field end the word.
            Event::Key {
                key,
                pressed: true,
                modifiers,
                ..
            } if ends_word(*key, *modifiers) => self.keys.clear(),
            Event::PointerButton { pressed: true, .. } | Event::Paste(_) | Event::Ime(_) => {
                self.keys.clear();
            }
            _ => {}
        }
        out.push(e);
    }

    /// One typed character: part of a word goes through the engine, anything else ends it.
    fn key(&mut self, c: char, out: &mut Vec<Event>) {
        let method = self.settings.method;
        let in_word = method != Method::Off && c.is_ascii_alphabetic()
            || (method == Method::Vni
                && c.is_ascii_digit()
                && self.keys.iter().any(char::is_ascii_alphabetic));
        if !in_word {
            self.keys.clear();
            out.push(Event::Text(c.to_string()));
            return;
        }
        let before = self.view(&self.keys);
        self.keys.push(c);
        let after = self.view(&self.keys);
        let plain = after.strip_prefix(before.as_str()) == Some(c.encode_utf8(&mut [0; 4]));
        if plain {
            out.push(Event::Text(c.to_string()));
            return;
        }
        for _ in before.chars() {
            out.push(Event::Key {
                key: Key::Backspace,
                physical_key: None,
                pressed: true,
                repeat: false,
                modifiers: Modifiers::NONE,
            });
        }
        out.push(Event::Text(after));
    }

    /// What the engine makes of a word's keys.
    fn view(&self, keys: &[char]) -> String {
        let definition = match self.settings.method {
            Method::Vni => &vi::VNI,
            Method::Telex | Method::Off => &vi::TELEX,
        };
        let style = if self.settings.old_style {
            vi::processor::AccentStyle::Old
        } else {
            vi::processor::AccentStyle::New
        };
        let mut out = String::new();
        vi::transform_buffer_with_style(definition, style, keys.iter().copied(), &mut out);
        out
    }
}

fn ends_word(key: Key, modifiers: Modifiers) -> bool {
    use Key as K;
    modifiers.command
        || modifiers.ctrl
        || modifiers.alt
        || matches!(
            key,
            K::ArrowLeft
                | K::ArrowRight
                | K::ArrowUp
                | K::ArrowDown
                | K::Home
                | K::End
                | K::PageUp
                | K::PageDown
                | K::Enter
                | K::Tab
                | K::Escape
                | K::Delete
                | K::Space
        )
}

/// The keys that type `word` in `method` ("được" is `dduwowcj` in Telex, `d9u7o7c5` in
/// VNI): marks after their letter, the tone at the end.
pub fn keys_of(word: &str, method: Method) -> Vec<char> {
    let telex = method != Method::Vni;
    let mut keys = Vec::with_capacity(word.len() * 2);
    let mut tone = None;
    for c in word.chars() {
        if c == 'đ' || c == 'Đ' {
            keys.push(if c == 'đ' { 'd' } else { 'D' });
            keys.push(if telex { 'd' } else { '9' });
            continue;
        }
        let mut base = None;
        for part in c.nfd() {
            match part {
                '\u{302}' => keys.push(if telex {
                    base.unwrap_or('a').to_ascii_lowercase()
                } else {
                    '6'
                }),
                '\u{31b}' => keys.push(if telex { 'w' } else { '7' }),
                '\u{306}' => keys.push(if telex { 'w' } else { '8' }),
                '\u{301}' => tone = Some(if telex { 's' } else { '1' }),
                '\u{300}' => tone = Some(if telex { 'f' } else { '2' }),
                '\u{309}' => tone = Some(if telex { 'r' } else { '3' }),
                '\u{303}' => tone = Some(if telex { 'x' } else { '4' }),
                '\u{323}' => tone = Some(if telex { 'j' } else { '5' }),
                letter => {
                    base = Some(letter);
                    keys.push(letter);
                }
            }
        }
    }
    keys.extend(tone);
    keys
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(method: Method, old_style: bool, input: &[Event]) -> Vec<Event> {
        let mut t = Typing::new(Settings {
            method,
            last_on: None,
            old_style,
        });
        let mut out = Vec::new();
        for e in input {
            t.event(e.clone(), &mut out);
        }
        out
    }

    /// What a text field shows after `events`, Backspace included.
    fn shown(events: &[Event]) -> String {
        let mut text = String::new();
        for e in events {
            match e {
                Event::Text(t) => text.push_str(t),
                Event::Key {
                    key: Key::Backspace,
                    pressed: true,
                    ..
                } => {
                    text.pop();
                }
                _ => {}
            }
        }
        text
    }

    fn text(t: &str) -> Event {
        Event::Text(t.to_owned())
    }

    fn backspace() -> Event {
        Event::Key {
            key: Key::Backspace,
            physical_key: None,
            pressed: true,
            repeat: false,
            modifiers: Modifiers::NONE,
        }
    }

    #[test]
    fn telex_and_vni_type_names() {
        let telex = typed(Method::Telex, false, &[text("Nguyeenx Thanh Trangf")]);
        assert_eq!(shown(&telex), "Nguyễn Thanh Tràng");
        let vni = typed(Method::Vni, false, &[text("Nguye6n4 Thanh Tra2ng")]);
        assert_eq!(shown(&vni), "Nguyễn Thanh Tràng");
        let caps = typed(Method::Telex, false, &[text("DDAWNGJ THIJ HUWOWFNG")]);
        assert_eq!(shown(&caps), "ĐẶNG THỊ HƯỜNG");
        // Unikey types what the issue wrote: "Traang" is Trâng.
        let issue = typed(Method::Telex, false, &[text("Nguyeenx Thanh Traang")]);
        assert_eq!(shown(&issue), "Nguyễn Thanh Trâng");
    }

    /// A real window sends each key press before the text it types.
    #[test]
    fn key_presses_before_their_text_keep_the_word() {
        let mut input = Vec::new();
        for c in "Nguyeenx".chars() {
            let key = Key::from_name(&c.to_ascii_uppercase().to_string()).expect("a letter key");
            input.push(Event::Key {
                key,
                physical_key: None,
                pressed: true,
                repeat: false,
                modifiers: if c.is_uppercase() {
                    Modifiers::SHIFT
                } else {
                    Modifiers::NONE
                },
            });
            input.push(text(&c.to_string()));
        }
        assert_eq!(shown(&typed(Method::Telex, false, &input)), "Nguyễn");
        // An arrow key ends the word: what follows starts a new one.
        let arrow = Event::Key {
            key: Key::ArrowLeft,
            physical_key: None,
            pressed: true,
            repeat: false,
            modifiers: Modifiers::NONE,
        };
        let events = typed(Method::Telex, false, &[text("a"), arrow, text("a")]);
        assert_eq!(shown(&events), "aa");
    }

    #[test]
    fn tone_placement_follows_the_setting() {
        assert_eq!(
            shown(&typed(Method::Telex, false, &[text("hoaf thuyr")])),
            "hoà thuỷ"
        );
        assert_eq!(
            shown(&typed(Method::Telex, true, &[text("hoaf thuyr")])),
            "hòa thủy"
        );
    }

    #[test]
    fn backspace_takes_the_last_letter_shown_and_typing_goes_on() {
        let events = typed(
            Method::Telex,
            false,
            &[text("Nguyeenx"), backspace(), text("n")],
        );
        assert_eq!(shown(&events), "Nguyễn");
        let events = typed(
            Method::Telex,
            false,
            &[text("vieetj"), backspace(), text("t")],
        );
        assert_eq!(shown(&events), "việt");
    }

    #[test]
    fn numbers_and_off_are_left_alone() {
        assert_eq!(
            shown(&typed(Method::Vni, false, &[text("0912345678")])),
            "0912345678"
        );
        assert_eq!(
            shown(&typed(Method::Telex, false, &[text("case 2026")])),
            "cáe 2026"
        );
        assert_eq!(shown(&typed(Method::Off, false, &[text("case")])), "case");
    }

    #[test]
    fn keys_of_what_is_shown_type_it_again() {
        for word in ["được", "Nguyễn", "ĐẶNG", "thuở", "khuya", "Quỳnh"] {
            for method in [Method::Telex, Method::Vni] {
                let keys = keys_of(word, method);
                let t = Typing::new(Settings {
                    method,
                    last_on: None,
                    old_style: false,
                });
                assert_eq!(t.view(&keys), word, "{method:?} {keys:?}");
            }
        }
    }
}
