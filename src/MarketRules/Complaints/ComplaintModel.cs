using System.Collections.Immutable;
using System.Text.Json.Serialization;
using MarketRules.Calendar;
using MarketRules.Json;
using MarketRules.Utility;

namespace MarketRules.Complaints;

/// <summary>The SAMR order that governs a complaint or report, chosen by the day it was received.</summary>
[JsonConverter(typeof(KebabCaseEnumConverter<ComplaintOrder>))]
public enum ComplaintOrder
{
    /// <summary>No order yet (before receipt).</summary>
    None = 0,

    /// <summary>总局令第20号, 《市场监督管理投诉举报处理暂行办法》: complaints received 2020-01-01 to 2026-04-14.</summary>
    Order20 = 20,

    /// <summary>总局令第121号, 《市场监督管理投诉举报处理办法》: complaints received from 2026-04-15.</summary>
    Order121 = 121,
}

/// <summary>The stage of a consumer complaint (投诉). Only <see cref="ComplaintStateMachine"/> moves a complaint; see <see cref="ComplaintTransitionTable"/>.</summary>
[JsonConverter(typeof(KebabCaseEnumConverter<ComplaintState>))]
public enum ComplaintState
{
    /// <summary>Nothing received yet.</summary>
    None = 0,

    /// <summary>收到投诉: the acceptance decision is due within 7 working days.</summary>
    Received = 1,

    /// <summary>不予受理 (terminal), with its grounds.</summary>
    Refused = 2,

    /// <summary>受理: mediation may start with both parties' consent; the mediation limit runs from acceptance.</summary>
    Accepted = 3,

    /// <summary>调解中.</summary>
    Mediating = 4,

    /// <summary>调解暂停: appraisal or testing runs and its time is not counted in the mediation limit.</summary>
    MediationPaused = 5,

    /// <summary>达成调解协议.</summary>
    Agreed = 6,

    /// <summary>终止调解, with its ground: both parties are to be told within 7 working days.</summary>
    MediationEnded = 7,

    /// <summary>办结 (terminal).</summary>
    Closed = 8,
}

/// <summary>What happened to a complaint.</summary>
[JsonConverter(typeof(KebabCaseEnumConverter<ComplaintEventKind>))]
public enum ComplaintEventKind
{
    /// <summary>The complaint was received (its date decides the governing order).</summary>
    Received = 0,

    /// <summary>The bureau accepted it (受理).</summary>
    Accepted = 1,

    /// <summary>The bureau refused it (不予受理), with its grounds.</summary>
    Refused = 2,

    /// <summary>Mediation started with both parties' consent.</summary>
    MediationStarted = 3,

    /// <summary>Appraisal or testing started: the mediation limit pauses.</summary>
    TestingStarted = 4,

    /// <summary>Appraisal or testing ended: the mediation limit runs again (the end day counts).</summary>
    TestingEnded = 5,

    /// <summary>The parties reached a mediation agreement.</summary>
    AgreementReached = 6,

    /// <summary>The bureau terminated mediation (终止调解), with its ground.</summary>
    MediationTerminated = 7,

    /// <summary>Both parties were told of the termination.</summary>
    TerminationNotified = 8,

    /// <summary>The complaint was closed after an agreement.</summary>
    Closed = 9,

    /// <summary>A jurisdiction dispute with another bureau arose (7 working days to settle it).</summary>
    JurisdictionDisputed = 10,

    /// <summary>The jurisdiction dispute was settled or sent up.</summary>
    JurisdictionSettled = 11,

    /// <summary>A clue of a violation was found (15 working days to verify it).</summary>
    ClueFound = 12,

    /// <summary>Clue verification extended by 15 working days (Order 121: with the head's approval).</summary>
    ClueVerificationExtended = 13,

    /// <summary>Clue verification finished: a penalty case was opened (case.transition/1 takes it from there) or not.</summary>
    ClueResolved = 14,
}

/// <summary>Grounds for refusing a complaint (不予受理), as the caller establishes them: Order 20 Art 15 (six items), Order 121 Art 16 (seven items).</summary>
[JsonConverter(typeof(KebabCaseEnumConverter<ComplaintRefusalGround>))]
public enum ComplaintRefusalGround
{
    /// <summary>No ground.</summary>
    None = 0,

    /// <summary>(一) not a market-supervision duty, or this bureau has no authority (both orders).</summary>
    OutsideDutyOrAuthority = 1,

    /// <summary>(二) a court, arbitration body, SAMR bureau or other agency, or a consumer association, has handled the same dispute (both orders).</summary>
    HandledElsewhere = 2,

    /// <summary>(二) under Order 20 only: another mediation organisation set up by law has handled it (dropped by Order 121).</summary>
    HandledByMediationOrganisation = 3,

    /// <summary>(三) not for household consumption, or no provable consumer dispute with the respondent (both orders; Order 121 Art 17 factors).</summary>
    NotConsumerDispute = 4,

    /// <summary>(四) more than 3 years since the complainant knew or should have known of the harm (both orders).</summary>
    LimitationExpired = 5,

    /// <summary>(五) the materials the order requires are missing (both orders).</summary>
    MissingMaterials = 6,

    /// <summary>(五) under Order 121 only: false materials.</summary>
    FalseMaterials = 7,

    /// <summary>(六) under Order 121 only: another person's name used, or identity verification refused.</summary>
    IdentityNotVerified = 8,

    /// <summary>Order 20 (六), Order 121 (七): another ground set by a law, regulation or rule.</summary>
    OtherLegalGround = 9,
}

/// <summary>Grounds for terminating mediation (终止调解): Order 20 Art 21 (seven items), Order 121 Art 23 ¶1 (eight items).</summary>
[JsonConverter(typeof(KebabCaseEnumConverter<MediationEndGround>))]
public enum MediationEndGround
{
    /// <summary>No ground.</summary>
    None = 0,

    /// <summary>The complaint was withdrawn or the parties settled (both orders, (一)).</summary>
    WithdrawnOrSettled = 1,

    /// <summary>A party did not attend without good reason, or the respondent refused mediation (Order 20 (三); Order 121 (二)).</summary>
    NoShowOrRespondentRefused = 2,

    /// <summary>Order 121 (二) only: the complainant refused mediation.</summary>
    ComplainantRefused = 3,

    /// <summary>A party said no agreement is possible (Order 20 (四); Order 121 (三)).</summary>
    NoAgreementPossible = 4,

    /// <summary>No agreement on the testing fees (Order 20 (二), which also covers the choice of lab; Order 121 (四), fees only).</summary>
    TestingFeesDisagreement = 5,

    /// <summary>Order 20 (二) only: no agreement on the testing lab (under Order 121 the bureau may designate one, Art 22).</summary>
    TestingLabDisagreement = 6,

    /// <summary>The mediation limit passed without agreement: 45 working days (Order 20 (五)) or 60 days (Order 121 (五)).</summary>
    LimitElapsed = 7,

    /// <summary>A refusal ground found after acceptance (Order 20 (六); Order 121 (六)).</summary>
    RefusalGroundFound = 8,

    /// <summary>Order 121 (六) only: fraud or extortion under Art 42 found after acceptance.</summary>
    FraudFound = 9,

    /// <summary>Order 121 (七) only: a party died or lost its legal personality.</summary>
    PartyCeased = 10,

    /// <summary>Another ground set by a law, regulation or rule (Order 20 (七); Order 121 (八)).</summary>
    OtherLegalGround = 11,
}

/// <summary>What pauses the mediation limit.</summary>
[JsonConverter(typeof(KebabCaseEnumConverter<MediationPause>))]
public enum MediationPause
{
    /// <summary>None.</summary>
    None = 0,

    /// <summary>检测 testing (both orders).</summary>
    Testing = 1,

    /// <summary>鉴定 appraisal (both orders).</summary>
    Appraisal = 2,

    /// <summary>检定 or 检验 (metrological verification, inspection): Order 20 Art 20 only.</summary>
    VerificationOrInspection = 3,

    /// <summary>回避申请 中止 (Order 121 Art 21): whether it stops the 60 days is not stated (Q-C3), so it is not accepted as a pause.</summary>
    Recusal = 4,
}

/// <summary>The deadlines of a complaint.</summary>
[JsonConverter(typeof(KebabCaseEnumConverter<ComplaintDeadlineKind>))]
public enum ComplaintDeadlineKind
{
    /// <summary>None.</summary>
    None = 0,

    /// <summary>受理决定 (7 working days from receipt).</summary>
    Acceptance = 1,

    /// <summary>调解期限 (45 working days or 60 days from acceptance, pauses excluded).</summary>
    Mediation = 2,

    /// <summary>终止调解告知 (7 working days from the termination decision).</summary>
    TerminationNotice = 3,

    /// <summary>管辖争议 (7 working days from the dispute).</summary>
    JurisdictionDispute = 4,

    /// <summary>线索核查 (15 working days, +15).</summary>
    ClueVerification = 5,
}

/// <summary>
/// Everything the machine knows about a complaint, owned by the caller and passed back with each event. Only
/// <see cref="ComplaintStateMachine"/> produces snapshots other than <see cref="Initial"/>. A small value: deciding an
/// event allocates nothing (the mediation clock's pauses are banked as the kernel's <see cref="PeriodPauses"/>, the
/// deadlines met and missed, the refusal grounds and the days are kept packed).
/// </summary>
/// <remarks>Equality is member-wise. The default value of this type is <see cref="Initial"/>. Thread-safe: immutable.</remarks>
public readonly record struct ComplaintSnapshot
{
    private readonly LocalDate receivedOn;
    private readonly LocalDate harmKnownOn;
    private readonly LocalDate decidedOn;
    private readonly LocalDate mediationStartedOn;
    private readonly LocalDate agreedOn;
    private readonly LocalDate endedOn;
    private readonly LocalDate notifiedOn;
    private readonly LocalDate disputeSince;
    private readonly LocalDate clueFoundOn;

    /// <summary>A complaint before its first event.</summary>
    public static ComplaintSnapshot Initial => default;

    /// <summary>The stage.</summary>
    public ComplaintState State { get; init; }

    /// <summary>The governing order, chosen by the receipt date.</summary>
    public ComplaintOrder Order { get; init; }

    /// <summary>How many events were accepted.</summary>
    public int EventCount { get; init; }

    /// <summary>The instant of the last accepted event.</summary>
    public Instant LastEventAt { get; init; }

    /// <summary>The day the complaint was received.</summary>
    public LocalDate? ReceivedOn
    {
        get => RecordedDays.Read(present, 0, receivedOn);
        init => present = RecordedDays.Write(0, ref receivedOn, value, present);
    }

    /// <summary>The day the complainant knew or should have known of the harm, when given.</summary>
    public LocalDate? HarmKnownOn
    {
        get => RecordedDays.Read(present, 1, harmKnownOn);
        init => present = RecordedDays.Write(1, ref harmKnownOn, value, present);
    }

    /// <summary>The day of the acceptance or refusal decision.</summary>
    public LocalDate? DecidedOn
    {
        get => RecordedDays.Read(present, 2, decidedOn);
        init => present = RecordedDays.Write(2, ref decidedOn, value, present);
    }

    /// <summary>The refusal grounds, each once in the order the enum lists them (made from the packed set on each read).</summary>
    public ImmutableArray<ComplaintRefusalGround> RefusalGrounds { get => RefusalGroundSet.ToArray(); init => RefusalGroundSet = ComplaintRefusalGrounds.Of(value); }

    internal ComplaintRefusalGrounds RefusalGroundSet { get; init; }

    /// <summary>The day mediation started.</summary>
    public LocalDate? MediationStartedOn
    {
        get => RecordedDays.Read(present, 3, mediationStartedOn);
        init => present = RecordedDays.Write(3, ref mediationStartedOn, value, present);
    }

    /// <summary>The day the running appraisal or testing started, or <see langword="null"/> (the running pause of <see cref="MediationPauses"/>).</summary>
    public LocalDate? PausedSince => MediationPauses.RunningSince;

    /// <summary>The kind of the running pause.</summary>
    public MediationPause Pause { get; init; }

    /// <summary>The mediation limit's clock: the days appraisal and testing excluded so far (from the day testing started to the day before it ended) and the pause running now.</summary>
    public PeriodPauses MediationPauses { get; init; }

    /// <summary>The day of the agreement.</summary>
    public LocalDate? AgreedOn
    {
        get => RecordedDays.Read(present, 4, agreedOn);
        init => present = RecordedDays.Write(4, ref agreedOn, value, present);
    }

    /// <summary>The day mediation was terminated.</summary>
    public LocalDate? EndedOn
    {
        get => RecordedDays.Read(present, 5, endedOn);
        init => present = RecordedDays.Write(5, ref endedOn, value, present);
    }

    /// <summary>Why mediation was terminated.</summary>
    public MediationEndGround EndGround { get; init; }

    /// <summary>The day the parties were told of the termination.</summary>
    public LocalDate? NotifiedOn
    {
        get => RecordedDays.Read(present, 6, notifiedOn);
        init => present = RecordedDays.Write(6, ref notifiedOn, value, present);
    }

    /// <summary>The day a jurisdiction dispute arose, while it is open.</summary>
    public LocalDate? DisputeSince
    {
        get => RecordedDays.Read(present, 7, disputeSince);
        init => present = RecordedDays.Write(7, ref disputeSince, value, present);
    }

    /// <summary>The day a clue of a violation was found, while it is being verified.</summary>
    public LocalDate? ClueFoundOn
    {
        get => RecordedDays.Read(present, 8, clueFoundOn);
        init => present = RecordedDays.Write(8, ref clueFoundOn, value, present);
    }

    /// <summary>Clue verification was extended.</summary>
    public bool ClueExtended { get; init; }

    /// <summary>A penalty case was opened on the clue.</summary>
    public bool CaseOpenedOnClue { get; init; }

    /// <summary>The deadlines met late so far, in the order they were missed (made from the packed list on each read).</summary>
    public ImmutableArray<ComplaintDeadlineKind> Missed { get => MissedLog.ToArray(); init => MissedLog = ComplaintDeadlineLog.Of(value); }

    /// <summary>The deadlines met in time so far, in order (made from the packed list on each read).</summary>
    public ImmutableArray<ComplaintDeadlineKind> Met { get => MetLog.ToArray(); init => MetLog = ComplaintDeadlineLog.Of(value); }

    internal ComplaintDeadlineLog MissedLog { get; init; }

    internal ComplaintDeadlineLog MetLog { get; init; }

    // Which days are recorded, bit n for the n-th day field in declaration order: the nine days as dates and a mask
    // are 38 bytes where nine nullable dates were 72, and every accepted event copies the snapshot.
    private readonly ushort present;

}

/// <summary>
/// A set of refusal grounds as bits (ground n at bit n): a refusal records each ground once, in the enum's order, so
/// the set is the whole list and the snapshot and the decision carry no array.
/// </summary>
internal readonly record struct ComplaintRefusalGrounds
{
    private readonly ushort bits;

    private ComplaintRefusalGrounds(ushort bits) => this.bits = bits;

    public static ComplaintRefusalGrounds Of(ImmutableArray<ComplaintRefusalGround> grounds)
    {
        var bits = 0;
        foreach (var ground in grounds.IsDefault ? [] : grounds)
        {
            bits |= 1 << (int)ground;
        }
        return new((ushort)bits);
    }

    public ImmutableArray<ComplaintRefusalGround> ToArray()
    {
        if (bits == 0)
        {
            return [];
        }
        var grounds = new ComplaintRefusalGround[System.Numerics.BitOperations.PopCount(bits)];
        var i = 0;
        for (var rest = (uint)bits; rest != 0; rest &= rest - 1)
        {
            grounds[i++] = (ComplaintRefusalGround)System.Numerics.BitOperations.TrailingZeroCount(rest);
        }
        return System.Runtime.InteropServices.ImmutableCollectionsMarshal.AsImmutableArray(grounds);
    }
}

/// <summary>
/// A list of deadline kinds kept without an array while it is short: up to 16 kinds (each 1–5) packed four bits each,
/// oldest in the lowest bits; a longer list (a complaint with many disputes or clues) is kept as an array.
/// </summary>
internal readonly record struct ComplaintDeadlineLog
{
    private const int Packable = 16;
    private readonly ulong packed;
    private readonly ImmutableArray<ComplaintDeadlineKind> spilled;

    private ComplaintDeadlineLog(ulong packed, ImmutableArray<ComplaintDeadlineKind> spilled)
    {
        this.packed = packed;
        this.spilled = spilled;
    }

    public int Length => !spilled.IsDefault ? spilled.Length : (64 - System.Numerics.BitOperations.LeadingZeroCount(packed) + 3) / 4;

    // Member-wise, as the snapshot's equality promises: two logs are equal when they list the same kinds in the same
    // order. A list is packed exactly when it has at most 16 kinds and no None (Add decides it alone), so a packed and a
    // spilled log never list the same kinds; two spilled logs compare their kinds, not their arrays' references.
    public bool Equals(ComplaintDeadlineLog other) =>
        spilled.IsDefault == other.spilled.IsDefault
        && (spilled.IsDefault ? packed == other.packed : spilled.AsSpan().SequenceEqual(other.spilled.AsSpan()));

    public override int GetHashCode()
    {
        if (spilled.IsDefault)
        {
            return packed.GetHashCode();
        }
        var hash = new HashCode();
        foreach (var kind in spilled)
        {
            hash.Add(kind);
        }
        return hash.ToHashCode();
    }

    public static ComplaintDeadlineLog Of(ImmutableArray<ComplaintDeadlineKind> kinds)
    {
        var log = default(ComplaintDeadlineLog);
        foreach (var kind in kinds.IsDefault ? [] : kinds)
        {
            log = log.Add(kind);
        }
        return log;
    }

    public ComplaintDeadlineLog Add(ComplaintDeadlineKind kind)
    {
        var length = Length;
        if (spilled.IsDefault && length < Packable && kind != ComplaintDeadlineKind.None)
        {
            return new(packed | ((ulong)kind << (4 * length)), default);
        }
        return new(0, ToArray().Add(kind));
    }

    public ImmutableArray<ComplaintDeadlineKind> ToArray()
    {
        if (!spilled.IsDefault)
        {
            return spilled;
        }
        var length = Length;
        if (length == 0)
        {
            return [];
        }
        var kinds = new ComplaintDeadlineKind[length];
        for (var i = 0; i < length; i++)
        {
            kinds[i] = (ComplaintDeadlineKind)((packed >> (4 * i)) & 0xF);
        }
        return System.Runtime.InteropServices.ImmutableCollectionsMarshal.AsImmutableArray(kinds);
    }
}

/// <summary>One thing that happened to a complaint, with its instant and the facts its guards need.</summary>
/// <remarks>Thread-safe: immutable.</remarks>
public sealed record ComplaintEvent
{
    /// <summary>Creates an event.</summary>
    /// <param name="kind">What happened.</param>
    /// <param name="at">When it happened (its legal date is taken in Asia/Shanghai).</param>
    public ComplaintEvent(ComplaintEventKind kind, Instant at)
    {
        Kind = kind;
        At = at;
    }

    /// <summary>What happened.</summary>
    public ComplaintEventKind Kind { get; init; }

    /// <summary>When it happened.</summary>
    public Instant At { get; init; }

    /// <summary>For <see cref="ComplaintEventKind.Received"/>: the day the complainant knew or should have known of the harm (the 3-year limitation).</summary>
    public LocalDate? HarmKnownOn { get; init; }

    /// <summary>For <see cref="ComplaintEventKind.Refused"/>: every ground that applies.</summary>
    public ImmutableArray<ComplaintRefusalGround> RefusalGrounds { get; init; } = [];

    /// <summary>For <see cref="ComplaintEventKind.MediationStarted"/>: both parties consented.</summary>
    public bool BothPartiesConsent { get; init; }

    /// <summary>For <see cref="ComplaintEventKind.TestingStarted"/>: what pauses the limit.</summary>
    public MediationPause Pause { get; init; }

    /// <summary>For <see cref="ComplaintEventKind.MediationTerminated"/>: the ground.</summary>
    public MediationEndGround EndGround { get; init; }

    /// <summary>For <see cref="ComplaintEventKind.ClueVerificationExtended"/>: the head approved it (required under Order 121).</summary>
    public bool HeadApproved { get; init; }

    /// <summary>For <see cref="ComplaintEventKind.ClueResolved"/>: a penalty case was opened.</summary>
    public bool CaseOpened { get; init; }

    /// <summary>Who recorded it; kept, never used by a guard.</summary>
    public string? Actor { get; init; }
}

/// <summary>A deadline of a complaint on a given day.</summary>
/// <param name="Kind">Which deadline.</param>
/// <param name="From">The day it counts from (not itself counted).</param>
/// <param name="LastDay">The last day to act.</param>
/// <param name="ExpiresAt">The instant it runs out.</param>
/// <param name="Overdue">Whether it had run out on the day asked.</param>
/// <param name="Paused">Whether its clock is paused on the day asked (the last day then moves on).</param>
/// <param name="ExcludedDays">The days not counted because of pauses.</param>
/// <param name="Citation">Its legal source.</param>
public sealed record ComplaintDeadline(ComplaintDeadlineKind Kind, LocalDate From, LocalDate LastDay, Instant ExpiresAt, bool Overdue, bool Paused, int ExcludedDays, Citation Citation);

/// <summary>The result of one accepted event: the states before and after, the new snapshot, the running deadlines and the explanation.</summary>
/// <remarks>
/// <para>The event is decided at once; <see cref="Deadlines"/> and <see cref="Explanation"/> are made from the step the
/// first time they are read (a caller replaying a history reads the snapshots, one showing a step reads the rest).</para>
/// <para>This type is immutable and thread-safe (two threads reading a part first may both make it; one is kept).</para>
/// </remarks>
public sealed class ComplaintStep
{
    private readonly ComplaintStateMachine machine;
    [Memoised]
    private ComplaintDeadline[]? deadlines;
    [Memoised]
    private Explanation? explanation;

    internal ComplaintStep(ComplaintStateMachine machine, in ComplaintSnapshot before, ComplaintEvent @event, in ComplaintSnapshot snapshot)
    {
        this.machine = machine;
        Before = before;
        Event = @event;
        Snapshot = snapshot;
    }

    /// <summary>The state before.</summary>
    public ComplaintState From => Before.State;

    /// <summary>The state after.</summary>
    public ComplaintState To => Snapshot.State;

    /// <summary>The snapshot before the event.</summary>
    public ComplaintSnapshot Before { get; }

    /// <summary>The event applied.</summary>
    public ComplaintEvent Event { get; }

    /// <summary>The new snapshot.</summary>
    public ComplaintSnapshot Snapshot { get; }

    /// <summary>The deadlines running on the event's day.</summary>
    public ImmutableArray<ComplaintDeadline> Deadlines
    {
        get
        {
            if (deadlines is not { } made)
            {
                var built = System.Runtime.InteropServices.ImmutableCollectionsMarshal.AsArray(machine.Deadlines(Snapshot, LegalTime.DateOf(Event.At)))!;
                made = Interlocked.CompareExchange(ref deadlines, built, null) ?? built;
            }
            return System.Runtime.InteropServices.ImmutableCollectionsMarshal.AsImmutableArray(made);
        }
    }

    /// <summary>Why: the governing order, the transition, every running deadline and the parameters used.</summary>
    public Explanation Explanation => Memo.Once(ref explanation, this, static self => self.machine.Explain(self));
}
