using Widget.Core.Tags;

namespace Widget.Core.Tests;

public sealed class TagTests
{
    [Theory]
    [InlineData("MySite", "mysite")]
    [InlineData("#MySite", "mysite")]
    [InlineData("Привет_Мир", "привет_мир")]
    [InlineData("ЁЖИК", "ёжик")]
    [InlineData("dotnet10", "dotnet10")]
    [InlineData("日本語", "日本語")]
    public void Parse_WhenValid_IsNormalisedToLowerCase(string text, string expected)
    {
        Assert.True(Tag.TryParse(text, out var tag));
        Assert.Equal(expected, tag.Value.Value);
    }

    [Fact]
    public void Parse_WhenSameLetterIsComposedDifferently_GivesOneTag()
    {
        // "й" as one code point and as "и" + combining breve.
        Assert.True(Tag.TryParse("мой", out var composed));
        Assert.True(Tag.TryParse("мо\u0438\u0306", out var decomposed));
        Assert.Equal(composed, decomposed);
    }

    [Theory]
    [InlineData("")]
    [InlineData("#")]
    [InlineData("two words")]
    [InlineData("dash-ed")]
    [InlineData("dot.ted")]
    [InlineData("12345")]
    [InlineData("<script>")]
    [InlineData(null)]
    [InlineData("news\u3164")]
    [InlineData("news\u034F")]
    [InlineData("news\uFE0F")]
    [InlineData("ne\u200Bws")]
    public void Parse_WhenInvalid_IsRefused(string? text) => Assert.False(Tag.TryParse(text, out _));

    [Fact]
    public void Parse_WhenLongerThanLimit_IsRefused()
    {
        Assert.True(Tag.TryParse(new string('a', Tag.MaxLength), out _));
        Assert.False(Tag.TryParse(new string('a', Tag.MaxLength + 1), out _));
    }
}
