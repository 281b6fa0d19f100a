using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Widget.Web.Reactions;

/// <summary>A token bucket per user for reactions, shared by the hub and the HTTP API.</summary>
public sealed class ReactionRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<long> limiter;

    public ReactionRateLimiter(IOptions<ReactionOptions> options)
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

    public bool TryAcquire(long userId, out TimeSpan retryAfter)
    {
        using var lease = limiter.AttemptAcquire(userId);
        retryAfter = lease.IsAcquired ? TimeSpan.Zero
            : lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : Period;
        return lease.IsAcquired;
    }

    public void Dispose() => limiter.Dispose();
}
