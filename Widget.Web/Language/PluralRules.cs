namespace Widget.Web.Language;

/// <summary>
/// Which plural form a count takes, by the rule a language's resource file names (its <c>Language.PluralRule</c>),
/// with the category names of the Unicode plural rules that the browser's <c>Intl.PluralRules</c> uses too.
/// A language that counts like English or Russian is a translation; a new way of counting is a rule here.
/// </summary>
public static class PluralRules
{
    /// <summary>English, German, Spanish and most others: 1 post, 2 posts.</summary>
    public const string OneOther = "OneOther";

    /// <summary>Russian, Ukrainian, Belarusian: 1 пост, 2 поста, 5 постов, 21 пост.</summary>
    public const string EastSlavic = "EastSlavic";

    public static string Category(string rule, long count)
    {
        var n = Math.Abs(count);
        return rule switch
        {
            EastSlavic when n % 10 == 1 && n % 100 != 11 => "one",
            EastSlavic when n % 10 is >= 2 and <= 4 && n % 100 is < 12 or > 14 => "few",
            EastSlavic => "many",
            _ => n == 1 ? "one" : "other",
        };
    }
}
