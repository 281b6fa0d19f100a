using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using Widget.Web.Cluster;

namespace Widget.Web.Together;

/// <summary>
/// Sessions across nodes: one Redis key per session holding it as JSON. A change reads the session, changes a copy
/// and writes it back by one script that compares the JSON held with the JSON read, so two nodes changing a session at
/// once never lose each other's change: the one that lost reads again and tries again. The key lives
/// <see cref="TogetherOptions.EmptySessionTimeout"/> and <see cref="RedisOptions.NodeTimeout"/> past its last write
/// or heartbeat (<see cref="TogetherHeartbeat"/>), so a session whose every node died goes with them; one left
/// empty ends sooner, by <see cref="SessionState.EmptySince"/>.
/// </summary>
public sealed class RedisTogetherStore(RedisConnection redis, IOptions<RedisOptions> options, IOptions<TogetherOptions> together)
    : ITogetherStore
{
    // KEYS[1] the session; ARGV the JSON expected, the JSON to put in its place, its lifetime in ms.
    private const string SwapLua = """
        if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
        redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
        return 1
        """;

    // KEYS the sessions; ARGV[1] their lifetime in ms. A session gone meanwhile stays gone.
    private const string KeepLua = """
        for _, key in ipairs(KEYS) do redis.call('PEXPIRE', key, ARGV[1]) end
        return 0
        """;

    // Far more than nodes ever race on one session; past it something is wrong and the caller hears so.
    private const int MaxAttempts = 32;

    // Changes of one session made on this node go one at a time, so a change races only other nodes' and loses to
    // at most as many changes as there are nodes, however many participants act at once. Sessions share the gates:
    // two sessions on one gate wait a round trip or two for each other.
    private readonly SemaphoreSlim[] gates = [.. Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1))];

    private IDatabase Db => redis.Multiplexer.GetDatabase();

    private TimeSpan Lifetime => together.Value.EmptySessionTimeout + options.Value.NodeTimeout;

    public async Task AddAsync(SessionState session, CancellationToken ct) =>
        await Db.StringSetAsync(Key(session.Id), JsonSerializer.Serialize(session), Lifetime).WaitAsync(ct);

    public async Task<T?> ReadAsync<T>(string id, Func<SessionState, T?> read, CancellationToken ct)
        where T : class =>
        await Db.StringGetAsync(Key(id)).WaitAsync(ct) is { IsNull: false } held
            ? read(JsonSerializer.Deserialize<SessionState>((string)held!)!)
            : null;

    public async Task<T?> ChangeAsync<T>(string id, Func<SessionState, T?> change, CancellationToken ct)
        where T : class
    {
        var gate = gates[(int)((uint)StringComparer.Ordinal.GetHashCode(id) % (uint)gates.Length)];
        await gate.WaitAsync(ct);
        try
        {
            return await SwapAsync(id, change, ct);
        }
        finally
        {
            gate.Release();
        }
    }

    public async Task RemoveAsync(string id, CancellationToken ct) => await Db.KeyDeleteAsync(Key(id)).WaitAsync(ct);

    private async Task<T?> SwapAsync<T>(string id, Func<SessionState, T?> change, CancellationToken ct)
        where T : class
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var held = await Db.StringGetAsync(Key(id)).WaitAsync(ct);
            if (held.IsNull)
            {
                return null;
            }

            var before = (string)held!;
            var session = JsonSerializer.Deserialize<SessionState>(before)!;
            var result = change(session);
            var after = JsonSerializer.Serialize(session);
            if (after == before)
            {
                return result;
            }

            var swapped = await Db.ScriptEvaluateAsync(SwapLua, [Key(id)], [before, after, Milliseconds(Lifetime)]).WaitAsync(ct);
            if ((long)swapped == 1)
            {
                return result;
            }
        }

        throw new InvalidOperationException("A browsing session changed under every attempt to change it.");
    }

    /// <summary>Keeps the sessions alive that this node holds connections in.</summary>
    public async Task KeepAsync(IReadOnlyCollection<string> ids, CancellationToken ct)
    {
        if (ids.Count > 0)
        {
            await Db.ScriptEvaluateAsync(KeepLua, [.. ids.Select(Key)], [Milliseconds(Lifetime)]).WaitAsync(ct);
        }
    }

    private static string Milliseconds(TimeSpan span) => Math.Max(1, (long)span.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);

    private RedisKey Key(string id) => options.Value.ChannelPrefix + ":together:" + id;
}
