using System.Text.Json;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using Widget.Web.Cluster;

namespace Widget.Web.Calls;

/// <summary>
/// Evictions across nodes: published on one Redis channel that every node subscribes to, and applied by each to
/// the calls in its own memory (the publisher's too, as a subscriber). The backplane cannot do this: it carries
/// messages to connections, and taking someone out of a call must happen on the server that holds it, so that
/// the others drop their peer even if the removed widget ignores what it is told. While Redis is away the
/// eviction is applied on this node only; the ban check on every signalling message still holds elsewhere.
/// </summary>
public sealed partial class RedisCallEvictions(
    RedisConnection redis, CallEvictor local, IOptions<RedisOptions> options, ILogger<RedisCallEvictions> logger)
    : ICallEvictions, IHostedService
{
    private RedisChannel Channel => RedisChannel.Literal(options.Value.ChannelPrefix + ":call-evictions");

    public async Task EvictAsync(CallEviction eviction)
    {
        try
        {
            await redis.Multiplexer.GetSubscriber().PublishAsync(Channel, JsonSerializer.Serialize(eviction));
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            LogPublishFailed(logger, eviction.Tag, e);
            local.Evict(eviction);
        }
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            // The subscription is kept by the multiplexer and renewed after every reconnect.
            await redis.Multiplexer.GetSubscriber().SubscribeAsync(Channel, (_, message) => Apply(message));
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            LogSubscribeFailed(logger, e);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void Apply(RedisValue message)
    {
        if (JsonSerializer.Deserialize<CallEviction>((string)message!) is { } eviction)
        {
            local.Evict(eviction);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis is unreachable: people taken out of the call in #{Tag} are taken out on this node only")]
    private static partial void LogPublishFailed(ILogger logger, string tag, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis is unreachable at start: this node hears other nodes' call evictions once it is back")]
    private static partial void LogSubscribeFailed(ILogger logger, Exception exception);
}
