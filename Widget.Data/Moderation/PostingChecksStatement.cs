using Npgsql;
using Widget.Core.Moderation;
using Widget.Data.Batching;

namespace Widget.Data.Moderation;

/// <summary>Reads the posting checks of a batch of attempts in one call of the posting_checks_batch function.</summary>
internal static class PostingChecksStatement
{
    private const int BanRow = 0;
    private const int RulesRow = 1;

    // The statement lives in a function (see its migration) so that its plan is kept; changing what is
    // checked means a migration that replaces the function. $1 and $2 one element per attempt, $3 and $4
    // every tag of every attempt as (ordinal, tag) pairs, $5 and $6 the premoderation modes. Positional,
    // because Npgsql rewrites a statement with named parameters into a new string on every execution.
    private const string Sql = "SELECT * FROM posting_checks_batch($1, $2, $3, $4, $5, $6)";

    public static async Task ExecuteAsync(
        NpgsqlDataSource dataSource, IReadOnlyList<BatchItem<PostingAttempt, PostingCheck>> batch, TimeProvider time,
        CancellationToken ct)
    {
        var attempts = batch.Select(i => i.Request).ToArray();
        await using var command = dataSource.CreateCommand(Sql);
        command.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = attempts.Select(a => a.UserId).ToArray() });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = attempts.Select(a => a.Channel).ToArray() });
        OrdinalPairs.AddTo(command.Parameters, attempts, a => a.Tags);
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = (int)PremoderationMode.EveryPost });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = (int)PremoderationMode.FirstPost });

        var bans = new List<ActiveBan>?[attempts.Length];
        var rules = new PostingRules?[attempts.Length];
        var holdingTags = new string?[attempts.Length];
        await using (var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                var index = (int)reader.GetInt64(0) - 1;
                var tag = reader.GetString(2);
                switch (reader.GetInt32(1))
                {
                    case BanRow:
                        (bans[index] ??= []).Add(new ActiveBan(tag, attempts[index].UserId, "",
                            reader.IsDBNull(3) ? null : reader.GetFieldValue<DateTimeOffset>(3), reader.GetString(4), reader.GetBoolean(5)));
                        break;
                    case RulesRow:
                        rules[index] = new PostingRules(reader.GetInt32(6), reader.GetFieldValue<string[]>(7),
                            reader.IsDBNull(8) ? null : reader.GetFieldValue<DateTimeOffset>(8));
                        break;
                    default:
                        holdingTags[index] = tag;
                        break;
                }
            }
        }

        var now = time.GetUtcNow();
        for (var i = 0; i < batch.Count; i++)
        {
            batch[i].Complete(new PostingCheck(UserBans.From(bans[i] ?? [], now), rules[i], holdingTags[i]));
        }
    }
}
