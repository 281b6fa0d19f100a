using Microsoft.Extensions.Options;

namespace Widget.Web.Posting;

/// <summary>The buckets in this process: all a single node needs, and the fallback of the Redis limiter.</summary>
public sealed class LocalPostingRateLimiter(IOptions<PostingOptions> options) : IPostingRateLimiter, IDisposable
{
    private readonly UserTokenBuckets buckets = new(options.Value.RateLimitBurst, options.Value.RateLimitPeriod);

    public Task<RateLimitLease> AcquireAsync(long userId, CancellationToken ct) => Task.FromResult(buckets.Take(userId));

    public void Dispose() => buckets.Dispose();
}
