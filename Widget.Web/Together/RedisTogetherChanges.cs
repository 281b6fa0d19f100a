using System.Text.Json;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using Widget.Web.Cluster;

namespace Widget.Web.Together;

/// <summary>
/// Changes of membership across nodes: published on one Redis channel that every node subscribes to, and applied by
/// each. While Redis is away a change is applied on this node only; the other nodes' cached memberships then hold
/// until their connections close, and the store is away with Redis anyway.
/// </summary>
public sealed partial class RedisTogetherChanges(
    RedisConnection redis, TogetherChanges local, IOptions<RedisOptions> options, ILogger<RedisTogetherChanges> logger)
    : ITogetherChanges, IHostedService
{
    // Which node published a change: every subscriber hears it, this node too, which applied it already.
    private readonly Guid node = Guid.NewGuid();

    private RedisChannel Channel => RedisChannel.Literal(options.Value.ChannelPrefix + ":together-changes");

    // Applied here at once as well, so this node's own connections never relay past a change it made, and are told
    // of it even while Redis is away.
    public async Task PublishAsync(SessionChange change)
    {
        await local.ApplyAsync(change);
        try
        {
            await redis.Multiplexer.GetSubscriber().PublishAsync(Channel, JsonSerializer.Serialize(new Heard(node, change)));
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            LogPublishFailed(logger, e);
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

    private void Apply(RedisValue message) => _ = ApplyAsync(message);

    private async Task ApplyAsync(RedisValue message)
    {
        try
        {
            if (JsonSerializer.Deserialize<Heard>((string)message!) is { Change: { } change } heard && heard.From != node)
            {
                await local.ApplyAsync(change);
            }
        }
        catch (Exception e)
        {
            LogApplyFailed(logger, e);
        }
    }

    private sealed record Heard(Guid From, SessionChange Change);

    // Nothing naming the session goes to the log: its id lets anyone knock.
    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis is unreachable: a change of a browsing session's members is applied on this node only")]
    private static partial void LogPublishFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis is unreachable at start: this node hears other nodes' changes of browsing sessions once it is back")]
    private static partial void LogSubscribeFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A change of a browsing session's members heard from another node could not be applied")]
    private static partial void LogApplyFailed(ILogger logger, Exception exception);
}
