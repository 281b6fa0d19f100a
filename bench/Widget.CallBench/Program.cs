using System.Globalization;
using Microsoft.Playwright;
using Widget.Bench.Shared;
using Widget.CallBench;

// Calls on this machine: time from "Join the call" to the first decoded remote frame for 2, 3 and 4
// participants (Chromium, fake devices), node A's CPU and memory per call, and signalling latency from a
// client on node A to one on node B. Prints a Markdown table; everything on loopback, stopped by PID.
var messages = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 300;
using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
var ct = timeout.Token;
await using var cluster = await BenchCluster.StartAsync(nodes: 2, ct);
Console.Error.WriteLine($"nodes on {cluster.A.BaseAddress} and {cluster.B.BaseAddress}");

var latencies = (await SignallingLatency.MeasureAsync(cluster, await cluster.NewCallChannelAsync(ct), messages, ct)).Order().ToList();
double Percentile(double p) => latencies[Math.Min(latencies.Count - 1, (int)Math.Ceiling(p * latencies.Count) - 1)];

var joins = new List<CallJoin>();
using (var playwright = await Playwright.CreateAsync())
{
    await using var browser = await playwright.Chromium.LaunchAsync(BrowserJoins.LaunchOptions());
    // One unmeasured call first: the nodes' and the browser's one-time costs (JIT, caches) fall before the readings.
    await BrowserJoins.MeasureAsync(browser, cluster, 2, ct);
    foreach (var participants in new[] { 2, 3, 4 })
    {
        joins.Add(await BrowserJoins.MeasureAsync(browser, cluster, participants, ct));
        Console.Error.WriteLine($"{participants} participants measured");
    }
}

static string Mb(long bytes) => (bytes / 1048576.0).ToString("0.0", CultureInfo.InvariantCulture);
static string F(double value) => value.ToString("0", CultureInfo.InvariantCulture);
static string P(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);

Console.WriteLine("| participants | join → first remote frame | join → frames from every peer | node CPU while joining | node CPU in the call | node memory before → in the call |");
Console.WriteLine("| --- | --- | --- | --- | --- | --- |");
foreach (var j in joins)
{
    Console.WriteLine($"| {j.Participants} | {F(j.FirstFrameMs)} ms | {F(j.AllFramesMs)} ms | {P(j.JoinCpuPercent)} % | {P(j.HeldCpuPercent)} % | {Mb(j.RssBeforeBytes)} → {Mb(j.RssHeldBytes)} MB |");
}

Console.WriteLine();
Console.WriteLine($"Signalling from node A to node B, {latencies.Count} offers of 6,000 characters, one at a time: " +
    $"p50 {P(Percentile(0.5))} ms, p99 {P(Percentile(0.99))} ms, max {P(latencies[^1])} ms.");
