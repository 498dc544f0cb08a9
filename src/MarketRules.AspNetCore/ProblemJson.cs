using System.Buffers;
using System.Text.Json;
using MarketRules.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace MarketRules.AspNetCore;

// RFC 9457 problem details carrying the engine's coded errors. The engine's own error decision ({ rule, ok: false,
// errors }) stays whole inside the problem as extension members, so a client that reads either shape reads this one.
internal static class ProblemJson
{
    public const string MediaType = "application/problem+json";

    /// <summary>The problem type of a code: a URN, stable and resolvable in the docs' error tables.</summary>
    public static string TypeOf(string code) => "urn:marketrules:error:" + code;

    public static Task WriteAsync(HttpContext context, int status, string? rule, IReadOnlyList<RuleError> errors) =>
        SendAsync(context, status, Format(context, status, rule, errors));

    /// <summary>The problem's bytes, for a caller that keeps them (the claims endpoints' Idempotency-Key records).</summary>
    public static ReadOnlyMemory<byte> Format(HttpContext context, int status, string? rule, IReadOnlyList<RuleError> errors)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = MarketRulesJson.Encoder }))
        {
            WriteHead(writer, context, status, errors.Count > 0 ? errors[0].Code : null, errors.Count > 0 ? errors[0].Message.English : null);
            if (rule is null)
            {
                writer.WriteNull("rule");
            }
            else
            {
                writer.WriteString("rule", rule);
            }
            writer.WriteBoolean("ok", false);
            writer.WriteStartArray("errors");
            foreach (var error in errors)
            {
                MarketRulesJson.Write(writer, error);
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        return buffer.WrittenMemory;
    }

    /// <summary>Wraps an error decision the engine wrote ({ rule, ok: false, errors: [...] }) in a problem.</summary>
    public static Task WriteDecisionAsync(HttpContext context, int status, ReadOnlyMemory<byte> decision)
    {
        using var document = JsonDocument.Parse(decision);
        var root = document.RootElement;
        string? code = null, detail = null;
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("errors", out var errors) && errors.GetArrayLength() > 0)
        {
            code = errors[0].GetProperty("code").GetString();
            detail = errors[0].GetProperty("message").GetProperty("en").GetString();
        }
        var buffer = new ArrayBufferWriter<byte>(decision.Length + 256);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = MarketRulesJson.Encoder }))
        {
            WriteHead(writer, context, status, code, detail);
            foreach (var property in root.EnumerateObject())
            {
                property.WriteTo(writer);
            }
            writer.WriteEndObject();
        }
        return SendAsync(context, status, buffer.WrittenMemory);
    }

    private static void WriteHead(Utf8JsonWriter writer, HttpContext context, int status, string? code, string? detail)
    {
        writer.WriteStartObject();
        writer.WriteString("type", code is null ? "about:blank" : TypeOf(code));
        writer.WriteString("title", ReasonPhrases.GetReasonPhrase(status));
        writer.WriteNumber("status", status);
        if (detail is not null)
        {
            writer.WriteString("detail", detail);
        }
        writer.WriteString("instance", context.Request.Path.Value);
    }

    private static async Task SendAsync(HttpContext context, int status, ReadOnlyMemory<byte> json)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = MediaType + "; charset=utf-8";
        context.Response.ContentLength = json.Length;
        await context.Response.Body.WriteAsync(json, context.RequestAborted).ConfigureAwait(false);
    }
}
