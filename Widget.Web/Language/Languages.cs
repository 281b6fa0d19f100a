using System.Globalization;
using Widget.Core.Sites;

namespace Widget.Web.Language;

/// <summary>
/// The languages a visitor can be spoken to in: the members of <see cref="WidgetLanguage"/>, each named by its
/// code (en, ru) and translated by its own <c>VisitorText.{code}.resx</c>.
/// </summary>
public static class Languages
{
    public static IReadOnlyList<WidgetLanguage> All { get; } = Enum.GetValues<WidgetLanguage>();

    public static string Code(WidgetLanguage language) => language.ToString().ToLowerInvariant();

    public static CultureInfo Culture(WidgetLanguage language) => CultureInfo.GetCultureInfo(Code(language));

    /// <summary>The language a code names; anything unknown or missing reads as English.</summary>
    public static WidgetLanguage Parse(string? code) =>
        All.FirstOrDefault(l => string.Equals(Code(l), code, StringComparison.OrdinalIgnoreCase), WidgetLanguage.En);
}
