-- Transactional outbox: an event row is written in the same transaction as the change it announces,
-- and a relay publishes it to Kafka afterwards (at-least-once; consumers dedupe on event id).
create table outbox_event (
    id             uuid primary key,
    topic          text        not null,
    event_key      text,
    event_type     text        not null,
    payload        text,
    created_at     timestamptz not null default now(),
    published_at   timestamptz
);
create index outbox_event_unpublished on outbox_event (created_at) where published_at is null;
