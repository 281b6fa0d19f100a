using Widget.Core.Accounts;
using Widget.Core.Moderation;
using Widget.Core.Posts;
using Widget.Core.Text;

namespace Widget.Core.Tests;

public sealed class UserTextTests
{
    [Theory]
    [InlineData("\u202Eevil\u202C admin", "evil admin")]
    [InlineData("a\u202Ab\u202Bc\u202Dd\u2066e\u2067f\u2068g\u2069", "abcdefg")]
    [InlineData("ad\u200Bmin", "admin")]
    [InlineData("ad\u2060m\uFEFFi\u180En\u00AD", "admin")]
    [InlineData("\u200Fadmin\u200E\u061C", "admin")]
    [InlineData("ad\u034Fmin\u2061\u2064\u206A\u206F", "admin")]
    [InlineData("a\u200Dd\u200Cmin", "admin")]
    [InlineData("admin\uFE0F", "admin")]
    [InlineData("admin\U000E0001\U000E0041", "admin")]
    [InlineData("\u3164\uFFA0\u115F\u1160admin", "admin")]
    public void Clean_DropsBidiControlsAndInvisibleCharacters(string text, string expected) =>
        Assert.Equal(expected, UserText.Clean(text));

    [Theory]
    [InlineData("👨\u200D👩\u200D👧\u200D👦")]
    [InlineData("🏳️\u200D🌈")]
    [InlineData("🏃🏽\u200D♀️")]
    [InlineData("❤️ 🇷🇺 👍🏽")]
    [InlineData("می\u200Cخواهم")]
    [InlineData("क्\u200Dष")]
    [InlineData("Привет, мир\n\tдва")]
    public void Clean_KeepsJoinersWhereTheWritingNeedsThem(string text) => Assert.Equal(text, UserText.Clean(text));

    [Theory]
    [InlineData("a\u200D👩", "a👩")]
    [InlineData("👩\u200Da", "👩a")]
    [InlineData("\u200D👩", "👩")]
    [InlineData("ab\u200Ccd", "abcd")]
    public void Clean_DropsJoinersOutsideEmojiAndJoiningScripts(string text, string expected) =>
        Assert.Equal(expected, UserText.Clean(text));

    [Fact]
    public void Clean_NormalisesLineBreaksAndDropsOtherControls() =>
        Assert.Equal("one\ntwo\nthree\nfour\tfive", UserText.Clean("one\r\ntwo\rthree\u2028four\tfive\u0007\u0085"));

    [Fact]
    public void Clean_WhenNothingNeedsChanging_ReturnsTheSameString()
    {
        const string text = "Hello, мир! 👋\nnext line";
        Assert.Same(text, UserText.Clean(text));
    }

    [Theory]
    [InlineData("  spam \n\t and\u00A0\u3000eggs ", "spam and eggs")]
    [InlineData("\u2800\u2800", "")]
    [InlineData("\u202E \u200B", "")]
    public void Line_CollapsesWhitespaceToSingleSpaces(string text, string expected) =>
        Assert.Equal(expected, UserText.Line(text));

    [Theory]
    [InlineData("\u202Eevil\u202C admin", "evil admin")]
    [InlineData("ad\u200Bmin", "admin")]
    [InlineData("\u200B\u200D\u2060", DisplayName.Fallback)]
    [InlineData("Anna\u3164\u3164Smith", "AnnaSmith")]
    public void DisplayName_Clean_DropsBidiControlsAndInvisibleCharacters(string name, string expected) =>
        Assert.Equal(expected, DisplayName.Clean(name));

    [Fact]
    public void PostText_Normalize_DropsBidiControlsAndZeroWidthCharacters() =>
        Assert.Equal("evil admin", PostText.Normalize("\u202Eevil\u202C ad\u200Bmin", 100).Text);

    [Fact]
    public void PostText_Normalize_WhenOnlyInvisibleCharacters_IsRefused() =>
        Assert.Equal(PostRejectionReason.Invalid, PostText.Normalize("\u200B\u2060\uFEFF", 100).Rejection?.Reason);

    [Fact]
    public void BlockedWords_Parse_DropsInvisibleCharactersSoTheWordStillMatches()
    {
        var words = BlockedWords.Parse("sp\u200Bam\n\u202Eeggs");

        Assert.Equal(["spam", "eggs"], words);
        Assert.Equal("spam", BlockedWords.FindIn(PostText.Normalize("buy s\u200Bpam", 100).Text!, words));
    }
}
