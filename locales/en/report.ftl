## Progress reports

menu-report = Report progress
report-skip = Skip
report-cancel = Cancel
report-target = Task { $number } ({ $plan }): { $title }{ $last ->
        [none] {""}
       *[other] { " " }— last time { $last }%
    }
report-no-tasks = You have no open task to report on.
report-correcting = Correcting your last update: each step shows what you reported; choose "Skip" to keep it.
report-which-task = Which task are you reporting on? ({ $count } open)
report-which-task-quick = Which task is this update about? ({ $count } open)
report-type-number = Or type the task number, e.g. "II.6".
report-ask-status = What is the status now?
state-IN_PROGRESS = In progress
state-DONE = Done
state-NOT_STARTED = Not started
report-ask-percent = How many percent are done? Type a number from 0 to 100{ $last ->
        [none] {""}
       *[other] { " " }(last time { $last }%)
    }.
percent-choice = { $value }%
report-ask-output = Output document (type, number, date), e.g. "Kế hoạch số 52/KH-UBND ngày 05/9/2025"{ $current ->
        [none] {""}
       *[other] { "" }. Currently: { $current }
    }
report-ask-difficulties = Difficulties, if any{ $current ->
        [none] {""}
       *[other] { "" }. Currently: { $current }
    }
report-ask-proposals = Proposals, if any{ $current ->
        [none] {""}
       *[other] { "" }. Currently: { $current }
    }
report-ask-expected = Expected completion, e.g. "quý I/2026" or "31/12/2026"{ $current ->
        [none] {""}
       *[other] { "" }. Currently: { $current }
    }
report-ask-attachments = Attach files or photos as evidence (optional){ $count ->
        [0] {""}
       *[other] { "" }. { $count } received
    }.
report-files-done = Done, no more files
report-understood = This is what I understood; please confirm:
report-summary = Check before saving:
summary-state = Status: { $state ->
        [DONE] done
        [IN_PROGRESS] in progress
        [NOT_STARTED] not started
       *[other] unclear
    }{ $percent ->
        [none] {""}
       *[other] { " " }({ $percent }%)
    }
summary-output = Output: { $text }
summary-difficulties = Difficulties: { $text }
summary-proposals = Proposals: { $text }
summary-expected = Expected completion: { $text }
summary-attachments = Attachments: { $count }
report-confirm-question = Save this update?
report-save = ✅ Save
report-edit = ✏️ Edit step by step
report-cancelled = Cancelled. Nothing was saved.
report-cancelled-toast = Cancelled
report-task-unknown = I could not tell which task. Choose one from the list or type its exact number.
report-status-unknown = Choose a status: in progress, done or not started.
report-percent-over = Completion cannot exceed 100% ("{ $value }"). Type a number from 0 to 100.
report-percent-bad = "{ $value }" is not a percentage. Type a number from 0 to 100, e.g. 50.
report-file-later = This step needs text; attachments come in a later step.
report-type-text = Type the text, or choose "Skip".
report-files-max = At most { $max } files per update.
report-send-file = Send a file or photo, or choose "Done" to go on.
report-confirm-unknown = Choose "Save", "Edit step by step" or "Cancel".
report-saved = ✅ Saved the update of task { $number }: { $state ->
        [DONE] done
        [IN_PROGRESS] in progress
        [NOT_STARTED] not started
       *[other] {""}
    }{ $percent ->
        [none] {""}
       *[other] { " " }{ $percent }%
    }.
report-corrected = ✅ Saved the correction of task { $number }: { $state ->
        [DONE] done
        [IN_PROGRESS] in progress
        [NOT_STARTED] not started
       *[other] {""}
    }{ $percent ->
        [none] {""}
       *[other] { " " }{ $percent }%
    }.
report-saved-hint = Within { $minutes } minutes, type /sua to correct or /rutlai to withdraw this update.
report-not-allowed = Only focal officers and unit leaders report progress through the bot.
report-foreign-task = Task "{ $ref }" belongs to another unit, so you cannot report on it.
file-outside-report = I take files only while you report progress (type /capnhat to start).
correction-none = You have no update to correct or withdraw.
correction-too-late = Your last update is more than { $minutes } minutes old and can no longer be corrected; send a new update.
withdraw-ask = Withdraw this update? The history keeps it; the task goes back to its previous state.
withdraw-yes = Withdraw
withdraw-no = Keep it
withdraw-kept = The update is kept.
withdraw-done = Withdrew the update of task { $number }.
handover-not-leader = Only unit leaders hand tasks to other officers.
handover-usage = Usage: /giao <task number> <officer's full name>, e.g. /giao II.6 Trần Thị Hồng Nhung
task-which-handover = Several tasks are numbered "{ $ref }"; write the full number, e.g. A.II.6.
handover-many-people = Several officers named "{ $name }" in { $unit }; write the full name.
handover-no-person = No officer "{ $name }" in { $unit }.
handover-done = Task { $number } is now handled by { $name }.
quick-problem-PERCENT_OVER_100 = Completion cannot exceed 100%. Send it again, e.g. "in progress 80%".
quick-problem-PERCENT_NEGATIVE = Completion cannot be negative.
quick-problem-PERCENT_NOT_A_NUMBER = I cannot read the percentage. Type a number, e.g. "50%".
quick-problem-DONE_BUT_PERCENT_BELOW_100 = You wrote "done" but a percentage below 100. Is the task done or in progress?
quick-problem-NOT_STARTED_BUT_PERCENT = You wrote "not started" and a percentage. Please send it again more clearly.
flow-expired = Your previous report timed out and was stopped; nothing was saved.
nothing-to-cancel = Nothing in progress to cancel.
summary-note = Note: { $text }
flow-busy = You are in the middle of a report. Answer the question below, or type /huy to stop and use another command.
handover-confirm = Hand task { $number } ({ $title }) over to { $name }? They will get its reminders and report on it instead of the person in charge now.
handover-yes = ✅ Hand over
handover-no = Don't
handover-kept = Cancelled; the task stays with the person in charge.
quick-problem-times = (found in { $count } places in the message)
quick-problem-nothing-saved = Nothing was saved; please correct it and send the whole message again.
summary-unread = Could not read: { $text }{ $more ->
        [0] {""}
       *[other] { " " }and { $more } more
    }
summary-field-missing = { $field ->
        [output] Output
        [difficulties] Difficulties
        [proposals] Proposals
       *[expected] Expected completion
    }: not found in the message
report-ask-percent-seen = I see { $count } numbers, { $values } and { $last }: which one is the progress now? Choose one, or type a number from 0 to 100.
report-read-so-far = What I read in the message:
summary-field-none = { $field ->
        [output] Output
        [difficulties] Difficulties
        [proposals] Proposals
       *[expected] Expected completion
    }: none
