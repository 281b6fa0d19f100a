using System.ComponentModel.DataAnnotations;

namespace Widget.Web.Together;

public sealed class TogetherOptions
{
    public const string Section = "Together";

    /// <summary>The most people in one session, its creator included.</summary>
    [Range(2, 50)]
    public int MaxParticipants { get; set; } = 8;

    /// <summary>How long a session lives on with nobody in it, so a reload or a reconnect finds it again.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "01:00:00")]
    public TimeSpan EmptySessionTimeout { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>How often one session's cursors go out at most; moves in between are merged, the newest kept.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:00:01")]
    public TimeSpan CursorInterval { get; set; } = TimeSpan.FromMilliseconds(33);

    /// <summary>Chat lines (and "bring everyone here" requests) one participant may send a minute, on average.</summary>
    [Range(1, 600)]
    public int ChatLinesPerMinute { get; set; } = 20;

    /// <summary>Chat lines one participant may send at once before the average applies.</summary>
    [Range(1, 100)]
    public int ChatBurst { get; set; } = 5;

    /// <summary>Calls one connection may make a second, on average; a cursor sends at most 20.</summary>
    [Range(1, 1000)]
    public int CallsPerSecond { get; set; } = 25;

    /// <summary>Calls one connection may make at once before the average applies.</summary>
    [Range(1, 1000)]
    public int CallBurst { get; set; } = 40;
}
