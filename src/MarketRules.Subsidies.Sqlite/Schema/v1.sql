-- MarketRules subsidy ledger, SQLite schema version 1.
-- Created by SqliteSubsidyLedger on first use, inside one BEGIN IMMEDIATE transaction (idempotent: IF NOT EXISTS,
-- and the version row is written last). The file runs in WAL mode, so several processes may share it, every write is
-- one BEGIN IMMEDIATE transaction, which SQLite serialises across processes.
-- Tables are WITHOUT ROWID: each row lives in its primary key's b-tree, one page write instead of two.
-- Amounts are fen (INTEGER), instants are UTC text 'YYYY-MM-DDTHH:MM:SS.ffffffZ' (fixed width: they sort as they compare).

CREATE TABLE IF NOT EXISTS mr_schema_version (
    component   TEXT    NOT NULL PRIMARY KEY,          -- 'subsidy-ledger'
    version     INTEGER NOT NULL,
    applied_at  TEXT    NOT NULL
);

-- One row per scheme: the journal's sequence counter and the overall budget and quota, enforced by CHECK.
CREATE TABLE IF NOT EXISTS mr_subsidy_ledger (
    scheme_id          TEXT    NOT NULL PRIMARY KEY,
    scheme_version     TEXT    NOT NULL,
    overall_budget_fen INTEGER NULL,
    overall_quota      INTEGER NULL,
    taken_fen          INTEGER NOT NULL DEFAULT 0,   -- held + paid over all phases
    taken_count        INTEGER NOT NULL DEFAULT 0,
    last_sequence      INTEGER NOT NULL DEFAULT 0,
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

-- One row per claim id (idempotency: the primary key), in its current state.
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
    expires_at           TEXT    NULL,
    settled_at           TEXT    NULL,
    settled_code         TEXT    NULL,               -- MR.Subsidy.Confirmed | MR.Subsidy.Released | MR.Subsidy.ReservationExpired
    PRIMARY KEY (scheme_id, claim_id),
    CHECK ((state = 'rejected') = (rejection_code IS NOT NULL))
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS mr_subsidy_claim_expiry ON mr_subsidy_claim (scheme_id, expires_at) WHERE state = 'reserved';

-- The keys held by live claims (reserved or confirmed): one holder per key value (the primary key).
CREATE TABLE IF NOT EXISTS mr_subsidy_key (
    scheme_id TEXT NOT NULL,
    key_kind  TEXT NOT NULL,                         -- person-id | old-plate | old-frame | new-frame
    key_value TEXT NOT NULL,                         -- normalised (upper case, no separators)
    claim_id  TEXT NOT NULL,
    PRIMARY KEY (scheme_id, key_kind, key_value),
    FOREIGN KEY (scheme_id, claim_id) REFERENCES mr_subsidy_claim (scheme_id, claim_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS mr_subsidy_key_claim ON mr_subsidy_key (scheme_id, claim_id);

-- The journal: append-only, one line per reserve, confirm, release or reject. A claim has at most one line of each
-- kind (the unique index), so a claim is settled at most once whatever the interleaving.
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
CREATE UNIQUE INDEX IF NOT EXISTS mr_subsidy_journal_decided_once ON mr_subsidy_journal (scheme_id, claim_id) WHERE kind IN ('reserved', 'rejected');
CREATE UNIQUE INDEX IF NOT EXISTS mr_subsidy_journal_settled_once ON mr_subsidy_journal (scheme_id, claim_id) WHERE kind IN ('confirmed', 'released');
