using System.Globalization;
using MarketRules.Calendar;

namespace MarketRules.SpotChecks;

// The words explanations use for states, events and steps: Chinese in the zh text, English in the en text.
internal static class SpotCheckLabels
{
    internal static (string Zh, string En) Of(SpotCheckState state) => state switch
    {
        SpotCheckState.None => ("未记录", "nothing recorded"),
        SpotCheckState.Planned => ("已列入计划", "planned"),
        SpotCheckState.Sampled => ("已抽样", "sampled"),
        SpotCheckState.NonConforming => ("检验不合格", "non-conforming"),
        SpotCheckState.Notified => ("已告知检验结果", "result received"),
        SpotCheckState.RetestRequested => ("复检中", "re-test requested"),
        SpotCheckState.Confirmed => ("不合格结论确定", "non-conformity confirmed"),
        SpotCheckState.RectificationOrdered => ("责令整改", "rectification ordered"),
        SpotCheckState.ReviewFailed => ("复查不合格待公告", "review failed, awaiting announcement"),
        SpotCheckState.Announced => ("已公告", "announced"),
        SpotCheckState.Reorganisation => ("停业整顿", "suspended for reorganisation"),
        _ => ("已结束", "closed"),
    };

    internal static (string Zh, string En) Of(SpotCheckEventKind kind) => kind switch
    {
        SpotCheckEventKind.Planned => ("列入抽查计划", "planned"),
        SpotCheckEventKind.Sampled => ("抽样", "sampled"),
        SpotCheckEventKind.TestedConforming => ("检验合格", "tested conforming"),
        SpotCheckEventKind.TestedNonConforming => ("检验不合格", "tested non-conforming"),
        SpotCheckEventKind.ResultReceived => ("收到检验结果", "result received"),
        SpotCheckEventKind.SaleStopped => ("停止生产销售", "sales stopped"),
        SpotCheckEventKind.RetestRequested => ("申请复检", "re-test requested"),
        SpotCheckEventKind.RetestUpheld => ("复检维持不合格", "re-test upheld"),
        SpotCheckEventKind.RetestOverturned => ("复检结论合格", "re-test overturned"),
        SpotCheckEventKind.RectificationOrdered => ("责令整改", "rectification ordered"),
        SpotCheckEventKind.ReviewPassed => ("复查合格", "review passed"),
        SpotCheckEventKind.ReviewFailed => ("复查不合格", "review failed"),
        SpotCheckEventKind.Announced => ("省级公告", "announced"),
        SpotCheckEventKind.SecondReviewPassed => ("公告后复查合格", "second review passed"),
        SpotCheckEventKind.SecondReviewFailed => ("公告后复查不合格，责令停业整顿", "second review failed, reorganisation ordered"),
        SpotCheckEventKind.ReorganisationReviewPassed => ("整顿期满复查合格", "review after reorganisation passed"),
        SpotCheckEventKind.ReorganisationReviewFailed => ("整顿期满复查不合格，吊销营业执照", "review after reorganisation failed, business licence revoked"),
        _ => ("无", "none"),
    };

    internal static (string Zh, string En) Of(SpotCheckStep step) => step switch
    {
        SpotCheckStep.RetestRequest => ("申请复检", "re-test request"),
        SpotCheckStep.StopSale => ("立即停止生产销售", "stop sales at once"),
        SpotCheckStep.Rectification => ("整改", "rectification"),
        SpotCheckStep.FirstReview => ("组织复查", "review"),
        SpotCheckStep.SecondReview => ("公告后复查", "second review"),
        SpotCheckStep.Reorganisation => ("停业整顿", "reorganisation"),
        _ => ("无", "none"),
    };

    internal static (string Zh, string En) Of(SpotCheckActor actor) => actor == SpotCheckActor.Bureau ? ("市场监管部门", "the bureau") : ("被抽样生产者、销售者", "the producer or seller");

    internal static (string Zh, string En) Of(SpotCheckLevel level) => level switch
    {
        SpotCheckLevel.National => ("国家", "national"),
        SpotCheckLevel.Provincial => ("省级", "provincial"),
        SpotCheckLevel.City => ("市级", "city"),
        _ => ("县级", "county"),
    };

    internal static (string Zh, string En) Of(RetestCostBearer bearer) => bearer == RetestCostBearer.Applicant
        ? ("申请人（复检结论与初检一致）", "the applicant (the re-test agrees with the first test)")
        : ("组织监督抽查的市场监管部门（复检结论与初检不一致）", "the bureau that organised the check (the re-test differs from the first test)");

    internal static (string Zh, string En) Of(LegalPeriod period)
    {
        var text = period.ToLocalizedText();
        return (text.Chinese, text.English);
    }
}
