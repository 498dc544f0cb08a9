// The MarketRules HTTP host: the rule engine over HTTP, bound to loopback unless told otherwise.
using MarketRules.Server;

var app = ServerApp.Build(args);
await app.RunAsync().ConfigureAwait(false);
