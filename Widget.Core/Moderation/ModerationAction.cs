namespace Widget.Core.Moderation;

/// <summary>What a moderator did; every action is written to the channel's audit log.</summary>
public enum ModerationAction
{
    Hide,
    Delete,
    Ban,
    LiftBan,
    AppointModerator,
    RemoveModerator,
    Pin,
    Unpin,
    SlowMode,
    BlockedWords,
    Premoderation,
    Approve,
    Reject,

    /// <summary>An administrator gave the channel a new owner.</summary>
    HandOver,

    /// <summary>A post hidden from the channel is shown there again.</summary>
    Unhide,
}
