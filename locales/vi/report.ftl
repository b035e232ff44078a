## Báo cáo tiến độ

menu-report = Báo cáo tiến độ
report-skip = Bỏ qua
report-cancel = Huỷ
report-target = Nhiệm vụ { $number } ({ $plan }): { $title }{ $last ->
        [none] {""}
       *[other] { " " }— lần trước { $last }%
    }
report-no-tasks = Anh/chị hiện không có nhiệm vụ đang mở nào để báo cáo.
report-correcting = Sửa lần cập nhật vừa rồi: các bước hiện giá trị đã báo, bấm "Bỏ qua" để giữ nguyên.
report-which-task = Anh/chị báo cáo nhiệm vụ nào? ({ $count } nhiệm vụ đang mở)
report-which-task-quick = Anh/chị đang báo cáo cho nhiệm vụ nào? ({ $count } nhiệm vụ đang mở)
report-type-number = Hoặc gõ số nhiệm vụ, ví dụ "II.6".
report-ask-status = Tình trạng hiện nay?
state-IN_PROGRESS = Đang triển khai
state-DONE = Đã hoàn thành
state-NOT_STARTED = Chưa triển khai
report-ask-percent = Đã hoàn thành bao nhiêu phần trăm? Gõ một số từ 0 đến 100{ $last ->
        [none] {""}
       *[other] { " " }(lần trước { $last }%)
    }.
percent-choice = { $value }%
report-ask-output = Sản phẩm đầu ra (văn bản, số, ngày ban hành), ví dụ "Kế hoạch số 52/KH-UBND ngày 05/9/2025"{ $current ->
        [none] {""}
       *[other] { "" }. Hiện ghi: { $current }
    }
report-ask-difficulties = Khó khăn, vướng mắc (nếu có){ $current ->
        [none] {""}
       *[other] { "" }. Hiện ghi: { $current }
    }
report-ask-proposals = Đề xuất, kiến nghị (nếu có){ $current ->
        [none] {""}
       *[other] { "" }. Hiện ghi: { $current }
    }
report-ask-expected = Dự kiến thời gian hoàn thành, ví dụ "quý I/2026" hoặc "31/12/2026"{ $current ->
        [none] {""}
       *[other] { "" }. Hiện ghi: { $current }
    }
report-ask-attachments = Gửi kèm tệp hoặc ảnh minh chứng (không bắt buộc){ $count ->
        [0] {""}
       *[other] { "" }. Đã nhận { $count } tệp
    }.
report-files-done = Xong, không gửi thêm
report-understood = Tôi hiểu như sau, anh/chị xác nhận giúp:
report-summary = Kiểm tra lại trước khi lưu:
summary-state = Tình trạng: { $state ->
        [DONE] đã hoàn thành
        [IN_PROGRESS] đang triển khai
        [NOT_STARTED] chưa triển khai
       *[other] chưa rõ
    }{ $percent ->
        [none] {""}
       *[other] { " " }({ $percent }%)
    }
summary-output = Sản phẩm: { $text }
summary-difficulties = Khó khăn, vướng mắc: { $text }
summary-proposals = Đề xuất, kiến nghị: { $text }
summary-expected = Dự kiến hoàn thành: { $text }
summary-attachments = Tệp đính kèm: { $count }
report-confirm-question = Lưu cập nhật này?
report-save = ✅ Lưu
report-edit = ✏️ Sửa từng bước
report-cancelled = Đã huỷ. Chưa có gì được lưu.
report-cancelled-toast = Đã huỷ
report-task-unknown = Tôi chưa xác định được nhiệm vụ. Anh/chị chọn một nhiệm vụ trong danh sách hoặc gõ đúng số nhiệm vụ.
report-status-unknown = Anh/chị chọn một tình trạng: đang triển khai, đã hoàn thành hoặc chưa triển khai.
report-percent-over = Tỷ lệ hoàn thành không thể vượt quá 100% ("{ $value }"). Anh/chị gõ lại một số từ 0 đến 100.
report-percent-bad = "{ $value }" không phải là tỷ lệ phần trăm. Anh/chị gõ một số từ 0 đến 100, ví dụ 50.
report-file-later = Bước này cần một dòng chữ; tệp đính kèm gửi ở bước sau.
report-type-text = Anh/chị gõ nội dung, hoặc chọn "Bỏ qua".
report-files-max = Mỗi lần cập nhật nhận tối đa { $max } tệp.
report-send-file = Anh/chị gửi tệp hoặc ảnh, hoặc chọn "Xong" để tiếp tục.
report-confirm-unknown = Anh/chị chọn "Lưu", "Sửa từng bước" hoặc "Huỷ".
report-saved = ✅ Đã lưu cập nhật nhiệm vụ { $number }: { $state ->
        [DONE] đã hoàn thành
        [IN_PROGRESS] đang triển khai
        [NOT_STARTED] chưa triển khai
       *[other] {""}
    }{ $percent ->
        [none] {""}
       *[other] { " " }{ $percent }%
    }.
report-corrected = ✅ Đã lưu bản sửa cho nhiệm vụ { $number }: { $state ->
        [DONE] đã hoàn thành
        [IN_PROGRESS] đang triển khai
        [NOT_STARTED] chưa triển khai
       *[other] {""}
    }{ $percent ->
        [none] {""}
       *[other] { " " }{ $percent }%
    }.
report-saved-hint = Trong { $minutes } phút tới, gõ /sua để sửa hoặc /rutlai để rút lại lần cập nhật này.
report-not-allowed = Chỉ cán bộ đầu mối và lãnh đạo đơn vị báo cáo tiến độ qua bot.
report-foreign-task = Nhiệm vụ "{ $ref }" không thuộc đơn vị của anh/chị nên anh/chị không thể báo cáo cho nhiệm vụ này.
file-outside-report = Tôi chỉ nhận tệp khi anh/chị đang báo cáo tiến độ (gõ /capnhat để bắt đầu).
correction-none = Anh/chị chưa có lần cập nhật nào để sửa hoặc rút lại.
correction-too-late = Lần cập nhật gần nhất đã quá { $minutes } phút nên không sửa được nữa; anh/chị gửi một cập nhật mới.
withdraw-ask = Rút lại lần cập nhật này? Lịch sử vẫn giữ, nhiệm vụ trở về tình trạng trước đó.
withdraw-yes = Rút lại
withdraw-no = Giữ nguyên
withdraw-kept = Đã giữ nguyên lần cập nhật.
withdraw-done = Đã rút lại lần cập nhật nhiệm vụ { $number }.
handover-not-leader = Chỉ lãnh đạo đơn vị giao nhiệm vụ cho cán bộ khác.
handover-usage = Cách dùng: /giao <số nhiệm vụ> <họ tên cán bộ>, ví dụ /giao II.6 Trần Thị Hồng Nhung
task-which-handover = Có nhiều nhiệm vụ số "{ $ref }"; anh/chị ghi đầy đủ số, ví dụ A.II.6.
handover-many-people = Có nhiều cán bộ tên "{ $name }" ở { $unit }; anh/chị ghi đầy đủ họ tên.
handover-no-person = Không có cán bộ "{ $name }" ở { $unit }.
handover-done = Đã giao nhiệm vụ { $number } cho { $name }.
quick-problem-PERCENT_OVER_100 = Tỷ lệ hoàn thành không thể vượt quá 100%. Anh/chị gửi lại, ví dụ "đang triển khai 80%".
quick-problem-PERCENT_NEGATIVE = Tỷ lệ hoàn thành không thể là số âm.
quick-problem-PERCENT_NOT_A_NUMBER = Tôi không đọc được tỷ lệ phần trăm. Anh/chị gõ một số, ví dụ "50%".
quick-problem-DONE_BUT_PERCENT_BELOW_100 = Anh/chị báo "xong" nhưng tỷ lệ dưới 100%. Nhiệm vụ đã hoàn thành hay đang triển khai?
quick-problem-NOT_STARTED_BUT_PERCENT = Anh/chị báo "chưa triển khai" nhưng có ghi tỷ lệ. Anh/chị gửi lại cho rõ.
flow-expired = Phiên báo cáo trước đã quá thời gian chờ nên đã dừng; chưa có gì được lưu.
nothing-to-cancel = Không có việc gì đang làm dở để huỷ.
summary-note = Ghi chú: { $text }
flow-busy = Anh/chị đang báo cáo dở. Trả lời câu hỏi dưới đây, hoặc gõ /huy để dừng rồi dùng lệnh khác.
handover-confirm = Giao nhiệm vụ { $number } ({ $title }) cho { $name }? Người được giao sẽ nhận nhắc việc và báo cáo nhiệm vụ này thay cho người đang phụ trách.
handover-yes = ✅ Giao
handover-no = Không giao
handover-kept = Đã huỷ, nhiệm vụ vẫn do người đang phụ trách.
quick-problem-times = (gặp ở { $count } chỗ trong tin nhắn)
quick-problem-nothing-saved = Chưa có gì được lưu; anh/chị sửa rồi gửi lại cả tin nhắn.
summary-unread = Chưa đọc được: { $text }{ $more ->
        [0] {""}
       *[other] { " " }và { $more } chỗ khác
    }
summary-field-missing = { $field ->
        [output] Sản phẩm
        [difficulties] Khó khăn, vướng mắc
        [proposals] Đề xuất, kiến nghị
       *[expected] Dự kiến hoàn thành
    }: không thấy trong tin nhắn
report-ask-percent-seen = Tôi thấy { $count ->
        [2] hai
       *[other] { $count }
    } con số { $values } và { $last }, con số nào là tiến độ hiện nay? Chọn một, hoặc gõ một số từ 0 đến 100.
report-read-so-far = Những gì tôi đọc được trong tin nhắn:
summary-field-none = { $field ->
        [output] Sản phẩm
        [difficulties] Khó khăn, vướng mắc
        [proposals] Đề xuất, kiến nghị
       *[expected] Dự kiến hoàn thành
    }: không có
