namespace Widget.Core.Tags;

/// <summary>Finds the <c>#hashtags</c> written in a post's text.</summary>
public static class Hashtags
{
    /// <summary>
    /// The distinct valid hashtags in order of first appearance. A '#' counts only at the start
    /// of a word, so URL fragments ("page#top") and "C#" are not tags; an over-long tag is text.
    /// </summary>
    public static IReadOnlyList<Tag> Find(string text)
    {
        var found = new List<Tag>();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '#' || (i > 0 && IsWordOrMarker(text[i - 1])))
            {
                continue;
            }

            var end = i + 1;
            while (end < text.Length && TagCharacters.IsPart(text[end]))
            {
                end++;
            }

            if (Tag.TryParse(text[(i + 1)..end], out var tag) && !found.Contains(tag.Value))
            {
                found.Add(tag.Value);
            }

            i = end - 1;
        }

        return found;
    }

    private static bool IsWordOrMarker(char c) => TagCharacters.IsPart(c) || c is '#' or '/' or '&' or '@';
}
