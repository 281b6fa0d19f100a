using Widget.Core.Text;

namespace Widget.Core.Reactions;

/// <summary>The fixed set of reactions. A small set keeps counts readable and leaves nothing to moderate.</summary>
public static class ReactionSet
{
    public static readonly IReadOnlyList<string> All = ["👍", "❤️", "😂", "😮", "😢", "🎉"];

    /// <summary>The longest emoji of the set, in UTF-16 units: the column's width.</summary>
    public const int MaxLength = 8;

    public static bool IsKnown(string? emoji) => emoji is not null && All.Contains(emoji, StringComparer.Ordinal);

    /// <summary>Counts in the set's own order, so every page and every push lists them alike.</summary>
    public static IReadOnlyList<ReactionCount> InOrder(IEnumerable<ReactionCount> counts)
    {
        var byEmoji = counts.Where(c => c.Count > 0).ToDictionary(c => c.Emoji, StringComparer.Ordinal);
        return All.Where(byEmoji.ContainsKey).Select(e => byEmoji[e]).ToArray();
    }

    public static Notice Unknown => Notice.Of("Reaction.Unknown", string.Join(' ', All));
}
