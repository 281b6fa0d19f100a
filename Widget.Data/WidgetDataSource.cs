using System.Data.Common;
using Npgsql;

namespace Widget.Data;

/// <summary>Builds the one <see cref="NpgsqlDataSource"/> the service uses.</summary>
public static class WidgetDataSource
{
    /// <summary>
    /// Turns on automatic preparation unless the connection string chooses otherwise. The same few
    /// statements (store a post, a timeline page, a catch-up, a session check) run all day; unprepared,
    /// Postgres plans each one anew, which cost twice their execution time in the benchmark's profile.
    /// A pooler in transaction mode without prepared-statement support needs <c>Max Auto Prepare=0</c>.
    /// </summary>
    public static NpgsqlDataSource Create(string connectionString)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        if (!ChoosesPreparation(connectionString))
        {
            builder.ConnectionStringBuilder.MaxAutoPrepare = 64;
            builder.ConnectionStringBuilder.AutoPrepareMinUsages = 2;
        }

        return builder.Build();
    }

    // Npgsql's own builder answers ContainsKey for every keyword it knows, set or not; the plain
    // builder keeps only what was written, in whatever spelling.
    private static bool ChoosesPreparation(string connectionString) =>
        new DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>()
            .Any(key => key.Replace(" ", "", StringComparison.Ordinal).Equals("maxautoprepare", StringComparison.OrdinalIgnoreCase));
}
