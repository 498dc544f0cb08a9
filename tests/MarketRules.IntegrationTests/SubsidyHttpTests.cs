using System.Net;
using System.Text;
using System.Text.Json;
using MarketRules.Server;
using MarketRules.Subsidies;
using MarketRules.Tests.Subsidies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using NodaTime.Testing;

namespace MarketRules.IntegrationTests;

// Two real HTTP hosts (Kestrel, loopback) over one SQLite ledger file: what a load balancer in front of two servers sees.
public sealed class SubsidyHttpTests : IAsyncLifetime
{
    private const string Scheme = "gongshu-2022-ebike-tradein";
    private readonly string directory = Directory.CreateTempSubdirectory("mr-http-").FullName;
    private readonly FakeClock clock = new(SubsidyTestData.June15);
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
        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public async Task Claims_ReserveConfirmReleaseReadAndBalances_AcrossTwoServers_WithCodedErrors()
    {
        var claim = SubsidyLedgerJson.WriteClaim(SubsidyTestData.Input(1, SubsidyTestData.June15));
        var (status, reserved) = await PostAsync(a, $"/v1/subsidies/{Scheme}/claims", claim);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("granted", reserved.GetProperty("outcome").GetString());
        Assert.Equal(30_000, reserved.GetProperty("amountFen").GetInt64());
        Assert.Equal("reserved", reserved.GetProperty("reservation").GetProperty("state").GetString());
        Assert.Equal("2022-06-18T02:00:00Z", reserved.GetProperty("reservation").GetProperty("expiresAt").GetString());

        // The other server sees the same ledger: the claim, a repeat, the same person under a new id.
        Assert.Equal("reserved", (await GetAsync(b, $"/v1/subsidies/{Scheme}/claims/C000001")).Body.GetProperty("state").GetString());
        Assert.True((await PostAsync(b, $"/v1/subsidies/{Scheme}/claims", claim)).Body.GetProperty("isRepeat").GetBoolean());
        var again = (await PostAsync(b, $"/v1/subsidies/{Scheme}/claims", SubsidyLedgerJson.WriteClaim(SubsidyTestData.Input(2, SubsidyTestData.June15, person: 1)))).Body;
        Assert.Equal("already-subsidised", again.GetProperty("outcome").GetString());
        Assert.Equal("C000001", again.GetProperty("reservation").GetProperty("conflictingClaimId").GetString());

        Assert.Equal("confirmed", (await PostAsync(b, $"/v1/subsidies/{Scheme}/claims/C000001/confirm", "")).Body.GetProperty("state").GetString());
        var (conflict, refused) = await PostAsync(a, $"/v1/subsidies/{Scheme}/claims/C000001/release", "");
        Assert.Equal(HttpStatusCode.Conflict, conflict);
        Assert.Equal("MR.Subsidy.InvalidLedgerTransition", refused.GetProperty("errors")[0].GetProperty("code").GetString());
        var (notFound, unknown) = await GetAsync(a, $"/v1/subsidies/{Scheme}/claims/nobody");
        Assert.Equal(HttpStatusCode.NotFound, notFound);
        Assert.Equal("MR.Subsidy.UnknownClaim", unknown.GetProperty("errors")[0].GetProperty("code").GetString());
        var (noScheme, schemeError) = await GetAsync(a, "/v1/subsidies/no-such-scheme/balances");
        Assert.Equal(HttpStatusCode.NotFound, noScheme);
        Assert.Equal("MR.Subsidy.UnknownScheme", schemeError.GetProperty("errors")[0].GetProperty("code").GetString());
        var (bad, badInput) = await PostAsync(a, $"/v1/subsidies/{Scheme}/claims", SubsidyLedgerJson.WriteClaim(SubsidyTestData.Input(3, SubsidyTestData.June15) with { ApplicantId = "330105195001010011" }));
        Assert.Equal(HttpStatusCode.BadRequest, bad);
        Assert.Contains(badInput.GetProperty("errors").EnumerateArray(), e => e.GetProperty("code").GetString() == "MR.Subsidy.InvalidResidentId");
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(a, $"/v1/subsidies/{Scheme}/claims", "{ not json")).Status);

        var balances = (await GetAsync(a, $"/v1/subsidies/{Scheme}/balances")).Body;
        Assert.Equal(30_000, balances.GetProperty("paidFen").GetInt64());
        Assert.Equal(78_000_000 - 30_000, balances.GetProperty("phases")[0].GetProperty("remainingFen").GetInt64());
        var journal = (await GetAsync(b, $"/v1/subsidies/{Scheme}/journal")).Body;
        Assert.Equal(["reserved", "rejected", "confirmed"], journal.EnumerateArray().Select(e => e.GetProperty("kind").GetString()));
        Assert.Equal("MR.Subsidy.AlreadySubsidised", journal[1].GetProperty("reasonCode").GetString());
    }

    [Fact]
    public async Task IdempotencyKey_IsHonouredAcrossServers_AndRefusedForAnotherRequest()
    {
        var claim = SubsidyLedgerJson.WriteClaim(SubsidyTestData.Input(7, SubsidyTestData.June15));
        using var first = Request($"/v1/subsidies/{Scheme}/claims", claim, "key-7");
        using var firstResponse = await a.SendAsync(first);
        var firstBody = await firstResponse.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, firstResponse.StatusCode);
        Assert.False(firstResponse.Headers.Contains("Idempotency-Replayed"));

        using var replay = Request($"/v1/subsidies/{Scheme}/claims", claim, "key-7");
        using var replayResponse = await b.SendAsync(replay);
        Assert.Equal(HttpStatusCode.OK, replayResponse.StatusCode);
        Assert.Equal("true", replayResponse.Headers.GetValues("Idempotency-Replayed").Single());
        // The same bytes, isRepeat false included: the first answer, not a new one.
        Assert.Equal(firstBody, await replayResponse.Content.ReadAsStringAsync());

        using var other = Request($"/v1/subsidies/{Scheme}/claims", SubsidyLedgerJson.WriteClaim(SubsidyTestData.Input(8, SubsidyTestData.June15)), "key-7");
        using var otherResponse = await b.SendAsync(other);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, otherResponse.StatusCode);
        Assert.Contains("MR.Http.IdempotencyKeyReused", await otherResponse.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("MR.Subsidy.UnknownClaim", (await GetAsync(a, $"/v1/subsidies/{Scheme}/claims/C000008")).Body.GetProperty("errors")[0].GetProperty("code").GetString());

        using var confirm = Request($"/v1/subsidies/{Scheme}/claims/C000007/confirm", "", "pay-7");
        using var confirmed = await a.SendAsync(confirm);
        using var confirmAgain = Request($"/v1/subsidies/{Scheme}/claims/C000007/confirm", "", "pay-7");
        using var confirmedAgain = await b.SendAsync(confirmAgain);
        Assert.Equal(await confirmed.Content.ReadAsStringAsync(), await confirmedAgain.Content.ReadAsStringAsync());
        Assert.Equal(1, (await GetAsync(a, $"/v1/subsidies/{Scheme}/balances")).Body.GetProperty("phases")[0].GetProperty("paidCount").GetInt32());

        using var badKey = Request($"/v1/subsidies/{Scheme}/claims", claim, "bad\u00e9key");
        badKey.Headers.Remove("Idempotency-Key");
        badKey.Headers.TryAddWithoutValidation("Idempotency-Key", new string('k', 201));
        using var badKeyResponse = await a.SendAsync(badKey);
        Assert.Equal(HttpStatusCode.BadRequest, badKeyResponse.StatusCode);
        Assert.Contains("MR.Http.InvalidIdempotencyKey", await badKeyResponse.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReleaseExpired_ReturnsLapsedHoldsOverHttp()
    {
        await PostAsync(a, $"/v1/subsidies/{Scheme}/claims", SubsidyLedgerJson.WriteClaim(SubsidyTestData.Input(9, SubsidyTestData.June15)));
        Assert.Equal(0, (await PostAsync(b, $"/v1/subsidies/{Scheme}/release-expired", "")).Body.GetArrayLength());
        clock.Advance(Duration.FromHours(72));
        var released = (await PostAsync(b, $"/v1/subsidies/{Scheme}/release-expired", "")).Body;
        Assert.Equal("C000009", released[0].GetProperty("claimId").GetString());
        Assert.Equal("released", (await GetAsync(a, $"/v1/subsidies/{Scheme}/claims/C000009")).Body.GetProperty("state").GetString());
    }

    private async Task<HttpClient> StartAsync()
    {
        var app = ServerApp.Build(["--urls", "http://127.0.0.1:0", "--MarketRules:Subsidies:Sqlite:Path", Path.Combine(directory, "ledger.db")], clock: clock);
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

    private static async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(HttpClient client, string path, string body)
    {
        using var response = await client.PostAsync(path, new StringContent(body, Encoding.UTF8, "application/json"));
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }
}
