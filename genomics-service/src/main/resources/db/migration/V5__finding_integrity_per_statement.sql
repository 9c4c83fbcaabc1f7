-- A profile's findings arrive in a few statements of up to 5,000 rows each. The row-level foreign key to
-- profile ran one lookup per finding and was two thirds of the database's cost of a 100,000-record VCF
-- (1.0 of 1.5 s). The same rule is now checked once per statement over the inserted rows' distinct profile
-- ids, and a profile that still has findings cannot be deleted or re-keyed: the database still refuses an
-- orphaned finding, at a fraction of the cost.
alter table finding drop constraint finding_profile_id_fkey;

create function finding_profile_exists() returns trigger language plpgsql as $$
begin
    if exists (select 1 from (select distinct profile_id from new_findings) n
               where not exists (select 1 from profile p where p.id = n.profile_id)) then
        raise foreign_key_violation using message = 'finding references a profile that does not exist';
    end if;
    return null;
end $$;

create trigger finding_profile_exists_on_insert after insert on finding
    referencing new table as new_findings for each statement execute function finding_profile_exists();
create trigger finding_profile_exists_on_update after update on finding
    referencing new table as new_findings for each statement execute function finding_profile_exists();

create function profile_without_findings() returns trigger language plpgsql as $$
begin
    if (tg_op = 'DELETE' or new.id <> old.id) and exists (select 1 from finding f where f.profile_id = old.id) then
        raise foreign_key_violation using message = 'profile ' || old.id || ' still has findings';
    end if;
    return case when tg_op = 'DELETE' then old else new end;
end $$;

create trigger profile_keeps_its_findings before delete or update of id on profile
    for each row execute function profile_without_findings();

-- Most VCF records are not at a gene the knowledge base knows (gene stays null); the gene filter never looks
-- those up, so the index leaves them out.
drop index finding_gene;
create index finding_gene on finding (gene) where gene is not null;
