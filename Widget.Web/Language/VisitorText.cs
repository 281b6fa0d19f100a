using System.Globalization;
using System.Resources;
using Widget.Core.Sites;
using Widget.Core.Text;

namespace Widget.Web.Language;

/// <summary>
/// Every word a visitor of the widget reads, from <c>VisitorText.resx</c> (English) and its translations. A key
/// with plural forms has one entry per form: <c>Seconds.one</c>, <c>Seconds.few</c>, <c>Seconds.many</c>, <c>Seconds.other</c>.
/// </summary>
public static class VisitorText
{
    public static readonly ResourceManager Resources = new(typeof(VisitorText).FullName!, typeof(VisitorText).Assembly);

    // The Unicode plural categories, as Intl.PluralRules names them.
    private static readonly string[] Categories = ["zero", "one", "two", "few", "many", "other"];

    /// <summary>The key's words; a key missing from a translation falls back to English.</summary>
    public static string Get(WidgetLanguage language, string key) =>
        Resources.GetString(key, Languages.Culture(language)) ?? key;

    public static string PluralForm(WidgetLanguage language, string key, long count)
    {
        var category = PluralRules.Category(Get(language, "Language.PluralRule"), count);
        var culture = Languages.Culture(language);
        return Resources.GetString($"{key}.{category}", culture) ?? Get(language, key + ".other");
    }

    /// <summary>Every plural form the language has for the key, by category, for the browser to choose from.</summary>
    public static IReadOnlyDictionary<string, string> PluralForms(WidgetLanguage language, string key) =>
        Categories.Select(c => (c, Text: Resources.GetString($"{key}.{c}", Languages.Culture(language))))
            .Where(f => f.Text is not null)
            .ToDictionary(f => f.c, f => f.Text!);

    public static string Say(Notice notice, WidgetLanguage language)
    {
        var template = notice.Count is { } count ? PluralForm(language, notice.Key, count) : Get(language, notice.Key);
        var culture = Languages.Culture(language);
        var args = notice.Args.Select(a => Argument(a, language, culture)).ToArray();
        return string.Format(culture, template, args);
    }

    // An instant goes out in ISO 8601: the widget shows it on the visitor's own clock, in their language.
    private static object Argument(object argument, WidgetLanguage language, CultureInfo culture) => argument switch
    {
        Notice inner => Say(inner, language),
        DateTimeOffset instant => instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        IFormattable number => number.ToString(null, culture),
        _ => argument,
    };
}
