-- Delivery payloads (a reminder or digest message: 2–6 KB of JSON) are kept inline and uncompressed:
-- a planning run writes a thousand of them in one statement, and compressing each with pglz cost
-- about a tenth of the daily reminder run (issue 12); the worker reads each once. Rows larger than a
-- page's worth are still compressed and moved out of line as before. The price is disk: on the bench
-- data a reminder's payload takes 3–4 KB instead of about 1 KB compressed (three to four times the
-- space for these rows). (lz4 would cost less than pglz but PGlite is built without it.)
ALTER TABLE "Delivery" SET (toast_tuple_target = 8160);
