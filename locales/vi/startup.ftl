## Khởi động: lỗi cấu hình và lỗi hạ tầng (một dòng cho người vận hành)

startup-config-invalid = Cấu hình không hợp lệ, chưa khởi động (xem .env.example):
startup-config-problem = { $variable }: { $reason }
config-problem-enum = chỉ nhận một trong các giá trị: { $values }.
config-problem-number = cần một số trong khoảng cho phép ({ $detail }).
config-problem-url = cần một địa chỉ đầy đủ, ví dụ https://bot.example.gov.vn.
config-problem-required-with = bắt buộc khi đã đặt { $other }.
config-problem-other = giá trị không hợp lệ ({ $detail }).
config-format-DATABASE_URL = cần dạng postgresql://người_dùng@máy:5432/tên_csdl.
config-format-HOLIDAYS_EXTRA = cần dạng YYYY-MM-DD hoặc YYYY-MM-DD..YYYY-MM-DD, cách nhau bằng dấu phẩy.
config-format-HOLIDAYS_REMOVED = cần dạng YYYY-MM-DD hoặc YYYY-MM-DD..YYYY-MM-DD, cách nhau bằng dấu phẩy.
config-format-TELEGRAM_WEBHOOK_SECRET = cần 16–256 ký tự gồm A–Z, a–z, 0–9, _ và -.
config-format-TELEGRAM_BOT_USERNAME = cần tên bot không có dấu @.
config-format-TELEGRAM_BOT_TOKEN = cần mã do @BotFather cấp (dạng số:chữ).
config-format-ZALO_BOT_TOKEN = cần mã do Zalo Bot Creator cấp (dạng số:chữ).
startup-failed = Không khởi động được: { $reason }
startup-unreachable = không kết nối được tới { $variable } sau { $seconds } giây ({ $detail }). Kiểm tra { $variable } và mạng, hoặc tăng STARTUP_TIMEOUT_SECONDS.
startup-token-rejected = nền tảng từ chối mã bot ({ $detail }). Kiểm tra { $variable }.
startup-database-missing = cơ sở dữ liệu trong DATABASE_URL không tồn tại ({ $detail }). Tạo cơ sở dữ liệu (createdb) hoặc sửa DATABASE_URL.
startup-database-auth = PostgreSQL từ chối đăng nhập ({ $detail }). Kiểm tra người dùng và mật khẩu trong DATABASE_URL.
startup-port-in-use = cổng { $detail } đang được chương trình khác dùng. Đổi { $variable } hoặc dừng chương trình kia.
startup-port-denied = không được phép mở cổng { $detail }. Dùng cổng trên 1024 trong { $variable }.
startup-data-dir-unwritable = không ghi được vào thư mục dữ liệu ({ $detail }). Kiểm tra DATA_DIR và quyền ghi.
startup-data-dir-busy = thư mục DATA_DIR đang được một tiến trình khác dùng (pid { $detail }). Cơ sở dữ liệu nhúng chỉ cho một tiến trình; muốn chạy nhiều tiến trình, hãy đặt DATABASE_URL (PostgreSQL).
startup-internal = lỗi không lường trước ({ $detail }). Chạy lại với LOG_LEVEL=debug để xem chi tiết.
worker-usage =
    Cách dùng: npm run worker [-- --no-scheduler] [-- --once]
      Gửi nhắc việc, bản tổng hợp và thông báo từ bảng Delivery, và chạy các việc theo lịch.
      --no-scheduler   chỉ gửi, không lập lịch (khi đã có tiến trình khác chạy lịch)
      --once           gửi những gì đến hạn rồi thoát
      --help           in hướng dẫn này
    Cần DATABASE_URL (PostgreSQL) để chạy nhiều tiến trình; TELEGRAM_BOT_TOKEN và/hoặc ZALO_BOT_TOKEN để gửi.
    Phục vụ /healthz, /readyz, /metrics trên METRICS_PORT hoặc PORT khi được đặt.
