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

    // The statement lives in the posting_checks function (see its migration) so that its plan is kept;
    // changing what is checked means a migration that replaces the function.
    // $1 user, $2 channel, $3 every tag of the post, $4 and $5 the premoderation modes. Positional,
    // because Npgsql rewrites a statement with named parameters into a new string on every execution.
    private const string Sql = "SELECT * FROM posting_checks($1, $2, $3, $4, $5)";

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
