// A consumer of the MarketRules package: the statement deadline of an administrative penalty case, typed and through
// the JSON rule engine. .ci/run also publishes this program with Native AOT and fails on any trim or AOT warning, so
// both paths must stay reflection-free.
using MarketRules.Calendar;
using MarketRules.Engine;
using NodaTime;

var notified = new LocalDate(2024, 9, 27);
var deadline = PeriodCalculator.China.Deadline(notified, LegalPeriod.UnderAdministrativePenaltyLaw(5));
Console.WriteLine($"Notified {notified:uuuu-MM-dd}; 5 working days (行政处罚法 第八十五条) end on {deadline.LastDay:uuuu-MM-dd}");

var decision = RuleEngine.Default.Evaluate("""
    { "rule": "calendar.deadline/1", "asOf": "2024-09-27",
      "input": { "trigger": "2024-09-27", "penaltyLawDays": 5 } }
    """);
Console.WriteLine(decision);
return deadline.LastDay == new LocalDate(2024, 10, 10) && decision.Contains("\"lastDay\":\"2024-10-10\"", StringComparison.Ordinal) ? 0 : 1;
