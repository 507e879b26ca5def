//! Every string the window shows, in Vietnamese (default) and English.
//! One struct per language, so a missing translation is a compile error.

use serde::{Deserialize, Serialize};

use crate::domain::{Channel, Problem, Status};

/// The language of the window.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Lang {
    #[default]
    Vi,
    En,
}

impl Lang {
    /// The strings of this language.
    pub fn strings(self) -> &'static Strings {
        match self {
            Self::Vi => &VI,
            Self::En => &EN,
        }
    }
}

macro_rules! strings {
    ($($key:ident: $vi:literal, $en:literal;)*) => {
        /// One language's strings.
        #[derive(Debug)]
        pub struct Strings { pub lang: Lang, $(pub $key: &'static str,)* }
        /// Vietnamese.
        pub static VI: Strings = Strings { lang: Lang::Vi, $($key: $vi,)* };
        /// English.
        pub static EN: Strings = Strings { lang: Lang::En, $($key: $en,)* };
    };
}

strings! {
    app_name: "Hội nghị", "Conference";
    nav_overview: "Tổng quan", "Overview";
    nav_attendees: "Đại biểu", "Attendees";
    nav_desk: "Bàn đón tiếp", "Check-in desk";
    desk_search: "Gõ vài chữ của họ tên, đơn vị hoặc số điện thoại", "Type a few letters of the name, unit or phone";
    desk_hint: "ví dụ: trang, long tri, 0912…", "e.g. trang, long tri, 0912…";
    desk_help: "Enter: điểm danh người được chọn · Lên/Xuống: chọn · Ctrl+Z: hoàn tác lần điểm danh cuối · Ctrl+U: cả đơn vị · Ctrl+N: khách chưa có tên", "Enter: check in the highlighted person · Up/Down: move · Ctrl+Z: undo the last check-in · Ctrl+U: whole unit · Ctrl+N: walk-in";
    desk_already: "ĐÃ ĐIỂM DANH lúc", "ALREADY CHECKED IN at";
    desk_checked_in: "Có mặt", "In";
    desk_done: "Đã điểm danh", "Checked in";
    desk_undone: "Đã hoàn tác điểm danh", "Check-in undone";
    desk_nothing_to_undo: "Chưa có lần điểm danh nào để hoàn tác", "No check-in to undo";
    desk_no_match: "Không có trong danh sách. Enter để thêm khách mới và điểm danh.", "Not on the list. Enter adds a walk-in and checks them in.";
    desk_check_in_unit: "Điểm danh cả đơn vị", "Check in the whole unit";
    desk_unit_waiting: "người của đơn vị chưa điểm danh sẽ được điểm danh ngay.", "people of this unit not yet in will be checked in now.";
    desk_confirm: "Điểm danh", "Check in";
    desk_unknown_code: "Không có đại biểu nào mang mã thẻ", "No attendee has the badge code";
    desk_walk_in: "Thêm khách chưa có tên", "Add a walk-in";
    desk_add_and_check_in: "Thêm và điểm danh (Enter)", "Add and check in (Enter)";
    desk_by_unit: "Có mặt theo đơn vị", "Attendance by unit";
    nav_questions: "Câu hỏi", "Questions";
    nav_gifts: "Quà tặng", "Gifts";
    nav_commendations: "Khen thưởng", "Commendations";
    menu_file: "Tệp", "File";
    menu_new: "Hội nghị mới…", "New conference…";
    menu_open: "Mở…", "Open…";
    menu_save_copy: "Lưu bản sao thành…", "Save a copy as…";
    menu_recent: "Mở gần đây", "Open recent";
    menu_no_recent: "(chưa có)", "(none yet)";
    menu_import: "Nhập danh sách đại biểu…", "Import attendee list…";
    import_title: "Nhập danh sách đại biểu", "Import an attendee list";
    import_choose: "Chọn tệp Excel, Word hoặc CSV…", "Choose an Excel, Word or CSV file…";
    import_another: "Chọn tệp khác…", "Choose another file…";
    import_reading: "Đang đọc tệp…", "Reading the file…";
    import_sheet: "Trang", "Sheet";
    import_encoding: "Bảng mã", "Encoding";
    import_delimiter: "Dấu phân cách", "Delimiter";
    import_rows: "dòng sẽ nhập", "rows to import";
    import_dups: "trùng", "duplicates";
    import_error_rows: "dòng lỗi", "rows with errors";
    import_skipped: "bỏ qua", "skipped";
    import_blank: "trống", "blank";
    import_total_rows: "tổng cộng", "total";
    import_no_name: "không có tên", "without a name";
    import_headings: "dòng nhóm, chữ ký", "group headings, signatures";
    import_mapping: "Cột trong tệp sẽ vào trường nào (sửa nếu đoán sai):", "Which field each file column goes to (correct it if the guess is wrong):";
    import_ignore: "— bỏ qua —", "— ignore —";
    import_on_dup: "Người đã có:", "People already there:";
    import_dup_skip: "Bỏ qua", "Skip";
    import_dup_update: "Cập nhật", "Update";
    import_skip_invalid: "Nhập các dòng hợp lệ, bỏ qua dòng lỗi", "Import the valid rows, skip the rows with errors";
    import_go: "Nhập vào hội nghị", "Import";
    import_errors: "Dòng có lỗi", "Rows with errors";
    import_row: "Dòng", "Row";
    import_column: "cột", "column";
    import_dup_col: "Trùng", "Duplicate";
    import_dup_existing: "đã có trong tệp", "already in the file";
    import_dup_in_file: "trùng dòng", "same as row";
    import_dup_title: "Có thể trùng người", "Possibly the same person";
    import_dup_explain: "Cùng họ tên (kể cả dấu thanh) và không khác nhau ở đơn vị, lớp/nhóm, năm sinh, điện thoại, mã thẻ. Nếu là hai người trùng tên, bấm «Giữ cả hai».", "Same name (tones included) and no difference in unit, class/group, birth year, phone or badge code. If they are two people with one name, click «Keep both».";
    import_dup_keep_both: "Giữ cả hai", "Keep both";
    import_dup_keep_one: "Chỉ giữ một", "Keep one";
    import_dup_kept_both: "giữ cả hai: hai người trùng tên", "both kept: two people with one name";
    import_preview: "Xem trước (đúng như sẽ lưu):", "Preview (exactly as stored):";
    import_done: "Đã nhập xong", "Import finished";
    import_new: "mới", "new";
    import_updated: "cập nhật", "updated";
    import_skipped_dups: "trùng bỏ qua", "duplicates skipped";
    import_view_list: "Xem danh sách đại biểu", "View the attendee list";
    import_view_records: "Xem danh sách vừa nhập", "View the imported records";
    import_questions: "Nhập câu hỏi, ý kiến", "Import questions";
    import_gifts: "Nhập danh sách quà tặng", "Import gifts";
    import_commendations: "Nhập danh sách khen thưởng", "Import commendations";
    menu_import_questions: "Nhập câu hỏi, ý kiến…", "Import questions…";
    menu_import_gifts: "Nhập danh sách quà tặng…", "Import gifts…";
    menu_import_commendations: "Nhập danh sách khen thưởng…", "Import commendations…";
    import_linked: "gắn với đại biểu", "linked to attendees";
    import_records_fix: "Tệp có dòng lỗi nên chưa nhập được gì; sửa các dòng dưới đây trong tệp rồi chọn lại.", "The file has rows with errors, so nothing can be imported yet; fix these rows in the file and choose it again.";
    import_cancelled: "Đã huỷ nhập; tệp hội nghị không thay đổi.", "Import cancelled; the conference file is unchanged.";
    import_rows_found: "dòng dữ liệu", "records";
    import_also_has: "cũng có", "also has";
    import_new_answers: "trả lời mới: nhập trang này xong, chọn lại tệp để nhập tiếp trang đó", "new answers: import this sheet, then choose the file again for that one";
    marked_rows: "dòng đã chọn (Ctrl+nhấp, Shift+nhấp để chọn thêm)", "rows chosen (Ctrl+click, Shift+click to choose more)";
    unmark: "Bỏ chọn", "Clear";
    convert_chosen: "Chuyển mã các dòng đã chọn…", "Convert the chosen rows…";
    convert_title: "Chuyển mã chữ gõ bằng phông cũ sang Unicode", "Convert text typed in an old font to Unicode";
    convert_body: "Họ tên, cấp bậc, chức vụ, đơn vị, địa bàn, nhóm và ghi chú của các dòng đã chọn được đọc theo bảng mã dưới đây; ô đã là Unicode giữ nguyên. Hoàn tác được (Ctrl+Z).", "Names, ranks, positions, units, districts, groups and notes of the chosen rows are read in the encoding below; cells already in Unicode stay as they are. Can be undone (Ctrl+Z).";
    convert_encoding: "Bảng mã:", "Encoding:";
    convert_detected: "nhận biết tự động", "detected";
    convert_nothing: "Không có ô nào thay đổi với bảng mã này.", "No cell changes with this encoding.";
    convert_go: "Chuyển mã", "Convert";
    verb_convert: "Chuyển mã", "Convert";
    word_into: "vào", "into";
    word_to: "thành", "to";
    fd_why: "Máy không mở được hộp chọn tệp của hệ điều hành, nên dùng hộp chọn tệp của ứng dụng.", "The system's file dialog could not be shown, so the app's own is used.";
    fd_name: "Tên tệp", "File name";
    fd_folder: "Thư mục", "Folder";
    fd_up: "Lên trên", "Up";
    fd_open: "Mở", "Open";
    fd_save: "Lưu", "Save";
    fd_empty: "Thư mục này không có tệp phù hợp.", "No matching files in this folder.";
    fd_folder_mark: "thư mục", "folder";
    fd_documents: "Tài liệu", "Documents";
    fd_desktop: "Màn hình nền", "Desktop";
    fd_home: "Thư mục nhà", "Home";
    convert_before: "Đang lưu", "Stored now";
    convert_after: "Sau khi chuyển mã", "After converting";
    import_legacy_becomes: "thành", "becomes";
    import_header_at: "Dòng tiêu đề:", "Header row:";
    import_header_none: "Tệp không có dòng tiêu đề", "The file has no header row";
    import_header_change: "Chọn dòng tiêu đề khác…", "Pick another header row…";
    import_warning_mark: "cảnh báo", "warning";
    import_warnings: "cảnh báo", "warnings";
    import_warnings_title: "Cảnh báo (dòng vẫn được nhập, bỏ trống ô này)", "Warnings (the row is imported, this cell left empty)";
    import_legacy_title: "Phát hiện chữ gõ bằng phông cũ; sẽ chuyển sang Unicode:", "Text typed in an old Vietnamese font; it will be converted to Unicode:";
    import_legacy_from: "chuyển mã từ", "converted from";
    import_legacy_off: "không chuyển mã", "not converted";
    import_legacy_none: "Không chuyển mã", "Do not convert";
    import_no_header: "Không tìm thấy dòng tiêu đề (dòng có tên các cột như \"Họ và tên\").", "No header row found (a row naming the columns, such as \"Họ và tên\").";
    import_pick_header: "Bấm vào dòng là tiêu đề của bảng; các cột sẽ được gán theo tên, rồi sửa ở phần xem trước.", "Click the row that names the columns; fields are assigned from its words and can be corrected in the preview.";
    import_header_none_button: "Tệp không có dòng tiêu đề — mọi dòng là dữ liệu", "There is no header row — every row is data";
    import_this_header: "Dòng tiêu đề", "Header row";
    import_map_hint: "Chưa có cột nào là Họ và tên: chọn trường cho từng cột ở đầu cột (các dòng của tệp vẫn hiện bên dưới).", "No column is the name yet: choose each column's field at its head (the file's rows stay below).";
    welcome_import: "Nhập danh sách đại biểu (Excel, Word, CSV)…", "Import an attendee list (Excel, Word, CSV)…";
    menu_open_sample: "Mở hội nghị mẫu", "Open the sample conference";
    menu_quit: "Thoát", "Quit";
    language: "Ngôn ngữ", "Language";
    nav_desks: "Các bàn", "Desks";
    menu_host: "Mở cho các bàn khác…", "Open to other desks…";
    menu_connect: "Kết nối tới máy chủ…", "Connect to a host…";
    host_title: "Các bàn điểm danh", "Check-in desks";
    host_hint: "Trên mỗi máy ở bàn đón tiếp: mở Tệp, chọn Kết nối tới máy chủ, chọn hội nghị này (hoặc gõ địa chỉ), nhập mã ghép nối và tên bàn. Các máy phải cùng một mạng (Wi-Fi hoặc điểm phát).", "On each desk laptop: open File, choose Connect to a host, pick this conference (or type the address), enter the pairing code and the desk's name. The laptops must share one network (Wi-Fi or hotspot).";
    host_address: "Địa chỉ:", "Address:";
    host_code: "Mã ghép nối:", "Pairing code:";
    host_code_left: "còn", "valid for";
    host_minutes: "phút, dùng cho một bàn", "minutes, for one desk";
    host_code_none: "đã dùng hoặc hết hạn", "used or expired";
    host_new_code: "Mã mới", "New code";
    host_desk_pin: "Mã PIN của bàn:", "Desk PIN:";
    host_desk_pin_hint: "Tệp này được khoá bằng mật khẩu, nên bản danh sách trên mỗi bàn cũng được khoá, bằng mã PIN này. Hãy đưa mã PIN cho người ở các bàn: bàn nào khởi động lại (kể cả khi mất mạng) cần gõ mã này mới mở được danh sách. Đừng ghi mã lên máy của bàn.", "This file is locked by a passphrase, so each desk's copy of the list is locked too, with this PIN. Give the PIN to the desk operators: a desk that starts again (even without a network) needs it to open its list. Do not write it on the desk laptops.";
    host_desks: "Bàn đã ghép nối", "Paired desks";
    host_no_desks: "Chưa có bàn nào. Bàn đầu tiên kết nối sẽ hiện ở đây.", "No desk yet. The first desk to connect appears here.";
    host_col_desk: "Bàn", "Desk";
    host_col_state: "Trạng thái", "State";
    host_col_heard: "Liên lạc cuối", "Last contact";
    host_col_check_ins: "Lượt điểm danh", "Check-ins";
    host_online: "Đã kết nối", "Connected";
    host_offline: "Mất kết nối", "Not connected";
    host_seconds_ago: "giây trước", "s ago";
    host_remove: "Gỡ bàn", "Remove";
    host_failed: "Lần ghép nối không thành công", "Failed pairing tries";
    host_failed_no_code: "không có mã đang mở (đã dùng, hết hạn hoặc sai ba lần)", "no code open (used, expired or three wrong tries)";
    host_failed_wrong_code: "sai mã ghép nối", "wrong pairing code";
    host_failed_wrong_pin: "bàn đã ghép nối nhưng không có mã PIN của bàn (máy bị mất hoặc bị sao chép?)", "a paired desk without the desk PIN (a lost or copied laptop?)";
    host_col_when: "Lúc", "When";
    host_col_from: "Từ máy", "From";
    host_col_reason: "Lý do", "Why";
    host_clashes: "Điểm danh trùng ở hai bàn", "Checked in at two desks";
    host_no_clashes: "Không có.", "None.";
    host_clash_rule: "Mỗi người chỉ tính một lần; giờ sớm hơn được giữ.", "Each person counts once; the earlier time stands.";
    host_col_kept: "Giữ (bàn · giờ)", "Kept (desk · time)";
    host_col_other: "Lượt trùng (bàn · giờ)", "Other (desk · time)";
    host_take_file: "Nhận tệp lượt điểm danh từ bàn (USB)…", "Take a desk's check-in file (USB)…";
    host_stop: "Dừng chia sẻ", "Stop sharing";
    host_banner: "Đang mở cho các bàn", "Open to desks";
    host_started: "Đã mở hội nghị cho các bàn. Mã ghép nối:", "The conference is open to desks. Pairing code:";
    host_resumed: "Tiếp tục mở hội nghị cho các bàn như trước khi tắt; các bàn tự kết nối lại. Mã ghép nối cho bàn mới:", "Open to desks again, as before the restart; the desks reconnect on their own. Pairing code for a new desk:";
    host_not_resumed: "Không mở lại được cho các bàn", "Could not open to the desks again";
    host_file_taken: "Đã nhận tệp của bàn", "Took the file of desk";
    connect_title: "Kết nối tới máy chủ", "Connect to a host";
    connect_resume_hint: "Máy này đang là bàn", "This laptop is the desk";
    connect_resume: "Tiếp tục làm bàn này", "Go on as this desk";
    connect_found: "Hội nghị tìm thấy trên mạng:", "Conferences found on the network:";
    connect_none_found: "Đang tìm… (nếu không thấy, gõ địa chỉ máy chủ bên dưới)", "Looking… (if none appears, type the host's address below)";
    connect_address: "Địa chỉ máy chủ", "Host address";
    connect_code: "Mã ghép nối", "Pairing code";
    connect_name: "Tên bàn", "Desk name";
    connect_name_hint: "Bàn 2 – khối xã", "Desk 2 – communes";
    connect_go: "Kết nối", "Connect";
    connect_busy: "Đang ghép nối…", "Pairing…";
    desk_banner_online: "Đã kết nối tới máy chủ", "Connected to the host";
    desk_banner_offline: "Mất kết nối", "Not connected";
    desk_banner_connecting: "Đang kết nối", "Connecting";
    desk_banner_removed: "Máy chủ đã gỡ bàn này", "The host removed this desk";
    desk_banner_waiting: "lượt chờ gửi", "waiting to be sent";
    desk_banner_clashes: "trùng ở bàn khác", "also at another desk";
    desk_save_file: "Lưu lượt chờ ra tệp…", "Save waiting check-ins to a file…";
    desk_leave: "Thôi làm bàn", "Stop being a desk";
    desk_file_saved: "Đã lưu lượt chờ gửi vào", "Saved the waiting check-ins to";
    desk_pin_title: "Nhập mã PIN của bàn", "Enter the desk PIN";
    desk_pin_body: "Danh sách đại biểu trên máy này được khoá. Hỏi người tổ chức mã PIN của bàn (8 chữ số, hiện ở trang Các bàn điểm danh trên máy chủ), gõ vào rồi nhấn Enter.", "The attendee list on this laptop is locked. Ask the organiser for the desk PIN (8 digits, shown on the host's Check-in desks page), type it and press Enter.";
    desk_pin_label: "Mã PIN của bàn", "Desk PIN";
    desk_pin_open: "Mở danh sách", "Open the list";
    desk_pin_wrong: "Mã PIN không đúng. Không có gì thay đổi; hãy thử lại.", "Wrong PIN. Nothing was changed; try again.";
    desk_pin_format: "Mã PIN của bàn gồm 8 chữ số.", "The desk PIN has 8 digits.";
    desk_relocked: "Máy chủ đã khoá tệp hội nghị: danh sách trên bàn này nay cũng được khoá bằng mã PIN của bàn.", "The host locked its conference file: this desk's list is now locked with the desk PIN too.";
    nav_programme: "Chương trình", "Programme";
    nav_follow_up: "Theo dõi ý kiến", "Follow-up";
    // Follow-up page
    fu_heading: "Theo dõi giải quyết ý kiến", "Follow-up of opinions";
    fu_in_hall: "Trả lời tại hội nghị", "Answered in the hall";
    fu_to_answer: "Cần trả lời bằng văn bản", "To answer in writing";
    fu_done: "Đã giải quyết", "Done";
    fu_overdue: "Quá hạn", "Overdue";
    fu_overdue_days: "Quá hạn {} ngày", "{} days overdue";
    fu_show: "Hiển thị", "Show";
    fu_status_filter: "Tình trạng", "Status";
    fu_scope_owed: "Ý kiến cần trả lời", "Opinions owed an answer";
    fu_scope_all: "Tất cả ý kiến", "All opinions";
    fu_import_answers: "Nhập trả lời…", "Import answers…";
    fu_import_answers_hint: "Đọc phiếu chuyển ý kiến (XLSX) đơn vị đã điền và gửi lại: xem trước, rồi ghi một lần, hoàn tác được.", "Read a follow-up sheet (XLSX) a unit filled in and sent back: preview, then one undoable step.";
    fu_papers: "Biên bản, thông báo…", "Minutes and notice…";
    fu_papers_hint: "Chủ trì, thư ký, giờ họp, kết luận của chủ trì và nơi nhận: dùng cho biên bản hội nghị và thông báo kết luận.", "Chair, secretary, hours, the chair's conclusions and recipients: used by the minutes and the conclusion notice.";
    fu_print: "In giấy tờ…", "Print papers…";
    fu_print_minutes: "Biên bản hội nghị", "Minutes";
    fu_print_conclusion: "Thông báo kết luận", "Conclusion notice";
    fu_print_report: "Báo cáo kết quả hội nghị", "Results report";
    fu_print_sheets: "Phiếu chuyển ý kiến cho đơn vị", "Follow-up sheets for units";
    fu_ticked: "Đã chọn {}", "{} ticked";
    fu_assign_unit: "Giao cho", "Assign to";
    fu_assign_unit_hint: "đơn vị giải quyết", "responsible unit";
    fu_pick_unit: "Chọn đơn vị", "Pick a unit";
    fu_in_days: "{} ngày", "{} days";
    fu_assign: "Giao đơn vị", "Assign";
    fu_untick: "Bỏ chọn", "Untick";
    fu_tick_all: "Chọn tất cả ý kiến đang hiện", "Tick every opinion shown";
    fu_opinion: "Ý kiến số {}", "Opinion {}";
    fu_hall_answer: "Trả lời tại hội nghị", "Answer in the hall";
    fu_autosaved: "Thay đổi được ghi vào tệp khi ngừng gõ; hoàn tác được ở mục Lịch sử.", "Changes are written when typing pauses; undo them in History.";
    fu_empty: "Chưa có ý kiến nào. Ghi câu hỏi, ý kiến ở trang Câu hỏi; ý kiến cần trả lời bằng văn bản sẽ hiện ở đây để theo dõi.", "No opinions yet. Enter them on the Questions page; those owed a written answer are followed up here.";
    fu_empty_filtered: "Không có ý kiến nào khớp bộ lọc. Chọn \"Tất cả ý kiến\" để giao thêm ý kiến cho đơn vị.", "No opinion matches the filters. Show all opinions to assign more.";
    fu_open: "Xem, giao ý kiến", "Open";
    fu_go_questions: "Sang trang Câu hỏi", "Go to Questions";
    fu_chair_name: "Chủ trì (cấp bậc, họ tên)", "Chair (rank, name)";
    fu_chair_title: "Chức vụ của chủ trì", "Chair's office";
    fu_secretary_name: "Thư ký (cấp bậc, họ tên)", "Secretary (rank, name)";
    fu_secretary_title: "Chức vụ của thư ký", "Secretary's office";
    fu_began_at: "Bắt đầu (giờ)", "Began (time)";
    fu_ended_at: "Kết thúc (giờ)", "Ended (time)";
    fu_conclusions: "Kết luận của chủ trì (mỗi dòng một đoạn)", "The chair's conclusions (one paragraph per line)";
    fu_recipients: "Nơi nhận thông báo kết luận (mỗi dòng một nơi)", "Recipients of the notice (one per line)";
    label_seed_programme: "Tạo chương trình mẫu", "Seed the programme";
    label_add_item: "Thêm mục chương trình", "Add a programme item";
    label_edit_item: "Sửa mục chương trình", "Edit a programme item";
    label_delete_item: "Xoá mục chương trình", "Delete a programme item";
    label_move_item: "Đổi thứ tự chương trình", "Move a programme item";
    label_edit_script: "Sửa kịch bản", "Rewrite the script";
    label_revert_script: "Khôi phục kịch bản tự động", "Back to the generated script";
    label_arrange_introduction: "Sắp xếp phần giới thiệu đại biểu", "Reorder the introduction";
    label_protocol_order: "Giới thiệu theo thứ tự nghi thức", "Introduction in protocol order";
    label_excused: "Vắng có lý do", "Excused absence";
    label_not_excused: "Bỏ vắng có lý do", "No longer excused";
    prog_title: "Chương trình hội nghị", "Conference programme";
    prog_empty: "Chưa có chương trình. Tạo chương trình mẫu của hội nghị đối thoại (10 mục, có chào cờ) rồi sửa giờ, người thực hiện; hoặc thêm từng mục.", "No programme yet. Seed the usual dialogue-conference order (10 items, the flag salute included) and adjust times and speakers, or add items one by one.";
    prog_seed: "Tạo chương trình mẫu", "Seed the usual programme";
    prog_add: "Thêm mục", "Add an item";
    prog_up: "Lên", "Up";
    prog_down: "Xuống", "Down";
    prog_delete: "Xoá mục", "Delete item";
    prog_time: "Giờ", "Time";
    prog_item_title: "Nội dung", "Item";
    prog_part: "Loại (quyết định lời dẫn)", "Kind (decides the script)";
    prog_lead: "Người thực hiện", "Led by";
    prog_presenter: "Người trao thưởng", "Presents the awards";
    prog_notes: "Ghi chú", "Notes";
    prog_new: "Mục mới", "New item";
    prog_save_new: "Thêm vào chương trình", "Add to the programme";
    script_title: "Kịch bản dẫn chương trình", "The MC's script";
    script_empty: "Kịch bản được viết cho từng mục của chương trình: tạo chương trình ở cột bên trái.", "The script is written for each item of the programme: make the programme on the left.";
    script_hint: "Viết từ dữ liệu: giới thiệu đại biểu theo thứ tự nghi thức, số liệu của bàn đón tiếp, quyết định khen thưởng, quà tặng. Tự cập nhật khi có người điểm danh.", "Written from the file: leaders and guests in protocol order, the desk's figures, commendation decisions, gifts. Updates as people check in.";
    script_edit: "Sửa", "Edit";
    script_save: "Lưu đoạn này", "Keep this text";
    script_revert: "Về văn bản tự động", "Back to generated text";
    script_edited: "đã sửa tay", "rewritten";
    script_mc: "Chế độ MC (chữ lớn)", "MC view (large type)";
    script_mc_exit: "Thoát chế độ MC (Esc)", "Leave the MC view (Esc)";
    script_empty_text: "(Lời dẫn của người dẫn chương trình: bấm Sửa để viết.)", "(The MC's own words: press Edit to write them.)";
    script_save_keys: "Ctrl+Enter: lưu", "Ctrl+Enter: keep";
    script_gaps: "Chỗ trống chưa chọn người (tô màu trong kịch bản):", "Gaps where nobody is chosen (marked in the script):";
    script_arrange: "Sắp xếp thứ tự giới thiệu", "Reorder the introduction";
    script_arrange_done: "Xong sắp xếp", "Done reordering";
    script_arranged: "thứ tự do ban tổ chức sắp", "the organiser's own order";
    script_protocol_order: "Về thứ tự nghi thức", "Back to protocol order";
    script_block_up_button: "Khối lên", "Block up";
    script_block_down_button: "Khối xuống", "Block down";
    script_block_up: "Đưa khối này lên trước", "Move this block earlier";
    script_block_down: "Đưa khối này xuống sau", "Move this block later";
    script_person_up: "Đưa người này lên trước", "Move this person earlier";
    script_person_down: "Đưa người này xuống sau", "Move this person later";
    script_mc_size: "Ctrl+cộng / Ctrl+trừ: cỡ chữ", "Ctrl+plus / Ctrl+minus: type size";
    prog_current: "Đang diễn ra", "Now";
    prog_next: "Tiếp theo", "Next";
    prog_keys: "Mũi tên phải hoặc Space: mục tiếp theo · mũi tên trái: mục trước", "Right arrow or Space: next item · left arrow: previous";
    excused: "Vắng có lý do", "Excused absence";
    absence_reason: "Lý do vắng", "Reason";
    desk_excuse: "Báo vắng có lý do…", "Excused absence…";
    desk_excuse_save: "Ghi vắng có lý do", "Record the excused absence";
    typing_menu: "Gõ", "Typing";
    typing_off: "Tắt", "Off";
    typing_old_style: "Bỏ dấu kiểu cũ (hòa, thủy)", "Old-style tones (hòa, thủy)";
    typing_hint: "Alt+Z bật hoặc tắt. Tắt đi khi máy đã có Unikey, EVKey hoặc bộ gõ khác. Ô tìm ở bàn đón tiếp không bị đổi.", "Alt+Z turns it on or off. Turn it off when Unikey, EVKey or another input method is on. The desk's search box is never changed.";
    read_only_banner: "Tệp đang mở ở chế độ chỉ đọc: mọi thay đổi đều bị chặn.", "This file is open read-only: changes are blocked.";
    no_file_title: "Chưa mở được tệp hội nghị", "No conference file is open";
    search: "Tìm kiếm", "Search";
    filter_all: "Tất cả", "All";
    filter_present: "Có mặt", "Present";
    filter_absent: "Vắng", "Absent";
    filter_clear: "Bỏ lọc", "Clear filters";
    search_hint: "Gõ không dấu cũng được (Ctrl+F)", "Accents optional (Ctrl+F)";
    add: "Thêm", "Add";
    new_record: "Mới (Ctrl+N)", "New (Ctrl+N)";
    delete: "Xoá", "Delete";
    cancel: "Huỷ", "Cancel";
    close: "Đóng", "Close";
    confirm_delete_title: "Xoá bản ghi?", "Delete this record?";
    confirm_delete_body: "Bản ghi sau sẽ bị xoá khỏi tệp hội nghị:", "This record will be removed from the conference file:";
    form_new: "Thêm mới", "New record";
    form_edit: "Sửa bản ghi", "Edit record";
    autosaved: "Thay đổi được lưu khi ngừng gõ một giây và khi rời ô nhập.", "Changes are saved a second after you stop typing, and when you leave a field.";
    autosaved_multiline: "Enter: xuống dòng · thay đổi được lưu khi ngừng gõ và khi rời ô.", "Enter: new line · changes are saved when you pause or leave the field.";
    enter_to_add: "Enter: thêm · Tab: sang ô sau", "Enter: add · Tab: next field";
    enter_new_line: "Enter: xuống dòng · Ctrl+Enter: thêm", "Enter: new line · Ctrl+Enter: add";
    saved: "Đã lưu", "Saved";
    added: "Đã thêm", "Added";
    deleted: "Đã xoá", "Deleted";
    unsaved_new: "Bản ghi mới chưa được thêm: bấm Thêm (Enter) hoặc Huỷ trước.", "The new record is not added yet: press Add (Enter) or Cancel first.";
    shown_of: "Hiển thị", "Showing";
    of: "trên", "of";
    col_no: "STT", "No.";
    // Attendee fields
    f_full_name: "Họ và tên", "Full name";
    f_gender: "Giới tính", "Gender";
    f_birth_year: "Năm sinh", "Birth year";
    f_rank: "Cấp bậc", "Rank";
    f_position: "Chức vụ", "Position";
    f_unit: "Đơn vị", "Unit";
    f_badge_code: "Mã thẻ", "Badge code";
    f_district: "Địa bàn", "District";
    f_group: "Nhóm / Thành phần", "Group";
    f_phone: "Số điện thoại", "Phone";
    f_note: "Ghi chú", "Note";
    f_checked_in: "Có mặt", "Present";
    // Question fields
    f_number: "Số TT", "Number";
    f_asker: "Người hỏi", "Asked by";
    f_asker_unit: "Đơn vị người hỏi", "Asker's unit";
    f_anonymous: "Ẩn danh", "Anonymous";
    f_channel: "Hình thức", "Channel";
    f_topic: "Chủ đề", "Topic";
    f_content: "Nội dung", "Content";
    f_responder: "Đơn vị / người trả lời", "Answered by";
    f_status: "Trạng thái", "Status";
    f_answer: "Nội dung trả lời", "Answer";
    no_topic: "(chưa chọn)", "(none)";
    pick_attendee: "Chọn từ danh sách đại biểu:", "Pick from the attendee list:";
    pick_count: "người", "found";
    linked_attendee: "Đã liên kết với đại biểu", "Linked to attendee";
    unlink: "Bỏ liên kết", "Unlink";
    merge_into: "Gộp vào câu số", "Merge into question no.";
    merge: "Gộp", "Merge";
    merged_into_label: "Đã gộp vào câu số", "Merged into question no.";
    unmerge: "Tách ra", "Unmerge";
    merged_askers: "Cùng ý kiến (đã gộp):", "Raised also by (merged):";
    move_up: "Lên trước", "Move up";
    move_down: "Xuống sau", "Move down";
    // Gift fields
    f_recipient: "Người nhận", "Recipient";
    f_circumstances: "Hoàn cảnh", "Circumstances";
    f_item: "Hình thức quà", "Item";
    f_value: "Giá trị (đồng)", "Value (VND)";
    f_handed_over: "Đã trao", "Handed over";
    f_handed_over_by: "Người trao", "Handed over by";
    f_override: "Lý do tặng quà lần hai", "Reason for a second gift";
    second_gift_warning: "Người này đã có quà trong hội nghị. Ghi lý do để xác nhận tặng thêm.", "This person already has a gift. Give a reason to confirm another one.";
    gifts_total: "Tổng giá trị", "Total value";
    // Commendation fields
    f_kind: "Hình thức khen thưởng", "Kind";
    f_collective: "Tập thể", "Collective";
    f_achievement: "Thành tích", "Achievement";
    f_decision_number: "Số quyết định", "Decision number";
    f_decision_date: "Ngày quyết định", "Decision date";
    f_issuer: "Cấp khen thưởng", "Issued by";
    // Follow-up fields
    f_question_id: "Mã ý kiến", "Opinion id";
    f_handling: "Cách xử lý", "Handling";
    f_responsible_unit: "Đơn vị giải quyết", "Responsible unit";
    f_deadline: "Thời hạn", "Deadline";
    f_doc_no: "Số văn bản trả lời", "Answer document no.";
    f_doc_date: "Ngày văn bản", "Document date";
    f_written_answer: "Nội dung trả lời bằng văn bản", "Written answer";
    f_answered_by: "Người trả lời", "Answered by";
    f_follow_status: "Tình trạng giải quyết", "Follow-up status";
    import_answers: "Nhập phiếu trả lời của đơn vị", "Import a unit's answers";
    import_unchanged: "không thay đổi", "unchanged";
    f_stage_order: "Thứ tự lên sân khấu", "Stage order";
    // Overview
    conference_details: "Thông tin hội nghị", "Conference details";
    c_name: "Tên hội nghị", "Conference name";
    c_start_date: "Ngày bắt đầu", "Start date";
    c_end_date: "Ngày kết thúc", "End date";
    c_venue: "Địa điểm", "Venue";
    c_organiser: "Đơn vị tổ chức", "Organised by";
    print_heading: "Dòng tiêu đề trên danh sách in", "Heading lines of printed lists";
    c_superior_agency: "Cơ quan cấp trên", "Superior agency";
    c_issuing_unit: "Đơn vị ban hành", "Issuing unit";
    c_place_name: "Địa danh (dòng ngày tháng)", "Place name (date line)";
    c_signer_left_title: "Chức danh ký bên trái", "Left signer title";
    c_signer_left_name: "Người ký bên trái", "Left signer name";
    c_signer_right_title: "Chức danh ký bên phải", "Right signer title";
    c_signer_right_name: "Người ký bên phải", "Right signer name";
    counts: "Số liệu", "Figures";
    present: "Có mặt", "Present";
    handed_over: "đã trao", "handed over";
    welcome_title: "Chào mừng! Bắt đầu với hội nghị của bạn", "Welcome! Start with your conference";
    welcome_body: "Tệp hội nghị này còn trống. Mọi thay đổi được lưu ngay vào tệp, không cần bấm Lưu.", "This conference file is empty. Every change is saved to the file at once; there is no Save button.";
    welcome_details: "Điền thông tin hội nghị", "Fill in the conference details";
    welcome_add_attendee: "Thêm đại biểu đầu tiên", "Add the first attendee";
    welcome_sample: "Mở hội nghị mẫu (520 đại biểu)", "Open a sample conference (520 attendees)";
    empty_attendees: "Chưa có đại biểu nào. Nhập họ tên và đơn vị ở khung bên phải rồi bấm Enter, hoặc nhập cả danh sách từ tệp.", "No attendees yet. Type a name and unit in the form on the right and press Enter, or import the whole list from a file.";
    empty_questions: "Chưa có câu hỏi nào. Nhập nội dung phiếu ở khung bên phải rồi bấm Thêm, hoặc nhập từ tệp.", "No questions yet. Type the slip into the form on the right and press Add, or import them from a file.";
    empty_gifts: "Chưa có quà tặng nào. Chọn người nhận ở khung bên phải, nhập giá trị rồi bấm Thêm, hoặc nhập từ tệp.", "No gifts yet. Pick a recipient in the form on the right, type the value and press Add, or import them from a file.";
    empty_commendations: "Chưa có khen thưởng nào. Nhập hình thức, người nhận và số quyết định ở khung bên phải, hoặc nhập từ tệp.", "No commendations yet. Fill in the kind, recipient and decision in the form on the right, or import them from a file.";
    no_match: "Không có bản ghi nào khớp với tìm kiếm.", "Nothing matches the search.";
    // Problems
    // Channels and statuses
    gender_male: "Nam", "Male";
    gender_female: "Nữ", "Female";
    error_title: "Lỗi", "Error";
    copy_saved: "Đã lưu bản sao", "Copy saved to";
    opened: "Đã mở", "Opened";
    by_group: "Theo thành phần:", "By group:";
    no_group: "(chưa ghi)", "(none)";
    registered: "Triệu tập", "Registered";
    units_waiting: "Đơn vị còn chờ đại biểu", "Units still expected";
    present_mode: "Trình chiếu", "Present";
    present_exit: "Thoát trình chiếu (Esc)", "Leave presentation (Esc)";
    nav_lists: "Danh mục", "Lists";
    lists_title: "Danh mục của hội nghị", "The conference's lists";
    lists_hint: "Sửa tên rồi rời ô để lưu. Mục đang được dùng không xoá được, chỉ gộp vào mục khác.", "Edit a name and leave the field to save it. An entry in use cannot be deleted, only merged into another.";
    lists_topics: "Chủ đề câu hỏi", "Question topics";
    lists_kinds: "Hình thức khen thưởng", "Commendation kinds";
    lists_new: "Mục mới:", "New entry:";
    lists_add: "Thêm", "Add";
    lists_uses: "bản ghi", "records";
    lists_uses_hint: "Số câu hỏi hoặc khen thưởng đang dùng mục này", "Questions or commendations using this entry";
    lists_delete: "Xoá", "Delete";
    lists_merge_into: "Gộp vào…", "Merge into…";
    locked_title: "Tệp đang được mở ở cửa sổ khác", "The file is open in another window";
    locked_body: "Một cửa sổ hoinghi khác đang mở tệp này. Hai cửa sổ cùng sửa một tệp dễ ghi đè lên nhau, nên ở đây chỉ có thể mở để xem.", "Another hoinghi window has this file open. Two windows editing one file can overwrite each other, so here it can only be opened to look at.";
    locked_read_only: "Mở chỉ đọc", "Open read-only";
    locked_cancel: "Không mở", "Don't open";
    pass_open_title: "Tệp được khoá bằng mật khẩu", "This file is locked with a passphrase";
    pass_open_body: "Nhập mật khẩu của tệp để mở.", "Type the file's passphrase to open it.";
    pass_open_go: "Mở tệp", "Open the file";
    pass_opening: "Đang mở tệp…", "Opening the file…";
    pass_field: "Mật khẩu", "Passphrase";
    pass_current: "Mật khẩu hiện tại", "Current passphrase";
    pass_new: "Mật khẩu mới", "New passphrase";
    pass_repeat: "Nhập lại mật khẩu", "Repeat the passphrase";
    pass_show: "Hiện mật khẩu", "Show the passphrase";
    pass_hint: "Vài từ dễ nhớ, ít nhất {min} ký tự; gõ tiếng Việt được.", "A few words easy to remember, at least {min} characters; Vietnamese typing works.";
    pass_wrong: "Mật khẩu không đúng", "Wrong passphrase";
    pass_too_short: "Mật khẩu phải có ít nhất {min} ký tự", "A passphrase needs at least {min} characters";
    pass_mismatch: "Hai lần nhập không giống nhau", "The two entries differ";
    pass_warning: "Quên mật khẩu thì không ai mở lại được tệp, kể cả người làm ra ứng dụng. Hãy ghi mật khẩu ở nơi an toàn.", "A forgotten passphrase cannot be recovered: nobody can open the file again, not even the app's makers. Keep it somewhere safe.";
    new_title: "Tạo hội nghị mới", "New conference";
    new_set_pass: "Đặt mật khẩu cho tệp", "Set a passphrase for the file";
    new_set_pass_hint: "Ai nhặt được máy hay USB cũng không đọc được danh sách.", "Whoever finds the laptop or the USB stick cannot read the list.";
    new_create: "Tạo hội nghị", "Create";
    menu_lock: "Khoá tệp bằng mật khẩu…", "Lock the file with a passphrase…";
    menu_rekey: "Đổi mật khẩu…", "Change the passphrase…";
    menu_unlock: "Mở khoá tệp…", "Remove the passphrase…";
    lock_title: "Khoá tệp bằng mật khẩu", "Lock the file with a passphrase";
    lock_body: "Tệp hội nghị và các bản sao lưu tự động của nó sẽ được khoá; lần mở sau phải nhập mật khẩu.", "The conference file and its automatic backups are locked; opening it asks for the passphrase.";
    lock_go: "Khoá tệp", "Lock the file";
    rekey_title: "Đổi mật khẩu của tệp", "Change the file's passphrase";
    rekey_go: "Đổi mật khẩu", "Change it";
    unlock_title: "Mở khoá tệp", "Remove the passphrase";
    unlock_body: "Tệp và các bản sao lưu sẽ không còn mật khẩu: ai có tệp cũng đọc được.", "The file and its backups will have no passphrase: anyone who has the file can read it.";
    unlock_go: "Mở khoá", "Remove it";
    lock_running: "Đang khoá tệp…", "Locking the file…";
    rekey_running: "Đang đổi mật khẩu…", "Changing the passphrase…";
    unlock_running: "Đang mở khoá tệp…", "Removing the passphrase…";
    lock_done: "Đã khoá tệp và {n} bản sao lưu", "Locked the file and {n} backups";
    rekey_done: "Đã đổi mật khẩu của tệp và {n} bản sao lưu", "Changed the passphrase of the file and {n} backups";
    unlock_done: "Đã mở khoá tệp và {n} bản sao lưu", "Removed the passphrase from the file and {n} backups";
    convert_left: "{n} bản sao lưu cũ không chuyển được (mật khẩu khác), để nguyên", "{n} older backups could not be converted (another passphrase) and were left as they were";
    convert_failed: "Không chuyển được tệp; tệp vẫn như trước", "The file could not be converted; it is as it was";
    locked_mark: "Đã khoá", "Locked";
    locked_mark_hint: "Tệp được khoá bằng mật khẩu: không có mật khẩu thì không đọc được tệp và các bản sao lưu.", "The file is locked with a passphrase: without it, neither the file nor its backups can be read.";
    crashed_title: "Đã xảy ra lỗi trong chương trình", "Something went wrong inside the app";
    crashed_body: "Mọi thay đổi đã được lưu vào tệp hội nghị trước khi lỗi xảy ra; thao tác dở dang đã được huỷ, tệp vẫn nguyên vẹn. Hãy đóng và mở lại ứng dụng. Chi tiết lỗi được ghi trong nhật ký:", "Every change made before the error is saved in the conference file; the unfinished step was rolled back and the file is intact. Close and reopen the app. The details are in the log:";
    crashed_quit: "Đóng ứng dụng", "Close the app";
    nav_backups: "Sao lưu", "Backups";
    nav_history: "Lịch sử", "History";
    hist_title: "Lịch sử thay đổi", "History of changes";
    hist_hint: "Mọi thay đổi được ghi ngay vào tệp hội nghị và hoàn tác được, kể cả sau khi mở lại ứng dụng. Ctrl+Z: hoàn tác · Ctrl+Y: làm lại.", "Every change is written to the conference file at once and can be undone, even after a restart. Ctrl+Z: undo · Ctrl+Y: redo.";
    hist_undo: "Hoàn tác", "Undo";
    hist_redo: "Làm lại", "Redo";
    hist_none: "Chưa có thay đổi nào. Các lần thêm, sửa, xoá, điểm danh, nhập tệp… sẽ hiện ở đây.", "No changes yet. Adding, editing, deleting, check-ins, imports… will show here.";
    hist_time: "Thời gian", "Time";
    hist_change: "Thay đổi", "Change";
    hist_rows: "Bản ghi", "Records";
    hist_state: "Trạng thái", "State";
    hist_undone: "Đã hoàn tác", "Undone";
    hist_in_effect: "Có hiệu lực", "In effect";
    hist_details: "Các bản ghi của thay đổi đã chọn", "Records of the selected change";
    hist_pick: "Chọn một dòng để xem các bản ghi của thay đổi đó.", "Pick a row to see the records it changed.";
    hist_done_undo: "Đã hoàn tác", "Undone";
    hist_done_redo: "Đã làm lại", "Redone";
    hist_nothing_undo: "Không còn thay đổi nào để hoàn tác", "Nothing to undo";
    hist_nothing_redo: "Không có thay đổi nào để làm lại", "Nothing to redo";
    hist_more: "… và các bản ghi khác", "… and more records";
    hist_working: "Đang hoàn tác / làm lại một thay đổi lớn…", "Undoing / redoing a large change…";
    op_add: "thêm", "added";
    op_edit: "sửa", "edited";
    op_delete: "xoá", "deleted";
    verb_add: "Thêm", "Add";
    verb_edit: "Sửa", "Edit";
    verb_delete: "Xoá", "Delete";
    verb_rename: "Đổi tên", "Rename";
    verb_move: "Đổi thứ tự", "Reorder";
    verb_merge: "Gộp", "Merge";
    verb_check_in: "Điểm danh", "Check in";
    verb_undo_check_in: "Hoàn tác điểm danh", "Undo check-in";
    verb_check_in_unit: "Điểm danh cả đơn vị", "Check in unit";
    verb_walk_in: "Thêm khách và điểm danh", "Add walk-in and check in";
    verb_unmerge: "Tách câu hỏi", "Unmerge question";
    noun_attendee: "đại biểu", "attendee";
    noun_question: "câu hỏi", "question";
    noun_gift: "quà tặng", "gift";
    noun_commendation: "khen thưởng", "commendation";
    noun_topic: "chủ đề", "topic";
    noun_kind: "hình thức khen thưởng", "commendation kind";
    noun_office: "chức vụ", "office";
    nouns_attendee: "đại biểu", "attendees";
    nouns_question: "câu hỏi", "questions";
    noun_answer: "trả lời ý kiến", "answer";
    nouns_answer: "trả lời ý kiến", "answers";
    nouns_gift: "quà tặng", "gifts";
    nouns_commendation: "khen thưởng", "commendations";
    nouns_topic: "chủ đề", "topics";
    nouns_kind: "hình thức khen thưởng", "commendation kinds";
    nouns_office: "chức vụ", "offices";
    label_desk_check_in: "{}: điểm danh {}", "{}: checked in {}";
    label_desk_undo: "{}: hoàn tác điểm danh {}", "{}: check-in undone for {}";
    label_desk_many: "{}: {} lượt điểm danh", "{}: {} check-ins";
    label_import: "Nhập {noun} từ tệp {}", "Import {noun} from {}";
    label_assign: "Giao {} ý kiến cho {}", "Assign {} opinions to {}";
    label_follow_up: "Theo dõi ý kiến số {}", "Follow-up of opinion {}";
    label_papers: "Sửa thông tin biên bản, thông báo kết luận", "Edit the minutes' and notice's details";
    protocol_office: "Thứ tự nghi thức theo chức vụ:", "Protocol order by office:";
    f_protocol_order: "Thứ tự cố định", "Fixed place";
    f_protocol_order_hint: "Đặt người này lên đầu thứ tự nghi thức (bàn chủ tọa: 1, 2, 3…); để trống thì xếp theo chức vụ, cấp đơn vị, cấp bậc.", "Puts this person first in protocol order (head table: 1, 2, 3…); empty orders them by office, level of unit and rank.";
    lists_offices: "Thứ tự nghi thức: chức vụ từ cao xuống thấp", "Protocol order: offices, highest first";
    lists_offices_hint: "Người được xếp theo chức vụ (khớp tên hoặc chữ viết tắt ở đầu ô Chức vụ), rồi cấp đơn vị (tỉnh, huyện, xã), cấp bậc, họ tên. Ô \"Thứ tự cố định\" trên phiếu đại biểu đặt vài người lên đầu (bàn chủ tọa).", "People are ordered by office (its name or an abbreviation at the start of their Position), then level of unit (province, district, commune), rank and name. The \"Fixed place\" field on an attendee puts a few people first (the head table).";
    lists_aliases: "Viết tắt, cách viết khác", "Abbreviations, other spellings";
    noun_conference: "thông tin hội nghị", "conference details";
    backup_title: "Bản sao lưu tự động", "Automatic backups";
    backup_hint: "Tạo khi mở tệp, 5 phút một lần khi có thay đổi, trước mỗi lần nhập và trước khi khôi phục; giữ 30 bản gần nhất. Khôi phục một bản thì trạng thái hiện tại cũng được sao lưu trước, nên có thể quay lại.", "Taken when the file is opened, every 5 minutes while it changes, before each import and before a restore; the newest 30 are kept. Restoring first backs up the current state, so a restore can be undone.";
    backup_now: "Sao lưu ngay", "Back up now";
    backup_none: "Chưa có bản sao lưu nào cho tệp này.", "No backups of this file yet.";
    backup_time: "Thời điểm", "Taken";
    backup_reason: "Lý do", "Why";
    backup_opened: "Khi mở tệp", "File opened";
    backup_periodic: "Định kỳ", "Periodic";
    backup_before_import: "Trước khi nhập", "Before an import";
    backup_before_restore: "Trước khi khôi phục", "Before a restore";
    backup_manual: "Sao lưu thủ công", "By hand";
    backup_restore: "Khôi phục", "Restore";
    backup_restore_title: "Khôi phục bản sao lưu này?", "Restore this backup?";
    backup_restore_body: "Nội dung tệp hội nghị sẽ được thay bằng bản sao lưu. Trạng thái hiện tại được sao lưu trước, nên có thể khôi phục lại.", "The conference file's contents will be replaced by the backup. The current state is backed up first, so it can be restored again.";
    backup_done: "Đã sao lưu", "Backed up";
    backup_restored: "Đã khôi phục; trạng thái trước đó được lưu thành bản sao lưu mới nhất.", "Restored; the state before is saved as the newest backup.";
    // Print and export
    nav_export: "In / Xuất tệp", "Print / Export";
    export_title: "In danh sách và xuất bảng tính", "Print lists and export spreadsheets";
    export_list: "Danh sách", "List";
    export_format: "Định dạng", "Format";
    export_pdf: "PDF để in (A4, thể thức văn bản hành chính)", "PDF to print (A4, administrative format)";
    export_xlsx: "Excel (.xlsx)", "Excel (.xlsx)";
    export_csv: "CSV (UTF-8, mở được bằng Excel)", "CSV (UTF-8, opens in Excel)";
    export_group_unit: "Mỗi đơn vị một trang", "One unit per page";
    export_sort: "Sắp xếp", "Order";
    export_sort_name: "Theo tên (thứ tự tiếng Việt)", "By name (Vietnamese order)";
    export_sort_rank: "Theo thứ tự nghi thức (chức vụ, cấp bậc)", "Protocol order (office, rank)";
    export_sort_unit: "Theo đơn vị", "By unit";
    export_sort_entry: "Theo thứ tự nhập", "In entry order";
    export_save: "Lưu tệp…", "Save file…";
    export_print: "In…", "Print…";
    export_docx: "Word (.docx, để sửa lần cuối)", "Word (.docx, for a last edit)";
    export_place_cards_hint: "Cho những người có «Thứ tự cố định» (bàn chủ tọa); nếu chưa ai có, cho thành phần Lãnh đạo và Khách mời. Gấp đôi tờ A4 theo chiều ngang.", "For those given a fixed place (the head table); if nobody has one, the Leaders and Guests groups. Fold the A4 sheet across its middle.";
    preview_title: "Xem trước", "Preview";
    preview_prev: "‹ Trang trước", "‹ Previous";
    preview_next: "Trang sau ›", "Next ›";
    preview_page: "Trang", "Page";
    preview_zoom_in: "Phóng to", "Zoom in";
    preview_zoom_out: "Thu nhỏ", "Zoom out";
    preview_fit: "Vừa khung", "Fit width";
    preview_building: "Đang dựng trang…", "Laying out the pages…";
    print_title: "In danh sách", "Print the list";
    print_looking: "Đang tìm máy in…", "Looking for printers…";
    print_none: "Máy này chưa có máy in nào. Hãy thêm máy in trong hệ thống, hoặc lưu PDF rồi in từ máy khác.", "This computer has no printer. Add one in the system, or save the PDF and print it elsewhere.";
    print_printer: "Máy in", "Printer";
    print_default: "mặc định", "default";
    print_copies: "Số bản", "Copies";
    print_go: "In", "Print";
    print_sent: "Đã gửi {n} bản tới máy in «{printer}»", "Sent {n} copies to the printer «{printer}»";
    export_running: "Đang tạo tệp…", "Writing the file…";
    export_cancel: "Huỷ", "Cancel";
    export_done: "Đã lưu", "Saved";
    export_rows: "dòng", "rows";
    export_items: "mục", "items";
    export_open_file: "Mở tệp", "Open the file";
    export_open_folder: "Mở thư mục chứa tệp", "Open its folder";
    export_cancelled: "Đã huỷ; không có tệp nào bị ghi.", "Cancelled; no file was written.";
    export_heading_hint: "Tiêu đề, nơi ký và người ký lấy từ thông tin hội nghị ở trang Tổng quan.", "Heading lines, place and signers come from the conference details on the Overview page.";
    export_not_locked: "Danh sách lưu ra (PDF, Word, Excel) không được khoá bằng mật khẩu.", "Saved lists (PDF, Word, Excel) are not locked with the passphrase.";
    export_empty: "Danh sách này chưa có dòng nào; tệp vẫn tạo được nhưng sẽ trống.", "This list has no rows yet; the file can still be made but will be empty.";
    list_signin: "Danh sách ký nhận đại biểu", "Sign-in sheet";
    list_attendance: "Danh sách điểm danh (có mặt / vắng, giờ đến)", "Attendance (present / absent, time)";
    list_report: "Báo cáo tình hình đại biểu (để báo cáo khai mạc)", "Attendance report (for the opening)";
    list_gifts: "Danh sách ký nhận quà tặng", "Gift receipt list";
    list_commendations: "Danh sách khen thưởng (thứ tự lên sân khấu)", "Commendations (stage order)";
    list_questions: "Tổng hợp ý kiến và trả lời theo lĩnh vực", "Opinions and answers by topic";
    list_badges: "Thẻ đại biểu có mã QR (10 thẻ một trang A4)", "Name badges with QR codes (10 per A4 page)";
    list_place_cards: "Bảng tên để bàn chủ tọa (A4 gấp đôi)", "Place cards for the head table (A4 folded)";
    list_programme: "Chương trình hội nghị (một trang)", "The programme (one page)";
    list_script: "Kịch bản dẫn chương trình", "The MC's script";
    list_attendees: "Danh sách đại biểu đầy đủ các cột", "Full attendee list";
    list_minutes: "Biên bản hội nghị", "Minutes of the conference";
    list_conclusion: "Thông báo kết luận của chủ trì hội nghị", "Notice of the chair's conclusions";
    list_results_report: "Báo cáo kết quả tổ chức hội nghị", "Report on how the conference went";
    list_follow_up: "Phiếu chuyển ý kiến cho đơn vị trả lời", "Opinions sent to units to answer";
    export_papers: "Văn bản sau hội nghị", "Papers after the conference";
    export_papers_hint: "Chủ trì, thư ký, giờ họp, kết luận và nơi nhận lấy từ thông tin văn bản của tệp hội nghị; tình hình trả lời ý kiến tính đến hôm nay.", "The chair, the secretary, the times, the conclusions and the recipients come from the file's paper details; the follow-up is as it stands today.";
    export_unit: "Đơn vị giải quyết", "Answering unit";
    export_all_units: "Tất cả đơn vị (mỗi đơn vị một trang)", "Every unit (a page each)";
    export_follow_up_hint: "Tệp Excel có mỗi đơn vị một trang tính; đơn vị điền các cột trả lời rồi gửi lại để nhập.", "The Excel file has a worksheet per unit; the unit fills in the answer columns and sends it back to be imported.";
}

impl Strings {
    /// The name of a printable list.
    /// "Đã gửi 1 bản tới máy in «PDF»": what a print job did, in words (its id goes to the log).
    pub fn print_sent(&self, copies: u32, printer: &str) -> String {
        let text = if self.lang == Lang::En && copies == 1 {
            self.print_sent.replace("copies", "copy")
        } else {
            self.print_sent.to_owned()
        };
        text.replace("{n}", &copies.to_string())
            .replace("{printer}", printer)
    }

    pub fn list(&self, k: crate::export::ListKind) -> &'static str {
        use crate::export::ListKind as L;
        match k {
            L::Signin => self.list_signin,
            L::Attendance => self.list_attendance,
            L::Report => self.list_report,
            L::Gifts => self.list_gifts,
            L::Commendations => self.list_commendations,
            L::Questions => self.list_questions,
            L::Badges => self.list_badges,
            L::PlaceCards => self.list_place_cards,
            L::Programme => self.list_programme,
            L::Script => self.list_script,
            L::Attendees => self.list_attendees,
            L::Minutes => self.list_minutes,
            L::Conclusion => self.list_conclusion,
            L::ResultsReport => self.list_results_report,
            L::FollowUp => self.list_follow_up,
        }
    }

    /// The message for a field problem; the Vietnamese ones live with the rule.
    pub fn problem(&self, p: Problem) -> &'static str {
        if self.lang == Lang::Vi {
            return p.vi();
        }
        match p {
            Problem::Required => "Required",
            Problem::BadYear => "Not a valid year (1900 to this year)",
            Problem::BadPhone => "Not a valid phone number (9–12 digits)",
            Problem::BadMoney => "Not a valid amount (e.g. 2.000.000)",
            Problem::BadDate => "Not a valid date (dd/mm/yyyy)",
            Problem::BadTime => "Not a valid time (e.g. 7:30)",
            Problem::BadNumber => "Must be a positive whole number",
            Problem::TooLong => "Too long",
            Problem::ExtraCells => "Row has more cells than the header",
            Problem::UnknownCode => "Code not explained by a code sheet of the file; kept as typed",
            Problem::UnknownQuestion => {
                "No opinion of this file has this id (another conference's sheet, or an edited id)"
            }
            Problem::BadStatus => "Status not readable (Chưa / Đang / Đã giải quyết)",
            Problem::AnsweredTwice => {
                "A row above answers this opinion otherwise: keep one of the two rows"
            }
        }
    }

    /// How a question came in; the Vietnamese names live with the channel.
    pub fn channel(&self, c: Channel) -> &'static str {
        if self.lang == Lang::Vi {
            return c.vi();
        }
        match c {
            Channel::Written => "Written slip",
            Channel::Spoken => "Spoken",
            Channel::Before => "Sent before",
        }
    }

    /// The import page's heading for a kind of record.
    pub fn import_heading(&self, kind: crate::import::Kind) -> &'static str {
        use crate::import::Kind as K;
        match kind {
            K::Attendees => self.import_title,
            K::Questions => self.import_questions,
            K::Gifts => self.import_gifts,
            K::Commendations => self.import_commendations,
            K::Answers => self.import_answers,
        }
    }

    /// A field a file column can go to.
    pub fn field(&self, f: crate::import::Field) -> &'static str {
        use crate::import::Field as F;
        match f {
            F::FullName => self.f_full_name,
            F::Gender => self.f_gender,
            F::BirthYear => self.f_birth_year,
            F::Rank => self.f_rank,
            F::Position => self.f_position,
            F::Unit => self.f_unit,
            F::District => self.f_district,
            F::Group => self.f_group,
            F::Phone => self.f_phone,
            F::Note => self.f_note,
            F::BadgeCode => self.f_badge_code,
            F::Number => self.f_number,
            F::Topic => self.f_topic,
            F::Content => self.f_content,
            F::Channel => self.f_channel,
            F::Responder => self.f_responder,
            F::Answer => self.f_answer,
            F::Circumstances => self.f_circumstances,
            F::Item => self.f_item,
            F::Value => self.f_value,
            F::CommendationKind => self.f_kind,
            F::Target => self.f_collective,
            F::Achievement => self.f_achievement,
            F::DecisionNumber => self.f_decision_number,
            F::DecisionDate => self.f_decision_date,
            F::Issuer => self.f_issuer,
            F::QuestionId => self.f_question_id,
            F::AnswerDocNo => self.f_doc_no,
            F::AnswerDocDate => self.f_doc_date,
            F::FollowStatus => self.f_follow_status,
            F::AnsweredBy => self.f_answered_by,
        }
    }

    /// How an opinion was handled; the Vietnamese names live with the handling.
    pub fn handling(&self, h: crate::domain::Handling) -> &'static str {
        use crate::domain::Handling as H;
        if self.lang == Lang::Vi {
            return h.vi();
        }
        match h {
            H::Undecided => "Not decided",
            H::AnsweredInHall => "Answered in the hall",
            H::InWriting => "Answer in writing",
            H::ToUnit => "Sent to a unit",
            H::Noted => "Noted",
        }
    }

    /// Where an opinion's follow-up stands.
    pub fn follow_status(&self, st: crate::domain::FollowStatus) -> &'static str {
        use crate::domain::FollowStatus as F;
        if self.lang == Lang::Vi {
            return st.vi();
        }
        match st {
            F::Open => "Not resolved",
            F::InProgress => "In progress",
            F::Done => "Resolved",
        }
    }

    /// A question's status; the Vietnamese names live with the status.
    pub fn status(&self, st: Status) -> &'static str {
        if self.lang == Lang::Vi {
            return st.vi();
        }
        match st {
            Status::Received => "Received",
            Status::AnsweredAtConference => "Answered at the conference",
            Status::InWriting => "To answer in writing",
            Status::Forwarded => "Forwarded",
            Status::Withdrawn => "Withdrawn / merged",
        }
    }
}
