using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Widget.Web.Cluster;

namespace Widget.Web.Auth;

/// <summary>
/// Limits sign-in popup starts per client address (<see cref="AuthOptions.PopupStartsPerMinute"/>). Each start sends
/// the browser on to the provider with our client id, so unlimited starts would let one machine hammer the provider
/// in our name. With Redis the window is shared by the cluster (<see cref="RedisFixedWindowLimiter"/>); on one node
/// it is the .NET fixed window. Refusals are answered by <see cref="SignInRateLimit"/>.
/// </summary>
public sealed class PopupStartRateLimit(IOptions<AuthOptions> auth, IOptions<RedisOptions> cluster, RedisConnection? redis = null)
    : IRateLimiterPolicy<string>
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => null;

    public RateLimitPartition<string> GetPartition(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var address = httpContext.Connection.RemoteIpAddress?.ToString() ?? "";
        var permits = auth.Value.PopupStartsPerMinute;
        return redis is null
            ? RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = Window })
            : RateLimitPartition.Get(address, _ => new RedisFixedWindowLimiter(redis, $"{cluster.Value.ChannelPrefix}:popup-starts:{address}", permits, Window));
    }
}
