using System.Globalization;

namespace Widget.Core.Sites;

/// <summary>The WCAG contrast ratio of two <see cref="HexColor"/> colours, from 1 (the same) to 21 (black on white).</summary>
public static class ColorContrast
{
    /// <summary>What WCAG AA asks of normal-size text.</summary>
    public const double MinimumRatio = 4.5;

    public static double Ratio(string first, string second)
    {
        var (a, b) = (Luminance(first), Luminance(second));
        return (Math.Max(a, b) + 0.05) / (Math.Min(a, b) + 0.05);
    }

    /// <summary>The ratio as people read it, rounded down so that a pair shown as 4.5:1 passes.</summary>
    public static string Format(double ratio) =>
        (Math.Floor(ratio * 10) / 10).ToString("0.0", CultureInfo.InvariantCulture) + ":1";

    private static double Luminance(string hex)
    {
        var digits = hex.Length == 4 ? string.Concat(hex[1..].Select(c => $"{c}{c}")) : hex[1..];
        var rgb = Convert.FromHexString(digits).Select(b => Linear(b / 255.0)).ToArray();
        return (0.2126 * rgb[0]) + (0.7152 * rgb[1]) + (0.0722 * rgb[2]);
    }

    private static double Linear(double channel) =>
        channel <= 0.04045 ? channel / 12.92 : Math.Pow((channel + 0.055) / 1.055, 2.4);
}
