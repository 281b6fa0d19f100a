using System.Threading.Channels;
using Npgsql;

namespace Widget.Data.Posts;

/// <summary>
/// Group commit: posts sent at the same moment are stored by one statement in one transaction.
/// Durable storage costs a WAL flush per commit, and a busy channel's row lock is held until that
/// flush, so one transaction per post caps a channel at one post per flush; a batch pays it once.
/// There is no added wait: a batch is whatever arrived while the previous one was being committed.
/// Several lanes commit side by side, so a batch waiting on a row lock (another node's commit, a long
/// transaction) holds up only its own lane, not every post of this node.
/// </summary>
public sealed class PostCommitQueue : IAsyncDisposable
{
    private const int MaxBatch = 256;
    private const int Lanes = 4;
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(5);

    private readonly NpgsqlDataSource dataSource;
    private readonly Channel<PendingPost> pending = Channel.CreateBounded<PendingPost>(
        new BoundedChannelOptions(MaxBatch * 16) { FullMode = BoundedChannelFullMode.Wait });
    private readonly CancellationTokenSource stopping = new();
    private readonly Task lanes;

    public PostCommitQueue(NpgsqlDataSource dataSource)
    {
        this.dataSource = dataSource;
        lanes = Task.WhenAll(Enumerable.Range(0, Lanes).Select(_ => Task.Run(RunLaneAsync)));
    }

    /// <summary>Stores the post with the next batch; null when its client id was already stored.</summary>
    internal async Task<BatchedPost?> StoreAsync(PendingPost post, CancellationToken ct)
    {
        await pending.Writer.WriteAsync(post, ct);
        // The batch is not cancelled for one caller: the post may be committed with the others anyway,
        // and a retry with the same client id finds it.
        return await post.Outcome.Task.WaitAsync(ct);
    }

    private async Task RunLaneAsync()
    {
        var batch = new List<PendingPost>(MaxBatch);
        var carried = new Queue<PendingPost>();
        var keys = new HashSet<(long, Guid)>();
        while (carried.Count > 0 || await pending.Reader.WaitToReadAsync(stopping.Token).ConfigureAwait(false))
        {
            batch.Clear();
            keys.Clear();
            for (var n = carried.Count; n > 0; n--)
            {
                Take(carried.Dequeue());
            }

            while (batch.Count < MaxBatch && pending.Reader.TryRead(out var post))
            {
                Take(post);
            }

            // Every lane wakes for a post that only one of them takes.
            if (batch.Count > 0)
            {
                await CommitAsync(batch).ConfigureAwait(false);
            }
        }

        void Take(PendingPost post)
        {
            // A retry racing its own first send waits for the next batch, where it meets the stored
            // post as a conflict instead of inserting it twice within one statement.
            if (batch.Count < MaxBatch && keys.Add((post.Post.AuthorId, post.Post.ClientId)))
            {
                batch.Add(post);
            }
            else
            {
                carried.Enqueue(post);
            }
        }
    }

    private async Task CommitAsync(List<PendingPost> batch)
    {
        try
        {
            var results = await PostBatchStatement.ExecuteAsync(dataSource, batch, stopping.Token).ConfigureAwait(false);
            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Outcome.TrySetResult(results[i]);
            }
        }
        catch (PostgresException e) when (batch.Count > 1 && !e.IsTransient)
        {
            // Postgres refused the statement for one post's sake (say, its author was deleted a moment
            // ago); storing each on its own lets the others through and fails only that one. A transient
            // error (a restart, a lost connection) would fail each of them alike, so it is passed on.
            foreach (var post in batch)
            {
                await CommitAsync([post]).ConfigureAwait(false);
            }
        }
        catch (Exception e)
        {
            foreach (var post in batch)
            {
                post.Outcome.TrySetException(e);
            }
        }
    }

    /// <summary>Commits what was sent before shutdown, unless Postgres keeps it waiting too long.</summary>
    public async ValueTask DisposeAsync()
    {
        pending.Writer.TryComplete();
        await lanes.WaitAsync(DrainTimeout).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        await stopping.CancelAsync();
        await lanes.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        while (pending.Reader.TryRead(out var post))
        {
            post.Outcome.TrySetCanceled();
        }

        stopping.Dispose();
    }
}
