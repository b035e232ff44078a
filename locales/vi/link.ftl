## Liên kết tài khoản và dữ liệu cá nhân

link-stranger-contact = Xin chào! Bot này dành cho cán bộ theo dõi các nhiệm vụ thực hiện Nghị quyết 57-NQ/TW của thành phố Hải Phòng. Tài khoản của anh/chị chưa được liên kết. Anh/chị bấm nút "Gửi số điện thoại của tôi" bên dưới (nếu số đã có trong danh sách cán bộ), hoặc nhập mã kích hoạt do Văn phòng Thường trực cấp. Người dân muốn nhận thông báo của xã, phường gõ /dangky.
link-stranger-code = Xin chào! Bot này dành cho cán bộ theo dõi các nhiệm vụ thực hiện Nghị quyết 57-NQ/TW của thành phố Hải Phòng. Tài khoản của anh/chị chưa được liên kết: anh/chị gửi mã kích hoạt (8 ký tự) do Văn phòng Thường trực cấp. Người dân muốn nhận thông báo của xã, phường gõ /dangky.
chat-not-linked-toast = Tài khoản chưa được liên kết
link-welcome = Đã liên kết tài khoản với { $name }{ $unit ->
        [none] {""}
       *[other] { "" } ({ $unit })
    }.
link-not-own-contact = Để liên kết, anh/chị gửi số điện thoại của chính mình bằng nút "Gửi số điện thoại của tôi".
link-failed-unknown-code = Mã kích hoạt không đúng. Anh/chị kiểm tra lại hoặc xin mã mới từ Văn phòng Thường trực.
link-failed-expired-code = Mã kích hoạt đã hết hạn. Anh/chị xin mã mới từ Văn phòng Thường trực.
link-failed-used-code = Mã kích hoạt này đã được dùng. Mỗi mã chỉ dùng một lần; anh/chị xin mã mới nếu cần.
link-failed-unknown-phone = Số điện thoại này chưa có trong danh sách cán bộ. Anh/chị xin mã kích hoạt từ Văn phòng Thường trực.
link-failed-not-own-contact = Để liên kết, anh/chị gửi số điện thoại của chính mình.
link-failed-too-many-attempts = Anh/chị đã nhập sai mã kích hoạt quá nhiều lần. Vui lòng thử lại sau { $minutes } phút, hoặc xin mã mới từ Văn phòng Thường trực.
link-failed-inactive = Tài khoản cán bộ này không còn hoạt động. Anh/chị liên hệ Văn phòng Thường trực.
consent-title = Thông báo về dữ liệu cá nhân
consent-body = Bot lưu họ tên, đơn vị, số điện thoại và tài khoản trò chuyện của anh/chị cùng các cập nhật tiến độ anh/chị gửi, để nhắc hạn và tổng hợp báo cáo thực hiện Nghị quyết 57-NQ/TW. Lãnh đạo đơn vị, lãnh đạo thành phố và Văn phòng Thường trực xem được các cập nhật trong phạm vi của mình. Anh/chị có thể rời khỏi bất cứ lúc nào bằng lệnh /roikhoi: bot sẽ huỷ liên kết và không gửi tin nữa (các báo cáo đã gửi vẫn được lưu trong hồ sơ nhiệm vụ).
consent-accept = Tôi đồng ý
consent-decline = Không đồng ý
consent-thanks = Cảm ơn anh/chị. Từ nay anh/chị có thể báo cáo và tra cứu nhiệm vụ ngay tại đây.
consent-declined = Đã huỷ liên kết. Bot sẽ không gửi tin cho anh/chị. Khi cần, anh/chị xin mã kích hoạt mới.
unlink-done = Đã huỷ liên kết tài khoản này. Bot sẽ không gửi tin nhắc hay thông báo nào nữa. Các báo cáo đã gửi vẫn được lưu trong hồ sơ nhiệm vụ.
chat-old-choice-toast = Lựa chọn này đã cũ

## Menu lệnh Telegram

telegram-cmd-capnhat = Cập nhật tiến độ một nhiệm vụ
telegram-cmd-baocao = Báo cáo tổng hợp: Excel, biểu đồ
telegram-cmd-viectoi = Việc của tôi
telegram-cmd-nv = Xem một nhiệm vụ: /nv 22
telegram-cmd-donvi = Nhiệm vụ của một đơn vị
telegram-cmd-quahan = Nhiệm vụ quá hạn
telegram-cmd-sapden = Nhiệm vụ sắp đến hạn
telegram-cmd-tiendo = Tiến độ một đơn vị
telegram-cmd-vuongmac = Khó khăn, vướng mắc
telegram-cmd-chamcapnhat = Đơn vị chậm cập nhật
telegram-cmd-sua = Sửa lần cập nhật vừa gửi
telegram-cmd-rutlai = Rút lại lần cập nhật vừa gửi
telegram-cmd-huy = Huỷ việc đang làm dở
telegram-cmd-giao = Giao nhiệm vụ cho cán bộ khác
telegram-cmd-thongbao = Gửi thông báo (Tổ công nghệ số)
telegram-cmd-dangky = Đăng ký nhận thông báo của xã/phường
telegram-cmd-huydangky = Huỷ đăng ký nhận thông báo
telegram-cmd-phuluc = Nhận phụ lục tiến độ của đơn vị để điền
telegram-cmd-guitep = Gửi tệp Excel (phụ lục, chương trình, danh sách)
telegram-cmd-roikhoi = Huỷ liên kết, ngừng nhận tin
telegram-cmd-trogiup = Hướng dẫn

## Mã kích hoạt

invite-created = Mã kích hoạt cho { $name }: { $code } (dùng một lần, hết hạn { $expires } UTC).
    { $link ->
        [none] Trên Telegram: gửi "/start { $code }" cho bot. Trên Zalo: gửi mã này cho bot.
       *[other] Telegram: { $link } — Zalo: gửi mã này cho bot.
    }
link-already = Chào { $name }, tài khoản này đã được liên kết rồi; anh/chị không cần mã kích hoạt nữa.
