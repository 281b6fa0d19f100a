namespace Widget.Web.Moderation;

/// <summary>A ban as a moderator sets it: how long (null: for good), why, and whether it is a shadow ban.</summary>
public sealed record BanTerms(TimeSpan? Length, string Reason, bool Shadow);
