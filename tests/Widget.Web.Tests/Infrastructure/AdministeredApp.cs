using Widget.Web.Auth;

namespace Widget.Web.Tests.Infrastructure;

/// <summary>
/// A service of its own with one administrator. Administrators are user ids in the settings, known only once
/// someone signed in; on a new database the first to sign in is user 1, so that id is configured before the start.
/// </summary>
public sealed class AdministeredApp : IAsyncLifetime
{
    private const long FirstUserId = 1;

    public WidgetApp App { get; } = WidgetApp.With(new Dictionary<string, string>
    {
        ["Moderation:Administrators:0"] = FirstUserId.ToString(System.Globalization.CultureInfo.InvariantCulture),
    });

    /// <summary>The administrator at their browser, signed in first-party as well.</summary>
    public Visitor AdministratorVisitor { get; private set; } = default!;

    public IssuedToken Administrator { get; private set; } = default!;

    public async ValueTask InitializeAsync()
    {
        await App.InitializeAsync();
        AdministratorVisitor = new Visitor(App, Visitor.NewLogin());
        Administrator = await AdministratorVisitor.SignInAsync(TestContext.Current.CancellationToken);
        if (Administrator.User.Id != FirstUserId)
        {
            throw new InvalidOperationException($"The first user of a new database is {Administrator.User.Id}, not {FirstUserId}.");
        }
    }

    public async ValueTask DisposeAsync()
    {
        AdministratorVisitor?.Dispose();
        await App.DisposeAsync();
    }
}
