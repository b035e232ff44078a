## Câu hỏi của lãnh đạo: các phần dùng chung của câu trả lời

answer-scope = { $scope ->
        [all] Toàn thành phố
        [me] Việc của anh/chị
        [kinds] { $kinds ->
                [COMMUNE] Các xã
                [WARD] Các phường
                [SPECIAL_ZONE] Các đặc khu
                [DEPARTMENT] Các sở, ngành
                [PARTY_BODY] Các ban, văn phòng Thành ủy
                [AGENCY] Các cơ quan khác của thành phố
                [UNIVERSITY] Các trường đại học
                [CITY] Các cơ quan cấp thành phố
                [LOCALITIES] Các xã, phường, đặc khu
                [CITY_AGENCIES] Các sở, ban, ngành
                [COMMUNE_WARD] Các xã, phường
               *[other] Các đơn vị đã chọn
            }
       *[units] { $name }
    }{ $plan ->
        [none] {""}
       *[other] { " " }(kế hoạch { $plan })
    }
answer-item-word = { $item ->
        [INDICATOR] chỉ tiêu
        [UNIT] đơn vị
       *[other] nhiệm vụ
    }
answer-units-of = { $unitsOf ->
        [none] {""}
       *[other] { " " }(nhiệm vụ { $unitsOf })
    }
answer-status-word = { $status ->
        [OVERDUE] { " " }quá hạn
        [DUE_SOON] { " " }sắp đến hạn
        [DONE] { " " }đã hoàn thành
        [IN_PROGRESS] { " " }đang triển khai
        [ON_TRACK] { " " }đang triển khai trong hạn
        [NOT_STARTED] { " " }chưa triển khai
        [OPEN] { " " }chưa hoàn thành
        [STALE] { " " }chậm cập nhật
        [HAS_DIFFICULTIES] { " " }có vướng mắc
        [MET] { " " }đã đạt
        [NOT_MET] { " " }chưa đạt
       *[none] {""}
    }
answer-status-word-2 = { $status2 ->
        [OVERDUE] , quá hạn
        [DUE_SOON] , sắp đến hạn
        [DONE] , đã hoàn thành
        [IN_PROGRESS] , đang triển khai
        [ON_TRACK] , đang triển khai trong hạn
        [NOT_STARTED] , chưa triển khai
        [OPEN] , chưa hoàn thành
        [STALE] , chậm cập nhật
        [HAS_DIFFICULTIES] , có vướng mắc
        [MET] , đã đạt
        [NOT_MET] , chưa đạt
       *[none] {""}
    }
answer-topic-phrase = { $continuous ->
        [yes] { " " }thường xuyên
       *[other] {""}
    }{ $topic ->
        [none] {""}
       *[other] { " " }về "{ $topic }"
    }{ $section ->
        [none] {""}
       *[other] { " " }(mục { $section })
    }{ $document ->
        [none] {""}
       *[other] { " " }có nhắc văn bản số { $document }
    }
answer-window-phrase = { $window ->
        [expected] { " " }(dự kiến hoàn thành từ { $from } đến { $to })
        [due] { " " }(hạn từ { $from } đến { $to })
        [done] { " " }(hoàn thành từ { $from } đến { $to })
        [reported] { " " }(cập nhật từ { $from } đến { $to })
       *[none] {""}
    }
answer-more = Xem thêm
answer-more-count = … còn { $count } mục nữa.
answer-no-more = Không còn mục nào nữa.

## Danh sách và số lượng

answer-list-total = { answer-scope }: { $count } { answer-item-word }{ answer-units-of }{ answer-status-word }{ answer-status-word-2 }{ answer-topic-phrase }{ answer-window-phrase }{ $ofTotal ->
        [yes] { " " }/ { $total }
       *[no] {""}
    }{ $shares ->
        [none] {""}
       *[other] { " " }({ $shares } lượt đơn vị)
    }
answer-list-empty = { answer-scope }: không có { answer-item-word } nào{ answer-units-of }{ answer-status-word }{ answer-status-word-2 }{ answer-topic-phrase }{ answer-window-phrase }{ $ofTotal ->
        [yes] { " " }(trên tổng số { $total })
       *[no] {""}
    }.
answer-task-units = { $units } đơn vị{ $OVERDUE ->
        [0] {""}
       *[other] { " · " }{ $OVERDUE } quá hạn
    }{ $DUE_SOON ->
        [0] {""}
       *[other] { " · " }{ $DUE_SOON } sắp đến hạn
    }{ $NOT_STARTED ->
        [0] {""}
       *[other] { " · " }{ $NOT_STARTED } chưa triển khai
    }{ $ON_TRACK ->
        [0] {""}
       *[other] { " · " }{ $ON_TRACK } đang triển khai
    }{ $DONE ->
        [0] {""}
       *[other] { " · " }{ $DONE } đã hoàn thành
    }
answer-breakdown = Được giao { $total }, đã hoàn thành { $done }, đang triển khai { $inTime } trong hạn, { $overdue } quá hạn, { $notStarted } chưa triển khai.
answer-count-top = Nhiều nhất:
answer-unit-count = { $unit }: { $count }
answer-more-units = … và { $count } đơn vị khác.
answer-difficulty = ⚠ Vướng mắc: { $text }
answer-proposal = → Đề xuất: { $text }
answer-ref-phrase = { $ref ->
        [none] {""}
       *[other] { " " }(nhiệm vụ số { $ref })
    }
answer-notes-total = { answer-scope }{ answer-ref-phrase }: { $count } { answer-item-word } { $which ->
        [PROPOSALS] có đề xuất, kiến nghị
       *[other] có khó khăn, vướng mắc
    }{ answer-topic-phrase }{ answer-window-phrase } / { $total }
answer-notes-empty = { answer-scope }{ answer-ref-phrase }: không có { answer-item-word } nào { $which ->
        [PROPOSALS] có đề xuất, kiến nghị
       *[other] có khó khăn, vướng mắc
    }{ answer-topic-phrase }{ answer-window-phrase }.

## Tiến độ, tỷ lệ, cập nhật hằng tháng, xếp hạng

answer-progress-total = { answer-scope }{ answer-topic-phrase }{ answer-window-phrase }: được giao { $total } { answer-item-word }{ answer-status-word }{ answer-status-word-2 }, đã hoàn thành { $done }, đang triển khai { $inTime } trong hạn, { $overdue } quá hạn, { $notStarted } chưa triển khai.
answer-progress-empty = { answer-scope }{ answer-topic-phrase }{ answer-window-phrase }: chưa có { answer-item-word } nào{ answer-status-word }{ answer-status-word-2 }.
answer-progress-plan = { $plan }: { $total }, hoàn thành { $done }, trong hạn { $inTime }, quá hạn { $overdue }, chưa triển khai { $notStarted }
answer-progress-top = Đơn vị có nhiều nhiệm vụ quá hạn nhất:
answer-unit-overdue = { $unit }: { $overdue } quá hạn / { $total }
answer-updated-share = Cập nhật trong tháng { $month }: { $updated }/{ $open } nhiệm vụ đang mở ({ $pct }%), { $ok ->
        [yes] đạt
       *[no] chưa đạt
    } yêu cầu ít nhất 90%.
answer-progress-items = Việc cần chú ý ({ $count } việc chưa hoàn thành, gấp nhất trước):
answer-rate = { answer-scope }: tỷ lệ { answer-item-word }{ answer-status-word }{ answer-status-word-2 }{ answer-window-phrase } là { $pct }% ({ $count }/{ $total }).
answer-rate-none = { answer-scope }: chưa có { answer-item-word } nào để tính tỷ lệ.
answer-rate-updated = { answer-scope }, từ { $from } đến { $to }: đã cập nhật { $updated }/{ $open } nhiệm vụ đang mở ({ $pct }%), { $ok ->
        [yes] đạt
       *[no] chưa đạt
    } yêu cầu ít nhất 90%.
answer-stale-total = { answer-scope }, từ { $from } đến { $to }: { $below }/{ $units } đơn vị chưa cập nhật đủ 90% nhiệm vụ đang mở (ít nhất trước):
answer-stale-unit = { $unit }: { $updated }/{ $open } nhiệm vụ đã cập nhật ({ $pct }%)
answer-stale-none = { answer-scope }, từ { $from } đến { $to }: cả { $units } đơn vị đều đã cập nhật ít nhất 90% nhiệm vụ đang mở.
answer-stale-nothing-open = { answer-scope }: không có nhiệm vụ đang mở nào phải cập nhật.
answer-stale-one = { $unit }, từ { $from } đến { $to }: { $ok ->
        [none] không có nhiệm vụ đang mở nào phải cập nhật.
        [yes] đã cập nhật { $updated }/{ $open } nhiệm vụ đang mở ({ $pct }%), đạt yêu cầu ít nhất 90%.
       *[no] mới cập nhật { $updated }/{ $open } nhiệm vụ đang mở ({ $pct }%), chưa đạt yêu cầu ít nhất 90%.
    }
answer-rank-title = { answer-scope }{ answer-window-phrase }: xếp hạng { $by ->
        [OVERDUE] theo số nhiệm vụ quá hạn
        [STALE] theo tỷ lệ nhiệm vụ đã cập nhật
       *[DONE_RATE] theo tỷ lệ hoàn thành
    }, { $order ->
        [WORST] kém nhất trước
       *[BEST] tốt nhất trước
    } ({ $count }/{ $units } đơn vị):
answer-rank-line = { $pos }. { $unit }: { $by ->
        [OVERDUE] { $overdue } quá hạn / { $total }
        [STALE] đã cập nhật { $updated }/{ $open } ({ $pct }%)
       *[DONE_RATE] hoàn thành { $done }/{ $total } ({ $pct }%)
    }

## Một nhiệm vụ

answer-task-which = Có { $count } nhiệm vụ số "{ $ref }". Anh/chị muốn xem nhiệm vụ nào?
answer-task-option = { $number } ({ $plan }): { $title }
answer-task-choice = { $number } ({ $plan })
answer-task-not-found = Không tìm thấy nhiệm vụ số "{ $ref }".
answer-task-out-of-scope = Nhiệm vụ số "{ $ref }" không thuộc phạm vi anh/chị được xem.
answer-rollup = Tiến độ chung ({ $lead }): { $done }/{ $total } đơn vị đã hoàn thành, { $overdue } đơn vị quá hạn.
answer-rollup-unit = { $icon } { $unit }: { $status ->
        [OVERDUE] quá hạn { $days } ngày
        [DUE_SOON] còn { $days } ngày
        [ON_TRACK] đang triển khai
        [NOT_STARTED] chưa triển khai
       *[DONE] đã hoàn thành
    }{ $value ->
        [none] {""}
       *[other] { " · " }{ $value }%
    } · { $age ->
        [-1] chưa cập nhật
        [0] cập nhật hôm nay
       *[other] cập nhật { $age } ngày trước
    }

## Phạm vi: đơn vị chưa rõ, không có, ngoài quyền xem

answer-which-unit = { $count ->
        [1] Trong phạm vi của anh/chị, "{ $text }" là đơn vị dưới đây. Anh/chị chọn để xem:
       *[other] "{ $text }" có thể là { $count } đơn vị. Anh/chị muốn hỏi về đơn vị nào?
    }
answer-which-unit-more = … và { $count } đơn vị khác: xin gõ rõ tên đơn vị.
answer-unknown-unit = Tôi không tìm thấy đơn vị "{ $text }" trong danh sách đơn vị.
answer-unknown-unit-hint = Anh/chị gõ tên đơn vị như trong văn bản, ví dụ "Sở Nội vụ", "xã Tiên Lãng", "đặc khu Cát Hải".
answer-out-of-scope = Xin lỗi, anh/chị không có quyền xem thông tin của { $units }. Anh/chị có thể hỏi về các đơn vị thuộc phạm vi của mình.
answer-no-access = Xin lỗi, tài khoản của anh/chị chưa được phân quyền xem thông tin nhiệm vụ. Nếu cần, xin liên hệ Văn phòng Thường trực.
answer-no-unit = Tài khoản của anh/chị chưa gắn với đơn vị nào, nên tôi chưa biết "đơn vị tôi" là đơn vị nào.
answer-no-units-of-kind = Trong phạm vi của anh/chị không có { $kinds ->
        [COMMUNE] xã
        [WARD] phường
        [SPECIAL_ZONE] đặc khu
        [DEPARTMENT] sở, ngành
        [PARTY_BODY] ban, văn phòng Thành ủy
        [UNIVERSITY] trường đại học
       *[other] đơn vị loại này
    } nào.

## Báo cáo, hướng dẫn, câu hỏi chưa hiểu

answer-report = Báo cáo tiến độ ({ answer-scope }), số liệu đến ngày { $asOf }{ $window ->
        [yes] , kỳ từ { $from } đến { $to }
       *[none] {""}
    }: phụ lục Excel theo mẫu, bản tóm tắt và biểu đồ theo đơn vị.
answer-report-how = Gõ /baocao để nhận các tệp báo cáo.
answer-help-title = Tôi trả lời các câu hỏi về tiến độ thực hiện Nghị quyết 57-NQ/TW, trong phạm vi anh/chị được xem.
answer-help-commands = Các lệnh:
    /quahan [đơn vị]: nhiệm vụ quá hạn
    /sapden [số ngày]: nhiệm vụ sắp đến hạn
    /tiendo [đơn vị]: tiến độ chung
    /vuongmac [đơn vị]: khó khăn, vướng mắc
    /chamcapnhat: đơn vị chưa cập nhật đủ 90% trong tháng
    /baocao: phụ lục Excel, bản tóm tắt và biểu đồ
answer-examples = Anh/chị có thể hỏi, ví dụ:
answer-not-understood = Xin lỗi, tôi chưa hiểu câu hỏi này.
answer-understood = Tôi mới hiểu được: { $text }.
answer-request = { $kind ->
        [NOTIFY] Tôi không gửi tin nhắn từ một câu hỏi. Hệ thống tự nhắc cán bộ đầu mối trước hạn và hằng tháng; thông báo tới cán bộ hay người dân gửi bằng lệnh /thongbao.
        [DELETE] Tôi không xoá hay huỷ nhiệm vụ qua tin nhắn: danh mục nhiệm vụ do Văn phòng Thường trực quản lý (nhập lại phụ lục kế hoạch).
        [ASSIGN] Tôi chỉ trả lời câu hỏi, không giao việc từ một câu hỏi. Lãnh đạo đơn vị giao việc bằng lệnh /giao <số nhiệm vụ> <họ tên>.
       *[UPDATE] Tôi chỉ trả lời câu hỏi, không sửa dữ liệu từ một câu hỏi. Cán bộ đầu mối báo cáo tiến độ bằng lệnh /capnhat <số nhiệm vụ>; hạn và nội dung nhiệm vụ do Văn phòng Thường trực điều chỉnh.
    }
answer-ignored = (bỏ qua: { $words })
answer-directing = Lãnh đạo chỉ đạo: { $text ->
        [none] kế hoạch không ghi
       *[other] { $text }
    }
