namespace Widget.Web.Moderation;

/// <summary>A ban asked for over the HTTP API; <paramref name="Minutes"/> null bans for good.</summary>
public sealed record BanRequest(long UserId, int? Minutes, string? Reason, bool Shadow = false);
