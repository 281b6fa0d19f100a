using Widget.Core.Text;

namespace Widget.Core.Tests;

public sealed class RichTextTests
{
    [Fact]
    public void Parse_WhenTextHasEveryKind_ReadsThemInOrder() =>
        Assert.Equal(
            [new TextToken("hi "), new MentionToken("@Anna", "Anna"), new TextToken(", see "),
             new LinkToken("https://example.com/a?b=1#c"), new LineBreakToken(), new TagToken("#Кот", "кот")],
            RichText.Parse("hi @Anna, see https://example.com/a?b=1#c\n#Кот"));

    [Theory]
    [InlineData("(see https://x.org/wiki/A_(b)).", "https://x.org/wiki/A_(b)")]
    [InlineData("go to https://x.org/path, then", "https://x.org/path")]
    [InlineData("really? http://x.org/?!", "http://x.org/")]
    [InlineData("[https://x.org/a]", "https://x.org/a")]
    [InlineData("HTTPS://X.ORG/Path", "HTTPS://X.ORG/Path")]
    [InlineData("https://ru.wikipedia.org/wiki/Кошка.", "https://ru.wikipedia.org/wiki/Кошка")]
    public void Parse_WhenUrlEndsWithPunctuation_LeavesItOut(string text, string url) =>
        Assert.Equal(url, Assert.Single(RichText.Parse(text).OfType<LinkToken>()).Url);

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("data:text/html,<script>alert(1)</script>")]
    [InlineData("ftp://x.org/file")]
    [InlineData("http://")]
    [InlineData("https:// x.org")]
    [InlineData("xhttps://x.org")]
    [InlineData("https://javascript:alert(1)")]
    public void Parse_WhenAddressIsNotHttp_KeepsItText(string text) =>
        Assert.DoesNotContain(RichText.Parse(text), t => t is LinkToken);

    [Fact]
    public void Parse_WhenUrlMeetsQuoteOrAngleBracket_EndsTheLinkThere() =>
        Assert.Equal(
            [new LinkToken("https://x.org/"), new TextToken("\"onmouseover=alert(1) <b>")],
            RichText.Parse("https://x.org/\"onmouseover=alert(1) <b>"));

    // Stored before zero-width characters were dropped on the way in: the link is the address the reader sees.
    [Fact]
    public void Parse_WhenUrlHasZeroWidthSpace_LinksWhatIsShown() =>
        Assert.Equal([new LinkToken("https://bank.example.evil.example")], RichText.Parse("https://bank.example\u200B.evil.example"));

    [Fact]
    public void Parse_WhenTextHasBidiOverride_DropsIt() =>
        Assert.Equal([new TextToken("abc")], RichText.Parse("a\u202Eb\u2066c"));

    [Theory]
    [InlineData("C# and me@host.org")]
    [InlineData("issue #42 and @42")]
    [InlineData("a##b")]
    public void Parse_WhenMarkerIsInsideAWordOrAllDigits_KeepsItText(string text) =>
        Assert.Equal([new TextToken(text)], RichText.Parse(text));

    [Fact]
    public void Parse_WhenTagsAndMentionsAreAdjacent_ReadsEachOneThatStartsAWord() =>
        Assert.Equal(
            [new TagToken("#a", "a"), new TextToken(","), new TagToken("#b", "b"), new TextToken("@c "),
             new MentionToken("@d", "d"), new TextToken(" "), new TagToken("#e", "e")],
            RichText.Parse("#a,#b@c @d #e"));

    [Fact]
    public void Parse_WhenWordIsHuge_KeepsItOneTextToken()
    {
        var word = new string('w', 10_000);

        Assert.Equal([new TextToken(word)], RichText.Parse(word));
    }

    [Fact]
    public void Parse_WhenTextHasEmojiSequences_KeepsThemWhole()
    {
        const string family = "👨\u200D👩\u200D👧\u200D👦 🇷🇺🇬🇧 👍🏽";

        Assert.Equal([new TextToken(family)], RichText.Parse(family));
    }
}
