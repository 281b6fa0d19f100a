using System.Collections.Concurrent;
using Widget.Bench.Auth;
using Widget.Bench.Cli;
using Widget.Bench.Measure;
using Widget.Bench.Net;

namespace Widget.Bench.Commands;

/// <summary>
/// <c>tokens</c>: signs in <c>--count</c> bench users (bench0, bench1, ...) through the development
/// OpenID provider, the real path, and writes their bearer tokens one per line.
/// </summary>
public static class TokensCommand
{
    public static async Task<int> RunAsync(Arguments args, CancellationToken stop)
    {
        var widget = new Uri(args.Required("url"));
        var count = args.WholeNumber("count", 100);
        var sources = Loopback.ParseSources(args.Text("sources", "127.0.0.2-127.0.0.9"));
        var tokens = new string?[count];
        var errors = new ConcurrentDictionary<string, int>();
        var started = MonotonicClock.Now();
        await Parallel.ForEachAsync(Enumerable.Range(0, count),
            new ParallelOptions { MaxDegreeOfParallelism = args.WholeNumber("concurrency", 8), CancellationToken = stop },
            async (i, ct) =>
            {
                try
                {
                    tokens[i] = await DevProviderSignIn.TokenAsync(widget, sources[i % sources.Count], $"bench{i}", ct);
                }
                catch (Exception e) when (e is HttpRequestException or InvalidOperationException or TaskCanceledException)
                {
                    errors.AddOrUpdate(e.Message, 1, (_, n) => n + 1);
                }
            });

        var got = tokens.OfType<string>().ToArray();
        await File.WriteAllLinesAsync(args.Required("out"), got, stop);
        Console.WriteLine($"tokens: {got.Length}/{count} users signed in through the provider in "
            + $"{MonotonicClock.ToMicros(MonotonicClock.Now() - started) / 1e6:F1} s");
        foreach (var (message, n) in errors.Take(5))
        {
            Console.Error.WriteLine($"tokens: {n}x {message}");
        }

        return got.Length == count ? 0 : 1;
    }
}
