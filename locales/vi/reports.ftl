## Báo cáo tiến độ: bản tóm tắt, phụ lục, biểu đồ

report-title = TÓM TẮT TIẾN ĐỘ THỰC HIỆN NGHỊ QUYẾT 57-NQ/TW: { $scope ->
        [all] toàn thành phố
       *[units] { $name }
    }{ $plan ->
        [none] {""}
       *[other] , kế hoạch { $plan }
    }, số liệu đến ngày { $asOf }
report-empty = Chưa có nhiệm vụ nào trong phạm vi báo cáo.
report-total = Tổng hợp: { $units } đơn vị được giao { $total } nhiệm vụ, đã hoàn thành { $done } ({ $pct }%), đang triển khai { $inTime } trong hạn, { $overdue } quá hạn, { $notStarted } chưa triển khai.
report-plans-title = Theo kế hoạch:
report-plan = { $plan }: được giao { $total }, đã hoàn thành { $done } ({ $pct }%), trong hạn { $inTime }, quá hạn { $overdue }, chưa triển khai { $notStarted }
report-overdue-title = Đơn vị có nhiều nhiệm vụ quá hạn nhất:
report-overdue-unit = { $unit }: { $overdue } quá hạn / { $total }
report-overdue-none = Không đơn vị nào có nhiệm vụ quá hạn.
report-updated = Cập nhật trong tháng { $month }: { $updated }/{ $open } nhiệm vụ đang mở ({ $pct }%), { $ok ->
        [yes] đạt
       *[no] chưa đạt
    } yêu cầu ít nhất 90%; { $below }/{ $units } đơn vị chưa đạt.
report-notes-title = { $which ->
        [PROPOSALS] Đề xuất, kiến nghị mới
       *[other] Khó khăn, vướng mắc mới
    } { $sinceKind ->
        [report] từ sau báo cáo trước (từ ngày { $since })
       *[quarter] từ đầu quý (từ ngày { $since })
    }: { $count }
report-notes-none = { $which ->
        [PROPOSALS] Không có đề xuất, kiến nghị mới
       *[other] Không có khó khăn, vướng mắc mới
    } { $sinceKind ->
        [report] từ sau báo cáo trước (từ ngày { $since }).
       *[quarter] từ đầu quý (từ ngày { $since }).
    }
report-note = { $unit }, nhiệm vụ { $number } ({ $plan }), { $date }: { $text }
report-notes-more = … và { $count } ý kiến khác (xem phụ lục).
report-files = Kèm theo: phụ lục tiến độ (Excel, theo mẫu phụ lục) và biểu đồ tiến độ theo đơn vị.
report-xlsx-caption = Phụ lục tiến độ, số liệu đến ngày { $asOf }
report-chart-caption = Tiến độ theo đơn vị, số liệu đến ngày { $asOf }
report-chart-title = Tiến độ thực hiện Nghị quyết 57-NQ/TW theo đơn vị, đến ngày { $asOf }
report-chart-subtitle = { $scope ->
        [all] Toàn thành phố
       *[units] { $name }
    }{ $plan ->
        [none] {""}
       *[other] { " · " }Kế hoạch { $plan }
    } · tỷ lệ nhiệm vụ của mỗi đơn vị theo tình trạng
report-chart-done = Đã hoàn thành
report-chart-in-progress = Đang triển khai trong hạn
report-chart-overdue = Quá hạn
report-chart-not-started = Chưa triển khai
report-chart-more = Hiển thị { $shown }/{ $units } đơn vị có nhiều nhiệm vụ quá hạn nhất.
report-scope-with-children = { $name } và các đơn vị trực thuộc
report-scope-more = { $names } và { $count } đơn vị khác

## npm run report

report-cli-file = Đã ghi { $file }
report-cli-refused = Không lập được báo cáo.
