## Importing from Excel/CSV

import-ok = Import complete.
import-dry-run-ok = Dry run (--dry-run): the file is valid; nothing was written.
import-refused = This file was not imported: { $count } problem(s). Stored data is unchanged.
import-busy = Another import is running; try again later. Nothing changed.
import-problem-busy = another import is running; try again later.
import-summary-tasks = Tasks/indicators: { $created } new, { $changed } changed, { $unchanged } unchanged.
import-summary-updates = New progress updates: { $count }.
import-summary-units = Units: { $created } new, { $changed } changed; new plans: { $plans }; new assignments: { $assignments }.
import-summary-people = People: { $created } new, { $changed } changed, { $unchanged } unchanged.
import-reporting-unit = Sheet "{ $sheet }": reporting unit is { $unit }.
import-as-of-option = Progress figures as of { $day } (from --as-of).
import-as-of-file = Progress figures as of { $day } (from the file's "số liệu đến ngày" line).
import-as-of-today = Progress figures as of today, { $day }: the file states no "số liệu đến ngày …" and no --as-of was given.
import-flagged-deadlines = Note: { $count } deadlines are not a precise date; kept as text and never counted overdue:
import-where-sheet = Sheet "{ $sheet }"
import-where-row = row { $row }
import-where-column = column { $column }

import-problem-not-a-workbook = the file is not a readable Excel (.xlsx) or CSV file.
import-problem-empty-file = the file has no data.
import-problem-no-header = no appendix header row found (expected columns such as "STT", "Tên nhiệm vụ", "Đơn vị chủ trì", "Thời gian hoàn thành", "Đã hoàn thành", "Đang triển khai").
import-problem-missing-column = the column "{ $name }" is missing.
import-problem-no-rows = no task rows under the header.
import-problem-bad-number = "{ $value }" is not a valid item number (expected 1, 1.2 or 22.).
import-problem-missing-number = the row has content but no item number.
import-problem-missing-title = the task title is missing.
import-problem-duplicate-number = item number "{ $value }" repeats row { $first } in the same section.
import-problem-bad-deadline = deadline "{ $value }" is not a real date (e.g. 31/02) – fix the date.
import-problem-bad-date = date "{ $value }" is not a real date – fix it.
import-problem-bad-as-of = the figures' date "{ $value }" in the title is not a real date – fix it or use --as-of.
import-problem-percent-not-number = the % complete cell holds "{ $value }" – expected a rate such as 30% or "Đang triển khai (30%)".
import-problem-percent-over-100 = completion over 100%: "{ $value }".
import-problem-bad-done-mark = the "Đã hoàn thành" column takes only an X mark, got "{ $value }".
import-problem-done-and-percent = marked done and below 100% at once.
import-problem-unknown-unit = no unit "{ $value }" in the units registry.
import-problem-no-unit = the reporting unit is unknown: the title names none; give it with --unit "Unit name".
import-problem-no-plan = the plan of this row is unknown (no "Kế hoạch số …" in its headings); give it with --plan.
import-problem-bad-role = unknown role "{ $value }" (use: cán bộ đầu mối, lãnh đạo đơn vị, lãnh đạo thành phố, tổ công nghệ số, quản trị).
import-problem-bad-phone = not a Vietnamese mobile number.
import-problem-missing-name = the name is missing.
import-problem-duplicate-person = the phone number repeats row { $first }.
import-problem-bad-unit-kind = unknown unit kind "{ $value }" (use: sở, xã, phường, đặc khu, cơ quan đảng, cơ quan, trường đại học, thành phố).
import-problem-unknown-parent = the parent unit "{ $value }" is not in the registry.

## Export

export-done = Wrote { $file }: the progress appendix of { $count } unit(s), as of { $asOf }.

## Progress of a long import (npm run import)
import-progress-read = Read { $rows } rows.
import-progress-checked = Checked { $rows } rows.
import-progress-written = Wrote { $rows }/{ $total } rows.
import-progress-summary = Read { $read } rows, checked { $checked } rows, wrote { $written } rows in { NUMBER($seconds, maximumFractionDigits: 1) } s.
