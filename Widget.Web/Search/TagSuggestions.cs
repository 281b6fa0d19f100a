namespace Widget.Web.Search;

public sealed record TagSuggestions(IReadOnlyList<string> Tags);
