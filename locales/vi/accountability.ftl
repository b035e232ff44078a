## Kiểm tra "6 rõ": rõ người, rõ việc, rõ thời gian, rõ trách nhiệm, rõ sản phẩm, rõ thẩm quyền

six-title = Kiểm tra “6 rõ” — { $scope ->
        [city] toàn thành phố
        [plan] kế hoạch { $name }
       *[other] { $name }
    }: { $gaps }/{ $tasks } nhiệm vụ, chỉ tiêu còn thiếu
six-none = { $scope ->
        [city] Chưa có nhiệm vụ nào để kiểm tra.
        [plan] Kế hoạch { $name } chưa có nhiệm vụ nào để kiểm tra.
       *[other] { $name } chưa được giao nhiệm vụ nào.
    }
six-all-clear = Mọi nhiệm vụ đều đã rõ người, rõ việc, rõ thời gian, rõ trách nhiệm, rõ sản phẩm, rõ thẩm quyền.
six-plan = { $plan }: { $gaps }/{ $tasks } còn thiếu
six-criterion-name = { $criterion ->
        [who] rõ người
        [what] rõ việc
        [when] rõ thời gian
        [responsibility] rõ trách nhiệm
        [output] rõ sản phẩm
       *[authority] rõ thẩm quyền
    }
six-criterion = Chưa { $criterion ->
        [what] rõ việc (không có tên nhiệm vụ)
        [when] rõ thời gian (thời hạn không đọc được)
        [responsibility] rõ trách nhiệm (không có đơn vị chủ trì)
        [output] rõ sản phẩm (không có sản phẩm đầu ra)
       *[authority] rõ thẩm quyền (không có lãnh đạo chỉ đạo)
    }: { $count }{ $numbers ->
        [none] {""}
       *[other] { " " }— { $numbers }
    }
six-who = Chưa rõ người: { $count } nhiệm vụ, { $missing }/{ $shares } lượt đơn vị chưa có cán bộ phụ trách{ $numbers ->
        [none] {""}
       *[other] { " " }— { $numbers }
    }
six-units = Đơn vị còn nhiều việc chưa “6 rõ” ({ $count } đơn vị):
six-unit = { $unit }: { $gaps }/{ $shares } việc{ $who ->
        [0] {""}
       *[other] , { $who } việc chưa có cán bộ phụ trách
    }
six-hint = Gõ “/6ro <kế hoạch>” (ví dụ /6ro 12-KH/TU) hoặc “/6ro <đơn vị>” để xem số nhiệm vụ cụ thể.
six-unknown = Không tìm thấy kế hoạch hay đơn vị “{ $text }”. Ví dụ: /6ro 12-KH/TU, /6ro chương trình 2026, /6ro Cát Hải.
six-which-unit = “{ $text }” khớp nhiều đơn vị: { $units }. Anh/chị gõ rõ tên hơn.
six-out-of-scope = Anh/chị không xem được “6 rõ” của { $unit } (ngoài phạm vi đơn vị mình).
six-not-allowed = Kiểm tra “6 rõ” dành cho lãnh đạo, Văn phòng thường trực và cán bộ đầu mối.
six-import = Kiểm tra “6 rõ” các kế hoạch vừa nhập: { $gaps }/{ $tasks } nhiệm vụ, chỉ tiêu còn thiếu (chưa rõ người: { $who }, thời gian: { $when }, trách nhiệm: { $responsibility }, sản phẩm: { $output }, thẩm quyền: { $authority }).
six-digest-title = Kiểm tra “6 rõ”: { $gaps }/{ $tasks } nhiệm vụ, chỉ tiêu còn thiếu

## Kiến nghị, đề xuất: chuyển tới nơi phải trả lời

-office = Văn phòng thường trực (thành phố)
kn-addressee = { $addressee ->
        [office] { -office }
       *[other] { $addressee }
    }
kn-choice = { $kind ->
        [ack] Đã tiếp thu
        [res] Đã giải quyết…
        [fwd] Chuyển cho…
       *[ref] Không thể…
    }
kn-notice-title = 📨 Kiến nghị số { $id } { $from ->
        [none] {""}
       *[other] (chuyển từ { $from ->
            [office] { -office }
           *[other] { $from }
        }){ " " }
    }cần { $addressee ->
        [office] { -office }
       *[other] { $addressee }
    } trả lời, hạn { $due }
kn-notice-from = Từ { $unit }{ $person ->
        [none] {""}
       *[other] { " " }({ $person })
    }, nhiệm vụ { $number } · { $plan }: { $title }
kn-notice-how = Trả lời bằng lựa chọn dưới đây, hoặc gõ: “kn { $id } đã tiếp thu”, “kn { $id } đã giải quyết: …”, “kn { $id } chuyển cho …”, “kn { $id } không thể: lý do”.
kn-raised = Đã chuyển { $count } kiến nghị tới nơi phải trả lời:
kn-raised-item = Số { $id } → { $addressee ->
        [office] { -office }
       *[other] { $addressee }
    }, hạn trả lời { $due }{ $guessed ->
        [yes] {" "}(chưa rõ nơi nhận nên gửi Văn phòng thường trực)
       *[no] {""}
    }: { $text }
kn-answer-title = 📬 Kiến nghị số { $id } của { $unit } (nhiệm vụ { $number } · { $plan }): { $addressee ->
        [office] { -office }
       *[other] { $addressee }
    } đã trả lời ({ $by })
kn-answer-state = { $kind ->
        [ACKNOWLEDGED] Đã tiếp thu{ $text ->
            [none] .
           *[other] : { $text }
        }
        [RESOLVED] Đã giải quyết: { $text }
        [REFUSED] Không thể giải quyết: { $text }
       *[FORWARDED] Đã chuyển cho { $to ->
            [office] { -office }
           *[other] { $to }
        } trả lời.
    }
kn-list-title = { $scope ->
        [all] Toàn thành phố
        [office] { -office }
       *[other] { $scope }
    }: { $lateOnly ->
        [yes] { $late } kiến nghị quá hạn trả lời
       *[no] { $count } kiến nghị chưa được trả lời xong, { $late } quá hạn
    }
kn-list-item = { $late ->
        [yes] 🔴
       *[no] { $state ->
            [ACKNOWLEDGED] 🟡
           *[other] 🟠
        }
    } Số { $id } · gửi { $addressee ->
        [office] { -office }
       *[other] { $addressee }
    } · hạn { $due }{ $late ->
        [yes] {" "}(quá hạn)
       *[no] {""}
    }{ $state ->
        [ACKNOWLEDGED] {" "}· đã tiếp thu
       *[other] {""}
    } · từ { $unit }, nhiệm vụ { $number } · { $plan }
kn-list-more = … và { $count } kiến nghị khác.
kn-problem = { $problem ->
        [resolved-needs-text] Xin ghi kết quả sau “đã giải quyết:”, ví dụ: kn 12 đã giải quyết: đã bố trí vốn tại QĐ 123/QĐ-UBND.
        [refused-needs-reason] Xin ghi lý do sau “không thể:”, ví dụ: kn 12 không thể: không thuộc thẩm quyền.
        [forward-needs-unit] Xin ghi đơn vị nhận sau “chuyển cho”, ví dụ: kn 12 chuyển cho Sở Xây dựng.
       *[unknown] Trả lời kiến nghị bằng: đã tiếp thu, đã giải quyết: …, chuyển cho …, hoặc không thể: lý do.
    }
kn-ask-text = { $kind ->
        [res] Kiến nghị số { $id }: gõ kết quả đã giải quyết (việc đã làm, văn bản).
        [fwd] Kiến nghị số { $id }: gõ tên đơn vị nhận kiến nghị.
       *[ref] Kiến nghị số { $id }: gõ lý do không thể giải quyết.
    }
kn-not-found = Không có kiến nghị số { $id }.
kn-not-yours = Kiến nghị số { $id } gửi { $addressee ->
        [office] { -office }
       *[other] { $addressee }
    }: chỉ lãnh đạo nơi nhận trả lời được.
kn-already = Kiến nghị số { $id } đã được trả lời xong ({ $state ->
        [RESOLVED] đã giải quyết
       *[other] không thể giải quyết
    }).
kn-forward-unknown = Không tìm thấy đơn vị “{ $text }” để chuyển kiến nghị.
kn-forward-same = Kiến nghị số { $id } đang gửi { $addressee ->
        [office] { -office }
       *[other] { $addressee }
    } rồi.
kn-forwarded = Đã chuyển kiến nghị số { $id } cho { $addressee ->
        [office] { -office }
       *[other] { $addressee }
    }, hạn trả lời { $due }. Đơn vị đề xuất đã được báo.
kn-answered = Đã ghi câu trả lời cho kiến nghị số { $id } ({ $kind ->
        [ACKNOWLEDGED] đã tiếp thu
        [RESOLVED] đã giải quyết
       *[other] không thể giải quyết
    }) và báo cho { $unit }.

## Nơi nhận kiến nghị, trong bản tóm tắt trước khi lưu

kn-summary-title = Kiến nghị sẽ chuyển tới:
kn-summary-item = { $n }. “{ $text }” → { $addressee ->
        [office] { -office }
        [ask] chưa rõ nơi nhận: ghi “gửi <đơn vị>” để chọn (nếu không, chuyển { -office })
       *[other] { $addressee }
    }{ $chosen ->
        [yes] { " " }(anh/chị chọn)
       *[other] {""}
    }{ $unknown ->
        [none] {""}
       *[other] { " " }— không tìm thấy đơn vị “{ $unknown }”
    }
kn-summary-hint = Đổi nơi nhận: gõ { $count ->
        [one] “gửi <đơn vị>” (ví dụ: gửi Sở Xây dựng).
       *[other] “gửi <số thứ tự> <đơn vị>” (ví dụ: gửi 2 Sở Xây dựng).
    }
kn-send-problem = { $problem ->
        [no-proposals] Bản cập nhật này chưa có kiến nghị nào để chọn nơi nhận.
        [which] Có { $count } kiến nghị: anh/chị gõ kèm số thứ tự, ví dụ “gửi 2 Sở Xây dựng”.
       *[other] Chỉ có { $count } kiến nghị: anh/chị gõ số thứ tự từ 1 đến { $count }.
    }

## Kiến nghị chưa được trả lời: nhắc đúng hạn, rồi báo lên

kn-late-reminder = ⏰ Hôm nay ({ $due }) là hạn trả lời kiến nghị số { $id } gửi { $addressee ->
        [office] { -office }
       *[other] { $addressee }
    }. Nếu chưa trả lời, ngày { $escalate } kiến nghị sẽ được báo lên Văn phòng thường trực.
kn-escalated = ⚠️ Kiến nghị số { $id } gửi { $addressee ->
        [office] { -office }
       *[other] { $addressee }
    } đã quá hạn trả lời ({ $due }) { $days } ngày làm việc mà chưa có câu trả lời.
kn-escalated-office = Văn phòng thường trực theo dõi, đôn đốc nơi nhận trả lời (gõ “kiến nghị nào quá hạn” để xem danh sách).

## Kiến nghị trong báo cáo /baocao

kn-report = Kiến nghị, đề xuất: { $open } chưa được trả lời xong ({ $late } quá hạn), { $answered } đã được trả lời trong kỳ
kn-report-addressee = { $addressee ->
        [office] { -office }
       *[other] { $addressee }
    }: { $open } chưa trả lời xong{ $late ->
        [0] {""}
       *[other] , { $late } quá hạn
    }

## Menu lệnh Telegram

telegram-cmd-kiennghi = Kiến nghị chưa được trả lời
telegram-cmd-6ro = Kiểm tra “6 rõ” của kế hoạch, đơn vị

## Kiến nghị trong lịch sử nhiệm vụ

kn-history-title = Kiến nghị của đơn vị ({ $count }):
kn-history-proposal = Số { $id } → { $addressee ->
        [office] { -office }
       *[other] { $addressee }
    } · { $state ->
        [OPEN] chưa trả lời
        [ACKNOWLEDGED] đã tiếp thu
        [RESOLVED] đã giải quyết
       *[REFUSED] không thể giải quyết
    } · hạn { $due }: “{ $text }”
kn-history-event = { "  " }{ $day } { $time } · { $kind ->
        [RAISED] nêu
        [ACKNOWLEDGED] đã tiếp thu
        [RESOLVED] đã giải quyết
        [FORWARDED] chuyển cho { $to ->
            [office] { -office }
           *[other] { $to }
        }
        [REFUSED] không thể
        [REMINDED] nhắc hạn trả lời
       *[ESCALATED] báo lên Văn phòng thường trực
    }{ $by ->
        [none] {""}
       *[other] { " " }— { $by }
    } ({ $channel ->
        [TELEGRAM] Telegram
        [ZALO] Zalo
        [CONSOLE] console
        [XLSX] Excel
        [IMPORT] nhập tệp
       *[SYSTEM] tự động
    }){ $text ->
        [none] {""}
       *[other] : { $text }
    }
