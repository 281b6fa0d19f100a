namespace Widget.Web.Moderation;

/// <summary>Pushed to every open connection of a user banned from a tag; <paramref name="Until"/> null means for good.</summary>
public sealed record BannedEvent(string Tag, DateTimeOffset? Until, string Reason, string Message);
