-- Delivery payloads compressed with lz4 instead of pglz (issue 12). A planning
-- run writes a thousand 2–6 KB JSON messages in one statement, and pglz
-- compressing them cost 16 ms of a day's reminder run (120 → 104 ms of
-- backend CPU on the 100k bench data) and 22 ms on the monthly request day
-- (426 → 404 ms); lz4 keeps them nearly as small (1.95 MB instead of 1.80 MB
-- for both days' 1,900 messages, 6.7 MB as text). Only new values are
-- compressed this way: nothing is rewritten. Builds without lz4 (PGlite)
-- keep pglz.
DO $$
BEGIN
  ALTER TABLE "Delivery" ALTER COLUMN "payload" SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported THEN
  NULL;
END
$$;
