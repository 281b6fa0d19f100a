namespace Widget.Web.Reactions;

/// <param name="On">True to add the reaction, false to take it back.</param>
public sealed record ReactRequest(long PostId, string? Emoji, bool On);
