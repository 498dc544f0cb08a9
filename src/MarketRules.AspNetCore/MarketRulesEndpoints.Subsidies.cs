using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using MarketRules.Hosting;
using MarketRules.Subsidies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace MarketRules.AspNetCore;

// The subsidy claims endpoints, mapped by MapMarketRules when a SubsidyLedgerRegistry is registered
// (services.AddMarketRulesSubsidyLedgers): every route reads the ledger of {scheme} from the registry.
public static partial class MarketRulesEndpoints
{
    /// <summary>The name of the header that makes a <c>POST</c> of the claims endpoints idempotent.</summary>
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    /// <summary>The largest request body of the claims endpoints, in bytes (16 MiB): larger is answered 413.</summary>
    public const long MaxClaimBytes = 16 << 20;

    private static void MapSubsidyClaims(RouteGroupBuilder group)
    {
        group.MapPost("/subsidies/{scheme}/claims", context => IdempotentAsync(context, body =>
        {
            if (Ledger(context, out var ledger) is { } missing)
            {
                return missing;
            }
            var input = SubsidyLedgerJson.ReadClaim(body);
            var result = input.IsSuccess ? new SubsidyAllocator(ledger!).Submit(input.Value) : RuleResult<SubsidyDecision>.Failure(input.Errors);
            return result.IsSuccess
                ? Stored(StatusCodes.Status200OK, w => SubsidyLedgerJson.Write(w, result.Value))
                : Problem(context, StatusCodes.Status400BadRequest, result.Errors);
        }))
            .WithSummary("Assess and reserve a trade-in claim (first come, first served); honours Idempotency-Key.")
            .WithMetadata(MarketRulesRoute.SubsidyClaim);

        group.MapPost("/subsidies/{scheme}/claims/{claimId}/confirm", context =>
            IdempotentAsync(context, _ => Settle(context, (l, id) => l.Confirm(id))))
            .WithSummary("Mark a reservation paid (idempotent); honours Idempotency-Key.");

        group.MapPost("/subsidies/{scheme}/claims/{claimId}/release", context =>
            IdempotentAsync(context, _ => Settle(context, (l, id) => l.Release(id))))
            .WithSummary("Release a reservation whose payment failed: the money and keys return (idempotent); honours Idempotency-Key.");

        group.MapGet("/subsidies/{scheme}/claims/{claimId}", context =>
            SendAsync(context, Settle(context, (l, id) => l.Find(id) is { } r ? RuleResult<SubsidyReservation>.Success(r) : RuleResult<SubsidyReservation>.Failure(SubsidyLedgerRules.UnknownClaim(id)))))
            .WithSummary("A claim's reservation in its current state.");

        group.MapGet("/subsidies/{scheme}/balances", context =>
            SendAsync(context, Ledger(context, out var ledger) ?? Stored(StatusCodes.Status200OK, w => SubsidyLedgerJson.Write(w, ledger!.Snapshot()))))
            .WithSummary("The balances per phase: budget, held, paid, counts, remaining.");

        group.MapGet("/subsidies/{scheme}/journal", context =>
            SendAsync(context, Ledger(context, out var ledger) ?? Stored(StatusCodes.Status200OK, w =>
            {
                w.WriteStartArray();
                foreach (var entry in ledger!.Entries())
                {
                    SubsidyLedgerJson.Write(w, entry);
                }
                w.WriteEndArray();
            })))
            .WithSummary("The journal: every reserve, confirm, release and reject with its reason code and citation.");

        group.MapPost("/subsidies/{scheme}/release-expired", context => IdempotentAsync(context, _ =>
            Ledger(context, out var ledger) ?? Stored(StatusCodes.Status200OK, w =>
            {
                var now = Registry(context).Clock.GetCurrentInstant();
                w.WriteStartArray();
                foreach (var released in ledger!.ReleaseExpired(now))
                {
                    SubsidyLedgerJson.Write(w, released);
                }
                w.WriteEndArray();
            })))
            .WithSummary("Release every unpaid reservation whose hold lapsed (the scheme's reservation expiry).");
    }

    private static SubsidyLedgerRegistry Registry(HttpContext context) => context.RequestServices.GetRequiredService<SubsidyLedgerRegistry>();

    private static StoredResponse Settle(HttpContext context, Func<ISubsidyLedger, string, RuleResult<SubsidyReservation>> settle)
    {
        if (Ledger(context, out var ledger) is { } missing)
        {
            return missing;
        }
        var result = settle(ledger!, Route(context, "claimId"));
        if (result.IsSuccess)
        {
            return Stored(StatusCodes.Status200OK, w => SubsidyLedgerJson.Write(w, result.Value));
        }
        var status = result.Errors.Any(e => e.Code == SubsidyErrors.UnknownClaim.Code) ? StatusCodes.Status404NotFound : StatusCodes.Status409Conflict;
        return Problem(context, status, result.Errors);
    }

    // The ledger of the route's scheme, or the 404 problem of an unknown scheme.
    private static StoredResponse? Ledger(HttpContext context, out ISubsidyLedger? ledger)
    {
        var found = Registry(context).Find(Route(context, "scheme"));
        ledger = found.IsSuccess ? found.Value : null;
        return found.IsSuccess ? null : Problem(context, StatusCodes.Status404NotFound, found.Errors);
    }

    // With an Idempotency-Key: replay the response kept for the same request, refuse another request under the key,
    // else run the operation and keep its response (if another server kept one first, answer with that one).
    private static async Task IdempotentAsync(HttpContext context, Func<byte[], StoredResponse> operation)
    {
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxClaimBytes;
        }
        if (await ReadBodyAsync(context).ConfigureAwait(false) is not { } read)
        {
            return;
        }
        var body = read.WrittenSpan.ToArray();
        if (!context.Request.Headers.TryGetValue(IdempotencyKeyHeader, out var values))
        {
            await SendAsync(context, operation(body)).ConfigureAwait(false);
            return;
        }
        var key = values.ToString();
        if (key.Length is 0 or > 200 || key.Any(c => c is < ' ' or > '~'))
        {
            await SendAsync(context, Problem(context, StatusCodes.Status400BadRequest, [HttpErrors.InvalidIdempotencyKey.Create("$headers.Idempotency-Key")])).ConfigureAwait(false);
            return;
        }
        // The fingerprint's form is part of the stored records: servers of different versions share one database.
        var fingerprint = Convert.ToHexStringLower(SHA256.HashData([.. Encoding.UTF8.GetBytes(context.Request.Method + " " + context.Request.Path + "\n"), .. body]));
        var store = Registry(context).Idempotency;
        var kept = store.Find(key);
        var replayed = kept is not null;
        if (kept is null)
        {
            var mine = operation(body) with { Fingerprint = fingerprint };
            // A 5xx is not kept: the caller may retry it. Coded 4xx answers are decisions like any other.
            kept = mine.Status >= 500 ? mine : store.Save(key, mine);
            replayed = kept != mine;
        }
        if (kept.Fingerprint != fingerprint && kept.Status < 500)
        {
            await SendAsync(context, Problem(context, StatusCodes.Status422UnprocessableEntity, [HttpErrors.IdempotencyKeyReused.Create("$headers.Idempotency-Key", ("Key", key))])).ConfigureAwait(false);
            return;
        }
        if (replayed)
        {
            context.Response.Headers["Idempotency-Replayed"] = "true";
        }
        await SendAsync(context, kept).ConfigureAwait(false);
    }

    private static StoredResponse Stored(int status, Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            write(writer);
        }
        return new StoredResponse("", status, Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    private static StoredResponse Problem(HttpContext context, int status, IReadOnlyList<RuleError> errors) =>
        new("", status, Encoding.UTF8.GetString(ProblemJson.Format(context, status, null, errors).Span));

    private static async Task SendAsync(HttpContext context, StoredResponse response)
    {
        var bytes = Encoding.UTF8.GetBytes(response.Body);
        context.Response.StatusCode = response.Status;
        context.Response.ContentType = response.Status >= 400 ? ProblemJson.MediaType + "; charset=utf-8" : "application/json; charset=utf-8";
        context.Response.ContentLength = bytes.Length;
        await context.Response.Body.WriteAsync(bytes, context.RequestAborted).ConfigureAwait(false);
    }
}
