// A consumer of the MarketRules package: the statement deadline of an administrative penalty case.
using MarketRules.Calendar;
using NodaTime;

var notified = new LocalDate(2024, 9, 27);
var deadline = PeriodCalculator.China.Deadline(notified, LegalPeriod.UnderAdministrativePenaltyLaw(5));
Console.WriteLine($"Notified {notified:uuuu-MM-dd}; 5 working days (行政处罚法 第八十五条) end on {deadline.LastDay:uuuu-MM-dd}");
return deadline.LastDay == new LocalDate(2024, 10, 10) ? 0 : 1;
