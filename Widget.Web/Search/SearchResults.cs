using Widget.Core.Posts;

namespace Widget.Web.Search;

/// <summary>A page of matches, newest first; pass <paramref name="NextBefore"/> as <c>before</c> for the next page.</summary>
public sealed record SearchResults(IReadOnlyList<Post> Posts, long? NextBefore);
