namespace Widget.Data.Posts;

/// <summary>How many posts a tag received in a window of time.</summary>
public sealed record TagActivity(string Tag, int Posts);
