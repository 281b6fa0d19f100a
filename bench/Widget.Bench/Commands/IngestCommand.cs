using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Widget.Bench.Cli;
using Widget.Bench.Measure;
using Widget.Bench.Net;
using Widget.Bench.Results;
using Widget.Bench.SignalR;

namespace Widget.Bench.Commands;

/// <summary>
/// <c>ingest</c>: how many posts a second are accepted, closed loop: each of <c>--workers</c> authors
/// sends its next post as soon as the last is acknowledged, through the hub (<c>--mode hub</c>) or
/// <c>POST /api/tags/{tag}/posts</c> (<c>--mode http</c>), to one channel or spread over many.
/// Only what completes inside the measured window counts; a warm-up comes first.
/// </summary>
public static class IngestCommand
{
    public static async Task<int> RunAsync(Arguments args, CancellationToken stop)
    {
        var mode = args.Required("mode");
        var workers = args.WholeNumber("workers", 100);
        var channels = args.WholeNumber("channels", 1);
        var prefix = args.Required("channel-prefix");
        var tokens = HubUrl.Tokens(args.Optional("tokens"));
        var sources = Loopback.ParseSources(args.Text("sources", "127.0.0.4"));
        var window = new Window(args.Number("warmup", 2), args.Number("seconds", 10));
        var cpu = new CpuWatch(args.All("watch"));

        Func<int, long, Task<string?>> post;
        await using var pool = new PosterPool(sources);
        using var http = new HttpClient(Loopback.Handler(sources)) { Timeout = TimeSpan.FromSeconds(30) };
        if (mode == "hub")
        {
            await pool.ConnectAsync("signalr", args.Required("url"), tokens, workers, stop);
            post = (w, key) => pool.Sockets[w].PostAsync(prefix + (key % channels), 0, key, out _, stop);
        }
        else
        {
            var baseUrl = args.Required("url").TrimEnd('/');
            post = (w, key) => PostOverHttpAsync(http, baseUrl, prefix + (key % channels), tokens[w % tokens.Count], key, stop);
        }

        var ack = new LatencyHistogram();
        var errors = new ConcurrentDictionary<string, int>();
        long accepted = 0, rejected = 0, failed = 0, next = 0;
        CpuWatch.Snapshot? measuredFrom = null;
        window.Start();
        var measuring = Task.Delay(window.Warmup, stop).ContinueWith(_ => measuredFrom = cpu.Take(), TaskScheduler.Default);
        await Task.WhenAll(Enumerable.Range(0, workers).Select(w => Task.Run(async () =>
        {
            while (!window.Over && !stop.IsCancellationRequested)
            {
                var sentAt = MonotonicClock.Now();
                string? error;
                try
                {
                    error = await post(w, Interlocked.Increment(ref next));
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    Interlocked.Increment(ref failed);
                    errors.AddOrUpdate(e.GetType().Name + ": " + e.Message, 1, (_, n) => n + 1);
                    continue;
                }

                if (!window.Counts(sentAt))
                {
                    continue;
                }

                ack.Record(MonotonicClock.ToMicros(MonotonicClock.Now() - sentAt));
                if (error is null)
                {
                    Interlocked.Increment(ref accepted);
                }
                else
                {
                    Interlocked.Increment(ref rejected);
                    errors.AddOrUpdate(error, 1, (_, n) => n + 1);
                }
            }
        }, stop)));

        await measuring;
        var use = cpu.Take().Since(measuredFrom ?? cpu.Take());
        var result = new IngestResult(args.Required("target"), args.Required("name"), mode, workers, channels, window.Seconds,
            accepted, rejected, failed, ack.ToSparse(), use, [.. errors.Select(e => $"{e.Value}x {e.Key}").Take(10)]);
        new ResultFile(args.Required("out")).Write(result);
        Console.WriteLine($"ingest {result.Target}/{result.Name}: {accepted / window.Seconds:F0} posts/s accepted, "
            + $"{rejected} rejected, {failed} failed, ack p99 {ack.Percentile(0.99) / 1000.0:F1} ms, machine {use.MachineBusy:P0} busy");
        return 0;
    }

    private static async Task<string?> PostOverHttpAsync(HttpClient http, string baseUrl, string tag, string? token, long key, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{baseUrl}/api/tags/{tag}/posts")
        {
            Content = JsonContent.Create(new { clientId = Guid.NewGuid(), text = PostMarker.Format(0, key, MonotonicClock.Now()) }),
        };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await http.SendAsync(request, ct);
        await response.Content.LoadIntoBufferAsync(ct);
        return response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK ? null : "HTTP " + (int)response.StatusCode;
    }

    /// <summary>A warm-up, then the measured seconds; a post counts if it was sent inside them.</summary>
    private sealed class Window(double warmup, double seconds)
    {
        private long start;

        public TimeSpan Warmup => TimeSpan.FromSeconds(warmup);

        public double Seconds => seconds;

        public bool Over => Elapsed(MonotonicClock.Now()) >= warmup + seconds;

        public void Start() => start = MonotonicClock.Now();

        public bool Counts(long sentAt) => Elapsed(sentAt) >= warmup && Elapsed(sentAt) < warmup + seconds;

        private double Elapsed(long at) => MonotonicClock.ToMicros(at - start) / 1e6;
    }
}
