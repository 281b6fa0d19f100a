using Microsoft.AspNetCore.SignalR;
using Widget.Core.Sites;
using Widget.Testing;
using Widget.Web.Moderation;
using Widget.Web.Tests.Infrastructure;

namespace Widget.Web.Tests.Integration;

public sealed class ReportReasonTests(WidgetApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ReportReason_AsTheWidgetSendsIt_IsStoredAndShownOnTheDesk()
    {
        var tag = TestTags.New();
        using var ownerVisitor = new Visitor(app, Visitor.NewLogin());
        var owner = await ownerVisitor.SignInAsync(Ct);
        await SiteSeeder.ClaimAsync(app.Services, tag, owner.User.Id, new SiteSettings(), Ct);
        using var readerVisitor = new Visitor(app, Visitor.NewLogin());
        await using var reader = await LiveViewer.ConnectAsync(app, (await readerVisitor.SignInAsync(Ct)).AccessToken, Ct);
        var post = (await reader.PostAsync(tag, "you are all <b>idiots</b>", Ct)).Post;

        await reader.ReportAsync(tag, post.Id, "Abuse: calls <everyone> names", Ct);
        using var desk = await ownerVisitor.Browser.GetAsync($"/mod/{tag}", Ct);
        var html = await desk.Content.ReadAsStringAsync(Ct);

        Assert.Equal("Abuse: calls <everyone> names", Assert.Single(await ModerationDesk.ReadReportsAsync(app, tag, Ct)).Reason);
        Assert.Contains("<bdi class=\"report-reason\">Abuse: calls &lt;everyone&gt; names</bdi>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReportReason_OverTheLimit_IsRefusedWithTheLimit()
    {
        var tag = TestTags.New();
        using var visitor = new Visitor(app, Visitor.NewLogin());
        await using var reader = await LiveViewer.ConnectAsync(app, (await visitor.SignInAsync(Ct)).AccessToken, Ct);
        var post = (await reader.PostAsync(tag, "hello", Ct)).Post;

        var error = await Assert.ThrowsAsync<HubException>(() => reader.ReportAsync(tag, post.Id, new string('x', ReportService.MaxReasonLength + 1), Ct));

        Assert.Contains($"at most {ReportService.MaxReasonLength} characters", error.Message, StringComparison.Ordinal);
        Assert.Empty(await ModerationDesk.ReadReportsAsync(app, tag, Ct));
    }
}
