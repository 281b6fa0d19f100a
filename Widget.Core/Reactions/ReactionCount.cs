namespace Widget.Core.Reactions;

/// <summary>How many people reacted to a post with one emoji.</summary>
public sealed record ReactionCount(string Emoji, int Count);
