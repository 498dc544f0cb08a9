using System.Text.Json.Serialization;
using MarketRules.Calendar;
using MarketRules.Json;

namespace MarketRules.SpotChecks;

/// <summary>The level of the bureau that organises a spot check.</summary>
[JsonConverter(typeof(KebabCaseEnumConverter<SpotCheckLevel>))]
public enum SpotCheckLevel
{
    /// <summary>国家 (SAMR).</summary>
    National = 0,

    /// <summary>省级.</summary>
    Provincial = 1,

    /// <summary>市级.</summary>
    City = 2,

    /// <summary>县级 (district or county).</summary>
    County = 3,
}

/// <summary>Why a spot check is made: an ordinary check, or one of the two kinds the repeat-check limits do not apply to.</summary>
[JsonConverter(typeof(KebabCaseEnumConverter<SpotCheckKind>))]
public enum SpotCheckKind
{
    /// <summary>An ordinary planned check (监督抽查).</summary>
    Regular = 0,

    /// <summary>A follow-up check of a product found non-conforming (跟踪抽查): exempt from the repeat-check limits.</summary>
    FollowUp = 1,

    /// <summary>A check made to respond to an emergency (应对突发事件): exempt from the repeat-check limits.</summary>
    Emergency = 2,
}

/// <summary>Where a lot (one sampled batch) stands in its journey.</summary>
[JsonConverter(typeof(KebabCaseEnumConverter<SpotCheckState>))]
public enum SpotCheckState
{
    /// <summary>Nothing recorded yet.</summary>
    None = 0,

    /// <summary>计划: the lot is in a check plan.</summary>
    Planned,

    /// <summary>已抽样: the sample is drawn and sent for testing.</summary>
    Sampled,

    /// <summary>检验不合格: the test found the lot non-conforming; the result is not yet served.</summary>
    NonConforming,

    /// <summary>已告知: the producer or seller received the result; the re-test window runs and sales must stop.</summary>
    Notified,

    /// <summary>复检中: a re-test was requested in time.</summary>
    RetestRequested,

    /// <summary>结论确定: the re-test upheld the first result (final), the applicant bears its cost.</summary>
    Confirmed,

    /// <summary>责令整改: ordered to rectify (60 days); the bureau reviews within 75 days.</summary>
    RectificationOrdered,

    /// <summary>复查不合格: the review failed; reported level by level to the province for announcement.</summary>
    ReviewFailed,

    /// <summary>已公告: announced by the province; the second review falls after day 60 and before day 90.</summary>
    Announced,

    /// <summary>停业整顿: ordered to suspend business and reorganise until a set day; reviewed after it.</summary>
    Reorganisation,

    /// <summary>结束: see <see cref="SpotCheckCloseReason"/>.</summary>
    Closed,
}

/// <summary>What happened to a lot.</summary>
[JsonConverter(typeof(KebabCaseEnumConverter<SpotCheckEventKind>))]
public enum SpotCheckEventKind
{
    /// <summary>Not an event.</summary>
    None = 0,

    /// <summary>The lot was put in a check plan.</summary>
    Planned,

    /// <summary>The sample was drawn.</summary>
    Sampled,

    /// <summary>The test found the lot conforming: the journey ends.</summary>
    TestedConforming,

    /// <summary>The test found the lot non-conforming.</summary>
    TestedNonConforming,

    /// <summary>The producer or seller received the result (the re-test window runs from this day).</summary>
    ResultReceived,

    /// <summary>Sales and production of the same product stopped (总局令第18号 第四十五条: at once).</summary>
    SaleStopped,

    /// <summary>A re-test was requested (only within the window).</summary>
    RetestRequested,

    /// <summary>The re-test upheld the first result: final, the applicant pays.</summary>
    RetestUpheld,

    /// <summary>The re-test differed from the first result: final, the lot conforms and the bureau pays.</summary>
    RetestOverturned,

    /// <summary>The bureau ordered rectification (责令改正).</summary>
    RectificationOrdered,

    /// <summary>The review found the product conforming.</summary>
    ReviewPassed,

    /// <summary>The review found it still non-conforming.</summary>
    ReviewFailed,

    /// <summary>The provincial bureau announced the failure.</summary>
    Announced,

    /// <summary>The second review found the product conforming.</summary>
    SecondReviewPassed,

    /// <summary>The second review found it still non-conforming: suspension and reorganisation until <see cref="SpotCheckEvent.Until"/>.</summary>
    SecondReviewFailed,

    /// <summary>The review after reorganisation found the product conforming.</summary>
    ReorganisationReviewPassed,

    /// <summary>The review after reorganisation found it still non-conforming: the business licence is revoked.</summary>
    ReorganisationReviewFailed,
}

/// <summary>Why a lot's journey ended.</summary>
[JsonConverter(typeof(KebabCaseEnumConverter<SpotCheckCloseReason>))]
public enum SpotCheckCloseReason
{
    /// <summary>Not closed.</summary>
    None = 0,

    /// <summary>The test found the lot conforming.</summary>
    Conforming,

    /// <summary>The re-test overturned the first result.</summary>
    RetestOverturned,

    /// <summary>The review after rectification passed.</summary>
    Rectified,

    /// <summary>The second review after the announcement passed.</summary>
    RectifiedAfterAnnouncement,

    /// <summary>The review after reorganisation passed.</summary>
    RectifiedAfterReorganisation,

    /// <summary>The review after reorganisation failed: the business licence is revoked (产品质量法 第十七条).</summary>
    BusinessLicenceRevoked,
}

/// <summary>Who bears the cost of a re-test, once its result is known.</summary>
[JsonConverter(typeof(KebabCaseEnumConverter<RetestCostBearer>))]
public enum RetestCostBearer
{
    /// <summary>No re-test result yet.</summary>
    None = 0,

    /// <summary>The applicant: the re-test agreed with the first test.</summary>
    Applicant,

    /// <summary>The bureau that organised the check: the re-test differed.</summary>
    OrganisingBureau,
}

/// <summary>A step of the follow-up chain that has a deadline or a window.</summary>
[JsonConverter(typeof(KebabCaseEnumConverter<SpotCheckStep>))]
public enum SpotCheckStep
{
    /// <summary>No step.</summary>
    None = 0,

    /// <summary>The producer's window to ask for a re-test (15 calendar days; food 7 working days).</summary>
    RetestRequest,

    /// <summary>Stop selling the same product: at once, on the day the result is received.</summary>
    StopSale,

    /// <summary>Rectify within 60 days of the order.</summary>
    Rectification,

    /// <summary>The bureau's review within 75 days of the order.</summary>
    FirstReview,

    /// <summary>The second review, after day 60 and before day 90 from the announcement.</summary>
    SecondReview,

    /// <summary>The end of the reorganisation period the bureau set.</summary>
    Reorganisation,
}

/// <summary>Who must act on a step.</summary>
[JsonConverter(typeof(KebabCaseEnumConverter<SpotCheckActor>))]
public enum SpotCheckActor
{
    /// <summary>The sampled producer or seller.</summary>
    Producer = 0,

    /// <summary>The bureau.</summary>
    Bureau = 1,
}

/// <summary>The facts of a lot that do not change along its journey: a small value carried in the lot.</summary>
/// <param name="Food">Whether the lot is food: the re-test window is then 7 working days (食品安全法 第八十八条) instead of 15 calendar days.</param>
/// <param name="Level">The level of the bureau that organised the check.</param>
/// <param name="LicensedProduct">Whether the product needs an industrial production licence: a failed national or provincial check then puts the licence at stake (条例 第五十四条).</param>
/// <remarks>The default value of this type is a lot that is not food, checked at national level (the first <see cref="SpotCheckLevel"/>), not licensed.</remarks>
public readonly record struct SpotCheckLotFacts(bool Food, SpotCheckLevel Level, bool LicensedProduct);

/// <summary>One event of a lot.</summary>
/// <param name="Kind">What happened.</param>
/// <param name="On">The day it happened (Asia/Shanghai).</param>
public sealed record SpotCheckEvent(SpotCheckEventKind Kind, LocalDate On)
{
    /// <summary>For <see cref="SpotCheckEventKind.SecondReviewFailed"/>: the last day of the reorganisation period the bureau set (the law leaves its length to the bureau).</summary>
    public LocalDate? Until { get; init; }
}

/// <summary>
/// A lot's state and the days of the steps taken so far: the caller's snapshot, replaced by a new one on each accepted
/// event. A small value without references (the state, the days the deadlines run from and the facts that choose the
/// periods), so deciding an event allocates nothing and copies little.
/// </summary>
/// <remarks>
/// <para>The days are kept as dates with a mask of which are recorded (half the size of nullable dates); each property
/// reads and writes one of them as a <see cref="LocalDate"/>? like any other.</para>
/// <para>Equality is member-wise. The default value of this type is a lot with nothing recorded and the default facts
/// (<see cref="SpotCheckLotFacts"/>). Immutable and thread-safe.</para>
/// </remarks>
public readonly record struct SpotCheckLot
{
    private readonly LocalDate lastEventOn;
    private readonly LocalDate nonConformingOn;
    private readonly LocalDate resultReceivedOn;
    private readonly LocalDate saleStoppedOn;
    private readonly LocalDate retestRequestedOn;
    private readonly LocalDate rectificationOrderedOn;
    private readonly LocalDate reviewedOn;
    private readonly LocalDate announcedOn;
    private readonly LocalDate secondReviewedOn;
    private readonly LocalDate reorganisationUntil;
    private readonly LocalDate closedOn;

    /// <summary>A lot with nothing recorded.</summary>
    /// <param name="facts">The lot's facts.</param>
    /// <returns>The lot in <see cref="SpotCheckState.None"/>.</returns>
    [System.Diagnostics.Contracts.Pure]
    public static SpotCheckLot New(SpotCheckLotFacts facts) => new() { Facts = facts };

    /// <summary>The lot's facts.</summary>
    public SpotCheckLotFacts Facts { get; init; }

    /// <summary>The state.</summary>
    public SpotCheckState State { get; init; }

    /// <summary>Why it is closed, when it is.</summary>
    public SpotCheckCloseReason CloseReason { get; init; }

    /// <summary>Who bears the re-test cost, once a re-test result is known.</summary>
    public RetestCostBearer RetestCost { get; init; }

    /// <summary>The day of the last accepted event, or <see langword="null"/>.</summary>
    public LocalDate? LastEventOn
    {
        get => RecordedDays.Read(present, 0, lastEventOn);
        init => present = RecordedDays.Write(0, ref lastEventOn, value, present);
    }

    /// <summary>The number of accepted events.</summary>
    public int EventCount { get; init; }

    /// <summary>The day the test found the lot non-conforming.</summary>
    public LocalDate? NonConformingOn
    {
        get => RecordedDays.Read(present, 1, nonConformingOn);
        init => present = RecordedDays.Write(1, ref nonConformingOn, value, present);
    }

    /// <summary>The day the result was received.</summary>
    public LocalDate? ResultReceivedOn
    {
        get => RecordedDays.Read(present, 2, resultReceivedOn);
        init => present = RecordedDays.Write(2, ref resultReceivedOn, value, present);
    }

    /// <summary>The day sales stopped.</summary>
    public LocalDate? SaleStoppedOn
    {
        get => RecordedDays.Read(present, 3, saleStoppedOn);
        init => present = RecordedDays.Write(3, ref saleStoppedOn, value, present);
    }

    /// <summary>The day a re-test was requested.</summary>
    public LocalDate? RetestRequestedOn
    {
        get => RecordedDays.Read(present, 4, retestRequestedOn);
        init => present = RecordedDays.Write(4, ref retestRequestedOn, value, present);
    }

    /// <summary>The day rectification was ordered.</summary>
    public LocalDate? RectificationOrderedOn
    {
        get => RecordedDays.Read(present, 5, rectificationOrderedOn);
        init => present = RecordedDays.Write(5, ref rectificationOrderedOn, value, present);
    }

    /// <summary>The day of the (first) review.</summary>
    public LocalDate? ReviewedOn
    {
        get => RecordedDays.Read(present, 6, reviewedOn);
        init => present = RecordedDays.Write(6, ref reviewedOn, value, present);
    }

    /// <summary>The day of the provincial announcement.</summary>
    public LocalDate? AnnouncedOn
    {
        get => RecordedDays.Read(present, 7, announcedOn);
        init => present = RecordedDays.Write(7, ref announcedOn, value, present);
    }

    /// <summary>The day of the second review.</summary>
    public LocalDate? SecondReviewedOn
    {
        get => RecordedDays.Read(present, 8, secondReviewedOn);
        init => present = RecordedDays.Write(8, ref secondReviewedOn, value, present);
    }

    /// <summary>The last day of the reorganisation period.</summary>
    public LocalDate? ReorganisationUntil
    {
        get => RecordedDays.Read(present, 9, reorganisationUntil);
        init => present = RecordedDays.Write(9, ref reorganisationUntil, value, present);
    }

    /// <summary>The day the journey ended.</summary>
    public LocalDate? ClosedOn
    {
        get => RecordedDays.Read(present, 10, closedOn);
        init => present = RecordedDays.Write(10, ref closedOn, value, present);
    }

    // Which days are recorded. Bit 0: LastEventOn; bits 1-10: the step days, in declaration order. Declared last so
    // the lot packs without padding.
    private readonly ushort present;

}

/// <summary>A step's deadline or window as of a date.</summary>
/// <param name="Step">The step.</param>
/// <param name="Actor">Who must act.</param>
/// <param name="From">The day the period runs from (not counted).</param>
/// <param name="LastDay">The last day the step is in time (after rolling over rest days where the law's rule does).</param>
/// <param name="ExpiresAt">The instant the period runs out (Asia/Shanghai).</param>
/// <param name="Overdue">Whether the as-of date is after <paramref name="LastDay"/> with the step still not taken.</param>
/// <param name="Citation">The rule that sets it.</param>
public sealed record SpotCheckDeadline(SpotCheckStep Step, SpotCheckActor Actor, LocalDate From, LocalDate LastDay, Instant ExpiresAt, bool Overdue, Citation Citation)
{
    /// <summary>For a window, the first day the step may be taken; otherwise <see langword="null"/>.</summary>
    public LocalDate? Opens { get; init; }

    /// <summary>The day the period would have ended had it not been rolled over a rest day, or <see langword="null"/>.</summary>
    public LocalDate? RolledForwardFrom { get; init; }

    /// <summary>The period as counted, e.g. <c>15 days</c>, or <see langword="null"/> for a day the bureau set.</summary>
    public string? Period { get; init; }
}

/// <summary>A step taken after its deadline: accepted (the step did happen) and reported, never silently.</summary>
/// <param name="Step">The step.</param>
/// <param name="LastDay">Its last day.</param>
/// <param name="TakenOn">The day it was taken.</param>
/// <param name="DaysLate">Calendar days after <paramref name="LastDay"/>.</param>
public sealed record SpotCheckLateStep(SpotCheckStep Step, LocalDate LastDay, LocalDate TakenOn, int DaysLate);
