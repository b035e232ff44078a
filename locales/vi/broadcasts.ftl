## Thông báo của Tổ công nghệ số cộng đồng

broadcast-header = 📢 Thông báo từ { $sender }{ $unit ->
        [none] {""}
       *[other] { " " }({ $unit })
    }
broadcast-ack = ✅ Đã nhận
broadcast-ack-hint-text = Trả lời ĐÃ NHẬN để xác nhận đã nhận thông báo.
broadcast-ack-result = { $result ->
        [ok] Cảm ơn anh/chị đã xác nhận.
        [already] Anh/chị đã xác nhận thông báo này rồi.
       *[not-found] Không tìm thấy thông báo cần xác nhận.
    }
broadcast-preview-count = Sẽ gửi tới { $recipients } người nhận (Telegram { $telegram }, Zalo { $zalo }{ $residents ->
        [0] {""}
       *[other] ; trong đó { $residents } người dân đăng ký
    }).
broadcast-preview-missing = Không gửi được: { $unreachable } người đã chặn hoặc không nhận được tin, { $notLinked } người chưa liên kết tài khoản.
broadcast-preview-when = { $at ->
        [now] { $goes ->
            [now] Gửi ngay khi anh/chị xác nhận.
           *[other] Bây giờ ngoài giờ hành chính: nếu xác nhận, thông báo sẽ được gửi lúc { $goes }.
        }
       *[other] Hẹn gửi lúc { $at }{ $goes ->
            [now] .
           *[other] ; giờ này ngoài giờ hành chính nên thông báo sẽ được gửi lúc { $goes }.
        }
    }
broadcast-tally-title = { $final ->
        [yes] 📬 Kết quả gửi thông báo #{ $id }
       *[no] ⏳ Đang gửi thông báo #{ $id }: { $done }/{ $total }
    }
broadcast-tally-summary = Đã gửi { $sent }/{ $total } · đã xác nhận { $acknowledged } · lỗi { $failed } · không liên lạc được { $blocked }{ $unknown ->
        [0] {""}
       *[other] { " · " }chưa rõ kết quả { $unknown }
    }{ $pending ->
        [0] {""}
       *[other] { " · " }đang chờ { $pending }
    }
broadcast-tally-unit = { $unit ->
        [none] (không thuộc đơn vị)
       *[other] { $unit }
    }: gửi { $sent }/{ $total }, xác nhận { $acknowledged }{ $blocked ->
        [0] {""}
       *[other] , không liên lạc được { $blocked }
    }{ $failed ->
        [0] {""}
       *[other] , lỗi { $failed }
    }{ $unknown ->
        [0] {""}
       *[other] , chưa rõ { $unknown }
    }
broadcast-tally-unreachable = Không liên lạc được trên tài khoản nào ({ $count }): { $names }{ $more ->
        [0] {""}
       *[other] { " " }và { $more } người khác
    }.
broadcast-tally-refresh = 🔄 Cập nhật số liệu
broadcast-error = { $code ->
        [no-area] Tài khoản của anh/chị chưa gắn với đơn vị nào nên chưa gửi được thông báo; đề nghị quản trị viên bổ sung đơn vị trong danh sách cán bộ.
        [not-allowed] Chỉ thành viên Tổ công nghệ số cộng đồng hoặc quản trị viên mới gửi được thông báo.
        [outside-area] Anh/chị chỉ gửi được thông báo trong địa bàn của mình{ $units ->
            [none] .
           *[other] ; ngoài địa bàn: { $units }.
        }
        [not-local-unit] Người dân chỉ đăng ký theo xã, phường hoặc đặc khu{ $units ->
            [none] .
           *[other] ; không phải xã, phường, đặc khu: { $units }.
        }
        [empty-audience] Chưa chọn người nhận.
        [empty-text] Nội dung thông báo đang trống.
        [text-too-long] Nội dung quá dài (tối đa 1.800 ký tự).
        [scheduled-in-past] Thời điểm hẹn gửi đã qua.
        [attachment-too-large] Tệp đính kèm quá lớn (tối đa 10 MB).
       *[bad-audience] Danh sách người nhận không hợp lệ.
    }

## Đăng ký nhận thông báo (người dân)

subscribe-choose = Chọn xã, phường hoặc đặc khu anh/chị muốn nhận thông báo:
subscribe-result = { $result ->
        [ok] Đã đăng ký nhận thông báo của { $unit }. Gõ /huydangky để hủy.
        [already] Anh/chị đã đăng ký nhận thông báo của { $unit } rồi.
        [not-local] Chỉ đăng ký được theo xã, phường hoặc đặc khu.
       *[unknown-unit] Không tìm thấy xã, phường hoặc đặc khu này.
    }
unsubscribe-result = { $count ->
        [0] Anh/chị chưa đăng ký nhận thông báo nào.
       *[other] Đã hủy đăng ký nhận thông báo: { $units }.
    }
subscribe-list = { $count ->
        [0] Anh/chị chưa đăng ký nhận thông báo nào. Gõ /dangky để đăng ký.
       *[other] Anh/chị đang nhận thông báo của: { $units }.
    }

## Soạn thông báo (/thongbao)

broadcast-ask-text = Nội dung thông báo? (tối đa { $max } ký tự)
broadcast-ask-attachment = Gửi kèm một ảnh hoặc tệp (không bắt buộc), hoặc chọn "Bỏ qua".
broadcast-file-received = Đã nhận tệp đính kèm.
broadcast-need-text = Anh/chị gõ nội dung thông báo.
broadcast-need-file = Anh/chị gửi một ảnh hoặc tệp, hoặc chọn "Bỏ qua".
broadcast-ask-audience = Gửi tới ai?
broadcast-aud-all = Tất cả cán bộ trong địa bàn
broadcast-aud-local = Cán bộ các xã, phường, đặc khu
broadcast-aud-leaders = Lãnh đạo các đơn vị
broadcast-aud-units = Chọn đơn vị…
broadcast-aud-residents = Người dân đã đăng ký…
broadcast-need-audience = Anh/chị chọn nhóm người nhận.
broadcast-ask-units = Gõ tên các đơn vị, cách nhau bởi dấu phẩy, ví dụ "Cát Hải, Phường Hồng Bàng".
broadcast-ask-residents = Gõ tên các xã, phường, đặc khu có người dân đăng ký, cách nhau bởi dấu phẩy.
broadcast-need-units = Anh/chị gõ tên ít nhất một đơn vị.
broadcast-units-unknown = Không xác định được đơn vị: { $unknown }. Anh/chị gõ lại tên đầy đủ hơn (chỉ các đơn vị trong địa bàn).
broadcast-preview-title = Xem trước thông báo:
broadcast-preview-attachment = Kèm { $kind ->
        [photo] một ảnh
       *[other] một tệp
    }.
broadcast-send-now = 📤 Gửi ngay
broadcast-send-paid = 🚨 Gửi khẩn cấp (trả phí ~{ $stars } Star)
broadcast-preview-paid = 🚨 Khẩn cấp? Có thể gửi qua Telegram dạng tin trả phí, tới { $rate } tin/giây (khoảng { $paidSeconds } giây) thay vì { $free } tin/giây miễn phí ({ $freeMinutes ->
        [0] khoảng { $freeSeconds } giây
       *[other] khoảng { $freeMinutes } phút
    }). Telegram tính { $price } Star cho mỗi tin vượt mức { $free } tin/giây: với { $telegram } người nhận Telegram là khoảng { $stars } Star ({ $paid } tin tính phí), trừ vào số dư Star của bot.
broadcast-later = ⏰ Hẹn giờ gửi
broadcast-send-scheduled = 📤 Gửi theo giờ đã hẹn
broadcast-other-time = ⏰ Chọn giờ khác
broadcast-ask-time = Gửi lúc nào? Ví dụ "14:30 27/11", "8h ngày mai".
broadcast-time-unknown = Tôi chưa hiểu thời điểm này. Ví dụ "14:30 27/11" hoặc "8h ngày mai".
broadcast-time-past = Thời điểm này đã qua; anh/chị chọn một thời điểm sau bây giờ.
broadcast-need-confirm = Anh/chị chọn gửi, hẹn giờ hoặc huỷ.
broadcast-cancelled = Đã huỷ thông báo; chưa gửi cho ai.
broadcast-file-unavailable = Không lấy được tệp đính kèm; anh/chị gửi lại tệp hoặc huỷ rồi soạn lại không kèm tệp.
broadcast-queued = Đã xếp thông báo số { $id } để gửi tới { $recipients } người nhận{ $when ->
        [now] { "" }, bắt đầu gửi ngay
       *[other] { "" } lúc { $when }{ $moved ->
            [yes] { "" } (ngoài giờ hành chính nên chờ đến giờ làm việc tiếp theo)
           *[no] { "" }
        }
    }. Tiến độ gửi và số người xác nhận sẽ được báo tại đây.
broadcast-queued-paid = 🚨 Gửi khẩn cấp: { $telegram } tin Telegram dạng trả phí, khoảng { $stars } Star.
broadcast-ack-toast = Đã xác nhận
flow-busy-broadcast = Anh/chị đang soạn thông báo dở. Trả lời câu hỏi ở trên, hoặc gõ /huy để dừng.
subscribe-unknown = Không tìm thấy xã, phường, đặc khu "{ $name }".
subscribe-type-name = Gõ /dangky kèm tên xã, phường hoặc đặc khu, ví dụ "/dangky Cát Hải".
