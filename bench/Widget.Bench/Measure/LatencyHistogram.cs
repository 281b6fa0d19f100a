using System.Numerics;

namespace Widget.Bench.Measure;

/// <summary>
/// Microsecond latencies in log-linear buckets (64 per power of two above 128 µs, so within 1.6%),
/// safe to record from many threads, and mergeable across processes through <see cref="ToSparse"/>.
/// </summary>
public sealed class LatencyHistogram
{
    private const int Linear = 128;
    private const int PerPower = 64;
    private const int Buckets = Linear + (40 * PerPower);

    private readonly long[] counts = new long[Buckets];
    private long total;
    private long max;

    public long Count => Interlocked.Read(ref total);

    public long MaxMicros => Interlocked.Read(ref max);

    public void Record(long micros)
    {
        micros = Math.Max(0, micros);
        Interlocked.Increment(ref counts[Index(micros)]);
        Interlocked.Increment(ref total);
        long seen;
        while (micros > (seen = Interlocked.Read(ref max)) && Interlocked.CompareExchange(ref max, micros, seen) != seen)
        {
        }
    }

    /// <summary>The bucket's upper bound at the given quantile (0..1); 0 when empty.</summary>
    public long Percentile(double quantile)
    {
        var n = Count;
        if (n == 0)
        {
            return 0;
        }

        var rank = Math.Max(1, (long)Math.Ceiling(quantile * n));
        long seen = 0;
        for (var i = 0; i < Buckets; i++)
        {
            seen += counts[i];
            if (seen >= rank)
            {
                return Math.Min(UpperBound(i), MaxMicros);
            }
        }

        return MaxMicros;
    }

    /// <summary>[bucket, count] pairs of the non-empty buckets, then the exact maximum as [-1, max].</summary>
    public long[][] ToSparse()
    {
        var pairs = new List<long[]>();
        for (var i = 0; i < Buckets; i++)
        {
            if (counts[i] != 0)
            {
                pairs.Add([i, counts[i]]);
            }
        }

        pairs.Add([-1, MaxMicros]);
        return [.. pairs];
    }

    public void Add(long[][] sparse)
    {
        foreach (var pair in sparse)
        {
            if (pair[0] < 0)
            {
                max = Math.Max(max, pair[1]);
            }
            else
            {
                counts[pair[0]] += pair[1];
                total += pair[1];
            }
        }
    }

    private static int Index(long v)
    {
        if (v < Linear)
        {
            return (int)v;
        }

        var shift = 63 - BitOperations.LeadingZeroCount((ulong)v) - 6;
        var index = Linear + ((shift - 1) * PerPower) + (int)(v >> shift) - PerPower;
        return Math.Min(index, Buckets - 1);
    }

    private static long UpperBound(int index)
    {
        if (index < Linear)
        {
            return index;
        }

        var shift = ((index - Linear) / PerPower) + 1;
        var mantissa = ((index - Linear) % PerPower) + PerPower;
        return ((long)(mantissa + 1) << shift) - 1;
    }
}
