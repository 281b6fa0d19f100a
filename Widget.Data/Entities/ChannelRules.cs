using Widget.Core.Moderation;

namespace Widget.Data.Entities;

/// <summary>
/// A channel's moderation settings. A row of its own, not columns on <see cref="Channel"/>: that row
/// is locked by every insert in the tag, and a moderator's change should not queue behind posting.
/// </summary>
public sealed class ChannelRules
{
    public required string Tag { get; set; }

    /// <summary>One post per this many seconds per user; 0 is off.</summary>
    public int SlowModeSeconds { get; set; }

    public List<string> BlockedWords { get; set; } = [];

    /// <summary>The post shown on top of the channel's widgets, if any.</summary>
    public long? PinnedPostId { get; set; }

    /// <summary>Which posts wait in the moderators' queue before they are shown.</summary>
    public PremoderationMode Premoderation { get; set; }
}
