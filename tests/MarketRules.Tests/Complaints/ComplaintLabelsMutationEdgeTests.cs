using System.Text;
using MarketRules.Complaints;

namespace MarketRules.Tests.Complaints;

/// <summary>
/// The words complaint texts use for states, events, refusal grounds (Art 15 of the complaint measures), mediation end
/// grounds (Art 24), pauses and deadlines: every label in both languages, and a number outside an enum named by its
/// number (issue 18: each label is read by a reason text only on its own path).
/// </summary>
public class ComplaintLabelsMutationEdgeTests
{
    private static void Append<T>(StringBuilder text, Func<T, LocalizedText> label)
        where T : struct, Enum
    {
        foreach (var value in Enum.GetValues<T>())
        {
            var l = label(value);
            text.Append(typeof(T).Name).Append('.').Append(value).Append(" | ").Append(l.Chinese).Append(" | ").Append(l.English).AppendLine();
        }
    }

    [Fact]
    public void EveryLabel_InBothLanguages_MatchesSnapshot()
    {
        var text = new StringBuilder();
        Append<ComplaintState>(text, ComplaintLabels.Of);
        Append<ComplaintEventKind>(text, ComplaintLabels.Of);
        Append<ComplaintRefusalGround>(text, ComplaintLabels.Of);
        Append<MediationEndGround>(text, ComplaintLabels.Of);
        Append<MediationPause>(text, ComplaintLabels.Of);
        Append<ComplaintDeadlineKind>(text, ComplaintLabels.Of);
        Snapshooter.Xunit.Snapshot.Match(text.ToString());
    }

    [Fact]
    public void EveryLabel_IsNonEmpty_AndDistinctWithinItsEnum()
    {
        static void Check<T>(Func<T, LocalizedText> label)
            where T : struct, Enum
        {
            var labels = Enum.GetValues<T>().Select(label).ToArray();
            Assert.All(labels, l => Assert.False(string.IsNullOrWhiteSpace(l.Chinese) || string.IsNullOrWhiteSpace(l.English)));
            Assert.Equal(labels.Length, labels.Select(l => l.Chinese).Distinct().Count());
            Assert.Equal(labels.Length, labels.Select(l => l.English).Distinct().Count());
        }
        Check<ComplaintState>(ComplaintLabels.Of);
        Check<ComplaintEventKind>(ComplaintLabels.Of);
        Check<ComplaintRefusalGround>(ComplaintLabels.Of);
        Check<MediationEndGround>(ComplaintLabels.Of);
        Check<MediationPause>(ComplaintLabels.Of);
        Check<ComplaintDeadlineKind>(ComplaintLabels.Of);
    }

    [Fact]
    public void AValueOutsideTheEnum_IsNamedByItsNumber()
    {
        Assert.Equal("99", ComplaintLabels.Of((ComplaintState)99).Chinese);
        Assert.Equal("-1", ComplaintLabels.Of((ComplaintDeadlineKind)(-1)).English);
    }
}
