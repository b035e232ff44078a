## Notices of the Digital Community Team

broadcast-header = 📢 Notice from { $sender }{ $unit ->
        [none] {""}
       *[other] { " " }({ $unit })
    }
broadcast-ack = ✅ Received
broadcast-ack-hint-text = Reply OK to confirm you received this notice.
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
        [now] Sent right after you confirm (during working hours).
       *[other] Scheduled for { $at }.
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
