using System.Text;
using MarketRules.Credit;
using MarketRules.Parameters;
using MarketRules.Tests.Kernel;

namespace MarketRules.Tests.Credit;

/// <summary>The credit catalogue as a user reads it: each parameter's names, values, dates and the citation of each value.</summary>
public class CreditCatalogueCitationTests
{
    [Fact]
    public void CreditCatalogue_EveryParameterAndCitation_MatchesSnapshot()
    {
        var text = new StringBuilder().AppendParameters(CreditParameters.All);
        // The citations no parameter carries (the publication rule before Order 45, cited in explanations).
        text.Append("PenaltyPublication2014\n    ").Append(CatalogueText.Line(CreditCitations.PenaltyPublication2014)).Append('\n');
        Snapshooter.Xunit.Snapshot.Match(text.ToString());
    }

    [Fact]
    public void PublicationDeadline_CitesArticle6Before2021AndOrder45After()
    {
        // domain-rules.md L5/L7, row 2.19: 20 working days; 企业信息公示暂行条例 Art 6, then 总局令第45号 (in force 2021-09-01).
        var values = CreditParameters.PublicationDeadline.Values;
        Assert.Equal([20m, 20m], values.Select(v => v.Value));
        Assert.Equal(new LocalDate(2021, 9, 1), values[1].EffectiveFrom);
        Assert.Equal("第六条", values[0].Citation.Article!.Chinese);
        Assert.Equal("Art. 6", values[0].Citation.Article!.English);
        Assert.Contains("企业信息公示暂行条例", values[0].Citation.Document.Chinese);
        Assert.Contains("20个工作日内", values[0].Citation.Note);
        Assert.Contains("市场监督管理行政处罚信息公示规定", values[1].Citation.Document.Chinese);
        Assert.Equal("第二条、第九条至第十四条", values[1].Citation.Article!.Chinese);
    }

    [Fact]
    public void RepairMinimum_CitesTheRepairMeasuresSixMonthsAndOneYear()
    {
        // domain-rules.md row 2.27: 6 months, 1 year for food, drugs, special equipment; 国市监信规〔2021〕3号.
        var citation = CreditParameters.RepairMinimum.Values.Single().Citation;
        Assert.Equal(6m, CreditParameters.RepairMinimum.Values.Single().Value);
        Assert.Equal(12m, CreditParameters.RepairMinimumSensitive.Values.Single().Value);
        Assert.Contains("信用修复", citation.Document.Chinese);
        Assert.Equal(VerificationStatus.VerifiedSecondary, citation.Status);
        Assert.Contains("第十四条第三款", citation.Note);
        Assert.Contains("公示期满六个月", citation.Note);
        Assert.Contains("yuanjiang.gov.cn", citation.Source);
    }

    [Fact]
    public void PenaltyPublication2014_CitesSaicOrder71Article2()
    {
        var citation = CreditCitations.PenaltyPublication2014;
        Assert.Equal("第二条", citation.Article!.Chinese);
        Assert.Equal("Art. 2", citation.Article!.English);
        Assert.Contains("适用一般程序", citation.Note);
        Assert.Contains("gov.cn", citation.Source);
    }
}
