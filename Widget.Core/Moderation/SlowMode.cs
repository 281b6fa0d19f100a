using Widget.Core.Posts;
using Widget.Core.Text;

namespace Widget.Core.Moderation;

/// <summary>One post per interval per user in a channel.</summary>
public static class SlowMode
{
    public const int MaxSeconds = 3600;

    /// <summary>How long the user must still wait, or null when they may post now.</summary>
    public static TimeSpan? WaitLeft(int seconds, DateTimeOffset? lastPostAt, DateTimeOffset now)
    {
        if (seconds <= 0 || lastPostAt is not { } last)
        {
            return null;
        }

        var left = last.AddSeconds(seconds) - now;
        return left > TimeSpan.Zero ? left : null;
    }

    public static PostRejection Rejection(string tag, int seconds, TimeSpan wait) =>
        new(PostRejectionReason.RateLimited,
            Notice.Of("SlowMode.Refused", tag, Notice.Plural("Seconds", seconds), Notice.Seconds(wait)),
            wait);
}
