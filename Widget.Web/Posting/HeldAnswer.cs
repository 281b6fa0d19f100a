using Widget.Core.Posts;

namespace Widget.Web.Posting;

/// <summary>The API's answer for a post that waits for a moderator: <paramref name="Held"/> is always true, so a client cannot mistake it for a shown post.</summary>
public sealed record HeldAnswer(Post Post, bool Held, string Message);
