using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Widget.Web.Posting;

/// <summary>The buckets in this process: all a single node needs, and the fallback of the Redis limiter.</summary>
public sealed class LocalPostingRateLimiter : IPostingRateLimiter, IDisposable
{
    private readonly PartitionedRateLimiter<long> limiter;
    private readonly TimeSpan period;

    public LocalPostingRateLimiter(IOptions<PostingOptions> options)
    {
        var o = options.Value;
        limiter = PartitionedRateLimiter.Create<long, long>(userId => RateLimitPartition.GetTokenBucketLimiter(userId,
            _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = o.RateLimitBurst,
                TokensPerPeriod = 1,
                ReplenishmentPeriod = o.RateLimitPeriod,
                QueueLimit = 0,
                AutoReplenishment = true,
            }));
        period = o.RateLimitPeriod;
    }

    public Task<RateLimitLease> AcquireAsync(long userId, CancellationToken ct)
    {
        using var lease = limiter.AttemptAcquire(userId);
        if (lease.IsAcquired)
        {
            return Task.FromResult(RateLimitLease.Granted);
        }

        var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : period;
        return Task.FromResult(new RateLimitLease(false, retryAfter));
    }

    public void Dispose() => limiter.Dispose();
}
