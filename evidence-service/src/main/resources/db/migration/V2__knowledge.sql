-- Numbered, immutable knowledge releases. Each release stores a full snapshot of its sources, therapies
-- and evidence items, so a request pinned to any past release is answered from exactly what it held.
create table knowledge_release (
    id            bigserial primary key,
    version       text        not null unique,
    published_at  timestamptz not null default now(),
    content_hash  text        not null,
    notes         text        not null,
    diff          text        not null
);

create table kb_source (
    pk          bigserial primary key,
    release_id  bigint not null references knowledge_release (id),
    source_id   text   not null,
    doi         text,
    body        text   not null,
    unique (release_id, source_id)
);
create index kb_source_doi on kb_source (release_id, lower(doi));

create table kb_therapy (
    pk          bigserial primary key,
    release_id  bigint not null references knowledge_release (id),
    therapy_id  text   not null,
    name        text   not null,
    body        text   not null,
    unique (release_id, therapy_id)
);

create table kb_item (
    pk            bigserial primary key,
    release_id    bigint not null references knowledge_release (id),
    item_id       text   not null,
    gene          text,
    alteration    text,
    therapy_id    text,
    significance  text   not null,
    level         text,
    level_rank    int    not null,
    diseases      text   not null,   -- '|THAP|THYROID|' : codes the item is coded to, delimited for LIKE
    content_hash  text   not null,
    search_text   text   not null,
    body          text   not null,
    unique (release_id, item_id)
);
create index kb_item_gene on kb_item (release_id, gene);
create index kb_item_fts on kb_item using gin (to_tsvector('english', search_text));

-- Full-text match callable from HQL (function('kb_fts', ...)); websearch syntax accepts quotes and OR.
create function kb_fts(doc text, q text) returns boolean language sql immutable as
$$ select to_tsvector('english', doc) @@ websearch_to_tsquery('english', q) $$;

-- Curation drafts: items edited since the latest release; publishing folds them into a new release.
create table draft_item (
    item_id     text primary key,
    body        text,
    retire      boolean     not null default false,
    updated_at  timestamptz not null default now()
);
