-- MarketRules subsidy ledger, PostgreSQL schema version 1.
-- Created by PostgreSqlSubsidyLedger on first use, in the schema named by its options (default "marketrules", set as
-- the connections' search_path), inside one transaction holding pg_advisory_xact_lock, so that servers starting
-- together create it once. Idempotent: IF NOT EXISTS everywhere, and the version row is written last.
--
-- Concurrency: every write transaction (reserve, confirm, release, release-expired) first locks its scheme's row in
-- mr_subsidy_ledger (SELECT … FOR UPDATE) at READ COMMITTED, so the writers of one scheme run one after another
-- whichever server they come from, and each reads the balances and keys as last committed. The constraints below
-- hold even against a writer that skips the lock: the budget and quota CHECKs, one row per claim id (primary key),
-- one holder per key value (primary key), one decision and one settlement per claim in the journal (unique indexes).
-- Amounts are fen (bigint), instants are timestamptz (microseconds).

CREATE TABLE IF NOT EXISTS mr_schema_version (
    component   text        NOT NULL PRIMARY KEY,     -- 'subsidy-ledger'
    version     integer     NOT NULL,
    applied_at  timestamptz NOT NULL DEFAULT now()
);

-- One row per scheme: the lock every writer takes first, the journal's sequence counter, and the overall budget and
-- quota, enforced by CHECK.
CREATE TABLE IF NOT EXISTS mr_subsidy_ledger (
    scheme_id          text    NOT NULL PRIMARY KEY,
    scheme_version     text    NOT NULL,
    overall_budget_fen bigint  NULL,
    overall_quota      integer NULL,
    taken_fen          bigint  NOT NULL DEFAULT 0,    -- held + paid over all phases
    taken_count        integer NOT NULL DEFAULT 0,
    last_sequence      bigint  NOT NULL DEFAULT 0,
    CHECK (taken_fen >= 0 AND taken_count >= 0),
    CHECK (overall_budget_fen IS NULL OR taken_fen <= overall_budget_fen),
    CHECK (overall_quota IS NULL OR taken_count <= overall_quota)
);

-- One row per phase: what is held and paid, never past the phase's budget or quota (CHECK).
CREATE TABLE IF NOT EXISTS mr_subsidy_phase (
    scheme_id      text    NOT NULL REFERENCES mr_subsidy_ledger (scheme_id),
    phase          integer NOT NULL,                  -- 1, 2, …
    budget_fen     bigint  NULL,
    quota          integer NULL,
    reserved_fen   bigint  NOT NULL DEFAULT 0,
    paid_fen       bigint  NOT NULL DEFAULT 0,
    reserved_count integer NOT NULL DEFAULT 0,
    paid_count     integer NOT NULL DEFAULT 0,
    PRIMARY KEY (scheme_id, phase),
    CHECK (reserved_fen >= 0 AND paid_fen >= 0 AND reserved_count >= 0 AND paid_count >= 0),
    CHECK (budget_fen IS NULL OR reserved_fen + paid_fen <= budget_fen),
    CHECK (quota IS NULL OR reserved_count + paid_count <= quota)
);

-- One row per claim id (idempotency: the primary key), in its current state.
CREATE TABLE IF NOT EXISTS mr_subsidy_claim (
    scheme_id            text        NOT NULL REFERENCES mr_subsidy_ledger (scheme_id),
    claim_id             text        NOT NULL,
    state                text        NOT NULL CHECK (state IN ('reserved', 'confirmed', 'released', 'rejected')),
    phase                integer     NOT NULL,        -- the phase holding the amount, or the phase asked for when rejected
    amount_fen           bigint      NOT NULL CHECK (amount_fen >= 0),
    phase_remaining_fen  bigint      NULL,            -- the phase's remaining budget right after the reservation
    wait_listed_from     integer     NULL,
    rejection_code       text        NULL,            -- MR.Subsidy.AlreadySubsidised | MR.Subsidy.BudgetExhausted
    conflicting_key      text        NULL,            -- person-id | old-plate | old-frame | new-frame
    conflicting_claim_id text        NULL,
    reserved_at          timestamptz NULL,
    expires_at           timestamptz NULL,
    settled_at           timestamptz NULL,
    settled_code         text        NULL,            -- MR.Subsidy.Confirmed | MR.Subsidy.Released | MR.Subsidy.ReservationExpired
    PRIMARY KEY (scheme_id, claim_id),
    CHECK ((state = 'rejected') = (rejection_code IS NOT NULL))
);
CREATE INDEX IF NOT EXISTS mr_subsidy_claim_expiry ON mr_subsidy_claim (scheme_id, expires_at) WHERE state = 'reserved';

-- The keys held by live claims (reserved or confirmed): one holder per key value (the primary key).
CREATE TABLE IF NOT EXISTS mr_subsidy_key (
    scheme_id text NOT NULL,
    key_kind  text NOT NULL,                          -- person-id | old-plate | old-frame | new-frame
    key_value text NOT NULL,                          -- normalised (upper case, no separators)
    claim_id  text NOT NULL,
    PRIMARY KEY (scheme_id, key_kind, key_value),
    FOREIGN KEY (scheme_id, claim_id) REFERENCES mr_subsidy_claim (scheme_id, claim_id)
);
CREATE INDEX IF NOT EXISTS mr_subsidy_key_claim ON mr_subsidy_key (scheme_id, claim_id);

-- The journal: append-only, one line per reserve, confirm, release or reject. A claim is decided once (reserved or
-- rejected) and settled once (confirmed or released): the two unique indexes.
CREATE TABLE IF NOT EXISTS mr_subsidy_journal (
    scheme_id           text        NOT NULL REFERENCES mr_subsidy_ledger (scheme_id),
    sequence            bigint      NOT NULL,         -- 1, 2, … per scheme, in the order recorded
    claim_id            text        NOT NULL,
    kind                text        NOT NULL CHECK (kind IN ('reserved', 'confirmed', 'released', 'rejected')),
    phase               integer     NOT NULL,
    amount_fen          bigint      NOT NULL,
    phase_remaining_fen bigint      NULL,
    reason_code         text        NOT NULL,         -- MR.Subsidy.Reserved, .Confirmed, .Released, .ReservationExpired, .AlreadySubsidised, .BudgetExhausted
    citation            text        NOT NULL,         -- the document (and article) the amount or period comes from
    at                  timestamptz NULL,
    PRIMARY KEY (scheme_id, sequence)
);
CREATE UNIQUE INDEX IF NOT EXISTS mr_subsidy_journal_decided_once ON mr_subsidy_journal (scheme_id, claim_id) WHERE kind IN ('reserved', 'rejected');
CREATE UNIQUE INDEX IF NOT EXISTS mr_subsidy_journal_settled_once ON mr_subsidy_journal (scheme_id, claim_id) WHERE kind IN ('confirmed', 'released');
