using Npgsql;
using Widget.Core.Moderation;
using Widget.Core.Posts;
using Widget.Data.Posts;

namespace Widget.Data.Moderation;

/// <summary>
/// Turns a held post into a post. It gets its seqs only now, through the same counter bump as
/// <see cref="PostWriter"/> (tags in sorted order, each channel row locked until commit), so every tag's
/// seqs stay gapless and in commit order, and catch-up after any seq stays exact.
/// </summary>
public sealed class HeldPostApprover(NpgsqlDataSource dataSource)
{
    // One statement, so one transaction: the queue row goes, the post and its tag rows come, the log says so.
    private const string ApproveSql = """
        WITH held AS (
            DELETE FROM held_posts WHERE id = @id AND tag = @tag AND rejected_at IS NULL
            RETURNING id, author_id, client_id, text, created_at, channel, tags, reply_to_id
        ), new_post AS (
            INSERT INTO posts (id, author_id, client_id, text, created_at, channel, shadow, reply_to_id)
            SELECT id, author_id, client_id, text, created_at, channel, false, (SELECT p.id FROM posts p WHERE p.id = held.reply_to_id)
            FROM held
            ON CONFLICT (author_id, client_id) DO NOTHING
            RETURNING id
        ), seqs AS (
            INSERT INTO channels (tag, last_seq)
            SELECT t.tag, 1 FROM held, unnest(held.tags) AS t(tag), new_post ORDER BY t.tag
            ON CONFLICT (tag) DO UPDATE SET last_seq = channels.last_seq + 1
            RETURNING tag, last_seq
        ), placed AS (
            INSERT INTO post_tags (tag, seq, post_id)
            SELECT seqs.tag, seqs.last_seq, new_post.id FROM seqs, new_post
        ), logged AS (
            INSERT INTO moderation_log (tag, moderator_id, action, post_id, target_user_id, detail, at)
            SELECT @tag, @moderator, @action, held.id, held.author_id, '', @now FROM held
        )
        SELECT held.id, held.author_id, (SELECT display_name FROM users WHERE id = held.author_id), held.text,
               held.created_at, held.channel, held.tags, seqs.tag, seqs.last_seq, held.reply_to_id,
               (SELECT u.display_name FROM posts p JOIN users u ON u.id = p.author_id WHERE p.id = held.reply_to_id)
        FROM held LEFT JOIN seqs ON true
        """;

    public async Task<Approval> ApproveAsync(string tag, long id, long moderatorId, DateTimeOffset now, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(ApproveSql);
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("tag", tag);
        command.Parameters.AddWithValue("moderator", moderatorId);
        command.Parameters.AddWithValue("action", nameof(ModerationAction.Approve));
        command.Parameters.AddWithValue("now", now.ToUniversalTime());

        Post? post = null;
        var placements = new List<Placement>();
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                var replyTo = reader.IsDBNull(9) ? null : new PostReply(reader.GetInt64(9), reader.IsDBNull(10) ? null : reader.GetString(10));
                post ??= new Post(reader.GetInt64(0), reader.GetInt64(1), reader.GetString(2), reader.GetString(3),
                    reader.GetFieldValue<DateTimeOffset>(4), reader.GetString(5), reader.GetFieldValue<string[]>(6), replyTo);
                if (!reader.IsDBNull(7))
                {
                    placements.Add(new Placement(reader.GetString(7), reader.GetInt64(8)));
                }
            }
        }

        if (post is null)
        {
            return new Approval(ApprovalStatus.NotWaiting);
        }

        return placements.Count == 0
            ? new Approval(ApprovalStatus.PostedAlready)
            : new Approval(ApprovalStatus.Approved, new StoredPost(post, [.. placements.OrderBy(p => p.Tag, StringComparer.Ordinal)], Created: true));
    }
}
