## Leaders' questions: parts shared by answers

answer-scope = { $scope ->
        [all] The whole city
        [me] Your tasks
        [kinds] { $kinds ->
                [COMMUNE] Communes
                [WARD] Wards
                [SPECIAL_ZONE] Special zones
                [DEPARTMENT] Departments
                [PARTY_BODY] Party committee boards
                [AGENCY] Other city agencies
                [UNIVERSITY] Universities
                [CITY] City-level bodies
                [LOCALITIES] Communes, wards and special zones
                [CITY_AGENCIES] Departments, boards and agencies
                [COMMUNE_WARD] Communes and wards
               *[other] The chosen units
            }
       *[units] { $name }
    }{ $plan ->
        [none] {""}
       *[other] { " " }(plan { $plan })
    }
answer-item-word = { $item ->
        [UNIT] units
        [INDICATOR] indicators
       *[other] tasks
    }
answer-units-of = { $unitsOf ->
        [none] {""}
       *[other] { " " }(task { $unitsOf })
    }
answer-status-word = { $status ->
        [OVERDUE] { " " }overdue
        [DUE_SOON] { " " }due soon
        [DONE] { " " }done
        [IN_PROGRESS] { " " }in progress
        [ON_TRACK] { " " }on schedule
        [NOT_STARTED] { " " }not started
        [OPEN] { " " }not done
        [STALE] { " " }not updated lately
        [HAS_DIFFICULTIES] { " " }with difficulties
        [MET] { " " }met
        [NOT_MET] { " " }not met
       *[none] {""}
    }
answer-status-word-2 = { $status2 ->
        [OVERDUE] , overdue
        [DUE_SOON] , due soon
        [DONE] , done
        [IN_PROGRESS] , in progress
        [ON_TRACK] , on schedule
        [NOT_STARTED] , not started
        [OPEN] , not done
        [STALE] , not updated lately
        [HAS_DIFFICULTIES] , with difficulties
        [MET] , met
        [NOT_MET] , not met
       *[none] {""}
    }
answer-topic-phrase = { $continuous ->
        [yes] { " " }continuous
       *[other] {""}
    }{ $topic ->
        [none] {""}
       *[other] { " " }about "{ $topic }"
    }{ $section ->
        [none] {""}
       *[other] { " " }(section { $section })
    }{ $document ->
        [none] {""}
       *[other] { " " }citing document no. { $document }
    }
answer-window-phrase = { $window ->
        [expected] { " " }(expected completion from { $from } to { $to })
        [due] { " " }(due { $from } to { $to })
        [done] { " " }(done { $from } to { $to })
        [reported] { " " }(updated { $from } to { $to })
       *[none] {""}
    }
answer-more = More
answer-more-count = … { $count } more.
answer-no-more = Nothing more.

## Lists and counts

answer-list-total = { answer-scope }: { $count } { answer-item-word }{ answer-units-of }{ answer-status-word }{ answer-status-word-2 }{ answer-topic-phrase }{ answer-window-phrase }{ $ofTotal ->
        [yes] { " " }/ { $total }
       *[no] {""}
    }{ $shares ->
        [none] {""}
       *[other] { " " }({ $shares } unit shares)
    }
answer-list-empty = { answer-scope }: no { answer-item-word }{ answer-units-of }{ answer-status-word }{ answer-status-word-2 }{ answer-topic-phrase }{ answer-window-phrase }{ $ofTotal ->
        [yes] { " " }(out of { $total })
       *[no] {""}
    }.
answer-task-units = { $units } units{ $OVERDUE ->
        [0] {""}
       *[other] { " · " }{ $OVERDUE } overdue
    }{ $DUE_SOON ->
        [0] {""}
       *[other] { " · " }{ $DUE_SOON } due soon
    }{ $NOT_STARTED ->
        [0] {""}
       *[other] { " · " }{ $NOT_STARTED } not started
    }{ $ON_TRACK ->
        [0] {""}
       *[other] { " · " }{ $ON_TRACK } in progress
    }{ $DONE ->
        [0] {""}
       *[other] { " · " }{ $DONE } done
    }
answer-breakdown = Assigned { $total }, done { $done }, in progress on schedule { $inTime }, overdue { $overdue }, not started { $notStarted }.
answer-count-top = Most:
answer-unit-count = { $unit }: { $count }
answer-more-units = … and { $count } more units.
answer-difficulty = ⚠ Difficulty: { $text }
answer-proposal = → Proposal: { $text }
answer-ref-phrase = { $ref ->
        [none] {""}
       *[other] { " " }(task { $ref })
    }
answer-notes-total = { answer-scope }{ answer-ref-phrase }: { $count } { answer-item-word } { $which ->
        [PROPOSALS] with proposals
       *[other] with difficulties
    }{ answer-topic-phrase }{ answer-window-phrase } / { $total }
answer-notes-empty = { answer-scope }{ answer-ref-phrase }: no { answer-item-word } { $which ->
        [PROPOSALS] with proposals
       *[other] with difficulties
    }{ answer-topic-phrase }{ answer-window-phrase }.

## Progress, rates, monthly updates, rankings

answer-progress-total = { answer-scope }{ answer-topic-phrase }{ answer-window-phrase }: assigned { $total } { answer-item-word }{ answer-status-word }{ answer-status-word-2 }, done { $done }, in progress on schedule { $inTime }, overdue { $overdue }, not started { $notStarted }.
answer-progress-empty = { answer-scope }{ answer-topic-phrase }{ answer-window-phrase }: no { answer-item-word }{ answer-status-word }{ answer-status-word-2 } yet.
answer-progress-plan = { $plan }: { $total }, done { $done }, on schedule { $inTime }, overdue { $overdue }, not started { $notStarted }
answer-progress-top = Units with the most overdue tasks:
answer-unit-overdue = { $unit }: { $overdue } overdue / { $total }
answer-updated-share = Updated in { $month }: { $updated }/{ $open } open tasks ({ $pct }%), { $ok ->
        [yes] meeting
       *[no] below
    } the 90% rule.
answer-progress-items = Needing attention ({ $count } not done, most urgent first):
answer-rate = { answer-scope }: share of { answer-item-word }{ answer-status-word }{ answer-status-word-2 }{ answer-window-phrase } is { $pct }% ({ $count }/{ $total }).
answer-rate-none = { answer-scope }: no { answer-item-word } to compute a share of.
answer-rate-updated = { answer-scope }, { $from } to { $to }: { $updated }/{ $open } open tasks updated ({ $pct }%), { $ok ->
        [yes] meeting
       *[no] below
    } the 90% rule.
answer-stale-total = { answer-scope }, { $from } to { $to }: { $below }/{ $units } units updated less than 90% of their open tasks (least first):
answer-stale-unit = { $unit }: { $updated }/{ $open } tasks updated ({ $pct }%)
answer-stale-none = { answer-scope }, { $from } to { $to }: all { $units } units updated at least 90% of their open tasks.
answer-stale-nothing-open = { answer-scope }: no open tasks to update.
answer-stale-one = { $unit }, { $from } to { $to }: { $ok ->
        [none] no open tasks to update.
        [yes] { $updated }/{ $open } open tasks updated ({ $pct }%), meeting the 90% rule.
       *[no] only { $updated }/{ $open } open tasks updated ({ $pct }%), below the 90% rule.
    }
answer-rank-title = { answer-scope }{ answer-window-phrase }: ranked { $by ->
        [OVERDUE] by overdue tasks
        [STALE] by share of tasks updated
       *[DONE_RATE] by completion rate
    }, { $order ->
        [WORST] worst first
       *[BEST] best first
    } ({ $count }/{ $units } units):
answer-rank-line = { $pos }. { $unit }: { $by ->
        [OVERDUE] { $overdue } overdue / { $total }
        [STALE] updated { $updated }/{ $open } ({ $pct }%)
       *[DONE_RATE] done { $done }/{ $total } ({ $pct }%)
    }

## One task

answer-task-which = { $count } tasks are numbered "{ $ref }". Which one?
answer-task-option = { $number } ({ $plan }): { $title }
answer-task-choice = { $number } ({ $plan })
answer-task-not-found = No task numbered "{ $ref }".
answer-task-out-of-scope = Task "{ $ref }" is outside what you may see.
answer-rollup = Overall ({ $lead }): { $done }/{ $total } units done, { $overdue } units overdue.
answer-rollup-unit = { $icon } { $unit }: { $status ->
        [OVERDUE] overdue { $days } days
        [DUE_SOON] { $days } days left
        [ON_TRACK] in progress
        [NOT_STARTED] not started
       *[DONE] done
    }{ $value ->
        [none] {""}
       *[other] { " · " }{ $value }%
    } · { $age ->
        [-1] never updated
        [0] updated today
       *[other] updated { $age } days ago
    }

## Scope: unclear, unknown or out-of-scope units

answer-which-unit = { $count ->
        [1] Within your scope, "{ $text }" is the unit below. Choose it to see:
       *[other] "{ $text }" may be { $count } units. Which one do you mean?
    }
answer-which-unit-more = … and { $count } more: please type the unit's name.
answer-unknown-unit = I cannot find the unit "{ $text }" in the registry.
answer-unknown-unit-hint = Type the unit's name as documents write it, e.g. "Sở Nội vụ", "xã Tiên Lãng", "đặc khu Cát Hải".
answer-out-of-scope = Sorry, you may not see the information of { $units }. You can ask about the units within your scope.
answer-no-access = Sorry, your account may not see task information yet. Please contact the standing office if you need it.
answer-no-unit = Your account belongs to no unit, so I do not know which unit "my unit" is.
answer-no-units-of-kind = There are no { $kinds ->
        [COMMUNE] communes
        [WARD] wards
        [SPECIAL_ZONE] special zones
        [DEPARTMENT] departments
        [PARTY_BODY] party boards
        [UNIVERSITY] universities
       *[other] units of that kind
    } within your scope.

## Reports, help, questions not understood

answer-report = Progress report ({ answer-scope }) as of { $asOf }{ $window ->
        [yes] , period { $from } to { $to }
       *[none] {""}
    }: the Excel appendix, a summary and a chart by unit.
answer-report-how = Type /baocao to receive the report files.
answer-help-title = I answer questions about progress on Resolution 57-NQ/TW, within what you may see.
answer-help-commands = Commands:
    /quahan [unit]: overdue tasks
    /sapden [days]: tasks due soon
    /tiendo [unit]: overall progress
    /vuongmac [unit]: difficulties
    /chamcapnhat: units that updated less than 90% this month
    /baocao: the Excel appendix, a summary and a chart
answer-examples = You can ask, for example:
answer-not-understood = Sorry, I did not understand this question.
answer-understood = What I understood: { $text }.
answer-request = { $kind ->
        [NOTIFY] I do not send messages from a question. Focal officers are reminded before deadlines and monthly by the system; notices to officers or residents are sent with /thongbao.
        [DELETE] I do not delete or cancel tasks by message: the task list is kept by the standing office (re-import the plan's appendix).
        [ASSIGN] I only answer questions and do not assign work from one. Unit leaders assign with /giao <task number> <full name>.
       *[UPDATE] I only answer questions and do not change data from one. Focal officers report progress with /capnhat <task number>; deadlines and task contents are changed by the standing office.
    }
answer-ignored = (ignored: { $words })
answer-directing = Directing leader: { $text ->
        [none] not named in the plan
       *[other] { $text }
    }
