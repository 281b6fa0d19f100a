using Microsoft.Extensions.Options;
using StackExchange.Redis;
using Widget.Web.Viewing;

namespace Widget.Web.Cluster;

/// <summary>
/// Page cache evictions across nodes. Each node keeps its widget pages in its own memory, so a page view costs
/// no Redis round trip and goes on while Redis is away; an eviction is applied here and published on one Redis
/// channel that every node applies to its own cache. The publish is not awaited but goes out on the connection
/// the backplane uses, before the change's live push, so Redis hands the other nodes the eviction first.
/// </summary>
/// <remarks>
/// A node cut off from Redis misses other nodes' evictions, but also their live pushes, so its viewers have not
/// seen what its pages lack; when the connection comes back it drops every page it holds.
/// </remarks>
public sealed partial class RedisPageCacheEvictions(
    RedisConnection redis, LocalPageCacheEvictions local, IOptions<RedisOptions> options, ILogger<RedisPageCacheEvictions> logger)
    : IPageCacheEvictions, IHostedService
{
    private RedisChannel Channel => RedisChannel.Literal(options.Value.ChannelPrefix + ":page-evictions");

    public async Task EvictAsync(string cacheTag)
    {
        await local.EvictAsync(cacheTag);
        try
        {
            await redis.Multiplexer.GetSubscriber().PublishAsync(Channel, cacheTag, CommandFlags.FireAndForget);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            LogPublishFailed(logger, e);
        }
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        redis.Multiplexer.ConnectionRestored += (_, _) => _ = local.EvictAsync(WidgetPageCachePolicy.AllPages);
        try
        {
            // The subscription is kept by the multiplexer and renewed after every reconnect.
            await redis.Multiplexer.GetSubscriber().SubscribeAsync(Channel, (channel, message) => _ = local.EvictAsync((string)message!));
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            LogSubscribeFailed(logger, e);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis is unreachable: a changed widget page is dropped from this node's cache only")]
    private static partial void LogPublishFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis is unreachable at start: this node hears other nodes' page evictions once it is back")]
    private static partial void LogSubscribeFailed(ILogger logger, Exception exception);
}
