using System.Text.Json;
using Widget.Bench.Measure;
using Widget.Bench.Results;

namespace Widget.Bench.Report;

/// <summary>Every line the children wrote in one run, by kind.</summary>
public sealed class ResultSet
{
    public List<ViewersReady> Ready { get; } = [];

    public List<Deliveries> Deliveries { get; } = [];

    public List<ViewersEnd> Ended { get; } = [];

    public List<PostPhase> Posts { get; } = [];

    public List<IngestResult> Ingest { get; } = [];

    public List<PageResult> Pages { get; } = [];

    public List<TransferResult> Transfers { get; } = [];

    public List<StatsLine> Stats { get; } = [];

    public static ResultSet Load(IEnumerable<string> paths)
    {
        var set = new ResultSet();
        foreach (var line in paths.SelectMany(File.ReadLines).Where(l => l.Length > 0))
        {
            using var doc = JsonDocument.Parse(line);
            var kind = doc.RootElement.TryGetProperty("kind", out var k) ? k.GetString() : null;
            switch (kind)
            {
                case "viewers-ready": set.Ready.Add(Read<ViewersReady>(doc)); break;
                case "deliveries": set.Deliveries.Add(Read<Deliveries>(doc)); break;
                case "viewers-end": set.Ended.Add(Read<ViewersEnd>(doc)); break;
                case "posts": set.Posts.Add(Read<PostPhase>(doc)); break;
                case "ingest": set.Ingest.Add(Read<IngestResult>(doc)); break;
                case "page": set.Pages.Add(Read<PageResult>(doc)); break;
                case "transfer": set.Transfers.Add(Read<TransferResult>(doc)); break;
                case "stats": set.Stats.Add(Read<StatsLine>(doc)); break;
                default: break;
            }
        }

        return set;
    }

    public static LatencyHistogram Merge(IEnumerable<long[][]> histograms)
    {
        var merged = new LatencyHistogram();
        foreach (var h in histograms)
        {
            merged.Add(h);
        }

        return merged;
    }

    private static T Read<T>(JsonDocument doc) =>
        doc.RootElement.Deserialize<T>(ResultFile.Json) ?? throw new InvalidDataException("empty result line");
}
