## The "6 rõ" check: clear person, work, time, responsibility, output, authority

six-title = “6 rõ” check — { $scope ->
        [city] the whole city
        [plan] plan { $name }
       *[other] { $name }
    }: { $gaps }/{ $tasks } tasks and indicators have gaps
six-none = { $scope ->
        [city] There are no tasks to check yet.
        [plan] Plan { $name } has no tasks to check yet.
       *[other] { $name } has no tasks assigned.
    }
six-all-clear = Every task has a clear person, work, time, responsibility, output and authority.
six-plan = { $plan }: { $gaps }/{ $tasks } with gaps
six-criterion-name = { $criterion ->
        [who] clear person
        [what] clear work
        [when] clear time
        [responsibility] clear responsibility
        [output] clear output
       *[authority] clear authority
    }
six-criterion = No { $criterion ->
        [what] clear work (no task title)
        [when] clear time (deadline not readable)
        [responsibility] clear responsibility (no lead unit)
        [output] clear output (no expected output)
       *[authority] clear authority (no directing leader)
    }: { $count }{ $numbers ->
        [none] {""}
       *[other] { " " }— { $numbers }
    }
six-who = No clear person: { $count } tasks, { $missing }/{ $shares } unit shares without a responsible officer{ $numbers ->
        [none] {""}
       *[other] { " " }— { $numbers }
    }
six-units = Units with the most gaps ({ $count } units):
six-unit = { $unit }: { $gaps }/{ $shares } tasks{ $who ->
        [0] {""}
       *[other] , { $who } without a responsible officer
    }
six-hint = Type “/6ro <plan>” (e.g. /6ro 12-KH/TU) or “/6ro <unit>” for the task numbers.
six-unknown = No plan or unit “{ $text }”. For example: /6ro 12-KH/TU, /6ro chương trình 2026, /6ro Cát Hải.
six-which-unit = “{ $text }” fits several units: { $units }. Please type more of the name.
six-out-of-scope = You cannot see the “6 rõ” check of { $unit } (outside your unit).
six-not-allowed = The “6 rõ” check is for leaders, the standing office and focal officers.
six-import = “6 rõ” check of the imported plans: { $gaps }/{ $tasks } tasks and indicators have gaps (person: { $who }, time: { $when }, responsibility: { $responsibility }, output: { $output }, authority: { $authority }).
six-digest-title = “6 rõ” check: { $gaps }/{ $tasks } tasks and indicators have gaps

## Proposals routed to who must answer

-office = the standing office (city)
kn-addressee = { $addressee ->
        [office] { -office }
       *[other] { $addressee }
    }
kn-choice = { $kind ->
        [ack] Taken on board
        [res] Resolved…
        [fwd] Forward to…
       *[ref] Cannot…
    }
kn-notice-title = 📨 Proposal no. { $id } { $from ->
        [none] {""}
       *[other] (forwarded from { $from ->
            [office] { -office }
           *[other] { $from }
        }){ " " }
    }for { $addressee ->
        [office] { -office }
       *[other] { $addressee }
    } to answer by { $due }
kn-notice-from = From { $unit }{ $person ->
        [none] {""}
       *[other] { " " }({ $person })
    }, task { $number } · { $plan }: { $title }
kn-notice-how = Answer with a choice below, or type: “kn { $id } đã tiếp thu”, “kn { $id } đã giải quyết: …”, “kn { $id } chuyển cho …”, “kn { $id } không thể: reason”.
kn-raised = { $count } proposals sent to who must answer:
kn-raised-item = No. { $id } → { $addressee ->
        [office] { -office }
       *[other] { $addressee }
    }, answer due { $due }{ $guessed ->
        [yes] {" "}(no addressee recognised: sent to the standing office)
       *[no] {""}
    }: { $text }
kn-answer-title = 📬 Proposal no. { $id } of { $unit } (task { $number } · { $plan }): { $addressee ->
        [office] { -office }
       *[other] { $addressee }
    } answered ({ $by })
kn-answer-state = { $kind ->
        [ACKNOWLEDGED] Taken on board{ $text ->
            [none] .
           *[other] : { $text }
        }
        [RESOLVED] Resolved: { $text }
        [REFUSED] Cannot be resolved: { $text }
       *[FORWARDED] Forwarded to { $to ->
            [office] { -office }
           *[other] { $to }
        } to answer.
    }
kn-list-title = { $scope ->
        [all] Whole city
        [office] { -office }
       *[other] { $scope }
    }: { $lateOnly ->
        [yes] { $late } proposals past their answer date
       *[no] { $count } proposals not fully answered, { $late } late
    }
kn-list-item = { $late ->
        [yes] 🔴
       *[no] { $state ->
            [ACKNOWLEDGED] 🟡
           *[other] 🟠
        }
    } No. { $id } · to { $addressee ->
        [office] { -office }
       *[other] { $addressee }
    } · due { $due }{ $late ->
        [yes] {" "}(late)
       *[no] {""}
    }{ $state ->
        [ACKNOWLEDGED] {" "}· taken on board
       *[other] {""}
    } · from { $unit }, task { $number } · { $plan }
kn-list-more = … and { $count } more proposals.
kn-problem = { $problem ->
        [resolved-needs-text] Please write the result after “đã giải quyết:”, e.g. kn 12 đã giải quyết: funds allocated by decision 123.
        [refused-needs-reason] Please write the reason after “không thể:”, e.g. kn 12 không thể: not within our authority.
        [forward-needs-unit] Please write the unit after “chuyển cho”, e.g. kn 12 chuyển cho Sở Xây dựng.
       *[unknown] Answer a proposal with: đã tiếp thu, đã giải quyết: …, chuyển cho …, or không thể: reason.
    }
kn-ask-text = { $kind ->
        [res] Proposal no. { $id }: type what was done (actions, documents).
        [fwd] Proposal no. { $id }: type the unit to forward it to.
       *[ref] Proposal no. { $id }: type why it cannot be resolved.
    }
kn-not-found = There is no proposal no. { $id }.
kn-not-yours = Proposal no. { $id } is addressed to { $addressee ->
        [office] { -office }
       *[other] { $addressee }
    }: only its leaders can answer.
kn-already = Proposal no. { $id } has already been answered ({ $state ->
        [RESOLVED] resolved
       *[other] cannot be resolved
    }).
kn-forward-unknown = No unit “{ $text }” to forward the proposal to.
kn-forward-same = Proposal no. { $id } is already addressed to { $addressee ->
        [office] { -office }
       *[other] { $addressee }
    }.
kn-forwarded = Proposal no. { $id } forwarded to { $addressee ->
        [office] { -office }
       *[other] { $addressee }
    }, answer due { $due }. The proposing unit was told.
kn-answered = Answer recorded for proposal no. { $id } ({ $kind ->
        [ACKNOWLEDGED] taken on board
        [RESOLVED] resolved
       *[other] cannot be resolved
    }); { $unit } was told.

## Where proposals go, in the summary before saving

kn-summary-title = The proposals will go to:
kn-summary-item = { $n }. “{ $text }” → { $addressee ->
        [office] { -office }
        [ask] addressee unclear: type “gửi <unit>” to choose (otherwise { -office })
       *[other] { $addressee }
    }{ $chosen ->
        [yes] { " " }(your choice)
       *[other] {""}
    }{ $unknown ->
        [none] {""}
       *[other] { " " }— no unit “{ $unknown }” found
    }
kn-summary-hint = To change where one goes, type { $count ->
        [one] “gửi <unit>” (e.g. gửi Sở Xây dựng).
       *[other] “gửi <number> <unit>” (e.g. gửi 2 Sở Xây dựng).
    }
kn-send-problem = { $problem ->
        [no-proposals] This update has no proposal to route yet.
        [which] There are { $count } proposals: add the number, e.g. “gửi 2 Sở Xây dựng”.
       *[other] There are only { $count } proposals: type a number from 1 to { $count }.
    }

## Unanswered proposals: a reminder on the due day, then escalation

kn-late-reminder = ⏰ Today ({ $due }) is the answer deadline of proposal { $id } to { $addressee ->
        [office] { -office }
       *[other] { $addressee }
    }. If it is not answered, on { $escalate } it is escalated to the standing office.
kn-escalated = ⚠️ Proposal { $id } to { $addressee ->
        [office] { -office }
       *[other] { $addressee }
    } is { $days } working days past its answer deadline ({ $due }) with no answer.
kn-escalated-office = The standing office follows up with the addressee (type “kiến nghị nào quá hạn” for the list).

## Proposals in the /baocao report

kn-report = Proposals: { $open } awaiting a final answer ({ $late } late), { $answered } answered in the period
kn-report-addressee = { $addressee ->
        [office] { -office }
       *[other] { $addressee }
    }: { $open } awaiting{ $late ->
        [0] {""}
       *[other] , { $late } late
    }

## Telegram command menu

telegram-cmd-kiennghi = Proposals not answered yet
telegram-cmd-6ro = The “6 rõ” check of a plan or unit

## Proposals in a task's history

kn-history-title = The unit's proposals ({ $count }):
kn-history-proposal = No. { $id } → { $addressee ->
        [office] { -office }
       *[other] { $addressee }
    } · { $state ->
        [OPEN] not answered
        [ACKNOWLEDGED] acknowledged
        [RESOLVED] resolved
       *[REFUSED] refused
    } · due { $due }: “{ $text }”
kn-history-event = { "  " }{ $day } { $time } · { $kind ->
        [RAISED] raised
        [ACKNOWLEDGED] acknowledged
        [RESOLVED] resolved
        [FORWARDED] forwarded to { $to ->
            [office] { -office }
           *[other] { $to }
        }
        [REFUSED] refused
        [REMINDED] deadline reminder
       *[ESCALATED] escalated to the standing office
    }{ $by ->
        [none] {""}
       *[other] { " " }— { $by }
    } ({ $channel ->
        [TELEGRAM] Telegram
        [ZALO] Zalo
        [CONSOLE] console
        [XLSX] Excel
        [IMPORT] file import
       *[SYSTEM] automatic
    }){ $text ->
        [none] {""}
       *[other] : { $text }
    }
