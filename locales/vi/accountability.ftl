## Kiểm tra "6 rõ": rõ người, rõ việc, rõ thời gian, rõ trách nhiệm, rõ sản phẩm, rõ thẩm quyền

six-title = Kiểm tra “6 rõ” — { $scope ->
        [city] toàn thành phố
        [plan] kế hoạch { $name }
       *[other] { $name }
    }: { $gaps }/{ $tasks } nhiệm vụ, chỉ tiêu còn thiếu
six-none = { $scope ->
        [city] Chưa có nhiệm vụ nào để kiểm tra.
        [plan] Kế hoạch { $name } chưa có nhiệm vụ nào để kiểm tra.
       *[other] { $name } chưa được giao nhiệm vụ nào.
    }
six-all-clear = Mọi nhiệm vụ đều đã rõ người, rõ việc, rõ thời gian, rõ trách nhiệm, rõ sản phẩm, rõ thẩm quyền.
six-plan = { $plan }: { $gaps }/{ $tasks } còn thiếu
six-criterion-name = { $criterion ->
        [who] rõ người
        [what] rõ việc
        [when] rõ thời gian
        [responsibility] rõ trách nhiệm
        [output] rõ sản phẩm
       *[authority] rõ thẩm quyền
    }
six-criterion = Chưa { $criterion ->
        [what] rõ việc (không có tên nhiệm vụ)
        [when] rõ thời gian (thời hạn không đọc được)
        [responsibility] rõ trách nhiệm (không có đơn vị chủ trì)
        [output] rõ sản phẩm (không có sản phẩm đầu ra)
       *[authority] rõ thẩm quyền (không có lãnh đạo chỉ đạo)
    }: { $count }{ $numbers ->
        [none] {""}
       *[other] { " " }— { $numbers }
    }
six-who = Chưa rõ người: { $count } nhiệm vụ, { $missing }/{ $shares } lượt đơn vị chưa có cán bộ phụ trách{ $numbers ->
        [none] {""}
       *[other] { " " }— { $numbers }
    }
six-units = Đơn vị còn nhiều việc chưa “6 rõ” ({ $count } đơn vị):
six-unit = { $unit }: { $gaps }/{ $shares } việc{ $who ->
        [0] {""}
       *[other] , { $who } việc chưa có cán bộ phụ trách
    }
six-hint = Gõ “/6ro <kế hoạch>” (ví dụ /6ro 12-KH/TU) hoặc “/6ro <đơn vị>” để xem số nhiệm vụ cụ thể.
six-unknown = Không tìm thấy kế hoạch hay đơn vị “{ $text }”. Ví dụ: /6ro 12-KH/TU, /6ro chương trình 2026, /6ro Cát Hải.
six-which-unit = “{ $text }” khớp nhiều đơn vị: { $units }. Anh/chị gõ rõ tên hơn.
six-out-of-scope = Anh/chị không xem được “6 rõ” của { $unit } (ngoài phạm vi đơn vị mình).
six-not-allowed = Kiểm tra “6 rõ” dành cho lãnh đạo, Văn phòng thường trực và cán bộ đầu mối.
six-import = Kiểm tra “6 rõ” các kế hoạch vừa nhập: { $gaps }/{ $tasks } nhiệm vụ, chỉ tiêu còn thiếu (chưa rõ người: { $who }, thời gian: { $when }, trách nhiệm: { $responsibility }, sản phẩm: { $output }, thẩm quyền: { $authority }).
six-digest-title = Kiểm tra “6 rõ”: { $gaps }/{ $tasks } nhiệm vụ, chỉ tiêu còn thiếu
