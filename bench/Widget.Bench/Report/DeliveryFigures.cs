using Widget.Bench.Measure;
using Widget.Bench.Results;

namespace Widget.Bench.Report;

/// <summary>
/// One posting phase seen from both ends: what the poster had accepted, what the viewers had joined,
/// and what they received. Expected deliveries are, channel by channel, accepted posts times joined viewers.
/// </summary>
public sealed record DeliveryFigures(PostPhase Posts, long Expected, long Unique, long Duplicates, long Lost,
    LatencyHistogram Latency, LatencyHistogram LastViewer, int PostsComplete, int Dropped, int Joined, int Requested)
{
    public double PostsPerSecond => Posts.Accepted / Posts.Seconds;

    public double DeliveriesPerSecond => Unique / Posts.Seconds;

    /// <summary>Server CPU microseconds per delivery, over the phase and its drain.</summary>
    public double ServerMicrosPerDelivery => Unique == 0 ? 0 : Posts.Cpu.CpuSeconds.GetValueOrDefault("server") * 1e6 / Unique;

    public bool Clean => Lost == 0 && Duplicates == 0 && Unique > 0 && Posts.Rejected == 0 && Posts.Unacknowledged == 0 && Dropped == 0
        && Joined == Requested;

    /// <summary>The longest a sweep's phase may take its last viewer (p99) and still count as kept up with: a backlog
    /// that grows through a phase passes it, a fan-out that is merely slow to reach 10,000 does not.</summary>
    public const long KeptUpP99Micros = 2_000_000;

    /// <summary>
    /// Every post accepted and acknowledged, every viewer that was joined got each once, and the last viewer had each
    /// within <see cref="KeptUpP99Micros"/> (p99). A viewer dropped later in the run does not count against this phase.
    /// </summary>
    public bool KeepsUp => Lost == 0 && Duplicates == 0 && Unique > 0 && Posts.Rejected == 0 && Posts.Unacknowledged == 0
        && LastViewer.Percentile(0.99) <= KeptUpP99Micros;

    public static DeliveryFigures? For(ResultSet set, string target, string viewerScenario, PostPhase posts)
    {
        var ready = set.Ready.Where(r => r.Target == target && r.Scenario == viewerScenario).ToList();
        var received = set.Deliveries.Where(d => d.Target == target && d.Scenario == viewerScenario && d.Phase == posts.Phase).ToList();
        if (ready.Count == 0)
        {
            return null;
        }

        var channels = posts.AcceptedPerChannel.Length;
        long expected = 0, lost = 0;
        for (var c = 0; c < channels; c++)
        {
            var joined = ready.Sum(r => c < r.JoinedPerChannel.Length ? r.JoinedPerChannel[c] : 0);
            var want = posts.AcceptedPerChannel[c] * joined;
            var got = received.Sum(d => c < d.UniquePerChannel.Length ? d.UniquePerChannel[c] : 0);
            expected += want;
            lost += Math.Max(0, want - got);
        }

        var viewers = ready.Sum(r => r.Connected);
        var lastViewer = new LatencyHistogram();
        var complete = 0;
        foreach (var post in received.SelectMany(d => d.PerPost).GroupBy(p => p[0]))
        {
            lastViewer.Record(post.Max(p => p[1]));
            complete += post.Sum(p => p[2]) >= viewers / channels ? 1 : 0;
        }

        var dropped = set.Ended.Where(e => e.Target == target && e.Scenario == viewerScenario).Sum(e => e.Dropped);
        return new DeliveryFigures(posts, expected, received.Sum(d => d.Unique), received.Sum(d => d.Duplicates), lost,
            ResultSet.Merge(received.Select(d => d.Histogram)), lastViewer, complete, dropped, viewers, ready.Sum(r => r.Requested));
    }
}
