-- Drop 'fast' flag from static_address_swaps
ALTER TABLE static_address_swaps DROP COLUMN fast;
