-- therapy-service keeps its own copy of the knowledge it matches against (from the compacted
-- knowledge.items.v1 topic), the latest profile of each case (from genomics.profiles.v1), and the
-- recommendation sets it issued, versioned per profile and knowledge release.
create table knowledge_content (
    content_key  text primary key,      -- item:<id>, source:<id>, therapy:<id>
    kind         text        not null,
    release      text        not null,
    body         text        not null,
    updated_at   timestamptz not null
);

create table knowledge_release (
    version       text primary key,
    diff          text        not null,
    item_ids      text        not null,
    completed_at  timestamptz not null
);

create table profile_snapshot (
    case_id          text primary key,
    profile_id       uuid        not null,
    profile_version  int         not null,
    lab_id           text        not null,
    context          text        not null,
    findings         text        not null,
    updated_at       timestamptz not null
);

create table recommendation_set (
    id               uuid primary key,
    case_id          text        not null,
    profile_id       uuid        not null,
    profile_version  int         not null,
    release          text        not null,
    digest           text        not null,
    body             text        not null,
    created_at       timestamptz not null,
    unique (profile_id, release)
);
create index recommendation_set_case on recommendation_set (case_id, created_at desc);

-- Idempotent consumers: an event id is processed once, whatever Kafka redelivers.
create table processed_event (
    event_id      uuid primary key,
    processed_at  timestamptz not null
);
