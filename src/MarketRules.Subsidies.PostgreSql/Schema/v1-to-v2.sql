-- MarketRules subsidy ledger, PostgreSQL: migrates a version 1 schema to version 2, inside the opener's transaction
-- holding the migration's advisory lock (all or nothing; a second opener finds version 2 and runs nothing). Schema/v2.sql
-- runs right after it (its IF NOT EXISTS and CREATE OR REPLACE create the key indexes and replace the two functions).
-- Nothing recorded changes: the keys held by live claims move from mr_subsidy_key onto their claims; the foreign keys
-- checked per inserted claim and journal line, the expiry index, the key table and its index, and the journal's
-- once-only indexes are dropped (see v2.sql for what enforces each rule now).
ALTER TABLE mr_subsidy_claim
    ADD COLUMN IF NOT EXISTS held_person_id text NULL,
    ADD COLUMN IF NOT EXISTS held_old_plate text NULL,
    ADD COLUMN IF NOT EXISTS held_old_frame text NULL,
    ADD COLUMN IF NOT EXISTS held_new_frame text NULL,
    SET (fillfactor = 90);
UPDATE mr_subsidy_claim c SET
    held_person_id = (SELECT k.key_value FROM mr_subsidy_key k WHERE k.scheme_id = c.scheme_id AND k.claim_id = c.claim_id AND k.key_kind = 'person-id'),
    held_old_plate = (SELECT k.key_value FROM mr_subsidy_key k WHERE k.scheme_id = c.scheme_id AND k.claim_id = c.claim_id AND k.key_kind = 'old-plate'),
    held_old_frame = (SELECT k.key_value FROM mr_subsidy_key k WHERE k.scheme_id = c.scheme_id AND k.claim_id = c.claim_id AND k.key_kind = 'old-frame'),
    held_new_frame = (SELECT k.key_value FROM mr_subsidy_key k WHERE k.scheme_id = c.scheme_id AND k.claim_id = c.claim_id AND k.key_kind = 'new-frame')
WHERE c.state IN ('reserved', 'confirmed');
DROP TABLE mr_subsidy_key;
ALTER TABLE mr_subsidy_claim DROP CONSTRAINT IF EXISTS mr_subsidy_claim_scheme_id_fkey;
ALTER TABLE mr_subsidy_claim ADD CONSTRAINT mr_subsidy_claim_held_only_while_live
    CHECK (state IN ('reserved', 'confirmed') OR num_nonnulls(held_person_id, held_old_plate, held_old_frame, held_new_frame) = 0);
ALTER TABLE mr_subsidy_journal DROP CONSTRAINT IF EXISTS mr_subsidy_journal_scheme_id_fkey;
DROP INDEX IF EXISTS mr_subsidy_claim_expiry;
DROP INDEX IF EXISTS mr_subsidy_journal_decided_once;
DROP INDEX IF EXISTS mr_subsidy_journal_settled_once;
