using Microsoft.AspNetCore.SignalR;
using Widget.Core.Sites;
using Widget.Testing;
using Widget.Web.Tests.Infrastructure;

namespace Widget.Web.Tests.Integration;

public sealed class ReportTests(WidgetApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Report_OverTheHub_IsListedForTheTagsModeratorsOnceUntilThePostIsHidden()
    {
        var tag = TestTags.New();
        using var ownerVisitor = new Visitor(app, Visitor.NewLogin());
        var owner = await ownerVisitor.SignInAsync(Ct);
        await SiteSeeder.ClaimAsync(app.Services, tag, owner.User.Id, new SiteSettings(), Ct);
        using var authorVisitor = new Visitor(app, Visitor.NewLogin());
        await using var writer = await LiveViewer.ConnectAsync(app, (await authorVisitor.SignInAsync(Ct)).AccessToken, Ct);
        using var readerVisitor = new Visitor(app, Visitor.NewLogin());
        var reader = await readerVisitor.SignInAsync(Ct);
        await using var readerConnection = await LiveViewer.ConnectAsync(app, reader.AccessToken, Ct);
        var post = (await writer.PostAsync(tag, "cheap pills here", Ct)).Post;

        var thanks = await readerConnection.ReportAsync(tag, post.Id, "spam", Ct);
        await readerConnection.ReportAsync(tag, post.Id, "spam again", Ct);
        var listed = await ModerationDesk.ReadReportsAsync(app, tag, Ct);
        await ModerationDesk.RunAsync(app, m => m.HideAsync(owner.User.Id, tag, post.Id, Ct));
        var afterHide = await ModerationDesk.ReadReportsAsync(app, tag, Ct);

        Assert.Contains("moderators will look", thanks, StringComparison.Ordinal);
        var report = Assert.Single(listed);
        Assert.Equal((post.Id, "spam", "cheap pills here", reader.User.Name), (report.PostId, report.Reason, report.PostText, report.ReporterName));
        Assert.Empty(afterHide);
    }

    [Fact]
    public async Task Report_WhenNotSignedInOrOfAnUnknownPost_IsRefusedWithAReason()
    {
        await using var anonymous = await LiveViewer.ConnectAsync(app, token: null, Ct);
        using var visitor = new Visitor(app, Visitor.NewLogin());
        await using var signedIn = await LiveViewer.ConnectAsync(app, (await visitor.SignInAsync(Ct)).AccessToken, Ct);

        var anonymousError = await Assert.ThrowsAsync<HubException>(() => anonymous.ReportAsync(TestTags.New(), 1, "", Ct));
        var unknownError = await Assert.ThrowsAsync<HubException>(() => signedIn.ReportAsync(TestTags.New(), long.MaxValue, "", Ct));

        Assert.Contains("Sign in to report", anonymousError.Message, StringComparison.Ordinal);
        Assert.Contains("no longer shown here", unknownError.Message, StringComparison.Ordinal);
    }
}
