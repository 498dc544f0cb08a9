// The `marketrules` command. Grown by the rule-engine issue; for now it prints statutory deadlines.
using MarketRules.Calendar;

var calc = PeriodCalculator.China;
var trigger = new NodaTime.LocalDate(2024, 9, 27);
var deadline = calc.Deadline(trigger, LegalPeriod.WorkingDays(15));
Console.WriteLine($"15 working days after {trigger:uuuu-MM-dd}: {deadline.LastDay:uuuu-MM-dd}");
return 0;
