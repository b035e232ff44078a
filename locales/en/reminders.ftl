## Reminders: before the deadline, overdue, monthly update requests

reminder-title = 📌 { $name }, { $count ->
        [one] one task needs
       *[other] { $count } tasks need
    } your update ({ $date }):
reminder-appendix-offer = Many tasks at once? Type /phuluc for your unit's pre-filled progress appendix, update it in Excel and send it back to the bot.
reminder-item = • { $number } ({ $plan }): { $title }
reminder-item-state = { $reason ->
        [before] Due { $due } · { $workingDays ->
            [one] one working day left
           *[other] { $workingDays } working days left
        }
        [due-today] Due { $due } · today is the last working day before the deadline
        [overdue] Due { $due } · { $days ->
            [one] one day overdue
           *[other] { $days } days overdue
        }
        [snoozed] Reminder as you asked{ $due ->
            [none] {""}
           *[other] { " · " }due { $due }
        }
       *[monthly] Progress update for { $month }{ $due ->
            [none] { " · " }continuous task
           *[other] { " · " }due { $due }
        }
    } · { $last ->
        [none] no report yet
       *[other] last ({ $last }): { $value ->
            [none] { $state ->
                [IN_PROGRESS] in progress
                [DONE] done
               *[other] not started
            }
           *[other] { $value }%
        }
    }
reminder-item-unit-state = { $unit } · { $reason ->
        [overdue] due { $due }, { $days } days overdue
       *[other] due { $due }
    } · { $last ->
        [none] no report yet
       *[other] last ({ $last }): { $value ->
            [none] { $state ->
                [IN_PROGRESS] in progress
                [DONE] done
               *[other] not started
            }
           *[other] { $value }%
        }
    }
reminder-escalation-title = ⚠️ For the unit's leadership: { $count ->
        [one] one task is
       *[other] { $count } tasks are
    } overdue and need your direction, { $name } ({ $date }):
reminder-footer = Reply in one line, e.g. "50%, draft finished, blocked by funding".
reminder-report-now = 📝 Report now
reminder-no-change = No change
reminder-snooze-tomorrow = ⏰ Remind me tomorrow
reminder-snooze-week = Next week
reminder-report-task = 📝 Report { $number }
reminder-list = 📋 See all my tasks
reminder-snoozed = Done: I will remind you of task { $number } on the morning of { $date }.

## Digests for leaders

digest-weekly-title = 📊 Weekly digest ({ $date }) · { $scope ->
        [city] whole city
       *[other] { $scope }
    }
digest-weekly-summary = { $open } tasks open, { $done } done; { $overdue } overdue; { $upcoming } due within 14 days.
digest-new-overdue = 🔴 Became overdue this week ({ $count }):
digest-upcoming = 🟠 Due in the next { $days } days ({ $count }):
digest-issues = ⚠️ New difficulties and proposals ({ $count }):
digest-overdue-list = 🔴 Overdue, longest first ({ $count }):
digest-top-units = Units with the most overdue tasks:
digest-unit-overdue = { $unit }: { $count } overdue
digest-item = { $number } ({ $plan }) · { $title } · { $unit } · { $status ->
        [OVERDUE] due { $due }, { $days } days overdue
        [DONE] done
       *[other] due { $due }, { $days } days left
    }
digest-issue = { $number } · { $unit }{ $difficulties ->
        [none] {""}
       *[other] { " · " }blocked by: { $difficulties }
    }{ $proposals ->
        [none] {""}
       *[other] { " · " }proposes: { $proposals }
    }
digest-monthly-title = 📋 Update warning list for { $month } ({ $date }) · { $scope ->
        [city] whole city
       *[other] { $scope }
    }
digest-monthly-summary = { $updated }/{ $open } tasks updated ({ $share }%){ $flag ->
        [low] { " " }⚠️ below the programme's { $target }%
       *[ok] { " " }✅ meets { $target }%
    }.
digest-monthly-units = Share updated per unit (lowest first):
digest-monthly-unit = { $flag ->
        [low] ⚠️
       *[ok] ✅
    } { $unit }: { $updated }/{ $open } ({ $share }%)
digest-monthly-stale = Tasks not updated this month ({ $count }):
digest-stale-item = { $number } ({ $plan }) · { $title } · { $unit } · { $last ->
        [none] no report yet
       *[other] last updated { $last }
    }
reminder-no-change-saved = Noted: task { $number } has not changed since the last report.
