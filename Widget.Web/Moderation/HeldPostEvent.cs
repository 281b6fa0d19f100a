using Widget.Core.Posts;

namespace Widget.Web.Moderation;

/// <summary>Sent to the author's own connections only: their post waits for a moderator, shown to them as pending.</summary>
public sealed record HeldPostEvent(string Tag, Post Post, string Html, string Message);
