## Nhắc việc: trước hạn, quá hạn, yêu cầu cập nhật hằng tháng

reminder-title = 📌 Đồng chí { $name } có { $count } nhiệm vụ cần cập nhật (ngày { $date }):
reminder-appendix-offer = Nhiều nhiệm vụ cùng lúc? Gõ /phuluc để nhận phụ lục tiến độ của đơn vị đã điền sẵn, cập nhật trong Excel rồi gửi lại cho bot.
reminder-item = • { $number } ({ $plan }): { $title }
reminder-item-state = { $reason ->
        [before] Hạn { $due } · còn { $workingDays } ngày làm việc
        [due-today] Hạn { $due } · hôm nay là ngày làm việc cuối cùng trước hạn
        [overdue] Hạn { $due } · quá hạn { $days } ngày
        [snoozed] Nhắc lại theo hẹn{ $due ->
            [none] {""}
           *[other] { " · " }hạn { $due }
        }
       *[monthly] Cập nhật tiến độ tháng { $month }{ $due ->
            [none] { " · " }nhiệm vụ thường xuyên
           *[other] { " · " }hạn { $due }
        }
    } · { $last ->
        [none] chưa có báo cáo
       *[other] lần trước ({ $last }): { $value ->
            [none] { $state ->
                [IN_PROGRESS] đang triển khai
                [DONE] đã hoàn thành
               *[other] chưa triển khai
            }
           *[other] { $value }%
        }
    }
reminder-item-unit-state = { $unit } · { $reason ->
        [overdue] hạn { $due }, quá hạn { $days } ngày
       *[other] hạn { $due }
    } · { $last ->
        [none] chưa có báo cáo
       *[other] lần trước ({ $last }): { $value ->
            [none] { $state ->
                [IN_PROGRESS] đang triển khai
                [DONE] đã hoàn thành
               *[other] chưa triển khai
            }
           *[other] { $value }%
        }
    }
reminder-escalation-title = ⚠️ Báo cáo lãnh đạo đơn vị: { $count } nhiệm vụ đã quá hạn, cần đồng chí { $name } chỉ đạo (ngày { $date }):
reminder-footer = Trả lời nhanh một dòng, ví dụ: "50%, đã xong dự thảo, vướng kinh phí".
reminder-report-now = 📝 Báo cáo ngay
reminder-no-change = Không thay đổi
reminder-snooze-tomorrow = ⏰ Nhắc lại ngày mai
reminder-snooze-week = Nhắc tuần sau
reminder-report-task = 📝 Báo cáo { $number }
reminder-list = 📋 Xem tất cả việc của tôi
reminder-snoozed = Đã hẹn: sẽ nhắc lại nhiệm vụ { $number } vào sáng { $date }.

## Tổng hợp cho lãnh đạo

digest-weekly-title = 📊 Tổng hợp tuần ({ $date }) · { $scope ->
        [city] toàn thành phố
       *[other] { $scope }
    }
digest-weekly-summary = Đang mở { $open } nhiệm vụ, đã hoàn thành { $done }; quá hạn { $overdue }; sắp đến hạn (14 ngày) { $upcoming }.
digest-new-overdue = 🔴 Mới quá hạn trong tuần ({ $count }):
digest-upcoming = 🟠 Sắp đến hạn trong { $days } ngày tới ({ $count }):
digest-issues = ⚠️ Khó khăn, đề xuất mới ({ $count }):
digest-overdue-list = 🔴 Quá hạn, lâu nhất trước ({ $count }):
digest-top-units = Đơn vị có nhiều nhiệm vụ quá hạn nhất:
digest-unit-overdue = { $unit }: { $count } nhiệm vụ quá hạn
digest-item = { $number } ({ $plan }) · { $title } · { $unit } · { $status ->
        [OVERDUE] hạn { $due }, quá hạn { $days } ngày
        [DONE] đã hoàn thành
       *[other] hạn { $due }, còn { $days } ngày
    }
digest-issue = { $number } · { $unit }{ $difficulties ->
        [none] {""}
       *[other] { " · " }vướng: { $difficulties }
    }{ $proposals ->
        [none] {""}
       *[other] { " · " }đề xuất: { $proposals }
    }
digest-monthly-title = 📋 Danh sách cảnh báo cập nhật tháng { $month } ({ $date }) · { $scope ->
        [city] toàn thành phố
       *[other] { $scope }
    }
digest-monthly-summary = Đã cập nhật { $updated }/{ $open } nhiệm vụ ({ $share }%){ $flag ->
        [low] { " " }⚠️ dưới mức { $target }% theo Chương trình
       *[ok] { " " }✅ đạt mức { $target }%
    }.
digest-monthly-units = Tỷ lệ cập nhật theo đơn vị (thấp nhất trước):
digest-monthly-unit = { $flag ->
        [low] ⚠️
       *[ok] ✅
    } { $unit }: { $updated }/{ $open } ({ $share }%)
digest-monthly-stale = Nhiệm vụ chưa cập nhật trong tháng ({ $count }):
digest-stale-item = { $number } ({ $plan }) · { $title } · { $unit } · { $last ->
        [none] chưa có báo cáo
       *[other] cập nhật lần cuối { $last }
    }
reminder-no-change-saved = Đã ghi nhận: nhiệm vụ { $number } không thay đổi so với lần báo cáo trước.
