using System.Collections;
using System.Globalization;
using Widget.Core.Sites;
using Widget.Core.Text;
using Widget.Web.Language;

namespace Widget.Web.Tests.Language;

public sealed class VisitorTextTests
{
    public static TheoryData<WidgetLanguage> Translations => new(Languages.All.Where(l => l != WidgetLanguage.En));

    [Theory]
    [MemberData(nameof(Translations))]
    public void EveryKeyOfTheEnglishFile_IsInTheTranslation(WidgetLanguage language)
    {
        var missing = KeysOf(CultureInfo.InvariantCulture).Except(KeysOf(Languages.Culture(language))).Order().ToArray();

        Assert.Empty(missing);
    }

    /// <summary>A language that counts like Russian needs the few and many forms English has no use for.</summary>
    [Theory]
    [MemberData(nameof(Translations))]
    public void EveryPluralKey_HasEveryFormTheTranslationsRuleAsksFor(WidgetLanguage language)
    {
        var keys = KeysOf(Languages.Culture(language));
        var rule = VisitorText.Get(language, "Language.PluralRule");
        var plurals = keys.Where(k => k.EndsWith(".other", StringComparison.Ordinal)).Select(k => k[..^".other".Length]);

        var missing = plurals
            .SelectMany(key => Enumerable.Range(0, 200).Select(n => $"{key}.{PluralRules.Category(rule, n)}"))
            .Distinct()
            .Where(k => !keys.Contains(k))
            .ToArray();

        Assert.Empty(missing);
    }

    [Theory]
    [InlineData(1, "1 секунду")]
    [InlineData(2, "2 секунды")]
    [InlineData(5, "5 секунд")]
    [InlineData(11, "11 секунд")]
    [InlineData(21, "21 секунду")]
    [InlineData(22, "22 секунды")]
    [InlineData(111, "111 секунд")]
    public void Russian_CountsInItsPluralForms(long n, string expected) =>
        Assert.Equal(expected, VisitorText.Say(Notice.Plural("Seconds", n), WidgetLanguage.Ru));

    [Theory]
    [InlineData(1, "1 new")]
    [InlineData(2, "2 new")]
    public void English_CountsWithOneAndOther(long n, string expected) =>
        Assert.Equal(expected, VisitorText.PluralForm(WidgetLanguage.En, "Widget.NewPosts", n).Replace("{0}", n.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal));

    [Fact]
    public void AnInstant_IsSaidAsAnIsoInstantForTheBrowserToShowOnTheReadersClock()
    {
        var until = new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.FromHours(3));

        Assert.Equal("Вы заблокированы в #news до 2026-12-01T09:00:00Z.", VisitorText.Say(Notice.Of("Ban.Until", "news", until), WidgetLanguage.Ru));
    }

    private static HashSet<string> KeysOf(CultureInfo culture)
    {
        var set = VisitorText.Resources.GetResourceSet(culture, createIfNotExists: true, tryParents: false)
            ?? throw new InvalidOperationException($"No resources for {culture.Name}.");
        return set.Cast<DictionaryEntry>().Select(e => (string)e.Key).ToHashSet(StringComparer.Ordinal);
    }
}
