using Widget.Core.Moderation;

namespace Widget.Data.Moderation;

/// <summary>An audit log line as the moderator's view shows it.</summary>
public sealed record LogEntry(
    long Id, ModerationAction Action, long ModeratorId, string ModeratorName, long? PostId, long? TargetUserId,
    string Detail, DateTimeOffset At, string? TargetUserName = null);
