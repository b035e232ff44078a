## Thông báo của Tổ công nghệ số cộng đồng

broadcast-header = 📢 Thông báo từ { $sender }{ $unit ->
        [none] {""}
       *[other] { " " }({ $unit })
    }
broadcast-ack = ✅ Đã nhận
broadcast-ack-hint-text = Trả lời OK để xác nhận đã nhận thông báo.
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
        [now] Gửi ngay sau khi xác nhận (trong giờ hành chính).
       *[other] Hẹn gửi lúc { $at }.
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
