namespace Widget.Web.Realtime;

/// <summary>
/// Once a crowd of connections has left (<see cref="CrowdDeparture"/>), gives the memory the collector kept for it back
/// to the system with one aggressive collection. Left alone, an idle node allocates almost nothing, so it collects
/// nothing and holds the regions it grew into; the collector decommits only what it frees while it runs. The
/// collection pauses the node for as long as it takes to compact what is still alive, so after each the node rests
/// for <see cref="RestPerPause"/> times that pause: someone opening and closing crowds in a loop can make it spend
/// at most 1 % of its time on this. Measured in docs/benchmarks.md ("Memory after connections close").
/// </summary>
public sealed partial class MemoryGiveBack(OpenConnections connections, TimeProvider time, ILogger<MemoryGiveBack> logger) : BackgroundService
{
    public const int RestPerPause = 100;

    private static readonly TimeSpan LookEvery = TimeSpan.FromSeconds(15);

    private readonly CrowdDeparture departure = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(LookEvery, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            if (departure.Observe(connections.Now, connections.TakePeak()))
            {
                var pause = GiveBack();
                departure.RestFor((int)Math.Ceiling(pause * RestPerPause / LookEvery));
            }
        }
    }

    private TimeSpan GiveBack()
    {
        var before = GC.GetGCMemoryInfo().TotalCommittedBytes;
        var started = time.GetTimestamp();
        GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        NativeHeapTrim.Run();
        var pause = time.GetElapsedTime(started);
        var after = GC.GetGCMemoryInfo().TotalCommittedBytes;
        LogGaveBack(logger, connections.Now, before >> 20, after >> 20, pause.TotalMilliseconds);
        return pause;
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "A crowd of connections left ({Open} open now): the collector's memory went from {BeforeMb} to {AfterMb} MB in {PauseMs:F0} ms")]
    private static partial void LogGaveBack(ILogger logger, long open, long beforeMb, long afterMb, double pauseMs);
}
