using System.Globalization;
using System.Text.RegularExpressions;

namespace Widget.Browser.Tests.Infrastructure;

/// <summary>A colour as getComputedStyle gives it, with the WCAG 2 contrast arithmetic.</summary>
public readonly partial record struct CssColor(byte R, byte G, byte B)
{
    /// <summary>Parses "rgb(r, g, b)" or an opaque "rgba(r, g, b, 1)".</summary>
    public static CssColor Parse(string computed)
    {
        var match = RgbPattern().Match(computed ?? "");
        if (!match.Success || (match.Groups[4].Success && match.Groups[4].Value != "1"))
        {
            throw new FormatException($"Expected an opaque rgb() colour, got '{computed}'.");
        }

        byte Channel(int group) => byte.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);
        return new CssColor(Channel(1), Channel(2), Channel(3));
    }

    /// <summary>WCAG 2's relative luminance: 0 for black, 1 for white.</summary>
    public double Luminance => (0.2126 * Linear(R)) + (0.7152 * Linear(G)) + (0.0722 * Linear(B));

    /// <summary>WCAG 2's contrast ratio, from 1 (none) to 21; body text needs 4.5.</summary>
    public double ContrastWith(CssColor other)
    {
        var (lighter, darker) = Luminance > other.Luminance ? (Luminance, other.Luminance) : (other.Luminance, Luminance);
        return (lighter + 0.05) / (darker + 0.05);
    }

    public override string ToString() => $"rgb({R}, {G}, {B})";

    private static double Linear(byte channel)
    {
        var c = channel / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
    }

    [GeneratedRegex(@"^rgba?\((\d+), (\d+), (\d+)(?:, ([\d.]+))?\)$")]
    private static partial Regex RgbPattern();
}
