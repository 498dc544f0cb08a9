using System.Globalization;
using MarketRules.Subsidies;

namespace MarketRules.Testing;

// Subsidies: e-bike trade-in schemes — budgets and quotas per phase and overall, and one subsidy per person and vehicle
// (the scheme's uniqueness keys), as the scheme's own notice sets them.
public static partial class ComplianceAssert
{
    /// <summary>
    /// Checks that a subsidy ledger never committed more than a budget: replays its journal line by line and, after
    /// each line, compares what is held or paid in each phase (and over all phases) with the phase's budget and quota
    /// and the scheme's overall budget and quota. A held amount counts (once reserved it is promised to the applicant), and so does a payment made without a
    /// reservation or made again for a claim already paid.
    /// </summary>
    /// <param name="scheme">The scheme whose budget it is.</param>
    /// <param name="journal">The ledger's journal in sequence order (e.g. <see cref="ISubsidyLedger.Entries"/>).</param>
    /// <exception cref="ComplianceException">Thrown at the first line that takes a phase or the scheme past its budget or quota.</exception>
    public static void WithinBudget(SubsidyScheme scheme, IEnumerable<SubsidyLedgerEntry> journal)
    {
        ArgumentNullException.ThrowIfNull(scheme);
        ArgumentNullException.ThrowIfNull(journal);
        var committed = new Dictionary<int, (long Fen, int Count)>();
        var open = new Dictionary<string, (int Phase, long Fen)>(StringComparer.Ordinal);
        long overallFen = 0;
        var overallCount = 0;
        void Move(int phase, long fen, int count)
        {
            var (phaseFen, phaseCount) = committed.GetValueOrDefault(phase);
            committed[phase] = (phaseFen + fen, phaseCount + count);
            overallFen += fen;
            overallCount += count;
        }
        foreach (var line in journal.OrderBy(l => l.Sequence))
        {
            switch (line.Kind)
            {
                case SubsidyLedgerEntryKind.Reserved:
                    break;
                case SubsidyLedgerEntryKind.Confirmed when open.Remove(line.ClaimId):
                    // Pays what was held: the commitment does not change.
                    continue;
                case SubsidyLedgerEntryKind.Confirmed:
                    // Paid without a reservation held (or paid again): new money leaves the budget.
                    break;
                case SubsidyLedgerEntryKind.Released:
                    if (open.Remove(line.ClaimId, out var held))
                    {
                        Move(held.Phase, -held.Fen, -1);
                    }
                    continue;
                default:
                    // A rejection moves nothing.
                    continue;
            }
            Move(line.PhaseNumber, line.Amount.Fen, 1);
            if (line.Kind == SubsidyLedgerEntryKind.Reserved)
            {
                open[line.ClaimId] = (line.PhaseNumber, line.Amount.Fen);
            }
            var phase = scheme.Phases.FirstOrDefault(p => p.Number == line.PhaseNumber);
            var (phaseFen, phaseCount) = committed[line.PhaseNumber];
            var at = $"journal line {line.Sequence.ToString(CultureInfo.InvariantCulture)} (claim {line.ClaimId}, phase {line.PhaseNumber})";
            if (phase?.Budget is { } budget && phaseFen > budget.Fen)
            {
                throw new ComplianceException(SubsidyEvaluator.RuleId, phase.Citation, $"phase {phase.Number} holds or pays at most its budget {budget}",
                    $"{Money.FromFen(phaseFen)} after {at}, {Money.FromFen(phaseFen - budget.Fen)} over", "A phase's subsidy budget was exceeded.");
            }
            if (phase?.Quota is { } quota && phaseCount > quota)
            {
                throw new ComplianceException(SubsidyEvaluator.RuleId, phase.Citation, $"phase {phase.Number} subsidises at most {quota} claims",
                    $"{phaseCount} claims after {at}", "A phase's quota of subsidies was exceeded.");
            }
            if (scheme.OverallBudget is { } overall && overallFen > overall.Fen)
            {
                throw new ComplianceException(SubsidyEvaluator.RuleId, scheme.Citation, $"all phases together hold or pay at most the overall budget {overall}",
                    $"{Money.FromFen(overallFen)} after {at}, {Money.FromFen(overallFen - overall.Fen)} over", "The scheme's overall budget was exceeded.");
            }
            if (scheme.OverallQuota is { } overallQuota && overallCount > overallQuota)
            {
                throw new ComplianceException(SubsidyEvaluator.RuleId, scheme.Citation, $"at most {overallQuota} claims subsidised in all",
                    $"{overallCount} claims after {at}", "The scheme's overall quota was exceeded.");
            }
        }
    }

    /// <summary>Checks a ledger's journal against its scheme's budgets: <see cref="WithinBudget(SubsidyScheme, IEnumerable{SubsidyLedgerEntry})"/>.</summary>
    /// <param name="ledger">The ledger.</param>
    /// <exception cref="ComplianceException">Thrown at the first line that takes a phase or the scheme past its budget or quota.</exception>
    public static void WithinBudget(ISubsidyLedger ledger)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        WithinBudget(ledger.Scheme, ledger.Entries());
    }

    /// <summary>
    /// Checks that no person and no vehicle was subsidised twice among the claims a system paid: no two paid claims
    /// share a value of any of the scheme's uniqueness keys (the applicant's identity number, the old bike's plate or
    /// frame number, the new bike's frame number), and no claim id was paid twice.
    /// </summary>
    /// <param name="scheme">The scheme (its <see cref="SubsidyScheme.UniquenessKeys"/> say which keys must be unique).</param>
    /// <param name="paidClaims">The claims the system paid, with normalised identifiers (<see cref="SubsidyClaim.FromInput"/>).</param>
    /// <exception cref="ComplianceException">Thrown at the first key (or claim id) paid twice.</exception>
    public static void NeverPaidTwice(SubsidyScheme scheme, IEnumerable<SubsidyClaim> paidClaims)
    {
        ArgumentNullException.ThrowIfNull(scheme);
        ArgumentNullException.ThrowIfNull(paidClaims);
        var holders = new Dictionary<(SubsidyUniquenessKey, string), string>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var claim in paidClaims)
        {
            if (!ids.Add(claim.ClaimId))
            {
                throw new ComplianceException(SubsidyEvaluator.RuleId, scheme.Citation, $"claim {claim.ClaimId} paid once",
                    $"claim {claim.ClaimId} paid twice", "One claim was paid twice.");
            }
            foreach (var key in scheme.UniquenessKeys)
            {
                var value = key switch
                {
                    SubsidyUniquenessKey.PersonId => claim.Applicant.Value,
                    SubsidyUniquenessKey.OldPlate => claim.OldPlate,
                    SubsidyUniquenessKey.OldFrame => claim.OldFrameNumber,
                    SubsidyUniquenessKey.NewFrame => claim.NewFrameNumber,
                    _ => null,
                };
                if (string.IsNullOrEmpty(value))
                {
                    continue;
                }
                if (holders.TryGetValue((key, value), out var first))
                {
                    var shown = key == SubsidyUniquenessKey.PersonId ? MaskPersonId(value) : value;
                    throw new ComplianceException(SubsidyEvaluator.RuleId, scheme.Citation, $"one subsidy per {key} {shown} (paid to claim {first})",
                        $"claim {claim.ClaimId} paid again for {key} {shown}", $"The same {key} was subsidised twice.");
                }
                holders.Add((key, value), claim.ClaimId);
            }
        }
    }

    /// <summary>
    /// Checks the claims a ledger paid (the claims with a confirmation in its journal and no release after it) with
    /// <see cref="NeverPaidTwice(SubsidyScheme, IEnumerable{SubsidyClaim})"/>; a claim confirmed twice counts as paid twice.
    /// </summary>
    /// <param name="scheme">The scheme.</param>
    /// <param name="claims">Every claim that reached the ledger, to look up the identifiers of the paid ones.</param>
    /// <param name="journal">The ledger's journal.</param>
    /// <exception cref="ComplianceException">Thrown at the first key (or claim) paid twice, or when a paid claim is missing from <paramref name="claims"/>.</exception>
    public static void NeverPaidTwice(SubsidyScheme scheme, IEnumerable<SubsidyClaim> claims, IEnumerable<SubsidyLedgerEntry> journal)
    {
        ArgumentNullException.ThrowIfNull(scheme);
        ArgumentNullException.ThrowIfNull(claims);
        ArgumentNullException.ThrowIfNull(journal);
        var byId = new Dictionary<string, SubsidyClaim>(StringComparer.Ordinal);
        foreach (var claim in claims)
        {
            byId.TryAdd(claim.ClaimId, claim);
        }
        var paid = new List<string>();
        foreach (var line in journal.OrderBy(l => l.Sequence))
        {
            if (line.Kind == SubsidyLedgerEntryKind.Confirmed)
            {
                paid.Add(line.ClaimId);
            }
            else if (line.Kind == SubsidyLedgerEntryKind.Released)
            {
                paid.Remove(line.ClaimId);
            }
        }
        var missing = paid.FirstOrDefault(id => !byId.ContainsKey(id));
        if (missing is not null)
        {
            throw new ComplianceException(SubsidyEvaluator.RuleId, scheme.Citation, $"the claim of every paid journal line", $"claim {missing} is not among the claims given",
                "A paid claim cannot be checked.");
        }
        NeverPaidTwice(scheme, paid.Select(id => byId[id]));
    }

    private static string MaskPersonId(string id) => id.Length <= 10 ? new string('*', id.Length) : string.Concat(id.AsSpan(0, 6), new string('*', id.Length - 10), id.AsSpan(id.Length - 4));
}
