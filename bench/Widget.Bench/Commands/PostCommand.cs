using System.Collections.Concurrent;
using System.Net;
using Widget.Bench.Cli;
using Widget.Bench.Measure;
using Widget.Bench.Net;
using Widget.Bench.Peers;
using Widget.Bench.Results;
using Widget.Bench.SignalR;

namespace Widget.Bench.Commands;

/// <summary>
/// <c>post</c>: sends posts over signed-in hub connections (or a peer's, <c>--protocol</c>) at a fixed rate (open loop: the schedule
/// does not wait for the server), post i to channel i % <c>--channels</c>, one phase after another,
/// and records which were accepted and how long each took to be acknowledged.
/// </summary>
public static class PostCommand
{
    public static async Task<int> RunAsync(Arguments args, CancellationToken stop)
    {
        var (target, scenario) = (args.Required("target"), args.Required("scenario"));
        var channels = args.WholeNumber("channels", 100);
        var prefix = args.Required("channel-prefix");
        var maxInflight = args.WholeNumber("max-inflight", 64);
        var drain = TimeSpan.FromSeconds(args.Number("drain", 10));
        // A warm-up repeats its phase, up to --rounds times, until a round costs the server less than
        // --settled-jit-ms of compiling: until then its code is still being tiered up, and the first
        // measured phase would pay for it (seconds of JIT in a 20 s phase, measured).
        var rounds = args.WholeNumber("rounds", 1);
        var settledJitMs = args.Number("settled-jit-ms", double.PositiveInfinity);
        var file = new ResultFile(args.Required("out"));
        var cpu = new CpuWatch(args.All("watch"));
        using var http = new HttpClient(Loopback.Handler([IPAddress.Loopback]));
        var probe = StatsCommand.Probe(args, http);

        var sources = Loopback.ParseSources(args.Text("sources", "127.0.0.4"));
        var (protocol, url) = (args.Text("protocol", "signalr"), args.Required("url"));
        await using var pool = new PosterPool(sources);
        await pool.ConnectAsync(protocol, url, HubUrl.Tokens(args.Optional("tokens")), args.WholeNumber("connections", 50), stop);
        // Signing the posters in (their tokens, the session check, a database context each) makes that path hot, and the
        // server compiles it again, optimized, in the background a moment later: 0.6-2.0 s of compiling in the first
        // seconds of the chat phase at 500 posts/s, 22 ms once this waits for it. A cost of connecting, not of posting.
        await probe.SettleAsync(quietMs: 20, TimeSpan.FromSeconds(15), stop);
        // --sweep-from RATE: the phases climb, and from the first at RATE or more, the climb ends after one not kept up with.
        var sweepFrom = args.Number("sweep-from", double.PositiveInfinity);
        using var probeInvoker = new HttpMessageInvoker(Loopback.Handler(sources));
        await using var sweep = double.IsFinite(sweepFrom) ? await SweepProbe.JoinAsync(protocol, url, probeInvoker, prefix + "0", stop) : null;
        foreach (var plan in args.All("phase").Select(PostPlan.Parse))
        {
            var keptUp = true;
            for (var round = 1; round <= rounds; round++)
            {
                var run = new PhaseRun(plan, pool.Sockets, channels, prefix, maxInflight);
                var serverBefore = (await probe.TakeAsync(target, scenario, plan.Name + "-start", collect: false, stop)).Server;
                var before = cpu.Take();
                sweep?.Begin(plan.Id);
                await run.SendAsync(stop);
                await run.DrainAsync(drain, stop);
                keptUp = sweep is null || await sweep.KeptUpAsync(run.Accepted, drain, stop);
                var use = cpu.Take().Since(before);
                var serverAfter = (await probe.TakeAsync(target, scenario, plan.Name, collect: false, stop)).Server;
                var result = run.Result(target, scenario, use, serverBefore, serverAfter);
                file.Write(result);
                var jitMs = result.ServerJitMs();
                Console.WriteLine($"post {target}/{plan.Name}: {run.Accepted}/{run.Sent} accepted at {plan.Rate}/s, "
                    + $"ack p99 {run.Ack.Percentile(0.99) / 1000.0:F1} ms, machine {use.MachineBusy:P0} busy, server JIT {jitMs:F0} ms");
                if (jitMs < settledJitMs)
                {
                    break;
                }
            }

            if (plan.Rate >= sweepFrom && !keptUp)
            {
                Console.WriteLine($"post {target}: not kept up with at {plan.Rate}/s, seen by a viewer; the climb ends here");
                break;
            }
        }

        return 0;
    }

    /// <summary>One phase's schedule and its tally.</summary>
    private sealed class PhaseRun(PostPlan plan, IReadOnlyList<ILiveConnection> sockets, int channels, string prefix, int maxInflight)
    {
        private readonly long[] acceptedPerChannel = new long[channels];
        private readonly ConcurrentDictionary<string, int> errors = new();
        private long inflight;
        private long accepted;
        private long rejected;
        private long skipped;

        public LatencyHistogram Ack { get; } = new();

        public long Sent { get; private set; }

        public long Accepted => Interlocked.Read(ref accepted);

        public async Task SendAsync(CancellationToken ct)
        {
            var total = (long)(plan.Rate * plan.Seconds);
            var start = MonotonicClock.Now();
            var next = 0;
            for (long i = 0; i < total && !ct.IsCancellationRequested;)
            {
                var due = Math.Min(total, (long)(MonotonicClock.ToMicros(MonotonicClock.Now() - start) / 1e6 * plan.Rate) + 1);
                for (; i < due; i++)
                {
                    var socket = Pick(ref next);
                    if (socket is null)
                    {
                        skipped++;
                        continue;
                    }

                    Sent++;
                    _ = SendOneAsync(socket, (int)(i % channels), i, ct);
                }

                await Task.Delay(1, ct);
            }
        }

        public async Task DrainAsync(TimeSpan limit, CancellationToken ct)
        {
            var deadline = MonotonicClock.Now() + (long)(limit.TotalSeconds * System.Diagnostics.Stopwatch.Frequency);
            while (Interlocked.Read(ref inflight) > 0 && MonotonicClock.Now() < deadline && !ct.IsCancellationRequested)
            {
                await Task.Delay(10, CancellationToken.None);
            }
        }

        public PostPhase Result(string target, string scenario, CpuUse cpu, ServerStats? before, ServerStats? after) =>
            new(target, scenario, plan.Id, plan.Name, plan.Rate, plan.Seconds, Sent, Accepted, Interlocked.Read(ref rejected),
                Interlocked.Read(ref inflight), skipped, acceptedPerChannel, Ack.ToSparse(), cpu, before, after,
                [.. errors.Select(e => $"{e.Value}x {e.Key}").Take(10)]);

        /// <summary>The next connection round the ring with room for one more outstanding post, or null when all are full.</summary>
        private ILiveConnection? Pick(ref int next)
        {
            for (var tries = 0; tries < sockets.Count; tries++)
            {
                var socket = sockets[next];
                next = (next + 1) % sockets.Count;
                if (socket.Outstanding < maxInflight)
                {
                    return socket;
                }
            }

            return null;
        }

        private async Task SendOneAsync(ILiveConnection socket, int channel, long key, CancellationToken ct)
        {
            Interlocked.Increment(ref inflight);
            try
            {
                var error = await socket.PostAsync(prefix + channel, plan.Id, key, out var sentAt, ct);
                Ack.Record(MonotonicClock.ToMicros(MonotonicClock.Now() - sentAt));
                if (error is null)
                {
                    Interlocked.Increment(ref accepted);
                    Interlocked.Increment(ref acceptedPerChannel[channel]);
                }
                else
                {
                    Interlocked.Increment(ref rejected);
                    errors.AddOrUpdate(error, 1, (_, n) => n + 1);
                }
            }
            catch (OperationCanceledException)
            {
                // Stopped: counted as unacknowledged.
                return;
            }

            Interlocked.Decrement(ref inflight);
        }
    }
}
