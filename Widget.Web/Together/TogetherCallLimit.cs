using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using Widget.Core.Text;
using Widget.Web.Language;

namespace Widget.Web.Together;

/// <summary>
/// Refuses calls on the together hub past <see cref="TogetherOptions.CallsPerSecond"/> for one connection (a token
/// bucket holding <see cref="TogetherOptions.CallBurst"/>), so no client can make the server relay a flood.
/// </summary>
public sealed class TogetherCallLimit(TimeProvider time, IOptions<TogetherOptions> options) : IHubFilter
{
    private static readonly object Key = new();

    public ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        var items = invocationContext.Context.Items;
        if (items[Key] is not Bucket bucket)
        {
            items[Key] = bucket = new Bucket(options.Value.CallBurst, time.GetTimestamp());
        }

        return bucket.TryTake(time, options.Value)
            ? next(invocationContext)
            : throw HubLanguage.Refusal(invocationContext.Context, Notice.Of("Together.TooFast"));
    }

    private sealed class Bucket(double tokens, long stamp)
    {
        private readonly Lock gate = new();

        public bool TryTake(TimeProvider time, TogetherOptions limits)
        {
            lock (gate)
            {
                var now = time.GetTimestamp();
                tokens = Math.Min(limits.CallBurst, tokens + (time.GetElapsedTime(stamp, now).TotalSeconds * limits.CallsPerSecond));
                stamp = now;
                if (tokens < 1)
                {
                    return false;
                }

                tokens--;
                return true;
            }
        }
    }
}
