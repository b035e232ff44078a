## Dùng chung

choices-hint = { $count ->
        [1] Trả lời 1 để chọn.
        [2] Trả lời 1 hoặc 2.
        [3] Trả lời 1, 2 hoặc 3.
       *[other] Trả lời một số từ 1 đến { $count }.
    }

## Console

console-banner = Trò chuyện với nq57-bot với tư cách { $name } (hôm nay: { $today }).{ $interactive ->
        [yes] { " " }Gõ "hướng dẫn" để xem các lệnh, /thoat để thoát.
       *[no] {""}
    }
console-no-person = Không tìm thấy người "{ $query }" trong danh sách cán bộ. Thử một trong số:
console-many-people = Có nhiều người khớp với "{ $query }"; hãy chọn theo số:
console-close-people = Không tìm thấy người "{ $query }". Có phải là:

## Phân công

assign-done = Đã giao { $name } phụ trách nhiệm vụ { $number } ({ $plan }).
assign-removed = { $name } không còn phụ trách nhiệm vụ { $number } ({ $plan }).
assign-no-task = Không tìm thấy nhiệm vụ "{ $ref }" của đơn vị { $name }.

## Liên kết tài khoản

link-share-phone = 📱 Gửi số điện thoại của tôi
choices-hint-free = Anh/chị gõ một số từ 0 đến 100, ví dụ 50 (gõ "huỷ" để dừng).
console-file = [Tệp { $kind ->
        [photo] ảnh
       *[other] tài liệu
    }: { $name }]

## Zalo

zalo-file-unavailable = Zalo không gửi được { $kind ->
        [photo] ảnh
       *[other] tệp
    } "{ $name }" theo cách này. Anh/chị xem tệp trên Telegram hoặc đề nghị Văn phòng thường trực gửi bản báo cáo.
zalo-file-link = Tệp { $name }: { $url } (đường dẫn riêng, hết hạn sau ít ngày).
chat-error = Xin lỗi, hệ thống gặp lỗi khi xử lý tin nhắn này; chưa có gì được lưu. Anh/chị thử lại sau ít phút.
