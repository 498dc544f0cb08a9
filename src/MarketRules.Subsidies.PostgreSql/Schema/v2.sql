-- MarketRules subsidy ledger, PostgreSQL schema version 2.
-- Created by PostgreSqlSubsidyLedger on first use, in the schema named by its options (default "marketrules", set as
-- the connections' search_path), inside one transaction holding pg_advisory_xact_lock, so that servers starting
-- together create it once. Idempotent: IF NOT EXISTS and CREATE OR REPLACE everywhere, and the version row is written
-- last. A version 1 schema is migrated in the same transaction by Schema/v1-to-v2.sql followed by this file.
--
-- Concurrency: every write transaction (reserve, confirm, release, release-expired) first locks its scheme's row in
-- mr_subsidy_ledger (SELECT … FOR UPDATE) at READ COMMITTED, so the writers of one scheme run one after another
-- whichever server they come from, and each reads the balances and keys as last committed. The constraints below
-- hold even against a writer that skips the lock: the budget and quota CHECKs, one row per claim id (primary key),
-- one live holder per key value (the unique indexes on the claim's held_* columns).
-- The journal is written only by the functions below and by the library, in the same transaction as the claim row
-- change it records: a claim is decided once (its primary key, inserted with its decision line) and settled once (a
-- settlement's line is written only when its UPDATE … WHERE state = 'reserved' changed the claim row).
-- Version 2 keeps only what a rule needs on the hot path: no key rows, no foreign key checked per inserted claim or
-- journal line (the functions insert them after locking their scheme's row), no index that a confirmation's UPDATE
-- would have to change (so it is a heap-only update, in place on the claim's page).
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

-- One row per claim id (idempotency: the primary key), in its current state, with the uniqueness keys it holds.
-- fillfactor 90: inserts leave a tenth of each page free, so that the confirmation of a claim (a heap-only update:
-- no indexed column changes) finds room for the new row version on the same page.
CREATE TABLE IF NOT EXISTS mr_subsidy_claim (
    scheme_id            text        NOT NULL,        -- a scheme of mr_subsidy_ledger (the functions lock its row first)
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
    expires_at           timestamptz NULL,            -- ReleaseExpired scans the scheme's claims: no index to keep up per write
    settled_at           timestamptz NULL,
    settled_code         text        NULL,            -- MR.Subsidy.Confirmed | MR.Subsidy.Released | MR.Subsidy.ReservationExpired
    -- The scheme's uniqueness keys (normalised: upper case, no separators) while the claim is live (reserved or
    -- paid); NULL for a rejected or released claim and for a key the scheme does not use. One holder per value: the
    -- unique indexes below.
    held_person_id       text        NULL,
    held_old_plate       text        NULL,
    held_old_frame       text        NULL,
    held_new_frame       text        NULL,
    PRIMARY KEY (scheme_id, claim_id),
    CHECK ((state = 'rejected') = (rejection_code IS NOT NULL)),
    CONSTRAINT mr_subsidy_claim_held_only_while_live
        CHECK (state IN ('reserved', 'confirmed') OR num_nonnulls(held_person_id, held_old_plate, held_old_frame, held_new_frame) = 0)
) WITH (fillfactor = 90);
CREATE UNIQUE INDEX IF NOT EXISTS mr_subsidy_claim_person_id ON mr_subsidy_claim (scheme_id, held_person_id) WHERE held_person_id IS NOT NULL;
CREATE UNIQUE INDEX IF NOT EXISTS mr_subsidy_claim_old_plate ON mr_subsidy_claim (scheme_id, held_old_plate) WHERE held_old_plate IS NOT NULL;
CREATE UNIQUE INDEX IF NOT EXISTS mr_subsidy_claim_old_frame ON mr_subsidy_claim (scheme_id, held_old_frame) WHERE held_old_frame IS NOT NULL;
CREATE UNIQUE INDEX IF NOT EXISTS mr_subsidy_claim_new_frame ON mr_subsidy_claim (scheme_id, held_new_frame) WHERE held_new_frame IS NOT NULL;

-- The journal: append-only, one line per reserve, confirm, release or reject, numbered by the ledger row's counter
-- under its lock.
CREATE TABLE IF NOT EXISTS mr_subsidy_journal (
    scheme_id           text        NOT NULL,         -- a scheme of mr_subsidy_ledger (written under its row's lock)
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

-- The ledger's two hot operations as functions, so that each is one statement, one round trip, and the ledger row is
-- locked only while the server runs it (never while a client is descheduled between two round trips). The decisions
-- are the library's (SubsidyLedgerRules): the client passes the amount each candidate phase would pay.

-- Reserve: lock the scheme's ledger row, answer a repeated claim id with its first answer, refuse a claim whose key a
-- live claim holds (the first in the scheme's key order, p_kinds), else take the first candidate phase with room — the
-- phase asked for, then (p_amounts longer than 1: the scheme wait-lists) the later ones — within the phase's budget and
-- quota and the overall budget and quota, and journal the answer.
CREATE OR REPLACE FUNCTION mr_subsidy_reserve(
    p_scheme text, p_claim text, p_asked integer, p_amounts bigint[], p_kinds text[], p_values text[],
    p_at timestamptz, p_expires timestamptz, p_citations text[])
RETURNS TABLE (is_repeat boolean, state text, phase integer, amount_fen bigint, phase_remaining_fen bigint, wait_listed_from integer,
               rejection_code text, conflicting_key text, conflicting_claim_id text, reserved_at timestamptz, expires_at timestamptz)
LANGUAGE plpgsql AS $fn$
#variable_conflict use_column
DECLARE
    l         mr_subsidy_ledger%ROWTYPE;
    ph        mr_subsidy_phase%ROWTYPE;
    v_holder  text;
    v_kind    text;
    v_person  text;
    v_plate   text;
    v_old     text;
    v_new     text;
    v_phase   integer;
    v_amount  bigint;
    v_index   integer;
    v_waited  integer;
    v_left    bigint;
    v_code    text;
BEGIN
    SELECT * INTO l FROM mr_subsidy_ledger lg WHERE lg.scheme_id = p_scheme FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'no ledger row for scheme %', p_scheme;
    END IF;
    RETURN QUERY SELECT true, c.state, c.phase, c.amount_fen, c.phase_remaining_fen, c.wait_listed_from, c.rejection_code,
                        c.conflicting_key, c.conflicting_claim_id, c.reserved_at, c.expires_at
                 FROM mr_subsidy_claim c WHERE c.scheme_id = p_scheme AND c.claim_id = p_claim;
    IF FOUND THEN
        RETURN;
    END IF;

    -- The keys in the scheme's order: the first one a live claim holds is the conflict reported.
    FOR i IN 1 .. coalesce(array_length(p_kinds, 1), 0) LOOP
        CASE p_kinds[i]
            WHEN 'person-id' THEN
                v_person := p_values[i];
                SELECT c.claim_id INTO v_holder FROM mr_subsidy_claim c WHERE c.scheme_id = p_scheme AND c.held_person_id = v_person;
            WHEN 'old-plate' THEN
                v_plate := p_values[i];
                SELECT c.claim_id INTO v_holder FROM mr_subsidy_claim c WHERE c.scheme_id = p_scheme AND c.held_old_plate = v_plate;
            WHEN 'old-frame' THEN
                v_old := p_values[i];
                SELECT c.claim_id INTO v_holder FROM mr_subsidy_claim c WHERE c.scheme_id = p_scheme AND c.held_old_frame = v_old;
            WHEN 'new-frame' THEN
                v_new := p_values[i];
                SELECT c.claim_id INTO v_holder FROM mr_subsidy_claim c WHERE c.scheme_id = p_scheme AND c.held_new_frame = v_new;
            ELSE
                RAISE EXCEPTION 'unknown uniqueness key kind %', p_kinds[i];
        END CASE;
        IF FOUND THEN
            v_kind := p_kinds[i];
            EXIT;
        END IF;
    END LOOP;

    IF v_kind IS NULL THEN
        FOR i IN 1 .. array_length(p_amounts, 1) LOOP
            v_phase := p_asked + i - 1;
            v_amount := p_amounts[i];
            SELECT * INTO ph FROM mr_subsidy_phase p WHERE p.scheme_id = p_scheme AND p.phase = v_phase;
            IF (ph.budget_fen IS NULL OR ph.reserved_fen + ph.paid_fen + v_amount <= ph.budget_fen)
               AND (ph.quota IS NULL OR ph.reserved_count + ph.paid_count < ph.quota)
               AND (l.overall_budget_fen IS NULL OR l.taken_fen + v_amount <= l.overall_budget_fen)
               AND (l.overall_quota IS NULL OR l.taken_count < l.overall_quota) THEN
                v_index := i;
                EXIT;
            END IF;
            IF i < array_length(p_amounts, 1) THEN
                v_waited := coalesce(v_waited, p_asked);
            END IF;
        END LOOP;
    END IF;

    IF v_index IS NULL THEN
        v_code := CASE WHEN v_kind IS NULL THEN 'MR.Subsidy.BudgetExhausted' ELSE 'MR.Subsidy.AlreadySubsidised' END;
        IF v_kind IS NOT NULL THEN
            v_waited := NULL;
        END IF;
        SELECT p.budget_fen - p.reserved_fen - p.paid_fen INTO v_left FROM mr_subsidy_phase p WHERE p.scheme_id = p_scheme AND p.phase = p_asked;
        INSERT INTO mr_subsidy_claim (scheme_id, claim_id, state, phase, amount_fen, phase_remaining_fen, wait_listed_from, rejection_code,
                                      conflicting_key, conflicting_claim_id, reserved_at)
        VALUES (p_scheme, p_claim, 'rejected', p_asked, 0, v_left, v_waited, v_code, v_kind, v_holder, p_at);
        UPDATE mr_subsidy_ledger lg SET last_sequence = lg.last_sequence + 1 WHERE lg.scheme_id = p_scheme;
        INSERT INTO mr_subsidy_journal (scheme_id, sequence, claim_id, kind, phase, amount_fen, phase_remaining_fen, reason_code, citation, at)
        VALUES (p_scheme, l.last_sequence + 1, p_claim, 'rejected', p_asked, 0, v_left, v_code, p_citations[1], p_at);
        RETURN QUERY SELECT false, 'rejected'::text, p_asked, 0::bigint, v_left, v_waited, v_code, v_kind, v_holder, p_at, NULL::timestamptz;
        RETURN;
    END IF;

    v_left := CASE WHEN ph.budget_fen IS NULL THEN NULL ELSE ph.budget_fen - ph.reserved_fen - ph.paid_fen - v_amount END;
    INSERT INTO mr_subsidy_claim (scheme_id, claim_id, state, phase, amount_fen, phase_remaining_fen, wait_listed_from, reserved_at, expires_at,
                                  held_person_id, held_old_plate, held_old_frame, held_new_frame)
    VALUES (p_scheme, p_claim, 'reserved', v_phase, v_amount, v_left, v_waited, p_at, p_expires, v_person, v_plate, v_old, v_new);
    UPDATE mr_subsidy_phase p SET reserved_fen = p.reserved_fen + v_amount, reserved_count = p.reserved_count + 1
    WHERE p.scheme_id = p_scheme AND p.phase = v_phase;
    UPDATE mr_subsidy_ledger lg SET last_sequence = lg.last_sequence + 1, taken_fen = lg.taken_fen + v_amount, taken_count = lg.taken_count + 1
    WHERE lg.scheme_id = p_scheme;
    INSERT INTO mr_subsidy_journal (scheme_id, sequence, claim_id, kind, phase, amount_fen, phase_remaining_fen, reason_code, citation, at)
    VALUES (p_scheme, l.last_sequence + 1, p_claim, 'reserved', v_phase, v_amount, v_left, 'MR.Subsidy.Reserved', p_citations[v_index], p_at);
    RETURN QUERY SELECT false, 'reserved'::text, v_phase, v_amount, v_left, v_waited, NULL::text, NULL::text, NULL::text, p_at, p_expires;
END
$fn$;

-- Settle: confirm or release a reservation still held, exactly once (outcome 'settled': the claim's UPDATE … WHERE
-- state = 'reserved' changed it; a confirmation changes no indexed column, so it is a heap-only update), a claim
-- already in the target state, or settled the other way, is returned as it is ('unchanged'), an unknown claim id
-- answers 'unknown'. A release frees the claim's keys (held_* to NULL).
-- p_citations: the citation of each phase, p_expiry_citation: the expiry's, for p_code MR.Subsidy.ReservationExpired.
CREATE OR REPLACE FUNCTION mr_subsidy_settle(
    p_scheme text, p_claim text, p_target text, p_code text, p_at timestamptz, p_citations text[], p_expiry_citation text)
RETURNS TABLE (outcome text, state text, phase integer, amount_fen bigint, phase_remaining_fen bigint, wait_listed_from integer,
               rejection_code text, conflicting_key text, conflicting_claim_id text, reserved_at timestamptz, expires_at timestamptz)
LANGUAGE plpgsql AS $fn$
#variable_conflict use_column
DECLARE
    l       mr_subsidy_ledger%ROWTYPE;
    c       mr_subsidy_claim%ROWTYPE;
    v_left  bigint;
BEGIN
    SELECT * INTO l FROM mr_subsidy_ledger lg WHERE lg.scheme_id = p_scheme FOR UPDATE;
    IF p_target = 'confirmed' THEN
        UPDATE mr_subsidy_claim cl SET state = 'confirmed', settled_at = p_at, settled_code = p_code
        WHERE cl.scheme_id = p_scheme AND cl.claim_id = p_claim AND cl.state = 'reserved'
        RETURNING * INTO c;
    ELSIF p_target = 'released' THEN
        UPDATE mr_subsidy_claim cl SET state = 'released', settled_at = p_at, settled_code = p_code,
                                       held_person_id = NULL, held_old_plate = NULL, held_old_frame = NULL, held_new_frame = NULL
        WHERE cl.scheme_id = p_scheme AND cl.claim_id = p_claim AND cl.state = 'reserved'
        RETURNING * INTO c;
    ELSE
        RAISE EXCEPTION 'a claim settles as confirmed or released, not %', p_target;
    END IF;
    IF NOT FOUND THEN
        RETURN QUERY SELECT 'unchanged'::text, c2.state, c2.phase, c2.amount_fen, c2.phase_remaining_fen, c2.wait_listed_from, c2.rejection_code,
                            c2.conflicting_key, c2.conflicting_claim_id, c2.reserved_at, c2.expires_at
                     FROM mr_subsidy_claim c2 WHERE c2.scheme_id = p_scheme AND c2.claim_id = p_claim;
        IF NOT FOUND THEN
            RETURN QUERY SELECT 'unknown'::text, NULL::text, NULL::integer, NULL::bigint, NULL::bigint, NULL::integer, NULL::text, NULL::text, NULL::text,
                                NULL::timestamptz, NULL::timestamptz;
        END IF;
        RETURN;
    END IF;
    IF p_target = 'confirmed' THEN
        UPDATE mr_subsidy_phase p
        SET reserved_fen = p.reserved_fen - c.amount_fen, reserved_count = p.reserved_count - 1, paid_fen = p.paid_fen + c.amount_fen, paid_count = p.paid_count + 1
        WHERE p.scheme_id = p_scheme AND p.phase = c.phase
        RETURNING p.budget_fen - p.reserved_fen - p.paid_fen INTO v_left;
        UPDATE mr_subsidy_ledger lg SET last_sequence = lg.last_sequence + 1 WHERE lg.scheme_id = p_scheme;
    ELSE
        UPDATE mr_subsidy_phase p SET reserved_fen = p.reserved_fen - c.amount_fen, reserved_count = p.reserved_count - 1
        WHERE p.scheme_id = p_scheme AND p.phase = c.phase
        RETURNING p.budget_fen - p.reserved_fen - p.paid_fen INTO v_left;
        UPDATE mr_subsidy_ledger lg SET last_sequence = lg.last_sequence + 1, taken_fen = lg.taken_fen - c.amount_fen, taken_count = lg.taken_count - 1
        WHERE lg.scheme_id = p_scheme;
    END IF;
    INSERT INTO mr_subsidy_journal (scheme_id, sequence, claim_id, kind, phase, amount_fen, phase_remaining_fen, reason_code, citation, at)
    VALUES (p_scheme, l.last_sequence + 1, p_claim, p_target, c.phase, c.amount_fen, v_left, p_code,
            CASE WHEN p_code = 'MR.Subsidy.ReservationExpired' THEN p_expiry_citation ELSE p_citations[c.phase] END, p_at);
    RETURN QUERY SELECT 'settled'::text, p_target, c.phase, c.amount_fen, c.phase_remaining_fen, c.wait_listed_from, c.rejection_code,
                        c.conflicting_key, c.conflicting_claim_id, c.reserved_at, c.expires_at;
END
$fn$;
