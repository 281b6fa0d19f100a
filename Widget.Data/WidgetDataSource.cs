using System.Data.Common;
using Npgsql;

namespace Widget.Data;

/// <summary>Builds the one <see cref="NpgsqlDataSource"/> the service uses.</summary>
public static class WidgetDataSource
{
    /// <summary>
    /// Sets two defaults, each unless the connection string chooses otherwise.
    /// <list type="bullet">
    /// <item>Automatic preparation. The same few statements (store a post, a timeline page, a catch-up, a
    /// session check) run all day; unprepared, Postgres plans each one anew, which cost twice their
    /// execution time in the benchmark's profile. A pooler in transaction mode without prepared-statement
    /// support needs <c>Max Auto Prepare=0</c>.</item>
    /// <item>No session reset when a connection goes back to the pool. With prepared statements kept, Npgsql
    /// resets a session with seven statements, run before the next command; under load that was more
    /// statements than the service's own. The service keeps no session state: no <c>SET</c>, temporary
    /// table, <c>LISTEN</c> or session advisory lock, and an open transaction is rolled back either way.</item>
    /// </list>
    /// </summary>
    public static NpgsqlDataSource Create(string connectionString)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        var chosen = ChosenKeys(connectionString);
        if (!chosen.Contains("maxautoprepare"))
        {
            builder.ConnectionStringBuilder.MaxAutoPrepare = 64;
            builder.ConnectionStringBuilder.AutoPrepareMinUsages = 2;
        }

        if (!chosen.Contains("noresetonclose"))
        {
            builder.ConnectionStringBuilder.NoResetOnClose = true;
        }

        return builder.Build();
    }

    // Npgsql's own builder answers ContainsKey for every keyword it knows, set or not; the plain
    // builder keeps only what was written, in whatever spelling.
    private static HashSet<string> ChosenKeys(string connectionString) =>
        new DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>()
            .Select(key => key.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant())
            .ToHashSet();
}
