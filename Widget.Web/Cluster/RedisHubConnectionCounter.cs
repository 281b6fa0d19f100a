using System.Globalization;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using Widget.Web.Realtime;

namespace Widget.Web.Cluster;

/// <summary>
/// Hub connections per client address, counted across the cluster. Each node keeps its own counts in one Redis
/// hash (address → open connections) that expires <see cref="RedisOptions.NodeTimeout"/> after its last heartbeat,
/// so a killed node's connections stop counting without anyone noticing the death; a set lists the nodes. Opening
/// is one Lua script: sum the address over the live nodes, refuse at the limit, else count it on this node. The
/// node mirrors its own counts in memory: they are its fallback while Redis is away, and what it writes back once
/// Redis returns, since closes meanwhile could not be told.
/// </summary>
public sealed partial class RedisHubConnectionCounter : IHubConnectionCounter
{
    // KEYS[1] the set of nodes, KEYS[2] this node's hash; ARGV address, limit, node hash prefix, node id, expiry in ms.
    private const string TallyLua = """
        local total = 0
        for _, node in ipairs(redis.call('SMEMBERS', KEYS[1])) do
          local key = ARGV[3] .. node
          if redis.call('EXISTS', key) == 0 then
            redis.call('SREM', KEYS[1], node)
          else
            total = total + (tonumber(redis.call('HGET', key, ARGV[1])) or 0)
          end
        end
        """;

    private const string OpenLua = TallyLua + "\n" + """
        if total >= tonumber(ARGV[2]) then return 0 end
        redis.call('HINCRBY', KEYS[2], ARGV[1], 1)
        redis.call('PEXPIRE', KEYS[2], ARGV[5])
        redis.call('SADD', KEYS[1], ARGV[4])
        return 1
        """;

    private const string HasRoomLua = TallyLua + "\n" + """
        if total >= tonumber(ARGV[2]) then return 0 end
        return 1
        """;

    // KEYS[1] this node's hash; ARGV address.
    private const string CloseLua = """
        if redis.call('HINCRBY', KEYS[1], ARGV[1], -1) <= 0 then redis.call('HDEL', KEYS[1], ARGV[1]) end
        """;

    private readonly RedisConnection redis;
    private readonly LocalHubConnectionCounter local;
    private readonly IOptions<RealtimeOptions> realtime;
    private readonly ILogger<RedisHubConnectionCounter> logger;
    private readonly RedisKey nodesKey;
    private readonly RedisKey nodeKey;
    private readonly string nodePrefix;
    private readonly TimeSpan expiry;
    private int outOfStep;

    public RedisHubConnectionCounter(
        RedisConnection redis, LocalHubConnectionCounter local, IOptions<RealtimeOptions> realtime, IOptions<RedisOptions> options,
        ILogger<RedisHubConnectionCounter> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.redis = redis;
        this.local = local;
        this.realtime = realtime;
        this.logger = logger;
        nodePrefix = options.Value.ChannelPrefix + ":connections:node:";
        nodesKey = options.Value.ChannelPrefix + ":connections:nodes";
        nodeKey = nodePrefix + NodeId;
        expiry = options.Value.NodeTimeout;
    }

    /// <summary>This process; random, so a restarted node never inherits a dead one's counts.</summary>
    public string NodeId { get; } = Guid.NewGuid().ToString("N");

    private IDatabase Db => redis.Multiplexer.GetDatabase();

    private long Limit => realtime.Value.MaxConnectionsPerAddress;

    public async Task<bool> TryOpenAsync(string address, CancellationToken ct)
    {
        try
        {
            var opened = (long)(await Db.ScriptEvaluateAsync(OpenLua, [nodesKey, nodeKey], Arguments(address)).WaitAsync(ct)) == 1;
            if (opened)
            {
                local.TryOpen(address, int.MaxValue);
            }

            return opened;
        }
        catch (Exception e) when (IsRedisFailure(e))
        {
            FellOutOfStep(e);
            return local.TryOpen(address, realtime.Value.MaxConnectionsPerAddress);
        }
    }

    public async Task<bool> HasRoomAsync(string address, CancellationToken ct)
    {
        try
        {
            return (long)(await Db.ScriptEvaluateAsync(HasRoomLua, [nodesKey, nodeKey], Arguments(address)).WaitAsync(ct)) == 1;
        }
        catch (Exception e) when (IsRedisFailure(e))
        {
            FellOutOfStep(e);
            return local.Count(address) < realtime.Value.MaxConnectionsPerAddress;
        }
    }

    public async Task CloseAsync(string address, CancellationToken ct)
    {
        local.Close(address);
        try
        {
            await Db.ScriptEvaluateAsync(CloseLua, [nodeKey], [address]).WaitAsync(ct);
        }
        catch (Exception e) when (IsRedisFailure(e))
        {
            FellOutOfStep(e);
        }
    }

    /// <summary>
    /// Keeps this node's counts alive for another <see cref="RedisOptions.NodeTimeout"/>; after a Redis failure, or
    /// when the counts expired meanwhile, writes them anew from this node's own.
    /// </summary>
    public async Task BeatAsync(CancellationToken ct)
    {
        var rewrite = Interlocked.Exchange(ref outOfStep, 0) == 1;
        try
        {
            if (rewrite || (!await Db.KeyExpireAsync(nodeKey, expiry).WaitAsync(ct) && local.Addresses > 0))
            {
                await RewriteAsync(ct);
                if (rewrite)
                {
                    LogBack(logger);
                }
            }
        }
        catch (Exception e) when (IsRedisFailure(e))
        {
            Interlocked.Exchange(ref outOfStep, 1);
            throw;
        }
    }

    private async Task RewriteAsync(CancellationToken ct)
    {
        var counts = local.Snapshot();
        var transaction = Db.CreateTransaction();
        _ = transaction.KeyDeleteAsync(nodeKey);
        if (counts.Length > 0)
        {
            _ = transaction.HashSetAsync(nodeKey, [.. counts.Select(c => new HashEntry(c.Key, c.Value))]);
            _ = transaction.KeyExpireAsync(nodeKey, expiry);
            _ = transaction.SetAddAsync(nodesKey, NodeId);
        }

        await transaction.ExecuteAsync().WaitAsync(ct);
    }

    private RedisValue[] Arguments(string address) =>
        [address, Limit, nodePrefix, NodeId, ((long)expiry.TotalMilliseconds).ToString(CultureInfo.InvariantCulture)];

    private void FellOutOfStep(Exception e)
    {
        if (Interlocked.Exchange(ref outOfStep, 1) == 0)
        {
            LogFallingBack(logger, e);
        }
    }

    private static bool IsRedisFailure(Exception e) => e is RedisException or TimeoutException;

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Redis is unreachable: hub connections per address are counted on each node alone until it is back")]
    private static partial void LogFallingBack(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Hub connections per address are counted in Redis again")]
    private static partial void LogBack(ILogger logger);
}
