using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using Widget.Core.Moderation;
using Widget.Core.Posts;
using Widget.Data.Entities;

namespace Widget.Data.Moderation;

/// <summary>Posts waiting for a channel's moderators: held by the posting path, read by the desk and by their authors.</summary>
public sealed class HeldPosts(WidgetDbContext db, NpgsqlDataSource dataSource)
{
    // The id comes from the posts' own sequence, so the post keeps it when approved. A send whose client id
    // is already a post (approved meanwhile, or posted while premoderation was off) holds nothing.
    private const string HoldSql = """
        INSERT INTO held_posts (id, author_id, client_id, text, created_at, channel, tags, tag, reject_reason, reply_to_id)
        SELECT nextval(pg_get_serial_sequence('posts', 'id')), @author, @client, @text, @created, @channel, @tags, @tag, '', @reply_to
        WHERE NOT EXISTS (SELECT 1 FROM posts WHERE author_id = @author AND client_id = @client)
        ON CONFLICT (author_id, client_id) DO NOTHING
        RETURNING id, (SELECT display_name FROM users WHERE id = @author)
        """;

    /// <summary>Holds the post in <paramref name="tag"/>'s queue, or finds it held already; null when the
    /// client id is already a stored post.</summary>
    public async Task<HeldPost?> HoldAsync(NewPost post, string tag, DateTimeOffset now, CancellationToken ct)
    {
        now = now.AddTicks(-(now.Ticks % 10));
        var tags = post.Tags.Select(t => t.Value).ToArray();
        await using var command = dataSource.CreateCommand(HoldSql);
        command.Parameters.AddWithValue("author", post.AuthorId);
        command.Parameters.AddWithValue("client", post.ClientId);
        command.Parameters.AddWithValue("text", post.Text);
        command.Parameters.AddWithValue("created", now.ToUniversalTime());
        command.Parameters.AddWithValue("channel", post.Channel.Value);
        command.Parameters.AddWithValue("tags", NpgsqlDbType.Array | NpgsqlDbType.Text, tags);
        command.Parameters.AddWithValue("tag", tag);
        command.Parameters.AddWithValue("reply_to", NpgsqlDbType.Bigint, (object?)post.ReplyToId ?? DBNull.Value);
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            if (await reader.ReadAsync(ct))
            {
                var held = new Post(reader.GetInt64(0), post.AuthorId, reader.GetString(1), post.Text, now, post.Channel.Value, tags);
                return new HeldPost(held, tag, Created: true);
            }
        }

        return await Rows(h => h.AuthorId == post.AuthorId && h.ClientId == post.ClientId).FirstOrDefaultAsync(ct)
            is { } found ? ToHeld(found) : null;
    }

    /// <summary>The posts waiting in a tag's queue, oldest first.</summary>
    public async Task<IReadOnlyList<HeldPost>> QueueAsync(string tag, int limit, CancellationToken ct) =>
        (await Rows(h => h.Tag == tag && h.RejectedAt == null).Take(limit).ToListAsync(ct))
        .ConvertAll(ToHeld);

    /// <summary>An author's own posts still waiting to be shown in <paramref name="tag"/>, oldest first.</summary>
    public async Task<IReadOnlyList<HeldPost>> PendingAsync(long authorId, string tag, int limit, CancellationToken ct) =>
        (await Rows(h => h.AuthorId == authorId && h.Tags.Contains(tag) && h.RejectedAt == null)
            .Take(limit).ToListAsync(ct))
        .ConvertAll(ToHeld);

    /// <summary>Turns a waiting post down; null when it is not waiting in <paramref name="tag"/>'s queue.</summary>
    public async Task<HeldPost?> RejectAsync(string tag, long id, long moderatorId, string reason, DateTimeOffset now, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (await db.HeldPosts.Where(h => h.Id == id && h.Tag == tag && h.RejectedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(h => h.RejectedAt, now).SetProperty(h => h.RejectReason, reason), ct) == 0)
        {
            return null;
        }

        var rejected = ToHeld(await Rows(h => h.Id == id).FirstAsync(ct));
        db.ModerationLog.Add(new ModerationLogEntry
        {
            Tag = tag, ModeratorId = moderatorId, Action = ModerationAction.Reject, PostId = id,
            TargetUserId = rejected.Post.AuthorId, Detail = reason, At = now,
        });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return rejected;
    }

    private IQueryable<Row> Rows(Expression<Func<HeldPostEntry, bool>> filter) => db.HeldPosts.AsNoTracking().Where(filter).OrderBy(h => h.Id).Select(h => new Row(
        h.Id, h.AuthorId, h.Author!.DisplayName, h.ClientId, h.Text, h.CreatedAt, h.Channel, h.Tags, h.Tag, h.RejectedAt, h.RejectReason));

    private static HeldPost ToHeld(Row r) =>
        new(new Post(r.Id, r.AuthorId, r.AuthorName, r.Text, r.CreatedAt, r.Channel, r.Tags), r.Tag, Created: false, r.RejectedAt, r.RejectReason);

    private sealed record Row(
        long Id, long AuthorId, string AuthorName, Guid ClientId, string Text, DateTimeOffset CreatedAt, string Channel,
        List<string> Tags, string Tag, DateTimeOffset? RejectedAt, string RejectReason);
}
