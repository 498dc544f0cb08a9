using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace MarketRules.IntegrationTests;

// samples/AspNetCoreSample — a fresh ASP.NET Core application calling AddMarketRules + MapMarketRules — started as its
// own process on a loopback port and called over real HTTP, with a policy pack named in its configuration.
public sealed class AspNetCoreSampleTests(AspNetCoreSampleFixture sample) : IClassFixture<AspNetCoreSampleFixture>
{
    private const string Deadline = """{ "asOf": "2024-09-27", "input": { "trigger": "2024-09-27", "length": 15, "unit": "working-days" } }""";

    [Fact]
    public async Task Evaluate_OverHttp_AnswersTheDecision()
    {
        using var response = await sample.Client.PostAsync(new Uri("/v1/rules/calendar.deadline/1/evaluate", UriKind.Relative), Json(Deadline));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var decision = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("2024-10-23", decision.RootElement.GetProperty("result").GetProperty("lastDay").GetString());
    }

    [Fact]
    public async Task Batch_JsonArray_AnswersEachInOrder()
    {
        var body = $$"""[ {"rule":"calendar.deadline/1",{{Deadline[1..]}}, { "rule": "nope/1", "asOf": "2024-09-27", "input": {} } ]""";
        using var response = await sample.Client.PostAsync(new Uri("/v1/batch", UriKind.Relative), Json(body));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var decisions = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal([true, false], decisions.RootElement.EnumerateArray().Select(d => d.GetProperty("ok").GetBoolean()));
    }

    [Fact]
    public async Task BadInput_IsAProblemDetailsWithTheCodedError()
    {
        using var response = await sample.Client.PostAsync(new Uri("/v1/rules/calendar.deadline/1/evaluate", UriKind.Relative),
            Json("""{ "asOf": "2024-09-27", "input": { "trigger": "2024-09-27", "lenght": 15, "unit": "working-days" } }"""));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = problem.RootElement;
        Assert.Equal(400, root.GetProperty("status").GetInt32());
        var error = root.GetProperty("errors")[0];
        Assert.Equal("urn:marketrules:error:" + error.GetProperty("code").GetString(), root.GetProperty("type").GetString());
        Assert.StartsWith("$.input", error.GetProperty("path").GetString(), StringComparison.Ordinal);
        Assert.NotEmpty(error.GetProperty("message").GetProperty("zh").GetString()!);
        Assert.NotEmpty(error.GetProperty("message").GetProperty("en").GetString()!);
    }

    [Theory]
    [InlineData("POST", "/v1/rules/calendar.deadline/1/evaluate", "text/plain", 415, "MR.Http.UnsupportedMediaType")]
    [InlineData("POST", "/v1/no-such-route", "application/json", 404, "MR.Http.NotFound")]
    [InlineData("GET", "/v1/batch", null, 405, "MR.Http.MethodNotAllowed")]
    public async Task RefusedRequests_HaveProblemBodies(string method, string path, string? contentType, int status, string code)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative));
        if (contentType is not null)
        {
            request.Content = new StringContent(Deadline, Encoding.UTF8, contentType);
        }
        using var response = await sample.Client.SendAsync(request);
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(code, problem.RootElement.GetProperty("errors")[0].GetProperty("code").GetString());
    }

    [Fact]
    public async Task OpenApi_ListsEveryRouteAndEveryRulesSchemas()
    {
        using var document = JsonDocument.Parse(await sample.Client.GetStringAsync(new Uri("/v1/openapi.json", UriKind.Relative)));
        var paths = document.RootElement.GetProperty("paths");
        foreach (var path in new[] { "/health", "/health/ready", "/v1/rules", "/v1/batch", "/v1/rules/{name}/{version}/evaluate", "/v1/rules/calendar.deadline/1/evaluate" })
        {
            Assert.True(paths.TryGetProperty(path, out _), path);
        }
        var schemas = document.RootElement.GetProperty("components").GetProperty("schemas");
        foreach (var rule in MarketRules.Engine.BuiltInRules.All)
        {
            var stem = MarketRules.Engine.RuleSchemas.FileStem(rule.Id);
            Assert.Equal("object", schemas.GetProperty(stem + ".input").GetProperty("type").GetString());
            Assert.True(schemas.TryGetProperty(stem + ".result", out _), rule.Id);
        }
        // The example is the conformance vector's request, and it is answered as the vector says.
        var example = paths.GetProperty("/v1/rules/calendar.deadline/1/evaluate").GetProperty("post").GetProperty("requestBody")
            .GetProperty("content").GetProperty("application/json").GetProperty("example");
        using var answered = await sample.Client.PostAsync(new Uri("/v1/rules/calendar.deadline/1/evaluate", UriKind.Relative), Json(example.GetRawText()));
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        // Every internal reference resolves inside the document.
        var text = document.RootElement.GetRawText();
        foreach (System.Text.RegularExpressions.Match match in System.Text.RegularExpressions.Regex.Matches(text, "\"\\$ref\":\"#/components/schemas/([^\"/]+)"))
        {
            Assert.True(schemas.TryGetProperty(match.Groups[1].Value, out _), match.Value);
        }
    }

    [Fact]
    public async Task Health_LivenessAndReadiness_AreOkWithThePackLoaded()
    {
        using var live = JsonDocument.Parse(await sample.Client.GetStringAsync(new Uri("/health", UriKind.Relative)));
        Assert.Equal("ok", live.RootElement.GetProperty("status").GetString());
        using var ready = JsonDocument.Parse(await sample.Client.GetStringAsync(new Uri("/health/ready", UriKind.Relative)));
        Assert.Equal("ok", ready.RootElement.GetProperty("status").GetString());
        var description = ready.RootElement.GetProperty("checks").GetProperty("marketrules").GetProperty("description").GetString();
        Assert.StartsWith("1 policy packs", description, StringComparison.Ordinal);
        // The operator sees until when deadlines can be counted (the shipped calendar's last day).
        Assert.EndsWith($"statutory calendar to {MarketRules.Calendar.StatutoryCalendar.China.LastDay:uuuu-MM-dd}", description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadPack_StopsTheStart_ListingEveryCodedError()
    {
        var bad = Path.Combine(Path.GetTempPath(), $"marketrules-bad-pack-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(bad, """{ "id": "broken", "unknownMember": true }""");
        try
        {
            var start = AspNetCoreSampleFixture.StartInfo(AspNetCoreSampleFixture.FreePort(), "--MarketRules:PolicyPacks:0", bad, "--MarketRules:PolicyPack", "typo");
            var result = await Processes.RunAsync(start, "");
            Assert.NotEqual(0, result.ExitCode);
            var output = result.Stdout + result.Stderr;
            Assert.Contains("MR.Hosting.InvalidFile", output);
            Assert.Contains(bad, output);
            Assert.Contains("MR.Hosting.UnknownSetting", output);
            Assert.Contains("MarketRules:PolicyPack", output);
        }
        finally
        {
            File.Delete(bad);
        }
    }

    [Fact]
    public async Task SubsidyClaims_OverTheSqliteLedgerRegisteredByDI_ReserveConfirmAndReplayTheIdempotencyKey()
    {
        const string Claims = "/v1/subsidies/gongshu-2022-ebike-tradein/claims";
        var claim = MarketRules.Subsidies.SubsidyLedgerJson.WriteClaim(MarketRules.Tests.Subsidies.SubsidyTestData.Input(1, MarketRules.Tests.Subsidies.SubsidyTestData.June15));
        using var reserved = await sample.Client.SendAsync(Keyed(Claims, claim, "sample-reserve-1"));
        var reservedBody = await reserved.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, reserved.StatusCode);
        Assert.False(reserved.Headers.Contains("Idempotency-Replayed"));
        using (var decision = JsonDocument.Parse(reservedBody))
        {
            Assert.Equal("granted", decision.RootElement.GetProperty("outcome").GetString());
            Assert.Equal("reserved", decision.RootElement.GetProperty("reservation").GetProperty("state").GetString());
        }

        // A retry under the key is the first answer, byte for byte, and reserves nothing more.
        using var replayed = await sample.Client.SendAsync(Keyed(Claims, claim, "sample-reserve-1"));
        Assert.Equal("true", replayed.Headers.GetValues("Idempotency-Replayed").Single());
        Assert.Equal(reservedBody, await replayed.Content.ReadAsStringAsync());

        using var confirmed = await sample.Client.SendAsync(Keyed(Claims + "/C000001/confirm", "", "sample-pay-1"));
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        using (var reservation = JsonDocument.Parse(await confirmed.Content.ReadAsStringAsync()))
        {
            Assert.Equal("confirmed", reservation.RootElement.GetProperty("state").GetString());
        }
        using var reused = await sample.Client.SendAsync(Keyed(Claims + "/C000001/release", "", "sample-pay-1"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, reused.StatusCode);
        Assert.Equal("application/problem+json", reused.Content.Headers.ContentType?.MediaType);
        using (var problem = JsonDocument.Parse(await reused.Content.ReadAsStringAsync()))
        {
            Assert.Equal("MR.Http.IdempotencyKeyReused", problem.RootElement.GetProperty("errors")[0].GetProperty("code").GetString());
        }

        using var balances = JsonDocument.Parse(await sample.Client.GetStringAsync(new Uri("/v1/subsidies/gongshu-2022-ebike-tradein/balances", UriKind.Relative)));
        var phase = balances.RootElement.GetProperty("phases")[0];
        Assert.Equal(1, phase.GetProperty("paidCount").GetInt32());
        Assert.Equal(78_000_000 - 30_000, phase.GetProperty("remainingFen").GetInt64());
        // The ledger is the SQLite file the sample was configured with, not memory.
        Assert.True(File.Exists(sample.LedgerFile), sample.LedgerFile);

        // The claims routes are in the application's OpenAPI document.
        using var openApi = JsonDocument.Parse(await sample.Client.GetStringAsync(new Uri("/v1/openapi.json", UriKind.Relative)));
        var reserve = openApi.RootElement.GetProperty("paths").GetProperty("/v1/subsidies/{scheme}/claims").GetProperty("post");
        var claimSchema = reserve.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString()!;
        // The claim's schema is the subsidy rule's own, and it resolves inside the document.
        var schemas = openApi.RootElement.GetProperty("components").GetProperty("schemas");
        var pointer = claimSchema["#/components/schemas/".Length..].Split('/');
        var resolved = schemas.GetProperty(pointer[0]);
        foreach (var step in pointer.Skip(1))
        {
            resolved = resolved.GetProperty(step);
        }
        Assert.True(resolved.GetProperty("properties").TryGetProperty("applicantId", out _), claimSchema);
        Assert.True(reserve.GetProperty("responses").TryGetProperty("422", out _));
    }

    [Fact]
    public async Task SubsidyClaims_BodyOverTheClaimsLimit_Answers413WithTheCodedError()
    {
        // The limit is the endpoint's own (16 MiB), not the host's: the sample leaves Kestrel at its default (30 MB).
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/v1/subsidies/gongshu-2022-ebike-tradein/claims", UriKind.Relative))
        {
            Content = Json("{\"pad\":\"" + new string('x', (int)MarketRules.AspNetCore.MarketRulesEndpoints.MaxClaimBytes) + "\"}"),
        };
        request.Headers.ExpectContinue = true;
        using var response = await sample.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("MR.Engine.RequestTooLarge", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static HttpRequestMessage Keyed(string path, string body, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = Json(body) };
        request.Headers.Add("Idempotency-Key", key);
        return request;
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}

public sealed class AspNetCoreSampleFixture : IAsyncLifetime
{
    private readonly string directory = Directory.CreateTempSubdirectory("mr-sample-").FullName;
    private Process? process;

    public HttpClient Client { get; private set; } = null!;

    /// <summary>The SQLite file of the sample's subsidy ledger (MarketRules:Subsidies:Sqlite:Path).</summary>
    public string LedgerFile => Path.Combine(directory, "subsidies.db");

    public static string Dll { get; } = FindDll();

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static ProcessStartInfo StartInfo(int port, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(Dll)!,
        };
        start.ArgumentList.Add(Dll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        return start;
    }

    public async Task InitializeAsync()
    {
        var port = FreePort();
        process = Process.Start(StartInfo(port, "--MarketRules:PolicyPacks:0", Repository.PathOf("src/MarketRules/Data/Sampling/henan-2021.json"),
                "--MarketRules:Subsidies:Sqlite:Path", LedgerFile))
            ?? throw new InvalidOperationException("The sample did not start");
        process.StandardInput.Close();
        _ = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        // Ready when readiness answers; a sample that exits or never answers fails the tests (never skips them).
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException("The sample exited: " + await stderr);
            }
            try
            {
                using var ready = await Client.GetAsync(new Uri("/health/ready", UriKind.Relative));
                if (ready.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            if (deadline.Elapsed > TimeSpan.FromMinutes(2))
            {
                throw new TimeoutException("The sample did not become ready within two minutes");
            }
            await Task.Delay(100);
        }
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        if (process is not null)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            process.Dispose();
        }
        Directory.Delete(directory, recursive: true);
    }

    private static string FindDll()
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        var candidate = Repository.PathOf($"samples/AspNetCoreSample/bin/{configuration}/net10.0/AspNetCoreSample.dll");
        return File.Exists(candidate) ? candidate : throw new InvalidOperationException("The built sample (AspNetCoreSample.dll) was not found; build samples/AspNetCoreSample first");
    }
}
