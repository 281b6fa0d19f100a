using Microsoft.Extensions.Options;
using Widget.Web.Posting;

namespace Widget.Web.Reactions;

/// <summary>A token bucket per user for reactions, apart from posts', shared by the hub and the HTTP API.</summary>
public sealed class ReactionRateLimiter(IOptions<ReactionOptions> options) : IDisposable
{
    private readonly UserTokenBuckets buckets = new(options.Value.RateLimitBurst, options.Value.RateLimitPeriod);

    public RateLimitLease Take(long userId) => buckets.Take(userId);

    public void Dispose() => buckets.Dispose();
}
