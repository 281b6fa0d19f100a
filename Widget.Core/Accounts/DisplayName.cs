using System.Globalization;
using System.Text;
using Widget.Core.Text;

namespace Widget.Core.Accounts;

/// <summary>
/// A name as a provider sent it, made fit to store and show: one line of visible characters
/// (<see cref="UserText.Line"/>), cut to a length without splitting a character (half an emoji is not
/// valid text), never empty.
/// </summary>
public static class DisplayName
{
    public const int MaxLength = 100;
    public const string Fallback = "Visitor";

    public static string Clean(string? name)
    {
        var kept = new StringBuilder(Math.Min(name?.Length ?? 0, MaxLength));
        var elements = StringInfo.GetTextElementEnumerator(UserText.Line(name ?? ""));
        while (elements.MoveNext())
        {
            var element = elements.GetTextElement();
            if (kept.Length + element.Length > MaxLength)
            {
                break;
            }

            kept.Append(element);
        }

        var clean = kept.ToString().Trim();
        return clean.Length > 0 ? clean : Fallback;
    }
}
