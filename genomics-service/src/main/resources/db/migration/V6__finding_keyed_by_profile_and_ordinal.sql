-- A finding is the n-th finding of its profile: (profile_id, ordinal) is its natural key and the order every read
-- wants. Keying the table by it replaces two indexes (the surrogate id's and finding_profile) with one, which was a
-- quarter of the database's cost of storing a 100,000-record VCF; nothing ever looked a finding up by its id.
alter table finding drop constraint finding_pkey;
drop index finding_profile;
alter table finding add primary key (profile_id, ordinal);
alter table finding drop column id;
drop sequence finding_seq;
