## Shared

choices-hint = { $count ->
        [1] Reply 1 to choose.
        [2] Reply 1 or 2.
        [3] Reply 1, 2 or 3.
       *[other] Reply with a number from 1 to { $count }.
    }

## Console

console-banner = Chatting with nq57-bot as { $name } (today: { $today }).{ $interactive ->
        [yes] { " " }Type "help" for commands, /exit to leave.
       *[no] {""}
    }
console-no-person = No person "{ $query }" in the registry. Try one of:
console-many-people = Several people match "{ $query }"; choose by number:
console-close-people = No person "{ $query }". Did you mean:

## Assignment

assign-done = { $name } now answers for task { $number } ({ $plan }).
assign-removed = { $name } no longer answers for task { $number } ({ $plan }).
assign-no-task = No task "{ $ref }" in the unit of { $name }.

## Linking

link-share-phone = 📱 Share my phone number
choices-hint-free = Type a number from 0 to 100, e.g. 50 (type "huỷ" to stop).
console-file = [{ $kind ->
        [photo] Photo
       *[other] Document
    } file: { $name }]

## Zalo

zalo-file-unavailable = Zalo cannot deliver the { $kind ->
        [photo] picture
       *[other] file
    } "{ $name }" here. See it on Telegram or ask the standing office for the report.
zalo-file-link = File { $name }: { $url } (a private link that expires in a few days).
chat-error = Sorry, something went wrong while handling this message; nothing was saved. Please try again in a few minutes.
