using Bunit;
using Widget.Core.Sites;
using Widget.Web.Together;

namespace Widget.Web.Tests.Components;

/// <summary>The words the host page module shows come from the panel, in the site's language.</summary>
public sealed class TogetherPanelTests : BunitContext
{
    [Theory]
    [InlineData(WidgetLanguage.En, "{0} is above", "{0} is below")]
    [InlineData(WidgetLanguage.Ru, "{0} выше по странице", "{0} ниже по странице")]
    public void Render_CarriesTheWordsOfTheMarkersForCursorsOutOfView(WidgetLanguage language, string above, string below)
    {
        var cut = Render<TogetherPanel>(p => p.Add(x => x.Language, language).Add(x => x.Labels, TogetherLabels.For(language)));

        var panel = cut.Find("section.together");
        Assert.Equal(above, panel.GetAttribute("data-text-above"));
        Assert.Equal(below, panel.GetAttribute("data-text-below"));
    }
}
