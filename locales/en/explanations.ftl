## Explanation requests: city leaders and the standing office ask a unit to explain a late task

gt-choice-answer = Answer the request
gt-notice-title = 📝 Explanation request no. { $id } from { $requester }, answer by { $due }
gt-notice-task = Task { $number } · { $plan }: { $title } — { $unit }
gt-notice-late = { $days ->
        [0] Not overdue{ $deadline ->
            [none] {""}
           *[other] {" "}(due { $deadline })
        }.
       *[other] Overdue by { $days } days{ $deadline ->
            [none] {""}
           *[other] {" "}(due { $deadline })
        }.
    }
gt-notice-last = Last update: { $on ->
        [none] none
       *[other] { $on }{ $percent ->
            [none] {""}
           *[other] , { $percent }%
        }{ $state ->
            [DONE] , done
            [NOT_STARTED] , not started
           *[other] {""}
        }
    }.
gt-notice-reason = Request: { $reason }
gt-notice-how = Answer with the choice below, then type the explanation (or send a file), or type: “gt { $id } <explanation>”.
gt-remind-title = ⏰ Today ({ $due }) is the deadline of explanation request no. { $id } from { $requester }; the unit has not answered.
gt-escalate-title = ⚠️ { $unit } has not answered explanation request no. { $id } from { $requester }: due { $due }, { $days } working days late.
gt-escalate-requester = ⚠️ Explanation request no. { $id } ({ $unit }, task { $number } · { $plan }) is { $days } working days past { $due } without an answer; { $heads ->
        [0] the unit has no leader in the system to tell.
       *[other] the unit's leaders were told ({ $heads }).
    }
gt-answer-title = 📬 { $unit } explained (request no. { $id }, task { $number } · { $plan }) — { $by }
gt-answer-file = File attached: { $name }
gt-list-title = { $scope ->
        [all] Whole city
       *[other] { $scope }
    }: { $lateOnly ->
        [yes] { $late } overdue explanation requests without an answer
       *[no] { $count } explanation requests without an answer ({ $units } units), { $late } overdue
    }
gt-list-item = { $late ->
        [yes] 🔴
       *[no] 🟠
    } No. { $id } · { $unit } · task { $number } · { $plan } · due { $due }{ $late ->
        [yes] {" "}(overdue{ $escalated ->
            [yes] , unit leaders told
           *[no] {""}
        })
       *[no] {""}
    } · asked by { $requester }
gt-list-more = … and { $count } more.
gt-list-not-allowed = The list of explanation requests is for leaders, the standing office and focal officers.
gt-usage = To ask for an explanation: /giaitrinh <task> [unit] [deadline], e.g. /giaitrinh 14 Cát Hải, /giaitrinh 13 Sở Tài chính 10 ngày làm việc, /giaitrinh 13 Sở Tài chính hạn 15/12. Type /giaitrinh to see the requests not answered yet.
gt-not-allowed = Only city leaders and the standing office may ask a unit to explain (unit leaders: the units under theirs).
gt-out-of-scope = You may ask only the units under yours to explain; { $unit } is not one of them.
gt-task-not-found = No task “{ $ref }”. Type the task's number as in the plan, e.g. /giaitrinh 14 Cát Hải.
gt-task-many = “{ $ref }” matches several tasks: { $tasks }. Type the full number, e.g. /giaitrinh A.II.6.
gt-due-problem = { $problem ->
        [days-range] The deadline is 1 to 60 working days, e.g. 10 ngày làm việc.
        [past-date] The deadline must be after today.
       *[other] Could not read the deadline; e.g. “10 ngày làm việc” or “hạn 15/12/2026”.
    }
gt-unit-many = “{ $text }” matches several units: { $units }. Please type the name more fully.
gt-unit-not-assigned = { $unit } is not assigned task { $number }.
gt-unit-unknown = No unit “{ $text }”.
gt-no-unit-to-ask = Task { $number }: no unit (not done, within your scope) to ask for an explanation.
gt-which-unit = Task { $number } · { $plan } is assigned to { $count } units. Which one should explain?{ $shown ->
        [1] {""}
       *[other] {" "}(latest first)
    } Choose below or type the unit's name.
gt-unit-choice = { $unit } · { $late ->
        [0] { $percent ->
            [none] no update
           *[other] { $percent }%
        }
       *[other] { $late } days late
    }
gt-which-unit-again = Choose a unit from the list above (or type its name), or type /huy to stop.
gt-task-done = Task { $number } of { $unit } is done: no explanation needed.
gt-already-open = { $unit } already has explanation request no. { $id } about task { $number }, answer by { $due }.
gt-created = Explanation request no. { $id } sent to { $unit } (task { $number } · { $plan }{ $late ->
        [0] {""}
       *[other] , { $late } days overdue
    }), answer by { $due }. { $count ->
        [0] Nobody of the unit has linked a chat account, so no message went out; the request is still tracked.
       *[other] { $count } people told (unit leaders, the task's officers).
    }
gt-not-found = No explanation request no. { $id }.
gt-not-yours = Explanation request no. { $id } is addressed to { $unit }: only its leaders and officers may answer.
gt-ask-answer = Explanation request no. { $id }: type the explanation or send a file (type /huy to stop).
gt-answer-dropped = The explanation for request no. { $id } was not recorded. When ready, type “gt { $id } <explanation>”.
gt-answered = { $again ->
        [yes] The additional explanation
       *[no] The explanation
    } for request no. { $id } was recorded and sent to { $requester }.
gt-unit-dropped = The choice of unit was dropped. Please type that command again.
gt-report-line = Explanation requests: { $open } not answered ({ $late } overdue), { $answered } answered.

telegram-cmd-giaitrinh = Ask a unit to explain; requests not answered

## From an overdue item of a leader's answer

gt-choice-request = Ask to explain: { $number } · { $unit ->
        [none] { $plan } ({ $units } units overdue)
       *[other] { $unit }
    }
gt-confirm = Ask { $unit } to explain task { $number } · { $plan } ({ $late ->
        [0] not overdue
       *[other] { $late } days overdue
    }), answer by { $due }{ $days ->
        [none] ?
       *[other] {" "}({ $days } working days)?
    }
gt-confirm-hint = Choose “Send the request” to send it. To change the deadline or give a reason, type e.g. “hạn 15/12”, “10 ngày” or “lý do: no update since June”.
gt-choice-send = Send the request
gt-choice-drop = Cancel
gt-confirm-dropped = Cancelled: no explanation request was sent.
gt-confirm-again = Choose “Send the request” or “Cancel”, or type a deadline (“hạn 15/12”, “10 ngày”) or a reason (“lý do: …”).

## Explanation requests in a task's history

gt-history-title = Explanation requests ({ $count }):
gt-history-request = No. { $id } from { $requester } · due { $due } · { $state ->
        [OPEN] not answered
       *[ANSWERED] explained
    }
gt-history-event = { "  " }{ $day } { $time } · { $kind ->
        [REQUESTED] asked to explain
        [ANSWERED] explained
        [REMINDED] reminded of the deadline
       *[ESCALATED] escalated to the unit's head and the requester
    }{ $by ->
        [none] {""}
       *[other] { " " }— { $by }
    } ({ $channel ->
        [TELEGRAM] Telegram
        [ZALO] Zalo
        [CONSOLE] console
       *[SYSTEM] automatic
    }){ $text ->
        [none] {""}
       *[other] : { $text }
    }{ $file ->
        [none] {""}
       *[other] { " " }[file { $file }]
    }

## In the requester's weekly digest

gt-digest-title = Explanation requests you sent, not answered: { $count }, { $late } overdue
gt-digest-own-title = 📝 Weekly digest ({ $date }) · explanation requests you sent
