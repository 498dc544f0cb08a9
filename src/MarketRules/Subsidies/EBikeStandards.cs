using System.Diagnostics.Contracts;

namespace MarketRules.Subsidies;

/// <summary>
/// Which mandatory e-bike standard a new bike must meet on its purchase date: GB 17761-2018 from 2019-04-15;
/// GB 17761-2024 from 2025-09-01, with GB 17761-2018 stock (made by 2025-08-31) sold until 2025-11-30; from
/// 2025-12-01 GB 17761-2024 only. Before its entry into force GB 17761-2024 is accepted from its issue (2024-12-31),
/// since makers could already build to it.
/// </summary>
public static class EBikeStandards
{
    /// <summary>GB 17761-2018 took effect (replacing GB 17761-1999).</summary>
    public static LocalDate Gb2018InForce { get; } = new(2019, 4, 15);

    /// <summary>GB 17761-2024 was issued.</summary>
    public static LocalDate Gb2024Issued { get; } = LegalDocuments.EBikeSafetyStandard2024.Promulgated!.Value;

    /// <summary>GB 17761-2024 took effect.</summary>
    public static LocalDate Gb2024InForce { get; } = LegalDocuments.EBikeSafetyStandard2024.InForceFrom!.Value;

    /// <summary>The last day bikes could be made to GB 17761-2018.</summary>
    public static LocalDate Gb2018LastProductionDay { get; } = new(2025, 8, 31);

    /// <summary>The last day GB 17761-2018 stock could be sold (the sell-through window's end).</summary>
    public static LocalDate Gb2018LastSaleDay { get; } = new(2025, 11, 30);

    /// <summary>The source of these dates.</summary>
    public static Citation Citation { get; } = new(LegalDocuments.EBikeSafetyStandard2024, null, VerificationStatus.VerifiedSecondary)
    {
        Source = "domain-rules.md §5.6: lsyykq.cn (国际电子商情 reprint, 2025-09-02); gldy.org; CNCA announcement 2025 No. 25 (en.5iter.com); GB 17761-2018 dates: chinesestandards.org",
        Note = "V-S from news reprints; GB 17761-2018 issued 2018-05-15, in force 2019-04-15; old-standard production until 2025-08-31, sales until 2025-11-30",
    };

    /// <summary>Whether a bike made to a standard may be sold (and so subsidised) on a purchase date.</summary>
    /// <param name="standard">The bike's standard.</param>
    /// <param name="purchaseDate">The purchase date.</param>
    /// <param name="productionDate">The production date, when known; a GB 17761-2018 bike made after 2025-08-31 does not comply.</param>
    /// <returns>Whether it complies.</returns>
    [Pure]
    public static bool IsCompliant(EBikeStandard standard, LocalDate purchaseDate, LocalDate? productionDate) => standard switch
    {
        EBikeStandard.Gb17761Of1999 => purchaseDate < Gb2018InForce,
        EBikeStandard.Gb17761Of2018 => purchaseDate <= Gb2018LastSaleDay && (productionDate is not { } made || made <= Gb2018LastProductionDay),
        EBikeStandard.Gb17761Of2024 => purchaseDate >= Gb2024Issued,
        _ => false,
    };

    /// <summary>The standards accepted on a purchase date, as text for reasons.</summary>
    /// <param name="purchaseDate">The purchase date.</param>
    /// <returns>E.g. <c>GB 17761-2018</c>.</returns>
    [Pure]
    public static string Required(LocalDate purchaseDate) =>
        purchaseDate < Gb2018InForce ? "GB 17761-1999 / GB 17761-2018"
        : purchaseDate < Gb2024Issued ? "GB 17761-2018"
        : purchaseDate < Gb2024InForce ? "GB 17761-2018 / GB 17761-2024"
        : purchaseDate <= Gb2018LastSaleDay ? "GB 17761-2024 (GB 17761-2018 stock made by 2025-08-31)"
        : "GB 17761-2024";

    internal static string Name(EBikeStandard standard) => standard switch
    {
        EBikeStandard.Gb17761Of1999 => "GB 17761-1999",
        EBikeStandard.Gb17761Of2018 => "GB 17761-2018",
        EBikeStandard.Gb17761Of2024 => "GB 17761-2024",
        _ => "unknown",
    };
}
