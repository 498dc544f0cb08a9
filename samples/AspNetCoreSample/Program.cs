// A bureau's own ASP.NET Core application with MarketRules inside: the rule engine at /v1, health at /health and
// /health/ready, policy packs named in appsettings.json (MarketRules:PolicyPacks) and validated at start, and the
// subsidy claims endpoints (/v1/subsidies/{scheme}/…) over a SQLite ledger registered for dependency injection.
using MarketRules.AspNetCore;
using MarketRules.Hosting;
using MarketRules.Subsidies.Sqlite;

var builder = WebApplication.CreateSlimBuilder(args);
builder.AddMarketRules();
builder.Services.AddMarketRulesSubsidyLedgers(new SqliteSubsidyLedgerStorage(builder.Configuration["MarketRules:Subsidies:Sqlite:Path"] ?? "subsidies.db"));

var app = builder.Build();
app.MapGet("/", () => "A bureau system with MarketRules at /v1");
app.MapMarketRulesHealthChecks();
app.MapMarketRules("/v1");
app.Run();
