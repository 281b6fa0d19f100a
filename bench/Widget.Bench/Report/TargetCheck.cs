namespace Widget.Bench.Report;

/// <summary>
/// The performance issue's aims, each a ratio of the service to the bare hub in this run. Aims, not assertions: a
/// miss is reported, not hidden.
/// </summary>
public static class TargetCheck
{
    public static MarkdownTable Build(Comparison c, ResultSet set, string? hotHeadline)
    {
        var table = new MarkdownTable("aim", "service", "bare hub", "ratio", "met");
        PageAims(table, set);
        if (hotHeadline is not null && c.Phases.TryGetValue($"{Comparison.Service}/{hotHeadline}", out var hot)
            && c.Phases.TryGetValue($"{Comparison.Bare}/{hotHeadline}", out var bareHot))
        {
            Ratio(table, $"hot channel ({hotHeadline}): p99 post → each delivery ≤ 1.2 × bare hub's (ms)",
                hot.Latency.Percentile(0.99) / 1000.0, bareHot.Latency.Percentile(0.99) / 1000.0, r => r <= 1.2);
        }

        if (c.HighestCleanRate.TryGetValue(Comparison.Service, out var rate) && c.HighestCleanRate.TryGetValue(Comparison.Bare, out var bareRate))
        {
            Ratio(table, "hot channel: highest rate kept up with ≥ 0.8 × bare hub's (posts/s)", rate, bareRate, r => r >= 0.8);
        }

        if (c.Phases.TryGetValue($"{Comparison.Service}/chat500", out var chat) && c.Phases.TryGetValue($"{Comparison.Bare}/chat500", out var bareChat))
        {
            Ratio(table, "chat at 500 posts/s: p99 post → delivery ≤ 2 × bare hub's (ms)",
                chat.Latency.Percentile(0.99) / 1000.0, bareChat.Latency.Percentile(0.99) / 1000.0, r => r <= 2);
        }

        if (c.Connects.TryGetValue(Comparison.Service, out var connects) && c.Connects.TryGetValue(Comparison.Bare, out var bareConnects))
        {
            Ratio(table, "connects/s with join ≥ 0.8 × bare hub's", connects, bareConnects, r => r >= 0.8);
        }

        if (c.Memory.TryGetValue(Comparison.Service, out var memory) && c.Memory.TryGetValue(Comparison.Bare, out var bareMemory))
        {
            Ratio(table, "RSS per idle viewer ≤ 0.8 × bare hub's (KB)", memory / 1024, bareMemory / 1024, r => r <= 0.8);
        }

        return table;
    }

    private static void PageAims(MarkdownTable table, ResultSet set)
    {
        var pages = set.Pages.GroupBy(p => p.Concurrency).ToDictionary(g => g.Key, g => g.ToList());
        if (pages.TryGetValue(16, out var busy) && Both(busy, p => p.Requests / p.Seconds) is var (rps, bareRps))
        {
            Ratio(table, "widget page at 16 concurrent: requests/s ≥ 0.5 × bare hub's", rps, bareRps, r => r >= 0.5);
        }

        if (pages.TryGetValue(1, out var one) && Both(one, p => ResultSet.Merge([p.Histogram]).Percentile(0.99) / 1000.0) is var (p99, bareP99))
        {
            Ratio(table, "widget page at one client: p99 ≤ 2 × bare hub's (ms)", p99, bareP99, r => r <= 2);
        }
    }

    private static (double, double)? Both(List<Results.PageResult> pages, Func<Results.PageResult, double> value)
    {
        var service = pages.FirstOrDefault(p => p.Target == Comparison.Service);
        var bare = pages.FirstOrDefault(p => p.Target == Comparison.Bare);
        return service is null || bare is null ? null : (value(service), value(bare));
    }

    private static void Ratio(MarkdownTable table, string aim, double service, double bare, Func<double, bool> met)
    {
        var ratio = bare == 0 ? double.NaN : service / bare;
        table.Add(aim, Format.Fixed(service), Format.Fixed(bare), double.IsNaN(ratio) ? "–" : Format.Fixed(ratio, 2),
            !double.IsNaN(ratio) && met(ratio) ? "yes" : "no");
    }
}
