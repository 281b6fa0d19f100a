using System.Diagnostics.Metrics;
using Widget.Web.Realtime;

namespace Widget.Web.Hosting;

/// <summary>The service's own instruments, exported at <c>/metrics</c> beside ASP.NET Core's.</summary>
public sealed class WidgetMetrics
{
    public const string MeterName = "Widget";

    private readonly Counter<long> postsAccepted;
    private readonly Histogram<double> fanOutLatency;
    private readonly Histogram<int> catchUpSize;
    private readonly Counter<long> fanOutFailures;

    public WidgetMetrics(IMeterFactory meters, OpenConnections open)
    {
        var meter = meters.Create(MeterName);
        meter.CreateObservableUpDownCounter("widget.hub.connections", () => open.Now, "{connection}", "Hub connections open on this node.");
        postsAccepted = meter.CreateCounter<long>("widget.posts.accepted", "{post}", "Posts stored by this node; its rate is posts per second.");
        fanOutLatency = meter.CreateHistogram<double>("widget.fanout.duration", "s",
            "From the post's commit until every tag group has taken it: the backplane when there is one, else every viewer's connection (one that stopped reading counts until it is cut off). The poster does not wait for it.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] });
        catchUpSize = meter.CreateHistogram<int>("widget.catchup.posts", "{post}", "Posts replayed to one (re)joining viewer.",
            advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = [0, 1, 2, 5, 10, 20, 50, 100, 200] });
        fanOutFailures = meter.CreateCounter<long>("widget.fanout.failures", "{post}", "Stored posts whose live send failed; viewers get them by catch-up.");
    }

    public void PostAccepted() => postsAccepted.Add(1);

    public void FannedOut(TimeSpan elapsed) => fanOutLatency.Record(elapsed.TotalSeconds);

    public void FanOutFailed() => fanOutFailures.Add(1);

    public void CaughtUp(int posts, bool reset) =>
        catchUpSize.Record(posts, new KeyValuePair<string, object?>("reset", reset));
}
