using Widget.Core.Posts;

namespace Widget.Data.Posts;

/// <summary>The outcome of storing a post: the post, its place in each of its tags, and whether this call created it.</summary>
public sealed record StoredPost(Post Post, IReadOnlyList<Placement> Placements, bool Created);
