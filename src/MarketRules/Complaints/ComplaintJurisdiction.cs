using System.Collections.Immutable;
using MarketRules.Utility;

namespace MarketRules.Complaints;

/// <summary>A bureau's receipt of the same complaint.</summary>
/// <param name="Bureau">The bureau (its GB/T 2260 code or name).</param>
/// <param name="ReceivedAt">When it received the complaint.</param>
public sealed record ComplaintReceipt(string Bureau, Instant ReceivedAt);

/// <summary>Which bureau handles a complaint, and why.</summary>
/// <param name="Bureau">The bureau.</param>
/// <param name="Citation">The rule.</param>
/// <param name="Reason">Why, in both languages.</param>
public sealed record ComplaintVenue(string Bureau, Citation Citation, LocalizedText Reason);

/// <summary>
/// Jurisdiction checks for complaints: the bureau that received first handles a complaint two bureaus may handle
/// (Order 20 Art 13; Order 121 Art 14), and a platform seller's complaint goes to the seller's address or
/// the platform's domicile (Order 20 Art 12: actual place of business; Order 121 Art 13: disclosed address, and the
/// platform's domicile when none is disclosed or it cannot be reached).
/// </summary>
public static class ComplaintJurisdiction
{
    /// <summary>The bureau that received the complaint first (ties go to the first listed).</summary>
    /// <param name="order">The governing order.</param>
    /// <param name="receipts">Every competent bureau's receipt.</param>
    /// <returns>The venue.</returns>
    /// <exception cref="ArgumentException">Thrown when <paramref name="receipts"/> is empty.</exception>
    public static ComplaintVenue FirstReceiver(ComplaintOrder order, IReadOnlyList<ComplaintReceipt> receipts)
    {
        Preconditions.CheckNotNull(receipts);
        Preconditions.CheckArgument(receipts.Count > 0, nameof(receipts), "At least one receipt is needed");
        var first = receipts[0];
        foreach (var r in receipts)
        {
            if (r.ReceivedAt < first.ReceivedAt)
            {
                first = r;
            }
        }
        return new ComplaintVenue(first.Bureau, order == ComplaintOrder.Order20 ? ComplaintCitations.Order20FirstReceiver : ComplaintCitations.Order121FirstReceiver,
            new LocalizedText($"两个以上市场监督管理部门均有处理权限，由先收到投诉的{first.Bureau}处理", $"Several bureaus are competent; {first.Bureau} received the complaint first and handles it"));
    }

    /// <summary>The bureau for a complaint against a seller on a platform.</summary>
    /// <param name="order">The governing order.</param>
    /// <param name="platformDomicileBureau">The bureau where the platform operator is domiciled.</param>
    /// <param name="sellerAddressBureau">The bureau of the seller's address: its disclosed address (Order 121) or actual place of business (Order 20); <see langword="null"/> when none is disclosed or known.</param>
    /// <param name="sellerReachable">Whether the seller can be reached at that address.</param>
    /// <param name="complainantPrefersPlatform">The complainant chose the platform's domicile where the order lets them choose.</param>
    /// <returns>The venue.</returns>
    public static ComplaintVenue PlatformSeller(ComplaintOrder order, string platformDomicileBureau, string? sellerAddressBureau, bool sellerReachable, bool complainantPrefersPlatform = false)
    {
        Preconditions.CheckNotNull(platformDomicileBureau);
        var citation = order == ComplaintOrder.Order20 ? ComplaintCitations.Order20PlatformSeller : ComplaintCitations.Order121PlatformSeller;
        if (sellerAddressBureau is null || (order == ComplaintOrder.Order121 && !sellerReachable))
        {
            return new ComplaintVenue(platformDomicileBureau, citation, new LocalizedText(
                "平台内经营者未在平台公示地址或者通过公示地址无法取得联系，由平台经营者住所地县级市场监督管理部门处理",
                "The seller disclosed no address on the platform or cannot be reached there; the bureau of the platform's domicile handles it"));
        }
        if (complainantPrefersPlatform)
        {
            return new ComplaintVenue(platformDomicileBureau, citation, new LocalizedText(
                "投诉人选择向平台经营者住所地县级市场监督管理部门投诉", "The complainant chose the bureau of the platform's domicile"));
        }
        return new ComplaintVenue(sellerAddressBureau, citation, order == ComplaintOrder.Order20
            ? new LocalizedText("由平台内经营者实际经营地县级市场监督管理部门处理", "The bureau of the seller's actual place of business handles it")
            : new LocalizedText("由平台内经营者在平台公示的地址所在地县级市场监督管理部门处理", "The bureau of the address the seller discloses on the platform handles it"));
    }
}
