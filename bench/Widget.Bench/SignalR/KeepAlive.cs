using Widget.Bench.Peers;

namespace Widget.Bench.SignalR;

/// <summary>Pings every connection once per interval, spread evenly over it rather than in one burst.</summary>
public static class KeepAlive
{
    public static async Task RunAsync(Func<IReadOnlyList<ILiveConnection>> sockets, TimeSpan interval, CancellationToken ct)
    {
        const int Batch = 100;
        try
        {
            while (!ct.IsCancellationRequested)
            {
                var all = sockets();
                var pause = interval / Math.Max(1, (all.Count + Batch - 1) / Batch);
                for (var i = 0; i < all.Count; i += Batch)
                {
                    for (var j = i; j < Math.Min(i + Batch, all.Count); j++)
                    {
                        _ = all[j].PingAsync(ct);
                    }

                    await Task.Delay(pause, ct);
                }

                if (all.Count == 0)
                {
                    await Task.Delay(interval, ct);
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Stopping.
        }
    }
}
