using System.Net;
using Widget.Bench.Cli;
using Widget.Bench.Net;
using Widget.Bench.Results;

namespace Widget.Bench.Commands;

/// <summary><c>sample</c>: reads the server every <c>--interval</c> seconds until stopped, for the peaks during a scenario.</summary>
public static class SampleCommand
{
    public static async Task<int> RunAsync(Arguments args, CancellationToken ct)
    {
        using var http = new HttpClient(Loopback.Handler([IPAddress.Loopback]));
        var probe = StatsCommand.Probe(args, http);
        var file = new ResultFile(args.Required("out"));
        var interval = TimeSpan.FromSeconds(args.Number("interval", 2));
        var (target, scenario) = (args.Required("target"), args.Required("scenario"));
        using var timer = new PeriodicTimer(interval);
        try
        {
            do
            {
                file.Write(await probe.TakeAsync(target, scenario, "during", collect: false, ct));
            }
            while (await timer.WaitForNextTickAsync(ct));
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Stopped by the script: the samples so far are the result.
        }

        return 0;
    }
}
