## Start-up: configuration and infrastructure faults (one line for the operator)

startup-config-invalid = Invalid configuration, not started (see .env.example):
startup-config-problem = { $variable }: { $reason }
config-problem-enum = expected one of: { $values }.
config-problem-number = expected a number in the allowed range ({ $detail }).
config-problem-url = expected a full address, e.g. https://bot.example.gov.vn.
config-problem-required-with = required when { $other } is set.
config-problem-other = invalid value ({ $detail }).
config-format-DATABASE_URL = expected postgresql://user@host:5432/dbname.
config-format-HOLIDAYS_EXTRA = expected YYYY-MM-DD or YYYY-MM-DD..YYYY-MM-DD, comma-separated.
config-format-HOLIDAYS_REMOVED = expected YYYY-MM-DD or YYYY-MM-DD..YYYY-MM-DD, comma-separated.
config-format-TELEGRAM_WEBHOOK_SECRET = expected 16–256 characters of A–Z, a–z, 0–9, _ and -.
config-format-TELEGRAM_BOT_USERNAME = expected the bot username without @.
config-format-TELEGRAM_BOT_TOKEN = expected a token from @BotFather (digits:letters).
config-format-ZALO_BOT_TOKEN = expected a token from Zalo Bot Creator (digits:letters).
startup-failed = Could not start: { $reason }
startup-unreachable = could not reach { $variable } within { $seconds } seconds ({ $detail }). Check { $variable } and the network, or raise STARTUP_TIMEOUT_SECONDS.
startup-token-rejected = the platform rejected the bot token ({ $detail }). Check { $variable }.
startup-database-missing = the database in DATABASE_URL does not exist ({ $detail }). Create it (createdb) or fix DATABASE_URL.
startup-database-auth = PostgreSQL refused the login ({ $detail }). Check the user and password in DATABASE_URL.
startup-port-in-use = port { $detail } is used by another program. Change { $variable } or stop that program.
startup-port-denied = not allowed to open port { $detail }. Use a port above 1024 in { $variable }.
startup-data-dir-unwritable = cannot write to the data folder ({ $detail }). Check DATA_DIR and its permissions.
startup-data-dir-busy = DATA_DIR is used by another process (pid { $detail }). The embedded database serves one process; to run several, set DATABASE_URL (PostgreSQL).
startup-internal = unexpected error ({ $detail }). Run again with LOG_LEVEL=debug for details.
worker-usage =
    Usage: npm run worker [-- --no-scheduler] [-- --once]
      Sends reminders, digests and notices from the Delivery table and runs the scheduled jobs.
      --no-scheduler   only send, do not schedule (another process runs the scheduler)
      --once           send what is due, then exit
      --help           print this help
    Needs DATABASE_URL (PostgreSQL) to run several processes; TELEGRAM_BOT_TOKEN and/or ZALO_BOT_TOKEN to send.
    Serves /healthz, /readyz, /metrics on METRICS_PORT or PORT when set.
