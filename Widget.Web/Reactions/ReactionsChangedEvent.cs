using Widget.Core.Reactions;

namespace Widget.Web.Reactions;

/// <summary>Pushed to a tag's viewers when a post's reaction counts changed; <paramref name="Html"/> replaces its counts.</summary>
public sealed record ReactionsChangedEvent(string Tag, long PostId, IReadOnlyList<ReactionCount> Counts, string Html);
