namespace Widget.Web.Moderation;

/// <summary>A moderator's "no" to a held post, with the reason its author will read.</summary>
public sealed record HeldRejection(long PostId, string Reason);
