-- An event Kafka can never accept (e.g. larger than the broker's limit) is parked with the reason instead
-- of blocking every event behind it.
alter table outbox_event add column failed_reason text;
drop index outbox_event_unpublished;
create index outbox_event_unpublished on outbox_event (created_at) where published_at is null and failed_reason is null;
