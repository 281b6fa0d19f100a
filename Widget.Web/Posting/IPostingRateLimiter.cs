namespace Widget.Web.Posting;

/// <summary>
/// A token bucket per user, shared by the hub and the HTTP API so neither is a way around the other:
/// per node (<see cref="LocalPostingRateLimiter"/>) or, with Redis, per cluster (<see cref="RedisPostingRateLimiter"/>).
/// </summary>
public interface IPostingRateLimiter
{
    /// <summary>Takes one post's worth from the user's bucket; when it is empty, says how long until the next.</summary>
    Task<RateLimitLease> AcquireAsync(long userId, CancellationToken ct);
}

public readonly record struct RateLimitLease(bool Acquired, TimeSpan RetryAfter)
{
    public static RateLimitLease Granted => new(true, TimeSpan.Zero);
}
