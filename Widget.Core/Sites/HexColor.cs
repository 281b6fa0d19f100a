namespace Widget.Core.Sites;

/// <summary>Colours are accepted only as <c>#rgb</c> or <c>#rrggbb</c>, so they can be written into CSS as they are.</summary>
public static class HexColor
{
    public static bool IsValid(string? value) =>
        value is { Length: 4 or 7 } && value[0] == '#' && value.AsSpan(1).ContainsOnlyHex();

    private static bool ContainsOnlyHex(this ReadOnlySpan<char> span)
    {
        foreach (var c in span)
        {
            if (!char.IsAsciiHexDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
