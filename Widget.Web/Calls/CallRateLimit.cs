using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace Widget.Web.Calls;

/// <summary>A token bucket per connection for signalling messages, kept in the connection's items.</summary>
public sealed class CallRateLimit(IOptions<CallOptions> options, TimeProvider time)
{
    private static readonly object Key = new();

    public bool TryTake(HubCallerContext context)
    {
        var calls = options.Value;
        var bucket = context.Items.TryGetValue(Key, out var held) && held is Bucket existing
            ? existing
            : (Bucket)(context.Items[Key] = new Bucket(calls.SignalBurst, time.GetTimestamp()));
        lock (bucket)
        {
            var now = time.GetTimestamp();
            var refill = time.GetElapsedTime(bucket.At, now).TotalSeconds * calls.SignalsPerSecond;
            bucket.Tokens = Math.Min(calls.SignalBurst, bucket.Tokens + refill);
            bucket.At = now;
            if (bucket.Tokens < 1)
            {
                return false;
            }

            bucket.Tokens--;
            return true;
        }
    }

    private sealed class Bucket(double tokens, long at)
    {
        public double Tokens { get; set; } = tokens;

        public long At { get; set; } = at;
    }
}
