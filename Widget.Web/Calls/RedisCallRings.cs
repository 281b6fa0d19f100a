using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using Widget.Web.Cluster;

namespace Widget.Web.Calls;

/// <summary>
/// Rings across nodes: one Redis key per ring, holding it as JSON, expiring with it. A swap is one script that
/// compares the JSON held with the ring the caller saw, so two nodes never both answer, withdraw or time out the
/// same ring. While Redis is away, rings are kept on this node (<see cref="LocalCallRings"/>): callers and callees
/// connected to the same node can still call each other.
/// </summary>
public sealed partial class RedisCallRings(
    RedisConnection redis, LocalCallRings local, IOptions<RedisOptions> options, ILogger<RedisCallRings> logger) : ICallRings
{
    // KEYS[1] the ring; ARGV the JSON expected, the JSON to put in its place ('' ends it), its lifetime in ms.
    private const string SwapLua = """
        if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
        if ARGV[2] == '' then redis.call('DEL', KEYS[1]) else redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3]) end
        return 1
        """;

    private IDatabase Db => redis.Multiplexer.GetDatabase();

    public async Task AddAsync(CallRing ring, TimeSpan lifetime, CancellationToken ct)
    {
        try
        {
            await Db.StringSetAsync(Key(ring.Id), JsonSerializer.Serialize(ring), lifetime).WaitAsync(ct);
        }
        catch (Exception e) when (IsRedisFailure(e))
        {
            LogFallingBack(logger, e);
            await local.AddAsync(ring, lifetime, ct);
        }
    }

    public async Task<CallRing?> FindAsync(string id, CancellationToken ct)
    {
        try
        {
            var held = await Db.StringGetAsync(Key(id)).WaitAsync(ct);
            return held.IsNull ? await local.FindAsync(id, ct) : JsonSerializer.Deserialize<CallRing>((string)held!);
        }
        catch (Exception e) when (IsRedisFailure(e))
        {
            LogFallingBack(logger, e);
            return await local.FindAsync(id, ct);
        }
    }

    public async Task<bool> SwapAsync(CallRing current, CallRing? replacement, TimeSpan lifetime, CancellationToken ct)
    {
        if (await local.FindAsync(current.Id, ct) is not null)
        {
            return await local.SwapAsync(current, replacement, lifetime, ct);
        }

        try
        {
            var ms = Math.Max(1, (long)lifetime.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
            var swapped = await Db.ScriptEvaluateAsync(
                SwapLua, [Key(current.Id)], [JsonSerializer.Serialize(current), replacement is null ? "" : JsonSerializer.Serialize(replacement), ms]).WaitAsync(ct);
            return (long)swapped == 1;
        }
        catch (Exception e) when (IsRedisFailure(e))
        {
            LogFallingBack(logger, e);
            return false;
        }
    }

    private RedisKey Key(string id) => options.Value.ChannelPrefix + ":ring:" + id;

    private static bool IsRedisFailure(Exception e) => e is RedisException or TimeoutException;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis is unreachable: direct calls ring on this node only until it is back")]
    private static partial void LogFallingBack(ILogger logger, Exception exception);
}
