using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace Widget.Data.Tests;

/// <summary>
/// A test's own freshly migrated database with the real data services on top, wired as the web host
/// wires them. Dropped when the test ends.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly PostgresFixture postgres;
    private readonly string name;
    private readonly ServiceProvider services;

    private TestDatabase(PostgresFixture postgres, string connectionString, ServiceProvider services, FakeTimeProvider time)
    {
        this.postgres = postgres;
        name = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        this.services = services;
        Time = time;
    }

    /// <summary>The clock every service sees; it moves only when a test advances it.</summary>
    public FakeTimeProvider Time { get; }

    public static async Task<TestDatabase> CreateAsync(PostgresFixture postgres, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(postgres);
        var connectionString = await postgres.Databases.CreateAsync(ct);
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero));
        var services = new ServiceCollection()
            .AddWidgetData(connectionString)
            .AddSingleton<TimeProvider>(time)
            .BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        return new TestDatabase(postgres, connectionString, services, time);
    }

    /// <summary>Runs <paramref name="action"/> in a scope of its own, as one request would.</summary>
    public async Task<TResult> InScopeAsync<TService, TResult>(Func<TService, Task<TResult>> action)
        where TService : notnull
    {
        ArgumentNullException.ThrowIfNull(action);
        await using var scope = services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<TService>());
    }

    public Task InScopeAsync<TService>(Func<TService, Task> action)
        where TService : notnull =>
        InScopeAsync<TService, bool>(async service =>
        {
            await action(service);
            return true;
        });

    /// <summary>Runs a query that returns one number, to see the rows behind the services' answers.</summary>
    public async Task<long> ScalarAsync(string sql, CancellationToken ct)
    {
        await using var command = services.GetRequiredService<NpgsqlDataSource>().CreateCommand(sql);
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
    }

    /// <summary>Every (tag, seq, post id) row of post_tags.</summary>
    public async Task<IReadOnlyList<(string Tag, long Seq, long PostId)>> PostTagsAsync(CancellationToken ct)
    {
        await using var command = services.GetRequiredService<NpgsqlDataSource>()
            .CreateCommand("SELECT tag, seq, post_id FROM post_tags ORDER BY post_id, tag");
        await using var reader = await command.ExecuteReaderAsync(ct);
        var rows = new List<(string, long, long)>();
        while (await reader.ReadAsync(ct))
        {
            rows.Add((reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2)));
        }

        return rows;
    }

    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
        await postgres.Databases.Server.DropDatabaseAsync(name, CancellationToken.None);
    }
}
