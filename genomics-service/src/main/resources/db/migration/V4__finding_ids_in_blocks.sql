-- Finding ids come from a sequence in blocks of 500, so that a profile's findings are inserted in JDBC-style
-- batches instead of one round trip per row (IDENTITY columns make batching impossible).
create sequence finding_seq increment by 500;
select setval('finding_seq', greatest((select coalesce(max(id), 0) from finding), 1));
