using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Widget.Web.Cluster;

/// <summary>
/// The node's one connection to Redis, shared by the backplane, presence and the health check. It
/// connects in the background and keeps reconnecting, so a node starts, serves and accepts posts
/// while Redis is down; readiness reports it as degraded meanwhile.
/// </summary>
public sealed partial class RedisConnection : IAsyncDisposable
{
    private readonly Lazy<ConnectionMultiplexer> multiplexer;
    private readonly ILogger<RedisConnection> logger;

    public RedisConnection(IOptions<RedisOptions> options, ILogger<RedisConnection> logger)
    {
        this.logger = logger;
        multiplexer = new Lazy<ConnectionMultiplexer>(() => Connect(options.Value.Configuration!));
    }

    public IConnectionMultiplexer Multiplexer => multiplexer.Value;

    private ConnectionMultiplexer Connect(string configuration)
    {
        var settings = ConfigurationOptions.Parse(configuration);
        settings.AbortOnConnectFail = false;
        // While Redis is away a publish fails at once instead of holding the poster for the backlog's
        // timeout: the post is stored either way, and viewers catch up by seq.
        settings.BacklogPolicy = BacklogPolicy.FailFast;
        settings.ClientName ??= "widget-" + Environment.MachineName;
        var connection = ConnectionMultiplexer.Connect(settings);
        connection.ConnectionFailed += (_, e) => LogConnectionFailed(logger, e.EndPoint, e.FailureType, e.Exception);
        connection.ConnectionRestored += (_, e) => LogConnectionRestored(logger, e.EndPoint);
        if (!connection.IsConnected)
        {
            LogUnreachableAtStart(logger, string.Join(", ", settings.EndPoints));
        }

        return connection;
    }

    public async ValueTask DisposeAsync()
    {
        if (multiplexer.IsValueCreated)
        {
            await multiplexer.Value.DisposeAsync();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Redis at {EndPoint} is unreachable ({FailureType}): posts are stored and reach this node's viewers only until it is back; the others catch up by seq")]
    private static partial void LogConnectionFailed(ILogger logger, System.Net.EndPoint? endPoint, ConnectionFailureType failureType, Exception? exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis at {EndPoints} is unreachable at start; the node serves and keeps trying")]
    private static partial void LogUnreachableAtStart(ILogger logger, string endPoints);

    [LoggerMessage(Level = LogLevel.Information, Message = "Redis at {EndPoint} is reachable again")]
    private static partial void LogConnectionRestored(ILogger logger, System.Net.EndPoint? endPoint);
}
