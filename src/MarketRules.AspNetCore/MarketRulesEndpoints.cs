using System.Buffers;
using System.Diagnostics;
using System.Text.Json;
using MarketRules.Engine;
using MarketRules.Hosting;
using MarketRules.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Headers;

namespace MarketRules.AspNetCore;

/// <summary>Maps the rule engine's HTTP routes into an ASP.NET Core application.</summary>
public static partial class MarketRulesEndpoints
{
    /// <summary>The largest single evaluation request body, in bytes (1 MiB): larger is answered 413.</summary>
    public const long MaxEvaluateBytes = 1 << 20;

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = MarketRulesJson.Encoder };

    /// <summary>
    /// Maps under <paramref name="prefix"/>: <c>GET rules</c> (the catalog with every rule's input and result JSON
    /// Schema), <c>POST rules/{name}/{version}/evaluate</c> and <c>POST rules/{rule}/evaluate</c> (one request
    /// <c>{ asOf, jurisdiction?, input }</c>), <c>POST batch</c> (a JSON array, streamed in bounded memory, or NDJSON
    /// with <c>Content-Type: application/x-ndjson</c>) and <c>GET openapi.json</c> (the OpenAPI 3.1 document of every
    /// route of the application, with each rule's schemas and examples from the conformance vectors).
    /// When subsidy ledgers are registered (MarketRules.Hosting's <c>services.AddMarketRulesSubsidyLedgers(…)</c>), also
    /// the claims endpoints: <c>POST subsidies/{scheme}/claims</c> (assess and reserve), <c>POST
    /// subsidies/{scheme}/claims/{claimId}/confirm</c> and <c>…/release</c>, <c>GET subsidies/{scheme}/claims/{claimId}</c>,
    /// <c>GET subsidies/{scheme}/balances</c>, <c>GET subsidies/{scheme}/journal</c> and <c>POST
    /// subsidies/{scheme}/release-expired</c>. Each of their <c>POST</c>s honours an <see cref="IdempotencyKeyHeader"/>
    /// header: the first response is kept in the ledgers' database and replayed by any server for the same request
    /// (<c>Idempotency-Replayed: true</c>); another request under the key is refused (422, <c>MR.Http.IdempotencyKeyReused</c>).
    /// </summary>
    /// <param name="endpoints">The application.</param>
    /// <param name="prefix">The route prefix, e.g. <c>/v1</c>.</param>
    /// <returns>The route group, to add authorization, rate limiting or other conventions.</returns>
    /// <remarks>
    /// Requires <c>AddMarketRules</c>. Bad input is answered 400 with an RFC 9457 problem
    /// (<c>application/problem+json</c>) whose <c>errors</c> are the engine's coded errors (code, JSON path, zh, en);
    /// a body of another media type 415, a body over <see cref="MaxEvaluateBytes"/> 413, both as problems too.
    /// </remarks>
    /// <exception cref="InvalidOperationException">Thrown when <c>AddMarketRules</c> was not called.</exception>
    public static RouteGroupBuilder MapMarketRules(this IEndpointRouteBuilder endpoints, string prefix = "/v1")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(prefix);
        if (endpoints.ServiceProvider.GetService<IMarketRulesLaw>() is null)
        {
            throw new InvalidOperationException("MapMarketRules needs the MarketRules services: call builder.AddMarketRules() (MarketRules.AspNetCore) or services.AddMarketRules(…) (MarketRules.Hosting) first.");
        }
        var group = endpoints.MapGroup(prefix);
        group.MapGet("/rules", (HttpContext context) => WriteJsonAsync(context, w =>
            RuleSchemas.WriteCatalog(context.RequestServices.GetRequiredService<RuleEngine>(), w, includeSchemas: true)))
            .WithSummary("The rules, with their input and result JSON Schemas.")
            .WithMetadata(MarketRulesRoute.Catalog);
        group.MapPost("/rules/{name}/{version:int}/evaluate", context => EvaluateAsync(context, Route(context, "name") + "/" + Route(context, "version")))
            .WithSummary("Evaluate one request { asOf, jurisdiction?, input } against a rule, e.g. rules/calendar.deadline/1/evaluate.")
            .WithMetadata(MarketRulesRoute.Evaluate);
        // The rule id with its slash escaped (calendar.deadline%2F1), for clients that treat ids as opaque.
        group.MapPost("/rules/{rule}/evaluate", context => EvaluateAsync(context, Uri.UnescapeDataString(Route(context, "rule"))))
            .WithSummary("Evaluate one request against a rule named by its escaped id (calendar.deadline%2F1).")
            .WithMetadata(MarketRulesRoute.EvaluateEscaped);
        group.MapPost("/batch", BatchAsync)
            .WithSummary("Evaluate a JSON array of requests (→ array of decisions, in order, streamed), or NDJSON (Content-Type application/x-ndjson → one decision per line).")
            .WithMetadata(MarketRulesRoute.Batch);
        group.MapGet("/openapi.json", (HttpContext context) => WriteJsonAsync(context, w =>
            MarketRulesOpenApi.Write(w, context.RequestServices.GetRequiredService<RuleEngine>(), context.RequestServices.GetRequiredService<EndpointDataSource>(), prefix)))
            .WithSummary("This OpenAPI document.")
            .WithMetadata(MarketRulesRoute.OpenApi);
        // Asked without resolving it: the ledgers open on their first request, not when the routes are mapped.
        if (endpoints.ServiceProvider.GetService<IServiceProviderIsService>()?.IsService(typeof(SubsidyLedgerRegistry)) == true)
        {
            MapSubsidyClaims(group);
        }
        return group;
    }

    /// <summary>Writes the OpenAPI document of the application (as <c>GET {prefix}/openapi.json</c> answers it), for a host that serves it at another path too.</summary>
    /// <param name="context">The request.</param>
    /// <param name="prefix">The prefix <see cref="MapMarketRules"/> was given.</param>
    /// <returns>The write.</returns>
    public static Task WriteOpenApiAsync(HttpContext context, string prefix = "/v1")
    {
        ArgumentNullException.ThrowIfNull(context);
        return WriteJsonAsync(context, w =>
            MarketRulesOpenApi.Write(w, context.RequestServices.GetRequiredService<RuleEngine>(), context.RequestServices.GetRequiredService<EndpointDataSource>(), prefix));
    }

    // Route handlers take the HttpContext alone: no request delegate generation or reflection, so the package stays AOT-clean.
    private static string Route(HttpContext context, string name) =>
        Convert.ToString(context.Request.RouteValues[name], System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;

    private static async Task EvaluateAsync(HttpContext context, string rule)
    {
        if (!await AcceptsAsync(context, ndjson: false).ConfigureAwait(false))
        {
            return;
        }
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxEvaluateBytes;
        }
        var started = Stopwatch.GetTimestamp();
        if (await ReadBodyAsync(context).ConfigureAwait(false) is not { } body)
        {
            return;
        }
        var engine = context.RequestServices.GetRequiredService<RuleEngine>();
        var buffer = new ArrayBufferWriter<byte>(2048);
        bool ok;
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            ok = engine.Evaluate(body.WrittenSpan, writer, rule);
        }
        if (ok)
        {
            await WriteAsync(context, StatusCodes.Status200OK, buffer.WrittenMemory).ConfigureAwait(false);
        }
        else
        {
            await ProblemJson.WriteDecisionAsync(context, StatusCodes.Status400BadRequest, buffer.WrittenMemory).ConfigureAwait(false);
        }
        Log.Evaluated(Logger(context), rule, ok, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    private static async Task BatchAsync(HttpContext context)
    {
        if (!await AcceptsAsync(context, ndjson: true).ConfigureAwait(false))
        {
            return;
        }
        var engine = context.RequestServices.GetRequiredService<RuleEngine>();
        // Both forms are read as they arrive, one request at a time: memory stays bounded whatever the body's size.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = null;
        }
        var started = Stopwatch.GetTimestamp();
        long answered;
        if (IsNdjson(context.Request.ContentType))
        {
            context.Response.StatusCode = StatusCodes.Status200OK;
            context.Response.ContentType = "application/x-ndjson; charset=utf-8";
            answered = await engine.EvaluateLinesAsync(context.Request.BodyReader, context.Response.BodyWriter, context.RequestAborted).ConfigureAwait(false);
        }
        else if (context.Request.ContentLength <= MaxEvaluateBytes || !await StartsArrayAsync(context).ConfigureAwait(false))
        {
            // A small batch is checked whole before it is answered, so that a malformed one is one 400 problem rather
            // than half an array; so is a body that is not an array at all (read up to the single-request limit).
            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } small)
            {
                small.MaxRequestBodySize = MaxEvaluateBytes;
            }
            if (await ReadBodyAsync(context).ConfigureAwait(false) is not { } body)
            {
                return;
            }
            var buffer = new ArrayBufferWriter<byte>((body.WrittenCount * 2) + 512);
            bool ok;
            using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
            {
                ok = engine.EvaluateBatch(body.WrittenSpan, writer);
            }
            if (ok)
            {
                await WriteAsync(context, StatusCodes.Status200OK, buffer.WrittenMemory).ConfigureAwait(false);
            }
            else
            {
                await ProblemJson.WriteDecisionAsync(context, StatusCodes.Status400BadRequest, buffer.WrittenMemory).ConfigureAwait(false);
            }
            answered = -1;
        }
        else
        {
            context.Response.StatusCode = StatusCodes.Status200OK;
            context.Response.ContentType = "application/json; charset=utf-8";
            answered = await engine.EvaluateBatchAsync(context.Request.BodyReader, context.Response.BodyWriter, context.RequestAborted).ConfigureAwait(false);
        }
        Log.Batch(Logger(context), answered, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    // Whether the body's first non-blank byte opens an array; nothing is consumed.
    private static async Task<bool> StartsArrayAsync(HttpContext context)
    {
        var reader = context.Request.BodyReader;
        while (true)
        {
            var read = await reader.ReadAsync(context.RequestAborted).ConfigureAwait(false);
            foreach (var segment in read.Buffer)
            {
                foreach (var b in segment.Span)
                {
                    if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
                    {
                        reader.AdvanceTo(read.Buffer.Start);
                        return b == (byte)'[';
                    }
                }
            }
            reader.AdvanceTo(read.Buffer.Start, read.Buffer.End);
            if (read.IsCompleted)
            {
                return false;
            }
        }
    }

    private static async Task<bool> AcceptsAsync(HttpContext context, bool ndjson)
    {
        var contentType = context.Request.ContentType;
        if (IsJson(contentType) || (ndjson && IsNdjson(contentType)))
        {
            return true;
        }
        var expected = ndjson ? "application/json or application/x-ndjson" : "application/json";
        await ProblemJson.WriteAsync(context, StatusCodes.Status415UnsupportedMediaType, null,
            [HttpErrors.UnsupportedMediaType.Create("$", ("ContentType", contentType ?? "(none)"), ("Expected", expected))]).ConfigureAwait(false);
        return false;
    }

    private static bool IsJson(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var media)
        && (media.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) || media.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase))
        && IsUtf8(media);

    private static bool IsNdjson(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var media)
        && media.MediaType.Equals("application/x-ndjson", StringComparison.OrdinalIgnoreCase)
        && IsUtf8(media);

    // JSON is UTF-8 (RFC 8259 §8.1): a body declared in another charset is refused rather than misread.
    private static bool IsUtf8(MediaTypeHeaderValue media) =>
        !media.Charset.HasValue || media.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase);

    private static async Task<ArrayBufferWriter<byte>?> ReadBodyAsync(HttpContext context)
    {
        var body = new ArrayBufferWriter<byte>(4096);
        var reader = context.Request.BodyReader;
        try
        {
            while (true)
            {
                var read = await reader.ReadAsync(context.RequestAborted).ConfigureAwait(false);
                foreach (var segment in read.Buffer)
                {
                    body.Write(segment.Span);
                }
                reader.AdvanceTo(read.Buffer.End);
                if (read.IsCompleted)
                {
                    return body;
                }
            }
        }
        catch (BadHttpRequestException ex) when (!context.Response.HasStarted)
        {
            var error = ex.StatusCode == StatusCodes.Status413PayloadTooLarge
                ? EngineErrors.RequestTooLarge.Create("$", ("Limit", context.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize ?? MaxEvaluateBytes))
                : EngineErrors.InvalidJson.Create("$", ("Detail", new LocalizedText("无法读取请求正文", "the request body could not be read")));
            await ProblemJson.WriteAsync(context, ex.StatusCode, null, [error]).ConfigureAwait(false);
            return null;
        }
    }

    private static Task WriteJsonAsync(HttpContext context, Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            write(writer);
        }
        return WriteAsync(context, StatusCodes.Status200OK, buffer.WrittenMemory);
    }

    private static async Task WriteAsync(HttpContext context, int status, ReadOnlyMemory<byte> json)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.ContentLength = json.Length;
        await context.Response.BodyWriter.WriteAsync(json, context.RequestAborted).ConfigureAwait(false);
    }

    private static ILogger Logger(HttpContext context) =>
        context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("MarketRules.AspNetCore");

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Debug, "Evaluated {Rule}: ok={Ok} in {ElapsedMs:F2} ms")]
        public static partial void Evaluated(ILogger logger, string rule, bool ok, double elapsedMs);

        [LoggerMessage(2, LogLevel.Debug, "Batch answered {Count} requests in {ElapsedMs:F2} ms")]
        public static partial void Batch(ILogger logger, long count, double elapsedMs);
    }
}

/// <summary>Marks the routes <see cref="MarketRulesEndpoints.MapMarketRules"/> maps, for the OpenAPI document.</summary>
internal sealed class MarketRulesRoute(string kind)
{
    public static readonly MarketRulesRoute Catalog = new("catalog");
    public static readonly MarketRulesRoute Evaluate = new("evaluate");
    public static readonly MarketRulesRoute EvaluateEscaped = new("evaluate-escaped");
    public static readonly MarketRulesRoute Batch = new("batch");
    public static readonly MarketRulesRoute OpenApi = new("openapi");
    public static readonly MarketRulesRoute SubsidyClaim = new("subsidy-claim");

    public string Kind { get; } = kind;
}
