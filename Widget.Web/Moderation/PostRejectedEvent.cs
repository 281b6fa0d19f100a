namespace Widget.Web.Moderation;

/// <summary>Sent to the author's own connections: a moderator turned down their held post, which the widget drops.</summary>
public sealed record PostRejectedEvent(string Tag, long PostId, string Reason, string Message);
