namespace Widget.Web.Moderation;

/// <summary>A piece of a log sentence: plain words, or a user (<see cref="UserId"/> set) shown by name and id.</summary>
public sealed record LogPart(string Text, long? UserId = null, string? Class = null);
