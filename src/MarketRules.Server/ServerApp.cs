using System.Buffers;
using System.IO.Pipelines;
using System.Text.Json;
using MarketRules.Engine;
using Microsoft.AspNetCore.Http.Features;

namespace MarketRules.Server;

/// <summary>
/// The HTTP host: <c>POST /v1/rules/{rule}/{version}/evaluate</c>, <c>POST /v1/batch</c> (a JSON array, or
/// NDJSON with <c>Content-Type: application/x-ndjson</c>), <c>GET /v1/rules</c>, <c>GET /health</c> and the
/// OpenAPI document at <c>/openapi/v1.json</c>. Bad input answers 400 with the engine's error objects. The subsidy
/// claims endpoints (<c>/v1/subsidies/…</c>, <see cref="SubsidyEndpoints"/>) run a phase over a durable ledger.
/// </summary>
internal static class ServerApp
{
    /// <summary>Where the host listens when neither <c>--urls</c> nor <c>ASPNETCORE_URLS</c> says: loopback only.</summary>
    public const string DefaultUrl = "http://127.0.0.1:5080";

    /// <summary>The largest single request body.</summary>
    public const long MaxEvaluateBytes = 1 << 20;

    /// <summary>The largest batch body (an NDJSON stream is limited per line instead).</summary>
    public const long MaxBatchBytes = 16 << 20;

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = MarketRules.Json.MarketRulesJson.Encoder };

    public static WebApplication Build(string[] args, RuleEngine? engine = null, NodaTime.IClock? clock = null)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["http_ports"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }
        builder.WebHost.ConfigureKestrel(options =>
        {
            options.AddServerHeader = false;
            options.Limits.MaxRequestBodySize = MaxBatchBytes;
            options.Limits.MaxRequestHeadersTotalSize = 32 * 1024;
            options.Limits.MaxRequestLineSize = 8 * 1024;
            options.Limits.RequestHeadersTimeout = TimeSpan.FromSeconds(30);
        });
        builder.Services.AddOpenApi();
        builder.Services.AddSingleton(engine ?? CreateEngine(builder.Configuration.GetSection("MarketRules:PolicyPacks").Get<string[]>() ?? []));
#pragma warning disable RS0030 // The host is a composition root: the real clock enters here unless the caller (a test) passes one.
        builder.Services.AddSingleton(clock ?? NodaTime.SystemClock.Instance);
#pragma warning restore RS0030
        builder.Services.AddSingleton<SubsidyLedgers>();

        var app = builder.Build();
        app.Use(GuardAsync);
        app.MapOpenApi();

        app.MapGet("/health", (HttpContext context) => WriteJsonAsync(context, StatusCodes.Status200OK, w =>
        {
            w.WriteStartObject();
            w.WriteString("status", "ok");
            w.WriteNumber("rules", context.RequestServices.GetRequiredService<RuleEngine>().Rules.Length);
            w.WriteEndObject();
        }))
            .WithSummary("Liveness: ok and the number of rules.");

        app.MapGet("/v1/rules", (HttpContext context) => WriteJsonAsync(context, StatusCodes.Status200OK, w =>
            RuleSchemas.WriteCatalog(context.RequestServices.GetRequiredService<RuleEngine>(), w, includeSchemas: true)))
            .WithSummary("The rules, with their input and result JSON Schemas.");

        app.MapPost("/v1/rules/{name}/{version:int}/evaluate", (HttpContext context, string name, int version) => EvaluateAsync(context, name + "/" + version))
            .WithSummary("Evaluate one request { asOf, jurisdiction?, input } against a rule, e.g. /v1/rules/calendar.deadline/1/evaluate.")
            .Produces(StatusCodes.Status200OK, contentType: "application/json")
            .Produces(StatusCodes.Status400BadRequest, contentType: "application/json");

        // The rule id with its slash escaped (calendar.deadline%2F1), for clients that treat ids as opaque.
        app.MapPost("/v1/rules/{rule}/evaluate", (HttpContext context, string rule) => EvaluateAsync(context, Uri.UnescapeDataString(rule)))
            .WithSummary("Evaluate one request against a rule named by its escaped id (calendar.deadline%2F1).")
            .Produces(StatusCodes.Status200OK, contentType: "application/json")
            .Produces(StatusCodes.Status400BadRequest, contentType: "application/json");

        app.MapPost("/v1/batch", (HttpContext context, CancellationToken cancellation) => BatchAsync(context))
            .WithSummary("Evaluate a JSON array of requests (→ array of decisions, in order), or NDJSON (Content-Type application/x-ndjson → one decision per line).")
            .Produces(StatusCodes.Status200OK, contentType: "application/json")
            .Produces(StatusCodes.Status400BadRequest, contentType: "application/json");

        SubsidyEndpoints.Map(app);
        return app;
    }

    // Local policy packs named in configuration (MarketRules:PolicyPacks:0=path, …) apply by jurisdiction; a bad pack stops the start.
    private static RuleEngine CreateEngine(string[] packPaths)
    {
        var policy = NationalCatalog.Policy;
        foreach (var path in packPaths)
        {
            var pack = MarketRules.Parameters.PolicyPack.Parse(File.ReadAllText(path), policy.Catalog).GetValueOrThrow();
            policy = policy.WithPack(pack).GetValueOrThrow();
        }
        return packPaths.Length == 0 ? RuleEngine.Default : new RuleEngine(policy);
    }

    private static async Task EvaluateAsync(HttpContext context, string rule)
    {
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxEvaluateBytes;
        }
        var engine = context.RequestServices.GetRequiredService<RuleEngine>();
        var body = await ReadBodyAsync(context).ConfigureAwait(false);
        var buffer = new ArrayBufferWriter<byte>();
        bool ok;
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            ok = engine.Evaluate(body.WrittenSpan, writer, rule);
        }
        await WriteAsync(context, ok ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest, buffer.WrittenMemory).ConfigureAwait(false);
    }

    private static async Task BatchAsync(HttpContext context)
    {
        var engine = context.RequestServices.GetRequiredService<RuleEngine>();
        if (context.Request.ContentType?.StartsWith("application/x-ndjson", StringComparison.OrdinalIgnoreCase) == true)
        {
            // Streamed line by line in constant memory; no overall body limit.
            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            {
                limit.MaxRequestBodySize = null;
            }
            context.Response.StatusCode = StatusCodes.Status200OK;
            context.Response.ContentType = "application/x-ndjson; charset=utf-8";
            await engine.EvaluateLinesAsync(context.Request.BodyReader, context.Response.BodyWriter, context.RequestAborted).ConfigureAwait(false);
            return;
        }
        var body = await ReadBodyAsync(context).ConfigureAwait(false);
        var buffer = new ArrayBufferWriter<byte>();
        bool ok;
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            ok = engine.EvaluateBatch(body.WrittenSpan, writer);
        }
        await WriteAsync(context, ok ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest, buffer.WrittenMemory).ConfigureAwait(false);
    }

    private static async Task<ArrayBufferWriter<byte>> ReadBodyAsync(HttpContext context)
    {
        var body = new ArrayBufferWriter<byte>(4096);
        var reader = context.Request.BodyReader;
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

    // Whatever goes wrong with a request's framing (too large, malformed, aborted) is answered, never thrown at the host.
    private static async Task GuardAsync(HttpContext context, RequestDelegate next)
    {
        try
        {
            await next(context).ConfigureAwait(false);
        }
        catch (BadHttpRequestException ex) when (!context.Response.HasStarted)
        {
            var error = ex.StatusCode == StatusCodes.Status413PayloadTooLarge
                ? EngineErrors.RequestTooLarge.Create("$", ("Limit", context.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize ?? MaxBatchBytes))
                : EngineErrors.InvalidJson.Create("$", ("Detail", ex.Message));
            await WriteJsonAsync(context, ex.StatusCode, w =>
            {
                w.WriteStartObject();
                w.WriteNull("rule");
                w.WriteBoolean("ok", false);
                w.WriteStartArray("errors");
                MarketRules.Json.MarketRulesJson.Write(w, error);
                w.WriteEndArray();
                w.WriteEndObject();
            }).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The caller went away; nothing to answer.
        }
    }

    private static Task WriteJsonAsync(HttpContext context, int status, Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            write(writer);
        }
        return WriteAsync(context, status, buffer.WrittenMemory);
    }

    private static async Task WriteAsync(HttpContext context, int status, ReadOnlyMemory<byte> json)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.ContentLength = json.Length;
        await context.Response.BodyWriter.WriteAsync(json, context.RequestAborted).ConfigureAwait(false);
    }
}
