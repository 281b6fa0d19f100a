using Bunit;
using Widget.Core.Posts;
using Widget.Web.Viewing;

namespace Widget.Web.Tests.Components;

public sealed class WidgetPageTests : BunitContext
{
    [Fact]
    public void Render_WhenChannelIsEmpty_InvitesTheFirstPost()
    {
        var cut = Render<WidgetPage>(p => p.Add(x => x.Tag, "mysite").Add(x => x.Posts, []));

        Assert.Empty(cut.FindAll("article.post"));
        Assert.NotNull(cut.Find(".posts-empty"));
        Assert.Equal("0", cut.Find("main.widget").GetAttribute("data-last-seq"));
        Assert.Equal("false", cut.Find(".posts").GetAttribute("data-has-more"));
    }

    [Fact]
    public void Render_ShowsPostsOldestFirstAndRemembersTheNewestSeq()
    {
        ChannelPost[] newestFirst = [new(12, SamplePosts.Make(3, "third")), new(11, SamplePosts.Make(2, "second")), new(10, SamplePosts.Make(1, "first"))];

        var cut = Render<WidgetPage>(p => p.Add(x => x.Tag, "mysite").Add(x => x.Posts, newestFirst).Add(x => x.HasMore, true));

        Assert.Equal(["first", "second", "third"], cut.FindAll(".post-text").Select(e => e.TextContent));
        Assert.Equal("12", cut.Find("main.widget").GetAttribute("data-last-seq"));
        Assert.Equal("10", cut.Find(".posts").GetAttribute("data-oldest-seq"));
        Assert.Equal("true", cut.Find(".posts").GetAttribute("data-has-more"));
        Assert.Empty(cut.FindAll(".posts-empty"));
    }

    [Fact]
    public void Render_IsALiveLogWithASignInButtonPerProvider()
    {
        var cut = Render<WidgetPage>(p => p.Add(x => x.Tag, "mysite").Add(x => x.Posts, [])
            .Add(x => x.Providers, [new SignInProvider("dev", "Dev"), new SignInProvider("gitlab", "GitLab")]));

        Assert.Equal("log", cut.Find(".posts").GetAttribute("role"));
        Assert.Equal(["dev", "gitlab"], cut.FindAll(".signin-button").Select(b => b.GetAttribute("data-provider")));
        Assert.Empty(cut.FindAll("script:not([src])"));
    }

    [Fact]
    public void Render_InSlowMode_SaysHowOftenOneMayPost_InTheSitesLanguage()
    {
        var russian = SiteLook.Unclaimed("mysite") with { Labels = WidgetLabels.Russian };

        var cut = Render<WidgetPage>(p => p.Add(x => x.Tag, "mysite").Add(x => x.Posts, []).Add(x => x.Look, russian).Add(x => x.SlowModeSeconds, 30));
        var off = Render<WidgetPage>(p => p.Add(x => x.Tag, "mysite").Add(x => x.Posts, []));

        Assert.Equal("Медленный режим: одно сообщение в 30 с", cut.Find(".slow-mode").TextContent);
        Assert.Equal("Медленный режим выключен.", cut.Find("main.widget").GetAttribute("data-text-slow-mode-off"));
        Assert.Equal("", off.Find(".slow-mode").TextContent);
        Assert.Equal("Slow mode: one post every {0} s", off.Find("main.widget").GetAttribute("data-text-slow-mode"));
    }
}
