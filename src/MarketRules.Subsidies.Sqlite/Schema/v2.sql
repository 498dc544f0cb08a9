-- MarketRules subsidy ledger, SQLite schema version 2.
-- Created by SqliteSubsidyLedger on first use, inside one BEGIN IMMEDIATE transaction (idempotent: IF NOT EXISTS,
-- and the version row is written last); a version 1 file is migrated in place (Schema/v1-to-v2.sql). The file runs in
-- WAL mode, so several processes may share it; every write is one BEGIN IMMEDIATE transaction, which SQLite
-- serialises across processes.
-- Tables are WITHOUT ROWID: each row lives in its primary key's b-tree, one page write instead of two.
-- Every page a write touches is appended whole to the WAL at commit, so the schema keeps only the b-trees a write or a
-- check needs: a reservation writes the claim, one index page per uniqueness key, the phase and ledger rows and the
-- journal's last page; a confirmation the claim, the phase row and the journal's last page.
-- Amounts are fen (INTEGER), instants are UTC text 'YYYY-MM-DDTHH:MM:SS.ffffffZ' (fixed width: they sort as they compare).

CREATE TABLE IF NOT EXISTS mr_schema_version (
    component   TEXT    NOT NULL PRIMARY KEY,          -- 'subsidy-ledger'
    version     INTEGER NOT NULL,
    applied_at  TEXT    NOT NULL
);

-- One row per scheme: the overall budget and quota, enforced by CHECK.
CREATE TABLE IF NOT EXISTS mr_subsidy_ledger (
    scheme_id          TEXT    NOT NULL PRIMARY KEY,
    scheme_version     TEXT    NOT NULL,
    overall_budget_fen INTEGER NULL,
    overall_quota      INTEGER NULL,
    taken_fen          INTEGER NOT NULL DEFAULT 0,   -- held + paid over all phases; kept only when there is an overall budget or quota (else 0)
    taken_count        INTEGER NOT NULL DEFAULT 0,
    CHECK (taken_fen >= 0 AND taken_count >= 0),
    CHECK (overall_budget_fen IS NULL OR taken_fen <= overall_budget_fen),
    CHECK (overall_quota IS NULL OR taken_count <= overall_quota)
) WITHOUT ROWID;

-- One row per phase: what is held and paid, never past the phase's budget or quota (CHECK).
CREATE TABLE IF NOT EXISTS mr_subsidy_phase (
    scheme_id      TEXT    NOT NULL REFERENCES mr_subsidy_ledger (scheme_id),
    phase          INTEGER NOT NULL,                 -- 1, 2, …
    budget_fen     INTEGER NULL,
    quota          INTEGER NULL,
    reserved_fen   INTEGER NOT NULL DEFAULT 0,
    paid_fen       INTEGER NOT NULL DEFAULT 0,
    reserved_count INTEGER NOT NULL DEFAULT 0,
    paid_count     INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (scheme_id, phase),
    CHECK (reserved_fen >= 0 AND paid_fen >= 0 AND reserved_count >= 0 AND paid_count >= 0),
    CHECK (budget_fen IS NULL OR reserved_fen + paid_fen <= budget_fen),
    CHECK (quota IS NULL OR reserved_count + paid_count <= quota)
) WITHOUT ROWID;

-- One row per claim id (idempotency: the primary key), in its current state, with the uniqueness keys it holds.
CREATE TABLE IF NOT EXISTS mr_subsidy_claim (
    scheme_id            TEXT    NOT NULL REFERENCES mr_subsidy_ledger (scheme_id),
    claim_id             TEXT    NOT NULL,
    state                TEXT    NOT NULL CHECK (state IN ('reserved', 'confirmed', 'released', 'rejected')),
    phase                INTEGER NOT NULL,           -- the phase holding the amount, or the phase asked for when rejected
    amount_fen           INTEGER NOT NULL CHECK (amount_fen >= 0),
    phase_remaining_fen  INTEGER NULL,               -- the phase's remaining budget right after the reservation
    wait_listed_from     INTEGER NULL,
    rejection_code       TEXT    NULL,               -- MR.Subsidy.AlreadySubsidised | MR.Subsidy.BudgetExhausted
    conflicting_key      TEXT    NULL,               -- person-id | old-plate | old-frame | new-frame
    conflicting_claim_id TEXT    NULL,
    reserved_at          TEXT    NULL,
    expires_at           TEXT    NULL,               -- ReleaseExpired scans the scheme's claims: no index to keep up per write
    settled_at           TEXT    NULL,
    settled_code         TEXT    NULL,               -- MR.Subsidy.Confirmed | MR.Subsidy.Released | MR.Subsidy.ReservationExpired
    -- The scheme's uniqueness keys (normalised: upper case, no separators) while the claim is live (reserved or
    -- paid); NULL for a rejected or released claim and for a key the scheme does not use. One holder per value: the
    -- unique indexes below.
    held_person_id       TEXT    NULL,
    held_old_plate       TEXT    NULL,
    held_old_frame       TEXT    NULL,
    held_new_frame       TEXT    NULL,
    PRIMARY KEY (scheme_id, claim_id),
    CHECK ((state = 'rejected') = (rejection_code IS NOT NULL))
) WITHOUT ROWID;
CREATE UNIQUE INDEX IF NOT EXISTS mr_subsidy_claim_person_id ON mr_subsidy_claim (scheme_id, held_person_id) WHERE held_person_id IS NOT NULL;
CREATE UNIQUE INDEX IF NOT EXISTS mr_subsidy_claim_old_plate ON mr_subsidy_claim (scheme_id, held_old_plate) WHERE held_old_plate IS NOT NULL;
CREATE UNIQUE INDEX IF NOT EXISTS mr_subsidy_claim_old_frame ON mr_subsidy_claim (scheme_id, held_old_frame) WHERE held_old_frame IS NOT NULL;
CREATE UNIQUE INDEX IF NOT EXISTS mr_subsidy_claim_new_frame ON mr_subsidy_claim (scheme_id, held_new_frame) WHERE held_new_frame IS NOT NULL;

-- The journal: append-only, one line per reserve, confirm, release or reject, numbered 1, 2, … per scheme (the next
-- number is the last one plus one: the last page, which the append writes anyway). A claim is decided once (its
-- primary key in mr_subsidy_claim, inserted by the same write) and settled once (a settlement's statements run only
-- when its UPDATE moved the claim out of 'reserved', in the same write; the library refuses the write otherwise).
CREATE TABLE IF NOT EXISTS mr_subsidy_journal (
    scheme_id           TEXT    NOT NULL REFERENCES mr_subsidy_ledger (scheme_id),
    sequence            INTEGER NOT NULL,            -- 1, 2, … per scheme, in the order recorded
    claim_id            TEXT    NOT NULL,
    kind                TEXT    NOT NULL CHECK (kind IN ('reserved', 'confirmed', 'released', 'rejected')),
    phase               INTEGER NOT NULL,
    amount_fen          INTEGER NOT NULL,
    phase_remaining_fen INTEGER NULL,
    reason_code         TEXT    NOT NULL,            -- MR.Subsidy.Reserved, .Confirmed, .Released, .ReservationExpired, .AlreadySubsidised, .BudgetExhausted
    citation            TEXT    NOT NULL,            -- the document (and article) the amount or period comes from
    at                  TEXT    NULL,
    PRIMARY KEY (scheme_id, sequence)
) WITHOUT ROWID;
