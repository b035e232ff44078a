## Tệp Excel gửi cho bot: xem trước, áp dụng, từ chối

sheets-nothing-changed = Không có gì thay đổi.
sheets-refused-too-big = Tệp "{ $name }" quá lớn{ $sizeMb ->
        [none] {""}
       *[other] {" "}({ $sizeMb } MB)
    }: bot chỉ nhận tệp đến { $maxMb } MB.
sheets-refused-not-xlsx = "{ $name }" không phải bảng tính Excel (.xlsx). Anh/chị mở tệp bằng Excel, chọn Lưu thành (Save As) dạng .xlsx rồi gửi lại.
sheets-refused-old-xls = "{ $name }" là tệp Excel đời cũ (.xls). Anh/chị lưu lại dạng .xlsx (Excel Workbook) rồi gửi lại.
sheets-refused-encrypted = Tệp "{ $name }" có mật khẩu nên bot không đọc được. Anh/chị bỏ mật khẩu (File › Info › Protect Workbook) rồi gửi lại.
sheets-refused-macros = Tệp "{ $name }" có macro (.xlsm): vì an toàn, bot không nhận tệp có macro. Anh/chị lưu lại dạng .xlsx rồi gửi lại.
sheets-refused-empty = Tệp "{ $name }" rỗng.
sheets-refused-unknown-layout = Bot không nhận ra mẫu của tệp "{ $name }". Bot đọc được: phụ lục tiến độ của đơn vị (gõ /phuluc để lấy mẫu điền sẵn), phụ lục giao nhiệm vụ của chương trình/kế hoạch, danh sách đơn vị hoặc danh sách cán bộ.
sheets-refused-not-allowed = Tệp "{ $name }" là { $layout ->
        [progress] phụ lục tiến độ
       *[other] phụ lục giao nhiệm vụ hoặc danh sách
    }: chỉ { $layout ->
        [progress] cán bộ đầu mối, lãnh đạo đơn vị và Văn phòng thường trực
       *[other] Văn phòng thường trực (quản trị)
    } gửi được loại tệp này.
sheets-refused-no-unit = Tài khoản của anh/chị chưa gắn với đơn vị nào nên chưa nhận được phụ lục tiến độ. Anh/chị liên hệ quản trị để được gắn đơn vị.
sheets-refused-download-failed = Chưa tải được tệp "{ $name }" từ ứng dụng chat. Anh/chị gửi lại giúp.
sheets-refused-problems = Tệp "{ $name }" có { $count } lỗi, chưa áp dụng được:
sheets-more-choice = Xem thêm
sheets-more = … và { $count } mục khác.
sheets-ask = Áp dụng các thay đổi này?
sheets-apply = Áp dụng
sheets-cancel = Huỷ
sheets-nothing-new = Tệp không có gì mới so với dữ liệu hiện có. Không có gì thay đổi.
sheets-stale = Bản xem trước này không còn hiệu lực (đã áp dụng, đã huỷ hoặc đã quá hạn). Anh/chị gửi lại tệp nếu cần.
sheets-cancelled = Đã huỷ. Không có gì thay đổi.

## Văn phòng thường trực / quản trị: chương trình, kế hoạch, danh sách

sheets-import-title = Xem trước "{ $name }":
sheets-import-tasks = { $total } nhiệm vụ/chỉ tiêu — { $created } mới, { $changed } thay đổi, { $unchanged } không đổi.
sheets-import-units = Đơn vị: { $created } mới, { $changed } thay đổi.
sheets-import-people = Cán bộ: { $created } mới, { $changed } thay đổi.
sheets-import-updates = Cập nhật tiến độ mới: { $count }.
sheets-change-created = Mới: { $number } { $title }
sheets-change-changed = Thay đổi: { $number } { $title }
sheets-applied-import = Đã áp dụng "{ $name }": { $created } nhiệm vụ mới, { $changed } thay đổi, { $updates } cập nhật tiến độ, { $units } đơn vị và { $people } cán bộ mới hoặc thay đổi. Tệp được lưu làm nguồn.

## Cán bộ đầu mối, lãnh đạo đơn vị: phụ lục tiến độ của đơn vị

sheets-progress-title = Phụ lục tiến độ { $unit } ("{ $name }"): { $changed } nhiệm vụ thay đổi, { $unchanged } không đổi.
sheets-progress-task = { $number } { $title } (dòng { $row })
sheets-progress-state = Tình trạng: { $old ->
        [DONE] đã hoàn thành
        [IN_PROGRESS] đang triển khai
        [NOT_STARTED] chưa triển khai
       *[other] chưa báo cáo
    } → { $new ->
        [DONE] đã hoàn thành
        [IN_PROGRESS] đang triển khai
       *[other] chưa triển khai
    }
sheets-progress-field = { $field ->
        [percent] Tiến độ
        [actualValue] Giá trị đạt được
        [outputDocument] Sản phẩm đầu ra
        [expectedCompletionText] Dự kiến hoàn thành
        [difficulties] Khó khăn, vướng mắc
       *[proposals] Đề xuất, kiến nghị
    }: { $old } → { $new }
sheets-progress-unmatched = Dòng { $row } ({ $sheet }) "{ $label } { $title }": không khớp nhiệm vụ nào của đơn vị, bỏ qua.
sheets-progress-other-unit = { $row ->
        [none] Sheet "{ $sheet }" ({ $rows } dòng)
       *[other] Dòng { $row } ({ $sheet })
    } thuộc { $unit }: ngoài phạm vi của anh/chị, bỏ qua.
sheets-applied-progress = Đã lưu { $count } cập nhật tiến độ của { $unit } từ tệp "{ $name }", mỗi cập nhật kèm tệp làm minh chứng.

## Phụ lục để điền, và đường dẫn gửi tệp

sheets-appendix-ready = Phụ lục tiến độ của { $unit } (số liệu đến ngày { $day }), đã điền sẵn. Anh/chị cập nhật các cột (4)–(9) rồi gửi lại tệp cho bot: bot sẽ cho xem trước các thay đổi trước khi lưu.
sheets-appendix-caption = Phụ lục tiến độ { $unit } – số liệu đến ngày { $day }
sheets-appendix-no-unit = Tài khoản của anh/chị chưa gắn với đơn vị nào nên chưa có phụ lục để gửi.
sheets-appendix-none = Đơn vị của anh/chị chưa được giao nhiệm vụ nào nên chưa có phụ lục.
sheets-upload-link = Mở đường dẫn dưới đây trên điện thoại hoặc máy tính để gửi tệp Excel (.xlsx, tối đa { $maxMb } MB). Đường dẫn chỉ dùng được một lần, cho riêng anh/chị, và hết hạn sau { $minutes } phút. Bản xem trước sẽ hiện ở cuộc trò chuyện này.{ $telegram ->
        [yes] {" "}Trên Telegram anh/chị cũng có thể đính kèm tệp ngay tại đây.
       *[other] {""}
    }
sheets-upload-unavailable = { $telegram ->
        [yes] Anh/chị đính kèm tệp Excel (.xlsx) ngay trong cuộc trò chuyện này (biểu tượng 📎 › Tệp).
       *[other] Máy chủ chưa bật trang gửi tệp (cần PUBLIC_BASE_URL). Anh/chị gửi tệp qua Telegram hoặc nhờ Văn phòng thường trực nhập giúp.
    }

## Trang gửi tệp (PUBLIC_BASE_URL/u/…)

sheets-page-title = Gửi tệp Excel cho bot NQ57
sheets-page-intro = Chọn tệp Excel (.xlsx, tối đa { $maxMb } MB) rồi bấm "Gửi tệp". Bản xem trước sẽ hiện trong cuộc trò chuyện với bot; anh/chị xác nhận "Áp dụng" ở đó.
sheets-page-for = Người gửi: { $name }
sheets-page-choose = Chọn tệp
sheets-page-submit = Gửi tệp
sheets-page-done = Đã nhận tệp "{ $name }". Bản xem trước đã được gửi vào cuộc trò chuyện với bot: anh/chị quay lại đó để xem và bấm "Áp dụng" hoặc "Huỷ".
sheets-page-done-late = Đã nhận tệp "{ $name }", nhưng chưa gửi được bản xem trước vào cuộc trò chuyện. Anh/chị nhắn "gửi tệp" cho bot để lấy đường dẫn mới và thử lại.
sheets-page-invalid = Đường dẫn không đúng. Anh/chị nhắn "gửi tệp" cho bot để lấy đường dẫn mới.
sheets-page-expired = Đường dẫn đã hết hạn. Anh/chị nhắn "gửi tệp" cho bot để lấy đường dẫn mới.
sheets-page-used = Đường dẫn này đã được dùng để gửi một tệp. Mỗi đường dẫn chỉ dùng một lần: anh/chị nhắn "gửi tệp" cho bot để lấy đường dẫn mới.
sheets-page-too-big = Tệp quá lớn: bot chỉ nhận tệp đến { $maxMb } MB.
sheets-page-no-file = Chưa chọn tệp. Anh/chị chọn một tệp .xlsx rồi bấm "Gửi tệp".
sheets-page-bad-request = Yêu cầu không hợp lệ: hãy gửi tệp bằng nút "Gửi tệp" trên trang.
sheets-page-again = Gửi tệp khác? Nhắn "gửi tệp" cho bot để lấy đường dẫn mới.
