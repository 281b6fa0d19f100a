using Microsoft.Extensions.Options;
using Widget.Web.Cluster;

namespace Widget.Web.Together;

/// <summary>Keeps alive in Redis the sessions this node has connections in; when every node holding one dies, it expires with them.</summary>
public sealed partial class TogetherHeartbeat(
    RedisTogetherStore store, TogetherSessions sessions, IOptions<RedisOptions> options, ILogger<TogetherHeartbeat> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.NodeHeartbeat);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await store.KeepAsync(sessions.HeldHere(), stoppingToken);
            }
            catch (Exception e) when (e is StackExchange.Redis.RedisException or TimeoutException)
            {
                LogBeatFailed(logger, e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Browsing sessions heartbeat to Redis failed")]
    private static partial void LogBeatFailed(ILogger logger, Exception exception);
}
