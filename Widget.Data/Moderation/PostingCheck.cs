namespace Widget.Data.Moderation;

/// <summary>What <see cref="PostingChecks"/> found for one post attempt.</summary>
/// <param name="Rules">The channel's rules that can refuse a post; null when it has none.</param>
/// <param name="HoldingTag">The tag whose premoderation holds the post (before asking whether its author moderates there); null when none does.</param>
public sealed record PostingCheck(UserBans Bans, PostingRules? Rules, string? HoldingTag);
