namespace Widget.Web.Together;

/// <summary>
/// Each participant's allowance of chat lines and "bring everyone here" requests in one session: a token bucket
/// per person (not per connection, so a second tab gives no more) holding <see cref="TogetherOptions.ChatBurst"/>
/// and refilled at <see cref="TogetherOptions.ChatLinesPerMinute"/>. These reach people's eyes, so they get a
/// far lower rate than the hub's.
/// </summary>
public sealed class LineAllowance
{
    private readonly Lock gate = new();
    private readonly Dictionary<long, (double Tokens, long Stamp)> buckets = [];

    public bool TryTake(long userId, TimeProvider time, TogetherOptions limits)
    {
        lock (gate)
        {
            var now = time.GetTimestamp();
            var (tokens, stamp) = buckets.GetValueOrDefault(userId, (limits.ChatBurst, now));
            tokens = Math.Min(limits.ChatBurst, tokens + (time.GetElapsedTime(stamp, now).TotalMinutes * limits.ChatLinesPerMinute));
            if (tokens < 1)
            {
                buckets[userId] = (tokens, now);
                return false;
            }

            buckets[userId] = (tokens - 1, now);
            return true;
        }
    }
}
