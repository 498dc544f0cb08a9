-- MarketRules subsidy ledger, SQLite: migrates a version 1 file to version 2, inside the opener's BEGIN IMMEDIATE
-- transaction (all or nothing; a second opener finds version 2 and runs nothing). Nothing recorded changes: the keys
-- held by live claims move from mr_subsidy_key onto their claims; the indexes no query or check of version 2 needs
-- are dropped (the expiry index, the key-to-claim index, the journal's once-only indexes), and so is the journal
-- counter on the ledger row (the next sequence is read from the journal).
ALTER TABLE mr_subsidy_claim ADD COLUMN held_person_id TEXT NULL;
ALTER TABLE mr_subsidy_claim ADD COLUMN held_old_plate TEXT NULL;
ALTER TABLE mr_subsidy_claim ADD COLUMN held_old_frame TEXT NULL;
ALTER TABLE mr_subsidy_claim ADD COLUMN held_new_frame TEXT NULL;
UPDATE mr_subsidy_claim SET
    held_person_id = (SELECT k.key_value FROM mr_subsidy_key k WHERE k.scheme_id = mr_subsidy_claim.scheme_id AND k.claim_id = mr_subsidy_claim.claim_id AND k.key_kind = 'person-id'),
    held_old_plate = (SELECT k.key_value FROM mr_subsidy_key k WHERE k.scheme_id = mr_subsidy_claim.scheme_id AND k.claim_id = mr_subsidy_claim.claim_id AND k.key_kind = 'old-plate'),
    held_old_frame = (SELECT k.key_value FROM mr_subsidy_key k WHERE k.scheme_id = mr_subsidy_claim.scheme_id AND k.claim_id = mr_subsidy_claim.claim_id AND k.key_kind = 'old-frame'),
    held_new_frame = (SELECT k.key_value FROM mr_subsidy_key k WHERE k.scheme_id = mr_subsidy_claim.scheme_id AND k.claim_id = mr_subsidy_claim.claim_id AND k.key_kind = 'new-frame')
WHERE state IN ('reserved', 'confirmed');
CREATE UNIQUE INDEX mr_subsidy_claim_person_id ON mr_subsidy_claim (scheme_id, held_person_id) WHERE held_person_id IS NOT NULL;
CREATE UNIQUE INDEX mr_subsidy_claim_old_plate ON mr_subsidy_claim (scheme_id, held_old_plate) WHERE held_old_plate IS NOT NULL;
CREATE UNIQUE INDEX mr_subsidy_claim_old_frame ON mr_subsidy_claim (scheme_id, held_old_frame) WHERE held_old_frame IS NOT NULL;
CREATE UNIQUE INDEX mr_subsidy_claim_new_frame ON mr_subsidy_claim (scheme_id, held_new_frame) WHERE held_new_frame IS NOT NULL;
DROP TABLE mr_subsidy_key;
DROP INDEX IF EXISTS mr_subsidy_claim_expiry;
DROP INDEX IF EXISTS mr_subsidy_journal_decided_once;
DROP INDEX IF EXISTS mr_subsidy_journal_settled_once;
ALTER TABLE mr_subsidy_ledger DROP COLUMN last_sequence;
