using Widget.Web.Sites;

namespace Widget.Web.Tests.Components;

public sealed class SiteSettingsFormTests
{
    [Fact]
    public void ToSettings_NormalisesDomainsOnePerLine()
    {
        var form = new SiteSettingsForm { Width = 360, Height = 480, AllowedDomains = " Example.com \n\n*.example.org\nexample.com" };

        var (settings, errors) = form.ToSettings();

        Assert.Empty(errors);
        Assert.Equal(["example.com", "*.example.org"], settings.AllowedDomains);
    }

    [Fact]
    public void ToSettings_NamesTheDomainsItCannotRead()
    {
        var form = new SiteSettingsForm { Width = 360, Height = 480, AllowedDomains = "ok.com\nnot a domain" };

        var (_, errors) = form.ToSettings();

        Assert.Contains("not a domain", errors[nameof(SiteSettingsForm.AllowedDomains)][0], StringComparison.Ordinal);
    }

    [Fact]
    public void ToSettings_LeavesColoursToTheThemeUnlessChosen()
    {
        var plain = new SiteSettingsForm { Width = 360, Height = 480, AccentColor = "#ff0000" }.ToSettings().Settings;
        var own = new SiteSettingsForm { Width = 360, Height = 480, CustomColors = true, AccentColor = "#ff0000" }.ToSettings().Settings;

        Assert.Null(plain.AccentColor);
        Assert.Equal("#ff0000", own.AccentColor);
        Assert.Equal(own, SiteSettingsForm.From(own).ToSettings().Settings with { AllowedDomains = own.AllowedDomains });
    }
}
