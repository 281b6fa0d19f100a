namespace Widget.Data.Reactions;

/// <summary>One of the caller's own reactions.</summary>
public sealed record OwnReaction(long PostId, string Emoji);
