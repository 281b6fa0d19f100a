using Microsoft.Extensions.Options;
using Widget.Web.Cluster;

namespace Widget.Web.Presence;

/// <summary>Renews this node's presence heartbeat; when the node dies, its viewers expire with the key.</summary>
public sealed partial class PresenceHeartbeat(RedisPresenceStore store, IOptions<RedisOptions> options, ILogger<PresenceHeartbeat> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.NodeHeartbeat);
        do
        {
            try
            {
                await store.BeatAsync(stoppingToken);
            }
            catch (Exception e) when (e is StackExchange.Redis.RedisException or TimeoutException)
            {
                // Redis is away: presence is stale for everyone alike; the next beat after it returns restores ours.
                LogBeatFailed(logger, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Presence heartbeat to Redis failed")]
    private static partial void LogBeatFailed(ILogger logger, Exception exception);
}
