## Yêu cầu giải trình: lãnh đạo thành phố, Văn phòng thường trực yêu cầu đơn vị giải trình việc chậm

gt-choice-answer = Trả lời giải trình
gt-notice-title = 📝 Yêu cầu giải trình số { $id } của { $requester }, hạn trả lời { $due }
gt-notice-task = Nhiệm vụ { $number } · { $plan }: { $title } — { $unit }
gt-notice-late = { $days ->
        [0] Chưa quá hạn{ $deadline ->
            [none] {""}
           *[other] {" "}(hạn { $deadline })
        }.
       *[other] Đã quá hạn { $days } ngày{ $deadline ->
            [none] {""}
           *[other] {" "}(hạn { $deadline })
        }.
    }
gt-notice-last = Cập nhật gần nhất: { $on ->
        [none] chưa có
       *[other] { $on }{ $percent ->
            [none] {""}
           *[other] , { $percent }%
        }{ $state ->
            [DONE] , đã hoàn thành
            [NOT_STARTED] , chưa triển khai
           *[other] {""}
        }
    }.
gt-notice-reason = Nội dung yêu cầu: { $reason }
gt-notice-how = Trả lời bằng lựa chọn dưới đây rồi gõ nội dung (hoặc gửi tệp), hoặc gõ: “gt { $id } <nội dung giải trình>”.
gt-remind-title = ⏰ Hôm nay ({ $due }) là hạn trả lời yêu cầu giải trình số { $id } của { $requester }, đơn vị chưa trả lời.
gt-escalate-title = ⚠️ { $unit } chưa trả lời yêu cầu giải trình số { $id } của { $requester }: hạn { $due }, đã quá { $days } ngày làm việc.
gt-escalate-requester = ⚠️ Yêu cầu giải trình số { $id } ({ $unit }, nhiệm vụ { $number } · { $plan }) quá hạn { $due } đã { $days } ngày làm việc chưa được trả lời; { $heads ->
        [0] đơn vị chưa có lãnh đạo trên hệ thống để báo.
       *[other] đã báo lãnh đạo đơn vị ({ $heads } người).
    }
gt-answer-title = 📬 { $unit } đã giải trình (yêu cầu số { $id }, nhiệm vụ { $number } · { $plan }) — { $by }
gt-answer-file = Kèm tệp: { $name }
gt-list-title = { $scope ->
        [all] Toàn thành phố
       *[other] { $scope }
    }: { $lateOnly ->
        [yes] { $late } yêu cầu giải trình quá hạn chưa trả lời
       *[no] { $count } yêu cầu giải trình chưa được trả lời ({ $units } đơn vị), { $late } quá hạn
    }
gt-list-item = { $late ->
        [yes] 🔴
       *[no] 🟠
    } Số { $id } · { $unit } · nhiệm vụ { $number } · { $plan } · hạn { $due }{ $late ->
        [yes] {" "}(quá hạn{ $escalated ->
            [yes] , đã báo lãnh đạo đơn vị
           *[no] {""}
        })
       *[no] {""}
    } · yêu cầu của { $requester }
gt-list-more = … và { $count } yêu cầu khác.
gt-list-not-allowed = Danh sách yêu cầu giải trình dành cho lãnh đạo, Văn phòng thường trực và cán bộ đầu mối.
gt-usage = Cách yêu cầu giải trình: /giaitrinh <nhiệm vụ> [đơn vị] [hạn], ví dụ: /giaitrinh 14 Cát Hải, /giaitrinh 13 Sở Tài chính 10 ngày làm việc, /giaitrinh 13 Sở Tài chính hạn 15/12. Gõ /giaitrinh để xem các yêu cầu chưa được trả lời.
gt-not-allowed = Chỉ lãnh đạo thành phố và Văn phòng thường trực được yêu cầu đơn vị giải trình (lãnh đạo đơn vị: với các đơn vị trực thuộc).
gt-out-of-scope = Anh/chị chỉ yêu cầu giải trình được với các đơn vị trực thuộc đơn vị mình; { $unit } không thuộc phạm vi đó.
gt-task-not-found = Không tìm thấy nhiệm vụ “{ $ref }”. Gõ số nhiệm vụ như trong kế hoạch, ví dụ: /giaitrinh 14 Cát Hải.
gt-task-many = “{ $ref }” khớp nhiều nhiệm vụ: { $tasks }. Anh/chị gõ số đầy đủ, ví dụ /giaitrinh A.II.6.
gt-due-problem = { $problem ->
        [days-range] Hạn trả lời từ 1 đến 60 ngày làm việc, ví dụ: 10 ngày làm việc.
        [past-date] Hạn trả lời phải sau hôm nay.
       *[other] Không đọc được hạn trả lời; ví dụ: “10 ngày làm việc” hoặc “hạn 15/12/2026”.
    }
gt-unit-many = “{ $text }” khớp nhiều đơn vị: { $units }. Anh/chị gõ rõ tên hơn.
gt-unit-not-assigned = { $unit } không được giao nhiệm vụ { $number }.
gt-unit-unknown = Không tìm thấy đơn vị “{ $text }”.
gt-no-unit-to-ask = Nhiệm vụ { $number }: không có đơn vị nào (chưa hoàn thành, trong phạm vi của anh/chị) để yêu cầu giải trình.
gt-which-unit = Nhiệm vụ { $number } · { $plan } giao cho { $count } đơn vị. Yêu cầu đơn vị nào giải trình?{ $shown ->
        [1] {""}
       *[other] {" "}(chậm nhất trước)
    } Chọn dưới đây hoặc gõ tên đơn vị.
gt-unit-choice = { $unit } · { $late ->
        [0] { $percent ->
            [none] chưa cập nhật
           *[other] { $percent }%
        }
       *[other] trễ { $late } ngày
    }
gt-which-unit-again = Chọn một đơn vị trong danh sách trên (hoặc gõ tên), hoặc gõ /huy để thôi.
gt-task-done = Nhiệm vụ { $number } của { $unit } đã hoàn thành: không cần giải trình.
gt-already-open = { $unit } đang có yêu cầu giải trình số { $id } về nhiệm vụ { $number }, hạn trả lời { $due }.
gt-created = Đã gửi yêu cầu giải trình số { $id } tới { $unit } (nhiệm vụ { $number } · { $plan }{ $late ->
        [0] {""}
       *[other] , quá hạn { $late } ngày
    }), hạn trả lời { $due }. { $count ->
        [0] Chưa ai của đơn vị liên kết tài khoản chat nên chưa gửi được tin; yêu cầu vẫn được theo dõi.
       *[other] Đã báo { $count } người (lãnh đạo đơn vị, cán bộ phụ trách).
    }
gt-not-found = Không có yêu cầu giải trình số { $id }.
gt-not-yours = Yêu cầu giải trình số { $id } gửi { $unit }: chỉ lãnh đạo, cán bộ của đơn vị đó trả lời được.
gt-ask-answer = Yêu cầu giải trình số { $id }: gõ nội dung giải trình hoặc gửi tệp (gõ /huy để thôi).
gt-answer-dropped = Chưa ghi giải trình cho yêu cầu số { $id }. Khi sẵn sàng, gõ “gt { $id } <nội dung>”.
gt-answered = Đã ghi { $again ->
        [yes] phần giải trình bổ sung
       *[no] giải trình
    } cho yêu cầu số { $id } và gửi tới { $requester }.
gt-unit-dropped = Đã thôi chọn đơn vị giải trình. Anh/chị gõ lại lệnh vừa rồi.
gt-report-line = Yêu cầu giải trình: { $open } chưa trả lời ({ $late } quá hạn), { $answered } đã trả lời.

telegram-cmd-giaitrinh = Yêu cầu đơn vị giải trình; các yêu cầu chưa trả lời

## From an overdue item of a leader's answer

gt-choice-request = Yêu cầu giải trình: { $number } · { $unit ->
        [none] { $plan } ({ $units } đơn vị quá hạn)
       *[other] { $unit }
    }
gt-confirm = Yêu cầu { $unit } giải trình nhiệm vụ { $number } · { $plan } ({ $late ->
        [0] chưa quá hạn
       *[other] quá hạn { $late } ngày
    }), hạn trả lời { $due }{ $days ->
        [none] ?
       *[other] {" "}({ $days } ngày làm việc)?
    }
gt-confirm-hint = Chọn “Gửi yêu cầu” để gửi. Muốn đổi hạn hoặc nêu lý do, gõ ví dụ “hạn 15/12”, “10 ngày” hoặc “lý do: chưa cập nhật từ tháng 6”.
gt-choice-send = Gửi yêu cầu
gt-choice-drop = Thôi
gt-confirm-dropped = Đã thôi, không gửi yêu cầu giải trình nào.
gt-confirm-again = Chọn “Gửi yêu cầu” hoặc “Thôi”, hoặc gõ hạn trả lời (“hạn 15/12”, “10 ngày”) hay lý do (“lý do: …”).

## Yêu cầu giải trình trong lịch sử nhiệm vụ

gt-history-title = Yêu cầu giải trình ({ $count }):
gt-history-request = Số { $id } của { $requester } · hạn { $due } · { $state ->
        [OPEN] chưa trả lời
       *[ANSWERED] đã giải trình
    }
gt-history-event = { "  " }{ $day } { $time } · { $kind ->
        [REQUESTED] yêu cầu giải trình
        [ANSWERED] giải trình
        [REMINDED] nhắc hạn trả lời
       *[ESCALATED] báo lãnh đạo đơn vị và người yêu cầu
    }{ $by ->
        [none] {""}
       *[other] { " " }— { $by }
    } ({ $channel ->
        [TELEGRAM] Telegram
        [ZALO] Zalo
        [CONSOLE] console
       *[SYSTEM] tự động
    }){ $text ->
        [none] {""}
       *[other] : { $text }
    }{ $file ->
        [none] {""}
       *[other] { " " }[tệp { $file }]
    }

## Trong bản tổng hợp tuần của người yêu cầu

gt-digest-title = Yêu cầu giải trình anh/chị đã gửi chưa được trả lời: { $count }, quá hạn { $late }
gt-digest-own-title = 📝 Tổng hợp tuần ({ $date }) · yêu cầu giải trình anh/chị đã gửi
