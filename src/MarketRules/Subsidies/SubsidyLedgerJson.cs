using System.Text.Json;
using MarketRules.Utility;
using NodaTime.Text;

namespace MarketRules.Subsidies;

/// <summary>
/// The JSON of the ledger's answers, one shape for every door (the <c>marketrules subsidy</c> commands and the HTTP
/// claims endpoints): claims in (<see cref="ReadClaim"/>), reservations, decisions, balances and journal lines out.
/// Amounts are fen; instants are ISO 8601 UTC; names are kebab case.
/// </summary>
public static class SubsidyLedgerJson
{
    /// <summary>Reads a claim as a caller sends it (the members of <see cref="SubsidyClaimInput"/>, camel case).</summary>
    /// <param name="utf8Json">The JSON.</param>
    /// <returns>The claim (not yet validated), or <c>MR.Subsidy.ClaimMalformed</c> at the path of what is wrong (a
    /// member a claim does not have, a member given twice, invalid text, a wrong type).</returns>
    public static RuleResult<SubsidyClaimInput> ReadClaim(ReadOnlySpan<byte> utf8Json) =>
        Json.StrictJson.Read(utf8Json, SubsidyJsonContext.Default.SubsidyClaimInput, SubsidyErrors.ClaimMalformed);

    /// <summary>Writes a claim as <see cref="ReadClaim"/> reads it.</summary>
    /// <param name="input">The claim.</param>
    /// <returns>The JSON, on one line.</returns>
    public static string WriteClaim(SubsidyClaimInput input) => JsonSerializer.Serialize(Preconditions.CheckNotNull(input), SubsidyJsonContext.Default.SubsidyClaimInput);

    /// <summary>Writes a reservation: claim id, state, phase, amount, remaining budget, wait-listing, rejection, expiry.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="reservation">The reservation.</param>
    public static void Write(Utf8JsonWriter writer, SubsidyReservation reservation)
    {
        Preconditions.CheckNotNull(writer);
        Preconditions.CheckNotNull(reservation);
        writer.WriteStartObject();
        writer.WriteString("claimId", reservation.ClaimId);
        writer.WriteString("state", SubsidyLedgerRules.Name(reservation.State));
        writer.WriteNumber("phase", reservation.PhaseNumber);
        writer.WriteNumber("amountFen", reservation.Amount.Fen);
        WriteFen(writer, "phaseRemainingFen", reservation.PhaseRemaining);
        if (reservation.WaitListedFromPhase is { } from)
        {
            writer.WriteNumber("waitListedFromPhase", from);
        }
        if (reservation.Rejection is { } rejection)
        {
            writer.WriteString("rejection", rejection.Code);
        }
        if (reservation.ConflictingKey is { } key)
        {
            writer.WriteString("conflictingKey", SubsidyLedgerRules.Name(key));
        }
        if (reservation.ConflictingClaimId is { } other)
        {
            writer.WriteString("conflictingClaimId", other);
        }
        WriteInstant(writer, "reservedAt", reservation.ReservedAt);
        WriteInstant(writer, "expiresAt", reservation.ExpiresAt);
        writer.WriteString("citation", reservation.Citation.ToString());
        writer.WriteEndObject();
    }

    /// <summary>Writes a decision: outcome, reason code, amount, whether it repeats an earlier submission, the reservation and the explanation.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="decision">The decision.</param>
    /// <param name="explain">Whether to include the explanation.</param>
    /// <param name="current">The reservation as it stands now (after a confirmation, say), written instead of the decision's.</param>
    public static void Write(Utf8JsonWriter writer, SubsidyDecision decision, bool explain = true, SubsidyReservation? current = null)
    {
        Preconditions.CheckNotNull(writer);
        Preconditions.CheckNotNull(decision);
        writer.WriteStartObject();
        writer.WriteString("claimId", decision.ClaimId);
        writer.WriteString("outcome", SubsidyClaimInputValidator.Kebab(decision.Outcome));
        writer.WriteString("reasonCode", decision.ReasonCode);
        writer.WriteNumber("amountFen", decision.Amount.Fen);
        writer.WriteBoolean("isRepeat", decision.IsRepeat);
        if ((current ?? decision.Reservation) is { } reservation)
        {
            writer.WritePropertyName("reservation");
            Write(writer, reservation);
        }
        if (explain)
        {
            writer.WritePropertyName("explanation");
            Json.MarketRulesJson.Write(writer, decision.Explanation);
        }
        writer.WriteEndObject();
    }

    /// <summary>Writes the balances: per phase budget, quota, held, paid, counts and remaining, and the totals.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="snapshot">The balances.</param>
    public static void Write(Utf8JsonWriter writer, SubsidyLedgerSnapshot snapshot)
    {
        Preconditions.CheckNotNull(writer);
        Preconditions.CheckNotNull(snapshot);
        writer.WriteStartObject();
        WriteFen(writer, "overallBudgetFen", snapshot.OverallBudget);
        writer.WriteNumber("reservedFen", snapshot.Reserved.Fen);
        writer.WriteNumber("paidFen", snapshot.Paid.Fen);
        writer.WriteStartArray("phases");
        foreach (var p in snapshot.Phases)
        {
            writer.WriteStartObject();
            writer.WriteNumber("phase", p.PhaseNumber);
            WriteFen(writer, "budgetFen", p.Budget);
            if (p.Quota is { } quota)
            {
                writer.WriteNumber("quota", quota);
            }
            else
            {
                writer.WriteNull("quota");
            }
            writer.WriteNumber("reservedFen", p.Reserved.Fen);
            writer.WriteNumber("paidFen", p.Paid.Fen);
            writer.WriteNumber("reservedCount", p.ReservedCount);
            writer.WriteNumber("paidCount", p.PaidCount);
            WriteFen(writer, "remainingFen", p.Remaining);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>Writes one journal line.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="entry">The line.</param>
    public static void Write(Utf8JsonWriter writer, SubsidyLedgerEntry entry)
    {
        Preconditions.CheckNotNull(writer);
        Preconditions.CheckNotNull(entry);
        writer.WriteStartObject();
        writer.WriteNumber("sequence", entry.Sequence);
        writer.WriteString("claimId", entry.ClaimId);
        writer.WriteString("kind", SubsidyLedgerRules.Name(entry.Kind));
        writer.WriteNumber("phase", entry.PhaseNumber);
        writer.WriteNumber("amountFen", entry.Amount.Fen);
        WriteFen(writer, "phaseRemainingFen", entry.PhaseRemaining);
        writer.WriteString("reasonCode", entry.ReasonCode);
        writer.WriteString("citation", entry.Citation.ToString());
        WriteInstant(writer, "at", entry.At);
        writer.WriteEndObject();
    }

    private static void WriteFen(Utf8JsonWriter writer, string name, Money? money)
    {
        if (money is { } m)
        {
            writer.WriteNumber(name, m.Fen);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    private static void WriteInstant(Utf8JsonWriter writer, string name, Instant? instant)
    {
        if (instant is { } i)
        {
            writer.WriteString(name, InstantPattern.ExtendedIso.Format(i));
        }
    }
}
