using System.Net;
using Widget.Bench.Cli;
using Widget.Bench.Measure;
using Widget.Bench.Net;
using Widget.Bench.Results;

namespace Widget.Bench.Commands;

/// <summary><c>stats</c>: one reading of the server (before, held, after a scenario), optionally after a full GC.</summary>
public static class StatsCommand
{
    public static async Task<int> RunAsync(Arguments args, CancellationToken ct)
    {
        using var http = new HttpClient(Loopback.Handler([IPAddress.Loopback]));
        var probe = Probe(args, http);
        var line = await probe.TakeAsync(args.Required("target"), args.Required("scenario"), args.Required("label"), args.Flag("collect"), ct);
        new ResultFile(args.Required("out")).Write(line);
        var managed = line.Server is { } server
            ? $"heap {server.ManagedHeapBytes / 1048576.0:F1} MiB, GC committed {server.GcCommittedBytes / 1048576.0:F1} MiB, "
            : "";
        Console.WriteLine($"{line.Target}/{line.Scenario}/{line.Label}: RSS {line.RssBytes / 1048576.0:F1} MiB, "
            + $"{managed}CPU {line.CpuSeconds:F1} s, {line.OpenFiles} fds");
        return 0;
    }

    public static ServerProbe Probe(Arguments args, HttpClient http) =>
        new(args.WholeNumber("pid", 0), args.Optional("stats-url") is { } url ? new Uri(url) : null, http);
}
