namespace Widget.Data.Moderation;

/// <summary>What a channel's rules say about one user's next post there.</summary>
public sealed record PostingRules(int SlowModeSeconds, IReadOnlyList<string> BlockedWords, DateTimeOffset? LastPostAt);
