using Bunit;
using Widget.Core.Sites;
using Widget.Web.Sites;

namespace Widget.Web.Tests.Components;

public sealed class SiteSettingsEditorTests : BunitContext
{
    [Fact]
    public void Editing_AField_UpdatesTheFormAndTellsThePage_TextAsItIsTyped()
    {
        var form = SiteSettingsForm.From(new SiteSettings { Title = "Old" });
        var changes = 0;
        var cut = Render<SiteSettingsEditor>(p => p.Add(x => x.Form, form).Add(x => x.OnChange, () => changes++));

        cut.Find("#title").Input("New title");
        cut.Find("#theme").Change(nameof(WidgetTheme.Dark));
        cut.Find("#language").Change(nameof(WidgetLanguage.Ru));

        Assert.Equal("New title", form.Title);
        Assert.Equal(WidgetTheme.Dark, form.Theme);
        Assert.Equal(WidgetLanguage.Ru, form.Language);
        Assert.Equal(3, changes);
    }

    [Fact]
    public void Calls_AreOffUntilTheOwnerLetsSignedInVisitorsCall()
    {
        var form = SiteSettingsForm.From(new SiteSettings());
        var cut = Render<SiteSettingsEditor>(p => p.Add(x => x.Form, form));
        Assert.Equal(nameof(CallsMode.Off), cut.Find("#calls").GetAttribute("value"));

        cut.Find("#calls").Change(nameof(CallsMode.SignedIn));

        Assert.Equal(CallsMode.SignedIn, form.ToSettings().Settings.Calls);
    }

    [Fact]
    public void Calls_CanBeLeftToTheModerators_ToLetEachVisitorIn()
    {
        var form = SiteSettingsForm.From(new SiteSettings { Calls = CallsMode.SignedIn });
        var cut = Render<SiteSettingsEditor>(p => p.Add(x => x.Form, form));

        cut.Find("#calls").Change(nameof(CallsMode.Admitted));

        Assert.Equal("Only those a moderator lets in", cut.Find($"#calls option[value={nameof(CallsMode.Admitted)}]").TextContent);
        Assert.Equal(CallsMode.Admitted, form.ToSettings().Settings.Calls);
        Assert.Empty(form.ToSettings().Errors);
    }

    [Fact]
    public void OwnColours_ShowColourPickersOnlyWhenChosen()
    {
        var form = SiteSettingsForm.From(new SiteSettings());
        var cut = Render<SiteSettingsEditor>(p => p.Add(x => x.Form, form));
        Assert.Empty(cut.FindAll("input[type=color]"));

        cut.Find("input[type=checkbox]").Change(true);

        Assert.Equal(3, cut.FindAll("input[type=color]").Count);
    }

    [Fact]
    public void Errors_AreShownAndSavingIsDisabled()
    {
        var errors = new Dictionary<string, string[]> { ["AllowedDomains"] = ["Not a domain: nope"] };

        var cut = Render<SiteSettingsEditor>(p => p.Add(x => x.Form, new SiteSettingsForm()).Add(x => x.Errors, errors));

        Assert.Equal("Not a domain: nope", cut.Find("[role=alert]").TextContent);
        Assert.True(cut.Find("button[type=submit]").HasAttribute("disabled"));
    }

    [Fact]
    public void Submitting_AsksThePageToSave()
    {
        var saves = 0;
        var cut = Render<SiteSettingsEditor>(p => p.Add(x => x.Form, new SiteSettingsForm()).Add(x => x.OnSave, () => saves++));

        cut.Find("form").Submit();

        Assert.Equal(1, saves);
    }

    [Fact]
    public void OwnColours_SwitchedOnWithTheDarkTheme_StartDarkAndShowTheirContrast()
    {
        var form = SiteSettingsForm.From(new SiteSettings { Theme = WidgetTheme.Dark });
        var cut = Render<SiteSettingsEditor>(p => p.Add(x => x.Form, form));

        cut.Find("input[type=checkbox]").Change(true);

        Assert.Equal(("#7aa7ff", "#17191d", "#e7e9ec"), (form.AccentColor, form.BackgroundColor, form.TextColor));
        Assert.Empty(cut.FindAll(".ratio-low"));
        cut.Find("#text").Change("#333333");
        Assert.Equal("1.3:1", cut.Find(".ratio-low").TextContent);
    }

    [Fact]
    public void BrowseTogether_IsOffForANewSite_AndTheSwitchTurnsItOnInTheSavedSettings()
    {
        var form = SiteSettingsForm.From(new SiteSettings());
        var cut = Render<SiteSettingsEditor>(p => p.Add(x => x.Form, form));
        var toggle = cut.Find("#browse-together");
        Assert.False(toggle.HasAttribute("checked"));
        Assert.Contains("Browse together", toggle.ParentElement!.TextContent, StringComparison.Ordinal);

        toggle.Change(true);

        Assert.True(form.ToSettings().Settings.BrowseTogether);
        Assert.True(SiteSettingsForm.From(form.ToSettings().Settings).BrowseTogether);
    }

    [Fact]
    public void ShowVisitors_IsOffForANewSite_AndTheSwitchTurnsItOnInTheSavedSettings()
    {
        var form = SiteSettingsForm.From(new SiteSettings());
        var cut = Render<SiteSettingsEditor>(p => p.Add(x => x.Form, form));
        var toggle = cut.Find("#show-visitors");
        Assert.False(toggle.HasAttribute("checked"));

        toggle.Change(true);

        Assert.True(form.ToSettings().Settings.ShowVisitors);
        Assert.True(SiteSettingsForm.From(form.ToSettings().Settings).ShowVisitors);
    }

    [Fact]
    public void PrivateSelector_IsEmptyForANewSite_IsSavedWhenItIsASelector_AndRefusedWhenItIsNot()
    {
        var form = SiteSettingsForm.From(new SiteSettings());
        var cut = Render<SiteSettingsEditor>(p => p.Add(x => x.Form, form));
        var field = cut.Find("#private-selector");
        Assert.Equal("", field.GetAttribute("value") ?? "");

        field.Input(" #account, .private ");
        Assert.Empty(form.ToSettings().Errors);
        Assert.Equal("#account, .private", form.ToSettings().Settings.PrivateSelector);

        field.Input("#account {");
        Assert.Contains(nameof(SiteSettings.PrivateSelector), form.ToSettings().Errors.Keys);
    }
}
