// A bureau's own ASP.NET Core application with MarketRules inside: the rule engine at /v1, health at /health and
// /health/ready, policy packs named in appsettings.json (MarketRules:PolicyPacks) and validated at start.
using MarketRules.AspNetCore;

var builder = WebApplication.CreateSlimBuilder(args);
builder.AddMarketRules();

var app = builder.Build();
app.MapGet("/", () => "A bureau system with MarketRules at /v1");
app.MapMarketRulesHealthChecks();
app.MapMarketRules("/v1");
app.Run();
