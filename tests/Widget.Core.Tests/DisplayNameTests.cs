using Widget.Core.Accounts;

namespace Widget.Core.Tests;

public sealed class DisplayNameTests
{
    [Fact]
    public void Clean_WhenTheLimitFallsInsideAnEmoji_KeepsTheWholeTextBefore()
    {
        var name = new string('a', DisplayName.MaxLength - 1) + "😀";

        var clean = DisplayName.Clean(name);

        Assert.Equal(new string('a', DisplayName.MaxLength - 1), clean);
    }

    [Fact]
    public void Clean_DropsControlCharactersIncludingNul() =>
        Assert.Equal("Anna Smith", DisplayName.Clean("An\0na\u0007 Smith\n"));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" \t\u0000 ")]
    public void Clean_WhenNothingIsLeft_FallsBack(string? name) => Assert.Equal(DisplayName.Fallback, DisplayName.Clean(name));

    [Fact]
    public void Clean_KeepsFamiliesAndFlagsWhole() =>
        Assert.Equal("Анна 👨‍👩‍👧 🇷🇺", DisplayName.Clean("Анна 👨‍👩‍👧 🇷🇺"));
}
