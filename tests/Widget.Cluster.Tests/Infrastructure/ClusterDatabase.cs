using Npgsql;

namespace Widget.Cluster.Tests.Infrastructure;

/// <summary>Arranges what only the moderator's desk (interactive Blazor) sets, straight in the shared database.</summary>
internal static class ClusterDatabase
{
    public static Task AppointModeratorAsync(WidgetCluster cluster, string tag, long userId, CancellationToken ct) =>
        ExecuteAsync(cluster, "INSERT INTO channel_moderators (tag, user_id, appointed_by, appointed_at) VALUES ($1, $2, $2, now())",
            ct, tag, userId);

    public static Task SetSlowModeAsync(WidgetCluster cluster, string tag, int seconds, CancellationToken ct) =>
        ExecuteAsync(cluster, "INSERT INTO channel_rules (tag, slow_mode_seconds, blocked_words) VALUES ($1, $2, '{}')",
            ct, tag, seconds);

    public static Task TurnOnCallsAsync(WidgetCluster cluster, string tag, CancellationToken ct) =>
        ExecuteAsync(cluster, "UPDATE sites SET settings = jsonb_set(settings, '{calls}', '\"SignedIn\"') WHERE tag = $1", ct, tag);

    public static Task TurnOnBrowseTogetherAsync(WidgetCluster cluster, string tag, CancellationToken ct) =>
        ExecuteAsync(cluster, "UPDATE sites SET settings = jsonb_set(settings, '{browseTogether}', 'true') WHERE tag = $1", ct, tag);

    public static Task TurnOnShowVisitorsAsync(WidgetCluster cluster, string tag, CancellationToken ct) =>
        ExecuteAsync(cluster, "UPDATE sites SET settings = jsonb_set(settings, '{showVisitors}', 'true') WHERE tag = $1", ct, tag);

    private static async Task ExecuteAsync(WidgetCluster cluster, string sql, CancellationToken ct, params object[] values)
    {
        await using var data = NpgsqlDataSource.Create(cluster.DatabaseConnectionString);
        await using var command = data.CreateCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        await command.ExecuteNonQueryAsync(ct);
    }
}
