using Widget.Core.Posts;

namespace Widget.Web.Realtime;

/// <summary>The answer to a post: the stored post, and whether this send created it or found it stored already.
/// <paramref name="Held"/>: it waits for a moderator, seen by its author alone, as <paramref name="Message"/> says.</summary>
public sealed record PostAccepted(Post Post, bool Created, bool Held = false, string? Message = null);
