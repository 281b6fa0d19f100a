namespace Widget.Core.Moderation;

/// <summary>Which posts in a channel wait for a moderator before anyone but their author sees them.</summary>
public enum PremoderationMode
{
    Off,

    /// <summary>Only a user's first post in the channel: once one is approved, the rest go straight through.</summary>
    FirstPost,

    EveryPost,
}
