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
