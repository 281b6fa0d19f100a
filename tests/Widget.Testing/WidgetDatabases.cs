using Microsoft.EntityFrameworkCore;
using Widget.Data;

namespace Widget.Testing;

/// <summary>
/// A Postgres server with the service's schema migrated once into a template; each test takes its own
/// copy (tens of milliseconds), so tests never see each other's rows and can run in parallel.
/// </summary>
public sealed class WidgetDatabases : IAsyncDisposable
{
    private readonly string template;

    private WidgetDatabases(PostgresServer server, string template)
    {
        Server = server;
        this.template = template;
    }

    public PostgresServer Server { get; }

    public static async Task<WidgetDatabases> StartAsync(CancellationToken ct)
    {
        var server = await PostgresServer.StartAsync(ct);
        // Unique per run, so test assemblies sharing one external server cannot collide.
        var template = "template_" + Guid.NewGuid().ToString("N")[..16];
        try
        {
            await server.CreateDatabaseAsync(template, template: null, ct);
            var options = new DbContextOptionsBuilder<WidgetDbContext>();
            options.UseWidgetNpgsql(server.ConnectionString(template));
            await using var db = new WidgetDbContext(options.Options);
            await db.Database.MigrateAsync(ct);
            return new WidgetDatabases(server, template);
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>Creates a fresh, migrated, empty database and returns its connection string.</summary>
    public async Task<string> CreateAsync(CancellationToken ct)
    {
        var name = "test_" + Guid.NewGuid().ToString("N")[..16];
        await Server.CreateDatabaseAsync(name, template, ct);
        return Server.ConnectionString(name);
    }

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}
