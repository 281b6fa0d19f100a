namespace Widget.Web.Moderation;

/// <summary>Pushed to a tag's viewers when its pinned post changes; <paramref name="Html"/> null means unpinned.</summary>
public sealed record PostPinnedEvent(string Tag, long? PostId, string? Html);
