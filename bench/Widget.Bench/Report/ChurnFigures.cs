using Widget.Bench.Results;

namespace Widget.Bench.Report;

/// <summary>
/// The churn scenario's readings side by side: each target's RSS, live managed heap and what its collector
/// holds from the OS, before the connections, with them held, after they closed, once the node has settled by itself,
/// and after a full collection, round by round. The change rows are the leak test: a collected heap that stays above
/// the baseline, or grows from round to round, is kept alive by something; RSS above it with the heap back is memory
/// kept for reuse. The settled rows are what an operator sees without anyone forcing a collection.
/// </summary>
public static class ChurnFigures
{
    public const string Scenario = "churn";

    private static readonly string[] Targets = [Comparison.Service, Comparison.Bare];

    public static MarkdownTable? Build(ResultSet set, List<string> problems)
    {
        var readings = set.Stats.Where(s => s.Scenario == Scenario).ToList();
        if (readings.Count == 0)
        {
            return null;
        }

        var table = new MarkdownTable("reading", "service RSS", "service heap", "service GC committed", "bare RSS", "bare heap",
            "bare GC committed");
        var labels = readings.Select(r => r.Label).Distinct().ToList();
        foreach (var label in labels)
        {
            table.Add([Describe(label, set), .. Targets.SelectMany(t => Cells(Find(readings, t, label)))]);
        }

        foreach (var (kind, what) in new[] { ("settled.", "settled"), ("closed-collected.", "collected") })
        {
            var rounds = labels.Where(l => l.StartsWith(kind, StringComparison.Ordinal)).ToList();
            if (rounds.Count > 0)
            {
                table.Add([$"change, before → {Describe(rounds[^1], set)}", .. Targets.SelectMany(t => Change(readings, t, "before", rounds[^1]))]);
            }

            if (rounds.Count > 1)
            {
                table.Add([$"change, round 1 → round {rounds.Count}, both {what}",
                    .. Targets.SelectMany(t => Change(readings, t, rounds[0], rounds[^1]))]);
            }
        }

        foreach (var ready in set.Ready.Where(r => r.Scenario == Scenario && r.Connected < r.Requested))
        {
            problems.Add($"{ready.Target} churn: only {ready.Connected} of {ready.Requested} joined; {string.Join("; ", ready.Errors)}");
        }

        return table;
    }

    private static string Describe(string label, ResultSet set)
    {
        var dot = label.IndexOf('.', StringComparison.Ordinal);
        if (dot < 0)
        {
            return label == "before" ? "before (collected)" : label;
        }

        var round = label[(dot + 1)..];
        return label[..dot] switch
        {
            "held" => $"round {round}: {Format.Count(Requested(set))} held",
            "closed" => $"round {round}: closed, not collected",
            "settled" => $"round {round}: closed and settled, not collected",
            "closed-collected" => $"round {round}: closed, collected",
            _ => $"round {round}: {label[..dot]}",
        };
    }

    private static int Requested(ResultSet set) =>
        set.Ready.Where(r => r.Scenario == Scenario).Select(r => r.Requested).DefaultIfEmpty().Max();

    private static StatsLine? Find(List<StatsLine> readings, string target, string label) =>
        readings.FirstOrDefault(r => r.Target == target && r.Label == label);

    private static string[] Cells(StatsLine? line) => line is null
        ? ["–", "–", "–"]
        : [Format.Mb(line.RssBytes), Mb(line.Server?.ManagedHeapBytes), Mb(line.Server?.GcCommittedBytes)];

    private static string[] Change(List<StatsLine> readings, string target, string from, string to)
    {
        if (Find(readings, target, from) is not { } a || Find(readings, target, to) is not { } b)
        {
            return ["–", "–", "–"];
        }

        return [Signed(b.RssBytes - a.RssBytes), Signed(b.Server?.ManagedHeapBytes - a.Server?.ManagedHeapBytes),
            Signed(b.Server?.GcCommittedBytes - a.Server?.GcCommittedBytes)];
    }

    private static string Mb(long? bytes) => bytes is { } b ? Format.Mb(b) : "–";

    private static string Signed(long? bytes) => bytes is { } b ? (b >= 0 ? "+" : "") + Format.Mb(b) : "–";
}
