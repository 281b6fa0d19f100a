using Widget.Web.Moderation;
using Widget.Web.Presence;
using Widget.Web.Reactions;

namespace Widget.Web.Realtime;

/// <summary>What the server pushes to an open widget.</summary>
public interface ILiveClient
{
    /// <summary>A post is shown in the tag: new, approved, or unhidden, which brings it back with its old seq.</summary>
    Task PostAdded(PostEvent e);

    /// <summary>Posts of a crowded tag that came within one tick, in seq order: one frame to each viewer instead of one per post.</summary>
    Task PostsAdded(IReadOnlyList<PostEvent> events);

    /// <summary>Its author changed a post's text: the widget swaps in the new rendering.</summary>
    Task PostEdited(PostEditedEvent e);

    Task ReactionsChanged(ReactionsChangedEvent e);

    /// <summary>Who arrived and left on a channel since the last push, and how many are there now.</summary>
    Task PresenceChanged(PresenceDiff diff);

    /// <summary>How many have the channel open on the viewer's host page.</summary>
    Task PageCountChanged(PageCount count);

    Task Typing(TypingEvent e);

    /// <summary>A post left the tag (hidden there or deleted everywhere): the widget drops its element.</summary>
    Task PostRemoved(PostRemovedEvent e);

    /// <summary>The tag's pinned post changed: the widget shows it on top, or clears the pinned area.</summary>
    Task PostPinned(PostPinnedEvent e);

    /// <summary>The tag's slow mode was turned on, changed or turned off: the widget says how often one may post.</summary>
    Task SlowModeChanged(SlowModeEvent e);

    /// <summary>Sent to the banned user's own connections, so their widget says why posting stopped.</summary>
    Task Banned(BannedEvent e);

    /// <summary>The user's ban was lifted or ran out: their widgets let them post again.</summary>
    Task Unbanned(UnbannedEvent e);

    /// <summary>To the author only: their post waits for a moderator and is shown to them as pending.</summary>
    Task PostHeld(HeldPostEvent e);

    /// <summary>To the author only: a moderator turned their held post down.</summary>
    Task PostRejected(PostRejectedEvent e);

    /// <summary>The connection's sign-in session was revoked; the widget forgets its token.</summary>
    Task SignedOut();
}
