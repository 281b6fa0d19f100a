using Widget.Core.Moderation;

namespace Widget.Data.Entities;

/// <summary>One moderator action in a tag's audit log; rows are only ever added.</summary>
public sealed class ModerationLogEntry
{
    public long Id { get; set; }

    public required string Tag { get; set; }

    public long ModeratorId { get; set; }

    public ModerationAction Action { get; set; }

    public long? PostId { get; set; }

    public long? TargetUserId { get; set; }

    public required string Detail { get; set; }

    public DateTimeOffset At { get; set; }
}
