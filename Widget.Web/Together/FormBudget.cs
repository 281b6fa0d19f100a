using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace Widget.Web.Together;

/// <summary>
/// The bytes of form state a connection may still send: a bucket of <see cref="TogetherFormOptions.ByteBurst"/>
/// filling at <see cref="TogetherFormOptions.BytesPerSecond"/>, kept with the connection. Counting bytes rather
/// than calls stops a client from pushing the largest allowed piece at the full call rate.
/// </summary>
public sealed class FormBudget(TimeProvider time, IOptions<TogetherFormOptions> options)
{
    private static readonly object Key = new();

    public bool TrySpend(HubCallerContext connection, int bytes)
    {
        var limits = options.Value;
        if (connection.Items[Key] is not Bucket bucket)
        {
            connection.Items[Key] = bucket = new Bucket(limits.ByteBurst, time.GetTimestamp());
        }

        return bucket.TryTake(bytes, time, limits);
    }

    private sealed class Bucket(double bytes, long stamp)
    {
        private readonly Lock gate = new();

        public bool TryTake(int wanted, TimeProvider time, TogetherFormOptions limits)
        {
            lock (gate)
            {
                var now = time.GetTimestamp();
                bytes = Math.Min(limits.ByteBurst, bytes + (time.GetElapsedTime(stamp, now).TotalSeconds * limits.BytesPerSecond));
                stamp = now;
                if (bytes < wanted)
                {
                    return false;
                }

                bytes -= wanted;
                return true;
            }
        }
    }
}
