## Linking accounts and personal data

link-stranger-contact = Hello! This bot serves the officials following Hải Phòng's Resolution 57-NQ/TW tasks. Your account is not linked yet. Tap "Share my phone number" below (if your number is in the registry), or type the activation code the standing office gave you. Residents who want their commune's notices type /dangky.
link-stranger-code = Hello! This bot serves the officials following Hải Phòng's Resolution 57-NQ/TW tasks. Your account is not linked yet: send the 8-character activation code the standing office gave you. Residents who want their commune's notices type /dangky.
chat-not-linked-toast = Account not linked
link-welcome = Linked to { $name }{ $unit ->
        [none] {""}
       *[other] { "" } ({ $unit })
    }.
link-not-own-contact = To link, share your own phone number with the "Share my phone number" button.
link-failed-unknown-code = This activation code is not valid. Check it or ask the standing office for a new one.
link-failed-expired-code = This activation code has expired. Ask the standing office for a new one.
link-failed-used-code = This activation code was already used. Each code works once; ask for a new one if needed.
link-failed-unknown-phone = This phone number is not in the registry. Ask the standing office for an activation code.
link-failed-not-own-contact = To link, share your own phone number.
link-failed-too-many-attempts = Too many wrong activation codes. Please try again in { $minutes } minutes, or ask the standing office for a new code.
link-failed-inactive = This registry entry is no longer active. Contact the standing office.
consent-title = About your personal data
consent-body = The bot keeps your name, unit, phone number and chat account together with the progress updates you send, to remind you of deadlines and compile the reports on Resolution 57-NQ/TW. Your unit's leaders, the city's leaders and the standing office see the updates within their remit. You can leave at any time with /roikhoi: the bot unlinks your account and stops messaging you (reports already sent stay in the task records).
consent-accept = I agree
consent-decline = I do not agree
consent-thanks = Thank you. You can now report and look up tasks here.
consent-declined = Unlinked. The bot will not message you. Ask for a new activation code when needed.
unlink-done = This account is unlinked. The bot will send no more reminders or notices. Reports already sent stay in the task records.
chat-old-choice-toast = This option is out of date

## Telegram command menu

telegram-cmd-capnhat = Report progress on a task
telegram-cmd-baocao = Summary report: Excel and chart
telegram-cmd-viectoi = My tasks
telegram-cmd-nv = One task: /nv 22
telegram-cmd-donvi = A unit's tasks
telegram-cmd-quahan = Overdue tasks
telegram-cmd-sapden = Tasks due soon
telegram-cmd-tiendo = A unit's progress
telegram-cmd-vuongmac = Difficulties
telegram-cmd-chamcapnhat = Units late with updates
telegram-cmd-sua = Correct your last update
telegram-cmd-rutlai = Withdraw your last update
telegram-cmd-huy = Cancel what is in progress
telegram-cmd-giao = Hand a task to another officer
telegram-cmd-thongbao = Send a notice (community team)
telegram-cmd-dangky = Subscribe to a commune's notices
telegram-cmd-huydangky = Unsubscribe from notices
telegram-cmd-phuluc = Get your unit's progress appendix to fill
telegram-cmd-guitep = Send an Excel file (appendix, programme, registry)
telegram-cmd-roikhoi = Unlink, stop all messages
telegram-cmd-trogiup = Help

## Activation codes

invite-created = Activation code for { $name }: { $code } (single use, expires { $expires } UTC).
    { $link ->
        [none] On Telegram: send "/start { $code }" to the bot. On Zalo: send the code to the bot.
       *[other] Telegram: { $link } — Zalo: send the code to the bot.
    }
link-already = Hello { $name }, this account is already linked; no activation code is needed.
