using Microsoft.Extensions.Diagnostics.HealthChecks;
using Widget.Data;

namespace Widget.Web.Hosting;

/// <summary>Postgres is the source of truth: without it a node can neither store posts nor catch viewers up.</summary>
public sealed class PostgresHealthCheck(WidgetDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            return await db.Database.CanConnectAsync(cancellationToken)
                ? HealthCheckResult.Healthy()
                : new HealthCheckResult(context.Registration.FailureStatus, "Postgres refused the connection.");
        }
        catch (Exception e) when (e is Npgsql.NpgsqlException or TimeoutException or InvalidOperationException)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, "Postgres is unreachable.", e);
        }
    }
}
