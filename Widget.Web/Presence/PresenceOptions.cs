using System.ComponentModel.DataAnnotations;

namespace Widget.Web.Presence;

public sealed class PresenceOptions
{
    public const string Section = "Presence";

    /// <summary>How long a closed connection still counts, so a reload or a brief drop does not blink the dot.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan GracePeriod { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Changes are gathered and pushed once per interval: one diff per channel, not one per viewer.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:00:10")]
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long "is typing…" shows after the last keystroke reported.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:00:30")]
    public TimeSpan TypingTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>At most one typing report per user and channel per this interval is passed on.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:30")]
    public TimeSpan TypingThrottle { get; set; } = TimeSpan.FromSeconds(2);
}
