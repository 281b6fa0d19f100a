namespace Widget.Data.Posts;

/// <summary>Where a post stands in one tag's timeline.</summary>
public sealed record Placement(string Tag, long Seq);
