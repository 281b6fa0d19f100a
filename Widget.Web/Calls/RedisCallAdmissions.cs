using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using Widget.Web.Cluster;

namespace Widget.Web.Calls;

/// <summary>
/// Requests and admissions across nodes. A channel's waiting requests are one hash (user → request and when it
/// lapses), its admissions another (user → when the admission lapses), and each user's asking a counter that
/// expires with its window. Asking is one script (drop what lapsed, find the user's own, count the window, refuse
/// at the cap, else add), and so is taking, so the limits hold over the cluster and a request ends once. While
/// Redis is away this node keeps its own (<see cref="LocalCallAdmissions"/>): someone asking on it can still be let
/// in by a moderator on it, and nobody is admitted on the strength of what Redis held.
/// </summary>
public sealed partial class RedisCallAdmissions(
    RedisConnection redis, LocalCallAdmissions local, IOptions<RedisOptions> options, TimeProvider time,
    ILogger<RedisCallAdmissions> logger) : ICallAdmissions
{
    // KEYS[1] the channel's requests, KEYS[2] the user's asking; ARGV user, entry, now, max waiting, per window,
    // window in ms, lifetime in ms. Returns an AskOutcome.
    private const string AskLua = """
        local live = 0
        local mine = false
        local all = redis.call('HGETALL', KEYS[1])
        for i = 1, #all, 2 do
          if cjson.decode(all[i + 1]).Until <= tonumber(ARGV[3]) then
            redis.call('HDEL', KEYS[1], all[i])
          else
            live = live + 1
            if all[i] == ARGV[1] then mine = true end
          end
        end
        if mine then return 1 end
        local count = redis.call('INCR', KEYS[2])
        if count == 1 or redis.call('PTTL', KEYS[2]) < 0 then redis.call('PEXPIRE', KEYS[2], ARGV[6]) end
        if count > tonumber(ARGV[5]) then return 3 end
        if live >= tonumber(ARGV[4]) then return 2 end
        redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
        redis.call('PEXPIRE', KEYS[1], ARGV[7])
        return 0
        """;

    // KEYS[1] the channel's requests; ARGV user, the request's id ('' for any), now. The request taken, or nil.
    private const string TakeLua = """
        local entry = redis.call('HGET', KEYS[1], ARGV[1])
        if not entry then return false end
        local held = cjson.decode(entry)
        if ARGV[2] ~= '' and held.Id ~= ARGV[2] then return false end
        redis.call('HDEL', KEYS[1], ARGV[1])
        if held.Until <= tonumber(ARGV[3]) then return false end
        return entry
        """;

    private IDatabase Db => redis.Multiplexer.GetDatabase();

    private string Prefix => options.Value.ChannelPrefix;

    private long Now => time.GetUtcNow().ToUnixTimeMilliseconds();

    public async Task<AskOutcome> AskAsync(JoinRequest request, AskLimits limits, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(limits);
        try
        {
            var now = Now;
            var entry = JsonSerializer.Serialize(new StoredRequest(request.Id, request.Name, now, now + (long)limits.Lifetime.TotalMilliseconds));
            var outcome = (long)await Db.ScriptEvaluateAsync(AskLua, [WaitingKey(request.Tag), AskedKey(request.UserId)],
            [
                User(request.UserId), entry, now, limits.MaxWaiting, limits.PerWindow,
                (long)limits.Window.TotalMilliseconds, (long)limits.Lifetime.TotalMilliseconds,
            ]).WaitAsync(ct);
            return (AskOutcome)outcome;
        }
        catch (Exception e) when (IsRedisFailure(e))
        {
            LogFallingBack(logger, e);
            return await local.AskAsync(request, limits, ct);
        }
    }

    public async Task<IReadOnlyList<JoinRequest>> WaitingAsync(string tag, CancellationToken ct)
    {
        try
        {
            var now = Now;
            var entries = await Db.HashGetAllAsync(WaitingKey(tag)).WaitAsync(ct);
            var shared = entries
                .Select(e => (UserId: long.Parse((string)e.Name!, CultureInfo.InvariantCulture), Stored: JsonSerializer.Deserialize<StoredRequest>((string)e.Value!)!))
                .Where(e => e.Stored.Until > now)
                .OrderBy(e => e.Stored.At)
                .Select(e => new JoinRequest(e.Stored.Id, tag, e.UserId, e.Stored.Name));
            return [.. shared, .. await local.WaitingAsync(tag, ct)];
        }
        catch (Exception e) when (IsRedisFailure(e))
        {
            LogFallingBack(logger, e);
            return await local.WaitingAsync(tag, ct);
        }
    }

    public async Task<JoinRequest?> TakeAsync(string tag, long userId, string? id, CancellationToken ct)
    {
        if (await local.TakeAsync(tag, userId, id, ct) is { } kept)
        {
            return kept;
        }

        try
        {
            var taken = await Db.ScriptEvaluateAsync(TakeLua, [WaitingKey(tag)], [User(userId), id ?? "", Now]).WaitAsync(ct);
            return taken.IsNull || JsonSerializer.Deserialize<StoredRequest>((string)taken!) is not { } stored
                ? null
                : new JoinRequest(stored.Id, tag, userId, stored.Name);
        }
        catch (Exception e) when (IsRedisFailure(e))
        {
            LogFallingBack(logger, e);
            return null;
        }
    }

    public async Task AdmitAsync(string tag, long userId, TimeSpan lifetime, CancellationToken ct)
    {
        try
        {
            // Every admission has the same lifetime, so the newest always outlives the hash's others.
            var batch = Db.CreateBatch();
            var set = batch.HashSetAsync(AdmittedKey(tag), User(userId), Now + (long)lifetime.TotalMilliseconds);
            var expire = batch.KeyExpireAsync(AdmittedKey(tag), lifetime);
            batch.Execute();
            await Task.WhenAll(set, expire).WaitAsync(ct);
        }
        catch (Exception e) when (IsRedisFailure(e))
        {
            LogFallingBack(logger, e);
            await local.AdmitAsync(tag, userId, lifetime, ct);
        }
    }

    public async Task<bool> IsAdmittedAsync(string tag, long userId, CancellationToken ct)
    {
        if (await local.IsAdmittedAsync(tag, userId, ct))
        {
            return true;
        }

        try
        {
            var until = await Db.HashGetAsync(AdmittedKey(tag), User(userId)).WaitAsync(ct);
            return until.TryParse(out long ms) && ms > Now;
        }
        catch (Exception e) when (IsRedisFailure(e))
        {
            LogFallingBack(logger, e);
            return false;
        }
    }

    public async Task RevokeAsync(string tag, long? userId, CancellationToken ct)
    {
        await local.RevokeAsync(tag, userId, ct);
        try
        {
            await (userId is { } one ? Db.HashDeleteAsync(AdmittedKey(tag), User(one)) : Db.KeyDeleteAsync(AdmittedKey(tag))).WaitAsync(ct);
        }
        catch (Exception e) when (IsRedisFailure(e))
        {
            // Fails closed where it matters: with Redis away no node reads an admission from it.
            LogFallingBack(logger, e);
        }
    }

    private static RedisValue User(long userId) => userId.ToString(CultureInfo.InvariantCulture);

    private RedisKey WaitingKey(string tag) => Prefix + ":call-asks:" + tag;

    private RedisKey AskedKey(long userId) => Prefix + ":call-asked:" + userId.ToString(CultureInfo.InvariantCulture);

    private RedisKey AdmittedKey(string tag) => Prefix + ":call-admitted:" + tag;

    private static bool IsRedisFailure(Exception e) => e is RedisException or TimeoutException;

    private sealed record StoredRequest(string Id, string Name, long At, long Until);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis is unreachable: requests to join calls are kept on this node only until it is back")]
    private static partial void LogFallingBack(ILogger logger, Exception exception);
}
