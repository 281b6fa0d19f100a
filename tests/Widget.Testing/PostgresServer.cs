using Npgsql;

namespace Widget.Testing;

/// <summary>
/// The PostgreSQL server a test run creates its databases on: the one named by
/// <see cref="ExternalServerVariable"/> if set, otherwise a private throwaway cluster.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    /// <summary>A connection string to an existing server whose user may create databases.</summary>
    public const string ExternalServerVariable = "WIDGET_TEST_POSTGRES";

    private readonly NpgsqlConnectionStringBuilder server;
    private readonly LocalPostgresCluster? cluster;

    private PostgresServer(NpgsqlConnectionStringBuilder server, LocalPostgresCluster? cluster)
    {
        this.server = server;
        this.cluster = cluster;
    }

    private LocalPostgresCluster OwnCluster =>
        cluster ?? throw new InvalidOperationException($"The server named by {ExternalServerVariable} is not this run's to stop or start.");

    public static async Task<PostgresServer> StartAsync(CancellationToken ct)
    {
        var external = Environment.GetEnvironmentVariable(ExternalServerVariable);
        if (!string.IsNullOrWhiteSpace(external))
        {
            return new PostgresServer(new NpgsqlConnectionStringBuilder(external), cluster: null);
        }

        var cluster = await LocalPostgresCluster.CreateAsync(ct);
        var server = new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = cluster.Port, Username = "postgres" };
        return new PostgresServer(server, cluster);
    }

    public string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = database }.ConnectionString;

    public async Task CreateDatabaseAsync(string name, string? template, CancellationToken ct)
    {
        await using var connection = await OpenMaintenanceConnectionAsync(ct);
        if (template is not null)
        {
            // Copying a template fails while anyone else is connected to it, and the pooled
            // connections that prepared it outlive the code that used them.
            await using var disconnect = new NpgsqlCommand(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()",
                connection)
            {
                Parameters = { new() { Value = template } },
            };
            await disconnect.ExecuteNonQueryAsync(ct);
        }

        var copy = template is null ? "" : $" TEMPLATE {QuoteIdentifier(template)}";
        await using var create = new NpgsqlCommand($"CREATE DATABASE {QuoteIdentifier(name)}{copy}", connection);
        await create.ExecuteNonQueryAsync(ct);
    }

    public async Task DropDatabaseAsync(string name, CancellationToken ct)
    {
        await using var connection = await OpenMaintenanceConnectionAsync(ct);
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {QuoteIdentifier(name)} WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Shuts this run's own cluster down, keeping its data, as an outage would.</summary>
    public Task StopAsync(CancellationToken ct) => OwnCluster.StopAsync(ct);

    /// <summary>Starts this run's own cluster again on the same port after <see cref="StopAsync"/>.</summary>
    public Task StartAgainAsync(CancellationToken ct) => OwnCluster.StartAsync(ct);

    public async ValueTask DisposeAsync()
    {
        if (cluster is not null)
        {
            await cluster.DisposeAsync();
        }
    }

    // Unpooled, so no idle connection survives a restart of the server to fail the next command.
    private async Task<NpgsqlConnection> OpenMaintenanceConnectionAsync(CancellationToken ct)
    {
        var builder = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Pooling = false };
        builder.Database ??= "postgres";
        var connection = new NpgsqlConnection(builder.ConnectionString);
        try
        {
            await connection.OpenAsync(ct);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private static string QuoteIdentifier(string name) => $"\"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
}
