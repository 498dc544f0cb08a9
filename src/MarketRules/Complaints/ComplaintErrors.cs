namespace MarketRules.Complaints;

/// <summary>The coded messages of complaint handling (<c>MR.Complaints.*</c>): each says which rule forbids the event and what would allow it.</summary>
public static class ComplaintErrors
{
    /// <summary>The (state, event) pair is not in the transition table.</summary>
    public static readonly MessageDefinition IllegalTransition = new("MR.Complaints.IllegalTransition",
        "投诉处于“{State}”时不能发生“{Event}”（投诉处理状态转换表）；此状态下允许：{Allowed}",
        "A complaint in state '{State}' cannot take event '{Event}' (complaint transition table); allowed here: {Allowed}");

    /// <summary>The event is earlier than the last one.</summary>
    public static readonly MessageDefinition EventInPast = new("MR.Complaints.EventInPast",
        "事件“{Event}”早于上一事件（{Limit}）；请按时间顺序记录",
        "Event '{Event}' is earlier than the last recorded event ({Limit}); record events in time order");

    /// <summary>An earlier report was received after the report being decided.</summary>
    public static readonly MessageDefinition ReportOutOfOrder = new("MR.Complaints.ReportOutOfOrder",
        "在先举报的接收日期不得晚于本次举报",
        "An earlier report cannot be received after the report being decided");

    /// <summary>The filing decision is dated before the report was received.</summary>
    public static readonly MessageDefinition FilingBeforeReport = new("MR.Complaints.FilingBeforeReport",
        "是否立案的决定日期不得早于举报接收日期",
        "The decision whether to open a case cannot precede the report's receipt");

    /// <summary>No order governs the receipt date: {First} and {FirstInForce} name the first order and its first day, from the catalogue.</summary>
    public static readonly MessageDefinition NoOrderInForce = new("MR.Complaints.NoOrderInForce",
        "收到投诉之日（{Limit}）没有有效的投诉举报处理规章（{First}自{FirstInForce}起施行）；请用政策包补充当时的规定",
        "No complaint-handling order was in force on the receipt date ({Limit}) ({First} took force on {FirstInForce}); add the rule of that time with a policy pack");

    /// <summary>A fact the event needs is missing.</summary>
    public static readonly MessageDefinition MissingFact = new("MR.Complaints.MissingFact",
        "事件“{Event}”缺少必要事实：{Limit}",
        "Event '{Event}' lacks a required fact: {Limit}");

    /// <summary>A refusal needs at least one ground.</summary>
    public static readonly MessageDefinition NoRefusalGround = new("MR.Complaints.NoRefusalGround",
        "不予受理须载明理由（{Limit}）；请列出适用的全部情形",
        "A refusal must state its grounds ({Limit}); list every ground that applies");

    /// <summary>A ground not in the governing order's list.</summary>
    public static readonly MessageDefinition GroundNotInForce = new("MR.Complaints.GroundNotInForce",
        "“{Ground}”不是{Limit}规定的情形；请使用该规章所列情形",
        "'{Ground}' is not a ground under {Limit}; use a ground that order lists");

    /// <summary>The limitation ground is not established by the dates.</summary>
    public static readonly MessageDefinition GroundNotEstablished = new("MR.Complaints.GroundNotEstablished",
        "超过{Period}的情形不成立：投诉时效至{Limit}，收到投诉时尚未届满（或未提供知道权益受侵害之日）",
        "The ground of more than {Period} does not hold: the limitation runs until {Limit} and had not run out on receipt (or the day the harm was known was not given)");

    /// <summary>A complaint out of time must be refused, not accepted.</summary>
    public static readonly MessageDefinition LimitationExpired = new("MR.Complaints.LimitationExpired",
        "投诉人知道或者应当知道权益受到侵害之日起已超过{Period}（至{Limit}），应当不予受理；请以该情形作出不予受理决定",
        "More than {Period} passed since the complainant knew or should have known of the harm (until {Limit}); the complaint must be refused on that ground");

    /// <summary>Mediation needs both parties' consent.</summary>
    public static readonly MessageDefinition ConsentRequired = new("MR.Complaints.ConsentRequired",
        "调解须经投诉人和被投诉人同意（{Limit}）；一方不同意的，请以相应情形终止调解",
        "Mediation needs both parties' consent ({Limit}); if a party refuses, terminate mediation on that ground");

    /// <summary>A pause the governing order does not exclude.</summary>
    public static readonly MessageDefinition PauseNotExcluded = new("MR.Complaints.PauseNotExcluded",
        "“{Pause}”所需时间不属于{Limit}规定不计入调解期限的时间",
        "The time for '{Pause}' is not excluded from the mediation limit under {Limit}");

    /// <summary>The mediation limit has passed.</summary>
    public static readonly MessageDefinition MediationLimitExpired = new("MR.Complaints.MediationLimitExpired",
        "调解期限已于{Limit}届满且未达成调解协议，应当终止调解；请以期限届满为由终止调解",
        "The mediation limit ended on {Limit} without agreement, so mediation must be terminated; terminate it because the limit elapsed");

    /// <summary>The limit ground before the limit passed.</summary>
    public static readonly MessageDefinition LimitNotElapsed = new("MR.Complaints.LimitNotElapsed",
        "调解期限至{Limit}届满，尚未届满，不能以期限届满为由终止调解",
        "The mediation limit runs until {Limit}; mediation cannot be terminated because the limit elapsed before it has");

    /// <summary>A ground not in the governing order's termination list.</summary>
    public static readonly MessageDefinition EndGroundNotInForce = new("MR.Complaints.EndGroundNotInForce",
        "“{Ground}”不是{Limit}规定的终止调解情形",
        "'{Ground}' is not a termination ground under {Limit}");

    /// <summary>A clue is already being verified, or none is.</summary>
    public static readonly MessageDefinition ClueNotApplicable = new("MR.Complaints.ClueNotApplicable",
        "线索核查：{Limit}",
        "Clue verification: {Limit}");

    /// <summary>The clue extension needs the head's approval or was used.</summary>
    public static readonly MessageDefinition ClueExtensionNotAllowed = new("MR.Complaints.ClueExtensionNotAllowed",
        "线索核查期限只能延长一次{Extension}个工作日，总局令第121号第二十七条要求经负责人批准，且须在期限（至{Limit}）届满前",
        "Clue verification may be extended once by {Extension} working days, with the head's approval under Order 121 Art 27, and before the period (until {Limit}) ends");

    /// <summary>No jurisdiction dispute is open, or one already is.</summary>
    public static readonly MessageDefinition DisputeNotApplicable = new("MR.Complaints.DisputeNotApplicable",
        "管辖争议：{Limit}",
        "Jurisdiction dispute: {Limit}");
}

/// <summary>The coded reasons of complaint decisions.</summary>
public static class ComplaintReasons
{
    /// <summary>The governing order, chosen by the receipt date.</summary>
    public static readonly MessageDefinition GoverningOrder = new("MR.Complaints.GoverningOrder",
        "{Subject}于{Received}收到，适用{Order}：{Newer}自{NewerInForce}起施行且无溯及既往条款，按收到之日确定适用的规章",
        "The {Subject} was received on {Received}, so {Order} governs: {Newer} took force on {NewerInForce} without a transitional article, and the order is chosen by the receipt date");

    /// <summary>An accepted transition.</summary>
    public static readonly MessageDefinition Transition = new("MR.Complaints.Transition",
        "“{Event}”：投诉由“{From}”转为“{To}”",
        "'{Event}': the complaint moves from '{From}' to '{To}'");

    /// <summary>A deadline that runs.</summary>
    public static readonly MessageDefinition DeadlineRuns = new("MR.Complaints.DeadlineRuns",
        "{Deadline}：最后一日{Limit}（不计入的天数：{Excluded}）",
        "{Deadline}: last day {Limit} (days not counted: {Excluded})");

    /// <summary>A deadline met late.</summary>
    public static readonly MessageDefinition DeadlineMissed = new("MR.Complaints.DeadlineMissed",
        "{Deadline}已于{Limit}届满，本事件逾期作出",
        "{Deadline} ended on {Limit}; this event came late");

    /// <summary>A refusal ground.</summary>
    public static readonly MessageDefinition RefusalGround = new("MR.Complaints.RefusalGround",
        "不予受理情形：{Ground}",
        "Refusal ground: {Ground}");

    /// <summary>A termination ground.</summary>
    public static readonly MessageDefinition EndGround = new("MR.Complaints.EndGround",
        "终止调解情形：{Ground}",
        "Termination ground: {Ground}");

    /// <summary>How Order 121 Art 45 was read for the last day.</summary>
    public static readonly MessageDefinition PeriodCounting = new("MR.Complaints.PeriodCounting",
        "期间按{Rule}计算：开始的当日不计入；最后一日是法定节假日的顺延至其后第一日；普通周末{Weekend}",
        "Periods counted under {Rule}: the start day is not counted; a last day on a statutory holiday moves to the first day after it; an ordinary weekend {Weekend}");
}
