namespace Widget.Data.Posts;

/// <summary>What anyone may see about a user.</summary>
public sealed record UserProfile(long Id, string DisplayName, DateTimeOffset JoinedAt);
