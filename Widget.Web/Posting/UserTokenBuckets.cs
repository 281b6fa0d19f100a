using System.Threading.RateLimiting;

namespace Widget.Web.Posting;

/// <summary>A token bucket per user in this process: a burst, then one more token per period.</summary>
public sealed class UserTokenBuckets : IDisposable
{
    private readonly PartitionedRateLimiter<long> limiter;
    private readonly TimeSpan period;

    public UserTokenBuckets(int burst, TimeSpan period)
    {
        this.period = period;
        limiter = PartitionedRateLimiter.Create<long, long>(userId => RateLimitPartition.GetTokenBucketLimiter(userId,
            _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = burst,
                TokensPerPeriod = 1,
                ReplenishmentPeriod = period,
                QueueLimit = 0,
                AutoReplenishment = true,
            }));
    }

    /// <summary>Takes one token from the user's bucket; when it is empty, says how long until the next.</summary>
    public RateLimitLease Take(long userId)
    {
        using var lease = limiter.AttemptAcquire(userId);
        if (lease.IsAcquired)
        {
            return RateLimitLease.Granted;
        }

        return new RateLimitLease(false, lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : period);
    }

    public void Dispose() => limiter.Dispose();
}
