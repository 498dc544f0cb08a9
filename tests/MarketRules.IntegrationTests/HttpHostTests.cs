using System.Net;
using System.Text;
using System.Text.Json;
using CsCheck;
using MarketRules.Engine;

namespace MarketRules.IntegrationTests;

public class HttpHostTests(HostFixture host) : IClassFixture<HostFixture>
{
    private const string DeadlineBody = """{ "asOf": "2024-09-27", "input": { "trigger": "2024-09-27", "length": 15, "unit": "working-days" } }""";

    [Fact]
    public void Host_Address_IsLoopback() => Assert.True(IPAddress.IsLoopback(IPAddress.Parse(host.BaseAddress.Host)));

    [Fact]
    public async Task Evaluate_GoodRequest_Answers200WithDecision()
    {
        var (status, json) = await PostAsync("/v1/rules/calendar.deadline/1/evaluate", DeadlineBody);
        Assert.Equal(HttpStatusCode.OK, status);
        using var decision = JsonDocument.Parse(json);
        Assert.Equal("2024-10-23", decision.RootElement.GetProperty("result").GetProperty("lastDay").GetString());
        Assert.Equal("calendar.deadline/1", decision.RootElement.GetProperty("explanation").GetProperty("rule").GetString());
    }

    [Fact]
    public async Task Evaluate_EscapedRuleId_IsUnderstood()
    {
        var (status, _) = await PostAsync("/v1/rules/calendar.deadline%2F1/evaluate", DeadlineBody);
        Assert.Equal(HttpStatusCode.OK, status);
    }

    public static TheoryData<string, string, string> BadRequests() => new()
    {
        { "/v1/rules/calendar.deadline/1/evaluate", "{ not json", "MR.Engine.InvalidJson" },
        { "/v1/rules/calendar.deadline/1/evaluate", "", "MR.Engine.InvalidJson" },
        { "/v1/rules/nope/1/evaluate", DeadlineBody, "MR.Engine.UnknownRule" },
        { "/v1/rules/calendar.deadline/1/evaluate", """{ "input": { "trigger": "2024-09-27", "penaltyLawDays": 5 } }""", "MR.Engine.MissingField" },
        { "/v1/rules/calendar.deadline/1/evaluate", """{ "asOf": "2024-09-27", "input": { "trigger": true, "penaltyLawDays": 5 } }""", "MR.Engine.WrongType" },
        { "/v1/rules/calendar.deadline/1/evaluate", """{ "asOf": "2024-09-27", "input": { "trigger": "2024-09-27", "length": 1e30, "unit": "days" } }""", "MR.Engine.ValueOutOfRange" },
        { "/v1/rules/calendar.deadline/1/evaluate", """{ "asOf": "2024-09-27", "input": { "trigger": "2024-09-27", "length": -3, "unit": "days" } }""", "MR.Deadline.OutOfRange" },
        { "/v1/rules/calendar.deadline/1/evaluate", """{ "rule": "calendar.working-days/1", "asOf": "2024-09-27", "input": {} }""", "MR.Engine.RuleMismatch" },
        { "/v1/batch", "[ {", "MR.Engine.InvalidJson" },
        { "/v1/batch", "{}", "MR.Engine.WrongType" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task Post_BadInput_Answers400WithEngineError(string path, string body, string code)
    {
        var (status, json) = await PostAsync(path, body);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        using var decision = JsonDocument.Parse(json);
        Assert.False(decision.RootElement.GetProperty("ok").GetBoolean());
        Assert.Equal(400, decision.RootElement.GetProperty("status").GetInt32());
        Assert.Contains(decision.RootElement.GetProperty("errors").EnumerateArray(), e => e.GetProperty("code").GetString() == code);
    }

    [Fact]
    public async Task Evaluate_BodyOverLimit_Answers413WithError()
    {
        // The client asks "100-continue" as a well-behaved large upload does: the host refuses on the declared length before
        // any body is sent. Without it the host's early 413 races the client's still-running upload (a broken pipe on CI).
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/v1/rules/calendar.deadline/1/evaluate", UriKind.Relative))
        {
            Content = new StringContent("{\"pad\":\"" + new string('x', 1_100_000) + "\"}", Encoding.UTF8, "application/json"),
        };
        request.Headers.ExpectContinue = true;
        using var response = await host.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("MR.Engine.RequestTooLarge", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Batch_Array_AnswersEachInOrder()
    {
        var (status, json) = await PostAsync("/v1/batch", $$"""[ { "rule": "calendar.deadline/1", "asOf": "2024-09-27", "input": { "trigger": "2024-09-27", "penaltyLawDays": 5 } }, { "rule": "nope/1" }, "x" ]""");
        Assert.Equal(HttpStatusCode.OK, status);
        using var decisions = JsonDocument.Parse(json);
        Assert.Equal([true, false, false], decisions.RootElement.EnumerateArray().Select(d => d.GetProperty("ok").GetBoolean()));
    }

    [Fact]
    public async Task Batch_LargeArray_IsStreamedAndAnsweredInOrder()
    {
        // Over the single-request limit, so streamed: decisions leave as requests arrive.
        const string request = """{ "rule": "calendar.working-days/1", "asOf": "2024-10-12", "input": { "date": "2024-10-12" } }""";
        var count = (int)(MarketRules.AspNetCore.MarketRulesEndpoints.MaxEvaluateBytes / request.Length) + 10;
        var (status, json) = await PostAsync("/v1/batch", "[" + string.Join(",", Enumerable.Repeat(request, count)) + "]");
        Assert.Equal(HttpStatusCode.OK, status);
        using var decisions = JsonDocument.Parse(json);
        Assert.Equal(count, decisions.RootElement.GetArrayLength());
        Assert.All(decisions.RootElement.EnumerateArray(), d => Assert.True(d.GetProperty("ok").GetBoolean()));
    }

    [Fact]
    public async Task Batch_Ndjson_AnswersOneLinePerRequest()
    {
        using var content = new StringContent(
            """{ "rule": "calendar.working-days/1", "asOf": "2024-10-12", "input": { "date": "2024-10-12" } }""" + "\n{oops\n\n" +
            """{ "rule": "calendar.working-days/1", "asOf": "2024-10-01", "input": { "date": "2024-10-01" } }""" + "\n",
            Encoding.UTF8, "application/x-ndjson");
        using var response = await host.Client.PostAsync(new Uri("/v1/batch", UriKind.Relative), content);
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.Contains("\"isWorkingDay\":true", lines[0]);
        Assert.Contains("MR.Engine.InvalidJson", lines[1]);
        Assert.Contains("\"isWorkingDay\":false", lines[2]);
    }

    [Fact]
    public async Task Batch_Ndjson_InvalidUtf8Line_IsAnsweredAndTheBatchGoesOn()
    {
        var good = Encoding.UTF8.GetBytes("""{ "rule": "calendar.working-days/1", "asOf": "2024-10-12", "input": { "date": "2024-10-12" } }""" + "\n");
        byte[] bad = [.. Encoding.UTF8.GetBytes("{ \"rule\": \"calendar.working-days/1\", \"asOf\": \"2024-10-12\", \"jurisdiction\": \""), 0xFF, 0xFE, .. Encoding.UTF8.GetBytes("\", \"input\": {} }\n")];
        using var content = new ByteArrayContent([.. good, .. bad, .. good]);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-ndjson");
        using var response = await host.Client.PostAsync(new Uri("/v1/batch", UriKind.Relative), content);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.Contains("\"isWorkingDay\":true", lines[0]);
        Assert.Contains("MR.Engine.InvalidJson", lines[1]);
        Assert.Contains("\"path\":\"$.jurisdiction\"", lines[1]);
        Assert.Contains("\"isWorkingDay\":true", lines[2]);
    }

    [Fact]
    public async Task Evaluate_InvalidUtf8_AnswersCodedErrorNot500()
    {
        byte[] bad = [.. Encoding.UTF8.GetBytes("{ \"asOf\": \"2024-10-12\", \"input\": { \"date\": \"2024-10-12"), 0xC3, 0x28, .. Encoding.UTF8.GetBytes("\" } }")];
        using var content = new ByteArrayContent(bad);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        using var response = await host.Client.PostAsync(new Uri("/v1/rules/calendar.working-days/1/evaluate", UriKind.Relative), content);
        var body = await response.Content.ReadAsStringAsync();
        Assert.NotEqual(System.Net.HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("MR.Engine.InvalidJson", body);
    }

    [Fact]
    public async Task Rules_ListsEveryBuiltInRuleWithSchemas()
    {
        var json = await host.Client.GetStringAsync(new Uri("/v1/rules", UriKind.Relative));
        using var catalog = JsonDocument.Parse(json);
        var ids = catalog.RootElement.EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToList();
        Assert.Equal(BuiltInRules.All.Select(r => r.Id).Order(StringComparer.Ordinal), ids);
        Assert.All(catalog.RootElement.EnumerateArray(), r => Assert.Equal("object", r.GetProperty("input").GetProperty("type").GetString()));
    }

    [Fact]
    public async Task Answers_ChineseText_AreReadableAndHtmlStaysEscaped()
    {
        const string penaltyLawDays = """{ "rule": "calendar.deadline/1", "asOf": "2024-09-27", "input": { "trigger": "2024-09-27", "penaltyLawDays": 5 } }""";
        var (_, single) = await PostAsync("/v1/rules/calendar.deadline/1/evaluate", penaltyLawDays);
        var (_, batch) = await PostAsync("/v1/batch", $$"""[ {{penaltyLawDays}}, { "rule": "<b>罚</b>/1" } ]""");
        using var content = new StringContent(penaltyLawDays + "\n", Encoding.UTF8, "application/x-ndjson");
        using var response = await host.Client.PostAsync(new Uri("/v1/batch", UriKind.Relative), content);
        var lines = await response.Content.ReadAsStringAsync();
        var rules = await host.Client.GetStringAsync(new Uri("/v1/rules", UriKind.Relative));
        Assert.All(new[] { single, batch, lines }, json => Assert.Contains("\"zh\":\"中华人民共和国行政处罚法\"", json));
        Assert.Contains(@"\u003Cb\u003E罚\u003C/b\u003E", batch);
        Assert.DoesNotContain("<b>", batch);
        using var decisions = JsonDocument.Parse(batch);
        Assert.Equal("<b>罚</b>/1", decisions.RootElement[1].GetProperty("rule").GetString());
        Assert.All(new[] { single, batch, lines, rules }, json => Assert.DoesNotMatch(CliContractTests.NonAsciiEscape, json));
    }

    [Fact]
    public async Task Health_AnswersOk()
    {
        var json = await host.Client.GetStringAsync(new Uri("/health", UriKind.Relative));
        Assert.Contains("\"status\":\"ok\"", json);
    }

    [Fact]
    public async Task OpenApi_DocumentsTheEndpoints()
    {
        var json = await host.Client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        Assert.Contains("/v1/batch", json);
        Assert.Contains("/v1/rules/{name}/{version}/evaluate", json);
    }

    [Fact]
    public async Task Post_ArbitraryBytes_Meets_Specification()
    {
        // Nothing a caller sends makes the host fail: every body is answered 200 or 400, and the host stays up.
        var bodies = Gen.Byte.Array[0, 200].Array[25].Single();
        foreach (var body in bodies)
        {
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            using var response = await host.Client.PostAsync(new Uri("/v1/rules/calendar.deadline/1/evaluate", UriKind.Relative), content);
            Assert.Contains(response.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.BadRequest });
        }
        var health = await host.Client.GetAsync(new Uri("/health", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    private async Task<(HttpStatusCode Status, string Json)> PostAsync(string path, string body)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await host.Client.PostAsync(new Uri(path, UriKind.Relative), content);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
