using System.Globalization;
using MarketRules.Complaints;

namespace MarketRules.Tests.Complaints;

/// <summary>
/// The first number past each enum's last value (a value a caller casts in, one more than the labels known): it is
/// named by its number like any other unknown value, not read past the end of the label list (issue 18: the boundary
/// of the label lookup).
/// </summary>
public class ComplaintLabelBoundaryMutationEdgeTests
{
    private static void FirstNumberPastTheEnum_IsNamedByItsNumber<T>(Func<T, LocalizedText> label)
        where T : struct, Enum
    {
        var past = Enum.GetValues<T>().Length;
        var text = label((T)Enum.ToObject(typeof(T), past));
        Assert.Equal(past.ToString(CultureInfo.InvariantCulture), text.Chinese);
        Assert.Equal(past.ToString(CultureInfo.InvariantCulture), text.English);
    }

    [Fact]
    public void EveryComplaintEnum_TheFirstNumberPastItsLastValue_IsNamedByItsNumber()
    {
        FirstNumberPastTheEnum_IsNamedByItsNumber<ComplaintState>(ComplaintLabels.Of);
        FirstNumberPastTheEnum_IsNamedByItsNumber<ComplaintEventKind>(ComplaintLabels.Of);
        FirstNumberPastTheEnum_IsNamedByItsNumber<ComplaintRefusalGround>(ComplaintLabels.Of);
        FirstNumberPastTheEnum_IsNamedByItsNumber<MediationEndGround>(ComplaintLabels.Of);
        FirstNumberPastTheEnum_IsNamedByItsNumber<MediationPause>(ComplaintLabels.Of);
        FirstNumberPastTheEnum_IsNamedByItsNumber<ComplaintDeadlineKind>(ComplaintLabels.Of);
    }
}
