-- Verify seattleflu/schema:warehouse/sequence-read-set/access-role-rls on pg

begin;



rollback;
