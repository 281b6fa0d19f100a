namespace Widget.Web.Cluster;

/// <summary>
/// Once Redis answers again, closes the connections that opened or joined while it was away, so their
/// widgets reconnect with full Redis subscriptions and fetch what they missed by seq. A connection closed
/// too early (Redis flapping) is simply cut off again and closed on a later beat.
/// </summary>
public sealed partial class CutOffReconnector(CutOffConnections cutOff, RedisConnection redis, ILogger<CutOffReconnector> logger)
    : BackgroundService
{
    // Short, so a viewer is stranded for little longer than the outage; the check itself costs nothing.
    private static readonly TimeSpan Beat = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Beat);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            if (cutOff.Count > 0 && redis.Multiplexer.IsConnected)
            {
                var closed = cutOff.CloseAll();
                LogClosing(logger, closed);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Redis is back: closed {Count} hub connections that opened while it was away; they reconnect and catch up")]
    private static partial void LogClosing(ILogger logger, int count);
}
