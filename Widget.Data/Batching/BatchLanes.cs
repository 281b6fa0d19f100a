using System.Threading.Channels;

namespace Widget.Data.Batching;

/// <summary>
/// Sends requests to Postgres in batches, one statement each. A batch is whatever arrived while the lane's
/// previous one ran, so there is no added wait, and under load a round trip, a statement's start (and for a
/// write, a commit and its WAL flush) is paid once for many requests. Several lanes run side by side, so a
/// batch held up (by a row lock, another node's commit, a long transaction) holds up only its own lane.
/// </summary>
internal sealed class BatchLanes<TRequest, TResult> : IAsyncDisposable
{
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(5);

    private readonly Func<IReadOnlyList<BatchItem<TRequest, TResult>>, CancellationToken, Task> run;
    private readonly int maxBatch;
    private readonly IEqualityComparer<TRequest>? apart;
    private readonly Channel<BatchItem<TRequest, TResult>> pending;
    private readonly CancellationTokenSource stopping = new();
    private readonly Task lanes;

    /// <param name="run">Runs one batch and completes each of its items; an item it leaves fails with what it threw.</param>
    /// <param name="apart">Requests equal by it never share a batch: the later waits for the lane's next one.</param>
    public BatchLanes(
        int laneCount, int maxBatch,
        Func<IReadOnlyList<BatchItem<TRequest, TResult>>, CancellationToken, Task> run,
        IEqualityComparer<TRequest>? apart = null)
    {
        this.run = run;
        this.maxBatch = maxBatch;
        this.apart = apart;
        pending = Channel.CreateBounded<BatchItem<TRequest, TResult>>(
            new BoundedChannelOptions(maxBatch * 16) { FullMode = BoundedChannelFullMode.Wait });
        lanes = Task.WhenAll(Enumerable.Range(0, laneCount).Select(_ => Task.Run(RunLaneAsync)));
    }

    public async Task<TResult> SendAsync(TRequest request, CancellationToken ct)
    {
        var item = new BatchItem<TRequest, TResult>(request);
        await pending.Writer.WriteAsync(item, ct);
        // The batch is not cancelled for one caller: the others in it still want their answers.
        return await item.Outcome.WaitAsync(ct);
    }

    private async Task RunLaneAsync()
    {
        var batch = new List<BatchItem<TRequest, TResult>>(maxBatch);
        var carried = new Queue<BatchItem<TRequest, TResult>>();
        var taken = apart is null ? null : new HashSet<TRequest>(apart);
        try
        {
            while (carried.Count > 0 || await pending.Reader.WaitToReadAsync(stopping.Token).ConfigureAwait(false))
            {
                batch.Clear();
                taken?.Clear();
                for (var n = carried.Count; n > 0; n--)
                {
                    Take(carried.Dequeue());
                }

                while (batch.Count < maxBatch && pending.Reader.TryRead(out var item))
                {
                    Take(item);
                }

                // Every lane wakes for an item that only one of them takes.
                if (batch.Count > 0)
                {
                    await RunAsync(batch).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            // Stopped before their turn came: their callers must not wait for ever.
            while (carried.TryDequeue(out var left))
            {
                left.Cancel();
            }
        }

        void Take(BatchItem<TRequest, TResult> item)
        {
            if (batch.Count < maxBatch && (taken is null || taken.Add(item.Request)))
            {
                batch.Add(item);
            }
            else
            {
                carried.Enqueue(item);
            }
        }
    }

    private async Task RunAsync(List<BatchItem<TRequest, TResult>> batch)
    {
        try
        {
            await run(batch, stopping.Token).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            foreach (var item in batch)
            {
                item.Fail(e);
            }
        }
    }

    /// <summary>Runs what was sent before shutdown, unless Postgres keeps it waiting too long.</summary>
    public async ValueTask DisposeAsync()
    {
        pending.Writer.TryComplete();
        await lanes.WaitAsync(DrainTimeout).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        await stopping.CancelAsync();
        await lanes.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        while (pending.Reader.TryRead(out var item))
        {
            item.Cancel();
        }

        stopping.Dispose();
    }
}
