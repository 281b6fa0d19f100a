using Widget.Web.Language;

namespace Widget.Web.Tests.Language;

public sealed class PluralRulesTests
{
    [Theory]
    [InlineData(0, "many")]
    [InlineData(1, "one")]
    [InlineData(2, "few")]
    [InlineData(4, "few")]
    [InlineData(5, "many")]
    [InlineData(11, "many")]
    [InlineData(12, "many")]
    [InlineData(14, "many")]
    [InlineData(21, "one")]
    [InlineData(22, "few")]
    [InlineData(25, "many")]
    [InlineData(101, "one")]
    [InlineData(111, "many")]
    public void EastSlavic_FollowsTheUnicodeRule(long n, string category) =>
        Assert.Equal(category, PluralRules.Category(PluralRules.EastSlavic, n));

    [Theory]
    [InlineData(0, "other")]
    [InlineData(1, "one")]
    [InlineData(2, "other")]
    [InlineData(21, "other")]
    public void OneOther_SaysOneOnlyForOne(long n, string category) =>
        Assert.Equal(category, PluralRules.Category(PluralRules.OneOther, n));
}
