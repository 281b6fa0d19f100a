using Widget.Core.Posts;

namespace Widget.Web.Realtime;

/// <summary>The answer to a post: the stored post, and whether this send created it or found it stored already.</summary>
public sealed record PostAccepted(Post Post, bool Created);
