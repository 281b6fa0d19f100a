using Widget.Core.Sites;
using Widget.Testing;
using Widget.Web.Auth;

namespace Widget.Web.Tests.Infrastructure;

/// <summary>The people tests need, each signed in for real through the development provider.</summary>
internal static class Users
{
    /// <summary>Someone the service has never seen.</summary>
    public static async Task<IssuedToken> NewAsync(WidgetApp app, CancellationToken ct)
    {
        using var visitor = new Visitor(app, Visitor.NewLogin());
        return await visitor.SignInAsync(ct);
    }

    /// <summary>A new user who has claimed <paramref name="tag"/>, so moderates it.</summary>
    public static async Task<IssuedToken> OwnerOfAsync(WidgetApp app, string tag, CancellationToken ct)
    {
        var owner = await NewAsync(app, ct);
        await SiteSeeder.ClaimAsync(app.Services, tag, owner.User.Id, new SiteSettings(), ct);
        return owner;
    }

    /// <summary>A new user's open hub connection.</summary>
    public static async Task<LiveViewer> ConnectNewAsync(WidgetApp app, CancellationToken ct) =>
        await LiveViewer.ConnectAsync(app, (await NewAsync(app, ct)).AccessToken, ct);
}
