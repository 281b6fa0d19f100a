using System.Diagnostics;
using System.Threading.RateLimiting;
using StackExchange.Redis;

namespace Widget.Web.Cluster;

/// <summary>
/// A fixed window counted in Redis, so one key gets the same permits whichever node it reaches: INCR, and the
/// first count of a window sets its expiry, on Redis's own clock. One partition of a rate limiting policy; while
/// Redis is away the partition counts on this node alone.
/// </summary>
public sealed class RedisFixedWindowLimiter : RateLimiter
{
    // KEYS[1] the window; ARGV permits, window in ms. Returns {acquired, ms until the window ends}.
    private const string AcquireLua = """
        local count = redis.call('INCR', KEYS[1])
        local left = redis.call('PTTL', KEYS[1])
        if count == 1 or left < 0 then
          redis.call('PEXPIRE', KEYS[1], ARGV[2])
          left = tonumber(ARGV[2])
        end
        if count > tonumber(ARGV[1]) then return {0, left} end
        return {1, 0}
        """;

    private readonly RedisConnection redis;
    private readonly RedisKey key;
    private readonly RedisValue[] arguments;
    private readonly FixedWindowRateLimiter fallback;
    private long lastUsed = Stopwatch.GetTimestamp();

    public RedisFixedWindowLimiter(RedisConnection redis, string key, int permits, TimeSpan window)
    {
        this.redis = redis;
        this.key = key;
        arguments = [permits, (long)window.TotalMilliseconds];
        fallback = new FixedWindowRateLimiter(new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = window });
    }

    /// <summary>How long since the last request: the rate limiting middleware drops partitions idle for a while.</summary>
    public override TimeSpan? IdleDuration => Stopwatch.GetElapsedTime(Interlocked.Read(ref lastUsed));

    public override RateLimiterStatistics? GetStatistics() => null;

    /// <summary>Redis cannot answer without waiting; a refusal here makes the middleware ask <see cref="AcquireAsyncCore"/>.</summary>
    protected override RateLimitLease AttemptAcquireCore(int permitCount) => WindowLease.NotYet;

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        Interlocked.Exchange(ref lastUsed, Stopwatch.GetTimestamp());
        try
        {
            var result = (long[])(await redis.Multiplexer.GetDatabase().ScriptEvaluateAsync(AcquireLua, [key], arguments)
                .WaitAsync(cancellationToken))!;
            return result[0] == 1 ? WindowLease.Acquired : new WindowLease(false, TimeSpan.FromMilliseconds(result[1]));
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            return await fallback.AcquireAsync(permitCount, cancellationToken);
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            fallback.Dispose();
        }

        base.Dispose(disposing);
    }

    private sealed class WindowLease(bool acquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public static readonly WindowLease Acquired = new(true, null);

        public static readonly WindowLease NotYet = new(false, null);

        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = retryAfter;
            return retryAfter is not null && metadataName == MetadataName.RetryAfter.Name;
        }
    }
}
