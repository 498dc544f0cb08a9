using System.Text.Json;
using MarketRules.AspNetCore;
using MarketRules.Engine;
using MarketRules.Hosting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration.Memory;

namespace MarketRules.Server;

/// <summary>
/// The HTTP host: a thin ASP.NET Core application over MarketRules.AspNetCore — <c>builder.AddMarketRules()</c>,
/// <c>app.MapMarketRules("/v1")</c> (<c>POST /v1/rules/{rule}/{version}/evaluate</c>, <c>POST /v1/batch</c>,
/// <c>GET /v1/rules</c>, <c>GET /v1/openapi.json</c>, also served at <c>/openapi/v1.json</c>), <c>GET /health</c> and
/// <c>GET /health/ready</c> — with the subsidy claims endpoints (<c>/v1/subsidies/…</c>) over the ledgers chosen by
/// configuration (<see cref="SubsidyLedgerConfiguration"/>). Errors are RFC 9457 problems carrying the coded errors.
/// The host only composes: configuration, the clock, Kestrel's limits and the guard.
/// </summary>
internal static class ServerApp
{
    /// <summary>Where the host listens when neither <c>--urls</c> nor <c>ASPNETCORE_URLS</c> says: loopback only.</summary>
    public const string DefaultUrl = "http://127.0.0.1:5080";

    /// <summary>The largest request body Kestrel reads: the claims endpoints' (evaluation has its own 1 MiB; batches are streamed).</summary>
    public const long MaxBodyBytes = MarketRulesEndpoints.MaxClaimBytes;

    // ASP.NET Core's request logging writes ~8 lines per request at Information; at Warning the host logs what needs
    // attention, and MarketRules' own per-request lines are at Debug. Configuration (appsettings, environment) overrides.
    private static readonly Dictionary<string, string?> DefaultLogging = new(StringComparer.Ordinal)
    {
        ["Logging:LogLevel:Default"] = "Information",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
        ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Information",
    };

    public static WebApplication Build(string[] args, NodaTime.IClock? clock = null)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = DefaultLogging });
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["http_ports"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }
        builder.WebHost.ConfigureKestrel(options =>
        {
            options.AddServerHeader = false;
            options.Limits.MaxRequestBodySize = MaxBodyBytes;
            options.Limits.MaxRequestHeadersTotalSize = 32 * 1024;
            options.Limits.MaxRequestLineSize = 8 * 1024;
            options.Limits.RequestHeadersTimeout = TimeSpan.FromSeconds(30);
        });
        builder.AddMarketRules();
#pragma warning disable RS0030 // The host is a composition root: the real clock enters here unless the caller (a test) passes one.
        builder.Services.AddSingleton(clock ?? NodaTime.SystemClock.Instance);
#pragma warning restore RS0030
        builder.Services.AddMarketRulesSubsidyLedgers(_ => SubsidyLedgerConfiguration.Storage(builder.Configuration));

        var app = builder.Build();
        app.Use(GuardAsync);
        app.MapMarketRulesHealthChecks();
        app.MapMarketRules("/v1");
        app.MapGet("/openapi/v1.json", (HttpContext context) => MarketRulesEndpoints.WriteOpenApiAsync(context, "/v1"))
            .WithSummary("The OpenAPI document (the same as /v1/openapi.json).");
        return app;
    }

    // Whatever goes wrong with a subsidy request's framing (too large, malformed, aborted) is answered, never thrown at the host.
    private static async Task GuardAsync(HttpContext context, RequestDelegate next)
    {
        try
        {
            await next(context).ConfigureAwait(false);
        }
        catch (BadHttpRequestException ex) when (!context.Response.HasStarted)
        {
            var error = ex.StatusCode == StatusCodes.Status413PayloadTooLarge
                ? EngineErrors.RequestTooLarge.Create("$", ("Limit", context.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize ?? MaxBodyBytes))
                : EngineErrors.InvalidJson.Create("$", ("Detail", new LocalizedText("无法读取请求", "the request could not be read")));
            var buffer = new System.Buffers.ArrayBufferWriter<byte>();
            using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = MarketRules.Json.MarketRulesJson.Encoder }))
            {
                w.WriteStartObject();
                w.WriteString("type", "urn:marketrules:error:" + error.Code);
                w.WriteString("title", Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(ex.StatusCode));
                w.WriteNumber("status", ex.StatusCode);
                w.WriteString("detail", error.Message.English);
                w.WriteNull("rule");
                w.WriteBoolean("ok", false);
                w.WriteStartArray("errors");
                MarketRules.Json.MarketRulesJson.Write(w, error);
                w.WriteEndArray();
                w.WriteEndObject();
            }
            context.Response.StatusCode = ex.StatusCode;
            context.Response.ContentType = "application/problem+json; charset=utf-8";
            await context.Response.Body.WriteAsync(buffer.WrittenMemory, context.RequestAborted).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The caller went away; nothing to answer.
        }
    }
}
