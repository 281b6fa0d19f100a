namespace Widget.Data.Moderation;

/// <summary>What a post attempt finds: the ban in force that decides (a plain ban before a shadow one), and the tags whose timed ban ran out.</summary>
public sealed record UserBans(ActiveBan? InForce, IReadOnlyList<string> RunOut);
