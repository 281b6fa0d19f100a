using Npgsql;
using Widget.Data.Batching;

namespace Widget.Data.Moderation;

/// <summary>
/// What a post attempt must know before it is stored: the user's bans in the post's tags, the channel's
/// slow mode and blocked words, and which tag's premoderation would hold it. Postgres is asked at every
/// attempt, so a change made on any node applies to the next post; attempts made at the same moment are
/// asked about together, in one call.
/// </summary>
public sealed class PostingChecks : IAsyncDisposable
{
    private const int MaxBatch = 128;
    private const int Lanes = 4;

    private readonly BatchLanes<PostingAttempt, PostingCheck> lanes;

    public PostingChecks(NpgsqlDataSource dataSource, TimeProvider time)
    {
        lanes = new BatchLanes<PostingAttempt, PostingCheck>(
            Lanes, MaxBatch, (batch, ct) => PostingChecksStatement.ExecuteAsync(dataSource, batch, time, ct));
    }

    /// <param name="channel">The tag the post is written in: its slow mode and blocked words apply.</param>
    /// <param name="tags">Every tag the post would stand in: bans and premoderation in any of them apply.</param>
    public Task<PostingCheck> ReadAsync(long userId, string channel, IReadOnlyCollection<string> tags, CancellationToken ct) =>
        lanes.SendAsync(new PostingAttempt(userId, channel, tags), ct);

    public ValueTask DisposeAsync() => lanes.DisposeAsync();
}
