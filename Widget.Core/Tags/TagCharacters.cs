using System.Globalization;
using Widget.Core.Text;

namespace Widget.Core.Tags;

/// <summary>
/// What may stand in a tag: letters (any script), combining marks, decimal digits and '_'; never a letter or
/// mark that draws nothing, or "#news" could have an invisible twin.
/// </summary>
internal static class TagCharacters
{
    public static bool IsPart(char c) =>
        c == '_' || (char.GetUnicodeCategory(c) is
            UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or
            UnicodeCategory.TitlecaseLetter or UnicodeCategory.ModifierLetter or
            UnicodeCategory.OtherLetter or UnicodeCategory.NonSpacingMark or
            UnicodeCategory.SpacingCombiningMark or UnicodeCategory.DecimalDigitNumber
            && !UserText.DrawsNothing(c));

    /// <summary>All characters are tag characters and at least one is not a digit, so "#1" stays text.</summary>
    public static bool AreValid(string name)
    {
        var hasNonDigit = false;
        foreach (var c in name)
        {
            if (!IsPart(c))
            {
                return false;
            }

            hasNonDigit |= !char.IsDigit(c);
        }

        return hasNonDigit;
    }
}
