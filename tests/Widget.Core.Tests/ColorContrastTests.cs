using Widget.Core.Sites;

namespace Widget.Core.Tests;

public sealed class ColorContrastTests
{
    [Theory]
    [InlineData("#000000", "#ffffff", 21.0)]
    [InlineData("#fff", "#fff", 1.0)]
    [InlineData("#777777", "#ffffff", 4.48)]
    [InlineData("#2458d6", "#ffffff", 6.1)]
    public void Ratio_IsWcags(string first, string second, double expected) =>
        Assert.Equal(expected, ColorContrast.Ratio(first, second), 0.05);

    [Fact]
    public void Format_RoundsDown_SoThatAFailingPairNeverReadsAsPassing() =>
        Assert.Equal("4.4:1", ColorContrast.Format(4.48));

    [Fact]
    public void Validate_WhenTextOrAccentIsHardToReadOnTheBackground_SaysSoWithTheRatio()
    {
        var errors = new SiteSettings { BackgroundColor = "#ffffff", TextColor = "#e7e9ec", AccentColor = "#7aa7ff" }.Validate();

        Assert.Contains("1.2:1", Assert.Single(errors[nameof(SiteSettings.TextColor)]), StringComparison.Ordinal);
        Assert.Contains("2.3:1", Assert.Single(errors[nameof(SiteSettings.AccentColor)]), StringComparison.Ordinal);
        Assert.Empty(new SiteSettings { BackgroundColor = "#17191d", TextColor = "#e7e9ec", AccentColor = "#7aa7ff" }.Validate());
    }
}
