using Widget.Testing;

[assembly: AssemblyFixture(typeof(Widget.Browser.Tests.Infrastructure.WidgetApp))]

namespace Widget.Browser.Tests.Infrastructure;

/// <summary>
/// One running service for the test assembly, at http://localhost:PORT: a different site from the
/// host pages on 127.0.0.1, so the browser treats the widget as a third-party iframe.
/// </summary>
public sealed class WidgetApp : IAsyncLifetime
{
    private WidgetService? service;

    public Uri BaseAddress => Service.BaseAddress;

    /// <summary>The service's own container, for seeding what a browser test starts from.</summary>
    public IServiceProvider Services => Service.Services;

    private WidgetService Service => service ?? throw new InvalidOperationException("The service has not started.");

    public Uri WidgetUri(string tag) => new(BaseAddress, "/w/" + tag);

    public HttpClient CreateClient() => Service.CreateClient();

    /// <summary>What the service logged since it started.</summary>
    public ServerLog Log { get; } = new();

    public async ValueTask InitializeAsync() =>
        service = await WidgetService.StartAsync(
            new Dictionary<string, string>
            {
                // Chromium takes Secure cookies from http://localhost, so the cross-site session cookie
                // that "Continue as" needs works here without https.
                ["Auth:CrossSiteCookie"] = "true",
                // Every test signs in from 127.0.0.1; the limit itself is tested in Widget.Web.Tests.
                ["Auth:PopupStartsPerMinute"] = "100000",
            },
            TestContext.Current.CancellationToken,
            Log);

    public async ValueTask DisposeAsync()
    {
        if (service is not null)
        {
            await service.DisposeAsync();
        }
    }
}
