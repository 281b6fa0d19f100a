using System.Diagnostics;
using System.Globalization;
using Widget.Bench.Shared;
using Widget.TogetherBench;

// Browsing together on one node: sessions of participants who all move their cursors at a steady rate.
// Prints p50/p99 latency from a move to its arrival at the others, the node's CPU per relayed move, bytes each
// participant receives a second, and whether every sender's newest position reached everyone (what the
// server's coalescing must never drop). Everything on loopback, stopped by PID.
//   dotnet run --project bench/Widget.TogetherBench -c Release [sessions] [participants] [seconds] [hz]
int Arg(int index, int fallback) => args.Length > index ? int.Parse(args[index], CultureInfo.InvariantCulture) : fallback;
var (sessions, participants, seconds, hz) = (Arg(0, 200), Arg(1, 4), Arg(2, 30), Arg(3, 20));
const int WarmUpSeconds = 5;
var moves = hz * (WarmUpSeconds + seconds);
using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
var ct = timeout.Token;
await using var cluster = await BenchCluster.StartAsync(nodes: 1, ct);
var tag = await cluster.NewTogetherChannelAsync(ct);
Console.Error.WriteLine($"node on {cluster.A.BaseAddress}; signing in {sessions * participants} participants");

var roster = new MoverRoster();
var groups = new CursorMover[sessions][];
await Parallel.ForEachAsync(Enumerable.Range(0, sessions), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct }, async (s, token) =>
{
    var group = new CursorMover[participants];
    for (var p = 0; p < participants; p++)
    {
        group[p] = await CursorMover.ConnectAsync(cluster.A.BaseAddress, await cluster.SignInAsync(token), moves, roster, token);
    }

    groups[s] = group;
});
foreach (var mover in groups.SelectMany(g => g))
{
    roster.Add(mover);
}

var sessionIds = new string[sessions];
await Parallel.ForEachAsync(Enumerable.Range(0, sessions), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct }, async (s, token) =>
{
    var creator = groups[s][0];
    var id = (await creator.StartAsync(tag, token)).SessionId;
    foreach (var joiner in groups[s].Skip(1))
    {
        await joiner.JoinAsync(creator, id, token);
    }

    sessionIds[s] = id;
});
Console.Error.WriteLine($"{sessions} sessions formed; moving for {WarmUpSeconds} s unmeasured, then {seconds} s");

var moving = groups.SelectMany((group, s) => group.Select(m => m.MoveAsync(sessionIds[s], hz, moves, ct))).ToList();
await Task.Delay(TimeSpan.FromSeconds(WarmUpSeconds), ct);
var pid = cluster.A.Pid ?? throw new InvalidOperationException("The node is not running.");
var everyone = groups.SelectMany(g => g).ToList();
var (cpuBefore, bytesBefore, started) = (ProcessSample.Of(pid), everyone.Sum(m => m.ReceivedBytes), Stopwatch.GetTimestamp());
roster.Measuring = true;
await Task.Delay(TimeSpan.FromSeconds(seconds), ct);
roster.Measuring = false;
var (cpuAfter, bytesAfter, window) = (ProcessSample.Of(pid), everyone.Sum(m => m.ReceivedBytes), Stopwatch.GetElapsedTime(started));
await Task.WhenAll(moving);
// Whatever the node still had queued arrives first: the check waits until nothing came for a second (30 s at most).
var drained = Stopwatch.GetTimestamp();
for (var last = -1L; everyone.Sum(m => m.ReceivedBytes) is var now && now != last && Stopwatch.GetElapsedTime(drained).TotalSeconds < 30; last = now)
{
    await Task.Delay(TimeSpan.FromSeconds(1), ct);
}

var drainSeconds = Stopwatch.GetElapsedTime(drained).TotalSeconds - 1;

var missing = groups.Sum(group => group.Sum(receiver => group.Count(sender => sender != receiver && !receiver.SawLastOf(sender))));
var backwards = everyone.Sum(m => m.Backwards);
var overtaken = everyone.Sum(m => m.Overtaken);
var latencies = everyone.SelectMany(m => m.Latencies).Order().ToList();
double Percentile(double p) => latencies.Count == 0 ? double.NaN : latencies[Math.Min(latencies.Count - 1, (int)Math.Ceiling(p * latencies.Count) - 1)];
var sentInWindow = everyone.Count * hz * window.TotalSeconds * (participants - 1);
var cpu = (cpuAfter.Cpu - cpuBefore.Cpu).TotalMilliseconds;
static string F(double value, string format = "0.0") => value.ToString(format, CultureInfo.InvariantCulture);

Console.WriteLine($"| sessions × participants | moves/s each | move → others p50 | p99 | moves delivered (of sent × others) | node CPU | CPU per delivered move | bytes received per participant/s | backlog after the last move | newest position missing | batches overtaken (dropped) | out of order |");
Console.WriteLine("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
Console.WriteLine($"| {sessions} × {participants} | {hz} | {F(Percentile(0.5))} ms | {F(Percentile(0.99))} ms | {F(100.0 * latencies.Count / sentInWindow, "0")} % " +
    $"| {F(100 * cpu / window.TotalMilliseconds, "0")} % | {F(1000 * cpu / Math.Max(1, latencies.Count), "0.0")} µs | {F((bytesAfter - bytesBefore) / window.TotalSeconds / everyone.Count, "0")} " +
    $"| {F(Math.Max(0, drainSeconds), "0")} s | {missing} | {overtaken} | {backwards} |");

foreach (var mover in everyone)
{
    await mover.DisposeAsync();
}

return missing == 0 && backwards == 0 ? 0 : 1;
