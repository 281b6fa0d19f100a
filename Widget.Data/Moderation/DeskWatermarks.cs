using Npgsql;

namespace Widget.Data.Moderation;

/// <summary>
/// Reads a tag's <see cref="DeskMark"/> in one round trip of four index probes (the channel's primary key, then the
/// newest row of each (tag, id) index), so an open desk can ask often and reload only when something changed,
/// whichever node made the change.
/// </summary>
public sealed class DeskWatermarks(NpgsqlDataSource dataSource)
{
    private const string MarkSql = """
        SELECT COALESCE((SELECT last_seq FROM channels WHERE tag = @tag), 0),
               COALESCE((SELECT max(id) FROM held_posts WHERE tag = @tag), 0),
               COALESCE((SELECT max(id) FROM post_reports WHERE tag = @tag), 0),
               COALESCE((SELECT max(id) FROM moderation_log WHERE tag = @tag), 0)
        """;

    public async Task<DeskMark> ReadAsync(string tag, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(MarkSql);
        command.Parameters.AddWithValue("tag", tag);
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return new DeskMark(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3));
    }
}
