using Npgsql;
using NpgsqlTypes;
using Widget.Core.Posts;

namespace Widget.Data.Posts;

/// <summary>Stores posts with their tags in one statement, and therefore one transaction.</summary>
public sealed class PostWriter(NpgsqlDataSource dataSource, PostQueries queries)
{
    // One round trip. The post row is inserted first (a retried client id inserts nothing and so
    // touches no channel); then each channel's counter is bumped in tag order, which both avoids
    // deadlocks between multi-tag posts and holds each channel's row lock until commit, so a tag's
    // sequence numbers become visible in the order they were given.
    private const string InsertSql = """
        WITH new_post AS (
            INSERT INTO posts (author_id, client_id, text, created_at, channel, shadow, reply_to_id)
            VALUES (@author, @client, @text, @created, @channel, @shadow, @reply_to)
            ON CONFLICT (author_id, client_id) DO NOTHING
            RETURNING id
        ), seqs AS (
            INSERT INTO channels (tag, last_seq)
            SELECT t.tag, 1 FROM unnest(@tags) AS t(tag), new_post ORDER BY t.tag
            ON CONFLICT (tag) DO UPDATE SET last_seq = channels.last_seq + 1
            RETURNING tag, last_seq
        ), placed AS (
            INSERT INTO post_tags (tag, seq, post_id, hidden_at)
            SELECT seqs.tag, seqs.last_seq, new_post.id, CASE WHEN @shadow THEN @created END FROM seqs, new_post
        )
        SELECT new_post.id, seqs.tag, seqs.last_seq, (SELECT display_name FROM users WHERE id = @author),
            (SELECT u.display_name FROM posts p JOIN users u ON u.id = p.author_id WHERE p.id = @reply_to)
        FROM new_post, seqs
        """;

    /// <param name="shadow">Written under a shadow ban: stored hidden from every tag, seen by its author only.</param>
    public async Task<StoredPost> StoreAsync(NewPost post, DateTimeOffset now, bool shadow, CancellationToken ct)
    {
        // Postgres keeps microseconds; answering with what it stores keeps a retry's answer identical.
        now = now.AddTicks(-(now.Ticks % 10));
        var tags = post.Tags.Select(t => t.Value).ToArray();
        await using var command = dataSource.CreateCommand(InsertSql);
        command.Parameters.AddWithValue("author", post.AuthorId);
        command.Parameters.AddWithValue("client", post.ClientId);
        command.Parameters.AddWithValue("text", post.Text);
        command.Parameters.AddWithValue("created", now.ToUniversalTime());
        command.Parameters.AddWithValue("channel", post.Channel.Value);
        command.Parameters.AddWithValue("shadow", shadow);
        command.Parameters.AddWithValue("tags", NpgsqlDbType.Array | NpgsqlDbType.Text, tags);
        command.Parameters.AddWithValue("reply_to", NpgsqlDbType.Bigint, (object?)post.ReplyToId ?? DBNull.Value);

        long id = 0;
        var authorName = "";
        string? parentAuthor = null;
        var seqs = new Dictionary<string, long>(tags.Length);
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                id = reader.GetInt64(0);
                seqs[reader.GetString(1)] = reader.GetInt64(2);
                authorName = reader.GetString(3);
                parentAuthor = reader.IsDBNull(4) ? null : reader.GetString(4);
            }
        }

        if (seqs.Count == 0)
        {
            return await queries.FindByClientIdAsync(post.AuthorId, post.ClientId, ct)
                ?? throw new InvalidOperationException("A post conflicted on its client id but cannot be found.");
        }

        var replyTo = post.ReplyToId is { } parent ? new PostReply(parent, parentAuthor) : null;
        var stored = new Post(id, post.AuthorId, authorName, post.Text, now, post.Channel.Value, tags, replyTo);
        var placements = tags.Order(StringComparer.Ordinal).Select(tag => new Placement(tag, seqs[tag])).ToArray();
        return new StoredPost(stored, placements, Created: true);
    }
}
