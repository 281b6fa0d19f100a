using Npgsql;
using Widget.Data.Batching;

namespace Widget.Data.Posts;

/// <summary>Stores a batch of posts with their tags in one statement, and therefore one transaction and one WAL flush.</summary>
internal static class PostBatchStatement
{
    // Posts are inserted first: a retried client id inserts nothing, so it takes no seq. Each tag's
    // counter is then bumped once by the number of the batch's posts in it, in tag order, which
    // avoids deadlocks with other writers and holds each channel's row lock until commit, so a tag's
    // seqs become visible in the order they were given. Within a tag, posts take seqs in id order.
    // $1–$7 one array per posts column, in batch order; $8 and $9 each post's tags as (ordinal, tag) pairs.
    // Positional, because Npgsql rewrites a statement with named parameters into a new string on every execution;
    // the arrays' types come from their CLR types (a UTC DateTime is timestamptz), as naming an NpgsqlDbType
    // makes Npgsql build the array type's name anew for every parameter of every execution.
    private const string Sql = """
        WITH input AS (
            SELECT * FROM unnest($1, $2, $3, $4, $5, $6, $7)
                WITH ORDINALITY AS i(author_id, client_id, text, created_at, channel, shadow, reply_to_id, ord)
        ), new_posts AS (
            INSERT INTO posts (author_id, client_id, text, created_at, channel, shadow, reply_to_id)
            SELECT author_id, client_id, text, created_at, channel, shadow, reply_to_id FROM input ORDER BY ord
            ON CONFLICT (author_id, client_id) DO NOTHING
            RETURNING id, author_id, client_id
        ), tagged AS (
            SELECT p.id, p.author_id, i.ord, i.shadow, i.created_at, i.reply_to_id, t.tag
            FROM new_posts p
            JOIN input i ON i.author_id = p.author_id AND i.client_id = p.client_id
            JOIN unnest($8, $9) AS t(ord, tag) ON t.ord = i.ord
        ), counters AS (
            INSERT INTO channels (tag, last_seq)
            SELECT tag, count(*) FROM tagged GROUP BY tag ORDER BY tag
            ON CONFLICT (tag) DO UPDATE SET last_seq = channels.last_seq + excluded.last_seq
            RETURNING tag, last_seq
        ), placed AS (
            SELECT tagged.*, counters.last_seq - count(*) OVER tag_posts + row_number() OVER (tag_posts ORDER BY tagged.id) AS seq
            FROM tagged JOIN counters USING (tag)
            WINDOW tag_posts AS (PARTITION BY tagged.tag)
        ), stored AS (
            INSERT INTO post_tags (tag, seq, post_id, hidden_at)
            SELECT tag, seq, id, CASE WHEN shadow THEN created_at END FROM placed
        )
        SELECT placed.ord, placed.id, placed.tag, placed.seq, users.display_name,
            (SELECT u.display_name FROM posts p JOIN users u ON u.id = p.author_id WHERE p.id = placed.reply_to_id)
        FROM placed JOIN users ON users.id = placed.author_id
        """;

    /// <summary>What became of each post of the batch, in batch order: null for a client id already stored.</summary>
    public static async Task<BatchedPost?[]> ExecuteAsync(
        NpgsqlDataSource dataSource, IReadOnlyList<PendingPost> batch, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(Sql);
        command.Parameters.Add(Array(batch, p => p.Post.AuthorId));
        command.Parameters.Add(Array(batch, p => p.Post.ClientId));
        command.Parameters.Add(Array(batch, p => p.Post.Text));
        command.Parameters.Add(Array(batch, p => p.CreatedAt.UtcDateTime));
        command.Parameters.Add(Array(batch, p => p.Post.Channel.Value));
        command.Parameters.Add(Array(batch, p => p.Shadow));
        command.Parameters.Add(Array(batch, p => p.Post.ReplyToId));
        OrdinalPairs.AddTo(command.Parameters, batch, p => p.Post.Tags.Select(tag => tag.Value));

        var results = new BatchedPost?[batch.Count];
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var index = (int)reader.GetInt64(0) - 1;
            var result = results[index] ??= new BatchedPost(
                reader.GetInt64(1), reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetString(5), new Dictionary<string, long>());
            result.Seqs[reader.GetString(2)] = reader.GetInt64(3);
        }

        return results;
    }

    private static NpgsqlParameter<T[]> Array<T>(IReadOnlyList<PendingPost> batch, Func<PendingPost, T> value) =>
        new() { TypedValue = batch.Select(value).ToArray() };
}
