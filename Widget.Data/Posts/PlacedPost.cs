namespace Widget.Data.Posts;

/// <summary>A stored post at one of its places, as <see cref="PostOrder"/> releases it for live delivery.</summary>
/// <param name="Shadow">Written under a shadow ban: for its author's eyes only.</param>
/// <param name="CommittedAt">When its commit returned, as a <see cref="System.Diagnostics.Stopwatch"/> timestamp.</param>
public sealed record PlacedPost(StoredPost Stored, Placement Placement, bool Shadow, long CommittedAt);
