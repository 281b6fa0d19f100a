using Widget.Core.Posts;

namespace Widget.Web.Realtime;

/// <summary>Pushed to a tag's viewers when a post's text changed: the post rendered again, once for all.</summary>
public sealed record PostEditedEvent(string Tag, long PostId, Post Post, string Html);
