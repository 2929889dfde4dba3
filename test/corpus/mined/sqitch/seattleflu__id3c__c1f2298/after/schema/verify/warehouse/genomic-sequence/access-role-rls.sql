-- Verify seattleflu/schema:warehouse/genomic-sequence/access-role-rls on pg

begin;

rollback;
