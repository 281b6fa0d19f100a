using Npgsql;
using Widget.Data.Batching;

namespace Widget.Data.Posts;

/// <summary>
/// Group commit: posts sent at the same moment are stored by one statement in one transaction.
/// Durable storage costs a WAL flush per commit, and a busy channel's row lock is held until that
/// flush, so one transaction per post caps a channel at one post per flush; a batch pays it once.
/// </summary>
public sealed class PostCommitQueue : IAsyncDisposable
{
    private const int MaxBatch = 256;
    private const int Lanes = 4;

    // A retry racing its own first send waits for the next batch, where it meets the stored post as a
    // conflict instead of inserting it twice within one statement.
    private static readonly IEqualityComparer<PendingPost> SameClientId = EqualityComparer<PendingPost>.Create(
        (a, b) => a!.Post.AuthorId == b!.Post.AuthorId && a.Post.ClientId == b.Post.ClientId,
        p => HashCode.Combine(p.Post.AuthorId, p.Post.ClientId));

    private readonly NpgsqlDataSource dataSource;
    private readonly PostOrder order;
    private readonly BatchLanes<PendingPost, StoredPost?> lanes;

    public PostCommitQueue(NpgsqlDataSource dataSource, PostOrder order)
    {
        this.dataSource = dataSource;
        this.order = order;
        lanes = new BatchLanes<PendingPost, StoredPost?>(Lanes, MaxBatch, CommitInOrderAsync, SameClientId);
    }

    /// <summary>Stores the post with the next batch; null when its client id was already stored.</summary>
    /// <remarks>A caller that gives up may still find the post committed: a retry with the same client id finds it.
    /// Either way the stored post is released to <see cref="PostOrder"/> for live delivery.</remarks>
    internal Task<StoredPost?> StoreAsync(PendingPost post, CancellationToken ct) => lanes.SendAsync(post, ct);

    private async Task CommitInOrderAsync(IReadOnlyList<BatchItem<PendingPost, StoredPost?>> batch, CancellationToken ct)
    {
        var ticket = order.Begin(batch);
        try
        {
            await CommitAsync(batch, ct).ConfigureAwait(false);
        }
        finally
        {
            order.End(ticket, batch);
        }
    }

    private async Task CommitAsync(IReadOnlyList<BatchItem<PendingPost, StoredPost?>> batch, CancellationToken ct)
    {
        try
        {
            var results = await PostBatchStatement.ExecuteAsync(dataSource, batch.Select(i => i.Request).ToList(), ct)
                .ConfigureAwait(false);
            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Complete(results[i]?.ToStored(batch[i].Request));
            }
        }
        catch (PostgresException e) when (batch.Count > 1 && !e.IsTransient)
        {
            // Postgres refused the statement for one post's sake (say, its author was deleted a moment
            // ago); storing each on its own lets the others through and fails only that one. A transient
            // error (a restart, a lost connection) would fail each of them alike, so it is passed on.
            foreach (var item in batch)
            {
                try
                {
                    await CommitAsync([item], ct).ConfigureAwait(false);
                }
                catch (Exception single)
                {
                    item.Fail(single);
                }
            }
        }
    }

    /// <summary>Commits what was sent before shutdown, unless Postgres keeps it waiting too long.</summary>
    public ValueTask DisposeAsync() => lanes.DisposeAsync();
}
