namespace MarketRules.Complaints;

// The words texts use for a complaint's states, events, grounds, pauses and deadlines: Chinese in the zh text, English
// in the en text (never the JSON id inside a Chinese sentence). One table per enum, made once.
internal static class ComplaintLabels
{
    private static readonly LocalizedText[] States =
    [
        new("未收到", "nothing received"),
        new("已收到", "received"),
        new("不予受理", "refused"),
        new("已受理", "accepted"),
        new("调解中", "mediating"),
        new("调解暂停（检测、鉴定期间）", "mediation paused (testing or appraisal)"),
        new("达成调解协议", "agreement reached"),
        new("终止调解", "mediation terminated"),
        new("办结", "closed"),
    ];

    private static readonly LocalizedText[] Events =
    [
        new("收到投诉", "complaint received"),
        new("受理", "accepted"),
        new("不予受理", "refused"),
        new("开始调解", "mediation started"),
        new("开始检测、鉴定", "testing started"),
        new("检测、鉴定结束", "testing ended"),
        new("达成调解协议", "agreement reached"),
        new("终止调解", "mediation terminated"),
        new("告知终止调解", "termination notified"),
        new("办结", "closed"),
        new("发生管辖争议", "jurisdiction disputed"),
        new("管辖争议解决", "jurisdiction settled"),
        new("发现违法线索", "clue of a violation found"),
        new("延长线索核查期限", "clue verification extended"),
        new("线索核查完毕", "clue verification ended"),
    ];

    private static readonly LocalizedText[] RefusalGrounds =
    [
        new("无", "none"),
        new("不属于市场监督管理部门职责，或者本行政机关不具有处理权限", "outside market supervision's duties or this bureau's authority"),
        new("法院、仲裁机构、市场监督管理部门或者其他行政机关、消费者协会已经受理或者处理过同一纠纷", "the same dispute was handled by a court, arbitration body, bureau or consumer association"),
        new("依法成立的其他调解组织已经受理或者处理过同一纠纷", "another mediation organisation set up by law handled it"),
        new("不是为生活消费需要购买、使用商品或者接受服务，或者不能证明与被投诉人之间存在消费者权益争议", "not for household consumption, or no provable consumer dispute with the respondent"),
        new("超过投诉时效", "the complaint limitation has run out"),
        new("未提供规定的材料", "the required materials are missing"),
        new("提供的材料虚假", "the materials are false"),
        new("冒用他人名义或者拒绝核实身份", "another person's name used or identity verification refused"),
        new("法律、法规、规章规定不予受理的其他情形", "another ground set by a law, regulation or rule"),
    ];

    private static readonly LocalizedText[] EndGrounds =
    [
        new("无", "none"),
        new("投诉人撤回投诉或者双方自行和解", "the complaint was withdrawn or the parties settled"),
        new("一方无正当理由不参加调解，或者被投诉人明确拒绝调解", "a party did not attend without good reason, or the respondent refused mediation"),
        new("投诉人拒绝调解", "the complainant refused mediation"),
        new("经组织调解，一方明确表示无法达成调解协议", "a party said no agreement is possible"),
        new("双方对检测费用不能达成一致", "no agreement on the testing fees"),
        new("双方对检测机构不能达成一致", "no agreement on the testing lab"),
        new("调解期限届满仍未达成调解协议", "the mediation limit passed without agreement"),
        new("受理后发现不予受理情形", "a refusal ground found after acceptance"),
        new("发现投诉人存在欺诈、敲诈勒索等情形", "fraud or extortion found"),
        new("当事人死亡或者终止", "a party died or ceased to exist"),
        new("法律、法规、规章规定的其他终止调解情形", "another ground set by a law, regulation or rule"),
    ];

    private static readonly LocalizedText[] Pauses =
    [
        new("无", "none"),
        new("检测", "testing"),
        new("鉴定", "appraisal"),
        new("检定、检验", "verification or inspection"),
        new("回避申请", "recusal"),
    ];

    private static readonly LocalizedText[] Deadlines =
    [
        new("无", "none"),
        new("受理决定期限", "acceptance decision"),
        new("调解期限", "mediation limit"),
        new("终止调解告知期限", "notice of termination"),
        new("管辖争议协商期限", "jurisdiction dispute"),
        new("线索核查期限", "clue verification"),
    ];

    internal static LocalizedText Of(ComplaintState state) => Pick(States, (int)state);

    internal static LocalizedText Of(ComplaintEventKind kind) => Pick(Events, (int)kind);

    internal static LocalizedText Of(ComplaintRefusalGround ground) => Pick(RefusalGrounds, (int)ground);

    internal static LocalizedText Of(MediationEndGround ground) => Pick(EndGrounds, (int)ground);

    internal static LocalizedText Of(MediationPause pause) => Pick(Pauses, (int)pause);

    internal static LocalizedText Of(ComplaintDeadlineKind kind) => Pick(Deadlines, (int)kind);

    // A value outside the enum (a cast number) is named by its number, never by an identifier.
    private static LocalizedText Pick(LocalizedText[] labels, int value) =>
        unchecked((uint)value) < (uint)labels.Length ? labels[value] : new(value.ToString(System.Globalization.CultureInfo.InvariantCulture), value.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
