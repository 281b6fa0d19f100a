using System.Collections.Concurrent;
using System.Diagnostics;
using Widget.Bench.Cli;
using Widget.Bench.Measure;
using Widget.Bench.Net;
using Widget.Bench.Peers;
using Widget.Bench.Results;
using Widget.Bench.SignalR;

namespace Widget.Bench.Commands;

/// <summary>
/// <c>viewers</c>: opens <c>--count</c> connections, viewer g joining channel g % <c>--channels</c>
/// (on the hub with <c>Join(tag, 0)</c>; <c>--protocol</c> for the peers), reports when all are in, then holds them and tallies every post they
/// receive until stopped (SIGTERM). One process holds at most ~19,000 sockets: run several.
/// </summary>
public static class ViewersCommand
{
    public static async Task<int> RunAsync(Arguments args, CancellationToken stop)
    {
        var (target, scenario, process) = (args.Required("target"), args.Required("scenario"), args.WholeNumber("process", 0));
        var count = args.WholeNumber("count", 1000);
        var first = args.WholeNumber("first", 0);
        var channels = args.WholeNumber("channels", 100);
        var prefix = args.Required("channel-prefix");
        var url = args.Required("url");
        var protocol = args.Text("protocol", "signalr");
        var file = new ResultFile(args.Required("out"));
        using var invoker = new HttpMessageInvoker(Loopback.Handler(Loopback.ParseSources(args.Text("sources", "127.0.0.2"))));
        var tally = new DeliveryTally(channels);
        var events = new ViewerEvents(tally);
        var sockets = new ILiveConnection?[count];
        var joined = new int[channels];
        var connectTimes = new LatencyHistogram();
        var errors = new ConcurrentDictionary<string, int>();
        using var life = new CancellationTokenSource();

        var started = MonotonicClock.Now();
        try
        {
            await Parallel.ForEachAsync(Enumerable.Range(0, count),
                new ParallelOptions { MaxDegreeOfParallelism = args.WholeNumber("connect-concurrency", 50), CancellationToken = stop },
                async (i, ct) =>
                {
                    var channel = (first + i) % channels;
                    var begun = MonotonicClock.Now();
                    var socket = await JoinAsync(protocol, url, invoker, events, channel, prefix + channel, errors, life.Token, ct);
                    if (socket is not null)
                    {
                        sockets[i] = socket;
                        Interlocked.Increment(ref joined[channel]);
                        connectTimes.Record(MonotonicClock.ToMicros(MonotonicClock.Now() - begun));
                    }
                });
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Stopped while connecting: report what there is.
        }

        var connectSeconds = MonotonicClock.ToMicros(MonotonicClock.Now() - started) / 1e6;
        var open = sockets.OfType<ILiveConnection>().ToArray();
        file.Write(new ViewersReady(target, scenario, process, count, open.Length, count - open.Length, Math.Round(connectSeconds, 3),
            joined, connectTimes.ToSparse(), [.. errors.Select(e => $"{e.Value}x {e.Key}").Take(10)]));
        Console.WriteLine($"viewers {target}/{scenario}#{process}: {open.Length}/{count} joined in {connectSeconds:F1} s");

        var keepAlive = KeepAlive.RunAsync(() => open, TimeSpan.FromSeconds(10), life.Token);
        try
        {
            await Task.Delay(Timeout.Infinite, stop);
        }
        catch (OperationCanceledException)
        {
            // The script has what it needed: write the tally.
        }

        foreach (var line in tally.Lines(target, scenario, process))
        {
            file.Write(line);
        }

        var dropped = open.Where(s => s.Failure is not null).ToArray();
        using var self = Process.GetCurrentProcess();
        file.Write(new ViewersEnd(target, scenario, process, dropped.Length,
            [.. dropped.GroupBy(s => s.Failure!).Select(g => $"{g.Count()}x {g.Key}").Take(10)],
            Math.Round(self.TotalProcessorTime.TotalSeconds, 2), ProcFs.StatusBytes(Environment.ProcessId, "VmHWM")));

        await life.CancelAsync();
        await keepAlive;
        await Parallel.ForEachAsync(open, new ParallelOptions { MaxDegreeOfParallelism = 200 }, (s, _) => s.DisposeAsync());
        return 0;
    }

    private static async Task<ILiveConnection?> JoinAsync(string protocol, string url, HttpMessageInvoker invoker, ILiveEvents events, int channel,
        string tag, ConcurrentDictionary<string, int> errors, CancellationToken life, CancellationToken ct)
    {
        ILiveConnection? socket = null;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        try
        {
            socket = await LiveProtocol.ConnectAsync(protocol, url, null, invoker, events, life, timeout.Token);
            socket.State = new ViewerState(channel);
            var error = await socket.JoinAsync(tag, timeout.Token);
            return error is null ? socket : throw new InvalidOperationException("Join refused: " + error);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            errors.AddOrUpdate(e.GetType().Name + ": " + e.Message, 1, (_, n) => n + 1);
            if (socket is not null)
            {
                await socket.DisposeAsync();
            }

            return null;
        }
    }
}
