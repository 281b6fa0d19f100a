using System.Globalization;
using System.Net;
using Widget.Bench.Cli;
using Widget.Bench.Measure;
using Widget.Bench.Net;
using Widget.Bench.Results;

namespace Widget.Bench.Commands;

/// <summary>
/// <c>page</c>: <c>GET --url</c> from a fixed number of concurrent clients (closed loop) for each
/// <c>--concurrency</c> given; requests a second and the time to the last byte of each response.
/// </summary>
public static class PageCommand
{
    public static async Task<int> RunAsync(Arguments args, CancellationToken stop)
    {
        var url = new Uri(args.Required("url"));
        var seconds = args.Number("seconds", 5);
        var warmup = args.Number("warmup", 1);
        var file = new ResultFile(args.Required("out"));
        var cpu = new CpuWatch(args.All("watch"));
        foreach (var concurrency in args.Text("concurrency", "1,16").Split(',').Select(c => int.Parse(c, CultureInfo.InvariantCulture)))
        {
            using var http = new HttpClient(Loopback.Handler(Loopback.ParseSources(args.Text("sources", "127.0.0.4"))));
            http.DefaultRequestHeaders.AcceptEncoding.ParseAdd("gzip, br");
            await LoadAsync(http, url, concurrency, TimeSpan.FromSeconds(warmup), new LatencyHistogram(), stop);
            var latency = new LatencyHistogram();
            var before = cpu.Take();
            var (requests, errors, bytes) = await LoadAsync(http, url, concurrency, TimeSpan.FromSeconds(seconds), latency, stop);
            var use = cpu.Take().Since(before);
            var result = new PageResult(args.Required("target"), url.AbsolutePath, concurrency, use.WallSeconds, requests, errors, bytes,
                latency.ToSparse(), use);
            file.Write(result);
            Console.WriteLine($"page {result.Target} c={concurrency}: {requests / use.WallSeconds:F0} req/s, p50 "
                + $"{latency.Percentile(0.5) / 1000.0:F2} ms, p99 {latency.Percentile(0.99) / 1000.0:F2} ms, {errors} errors");
        }

        return 0;
    }

    private static async Task<(long Requests, long Errors, long Bytes)> LoadAsync(
        HttpClient http, Uri url, int concurrency, TimeSpan duration, LatencyHistogram latency, CancellationToken ct)
    {
        long requests = 0, errors = 0, bytes = 0;
        var end = MonotonicClock.Now() + (long)(duration.TotalSeconds * System.Diagnostics.Stopwatch.Frequency);
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            while (MonotonicClock.Now() < end && !ct.IsCancellationRequested)
            {
                var start = MonotonicClock.Now();
                try
                {
                    using var response = await http.GetAsync(url, ct);
                    var body = await response.Content.ReadAsByteArrayAsync(ct);
                    latency.Record(MonotonicClock.ToMicros(MonotonicClock.Now() - start));
                    Interlocked.Add(ref bytes, body.Length);
                    Interlocked.Increment(ref response.StatusCode == HttpStatusCode.OK ? ref requests : ref errors);
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref errors);
                }
            }
        }, ct)));
        return (requests, errors, bytes);
    }
}
