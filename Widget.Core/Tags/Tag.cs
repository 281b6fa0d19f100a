using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Widget.Core.Tags;

/// <summary>
/// A normalised channel name: Unicode letters, digits and underscores, lower-cased,
/// at most <see cref="MaxLength"/> characters. Compared by value, so "#Кот" and "#кот" are one channel.
/// </summary>
public readonly record struct Tag
{
    public const int MaxLength = 64;

    private Tag(string value) => Value = value;

    public string Value { get; }

    public static bool TryParse(string? text, [NotNullWhen(true)] out Tag? tag)
    {
        tag = null;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        var name = text[0] == '#' ? text[1..] : text;
        if (name.Length == 0 || name.Length > MaxLength * 2)
        {
            return false;
        }

        // NFC first so that a letter typed as base + combining mark counts as one character.
        var normalised = name.Normalize(NormalizationForm.FormC).ToLowerInvariant();
        if (normalised.Length > MaxLength || !TagCharacters.AreValid(normalised))
        {
            return false;
        }

        tag = new Tag(normalised);
        return true;
    }

    public static Tag Parse(string text) =>
        TryParse(text, out var tag) ? tag.Value : throw new FormatException($"'{text}' is not a valid tag.");

    public override string ToString() => Value;
}
