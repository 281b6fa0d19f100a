using Widget.Bench.Measure;
using Widget.Bench.Peers;
using Widget.Bench.Report;

namespace Widget.Bench.Commands;

/// <summary>
/// One viewer of a sweep's channel, held by the poster so that it can tell, phase by phase, whether the target kept
/// up: a climb of rates stops after the first one it did not, since every phase after it would only inherit the
/// backlog. It is one viewer among thousands and sees about what the middle of them sees; the report judges each
/// phase by all of them.
/// </summary>
public sealed class SweepProbe : ILiveEvents, IAsyncDisposable
{
    private readonly CancellationTokenSource life = new();
    private ILiveConnection? connection;
    private int phase;
    private long received;
    private LatencyHistogram latency = new();

    public static async Task<SweepProbe> JoinAsync(string protocol, string url, HttpMessageInvoker invoker, string tag, CancellationToken ct)
    {
        var probe = new SweepProbe();
        probe.connection = await LiveProtocol.ConnectAsync(protocol, url, null, invoker, probe, probe.life.Token, ct);
        return await probe.connection.JoinAsync(tag, ct) is { } error ? throw new InvalidOperationException("probe's Join refused: " + error) : probe;
    }

    public void OnPostAdded(ILiveConnection connection, ReadOnlySpan<byte> postText, long receivedAt)
    {
        if (PostMarker.TryParse(postText, out var posted, out _, out var sentAt) && posted == Volatile.Read(ref phase))
        {
            latency.Record(MonotonicClock.ToMicros(receivedAt - sentAt));
            Interlocked.Increment(ref received);
        }
    }

    public void Begin(int id)
    {
        latency = new LatencyHistogram();
        Interlocked.Exchange(ref received, 0);
        Volatile.Write(ref phase, id);
    }

    /// <summary>Waits up to <paramref name="limit"/> for the phase's <paramref name="accepted"/> posts; true when all came and their p99 was short enough.</summary>
    public async Task<bool> KeptUpAsync(long accepted, TimeSpan limit, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + limit;
        while (Interlocked.Read(ref received) < accepted && DateTime.UtcNow < deadline && !ct.IsCancellationRequested)
        {
            await Task.Delay(20, CancellationToken.None);
        }

        return Interlocked.Read(ref received) >= accepted && latency.Percentile(0.99) <= DeliveryFigures.KeptUpP99Micros;
    }

    public async ValueTask DisposeAsync()
    {
        await life.CancelAsync();
        if (connection is not null)
        {
            await connection.DisposeAsync();
        }

        life.Dispose();
    }
}
