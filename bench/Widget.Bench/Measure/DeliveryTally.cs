using System.Collections.Concurrent;
using Widget.Bench.Results;

namespace Widget.Bench.Measure;

/// <summary>
/// Everything one viewer process received, per phase: latency from send to receipt, unique and
/// duplicate arrivals per channel, and for each post when its last copy here arrived.
/// </summary>
public sealed class DeliveryTally(int channels)
{
    private readonly ConcurrentDictionary<int, Phase> phases = new();
    private long foreign;

    public void Record(int channel, HashSet<long> seen, int phase, long key, long sentAt, long receivedAt)
    {
        var tally = phases.GetOrAdd(phase, _ => new Phase(channels));
        Interlocked.Increment(ref tally.Received);
        if (!seen.Add(((long)phase << 48) | key))
        {
            Interlocked.Increment(ref tally.Duplicates);
            return;
        }

        var micros = MonotonicClock.ToMicros(receivedAt - sentAt);
        if (micros < 0)
        {
            Interlocked.Increment(ref tally.Negative);
        }

        Interlocked.Increment(ref tally.UniquePerChannel[channel]);
        tally.Latency.Record(micros);
        var post = tally.Posts.GetOrAdd(key, _ => new PostArrivals());
        Interlocked.Increment(ref post.Count);
        long last;
        while (micros > (last = Interlocked.Read(ref post.LatestMicros))
            && Interlocked.CompareExchange(ref post.LatestMicros, micros, last) != last)
        {
        }
    }

    /// <summary>A PostAdded whose text is not a bench marker (someone else's post).</summary>
    public void RecordForeign() => Interlocked.Increment(ref foreign);

    public IEnumerable<Deliveries> Lines(string target, string scenario, int process) =>
        phases.OrderBy(p => p.Key).Select(p => new Deliveries(target, scenario, process, p.Key,
            p.Value.Received, p.Value.Latency.Count, p.Value.Duplicates, Interlocked.Read(ref foreign), p.Value.Negative,
            p.Value.UniquePerChannel, p.Value.Latency.ToSparse(),
            [.. p.Value.Posts.OrderBy(x => x.Key).Select(x => new[] { x.Key, x.Value.LatestMicros, x.Value.Count })]));

    private sealed class Phase(int channels)
    {
        public readonly long[] UniquePerChannel = new long[channels];
        public readonly LatencyHistogram Latency = new();
        public readonly ConcurrentDictionary<long, PostArrivals> Posts = new();
        public long Received;
        public long Duplicates;
        public long Negative;
    }

    private sealed class PostArrivals
    {
        public long LatestMicros;
        public long Count;
    }
}
