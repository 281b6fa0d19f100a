namespace Widget.Bench.Report;

/// <summary>The aims, each against what this run measured. Aims, not assertions: a miss is reported, not hidden.</summary>
public static class TargetCheck
{
    public static MarkdownTable Build(Comparison c, ResultSet set)
    {
        var table = new MarkdownTable("aim", "measured", "met");
        var topChat = c.Phases.Keys.Where(k => k.StartsWith("service/chat", StringComparison.Ordinal))
            .Select(k => k["service/".Length..]).OrderByDescending(n => c.Phases[$"service/{n}"].Posts.Rate).FirstOrDefault();
        if (topChat is not null && c.Phases.TryGetValue($"service/{topChat}", out var s))
        {
            if (c.Phases.TryGetValue($"bare/{topChat}", out var b))
            {
                Add(table, $"deliveries/s service/bare ≥ 1.0 ({topChat})", s.DeliveriesPerSecond / b.DeliveriesPerSecond, r => r >= 0.995, "F2");
                Add(table, $"p99 post→delivery service/bare ≤ 1.0 ({topChat})",
                    (double)s.Latency.Percentile(0.99) / Math.Max(1, b.Latency.Percentile(0.99)), r => r <= 1.0, "F2");
            }

            table.Add($"≥ 100,000 deliveries/s with p99 ≤ 50 ms ({topChat})",
                $"{Format.Count(s.DeliveriesPerSecond)}/s, p99 {Format.Ms(s.Latency.Percentile(0.99))} ms",
                s.DeliveriesPerSecond >= 100_000 && s.Latency.Percentile(0.99) <= 50_000 ? "yes" : "no");
            table.Add($"nothing lost ({topChat})", $"{s.Lost} lost, {s.Duplicates} duplicated, {s.Posts.Unacknowledged} posts unacknowledged",
                s.Lost == 0 && s.Duplicates == 0 ? "yes" : "no");
        }

        if (c.Memory.TryGetValue(Comparison.Service, out var memory))
        {
            if (c.Memory.TryGetValue(Comparison.Bare, out var bareMemory))
            {
                Add(table, "server RSS per viewer service/bare ≤ 1.0", memory / bareMemory, r => r <= 1.0, "F2");
            }

            Add(table, "≤ 15 KB server memory (RSS) per idle viewer", memory / 1024, kb => kb <= 15, "F1", " KB");
        }

        if (c.Phases.TryGetValue("service/hot", out var hot))
        {
            table.Add("hot channel: last viewer within 100 ms p99",
                $"{Format.Ms(hot.LastViewer.Percentile(0.99))} ms, {hot.Lost} lost", hot.LastViewer.Percentile(0.99) <= 100_000 && hot.Lost == 0 ? "yes" : "no");
        }

        var ingest = set.Ingest.Where(i => i.Target == Comparison.Service).ToList();
        if (ingest.Count > 0)
        {
            var best = ingest.MaxBy(i => i.Accepted / i.Seconds)!;
            Add(table, $"≥ 5,000 durable posts/s ingested (best: {best.Name})", best.Accepted / best.Seconds, r => r >= 5000, "N0", "/s");
        }

        if (set.Transfers.FirstOrDefault(t => t.Target == Comparison.Service) is { } transfer)
        {
            Add(table, "widget under 60 KB compressed (HTML + CSS + scripts)", transfer.Transferred / 1024.0, kb => kb < 60, "F1", " KB");
        }

        if (set.Pages.Where(p => p.Target == Comparison.Service).MinBy(p => p.Concurrency) is { } page)
        {
            var p99 = ResultSet.Merge([page.Histogram]).Percentile(0.99);
            table.Add($"widget page p99 under 10 ms (c={page.Concurrency}, measured at the client)", $"{Format.Ms(p99)} ms", p99 < 10_000 ? "yes" : "no");
        }

        return table;
    }

    private static void Add(MarkdownTable table, string aim, double value, Func<double, bool> met, string format, string unit = "") =>
        table.Add(aim, value.ToString(format, System.Globalization.CultureInfo.InvariantCulture) + unit, met(value) ? "yes" : "no");
}
