using Microsoft.Extensions.Options;

namespace Widget.Web.Cluster;

/// <summary>Keeps this node's hub connection counts alive in Redis; when the node dies, they expire with it.</summary>
public sealed partial class HubConnectionCountsHeartbeat(
    RedisHubConnectionCounter counter, IOptions<RedisOptions> options, ILogger<HubConnectionCountsHeartbeat> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.NodeHeartbeat);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await counter.BeatAsync(stoppingToken);
            }
            catch (Exception e) when (e is StackExchange.Redis.RedisException or TimeoutException)
            {
                // Each node counts alone meanwhile; the first beat that gets through writes this node's counts back.
                LogBeatFailed(logger, e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Hub connection counts heartbeat to Redis failed")]
    private static partial void LogBeatFailed(ILogger logger, Exception exception);
}
