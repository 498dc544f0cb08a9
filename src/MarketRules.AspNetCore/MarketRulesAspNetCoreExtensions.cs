using System.Buffers;
using System.Text.Json;
using MarketRules.Engine;
using MarketRules.Hosting;
using MarketRules.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace MarketRules.AspNetCore;

/// <summary>Adds MarketRules to an ASP.NET Core application's builder and maps its health checks.</summary>
public static class MarketRulesAspNetCoreExtensions
{
    /// <summary>The tag of the readiness checks (<c>ready</c>): the MarketRules law check carries it.</summary>
    public const string ReadyTag = "ready";

    /// <summary>
    /// Registers MarketRules (<c>services.AddMarketRules(configuration.GetSection("MarketRules"))</c> of MarketRules.Hosting)
    /// and what its endpoints need: the readiness health check <c>marketrules</c> (the configured packs and schemes are loaded,
    /// the last reload succeeded) and RFC 9457 problem bodies for statuses the application answers without a body
    /// (404, 405, …), each carrying a coded error (<c>MR.Http.NotFound</c>, <c>MR.Http.MethodNotAllowed</c>).
    /// </summary>
    /// <param name="builder">The application builder.</param>
    /// <param name="configure">Options set in code after the configuration; may be <see langword="null"/>.</param>
    /// <returns>The builder, for chaining.</returns>
    public static IHostApplicationBuilder AddMarketRules(this IHostApplicationBuilder builder, Action<MarketRulesOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddMarketRules(builder.Configuration.GetSection(MarketRulesOptions.SectionName), configure);
        builder.Services.AddHealthChecks().AddCheck<MarketRulesReadinessCheck>("marketrules", tags: [ReadyTag]);
        builder.Services.AddTransient<IStartupFilter, ProblemStatusStartupFilter>();
        return builder;
    }

    /// <summary>
    /// Maps the health checks: <paramref name="livenessPath"/> answers 200 while the process serves requests (no check
    /// runs: <c>{ "status": "ok", "rules": n }</c>); <paramref name="readinessPath"/> runs the checks tagged
    /// <see cref="ReadyTag"/> and answers 200 when healthy or degraded (a reload failed, the previous law still serves),
    /// 503 when not.
    /// </summary>
    /// <param name="endpoints">The application.</param>
    /// <param name="livenessPath">The liveness path.</param>
    /// <param name="readinessPath">The readiness path.</param>
    /// <returns>The application, for chaining.</returns>
    public static IEndpointRouteBuilder MapMarketRulesHealthChecks(this IEndpointRouteBuilder endpoints, string livenessPath = "/health", string readinessPath = "/health/ready")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapHealthChecks(livenessPath, new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteLivenessAsync })
            .WithSummary("Liveness: ok and the number of rules.");
        endpoints.MapHealthChecks(readinessPath, new HealthCheckOptions { Predicate = c => c.Tags.Contains(ReadyTag), ResponseWriter = WriteReadinessAsync })
            .WithSummary("Readiness: the policy packs and subsidy schemes are loaded.");
        return endpoints;
    }

    private static Task WriteLivenessAsync(HttpContext context, HealthReport report) => WriteAsync(context, w =>
    {
        w.WriteStartObject();
        w.WriteString("status", report.Status == HealthStatus.Healthy ? "ok" : report.Status.ToString().ToLowerInvariant());
        w.WriteNumber("rules", context.RequestServices.GetRequiredService<RuleEngine>().Rules.Length);
        w.WriteEndObject();
    });

    private static Task WriteReadinessAsync(HttpContext context, HealthReport report) => WriteAsync(context, w =>
    {
        w.WriteStartObject();
        w.WriteString("status", report.Status == HealthStatus.Healthy ? "ok" : report.Status.ToString().ToLowerInvariant());
        w.WriteStartObject("checks");
        foreach (var (name, entry) in report.Entries)
        {
            w.WriteStartObject(name);
            w.WriteString("status", entry.Status.ToString().ToLowerInvariant());
            if (entry.Description is { } description)
            {
                w.WriteString("description", description);
            }
            w.WriteEndObject();
        }
        w.WriteEndObject();
        w.WriteEndObject();
    });

    private static async Task WriteAsync(HttpContext context, Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = MarketRulesJson.Encoder }))
        {
            write(writer);
        }
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.Body.WriteAsync(buffer.WrittenMemory, context.RequestAborted).ConfigureAwait(false);
    }
}

// Readiness: the law loaded (a bad file fails it) and the last reload applied (a refused reload degrades it). The
// calendar's last day is named so that an operator sees when the next year's notice must be configured
// (MarketRules:CalendarYears): a deadline counted past it is refused as MR.Calendar.OutOfRange.
internal sealed class MarketRulesReadinessCheck(IMarketRulesLaw law) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var current = law.Current;
            var errors = law.ReloadErrors;
            return Task.FromResult(errors.IsDefaultOrEmpty
                ? HealthCheckResult.Healthy($"{current.PolicyPacks.Length} policy packs, {MarketRules.Subsidies.SubsidySchemes.All(current.Law).Length} subsidy schemes loaded; statutory calendar to {current.Law.Calendar.LastDay:uuuu-MM-dd}")
                : HealthCheckResult.Degraded($"the last configuration reload was refused ({errors.Length} errors, first {errors[0].Code}); the previous law stays in force"));
        }
        catch (Microsoft.Extensions.Options.OptionsValidationException ex)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("the MarketRules configuration is invalid: " + string.Join("; ", ex.Failures)));
        }
    }
}

// Statuses the application answers without a body (no route, wrong method) get a problem body with a coded error.
internal sealed class ProblemStatusStartupFilter : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.UseStatusCodePages(context =>
        {
            var http = context.HttpContext;
            var path = http.Request.Path.Value ?? "/";
            var status = http.Response.StatusCode;
            var error = status switch
            {
                StatusCodes.Status404NotFound => HttpErrors.NotFound.Create(null, ("Path", path)),
                StatusCodes.Status405MethodNotAllowed => HttpErrors.MethodNotAllowed.Create(null, ("Path", path), ("Method", http.Request.Method)),
                _ => HttpErrors.Status.Create(null, ("Status", status)),
            };
            return ProblemJson.WriteAsync(http, status, null, [error]);
        });
        next(app);
    };
}
