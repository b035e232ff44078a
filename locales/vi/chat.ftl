## Trò chuyện chung: trợ giúp, việc của tôi, nhiệm vụ, đơn vị

help-title = Xin chào { $name }!
help-body = Tôi giúp theo dõi các nhiệm vụ, chỉ tiêu thực hiện Nghị quyết 57-NQ/TW.
    • "việc của tôi" (/viectoi): nhiệm vụ anh/chị phụ trách, việc gấp trước.
    • "nv 22" hoặc "nhiệm vụ II.6" (/nv): chi tiết và lịch sử cập nhật.
    • "đơn vị Cát Hải" (/donvi): nhiệm vụ của một đơn vị theo tình trạng.
    • Cập nhật tiến độ: trả lời một dòng, ví dụ "nv II.6: 50%, đã xong dự thảo, vướng kinh phí", hoặc từng bước với /capnhat.
    • Hỏi như hỏi thư ký: "nhiệm vụ nào quá hạn ở Cát Hải?", "đơn vị nào chưa cập nhật tháng này"; /baocao gửi báo cáo tổng hợp.
menu-mine = Việc của tôi
menu-unit = Nhiệm vụ đơn vị
menu-help = Hướng dẫn
chat-not-understood = Tôi chưa hiểu ý anh/chị. Anh/chị có thể chọn:
chat-old-choice = Lựa chọn này đã cũ. Anh/chị gõ "việc của tôi" hoặc "hướng dẫn" để bắt đầu lại.
list-more = … và { $count } mục khác.
choice-task = { $number } · { $title }{ $last ->
        [none] {""}
       *[other] {" "}({ $last }%)
    }
choice-task-plan = { $number } ({ $plan })

## Danh sách nhiệm vụ

task-head = { $icon } { $number } · { $title }
task-meta = { $unit ->
        [none] {""}
       *[other] { $unit }{ " · " }
    }{ $status ->
        [OVERDUE] quá hạn { $days } ngày
        [DUE_SOON] còn { $days } ngày
        [ON_TRACK] đang triển khai
        [NOT_STARTED] chưa triển khai
       *[DONE] đã hoàn thành
    }{ $value ->
        [none] {""}
       *[other] { " · " }{ $value }%
    }{ $indicator ->
        [MET] { " · " }đạt chỉ tiêu
        [NOT_MET] { " · " }chưa đạt chỉ tiêu
       *[other] {""}
    } · { $age ->
        [-1] chưa cập nhật
        [0] cập nhật hôm nay
       *[other] cập nhật { $age } ngày trước
    }
due-date = Hạn: { $date }
due-continuous = Hạn: thường xuyên (báo cáo hằng tháng)
due-yearly = Hạn: hằng năm ({ $date })
due-text = Hạn: { $text }
due-none = Hạn: không ghi
mine-none = Hiện anh/chị chưa được giao phụ trách nhiệm vụ nào. Nếu chưa đúng, xin báo Văn phòng Thường trực để cập nhật.
mine-title = { $whose ->
        [unit] Việc của đơn vị anh/chị (anh/chị chưa được giao riêng nhiệm vụ nào)
       *[own] Việc của anh/chị
    }: { $open } đang mở, { $done } đã xong (tổng { $total }).
mine-title-page = { $whose ->
        [unit] Việc của đơn vị anh/chị đang mở
       *[own] Việc của anh/chị đang mở
    }, mục { $from }–{ $to } / { $open }:
list-nothing-more = Không có danh sách nào đang xem dở để xem thêm. Anh/chị có thể chọn:

## Chi tiết một nhiệm vụ

task-not-found = Không tìm thấy nhiệm vụ "{ $ref }" trong phạm vi của anh/chị.
task-out-of-scope = Nhiệm vụ này không thuộc phạm vi anh/chị được xem.
task-which = Có { $count } nhiệm vụ số "{ $ref }". Anh/chị muốn xem nhiệm vụ nào?
task-option = { $number } ({ $plan }, { $units ->
        [1] { $unit }
       *[other] { $units } đơn vị
    }): { $title }
detail-head = { $icon } { $kind ->
        [INDICATOR] Chỉ tiêu
       *[TASK] Nhiệm vụ
    } { $number } · { $plan }
detail-unit = Đơn vị: { $unit } (chủ trì: { $lead })
detail-deadline = Thời hạn: { $text }
detail-status = Tình trạng: { $status ->
        [OVERDUE] quá hạn { $days } ngày
        [DUE_SOON] sắp đến hạn (còn { $days } ngày)
        [ON_TRACK] đang triển khai trong hạn
        [NOT_STARTED] chưa triển khai
       *[DONE] đã hoàn thành
    }{ $value ->
        [none] {""}
       *[other] , { $value }%
    } · { $age ->
        [-1] chưa có cập nhật
        [0] cập nhật hôm nay
       *[other] cập nhật lần cuối { $age } ngày trước
    }
detail-target = Chỉ tiêu: { $comparator }{ $value }{ $unit } năm { $year }; thực tế: { $actual ->
        [none] chưa có số liệu
       *[other] { $actual }{ $unit }
    } → { $result ->
        [MET] đạt
        [NOT_MET] chưa đạt
       *[other] chưa đánh giá được
    }
detail-result = Kết quả: { $text }
detail-output = Sản phẩm: { $text }
detail-expected = Dự kiến hoàn thành: { $text }
detail-difficulties = Khó khăn, vướng mắc: { $text }
detail-proposals = Đề xuất, kiến nghị: { $text }
history-title = Lịch sử cập nhật ({ $count } lần gần nhất):
history-none = Chưa có cập nhật nào.
history-line = { $date } · { $kind ->
        [CORRECTION] (sửa) {""}
        [WITHDRAWAL] (rút lại) {""}
       *[other] {""}
    }{ $state ->
        [DONE] hoàn thành
        [IN_PROGRESS] đang triển khai
       *[NOT_STARTED] chưa triển khai
    }{ $value ->
        [none] {""}
       *[other] { " " }{ $value }%
    }{ $who ->
        [import] { " · " }từ phụ lục Excel
        [none] {""}
       *[other] { " · " }{ $who }
    }{ $text ->
        [none] {""}
       *[other] { " · " }{ $text }
    }
rollup-summary = Tiến độ chung ({ $lead }): { $done }/{ $total } đơn vị đã hoàn thành, { $overdue } đơn vị quá hạn, { $reported } đơn vị đã báo cáo.
rollup-unit = { $icon } { $unit }: { $status ->
        [OVERDUE] quá hạn
        [DUE_SOON] sắp đến hạn
        [ON_TRACK] đang triển khai
        [NOT_STARTED] chưa triển khai
       *[DONE] đã hoàn thành
    }{ $value ->
        [none] {""}
       *[other] { " " }{ $value }%
    }{ $reported ->
        [no] { " " }(chưa báo cáo)
       *[yes] {""}
    }
rollup-silent = { $overdue ->
        [yes] 🔴 Quá hạn, chưa báo cáo
       *[no] ⚪ Chưa báo cáo
    } ({ $count }): { $units }{ $more ->
        [0] {""}
       *[other] { " " }và { $more } đơn vị khác
    }
rollup-page = Đơn vị đã báo cáo, chưa xong: mục { $from }–{ $to } / { $count }
rollup-done = ✅ Đã hoàn thành ({ $count }): { $units }{ $more ->
        [0] {""}
       *[other] { " " }và { $more } đơn vị khác
    }

## Nhiệm vụ của một đơn vị

unit-which = Anh/chị muốn xem đơn vị nào? Ví dụ: "đơn vị Cát Hải".
unit-which-of = Có nhiều đơn vị khớp với "{ $query }". Anh/chị chọn:
unit-not-found = Không tìm thấy đơn vị "{ $query }".
unit-out-of-scope = Anh/chị không có quyền xem nhiệm vụ của { $unit }.
unit-no-tasks = { $unit } chưa được giao nhiệm vụ nào.
unit-title = { $unit }: được giao { $total } nhiệm vụ/chỉ tiêu, đã hoàn thành { $done }, quá hạn { $overdue }, sắp đến hạn { $dueSoon }, đang triển khai trong hạn { $onTrack }, chưa triển khai { $notStarted }.
unit-group = { $status ->
        [OVERDUE] 🔴 Quá hạn
        [DUE_SOON] 🟠 Sắp đến hạn
        [ON_TRACK] 🟢 Đang triển khai trong hạn
        [NOT_STARTED] ⚪ Chưa triển khai
       *[DONE] ✅ Đã hoàn thành
    } ({ $count })
unit-more = Xem thêm { $status ->
        [OVERDUE] quá hạn
        [DUE_SOON] sắp đến hạn
        [ON_TRACK] đang triển khai
        [NOT_STARTED] chưa triển khai
       *[DONE] đã hoàn thành
    } ({ $count })
unit-group-page = { $unit }, { unit-group } · mục { $from }–{ $to } / { $count }:
choice-expired = Lựa chọn này đã hết hiệu lực (đã huỷ hoặc quá thời gian chờ), nên tôi không ghi nhận gì. Anh/chị có thể chọn:
choice-expired-toast = Lựa chọn này đã hết hiệu lực
choice-expired-in-flow = Lựa chọn này đã hết hiệu lực (thuộc một tin nhắn cũ), nên tôi không ghi nhận gì. Anh/chị trả lời câu hỏi đang chờ ở tin nhắn mới nhất, hoặc gõ /huy để dừng.
short-answer-no-prompt = { $reporter ->
        [yes] Tôi chưa biết câu trả lời này dành cho câu hỏi nào nên chưa ghi nhận gì. Anh/chị muốn báo cáo tiến độ? Gõ ví dụ: "50%, vướng kinh phí". Hoặc chọn:
       *[no] Tôi chưa biết câu trả lời này dành cho câu hỏi nào nên chưa ghi nhận gì. Anh/chị có thể chọn:
    }
choice-not-offered = { $buttons ->
        [yes] Anh/chị bấm một nút bên dưới để chọn:
       *[other] Câu trả lời này không khớp lựa chọn nào. Anh/chị trả lời một số từ 1 đến { $count }:
    }
unsupported-kind = { $kind ->
        [sticker] nhãn dán
        [voice] tin nhắn thoại
       *[other] loại tin nhắn này
    }
unsupported-in-step = Tôi chưa đọc được { unsupported-kind }. { $step ->
        [task] Ở bước này anh/chị chọn nhiệm vụ hoặc gõ số nhiệm vụ, ví dụ "II.6".
        [status] Ở bước này anh/chị chọn tình trạng, hoặc gõ "đang triển khai", "xong", "chưa triển khai".
        [percent] Ở bước này anh/chị gõ một số từ 0 đến 100, ví dụ 50.
        [attachments] Ở bước này anh/chị gửi ảnh hoặc tài liệu (không nhận tin nhắn thoại), hoặc chọn "Xong".
        [confirm] Ở bước này anh/chị chọn "Lưu", "Sửa từng bước" hoặc "Huỷ".
        [other] Anh/chị trả lời bằng chữ, hoặc gõ /huy để dừng.
       *[text] Ở bước này anh/chị gõ nội dung bằng chữ, hoặc chọn "Bỏ qua".
    }
unsupported-idle = Tôi chưa đọc được { unsupported-kind }. Tôi đọc được tin nhắn chữ{ $reporter ->
        [yes] , ví dụ "việc của tôi" hoặc báo cáo "50%, vướng kinh phí"
       *[no] , ví dụ "việc của tôi" hoặc "nhiệm vụ nào quá hạn?"
    }; ảnh và tài liệu chỉ nhận khi đang báo cáo. Anh/chị có thể chọn:

## Voice messages
voice-heard = 🎙 Tôi nghe được: “{ $text }”
voice-problem = { $problem ->
        [disabled] 🎙 Bot chưa bật nhận giọng nói, xin anh/chị gõ chữ.
        [too-long] 🎙 Tin nhắn thoại dài quá, tôi chỉ nghe được tin dài tối đa { $seconds } giây. Anh/chị nói ngắn lại hoặc gõ chữ; chưa có gì được ghi nhận.
        [too-big] 🎙 Tệp âm thanh lớn quá nên tôi không tải được. Anh/chị nói ngắn lại hoặc gõ chữ; chưa có gì được ghi nhận.
        [timeout] 🎙 Dịch vụ nhận giọng nói trả lời chậm quá nên tôi chưa nghe được. Anh/chị gửi lại sau ít phút hoặc gõ chữ; chưa có gì được ghi nhận.
        [empty] 🎙 Tôi không nghe thấy lời nào trong tin nhắn thoại. Anh/chị nói rõ hơn hoặc gõ chữ; chưa có gì được ghi nhận.
       *[failed] 🎙 Tôi chưa nghe được tin nhắn thoại này (dịch vụ nhận giọng nói gặp lỗi). Anh/chị gửi lại hoặc gõ chữ; chưa có gì được ghi nhận.
    }
voice-idle-menu = Anh/chị có thể chọn:
