namespace Widget.Web.Moderation;

/// <summary>Pushed to a tag's viewers when a post left that tag (hidden there, or deleted everywhere).</summary>
public sealed record PostRemovedEvent(string Tag, long PostId);
