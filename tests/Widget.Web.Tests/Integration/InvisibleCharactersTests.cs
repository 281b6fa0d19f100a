using Widget.Core.Sites;
using Widget.Testing;
using Widget.Web.Tests.Infrastructure;

namespace Widget.Web.Tests.Integration;

/// <summary>Bidi controls and invisible characters are dropped where names and text come in, before they are stored.</summary>
public sealed class InvisibleCharactersTests(WidgetApp app)
{
    private const string Spoof = "\u202Eevil\u202C ad\u200Bmin";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SignIn_WhenTheProviderNameHasBidiControls_StoresItWithoutThem()
    {
        var login = Visitor.NewLogin();
        using var visitor = new Visitor(app, "\u202E" + login + "\u200B\u202C");

        var token = await visitor.SignInAsync(Ct);

        Assert.Equal(login, token.User.Name);
    }

    [Fact]
    public async Task PostAndReasons_WhenTheyHaveInvisibleCharacters_AreStoredWithoutThem()
    {
        var tag = TestTags.New();
        using var ownerVisitor = new Visitor(app, Visitor.NewLogin());
        var owner = await ownerVisitor.SignInAsync(Ct);
        await SiteSeeder.ClaimAsync(app.Services, tag, owner.User.Id, new SiteSettings(), Ct);
        using var readerVisitor = new Visitor(app, Visitor.NewLogin());
        var reader = await readerVisitor.SignInAsync(Ct);
        await using var live = await LiveViewer.ConnectAsync(app, reader.AccessToken, Ct);

        var post = (await live.PostAsync(tag, Spoof, Ct)).Post;
        await live.ReportAsync(tag, post.Id, Spoof, Ct);
        await ModerationDesk.RunAsync(app, m => m.BanAsync(owner.User.Id, tag, reader.User.Id, null, Spoof, false, Ct));

        Assert.Equal("evil admin", post.Text);
        Assert.Equal("evil admin", Assert.Single(await ModerationDesk.ReadReportsAsync(app, tag, Ct)).Reason);
        Assert.Equal("evil admin", Assert.Single(await ModerationDesk.ReadAsync(app, s => s.BansAsync(tag, Ct))).Reason);
    }
}
