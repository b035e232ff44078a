-- A typed "đã nhận" (prisma/stores/broadcast-store.ts acknowledgeLatest)
-- acknowledges the latest notice sent to the chat it came from. Nothing
-- indexed Delivery by chat: each one read the whole table (millions of rows
-- in a city). Notices' rows only: reminders, digests and the senders'
-- progress messages are never acknowledged, and their writes stay off it.
-- Partial, so the query says kind = 'BROADCAST' in its text (a generic plan
-- cannot match the predicate to a parameter). Prisma's schema cannot say
-- "partial": it declares the columns, and the drift test compares those.
CREATE INDEX "Delivery_chatId_channel_id_idx" ON "Delivery" ("chatId", channel, id) WHERE kind = 'BROADCAST';

-- Only a notice's own rows carry its id. The monitor (broadcastStore
-- monitor, every ~3 s in every worker) counts a sending notice's rows from
-- the (broadcastId, state) index alone, without reading the rows for their
-- kind; this makes that count the tally's count of the notice's rows.
ALTER TABLE "Delivery" ADD CONSTRAINT "Delivery_broadcastId_kind_check" CHECK ("broadcastId" IS NULL OR kind = 'BROADCAST');
