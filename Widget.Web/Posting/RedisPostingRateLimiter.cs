using System.Globalization;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using Widget.Web.Cluster;

namespace Widget.Web.Posting;

/// <summary>
/// The posting buckets kept in Redis, so a user spread over several nodes gets the same burst as on one.
/// One Lua script per acquire refills and takes a token atomically, on Redis's own clock (the nodes'
/// clocks may disagree). A key expires once its bucket would be full again, and a missing key is a full
/// bucket, so idle users cost nothing. While Redis is away the node's own buckets take over.
/// </summary>
public sealed partial class RedisPostingRateLimiter : IPostingRateLimiter
{
    // KEYS[1] bucket; ARGV burst, period in ms. Returns {acquired, retry after in ms}.
    private const string AcquireLua = """
        local burst, period = tonumber(ARGV[1]), tonumber(ARGV[2])
        local clock = redis.call('TIME')
        local now = tonumber(clock[1]) * 1000 + math.floor(tonumber(clock[2]) / 1000)
        local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
        local tokens, at = tonumber(state[1]), tonumber(state[2])
        if tokens == nil or at == nil then tokens, at = burst, now end
        local refill = math.floor((now - at) / period)
        if refill > 0 then tokens, at = math.min(burst, tokens + refill), at + refill * period end
        if tokens >= burst then at = now end
        if tokens < 1 then return {0, period - (now - at)} end
        tokens = tokens - 1
        redis.call('HSET', KEYS[1], 'tokens', tokens, 'at', at)
        redis.call('PEXPIRE', KEYS[1], (burst - tokens) * period)
        return {1, 0}
        """;

    private readonly RedisConnection redis;
    private readonly LocalPostingRateLimiter fallback;
    private readonly ILogger<RedisPostingRateLimiter> logger;
    private readonly RedisValue burst;
    private readonly RedisValue periodMs;
    private readonly string prefix;
    private int fallingBack;

    public RedisPostingRateLimiter(
        RedisConnection redis, LocalPostingRateLimiter fallback, IOptions<PostingOptions> posting, IOptions<RedisOptions> options,
        ILogger<RedisPostingRateLimiter> logger)
    {
        ArgumentNullException.ThrowIfNull(posting);
        ArgumentNullException.ThrowIfNull(options);
        this.redis = redis;
        this.fallback = fallback;
        this.logger = logger;
        burst = posting.Value.RateLimitBurst;
        periodMs = Math.Max(1, (long)posting.Value.RateLimitPeriod.TotalMilliseconds);
        prefix = options.Value.ChannelPrefix + ":rate:";
    }

    public async Task<RateLimitLease> AcquireAsync(long userId, CancellationToken ct)
    {
        try
        {
            var key = prefix + userId.ToString(CultureInfo.InvariantCulture);
            var result = (long[])(await redis.Multiplexer.GetDatabase().ScriptEvaluateAsync(AcquireLua, [key], [burst, periodMs]).WaitAsync(ct))!;
            if (Interlocked.Exchange(ref fallingBack, 0) == 1)
            {
                LogBack(logger);
            }

            return result[0] == 1 ? RateLimitLease.Granted : new RateLimitLease(false, TimeSpan.FromMilliseconds(result[1]));
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            if (Interlocked.Exchange(ref fallingBack, 1) == 0)
            {
                LogFallingBack(logger, e);
            }

            return await fallback.AcquireAsync(userId, ct);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Redis is unreachable: posting rate limits are counted per node until it is back")]
    private static partial void LogFallingBack(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Posting rate limits are counted in Redis again")]
    private static partial void LogBack(ILogger logger);
}
