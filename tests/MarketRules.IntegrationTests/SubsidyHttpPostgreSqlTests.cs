using System.Net;
using System.Text;
using System.Text.Json;
using MarketRules.Server;
using MarketRules.Subsidies;
using MarketRules.TestSupport;
using MarketRules.Tests.Subsidies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using NodaTime.Testing;

namespace MarketRules.IntegrationTests;

// Two real HTTP hosts configured with one PostgreSQL database (a throwaway cluster, never a mock): the deployment the
// PostgreSQL ledger is for. The Idempotency-Key record and the ledger live in that database.
public sealed class SubsidyHttpPostgreSqlTests(PostgreSqlServer postgres) : IClassFixture<PostgreSqlServer>, IAsyncLifetime
{
    private const string Scheme = "gongshu-2022-ebike-tradein";
    private readonly FakeClock clock = new(SubsidyTestData.June15);
    private readonly string schema = PostgreSqlServer.NewSchema();
    private readonly List<WebApplication> apps = [];
    private HttpClient a = null!;
    private HttpClient b = null!;

    public async Task InitializeAsync()
    {
        a = await StartAsync();
        b = await StartAsync();
    }

    public async Task DisposeAsync()
    {
        a.Dispose();
        b.Dispose();
        foreach (var app in apps)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    [Fact]
    public async Task TwoServersOnOneDatabase_ShareTheBudgetAndHonourTheIdempotencyKey()
    {
        var claim = SubsidyLedgerJson.WriteClaim(SubsidyTestData.Input(1, SubsidyTestData.June15));
        using var first = await a.SendAsync(Request($"/v1/subsidies/{Scheme}/claims", claim, "pg-key-1"));
        var firstBody = await first.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("granted", JsonDocument.Parse(firstBody).RootElement.GetProperty("outcome").GetString());

        using var replay = await b.SendAsync(Request($"/v1/subsidies/{Scheme}/claims", claim, "pg-key-1"));
        Assert.Equal("true", replay.Headers.GetValues("Idempotency-Replayed").Single());
        Assert.Equal(firstBody, await replay.Content.ReadAsStringAsync());

        using var reused = await b.SendAsync(Request($"/v1/subsidies/{Scheme}/claims", SubsidyLedgerJson.WriteClaim(SubsidyTestData.Input(2, SubsidyTestData.June15)), "pg-key-1"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, reused.StatusCode);

        // The same person through the other server: refused, naming the first claim.
        using var samePerson = await b.PostAsync($"/v1/subsidies/{Scheme}/claims",
            new StringContent(SubsidyLedgerJson.WriteClaim(SubsidyTestData.Input(3, SubsidyTestData.June15, person: 1)), Encoding.UTF8, "application/json"));
        var refused = JsonDocument.Parse(await samePerson.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("already-subsidised", refused.GetProperty("outcome").GetString());
        Assert.Equal("C000001", refused.GetProperty("reservation").GetProperty("conflictingClaimId").GetString());

        using var confirmed = await b.PostAsync($"/v1/subsidies/{Scheme}/claims/C000001/confirm", new StringContent(""));
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        using var balances = await a.GetAsync($"/v1/subsidies/{Scheme}/balances");
        var phase = JsonDocument.Parse(await balances.Content.ReadAsStringAsync()).RootElement.GetProperty("phases")[0];
        Assert.Equal(1, phase.GetProperty("paidCount").GetInt32());
        Assert.Equal(78_000_000 - 30_000, phase.GetProperty("remainingFen").GetInt64());
    }

    private async Task<HttpClient> StartAsync()
    {
        var app = ServerApp.Build(["--urls", "http://127.0.0.1:0", "--MarketRules:Subsidies:Ledger", "postgresql",
            "--ConnectionStrings:MarketRulesSubsidies", postgres.ConnectionString, "--MarketRules:Subsidies:PostgreSql:Schema", schema], clock: clock);
        await app.StartAsync();
        apps.Add(app);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromMinutes(2) };
    }

    private static HttpRequestMessage Request(string path, string body, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("Idempotency-Key", key);
        return request;
    }
}
