using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using MarketRules.Subsidies;
using NodaTime;

namespace MarketRules.Server;

/// <summary>
/// The claims endpoints over a durable ledger (see <see cref="SubsidyLedgers"/> for the configuration):
/// <list type="bullet">
/// <item><c>POST /v1/subsidies/{scheme}/claims</c> — assess and reserve a claim (a <c>SubsidyClaimInput</c>): the decision.</item>
/// <item><c>POST /v1/subsidies/{scheme}/claims/{claimId}/confirm</c>, <c>…/release</c> — settle it: the reservation.</item>
/// <item><c>GET /v1/subsidies/{scheme}/claims/{claimId}</c> — the reservation in its current state.</item>
/// <item><c>GET /v1/subsidies/{scheme}/balances</c>, <c>GET …/journal</c>, <c>POST …/release-expired</c>.</item>
/// </list>
/// Every POST honours an <c>Idempotency-Key</c> header: the first response is kept in the ledger's database and
/// replayed by any server for the same key and request (<c>Idempotency-Replayed: true</c>); the same key with another
/// request is refused (422, <c>MR.Http.IdempotencyKeyReused</c>). Errors are coded: 400 bad input, 404 unknown scheme
/// or claim, 409 a settled claim asked to settle the other way.
/// </summary>
internal static class SubsidyEndpoints
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    public static readonly MessageDefinition IdempotencyKeyReused = new(
        "MR.Http.IdempotencyKeyReused",
        "幂等键 {Key} 已用于另一个请求",
        "Idempotency key {Key} was already used for a different request");

    public static readonly MessageDefinition InvalidIdempotencyKey = new(
        "MR.Http.InvalidIdempotencyKey",
        "幂等键无效：应为 1 至 200 个可打印 ASCII 字符",
        "The idempotency key is invalid: 1 to 200 printable ASCII characters");

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = MarketRules.Json.MarketRulesJson.Encoder };

    public static void Map(WebApplication app)
    {
        app.MapPost("/v1/subsidies/{scheme}/claims", (HttpContext context, string scheme) => IdempotentAsync(context, async body =>
        {
            if (Ledger(context, scheme, out var ledger) is { } missing)
            {
                return missing;
            }
            var input = SubsidyLedgerJson.ReadClaim(body);
            var result = input.IsSuccess ? new SubsidyAllocator(ledger!).Submit(input.Value) : RuleResult<SubsidyDecision>.Failure(input.Errors);
            return await Task.FromResult(result.IsSuccess
                ? Json(StatusCodes.Status200OK, w => SubsidyLedgerJson.Write(w, result.Value))
                : Errors(StatusCodes.Status400BadRequest, result.Errors)).ConfigureAwait(false);
        }))
            .WithSummary("Assess and reserve a trade-in claim (first come, first served); honours Idempotency-Key.");

        app.MapPost("/v1/subsidies/{scheme}/claims/{claimId}/confirm", (HttpContext context, string scheme, string claimId) =>
            IdempotentAsync(context, _ => Task.FromResult(Settle(context, scheme, claimId, (l, id) => l.Confirm(id)))))
            .WithSummary("Mark a reservation paid (idempotent); honours Idempotency-Key.");

        app.MapPost("/v1/subsidies/{scheme}/claims/{claimId}/release", (HttpContext context, string scheme, string claimId) =>
            IdempotentAsync(context, _ => Task.FromResult(Settle(context, scheme, claimId, (l, id) => l.Release(id)))))
            .WithSummary("Release a reservation whose payment failed: the money and keys return (idempotent); honours Idempotency-Key.");

        app.MapGet("/v1/subsidies/{scheme}/claims/{claimId}", (HttpContext context, string scheme, string claimId) =>
            WriteAsync(context, Settle(context, scheme, claimId, (l, id) => l.Find(id) is { } r ? RuleResult<SubsidyReservation>.Success(r) : RuleResult<SubsidyReservation>.Failure(SubsidyLedgerRules.UnknownClaim(id)))))
            .WithSummary("A claim's reservation in its current state.");

        app.MapGet("/v1/subsidies/{scheme}/balances", (HttpContext context, string scheme) =>
            WriteAsync(context, Ledger(context, scheme, out var ledger) ?? Json(StatusCodes.Status200OK, w => SubsidyLedgerJson.Write(w, ledger!.Snapshot()))))
            .WithSummary("The balances per phase: budget, held, paid, counts, remaining.");

        app.MapGet("/v1/subsidies/{scheme}/journal", (HttpContext context, string scheme) =>
            WriteAsync(context, Ledger(context, scheme, out var ledger) ?? Json(StatusCodes.Status200OK, w =>
            {
                w.WriteStartArray();
                foreach (var entry in ledger!.Entries())
                {
                    SubsidyLedgerJson.Write(w, entry);
                }
                w.WriteEndArray();
            })))
            .WithSummary("The journal: every reserve, confirm, release and reject with its reason code and citation.");

        app.MapPost("/v1/subsidies/{scheme}/release-expired", (HttpContext context, string scheme) => IdempotentAsync(context, _ =>
            Task.FromResult(Ledger(context, scheme, out var ledger) ?? Json(StatusCodes.Status200OK, w =>
            {
                var now = context.RequestServices.GetRequiredService<IClock>().GetCurrentInstant();
                w.WriteStartArray();
                foreach (var released in ledger!.ReleaseExpired(now))
                {
                    SubsidyLedgerJson.Write(w, released);
                }
                w.WriteEndArray();
            }))))
            .WithSummary("Release every unpaid reservation whose hold lapsed (the scheme's reservation expiry).");
    }

    private static StoredResponse Settle(HttpContext context, string scheme, string claimId, Func<ISubsidyLedger, string, RuleResult<SubsidyReservation>> settle)
    {
        if (Ledger(context, scheme, out var ledger) is { } missing)
        {
            return missing;
        }
        var result = settle(ledger!, claimId);
        if (result.IsSuccess)
        {
            return Json(StatusCodes.Status200OK, w => SubsidyLedgerJson.Write(w, result.Value));
        }
        var status = result.Errors.Any(e => e.Code == SubsidyErrors.UnknownClaim.Code) ? StatusCodes.Status404NotFound : StatusCodes.Status409Conflict;
        return Errors(status, result.Errors);
    }

    private static StoredResponse? Ledger(HttpContext context, string scheme, out ISubsidyLedger? ledger)
    {
        var found = context.RequestServices.GetRequiredService<SubsidyLedgers>().Find(scheme);
        ledger = found.IsSuccess ? found.Value : null;
        return found.IsSuccess ? null : Errors(StatusCodes.Status404NotFound, found.Errors);
    }

    // With an Idempotency-Key: replay the response kept for the same request, refuse another request under the key,
    // else run the operation and keep its response (if another server kept one first, answer with that one).
    private static async Task IdempotentAsync(HttpContext context, Func<byte[], Task<StoredResponse>> operation)
    {
        var body = await ReadBodyAsync(context).ConfigureAwait(false);
        if (!context.Request.Headers.TryGetValue(IdempotencyKeyHeader, out var values))
        {
            await WriteAsync(context, await operation(body).ConfigureAwait(false)).ConfigureAwait(false);
            return;
        }
        var key = values.ToString();
        if (key.Length is 0 or > 200 || key.Any(c => c is < ' ' or > '~'))
        {
            await WriteAsync(context, Errors(StatusCodes.Status400BadRequest, [InvalidIdempotencyKey.Create("$headers.Idempotency-Key")])).ConfigureAwait(false);
            return;
        }
        var fingerprint = Convert.ToHexStringLower(SHA256.HashData([.. Encoding.UTF8.GetBytes(context.Request.Method + " " + context.Request.Path + "\n"), .. body]));
        var store = context.RequestServices.GetRequiredService<SubsidyLedgers>().Idempotency;
        var kept = store.Find(key);
        var replayed = kept is not null;
        if (kept is null)
        {
            var mine = (await operation(body).ConfigureAwait(false)) with { Fingerprint = fingerprint };
            // A 5xx is not kept: the caller may retry it. Coded 4xx answers are decisions like any other.
            kept = mine.Status >= 500 ? mine : store.Save(key, mine);
            replayed = kept != mine;
        }
        if (kept.Fingerprint != fingerprint && kept.Status < 500)
        {
            await WriteAsync(context, Errors(StatusCodes.Status422UnprocessableEntity, [IdempotencyKeyReused.Create("$headers.Idempotency-Key", ("Key", key))])).ConfigureAwait(false);
            return;
        }
        if (replayed)
        {
            context.Response.Headers["Idempotency-Replayed"] = "true";
        }
        await WriteAsync(context, kept).ConfigureAwait(false);
    }

    private static StoredResponse Json(int status, Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            write(writer);
        }
        return new StoredResponse("", status, Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    // An RFC 9457 problem, as MarketRules.AspNetCore answers the engine's errors: type from the first code, the coded
    // errors as an extension member.
    private static StoredResponse Errors(int status, IEnumerable<RuleError> errors) => Json(status, w =>
    {
        var first = errors.FirstOrDefault();
        w.WriteStartObject();
        w.WriteString("type", first is null ? "about:blank" : "urn:marketrules:error:" + first.Code);
        w.WriteString("title", Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status));
        w.WriteNumber("status", status);
        if (first is not null)
        {
            w.WriteString("detail", first.Message.English);
        }
        w.WriteBoolean("ok", false);
        w.WriteStartArray("errors");
        foreach (var error in errors)
        {
            MarketRules.Json.MarketRulesJson.Write(w, error);
        }
        w.WriteEndArray();
        w.WriteEndObject();
    });

    private static async Task WriteAsync(HttpContext context, StoredResponse response)
    {
        var bytes = Encoding.UTF8.GetBytes(response.Body);
        context.Response.StatusCode = response.Status;
        context.Response.ContentType = response.Status >= 400 ? "application/problem+json; charset=utf-8" : "application/json; charset=utf-8";
        context.Response.ContentLength = bytes.Length;
        await context.Response.Body.WriteAsync(bytes, context.RequestAborted).ConfigureAwait(false);
    }

    private static async Task<byte[]> ReadBodyAsync(HttpContext context)
    {
        using var memory = new MemoryStream();
        await context.Request.Body.CopyToAsync(memory, context.RequestAborted).ConfigureAwait(false);
        return memory.ToArray();
    }
}
