## Progress report: summary, appendix, chart

report-title = PROGRESS ON RESOLUTION 57-NQ/TW: { $scope ->
        [all] the whole city
       *[units] { $name }
    }{ $plan ->
        [none] {""}
       *[other] , plan { $plan }
    }, as of { $asOf }
report-empty = No tasks within the report's scope.
report-total = Overall: { $units } units assigned { $total } tasks, done { $done } ({ $pct }%), in progress on schedule { $inTime }, overdue { $overdue }, not started { $notStarted }.
report-plans-title = By plan:
report-plan = { $plan }: assigned { $total }, done { $done } ({ $pct }%), on schedule { $inTime }, overdue { $overdue }, not started { $notStarted }
report-overdue-title = Units with the most overdue tasks:
report-overdue-unit = { $unit }: { $overdue } overdue / { $total }
report-overdue-none = No unit has overdue tasks.
report-updated = Updated in { $month }: { $updated }/{ $open } open tasks ({ $pct }%), { $ok ->
        [yes] meeting
       *[no] below
    } the 90% rule; { $below }/{ $units } units below it.
report-notes-title = { $which ->
        [PROPOSALS] New proposals
       *[other] New difficulties
    } { $sinceKind ->
        [report] since the previous report (from { $since })
       *[quarter] since the start of the quarter (from { $since })
    }: { $count }
report-notes-none = { $which ->
        [PROPOSALS] No new proposals
       *[other] No new difficulties
    } { $sinceKind ->
        [report] since the previous report (from { $since }).
       *[quarter] since the start of the quarter (from { $since }).
    }
report-note = { $unit }, task { $number } ({ $plan }), { $date }: { $text }
report-notes-more = … and { $count } more (see the appendix).
report-files = Attached: the progress appendix (Excel, in the appendix layout) and a chart of progress by unit.
report-xlsx-caption = Progress appendix as of { $asOf }
report-chart-caption = Progress by unit as of { $asOf }
report-chart-title = Progress on Resolution 57-NQ/TW by unit, as of { $asOf }
report-chart-subtitle = { $scope ->
        [all] The whole city
       *[units] { $name }
    }{ $plan ->
        [none] {""}
       *[other] { " · " }Plan { $plan }
    } · share of each unit's tasks by status
report-chart-done = Done
report-chart-in-progress = In progress, on schedule
report-chart-overdue = Overdue
report-chart-not-started = Not started
report-chart-more = Showing { $shown }/{ $units } units with the most overdue tasks.
report-scope-with-children = { $name } and its sub-units
report-scope-more = { $names } and { $count } more units

## npm run report

report-cli-file = Wrote { $file }
report-cli-refused = The report could not be made.
