## Nhập dữ liệu từ Excel/CSV

import-ok = Đã nhập xong.
import-dry-run-ok = Chạy thử (--dry-run): tệp hợp lệ, chưa ghi gì vào cơ sở dữ liệu.
import-refused = Không nhập tệp này: có { $count } lỗi. Dữ liệu đã lưu không bị thay đổi.
import-busy = Đang có một lần nhập khác, thử lại sau. Chưa có gì thay đổi.
import-problem-busy = đang có một lần nhập khác, thử lại sau.
import-summary-tasks = Nhiệm vụ/chỉ tiêu: { $created } mới, { $changed } thay đổi, { $unchanged } không đổi.
import-summary-updates = Cập nhật tiến độ mới: { $count }.
import-summary-units = Đơn vị: { $created } mới, { $changed } thay đổi; kế hoạch mới: { $plans }; phân công mới: { $assignments }.
import-summary-people = Cán bộ: { $created } mới, { $changed } thay đổi, { $unchanged } không đổi.
import-reporting-unit = Sheet "{ $sheet }": đơn vị báo cáo là { $unit }.
import-as-of-option = Số liệu tiến độ tính đến ngày { $day } (theo --as-of).
import-as-of-file = Số liệu tiến độ tính đến ngày { $day } (theo dòng "số liệu đến ngày" trong tệp).
import-as-of-today = Số liệu tiến độ tính đến hôm nay, { $day }: tệp không ghi "số liệu đến ngày …" và không có --as-of.
import-flagged-deadlines = Lưu ý: { $count } thời hạn không phải ngày cụ thể, được giữ nguyên văn bản và không tính quá hạn:
import-where-sheet = Sheet "{ $sheet }"
import-where-row = dòng { $row }
import-where-column = cột { $column }

import-problem-not-a-workbook = tệp không phải bảng tính Excel (.xlsx) hoặc CSV đọc được.
import-problem-empty-file = tệp không có dữ liệu.
import-problem-no-header = không tìm thấy dòng tiêu đề của phụ lục (cần các cột như "STT", "Tên nhiệm vụ", "Đơn vị chủ trì", "Thời gian hoàn thành", "Đã hoàn thành", "Đang triển khai").
import-problem-missing-column = thiếu cột "{ $name }".
import-problem-no-rows = không có dòng nhiệm vụ nào dưới dòng tiêu đề.
import-problem-bad-number = số thứ tự "{ $value }" không hợp lệ (cần dạng 1, 1.2 hoặc 22.).
import-problem-missing-number = dòng có nội dung nhưng thiếu số thứ tự.
import-problem-missing-title = thiếu tên nhiệm vụ.
import-problem-duplicate-number = số thứ tự "{ $value }" bị trùng với dòng { $first } trong cùng mục.
import-problem-bad-deadline = thời hạn "{ $value }" không phải ngày có thật (ví dụ 31/02) – hãy sửa lại ngày.
import-problem-bad-date = ngày "{ $value }" không phải ngày có thật – hãy sửa lại.
import-problem-bad-as-of = ngày số liệu "{ $value }" trong tiêu đề không phải ngày có thật – hãy sửa lại hoặc dùng --as-of.
import-problem-percent-not-number = ô tỷ lệ % hoàn thành chứa "{ $value }" – cần một tỷ lệ như 30% hoặc "Đang triển khai (30%)".
import-problem-percent-over-100 = tỷ lệ hoàn thành vượt quá 100%: "{ $value }".
import-problem-bad-done-mark = cột "Đã hoàn thành" chỉ nhận dấu X, nhận được "{ $value }".
import-problem-done-and-percent = vừa đánh dấu hoàn thành vừa ghi tỷ lệ dưới 100%.
import-problem-unknown-unit = không có đơn vị "{ $value }" trong danh sách đơn vị.
import-problem-no-unit = không xác định được đơn vị báo cáo: tiêu đề phụ lục không ghi tên đơn vị; hãy chỉ rõ bằng --unit "Tên đơn vị".
import-problem-no-plan = không xác định được kế hoạch của dòng này (tiêu đề mục không ghi "Kế hoạch số …"); hãy chỉ rõ bằng --plan.
import-problem-bad-role = vai trò "{ $value }" không rõ (dùng: cán bộ đầu mối, lãnh đạo đơn vị, lãnh đạo thành phố, tổ công nghệ số, quản trị).
import-problem-bad-phone = số điện thoại không đúng dạng số di động Việt Nam.
import-problem-missing-name = thiếu tên.
import-problem-duplicate-person = số điện thoại trùng với dòng { $first }.
import-problem-bad-unit-kind = loại đơn vị "{ $value }" không rõ (dùng: sở, xã, phường, đặc khu, cơ quan đảng, cơ quan, trường đại học, thành phố).
import-problem-unknown-parent = đơn vị cấp trên "{ $value }" không có trong danh sách.

## Xuất phụ lục

export-done = Đã ghi { $file }: phụ lục tiến độ của { $count } đơn vị, số liệu đến ngày { $asOf }.

## Progress of a long import (npm run import)
import-progress-read = Đã đọc { $rows } dòng.
import-progress-checked = Đã kiểm tra { $rows } dòng.
import-progress-written = Đã ghi { $rows }/{ $total } dòng.
import-progress-summary = Đã đọc { $read } dòng, kiểm tra { $checked } dòng, ghi { $written } dòng trong { NUMBER($seconds, maximumFractionDigits: 1) } giây.
