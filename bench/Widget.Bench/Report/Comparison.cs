using Widget.Bench.Measure;
using Widget.Bench.Results;

namespace Widget.Bench.Report;

/// <summary>
/// The side-by-side table: each scenario's figures for the service and the bare hub, and their ratio,
/// then, for the scenarios they run, the peers' (nchan, socket.io) when the run has them.
/// Also keeps the numbers the target checks need.
/// </summary>
public sealed class Comparison
{
    public const string Service = "service";
    public const string Bare = "bare";

    private static readonly (string Target, string Header)[] KnownPeers = [("nchan", "nginx + nchan"), ("socketio", "socket.io")];

    private readonly ResultSet set;
    private readonly string[] peers;

    public Comparison(ResultSet set)
    {
        this.set = set;
        var present = KnownPeers.Where(p => set.Ready.Any(r => r.Target == p.Target) || set.Posts.Any(r => r.Target == p.Target)).ToArray();
        peers = [.. present.Select(p => p.Target)];
        Table = new MarkdownTable(["scenario", "figure", "service", "bare hub", "service / bare", .. present.Select(p => p.Header)]);
    }

    public MarkdownTable Table { get; }

    public MarkdownTable Cpu { get; } = new("scenario", "target", "wall s", "server", "postgres", "generator", "other", "machine busy");

    public List<string> Problems { get; } = [];

    public Dictionary<string, DeliveryFigures> Phases { get; } = [];

    public Dictionary<string, double> Memory { get; } = [];

    /// <summary>Connects a second with the join, per target, from the density scenario.</summary>
    public Dictionary<string, double> Connects { get; } = [];

    /// <summary>Every phase of a sweep of rates, per target.</summary>
    public List<(string Target, DeliveryFigures Figures)> Sweep { get; } = [];

    /// <summary>The highest rate each target kept up with, when every rate below it was kept up with too; 0 when none was.</summary>
    public Dictionary<string, double> HighestCleanRate { get; } = [];

    /// <summary>One row per rate of the sweep, and the highest rate each target kept up with (<see cref="DeliveryFigures.KeepsUp"/>).</summary>
    public void AddSweep(string label)
    {
        if (Sweep.Count == 0)
        {
            return;
        }

        var targets = Targets();
        foreach (var rate in Sweep.Select(x => x.Figures.Posts.Rate).Distinct().Order())
        {
            var figures = targets.Select(t => Sweep.FirstOrDefault(x => x.Target == t && x.Figures.Posts.Rate == rate).Figures).ToArray();
            Row($"{label} sweep", $"{Format.Count(rate)} posts/s: post → last viewer p99 (ms); kept up", figures, f => f.LastViewer.Percentile(0.99),
                f => $"{Format.Ms(f.LastViewer.Percentile(0.99))}; {(f.KeepsUp ? "yes" : "no")}");
        }

        foreach (var target in targets)
        {
            var phases = Sweep.Where(x => x.Target == target).Select(x => x.Figures).OrderBy(f => f.Posts.Rate).ToList();
            if (phases.Count > 0)
            {
                HighestCleanRate[target] = phases.TakeWhile(f => f.KeepsUp).LastOrDefault()?.Posts.Rate ?? 0;
            }
        }

        var kept = targets.Select(t => HighestCleanRate.TryGetValue(t, out var rate)
            ? new KeptUp(rate, Sweep.FirstOrDefault(x => x.Target == t && x.Figures.Posts.Rate == rate).Figures?.LastViewer.Percentile(0.99))
            : null).ToArray();
        Row($"{label} sweep", "highest rate kept up with (posts/s); last viewer p99 at it (ms)", kept, k => k.Rate,
            k => k.P99 is { } p99 ? $"{Format.Count(k.Rate)}; {Format.Ms(p99)}" : "none");
    }

    public void AddDensity()
    {
        var targets = Targets();
        var figures = targets.Select(t => Density(t)).ToArray();
        if (figures.All(f => f is null))
        {
            return;
        }

        Row("density", "viewers joined", figures, f => f.Joined, f => $"{Format.Count(f.Joined)} / {Format.Count(f.Requested)}", ratio: false);
        Row("density", "connects/s (connect + handshake + Join)", figures, f => f.ConnectsPerSecond, f => Format.Count(f.ConnectsPerSecond));
        Row("density", "connect to joined p99 (ms)", figures, f => f.ConnectP99, f => Format.Ms(f.ConnectP99));
        Row("density", "server RSS per idle viewer (KB)", figures, f => f.RssPerViewer, f => Format.Kb(f.RssPerViewer));
        Row("density", "managed heap per idle viewer (KB)", figures, f => f.HeapPerViewer, f => f.Managed ? Format.Kb(f.HeapPerViewer) : "–");
        Row("density", "server RSS before → with viewers (MB)", figures, f => f.RssHeld, f => $"{Format.Mb(f.RssBefore)} → {Format.Mb(f.RssHeld)}");
        Row("density", "server RSS peak during density+chat (MB)", figures, f => f.RssPeak, f => Format.Mb(f.RssPeak));
        for (var i = 0; i < figures.Length; i++)
        {
            if (figures[i] is { } f)
            {
                Memory[targets[i]] = f.RssPerViewer;
                Connects[targets[i]] = f.ConnectsPerSecond;
                if (f.Joined < f.Requested)
                {
                    Problems.Add($"{targets[i]}: only {f.Joined} of {f.Requested} viewers joined");
                }
            }
        }
    }

    /// <param name="headline">For a sweep of rates, the one phase shown in full; the others are summed up by <see cref="AddSweep"/>.</param>
    public void AddDeliveries(string postScenario, string viewerScenario, string label, string? headline = null)
    {
        foreach (var name in set.Posts.Where(p => p.Scenario == postScenario).Select(p => p.Name).Distinct())
        {
            var targets = Targets();
            var figures = targets.Select(t =>
                set.Posts.FirstOrDefault(p => p.Target == t && p.Name == name) is { } posts
                    ? DeliveryFigures.For(set, t, viewerScenario, posts) : null).ToArray();
            if (headline is not null)
            {
                Sweep.AddRange(targets.Zip(figures).Where(x => x.Second is not null).Select(x => (x.First, x.Second!)));
                if (name != headline)
                {
                    continue;
                }
            }

            var scenario = $"{label} {name}";
            var first = figures.First(f => f is not null)!;
            Row(scenario, $"posts/s accepted (offered {Format.Count(first.Posts.Rate)}/s)", figures, f => f.PostsPerSecond, f => Format.Count(f.PostsPerSecond));
            Row(scenario, "deliveries/s", figures, f => f.DeliveriesPerSecond, f => Format.Count(f.DeliveriesPerSecond));
            Row(scenario, "post → each delivery p50 / p90 / p99 / max (ms); ratio of p99", figures, f => f.Latency.Percentile(0.99),
                f => $"{Format.Ms(f.Latency.Percentile(0.5))} / {Format.Ms(f.Latency.Percentile(0.9))} / {Format.Ms(f.Latency.Percentile(0.99))} / {Format.Ms(f.Latency.MaxMicros)}");
            if (postScenario == "hot")
            {
                Row(scenario, "post → last viewer has it p50 / p99 / max (ms); ratio of p99", figures, f => f.LastViewer.Percentile(0.99),
                    f => $"{Format.Ms(f.LastViewer.Percentile(0.5))} / {Format.Ms(f.LastViewer.Percentile(0.99))} / {Format.Ms(f.LastViewer.MaxMicros)}");
            }

            Row(scenario, "post acknowledged p50 / p99 (ms)", figures, f => f.Posts.AckHistogram is { } h ? ResultSet.Merge([h]).Percentile(0.99) : 0,
                f => $"{Format.Ms(ResultSet.Merge([f.Posts.AckHistogram]).Percentile(0.5))} / {Format.Ms(ResultSet.Merge([f.Posts.AckHistogram]).Percentile(0.99))}");
            Row(scenario, "deliveries expected / received / lost / duplicated", figures, f => f.Lost,
                f => $"{Format.Count(f.Expected)} / {Format.Count(f.Unique)} / {Format.Count(f.Lost)} / {Format.Count(f.Duplicates)}", ratio: false);
            Row(scenario, "server CPU per delivery (µs)", figures, f => f.ServerMicrosPerDelivery, f => Format.Fixed(f.ServerMicrosPerDelivery));
            Row(scenario, "server GC in the phase: collections; paused (ms)", figures, f => GcPauseMs(f.Posts),
                f => f.Posts.ServerBefore is null ? "–" : $"{GcCount(f.Posts)}; {Format.Fixed(GcPauseMs(f.Posts), 0)}");
            Row(scenario, "server JIT in the phase (ms)", figures, f => f.Posts.ServerJitMs(),
                f => f.Posts.ServerBefore is null ? "–" : Format.Fixed(f.Posts.ServerJitMs(), 0), ratio: false);
            for (var i = 0; i < figures.Length; i++)
            {
                if (figures[i] is not { } f)
                {
                    continue;
                }

                var target = targets[i];
                Phases[$"{target}/{name}"] = f;
                CpuRow(scenario, target, f.Posts.Cpu);
                if (!f.Clean)
                {
                    Problems.Add($"{target} {scenario}: {f.Lost} lost, {f.Duplicates} duplicated, {f.Posts.Rejected} rejected, "
                        + $"{f.Posts.Unacknowledged} unacknowledged, {f.Joined}/{f.Requested} viewers joined, {f.Dropped} dropped; {string.Join("; ", f.Posts.Errors)}");
                }
            }
        }
    }

    public void AddIngest()
    {
        foreach (var name in set.Ingest.Select(i => i.Name).Distinct())
        {
            var figures = new[] { Service, Bare }.Select(t => set.Ingest.FirstOrDefault(i => i.Target == t && i.Name == name)).ToArray();
            var first = figures.First(f => f is not null)!;
            var scenario = $"ingest {name}";
            var how = first.Mode == "hub" ? "hub Post()" : "POST /api/tags/{tag}/posts";
            Row(scenario, $"posts/s accepted, {how}, {first.Workers} authors, {Format.Count(first.Channels)} channel(s)", figures,
                f => f.Accepted / f.Seconds, f => Format.Count(f.Accepted / f.Seconds));
            Row(scenario, "acknowledged p50 / p99 (ms)", figures, f => ResultSet.Merge([f.AckHistogram]).Percentile(0.99),
                f => $"{Format.Ms(ResultSet.Merge([f.AckHistogram]).Percentile(0.5))} / {Format.Ms(ResultSet.Merge([f.AckHistogram]).Percentile(0.99))}");
            Row(scenario, "CPU per post: server + postgres (µs)", figures, f => PerUnit(f.Cpu, f.Accepted, "server") + PerUnit(f.Cpu, f.Accepted, "postgres"),
                f => $"{Format.Fixed(PerUnit(f.Cpu, f.Accepted, "server"), 0)} + {Format.Fixed(PerUnit(f.Cpu, f.Accepted, "postgres"), 0)}");
            for (var i = 0; i < figures.Length; i++)
            {
                if (figures[i] is { } f)
                {
                    CpuRow(scenario, i == 0 ? Service : Bare, f.Cpu);
                    if (f.Rejected + f.Failed > 0)
                    {
                        Problems.Add($"{f.Target} {scenario}: {f.Rejected} rejected, {f.Failed} failed; {string.Join("; ", f.Errors)}");
                    }
                }
            }
        }
    }

    public void AddPage()
    {
        foreach (var concurrency in set.Pages.Select(p => p.Concurrency).Distinct().Order())
        {
            var figures = new[] { Service, Bare }.Select(t => set.Pages.FirstOrDefault(p => p.Target == t && p.Concurrency == concurrency)).ToArray();
            var scenario = $"widget page c={concurrency}";
            Row(scenario, "GET /w/{tag} (50 posts) requests/s", figures, f => f.Requests / f.Seconds, f => Format.Count(f.Requests / f.Seconds));
            Row(scenario, "time to last byte p50 / p99 (ms); ratio of p99", figures, f => ResultSet.Merge([f.Histogram]).Percentile(0.99),
                f => $"{Format.Ms(ResultSet.Merge([f.Histogram]).Percentile(0.5))} / {Format.Ms(ResultSet.Merge([f.Histogram]).Percentile(0.99))}");
            Row(scenario, "CPU per request: server + postgres (µs)", figures, f => PerUnit(f.Cpu, f.Requests, "server") + PerUnit(f.Cpu, f.Requests, "postgres"),
                f => $"{Format.Fixed(PerUnit(f.Cpu, f.Requests, "server"), 0)} + {Format.Fixed(PerUnit(f.Cpu, f.Requests, "postgres"), 0)}");
            for (var i = 0; i < figures.Length; i++)
            {
                if (figures[i] is { } f)
                {
                    CpuRow(scenario, i == 0 ? Service : Bare, f.Cpu);
                }
            }
        }

        if (set.Transfers.FirstOrDefault(t => t.Target == Service) is { } transfer)
        {
            var parts = string.Join(", ", transfer.Assets.Select(a => $"{a.Type} {Format.Kb(a.Transferred)} {a.Encoding ?? "identity"}"));
            Table.Add(["widget page", "transfer: HTML + CSS + scripts as sent (KB)", $"{Format.Kb(transfer.Transferred)} ({parts})", "–", "–", .. peers.Select(_ => "–")]);
            Table.Add(["widget page", "the same decoded (KB)", Format.Kb(transfer.Uncompressed), "–", "–", .. peers.Select(_ => "–")]);
        }
    }

    // CollectionCount(0) counts every collection, since each collects generation 0.
    private static string GcCount(PostPhase phase) => phase is { ServerBefore: { } a, ServerAfter: { } b }
        ? $"{b.Gen0Collections - a.Gen0Collections} ({b.Gen2Collections - a.Gen2Collections} gen2)" : "–";

    private static double GcPauseMs(PostPhase phase) => phase is { ServerBefore: { } a, ServerAfter: { } b }
        ? (b.GcPauseSeconds - a.GcPauseSeconds) * 1000 : 0;

    private static double PerUnit(CpuUse cpu, long units, string label) =>
        units == 0 ? 0 : cpu.CpuSeconds.GetValueOrDefault(label) * 1e6 / units;

    private void CpuRow(string scenario, string target, CpuUse cpu)
    {
        var wall = cpu.WallSeconds;
        var cores = Environment.ProcessorCount;
        double Share(string label) => cpu.CpuSeconds.GetValueOrDefault(label) / (wall * cores);
        var known = cpu.CpuSeconds.Values.Sum() / (wall * cores);
        Cpu.Add(scenario, target, Format.Fixed(wall), Format.Percent(Share("server")), Format.Percent(Share("postgres")),
            Format.Percent(Share("generator")), Format.Percent(Math.Max(0, cpu.MachineBusy - known)), Format.Percent(cpu.MachineBusy));
    }

    private DensityFigures? Density(string target)
    {
        var ready = set.Ready.Where(r => r.Target == target && r.Scenario == "density").ToList();
        var before = set.Stats.FirstOrDefault(s => s.Target == target && s.Scenario == "density" && s.Label == "before");
        var held = set.Stats.FirstOrDefault(s => s.Target == target && s.Scenario == "density" && s.Label == "held");
        if (ready.Count == 0 || before is null || held is null)
        {
            return null;
        }

        var joined = ready.Sum(r => r.Connected);
        var peak = set.Stats.Where(s => s.Target == target && s.Scenario is "density" or "chat").Max(s => s.RssBytes);
        return new DensityFigures(ready.Sum(r => r.Requested), joined, joined / ready.Max(r => r.ConnectSeconds),
            ResultSet.Merge(ready.Select(r => r.ConnectHistogram)).Percentile(0.99),
            (double)(held.RssBytes - before.RssBytes) / Math.Max(1, joined),
            (double)((held.Server?.ManagedHeapBytes ?? 0) - (before.Server?.ManagedHeapBytes ?? 0)) / Math.Max(1, joined),
            before.RssBytes, held.RssBytes, peak, Managed: held.Server is not null);
    }

    /// <summary>The service and the bare hub, then the peers this run has: the order of a row's figures.</summary>
    private string[] Targets() => [Service, Bare, .. peers];

    /// <summary>A row of figures in <see cref="Targets"/> order; those past the bare hub's (the peers') may be missing, shown "–".</summary>
    private void Row<T>(string scenario, string figure, T?[] figures, Func<T, double> value, Func<T, string> text, bool ratio = true)
        where T : class
    {
        var s = figures[0];
        var b = figures.Length > 1 ? figures[1] : null;
        Table.Add([scenario, figure, s is null ? "–" : text(s), b is null ? "–" : text(b),
            ratio ? Format.Ratio(s is null ? null : value(s), b is null ? null : value(b)) : "–",
            .. peers.Select((_, i) => figures.Length > i + 2 && figures[i + 2] is { } p ? text(p) : "–")]);
    }

    private sealed record KeptUp(double Rate, long? P99);

    private sealed record DensityFigures(int Requested, int Joined, double ConnectsPerSecond, long ConnectP99,
        double RssPerViewer, double HeapPerViewer, long RssBefore, long RssHeld, long RssPeak, bool Managed);
}
