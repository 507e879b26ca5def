//! Conversion tables of the legacy Vietnamese encodings, as the characters they show up
//! as in spreadsheets and CSV files (each legacy byte read as Windows-1252).
//!
//! Generated from Unikey's converter tables (`unikey/data.cpp` of fcitx5-unikey, commit
//! 6ea3b376), paired index by index with its Unicode table, and checked entry for entry
//! against xvnkb's `tcvn.h`/`vni.h`/`viqr.h`, glibc's TCVN5712-1 charmap (for the 74
//! TCVN3 codes) and duydev/vietnamese-conversion at 46413a05. Keys and values are
//! written as escapes so no editor can decompose them.

/// TCVN 5712:1993 VN3 ("TCVN3", "ABC"; fonts `.VnTime`, `.VnArial`, ...).
///
/// 67 lowercase letters with marks + the 7 uppercase letters that VN3 has:
/// Ă Â Đ Ê Ô Ơ Ư (0xA1..=0xA7). VN3 has NO codes for uppercase letters with a
/// tone mark (Á Ầ Ễ Ự ...); they are deliberately left out of this table.
/// Such letters were written with the uppercase-glyph fonts (`.VnTimeH`,
/// `.VnArialH`, ...), which draw the *lowercase* codes below as capitals:
/// "NGUYỄN" is stored as "NGUYÔN" (Ô = 0xD4 = ễ). Unikey's converter likewise
/// encodes Á and á both as 0xB8 and decodes 0xB8 as á. After decoding, such
/// all-caps text must be upper-cased (`fix_vntimeh` in the research notes).
///
/// Values are one character each; note ư = U+00AD SOFT HYPHEN (often
/// invisible, sometimes stripped by tools).
pub const TCVN3: &[(char, &str)] = &[
    ('\u{E1}', "\u{B8}"),   // á  0xB8  ¸
    ('\u{E0}', "\u{B5}"),   // à  0xB5  µ
    ('\u{1EA3}', "\u{B6}"), // ả  0xB6  ¶
    ('\u{E3}', "\u{B7}"),   // ã  0xB7  ·
    ('\u{1EA1}', "\u{B9}"), // ạ  0xB9  ¹
    ('\u{E2}', "\u{A9}"),   // â  0xA9  ©
    ('\u{1EA5}', "\u{CA}"), // ấ  0xCA  Ê
    ('\u{1EA7}', "\u{C7}"), // ầ  0xC7  Ç
    ('\u{1EA9}', "\u{C8}"), // ẩ  0xC8  È
    ('\u{1EAB}', "\u{C9}"), // ẫ  0xC9  É
    ('\u{1EAD}', "\u{CB}"), // ậ  0xCB  Ë
    ('\u{103}', "\u{A8}"),  // ă  0xA8  ¨
    ('\u{1EAF}', "\u{BE}"), // ắ  0xBE  ¾
    ('\u{1EB1}', "\u{BB}"), // ằ  0xBB  »
    ('\u{1EB3}', "\u{BC}"), // ẳ  0xBC  ¼
    ('\u{1EB5}', "\u{BD}"), // ẵ  0xBD  ½
    ('\u{1EB7}', "\u{C6}"), // ặ  0xC6  Æ
    ('\u{111}', "\u{AE}"),  // đ  0xAE  ®
    ('\u{E9}', "\u{D0}"),   // é  0xD0  Ð
    ('\u{E8}', "\u{CC}"),   // è  0xCC  Ì
    ('\u{1EBB}', "\u{CE}"), // ẻ  0xCE  Î
    ('\u{1EBD}', "\u{CF}"), // ẽ  0xCF  Ï
    ('\u{1EB9}', "\u{D1}"), // ẹ  0xD1  Ñ
    ('\u{EA}', "\u{AA}"),   // ê  0xAA  ª
    ('\u{1EBF}', "\u{D5}"), // ế  0xD5  Õ
    ('\u{1EC1}', "\u{D2}"), // ề  0xD2  Ò
    ('\u{1EC3}', "\u{D3}"), // ể  0xD3  Ó
    ('\u{1EC5}', "\u{D4}"), // ễ  0xD4  Ô
    ('\u{1EC7}', "\u{D6}"), // ệ  0xD6  Ö
    ('\u{ED}', "\u{DD}"),   // í  0xDD  Ý
    ('\u{EC}', "\u{D7}"),   // ì  0xD7  ×
    ('\u{1EC9}', "\u{D8}"), // ỉ  0xD8  Ø
    ('\u{129}', "\u{DC}"),  // ĩ  0xDC  Ü
    ('\u{1ECB}', "\u{DE}"), // ị  0xDE  Þ
    ('\u{F3}', "\u{E3}"),   // ó  0xE3  ã
    ('\u{F2}', "\u{DF}"),   // ò  0xDF  ß
    ('\u{1ECF}', "\u{E1}"), // ỏ  0xE1  á
    ('\u{F5}', "\u{E2}"),   // õ  0xE2  â
    ('\u{1ECD}', "\u{E4}"), // ọ  0xE4  ä
    ('\u{F4}', "\u{AB}"),   // ô  0xAB  «
    ('\u{1ED1}', "\u{E8}"), // ố  0xE8  è
    ('\u{1ED3}', "\u{E5}"), // ồ  0xE5  å
    ('\u{1ED5}', "\u{E6}"), // ổ  0xE6  æ
    ('\u{1ED7}', "\u{E7}"), // ỗ  0xE7  ç
    ('\u{1ED9}', "\u{E9}"), // ộ  0xE9  é
    ('\u{1A1}', "\u{AC}"),  // ơ  0xAC  ¬
    ('\u{1EDB}', "\u{ED}"), // ớ  0xED  í
    ('\u{1EDD}', "\u{EA}"), // ờ  0xEA  ê
    ('\u{1EDF}', "\u{EB}"), // ở  0xEB  ë
    ('\u{1EE1}', "\u{EC}"), // ỡ  0xEC  ì
    ('\u{1EE3}', "\u{EE}"), // ợ  0xEE  î
    ('\u{FA}', "\u{F3}"),   // ú  0xF3  ó
    ('\u{F9}', "\u{EF}"),   // ù  0xEF  ï
    ('\u{1EE7}', "\u{F1}"), // ủ  0xF1  ñ
    ('\u{169}', "\u{F2}"),  // ũ  0xF2  ò
    ('\u{1EE5}', "\u{F4}"), // ụ  0xF4  ô
    ('\u{1B0}', "\u{AD}"),  // ư  0xAD  <SHY>
    ('\u{1EE9}', "\u{F8}"), // ứ  0xF8  ø
    ('\u{1EEB}', "\u{F5}"), // ừ  0xF5  õ
    ('\u{1EED}', "\u{F6}"), // ử  0xF6  ö
    ('\u{1EEF}', "\u{F7}"), // ữ  0xF7  ÷
    ('\u{1EF1}', "\u{F9}"), // ự  0xF9  ù
    ('\u{FD}', "\u{FD}"),   // ý  0xFD  ý
    ('\u{1EF3}', "\u{FA}"), // ỳ  0xFA  ú
    ('\u{1EF7}', "\u{FB}"), // ỷ  0xFB  û
    ('\u{1EF9}', "\u{FC}"), // ỹ  0xFC  ü
    ('\u{1EF5}', "\u{FE}"), // ỵ  0xFE  þ
    ('\u{C2}', "\u{A2}"),   // Â  0xA2  ¢
    ('\u{102}', "\u{A1}"),  // Ă  0xA1  ¡
    ('\u{110}', "\u{A7}"),  // Đ  0xA7  §
    ('\u{CA}', "\u{A3}"),   // Ê  0xA3  £
    ('\u{D4}', "\u{A4}"),   // Ô  0xA4  ¤
    ('\u{1A0}', "\u{A5}"),  // Ơ  0xA5  ¥
    ('\u{1AF}', "\u{A6}"),  // Ư  0xA6  ¦
];

/// VNI-Windows (fonts `VNI-Times`, `VNI-Helve`, ...). Base letter followed by
/// a mark byte; uppercase letters have their own (uppercase) mark bytes.
/// Exceptions that are a single byte: đ/Đ = ñ/Ñ, ơ/Ơ = ô/Ô, ư/Ư = ö/Ö,
/// the toned i letters (í ì æ ó ò / Í Ì Æ Ó Ò) and ỵ/Ỵ = î/Î.
/// Toned ơ/ư are ô/ö + tone byte (ớ = "ôù", ự = "öï").
pub const VNI_WIN: &[(char, &str)] = &[
    ('\u{E1}', "a\u{F9}"),        // á  61 F9  aù
    ('\u{E0}', "a\u{F8}"),        // à  61 F8  aø
    ('\u{1EA3}', "a\u{FB}"),      // ả  61 FB  aû
    ('\u{E3}', "a\u{F5}"),        // ã  61 F5  aõ
    ('\u{1EA1}', "a\u{EF}"),      // ạ  61 EF  aï
    ('\u{C1}', "A\u{D9}"),        // Á  41 D9  AÙ
    ('\u{C0}', "A\u{D8}"),        // À  41 D8  AØ
    ('\u{1EA2}', "A\u{DB}"),      // Ả  41 DB  AÛ
    ('\u{C3}', "A\u{D5}"),        // Ã  41 D5  AÕ
    ('\u{1EA0}', "A\u{CF}"),      // Ạ  41 CF  AÏ
    ('\u{E2}', "a\u{E2}"),        // â  61 E2  aâ
    ('\u{1EA5}', "a\u{E1}"),      // ấ  61 E1  aá
    ('\u{1EA7}', "a\u{E0}"),      // ầ  61 E0  aà
    ('\u{1EA9}', "a\u{E5}"),      // ẩ  61 E5  aå
    ('\u{1EAB}', "a\u{E3}"),      // ẫ  61 E3  aã
    ('\u{1EAD}', "a\u{E4}"),      // ậ  61 E4  aä
    ('\u{C2}', "A\u{C2}"),        // Â  41 C2  AÂ
    ('\u{1EA4}', "A\u{C1}"),      // Ấ  41 C1  AÁ
    ('\u{1EA6}', "A\u{C0}"),      // Ầ  41 C0  AÀ
    ('\u{1EA8}', "A\u{C5}"),      // Ẩ  41 C5  AÅ
    ('\u{1EAA}', "A\u{C3}"),      // Ẫ  41 C3  AÃ
    ('\u{1EAC}', "A\u{C4}"),      // Ậ  41 C4  AÄ
    ('\u{103}', "a\u{EA}"),       // ă  61 EA  aê
    ('\u{1EAF}', "a\u{E9}"),      // ắ  61 E9  aé
    ('\u{1EB1}', "a\u{E8}"),      // ằ  61 E8  aè
    ('\u{1EB3}', "a\u{FA}"),      // ẳ  61 FA  aú
    ('\u{1EB5}', "a\u{FC}"),      // ẵ  61 FC  aü
    ('\u{1EB7}', "a\u{EB}"),      // ặ  61 EB  aë
    ('\u{102}', "A\u{CA}"),       // Ă  41 CA  AÊ
    ('\u{1EAE}', "A\u{C9}"),      // Ắ  41 C9  AÉ
    ('\u{1EB0}', "A\u{C8}"),      // Ằ  41 C8  AÈ
    ('\u{1EB2}', "A\u{DA}"),      // Ẳ  41 DA  AÚ
    ('\u{1EB4}', "A\u{DC}"),      // Ẵ  41 DC  AÜ
    ('\u{1EB6}', "A\u{CB}"),      // Ặ  41 CB  AË
    ('\u{111}', "\u{F1}"),        // đ  F1  ñ
    ('\u{110}', "\u{D1}"),        // Đ  D1  Ñ
    ('\u{E9}', "e\u{F9}"),        // é  65 F9  eù
    ('\u{E8}', "e\u{F8}"),        // è  65 F8  eø
    ('\u{1EBB}', "e\u{FB}"),      // ẻ  65 FB  eû
    ('\u{1EBD}', "e\u{F5}"),      // ẽ  65 F5  eõ
    ('\u{1EB9}', "e\u{EF}"),      // ẹ  65 EF  eï
    ('\u{C9}', "E\u{D9}"),        // É  45 D9  EÙ
    ('\u{C8}', "E\u{D8}"),        // È  45 D8  EØ
    ('\u{1EBA}', "E\u{DB}"),      // Ẻ  45 DB  EÛ
    ('\u{1EBC}', "E\u{D5}"),      // Ẽ  45 D5  EÕ
    ('\u{1EB8}', "E\u{CF}"),      // Ẹ  45 CF  EÏ
    ('\u{EA}', "e\u{E2}"),        // ê  65 E2  eâ
    ('\u{1EBF}', "e\u{E1}"),      // ế  65 E1  eá
    ('\u{1EC1}', "e\u{E0}"),      // ề  65 E0  eà
    ('\u{1EC3}', "e\u{E5}"),      // ể  65 E5  eå
    ('\u{1EC5}', "e\u{E3}"),      // ễ  65 E3  eã
    ('\u{1EC7}', "e\u{E4}"),      // ệ  65 E4  eä
    ('\u{CA}', "E\u{C2}"),        // Ê  45 C2  EÂ
    ('\u{1EBE}', "E\u{C1}"),      // Ế  45 C1  EÁ
    ('\u{1EC0}', "E\u{C0}"),      // Ề  45 C0  EÀ
    ('\u{1EC2}', "E\u{C5}"),      // Ể  45 C5  EÅ
    ('\u{1EC4}', "E\u{C3}"),      // Ễ  45 C3  EÃ
    ('\u{1EC6}', "E\u{C4}"),      // Ệ  45 C4  EÄ
    ('\u{ED}', "\u{ED}"),         // í  ED  í
    ('\u{EC}', "\u{EC}"),         // ì  EC  ì
    ('\u{1EC9}', "\u{E6}"),       // ỉ  E6  æ
    ('\u{129}', "\u{F3}"),        // ĩ  F3  ó
    ('\u{1ECB}', "\u{F2}"),       // ị  F2  ò
    ('\u{CD}', "\u{CD}"),         // Í  CD  Í
    ('\u{CC}', "\u{CC}"),         // Ì  CC  Ì
    ('\u{1EC8}', "\u{C6}"),       // Ỉ  C6  Æ
    ('\u{128}', "\u{D3}"),        // Ĩ  D3  Ó
    ('\u{1ECA}', "\u{D2}"),       // Ị  D2  Ò
    ('\u{F3}', "o\u{F9}"),        // ó  6F F9  où
    ('\u{F2}', "o\u{F8}"),        // ò  6F F8  oø
    ('\u{1ECF}', "o\u{FB}"),      // ỏ  6F FB  oû
    ('\u{F5}', "o\u{F5}"),        // õ  6F F5  oõ
    ('\u{1ECD}', "o\u{EF}"),      // ọ  6F EF  oï
    ('\u{D3}', "O\u{D9}"),        // Ó  4F D9  OÙ
    ('\u{D2}', "O\u{D8}"),        // Ò  4F D8  OØ
    ('\u{1ECE}', "O\u{DB}"),      // Ỏ  4F DB  OÛ
    ('\u{D5}', "O\u{D5}"),        // Õ  4F D5  OÕ
    ('\u{1ECC}', "O\u{CF}"),      // Ọ  4F CF  OÏ
    ('\u{F4}', "o\u{E2}"),        // ô  6F E2  oâ
    ('\u{1ED1}', "o\u{E1}"),      // ố  6F E1  oá
    ('\u{1ED3}', "o\u{E0}"),      // ồ  6F E0  oà
    ('\u{1ED5}', "o\u{E5}"),      // ổ  6F E5  oå
    ('\u{1ED7}', "o\u{E3}"),      // ỗ  6F E3  oã
    ('\u{1ED9}', "o\u{E4}"),      // ộ  6F E4  oä
    ('\u{D4}', "O\u{C2}"),        // Ô  4F C2  OÂ
    ('\u{1ED0}', "O\u{C1}"),      // Ố  4F C1  OÁ
    ('\u{1ED2}', "O\u{C0}"),      // Ồ  4F C0  OÀ
    ('\u{1ED4}', "O\u{C5}"),      // Ổ  4F C5  OÅ
    ('\u{1ED6}', "O\u{C3}"),      // Ỗ  4F C3  OÃ
    ('\u{1ED8}', "O\u{C4}"),      // Ộ  4F C4  OÄ
    ('\u{1A1}', "\u{F4}"),        // ơ  F4  ô
    ('\u{1EDB}', "\u{F4}\u{F9}"), // ớ  F4 F9  ôù
    ('\u{1EDD}', "\u{F4}\u{F8}"), // ờ  F4 F8  ôø
    ('\u{1EDF}', "\u{F4}\u{FB}"), // ở  F4 FB  ôû
    ('\u{1EE1}', "\u{F4}\u{F5}"), // ỡ  F4 F5  ôõ
    ('\u{1EE3}', "\u{F4}\u{EF}"), // ợ  F4 EF  ôï
    ('\u{1A0}', "\u{D4}"),        // Ơ  D4  Ô
    ('\u{1EDA}', "\u{D4}\u{D9}"), // Ớ  D4 D9  ÔÙ
    ('\u{1EDC}', "\u{D4}\u{D8}"), // Ờ  D4 D8  ÔØ
    ('\u{1EDE}', "\u{D4}\u{DB}"), // Ở  D4 DB  ÔÛ
    ('\u{1EE0}', "\u{D4}\u{D5}"), // Ỡ  D4 D5  ÔÕ
    ('\u{1EE2}', "\u{D4}\u{CF}"), // Ợ  D4 CF  ÔÏ
    ('\u{FA}', "u\u{F9}"),        // ú  75 F9  uù
    ('\u{F9}', "u\u{F8}"),        // ù  75 F8  uø
    ('\u{1EE7}', "u\u{FB}"),      // ủ  75 FB  uû
    ('\u{169}', "u\u{F5}"),       // ũ  75 F5  uõ
    ('\u{1EE5}', "u\u{EF}"),      // ụ  75 EF  uï
    ('\u{DA}', "U\u{D9}"),        // Ú  55 D9  UÙ
    ('\u{D9}', "U\u{D8}"),        // Ù  55 D8  UØ
    ('\u{1EE6}', "U\u{DB}"),      // Ủ  55 DB  UÛ
    ('\u{168}', "U\u{D5}"),       // Ũ  55 D5  UÕ
    ('\u{1EE4}', "U\u{CF}"),      // Ụ  55 CF  UÏ
    ('\u{1B0}', "\u{F6}"),        // ư  F6  ö
    ('\u{1EE9}', "\u{F6}\u{F9}"), // ứ  F6 F9  öù
    ('\u{1EEB}', "\u{F6}\u{F8}"), // ừ  F6 F8  öø
    ('\u{1EED}', "\u{F6}\u{FB}"), // ử  F6 FB  öû
    ('\u{1EEF}', "\u{F6}\u{F5}"), // ữ  F6 F5  öõ
    ('\u{1EF1}', "\u{F6}\u{EF}"), // ự  F6 EF  öï
    ('\u{1AF}', "\u{D6}"),        // Ư  D6  Ö
    ('\u{1EE8}', "\u{D6}\u{D9}"), // Ứ  D6 D9  ÖÙ
    ('\u{1EEA}', "\u{D6}\u{D8}"), // Ừ  D6 D8  ÖØ
    ('\u{1EEC}', "\u{D6}\u{DB}"), // Ử  D6 DB  ÖÛ
    ('\u{1EEE}', "\u{D6}\u{D5}"), // Ữ  D6 D5  ÖÕ
    ('\u{1EF0}', "\u{D6}\u{CF}"), // Ự  D6 CF  ÖÏ
    ('\u{FD}', "y\u{F9}"),        // ý  79 F9  yù
    ('\u{1EF3}', "y\u{F8}"),      // ỳ  79 F8  yø
    ('\u{1EF7}', "y\u{FB}"),      // ỷ  79 FB  yû
    ('\u{1EF9}', "y\u{F5}"),      // ỹ  79 F5  yõ
    ('\u{1EF5}', "\u{EE}"),       // ỵ  EE  î
    ('\u{DD}', "Y\u{D9}"),        // Ý  59 D9  YÙ
    ('\u{1EF2}', "Y\u{D8}"),      // Ỳ  59 D8  YØ
    ('\u{1EF6}', "Y\u{DB}"),      // Ỷ  59 DB  YÛ
    ('\u{1EF8}', "Y\u{D5}"),      // Ỹ  59 D5  YÕ
    ('\u{1EF4}', "\u{CE}"),       // Ỵ  CE  Î
];

/// VIQR (RFC 1456 "Vietnamese Quoted-Readable"), 7-bit ASCII: base letter,
/// then shape mark ( breve `(`, circumflex `^`, horn `+` ), then tone mark
/// (acute `'`, grave `` ` ``, hook `?`, tilde `~`, dot below `.`); đ = "dd",
/// Đ = "DD" (input also seen as "Dd"). Order of marks as in Unikey's
/// `VIQRTable` and RFC 1456 ("u+'" = ứ). A literal mark character after a
/// vowel is escaped with a backslash (`\.`, `\?`) in conforming text.
pub const VIQR: &[(char, &str)] = &[
    ('\u{E1}', "a'"),    // á  a'
    ('\u{E0}', "a`"),    // à  a`
    ('\u{1EA3}', "a?"),  // ả  a?
    ('\u{E3}', "a~"),    // ã  a~
    ('\u{1EA1}', "a."),  // ạ  a.
    ('\u{C1}', "A'"),    // Á  A'
    ('\u{C0}', "A`"),    // À  A`
    ('\u{1EA2}', "A?"),  // Ả  A?
    ('\u{C3}', "A~"),    // Ã  A~
    ('\u{1EA0}', "A."),  // Ạ  A.
    ('\u{E2}', "a^"),    // â  a^
    ('\u{1EA5}', "a^'"), // ấ  a^'
    ('\u{1EA7}', "a^`"), // ầ  a^`
    ('\u{1EA9}', "a^?"), // ẩ  a^?
    ('\u{1EAB}', "a^~"), // ẫ  a^~
    ('\u{1EAD}', "a^."), // ậ  a^.
    ('\u{C2}', "A^"),    // Â  A^
    ('\u{1EA4}', "A^'"), // Ấ  A^'
    ('\u{1EA6}', "A^`"), // Ầ  A^`
    ('\u{1EA8}', "A^?"), // Ẩ  A^?
    ('\u{1EAA}', "A^~"), // Ẫ  A^~
    ('\u{1EAC}', "A^."), // Ậ  A^.
    ('\u{103}', "a("),   // ă  a(
    ('\u{1EAF}', "a('"), // ắ  a('
    ('\u{1EB1}', "a(`"), // ằ  a(`
    ('\u{1EB3}', "a(?"), // ẳ  a(?
    ('\u{1EB5}', "a(~"), // ẵ  a(~
    ('\u{1EB7}', "a(."), // ặ  a(.
    ('\u{102}', "A("),   // Ă  A(
    ('\u{1EAE}', "A('"), // Ắ  A('
    ('\u{1EB0}', "A(`"), // Ằ  A(`
    ('\u{1EB2}', "A(?"), // Ẳ  A(?
    ('\u{1EB4}', "A(~"), // Ẵ  A(~
    ('\u{1EB6}', "A(."), // Ặ  A(.
    ('\u{111}', "dd"),   // đ  dd
    ('\u{110}', "DD"),   // Đ  DD
    ('\u{E9}', "e'"),    // é  e'
    ('\u{E8}', "e`"),    // è  e`
    ('\u{1EBB}', "e?"),  // ẻ  e?
    ('\u{1EBD}', "e~"),  // ẽ  e~
    ('\u{1EB9}', "e."),  // ẹ  e.
    ('\u{C9}', "E'"),    // É  E'
    ('\u{C8}', "E`"),    // È  E`
    ('\u{1EBA}', "E?"),  // Ẻ  E?
    ('\u{1EBC}', "E~"),  // Ẽ  E~
    ('\u{1EB8}', "E."),  // Ẹ  E.
    ('\u{EA}', "e^"),    // ê  e^
    ('\u{1EBF}', "e^'"), // ế  e^'
    ('\u{1EC1}', "e^`"), // ề  e^`
    ('\u{1EC3}', "e^?"), // ể  e^?
    ('\u{1EC5}', "e^~"), // ễ  e^~
    ('\u{1EC7}', "e^."), // ệ  e^.
    ('\u{CA}', "E^"),    // Ê  E^
    ('\u{1EBE}', "E^'"), // Ế  E^'
    ('\u{1EC0}', "E^`"), // Ề  E^`
    ('\u{1EC2}', "E^?"), // Ể  E^?
    ('\u{1EC4}', "E^~"), // Ễ  E^~
    ('\u{1EC6}', "E^."), // Ệ  E^.
    ('\u{ED}', "i'"),    // í  i'
    ('\u{EC}', "i`"),    // ì  i`
    ('\u{1EC9}', "i?"),  // ỉ  i?
    ('\u{129}', "i~"),   // ĩ  i~
    ('\u{1ECB}', "i."),  // ị  i.
    ('\u{CD}', "I'"),    // Í  I'
    ('\u{CC}', "I`"),    // Ì  I`
    ('\u{1EC8}', "I?"),  // Ỉ  I?
    ('\u{128}', "I~"),   // Ĩ  I~
    ('\u{1ECA}', "I."),  // Ị  I.
    ('\u{F3}', "o'"),    // ó  o'
    ('\u{F2}', "o`"),    // ò  o`
    ('\u{1ECF}', "o?"),  // ỏ  o?
    ('\u{F5}', "o~"),    // õ  o~
    ('\u{1ECD}', "o."),  // ọ  o.
    ('\u{D3}', "O'"),    // Ó  O'
    ('\u{D2}', "O`"),    // Ò  O`
    ('\u{1ECE}', "O?"),  // Ỏ  O?
    ('\u{D5}', "O~"),    // Õ  O~
    ('\u{1ECC}', "O."),  // Ọ  O.
    ('\u{F4}', "o^"),    // ô  o^
    ('\u{1ED1}', "o^'"), // ố  o^'
    ('\u{1ED3}', "o^`"), // ồ  o^`
    ('\u{1ED5}', "o^?"), // ổ  o^?
    ('\u{1ED7}', "o^~"), // ỗ  o^~
    ('\u{1ED9}', "o^."), // ộ  o^.
    ('\u{D4}', "O^"),    // Ô  O^
    ('\u{1ED0}', "O^'"), // Ố  O^'
    ('\u{1ED2}', "O^`"), // Ồ  O^`
    ('\u{1ED4}', "O^?"), // Ổ  O^?
    ('\u{1ED6}', "O^~"), // Ỗ  O^~
    ('\u{1ED8}', "O^."), // Ộ  O^.
    ('\u{1A1}', "o+"),   // ơ  o+
    ('\u{1EDB}', "o+'"), // ớ  o+'
    ('\u{1EDD}', "o+`"), // ờ  o+`
    ('\u{1EDF}', "o+?"), // ở  o+?
    ('\u{1EE1}', "o+~"), // ỡ  o+~
    ('\u{1EE3}', "o+."), // ợ  o+.
    ('\u{1A0}', "O+"),   // Ơ  O+
    ('\u{1EDA}', "O+'"), // Ớ  O+'
    ('\u{1EDC}', "O+`"), // Ờ  O+`
    ('\u{1EDE}', "O+?"), // Ở  O+?
    ('\u{1EE0}', "O+~"), // Ỡ  O+~
    ('\u{1EE2}', "O+."), // Ợ  O+.
    ('\u{FA}', "u'"),    // ú  u'
    ('\u{F9}', "u`"),    // ù  u`
    ('\u{1EE7}', "u?"),  // ủ  u?
    ('\u{169}', "u~"),   // ũ  u~
    ('\u{1EE5}', "u."),  // ụ  u.
    ('\u{DA}', "U'"),    // Ú  U'
    ('\u{D9}', "U`"),    // Ù  U`
    ('\u{1EE6}', "U?"),  // Ủ  U?
    ('\u{168}', "U~"),   // Ũ  U~
    ('\u{1EE4}', "U."),  // Ụ  U.
    ('\u{1B0}', "u+"),   // ư  u+
    ('\u{1EE9}', "u+'"), // ứ  u+'
    ('\u{1EEB}', "u+`"), // ừ  u+`
    ('\u{1EED}', "u+?"), // ử  u+?
    ('\u{1EEF}', "u+~"), // ữ  u+~
    ('\u{1EF1}', "u+."), // ự  u+.
    ('\u{1AF}', "U+"),   // Ư  U+
    ('\u{1EE8}', "U+'"), // Ứ  U+'
    ('\u{1EEA}', "U+`"), // Ừ  U+`
    ('\u{1EEC}', "U+?"), // Ử  U+?
    ('\u{1EEE}', "U+~"), // Ữ  U+~
    ('\u{1EF0}', "U+."), // Ự  U+.
    ('\u{FD}', "y'"),    // ý  y'
    ('\u{1EF3}', "y`"),  // ỳ  y`
    ('\u{1EF7}', "y?"),  // ỷ  y?
    ('\u{1EF9}', "y~"),  // ỹ  y~
    ('\u{1EF5}', "y."),  // ỵ  y.
    ('\u{DD}', "Y'"),    // Ý  Y'
    ('\u{1EF2}', "Y`"),  // Ỳ  Y`
    ('\u{1EF6}', "Y?"),  // Ỷ  Y?
    ('\u{1EF8}', "Y~"),  // Ỹ  Y~
    ('\u{1EF4}', "Y."),  // Ỵ  Y.
];
