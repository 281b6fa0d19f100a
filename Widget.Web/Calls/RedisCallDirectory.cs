using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using Widget.Web.Cluster;

namespace Widget.Web.Calls;

/// <summary>
/// Calls across nodes: each channel's call is one Redis hash of connection id → (node, user, name, joined at).
/// Each node renews a heartbeat key and its calls' hashes every <see cref="RedisOptions.NodeHeartbeat"/>; both
/// expire after <see cref="RedisOptions.NodeTimeout"/>, and reads skip and delete the members of nodes whose key
/// is gone, so a dead node's members vanish from the call without anyone noticing the death. Joining is one Lua
/// script (count the live members, refuse at the cap, else add), so the cap holds over the cluster. A signalling
/// message to a member of this node is checked in memory; to another node's, with one script (HGET and EXISTS).
/// While Redis is away the node answers from its own <see cref="CallRooms"/>, and its heartbeat writes its
/// members back, and forgets those who left meanwhile, once Redis returns.
/// </summary>
public sealed partial class RedisCallDirectory : ICallDirectory
{
    // KEYS[1] the call, KEYS[2] this node's heartbeat; ARGV connection, entry, max, node key prefix, expiry in ms.
    private const string JoinLua = """
        redis.call('SET', KEYS[2], '1', 'PX', ARGV[5])
        if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 1 then return 1 end
        local live = 0
        local all = redis.call('HGETALL', KEYS[1])
        for i = 1, #all, 2 do
          if redis.call('EXISTS', ARGV[4] .. cjson.decode(all[i + 1]).Node) == 1 then
            live = live + 1
          else
            redis.call('HDEL', KEYS[1], all[i])
          end
        end
        if live >= tonumber(ARGV[3]) then return 0 end
        redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
        redis.call('PEXPIRE', KEYS[1], ARGV[5])
        return 1
        """;

    // KEYS[1] the call; ARGV node key prefix. The live members as connection, entry pairs.
    private const string RosterLua = """
        local live = {}
        local all = redis.call('HGETALL', KEYS[1])
        for i = 1, #all, 2 do
          if redis.call('EXISTS', ARGV[1] .. cjson.decode(all[i + 1]).Node) == 1 then
            table.insert(live, all[i])
            table.insert(live, all[i + 1])
          else
            redis.call('HDEL', KEYS[1], all[i])
          end
        end
        return live
        """;

    // KEYS[1] the call; ARGV connection, node key prefix.
    private const string IsMemberLua = """
        local entry = redis.call('HGET', KEYS[1], ARGV[1])
        if not entry then return 0 end
        return redis.call('EXISTS', ARGV[2] .. cjson.decode(entry).Node)
        """;

    private readonly RedisConnection redis;
    private readonly CallRooms rooms;
    private readonly IOptions<CallOptions> calls;
    private readonly ILogger<RedisCallDirectory> logger;
    private readonly string prefix;
    private readonly string nodePrefix;
    private readonly RedisKey nodeKey;
    private readonly TimeSpan expiry;
    private readonly ConcurrentQueue<(string Tag, string[] ConnectionIds)> unsaidLeaves = new();
    private readonly ConcurrentDictionary<string, long> joinedAt = new();
    private int outOfStep;

    public RedisCallDirectory(
        RedisConnection redis, CallRooms rooms, IOptions<CallOptions> calls, IOptions<RedisOptions> options,
        ILogger<RedisCallDirectory> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.redis = redis;
        this.rooms = rooms;
        this.calls = calls;
        this.logger = logger;
        prefix = options.Value.ChannelPrefix + ":call:";
        nodePrefix = options.Value.ChannelPrefix + ":calls:node:";
        nodeKey = nodePrefix + NodeId;
        expiry = options.Value.NodeTimeout;
    }

    /// <summary>This process; random, so a restarted node never inherits a dead one's members.</summary>
    public string NodeId { get; } = Guid.NewGuid().ToString("N");

    private IDatabase Db => redis.Multiplexer.GetDatabase();

    private string ExpiryMs => ((long)expiry.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);

    public async Task<bool> TryJoinAsync(string tag, CallMember member, int max, CancellationToken ct)
    {
        try
        {
            joinedAt[member.ConnectionId] = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            var entry = Entry(member);
            var joined = (long)await Db.ScriptEvaluateAsync(
                JoinLua, [prefix + tag, nodeKey], [member.ConnectionId, entry, max, nodePrefix, ExpiryMs]).WaitAsync(ct) == 1;
            if (!joined)
            {
                joinedAt.TryRemove(member.ConnectionId, out _);
            }

            return joined;
        }
        catch (Exception e) when (IsRedisFailure(e))
        {
            // The cap then holds on this node alone; the heartbeat writes the member in once Redis is back.
            FellOutOfStep(e);
            return true;
        }
    }

    public async Task LeftAsync(string tag, IReadOnlyCollection<string> connectionIds)
    {
        if (connectionIds.Count == 0)
        {
            return;
        }

        foreach (var id in connectionIds)
        {
            joinedAt.TryRemove(id, out _);
        }

        try
        {
            await Db.HashDeleteAsync(prefix + tag, [.. connectionIds.Select(id => (RedisValue)id)]);
        }
        catch (Exception e) when (IsRedisFailure(e))
        {
            FellOutOfStep(e);
            unsaidLeaves.Enqueue((tag, [.. connectionIds]));
        }
    }

    public async Task<bool> IsMemberAsync(string tag, string connectionId, CancellationToken ct)
    {
        if (rooms.CallOf(connectionId) == tag)
        {
            return true;
        }

        try
        {
            return (long)await Db.ScriptEvaluateAsync(IsMemberLua, [prefix + tag], [connectionId, nodePrefix]).WaitAsync(ct) == 1;
        }
        catch (Exception e) when (IsRedisFailure(e))
        {
            FellOutOfStep(e);
            return false;
        }
    }

    public async Task<CallRoster> RosterAsync(string tag, int max, CancellationToken ct)
    {
        try
        {
            var pairs = (RedisValue[])(await Db.ScriptEvaluateAsync(RosterLua, [prefix + tag], [nodePrefix]).WaitAsync(ct))!;
            var members = new List<(long At, CallMember Member)>();
            for (var i = 0; i + 1 < pairs.Length; i += 2)
            {
                if (JsonSerializer.Deserialize<StoredMember>((string)pairs[i + 1]!) is { } stored)
                {
                    members.Add((stored.At, new CallMember(pairs[i]!, stored.UserId, stored.Name)));
                }
            }

            return new CallRoster(tag, [.. members.OrderBy(m => m.At).Select(m => m.Member)], max);
        }
        catch (Exception e) when (IsRedisFailure(e))
        {
            FellOutOfStep(e);
            return rooms.Roster(tag, max);
        }
    }

    /// <summary>Keeps this node and its calls alive for another <see cref="RedisOptions.NodeTimeout"/>; after an
    /// outage, or once other nodes took it for dead, writes its members anew so the shared calls hold them again.</summary>
    public async Task BeatAsync(CancellationToken ct)
    {
        var rewrite = Interlocked.Exchange(ref outOfStep, 0) == 1;
        try
        {
            while (unsaidLeaves.TryPeek(out var leave))
            {
                await Db.HashDeleteAsync(prefix + leave.Tag, [.. leave.ConnectionIds.Select(id => (RedisValue)id)]).WaitAsync(ct);
                unsaidLeaves.TryDequeue(out _);
            }

            // A node that Redis took for dead (its key expired) has had its members dropped by the others' reads.
            rewrite |= !await Db.KeyExpireAsync(nodeKey, expiry).WaitAsync(ct);
            var batch = Db.CreateBatch();
            var writes = new List<Task>();
            if (rewrite)
            {
                writes.Add(batch.StringSetAsync(nodeKey, "1", expiry));
            }

            foreach (var call in rooms.Seated(calls.Value.MaxParticipants))
            {
                if (rewrite)
                {
                    writes.Add(batch.HashSetAsync(prefix + call.Tag, [.. call.Members.Select(m => new HashEntry(m.ConnectionId, Entry(m)))]));
                }

                writes.Add(batch.KeyExpireAsync(prefix + call.Tag, expiry));
            }

            batch.Execute();
            await Task.WhenAll(writes).WaitAsync(ct);
            if (rewrite)
            {
                LogBack(logger);
            }
        }
        catch (Exception e) when (IsRedisFailure(e))
        {
            Interlocked.Exchange(ref outOfStep, 1);
            throw;
        }
    }

    private string Entry(CallMember member) =>
        JsonSerializer.Serialize(new StoredMember(NodeId, member.UserId, member.Name, joinedAt.GetValueOrDefault(member.ConnectionId)));

    private void FellOutOfStep(Exception e)
    {
        if (Interlocked.Exchange(ref outOfStep, 1) == 0)
        {
            LogFallingBack(logger, e);
        }
    }

    private static bool IsRedisFailure(Exception e) => e is RedisException or TimeoutException;

    private sealed record StoredMember(string Node, long UserId, string Name, long At);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Redis is unreachable: calls hold this node's members only until it is back")]
    private static partial void LogFallingBack(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Calls are shared through Redis again")]
    private static partial void LogBack(ILogger logger);
}
