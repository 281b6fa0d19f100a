using Npgsql;
using Widget.Core.Moderation;

namespace Widget.Data.Moderation;

/// <summary>
/// What a post attempt must know before it is stored, read in one round trip: the user's bans in the
/// post's tags, the channel's slow mode and blocked words, and which tag's premoderation would hold
/// it. Three LINQ queries cost the posting path more in EF Core's per-call work than in their SQL.
/// </summary>
public sealed class PostingChecks(NpgsqlDataSource dataSource, TimeProvider time)
{
    private const int BanRow = 0;
    private const int RulesRow = 1;

    // Rules rows only when the channel has rules that can refuse; the last post's time only under
    // slow mode. "First post" holds until the user has a post shown in that channel. Every tag of the
    // post counts for premoderation, so a hashtag cannot carry a post past a premoderated channel;
    // the first such tag in sorted order owns the queue.
    // $1 user, $2 channel, $3 every tag of the post, $4 and $5 the premoderation modes. Positional, because
    // Npgsql rewrites a statement with named parameters into a new string on every execution.
    private const string Sql = """
        SELECT 0, b.tag, b.until, b.reason, b.shadow, 0, NULL::text[], NULL::timestamptz
        FROM channel_bans b WHERE b.user_id = $1 AND b.tag = ANY($3)
        UNION ALL
        SELECT 1, r.tag, NULL, NULL, NULL, r.slow_mode_seconds, r.blocked_words,
               CASE WHEN r.slow_mode_seconds > 0
                    THEN (SELECT max(p.created_at) FROM posts p WHERE p.author_id = $1 AND p.channel = $2) END
        FROM channel_rules r WHERE r.tag = $2 AND (r.slow_mode_seconds > 0 OR cardinality(r.blocked_words) > 0)
        UNION ALL
        (SELECT 2, r.tag, NULL, NULL, NULL, 0, NULL, NULL
         FROM channel_rules r
         WHERE r.tag = ANY($3) AND (r.premoderation = $4 OR (r.premoderation = $5 AND NOT EXISTS (
             SELECT 1 FROM posts p WHERE p.author_id = $1 AND p.channel = r.tag AND NOT p.shadow AND p.deleted_at IS NULL)))
         ORDER BY r.tag LIMIT 1)
        """;

    /// <param name="channel">The tag the post is written in: its slow mode and blocked words apply.</param>
    /// <param name="tags">Every tag the post would stand in: bans and premoderation in any of them apply.</param>
    public async Task<PostingCheck> ReadAsync(long userId, string channel, IReadOnlyCollection<string> tags, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(Sql);
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = userId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = channel });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = tags.ToArray() });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = (int)PremoderationMode.EveryPost });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = (int)PremoderationMode.FirstPost });

        var bans = new List<ActiveBan>();
        PostingRules? rules = null;
        string? holdingTag = null;
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var tag = reader.GetString(1);
            switch (reader.GetInt32(0))
            {
                case BanRow:
                    bans.Add(new ActiveBan(tag, userId, "", reader.IsDBNull(2) ? null : reader.GetFieldValue<DateTimeOffset>(2),
                        reader.GetString(3), reader.GetBoolean(4)));
                    break;
                case RulesRow:
                    rules = new PostingRules(reader.GetInt32(5), reader.GetFieldValue<string[]>(6),
                        reader.IsDBNull(7) ? null : reader.GetFieldValue<DateTimeOffset>(7));
                    break;
                default:
                    holdingTag = tag;
                    break;
            }
        }

        return new PostingCheck(UserBans.From(bans, time.GetUtcNow()), rules, holdingTag);
    }
}
