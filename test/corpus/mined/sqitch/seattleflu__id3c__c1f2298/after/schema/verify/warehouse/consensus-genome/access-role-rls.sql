-- Verify seattleflu/schema:warehouse/consensus-genome/access-role-rls on pg

begin;

rollback;
