using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Widget.Web.Hosting;

/// <summary>
/// <c>/health/live</c>: the process answers (no dependency is asked, so a load balancer never
/// restarts a node because Postgres blinked). <c>/health/ready</c> and <c>/health</c>: Postgres,
/// and Redis when configured; Redis down is Degraded (still 200), Postgres down is Unhealthy (503).
/// </summary>
public static class HealthEndpoints
{
    public const string ReadyTag = "ready";
    public const string LivePath = "/health/live";
    public const string ReadyPath = "/health/ready";
    public const string Path = "/health";

    public static WebApplicationBuilder AddWidgetHealthChecks(this WebApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks().AddCheck<PostgresHealthCheck>("postgres", HealthStatus.Unhealthy, [ReadyTag]);
        return builder;
    }

    public static WebApplication MapWidgetHealth(this WebApplication app)
    {
        app.MapHealthChecks(LivePath, new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync });
        var ready = new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag), ResponseWriter = WriteAsync };
        app.MapHealthChecks(ReadyPath, ready);
        app.MapHealthChecks(Path, ready);
        return app;
    }

    private static Task WriteAsync(HttpContext http, HealthReport report)
    {
        http.Response.ContentType = "application/json; charset=utf-8";
        var body = new HealthBody(
            report.Status.ToString(),
            report.Entries.ToDictionary(e => e.Key, e => new HealthEntry(e.Value.Status.ToString(), e.Value.Description)));
        return JsonSerializer.SerializeAsync(http.Response.Body, body, HealthJson.Default.HealthBody, http.RequestAborted);
    }
}
