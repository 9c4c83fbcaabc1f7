-- Append-only audit trail of who read or wrote which case. The application role may insert and select,
-- never update or delete (enforced by the trigger below, so even a bug cannot rewrite history).
create table audit_entry (
    id            bigserial primary key,
    occurred_at   timestamptz not null default now(),
    subject       text        not null,
    client_id     text,
    action        text        not null,
    resource      text        not null,
    case_id       text,
    outcome       int         not null,
    correlation_id text
);
create index audit_entry_case on audit_entry (case_id, occurred_at);

create function audit_entry_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_entry is append-only';
end;
$$;
create trigger audit_entry_no_update before update or delete on audit_entry
    for each row execute function audit_entry_append_only();
