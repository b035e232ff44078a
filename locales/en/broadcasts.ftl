## Notices of the Digital Community Team

broadcast-header = 📢 Notice from { $sender }{ $unit ->
        [none] {""}
       *[other] { " " }({ $unit })
    }
broadcast-ack = ✅ Received
broadcast-ack-hint-text = Reply ĐÃ NHẬN (or RECEIVED) to confirm you received this notice.
broadcast-ack-result = { $result ->
        [ok] Thank you for confirming.
        [already] You have already confirmed this notice.
       *[not-found] No notice to confirm was found.
    }
broadcast-preview-count = It will go to { $recipients } recipients (Telegram { $telegram }, Zalo { $zalo }{ $residents ->
        [0] {""}
       *[other] ; { $residents } of them subscribed residents
    }).
broadcast-preview-missing = Cannot be reached: { $unreachable } blocked the bot or cannot receive, { $notLinked } have no linked account.
broadcast-preview-when = { $at ->
        [now] { $goes ->
            [now] Sent as soon as you confirm.
           *[other] It is outside working hours now: once confirmed, the notice goes out at { $goes }.
        }
       *[other] Scheduled for { $at }{ $goes ->
            [now] .
           *[other] ; that is outside working hours, so the notice goes out at { $goes }.
        }
    }
broadcast-tally-title = { $final ->
        [yes] 📬 Results of notice #{ $id }
       *[no] ⏳ Sending notice #{ $id }: { $done }/{ $total }
    }
broadcast-tally-summary = Sent { $sent }/{ $total } · confirmed { $acknowledged } · failed { $failed } · unreachable { $blocked }{ $unknown ->
        [0] {""}
       *[other] { " · " }outcome unknown { $unknown }
    }{ $pending ->
        [0] {""}
       *[other] { " · " }waiting { $pending }
    }
broadcast-tally-unit = { $unit ->
        [none] (no unit)
       *[other] { $unit }
    }: sent { $sent }/{ $total }, confirmed { $acknowledged }{ $blocked ->
        [0] {""}
       *[other] , unreachable { $blocked }
    }{ $failed ->
        [0] {""}
       *[other] , failed { $failed }
    }{ $unknown ->
        [0] {""}
       *[other] , unknown { $unknown }
    }
broadcast-tally-unreachable = Unreachable on every account ({ $count }): { $names }{ $more ->
        [0] {""}
       *[other] { " " }and { $more } more
    }.
broadcast-tally-refresh = 🔄 Refresh figures
broadcast-error = { $code ->
        [no-area] Your account belongs to no unit, so you cannot send notices yet; ask an admin to set your unit in the people registry.
        [not-allowed] Only members of the Digital Community Team or admins can send notices.
        [outside-area] You can only send notices within your own area{ $units ->
            [none] .
           *[other] ; outside it: { $units }.
        }
        [not-local-unit] Residents subscribe by commune, ward or special zone{ $units ->
            [none] .
           *[other] ; not one of those: { $units }.
        }
        [empty-audience] No recipients chosen.
        [empty-text] The notice is empty.
        [text-too-long] The notice is too long (1,800 characters at most).
        [scheduled-in-past] The scheduled time has passed.
        [attachment-too-large] The attachment is too large (10 MB at most).
       *[bad-audience] The list of recipients is not valid.
    }

## Subscribing to notices (residents)

subscribe-choose = Choose the commune, ward or special zone whose notices you want:
subscribe-result = { $result ->
        [ok] You now receive the notices of { $unit }. Type /huydangky to stop.
        [already] You already receive the notices of { $unit }.
        [not-local] You can only subscribe to a commune, ward or special zone.
       *[unknown-unit] No such commune, ward or special zone.
    }
unsubscribe-result = { $count ->
        [0] You are not subscribed to any notices.
       *[other] Unsubscribed from: { $units }.
    }
subscribe-list = { $count ->
        [0] You are not subscribed to any notices. Type /dangky to subscribe.
       *[other] You receive the notices of: { $units }.
    }

## Writing a notice (/thongbao)

broadcast-ask-text = The notice's text? (at most { $max } characters)
broadcast-ask-attachment = Attach a photo or a file (optional), or choose "Skip".
broadcast-file-received = Attachment received.
broadcast-need-text = Type the notice's text.
broadcast-need-file = Send a photo or a file, or choose "Skip".
broadcast-ask-audience = Who should receive it?
broadcast-aud-all = Every officer in my area
broadcast-aud-local = Officers of communes, wards, special zones
broadcast-aud-leaders = Unit leaders
broadcast-aud-units = Choose units…
broadcast-aud-residents = Subscribed residents of…
broadcast-need-audience = Choose who receives it.
broadcast-ask-units = Type the units' names, separated by commas, e.g. "Cát Hải, Phường Hồng Bàng".
broadcast-ask-residents = Type the communes, wards or special zones whose subscribed residents receive it, separated by commas.
broadcast-need-units = Type at least one unit.
broadcast-units-unknown = Units not recognised: { $unknown }. Type fuller names (units of your area only).
broadcast-preview-title = Preview:
broadcast-preview-attachment = With { $kind ->
        [photo] a photo
       *[other] a file
    }.
broadcast-send-now = 📤 Send now
broadcast-send-paid = 🚨 Urgent (paid, ~{ $stars } Stars)
broadcast-preview-paid = 🚨 Urgent? It can go out on Telegram as a paid broadcast, up to { $rate } messages/s (about { $paidSeconds } s) instead of the free { $free }/s ({ $freeMinutes ->
        [0] about { $freeSeconds } s
       *[other] about { $freeMinutes } min
    }). Telegram charges { $price } Star per message above { $free } messages/s: for { $telegram } Telegram recipients about { $stars } Stars ({ $paid } charged messages), from the bot's Star balance.
broadcast-later = ⏰ Schedule
broadcast-send-scheduled = 📤 Send at the scheduled time
broadcast-other-time = ⏰ Another time
broadcast-ask-time = When? E.g. "14:30 27/11", "8h ngày mai".
broadcast-time-unknown = I do not understand that time. E.g. "14:30 27/11" or "8h ngày mai".
broadcast-time-past = That time has passed; choose a later one.
broadcast-need-confirm = Choose send, schedule or cancel.
broadcast-cancelled = Notice cancelled; nothing was sent.
broadcast-file-unavailable = The attachment could not be fetched; send it again, or cancel and write the notice without it.
broadcast-queued = Notice { $id } is queued for { $recipients } recipients{ $when ->
        [now] { "" }, sending now
       *[other] { "" } at { $when }{ $moved ->
            [yes] { "" } (outside working hours, so at the next working hour)
           *[no] { "" }
        }
    }. Progress and acknowledgements will be reported here.
broadcast-queued-paid = 🚨 Urgent: { $telegram } Telegram messages as a paid broadcast, about { $stars } Stars.
broadcast-ack-toast = Acknowledged
flow-busy-broadcast = You are writing a notice. Answer the question above, or type /huy to stop.
subscribe-unknown = No commune, ward or special zone "{ $name }".
subscribe-type-name = Type /dangky with the name of a commune, ward or special zone, e.g. "/dangky Cát Hải".
