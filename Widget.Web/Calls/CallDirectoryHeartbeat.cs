using Microsoft.Extensions.Options;
using Widget.Web.Cluster;

namespace Widget.Web.Calls;

/// <summary>Keeps this node's call members alive in Redis; when the node dies, they vanish from the calls with it.</summary>
public sealed partial class CallDirectoryHeartbeat(
    RedisCallDirectory directory, IOptions<RedisOptions> options, ILogger<CallDirectoryHeartbeat> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.NodeHeartbeat);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await directory.BeatAsync(stoppingToken);
            }
            catch (Exception e) when (e is StackExchange.Redis.RedisException or TimeoutException)
            {
                LogBeatFailed(logger, e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Call members heartbeat to Redis failed")]
    private static partial void LogBeatFailed(ILogger logger, Exception exception);
}
