## General chat: help, my tasks, a task, a unit

help-title = Hello { $name }!
help-body = I help you follow the tasks and indicators of Resolution 57-NQ/TW.
    • "việc của tôi" (/viectoi): the tasks you answer for, most urgent first.
    • "nv 22" or "nhiệm vụ II.6" (/nv): one task with its update history.
    • "đơn vị Cát Hải" (/donvi): a unit's tasks grouped by status.
    • Report progress in one line, e.g. "nv II.6: 50%, đã xong dự thảo, vướng kinh phí", or step by step with /capnhat.
    • Ask as you would ask a secretary: "nhiệm vụ nào quá hạn ở Cát Hải?"; /baocao sends the summary report.
menu-mine = My tasks
menu-unit = My unit's tasks
menu-help = Help
chat-not-understood = I did not understand. You can choose:
chat-old-choice = That option is out of date. Type "việc của tôi" or "help" to start again.
list-more = … and { $count } more.
choice-task = { $number } · { $title }{ $last ->
        [none] {""}
       *[other] {" "}({ $last }%)
    }
choice-task-plan = { $number } ({ $plan })

## Task lists

task-head = { $icon } { $number } · { $title }
task-meta = { $unit ->
        [none] {""}
       *[other] { $unit }{ " · " }
    }{ $status ->
        [OVERDUE] { $days } days overdue
        [DUE_SOON] { $days } days left
        [ON_TRACK] in progress
        [NOT_STARTED] not started
       *[DONE] done
    }{ $value ->
        [none] {""}
       *[other] { " · " }{ $value }%
    }{ $indicator ->
        [MET] { " · " }target met
        [NOT_MET] { " · " }target not met
       *[other] {""}
    } · { $age ->
        [-1] never updated
        [0] updated today
       *[other] updated { $age } days ago
    }
due-date = Due: { $date }
due-continuous = Due: continuous (monthly reports)
due-yearly = Due: every year ({ $date })
due-text = Due: { $text }
due-none = Due: not stated
mine-none = You are not responsible for any task yet. If that is wrong, ask the standing office to update the registry.
mine-title = { $whose ->
        [unit] Your unit's tasks (none is assigned to you by name)
       *[own] Your tasks
    }: { $open } open, { $done } done ({ $total } in all).
mine-title-page = { $whose ->
        [unit] Your unit's open tasks
       *[own] Your open tasks
    }, { $from }–{ $to } of { $open }:
list-nothing-more = There is no list to continue. You can choose:

## One task

task-not-found = No task "{ $ref }" within what you may see.
task-out-of-scope = This task is outside what you may see.
task-which = There are { $count } tasks numbered "{ $ref }". Which one?
task-option = { $number } ({ $plan }, { $units ->
        [1] { $unit }
       *[other] { $units } units
    }): { $title }
detail-head = { $icon } { $kind ->
        [INDICATOR] Indicator
       *[TASK] Task
    } { $number } · { $plan }
detail-unit = Unit: { $unit } (lead: { $lead })
detail-deadline = Deadline: { $text }
detail-status = Status: { $status ->
        [OVERDUE] { $days } days overdue
        [DUE_SOON] due soon ({ $days } days left)
        [ON_TRACK] in progress, on schedule
        [NOT_STARTED] not started
       *[DONE] done
    }{ $value ->
        [none] {""}
       *[other] , { $value }%
    } · { $age ->
        [-1] no update yet
        [0] updated today
       *[other] last updated { $age } days ago
    }
detail-target = Target: { $comparator }{ $value }{ $unit } in { $year }; actual: { $actual ->
        [none] no figure yet
       *[other] { $actual }{ $unit }
    } → { $result ->
        [MET] met
        [NOT_MET] not met
       *[other] cannot tell yet
    }
detail-result = Result: { $text }
detail-output = Output: { $text }
detail-expected = Expected completion: { $text }
detail-difficulties = Difficulties: { $text }
detail-proposals = Proposals: { $text }
history-title = Update history (last { $count }):
history-none = No updates yet.
history-line = { $date } · { $kind ->
        [CORRECTION] (correction) {""}
        [WITHDRAWAL] (withdrawn) {""}
       *[other] {""}
    }{ $state ->
        [DONE] done
        [IN_PROGRESS] in progress
       *[NOT_STARTED] not started
    }{ $value ->
        [none] {""}
       *[other] { " " }{ $value }%
    }{ $who ->
        [import] { " · " }from an Excel appendix
        [none] {""}
       *[other] { " · " }{ $who }
    }{ $text ->
        [none] {""}
       *[other] { " · " }{ $text }
    }
rollup-summary = Overall ({ $lead }): { $done }/{ $total } units done, { $overdue } overdue, { $reported } have reported.
rollup-unit = { $icon } { $unit }: { $status ->
        [OVERDUE] overdue
        [DUE_SOON] due soon
        [ON_TRACK] in progress
        [NOT_STARTED] not started
       *[DONE] done
    }{ $value ->
        [none] {""}
       *[other] { " " }{ $value }%
    }{ $reported ->
        [no] { " " }(not reported)
       *[yes] {""}
    }
rollup-silent = { $overdue ->
        [yes] 🔴 Overdue, not reported
       *[no] ⚪ Not reported
    } ({ $count }): { $units }{ $more ->
        [0] {""}
       *[other] { " " }and { $more } more
    }
rollup-page = Units that reported, not done: { $from }–{ $to } of { $count }
rollup-done = ✅ Done ({ $count }): { $units }{ $more ->
        [0] {""}
       *[other] { " " }and { $more } more
    }

## A unit's tasks

unit-which = Which unit? For example: "đơn vị Cát Hải".
unit-which-of = Several units match "{ $query }". Choose:
unit-not-found = No unit "{ $query }".
unit-out-of-scope = You may not see the tasks of { $unit }.
unit-no-tasks = { $unit } has no tasks.
unit-title = { $unit }: { $total } tasks/indicators, { $done } done, { $overdue } overdue, { $dueSoon } due soon, { $onTrack } in progress on schedule, { $notStarted } not started.
unit-group = { $status ->
        [OVERDUE] 🔴 Overdue
        [DUE_SOON] 🟠 Due soon
        [ON_TRACK] 🟢 In progress on schedule
        [NOT_STARTED] ⚪ Not started
       *[DONE] ✅ Done
    } ({ $count })
unit-more = More { $status ->
        [OVERDUE] overdue
        [DUE_SOON] due soon
        [ON_TRACK] in progress
        [NOT_STARTED] not started
       *[DONE] done
    } ({ $count })
unit-group-page = { $unit }, { unit-group } · items { $from }–{ $to } of { $count }:
choice-expired = This choice is no longer valid (cancelled or timed out), so nothing was recorded. You can choose:
choice-expired-toast = This choice is no longer valid
choice-expired-in-flow = This choice is no longer valid (it belongs to an older message), so nothing was recorded. Please answer the question in the latest message, or type /huy to stop.
short-answer-no-prompt = { $reporter ->
        [yes] I don't know which question this answers, so nothing was recorded. Reporting progress? Type for example: "50%, waiting for funds". Or choose:
       *[no] I don't know which question this answers, so nothing was recorded. You can choose:
    }
choice-not-offered = { $buttons ->
        [yes] Please press one of the buttons below:
       *[other] That matches none of the choices. Reply with a number from 1 to { $count }:
    }
unsupported-kind = { $kind ->
        [sticker] stickers
        [voice] voice messages
       *[other] this kind of message
    }
unsupported-in-step = I cannot read { unsupported-kind } yet. { $step ->
        [task] At this step, choose a task or type its number, e.g. "II.6".
        [status] At this step, choose the status, or type "đang triển khai", "xong", "chưa triển khai".
        [percent] At this step, type a number from 0 to 100, e.g. 50.
        [attachments] At this step, send a photo or a document (not a voice message), or choose "Done".
        [confirm] At this step, choose "Save", "Step by step" or "Cancel".
        [other] Please answer in text, or type /huy to stop.
       *[text] At this step, type the text, or choose "Skip".
    }
unsupported-idle = I cannot read { unsupported-kind } yet. I read text messages{ $reporter ->
        [yes] , e.g. "việc của tôi" or a report like "50%, waiting for funds"
       *[no] , e.g. "việc của tôi" or "nhiệm vụ nào quá hạn?"
    }; photos and documents only while reporting. You can choose:

## Voice messages
voice-heard = 🎙 I heard: “{ $text }”
voice-problem = { $problem ->
        [disabled] 🎙 Voice messages are not enabled on this bot; please type instead.
        [too-long] 🎙 This voice message is too long: I only listen to messages of up to { $seconds } seconds. Please say it shorter or type it; nothing was recorded.
        [too-big] 🎙 This audio file is too large to download. Please say it shorter or type it; nothing was recorded.
        [timeout] 🎙 The speech service answered too slowly, so I could not hear this message. Please send it again in a few minutes or type it; nothing was recorded.
        [empty] 🎙 I heard no words in this voice message. Please speak more clearly or type it; nothing was recorded.
       *[failed] 🎙 I could not hear this voice message (the speech service failed). Please send it again or type it; nothing was recorded.
    }
voice-idle-menu = You can choose:
