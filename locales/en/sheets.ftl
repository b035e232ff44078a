## Excel files sent to the bot: preview, apply, refuse

sheets-nothing-changed = Nothing was changed.
sheets-refused-too-big = "{ $name }" is too large{ $sizeMb ->
        [none] {""}
       *[other] {" "}({ $sizeMb } MB)
    }: the bot accepts files up to { $maxMb } MB.
sheets-refused-not-xlsx = "{ $name }" is not an Excel workbook (.xlsx). Open it in Excel, Save As .xlsx and send it again.
sheets-refused-old-xls = "{ $name }" is an old Excel file (.xls). Save it as .xlsx (Excel Workbook) and send it again.
sheets-refused-encrypted = "{ $name }" is password-protected, so the bot cannot read it. Remove the password (File › Info › Protect Workbook) and send it again.
sheets-refused-macros = "{ $name }" contains macros (.xlsm): for safety the bot does not accept them. Save it as .xlsx and send it again.
sheets-refused-empty = "{ $name }" is empty.
sheets-refused-unknown-layout = The bot does not recognise the layout of "{ $name }". It reads: a unit's progress appendix (type /phuluc for a pre-filled one), a programme or plan's assignment appendix, a units registry or a people registry.
sheets-refused-not-allowed = "{ $name }" is { $layout ->
        [progress] a progress appendix
       *[other] an assignment appendix or a registry
    }: only { $layout ->
        [progress] focal officers, unit leaders and the standing office
       *[other] the standing office (admins)
    } can send this kind of file.
sheets-refused-no-unit = Your account has no unit yet, so a progress appendix cannot be taken. Ask an admin to set your unit.
sheets-refused-download-failed = Could not download "{ $name }" from the chat app. Please send it again.
sheets-refused-problems = "{ $name }" has { $count } problems and cannot be applied:
sheets-more-choice = Show more
sheets-more = … and { $count } more.
sheets-ask = Apply these changes?
sheets-apply = Apply
sheets-cancel = Cancel
sheets-nothing-new = The file has nothing new compared with the stored data. Nothing was changed.
sheets-stale = This preview is no longer valid (applied, cancelled or expired). Send the file again if needed.
sheets-cancelled = Cancelled. Nothing was changed.

## Standing office / admins: programmes, plans, registries

sheets-import-title = Preview of "{ $name }":
sheets-import-tasks = { $total } tasks/indicators — { $created } new, { $changed } changed, { $unchanged } unchanged.
sheets-import-units = Units: { $created } new, { $changed } changed.
sheets-import-people = People: { $created } new, { $changed } changed.
sheets-import-updates = New progress updates: { $count }.
sheets-change-created = New: { $number } { $title }
sheets-change-changed = Changed: { $number } { $title }
sheets-applied-import = Applied "{ $name }": { $created } new tasks, { $changed } changed, { $updates } progress updates, { $units } units and { $people } people new or changed. The file is kept as the source.

## Focal officers, unit leaders: the unit's progress appendix

sheets-progress-title = Progress appendix of { $unit } ("{ $name }"): { $changed } tasks changed, { $unchanged } unchanged.
sheets-progress-task = { $number } { $title } (row { $row })
sheets-progress-state = Status: { $old ->
        [DONE] done
        [IN_PROGRESS] in progress
        [NOT_STARTED] not started
       *[other] not reported
    } → { $new ->
        [DONE] done
        [IN_PROGRESS] in progress
       *[other] not started
    }
sheets-progress-field = { $field ->
        [percent] Progress
        [actualValue] Actual value
        [outputDocument] Output document
        [expectedCompletionText] Expected completion
        [difficulties] Difficulties
       *[proposals] Proposals
    }: { $old } → { $new }
sheets-progress-unmatched = Row { $row } ({ $sheet }) "{ $label } { $title }": matches none of the unit's tasks, ignored.
sheets-progress-other-unit = { $row ->
        [none] Sheet "{ $sheet }" ({ $rows } rows)
       *[other] Row { $row } ({ $sheet })
    } belongs to { $unit }: outside your scope, ignored.
sheets-applied-progress = Saved { $count } progress updates of { $unit } from "{ $name }", each with the file attached as evidence.

## The appendix to fill, and the upload link

sheets-appendix-ready = Progress appendix of { $unit } (as of { $day }), pre-filled. Update columns (4)–(9) and send the file back: the bot shows a preview of the changes before saving.
sheets-appendix-caption = Progress appendix of { $unit } – as of { $day }
sheets-appendix-no-unit = Your account has no unit yet, so there is no appendix to send.
sheets-appendix-none = Your unit has no assigned tasks yet, so there is no appendix.
sheets-upload-link = Open the link below on your phone or computer to send an Excel file (.xlsx, up to { $maxMb } MB). It works once, only for you, and expires in { $minutes } minutes. The preview will appear in this chat.{ $telegram ->
        [yes] {" "}On Telegram you can also attach the file right here.
       *[other] {""}
    }
sheets-upload-unavailable = { $telegram ->
        [yes] Attach the Excel file (.xlsx) right here in this chat (📎 › File).
       *[other] The upload page is not enabled on this server (PUBLIC_BASE_URL is needed). Send the file through Telegram or ask the standing office to import it.
    }

## The upload page (PUBLIC_BASE_URL/u/…)

sheets-page-title = Send an Excel file to the NQ57 bot
sheets-page-intro = Choose an Excel file (.xlsx, up to { $maxMb } MB) and press "Send file". The preview will appear in your chat with the bot; confirm "Apply" there.
sheets-page-for = Sender: { $name }
sheets-page-choose = Choose a file
sheets-page-submit = Send file
sheets-page-done = Received "{ $name }". The preview was sent to your chat with the bot: go back there to see it and press "Apply" or "Cancel".
sheets-page-done-late = Received "{ $name }", but the preview could not be sent to the chat. Send "gửi tệp" to the bot for a new link and try again.
sheets-page-invalid = This link is not valid. Send "gửi tệp" to the bot for a new link.
sheets-page-expired = This link has expired. Send "gửi tệp" to the bot for a new link.
sheets-page-used = This link was already used to send a file. Each link works once: send "gửi tệp" to the bot for a new one.
sheets-page-too-big = The file is too large: the bot accepts files up to { $maxMb } MB.
sheets-page-no-file = No file chosen. Choose an .xlsx file and press "Send file".
sheets-page-bad-request = Invalid request: send the file with the "Send file" button on the page.
sheets-page-again = Another file? Send "gửi tệp" to the bot for a new link.
