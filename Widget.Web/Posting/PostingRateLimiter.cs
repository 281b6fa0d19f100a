using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Widget.Web.Posting;

/// <summary>A token bucket per user, shared by the hub and the HTTP API so neither is a way around the other.</summary>
public sealed class PostingRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<long> limiter;

    public PostingRateLimiter(IOptions<PostingOptions> options)
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
        Period = o.RateLimitPeriod;
    }

    private TimeSpan Period { get; }

    /// <summary>Takes one post's worth from the user's bucket; when empty, says how long until the next.</summary>
    public bool TryAcquire(long userId, out TimeSpan retryAfter)
    {
        using var lease = limiter.AttemptAcquire(userId);
        if (lease.IsAcquired)
        {
            retryAfter = TimeSpan.Zero;
            return true;
        }

        retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : Period;
        return false;
    }

    public void Dispose() => limiter.Dispose();
}
