using System.Globalization;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using Widget.Core.Presence;
using Widget.Web.Cluster;

namespace Widget.Web.Presence;

/// <summary>
/// Cluster-wide presence in Redis. Each channel is one hash, connection id → (node, user, name, page).
/// Each node keeps a heartbeat key alive (<see cref="BeatAsync"/>, every <see cref="RedisOptions.NodeHeartbeat"/>)
/// that expires after <see cref="RedisOptions.NodeTimeout"/>; every read and write skips and deletes the
/// connections of nodes whose heartbeat is gone, so a killed node's viewers drop out within NodeTimeout
/// of its last beat, with no node having to notice the death. Adding and removing run as Lua scripts,
/// so the counts they return are exact under concurrency. A call costs O(connections on the channel).
/// </summary>
public sealed class RedisPresenceStore : IPresenceStore
{
    // Shared by the scripts: drop dead nodes' entries, then count people, tabs of ARGV user and page viewers.
    private const string CountLua = """
        local function tally(key, prefix, user, page)
          local entries = redis.call('HGETALL', key)
          local alive, users, anonymous, tabs, onPage = {}, {}, 0, 0, 0
          for i = 1, #entries, 2 do
            local node, uid, _, pg = string.match(entries[i + 1], '^([^\n]*)\n([^\n]*)\n([^\n]*)\n(.*)$')
            if alive[node] == nil then alive[node] = redis.call('EXISTS', prefix .. node) == 1 end
            if not alive[node] then
              redis.call('HDEL', key, entries[i])
            else
              if uid == '' then anonymous = anonymous + 1 else users[uid] = true end
              if uid ~= '' and uid == user then tabs = tabs + 1 end
              if page ~= '' and pg == page then onPage = onPage + 1 end
            end
          end
          local count = anonymous
          for _ in pairs(users) do count = count + 1 end
          return {tabs, count, onPage}
        end
        """;

    private const string AddLua = CountLua + "\n" + """
        local added = redis.call('HSETNX', KEYS[1], ARGV[1], ARGV[2])
        redis.call('PEXPIRE', KEYS[1], ARGV[6])
        local t = tally(KEYS[1], ARGV[3], ARGV[4], ARGV[5])
        return {added, t[1], t[2], t[3]}
        """;

    private const string RemoveLua = CountLua + "\n" + """
        local removed = redis.call('HDEL', KEYS[1], ARGV[1])
        local t = tally(KEYS[1], ARGV[3], ARGV[4], ARGV[5])
        return {removed, t[1], t[2], t[3]}
        """;

    private const string ReadLua = CountLua + "\n" + """
        local t = tally(KEYS[1], ARGV[1], '', ARGV[2])
        return {t[2], t[3]}
        """;

    private readonly RedisConnection redis;
    private readonly RedisOptions options;
    private readonly string prefix;

    public RedisPresenceStore(RedisConnection redis, IOptions<RedisOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.redis = redis;
        this.options = options.Value;
        prefix = this.options.ChannelPrefix + ":presence:";
    }

    /// <summary>This process; random, so a restarted node never inherits a dead one's entries.</summary>
    public string NodeId { get; } = Guid.NewGuid().ToString("N");

    private IDatabase Db => redis.Multiplexer.GetDatabase();

    private string NodePrefix => prefix + "node:";

    /// <summary>Keeps this node's viewers counted for another <see cref="RedisOptions.NodeTimeout"/>.</summary>
    public Task BeatAsync(CancellationToken ct) =>
        Db.StringSetAsync(NodePrefix + NodeId, "1", options.NodeTimeout).WaitAsync(ct);

    public async Task<PresenceChange> AddAsync(PresenceConnection connection, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await BeatAsync(ct);
        var entry = string.Join('\n', NodeId, UserId(connection), connection.User?.Name.Replace('\n', ' ') ?? "", connection.Page ?? "");
        // The hash outlives any node's heartbeat, so a channel nobody reopens is cleaned up eventually.
        var expiry = ((long)(options.NodeTimeout * 4).TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
        var result = await RunAsync(AddLua, connection, [connection.ConnectionId, entry, NodePrefix, UserId(connection), connection.Page ?? "", expiry], ct);
        var added = result[0] == 1;
        var joined = added && connection.User is not null && result[1] == 1 ? connection.User : null;
        return new PresenceChange(connection.Tag, joined, null, (int)result[2], connection.Page, connection.Page is null ? 0 : (int)result[3]);
    }

    public async Task<PresenceChange> RemoveAsync(PresenceConnection connection, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var result = await RunAsync(RemoveLua, connection, [connection.ConnectionId, "", NodePrefix, UserId(connection), connection.Page ?? ""], ct);
        var removed = result[0] == 1;
        long? left = removed && connection.User is not null && result[1] == 0 ? connection.User.Id : null;
        return new PresenceChange(connection.Tag, null, left, (int)result[2], connection.Page,
            connection.Page is null || !removed ? 0 : (int)result[3]);
    }

    public async Task<ChannelPresence> GetAsync(string tag, CancellationToken ct)
    {
        var key = ChannelKey(tag);
        await Db.ScriptEvaluateAsync(ReadLua, [key], [NodePrefix, ""]).WaitAsync(ct);
        var entries = await Db.HashValuesAsync(key).WaitAsync(ct);
        var users = new Dictionary<long, PresentUser>();
        var anonymous = 0;
        foreach (var entry in entries)
        {
            var parts = entry.ToString().Split('\n', 4);
            if (parts.Length == 4 && long.TryParse(parts[1], CultureInfo.InvariantCulture, out var id))
            {
                users[id] = new PresentUser(id, parts[2]);
            }
            else
            {
                anonymous++;
            }
        }

        return new ChannelPresence([.. users.Values.OrderBy(u => u.Name, StringComparer.Ordinal)], users.Count + anonymous);
    }

    public async Task<int> CountOnPageAsync(string tag, string page, CancellationToken ct)
    {
        var result = (long[])(await Db.ScriptEvaluateAsync(ReadLua, [ChannelKey(tag)], [NodePrefix, page]).WaitAsync(ct))!;
        return (int)result[1];
    }

    private async Task<long[]> RunAsync(string script, PresenceConnection connection, RedisValue[] arguments, CancellationToken ct) =>
        (long[])(await Db.ScriptEvaluateAsync(script, [ChannelKey(connection.Tag)], arguments).WaitAsync(ct))!;

    private static string UserId(PresenceConnection connection) =>
        connection.User?.Id.ToString(CultureInfo.InvariantCulture) ?? "";

    private RedisKey ChannelKey(string tag) => prefix + "channel:" + tag;
}
