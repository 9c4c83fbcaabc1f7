-- Cases (pseudonymous ids only: no names, no birth dates), profiles (versioned snapshots of a case's
-- findings) and normalized findings with the raw input kept beside them.
create table tumour_case (
    case_id                       text primary key,
    lab_id                        text        not null,
    diagnosis                     text        not null,
    rai_refractory                boolean,
    rai_criterion                 text,
    stage                         text,
    ecog                          int,
    no_locoregional_options       boolean,
    no_satisfactory_alternative   boolean,
    prior_therapies               text        not null,
    sample                        text,
    assay                         text,
    created_at                    timestamptz not null,
    updated_at                    timestamptz not null
);
create index tumour_case_diagnosis on tumour_case (diagnosis);

create table profile (
    id               uuid primary key,
    case_id          text        not null references tumour_case (case_id),
    version          int         not null,
    source           text        not null,
    idempotency_key  text unique,
    request_hash     text        not null,
    finding_count    int         not null,
    created_at       timestamptz not null,
    unique (case_id, version)
);

create table finding (
    id              bigserial primary key,
    profile_id      uuid not null references profile (id),
    ordinal         int  not null,
    type            text not null,
    gene            text,
    protein_change  text,
    hgvsc           text,
    variant_class   text,
    fusion          text,
    five_prime      text,
    three_prime     text,
    copy_number     text,
    tmb             double precision,
    msi             text,
    pdl1_score      text,
    pdl1_value      double precision,
    assay           text,
    vrs_id          text,
    locations       text not null,
    raw             text,
    warnings        text not null
);
create index finding_profile on finding (profile_id, ordinal);
create index finding_gene on finding (gene);

create table intake_job (
    id              uuid primary key,
    case_id         text        not null references tumour_case (case_id),
    format          text        not null,
    state           text        not null,
    records_read    bigint      not null default 0,
    accepted        bigint      not null default 0,
    rejected        bigint      not null default 0,
    errors          text        not null default '[]',
    profile_id      uuid,
    created_at      timestamptz not null,
    updated_at      timestamptz not null
);
