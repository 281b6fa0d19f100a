using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Widget.Web.Auth;

/// <summary>
/// Limits the sign-in endpoints per client address (the hand-off, and the popup's start in <see cref="PopupStartRateLimit"/>),
/// answering like the rest of the API when it refuses.
/// </summary>
public static class SignInRateLimit
{
    public static IServiceCollection AddSignInRateLimit(this IServiceCollection services, int requestsPerMinute) =>
        services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy(AuthPolicies.SignInRateLimit, context =>
                RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = requestsPerMinute, Window = TimeSpan.FromMinutes(1) }));
            limiter.AddPolicy<string, PopupStartRateLimit>(AuthPolicies.PopupStartRateLimit);
            // The middleware's default is a bare 503, which reads as an outage and says nothing of when to retry.
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = RefuseAsync;
        });

    private static async ValueTask RefuseAsync(OnRejectedContext context, CancellationToken ct)
    {
        var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await TypedResults.Problem(
                $"Too many sign-in attempts from this address. Try again in {seconds} seconds.",
                statusCode: StatusCodes.Status429TooManyRequests,
                extensions: new Dictionary<string, object?> { ["retryAfter"] = seconds })
            .ExecuteAsync(context.HttpContext);
    }
}
