using Widget.Core.Sites;

namespace Widget.Core.Tests;

public sealed class PrivateSelectorTests
{
    [Theory]
    [InlineData("")]
    [InlineData("#account")]
    [InlineData(".private, [data-secret], form#pay input[name='iban']")]
    [InlineData("section:not(.public) > .notes")]
    public void Validate_AcceptsASelector(string selector) =>
        Assert.DoesNotContain(nameof(SiteSettings.PrivateSelector), new SiteSettings { PrivateSelector = selector }.Validate().Keys);

    [Theory]
    [InlineData("#a { color: red }")]
    [InlineData("</script>")]
    [InlineData("[data-x")]
    [InlineData(".a)")]
    [InlineData("input[name='x]")]
    [InlineData(".a,,.b")]
    [InlineData(".a\\,")]
    [InlineData("#a\n#b")]
    public void Validate_RefusesWhatIsNoSelector(string selector) =>
        Assert.Contains(nameof(SiteSettings.PrivateSelector), new SiteSettings { PrivateSelector = selector }.Validate().Keys);

    [Fact]
    public void Validate_RefusesASelectorPastItsLength() =>
        Assert.Contains(nameof(SiteSettings.PrivateSelector), new SiteSettings { PrivateSelector = new string('a', PrivateSelector.MaxLength + 1) }.Validate().Keys);
}
