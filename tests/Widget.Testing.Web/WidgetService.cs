using System.Globalization;
using Microsoft.Extensions.Logging;

namespace Widget.Testing;

/// <summary>
/// The service with its real parts, as a test needs it: a private Postgres, the development OpenID
/// provider (a node process), and the app on Kestrel at 127.0.0.1. Disposing stops all three.
/// </summary>
public sealed class WidgetService : IAsyncDisposable
{
    public const string Provider = OidcProvider.SettingsName;

    private WidgetDatabases? databases;
    private OidcProvider? oidc;
    private WidgetFactory? factory;

    private WidgetService()
    {
    }

    /// <summary>"localhost", as a browser addresses the service; the provider only knows that name.</summary>
    public Uri BaseAddress { get; private set; } = default!;

    public string ConnectionString { get; private set; } = "";

    public IServiceProvider Services => factory!.Services;

    /// <param name="settings">Configuration on top of the defaults, e.g. <c>["Posting:RateLimitBurst"] = "5"</c>.</param>
    /// <param name="logs">Also receives the service's logs, its start included.</param>
    public static async Task<WidgetService> StartAsync(IReadOnlyDictionary<string, string> settings, CancellationToken ct,
        ILoggerProvider? logs = null)
    {
        var service = new WidgetService();
        try
        {
            await service.StartPartsAsync(settings, logs, ct);
            return service;
        }
        catch
        {
            await service.DisposeAsync();
            throw;
        }
    }

    public HttpClient CreateClient() => new() { BaseAddress = BaseAddress };

    public async ValueTask DisposeAsync()
    {
        if (factory is not null)
        {
            await factory.DisposeAsync();
        }

        if (oidc is not null)
        {
            await oidc.DisposeAsync();
        }

        if (databases is not null)
        {
            await databases.DisposeAsync();
        }
    }

    private async Task StartPartsAsync(IReadOnlyDictionary<string, string> settings, ILoggerProvider? logs, CancellationToken ct)
    {
        var port = FreePort.Next();
        BaseAddress = new Uri($"http://localhost:{port.ToString(CultureInfo.InvariantCulture)}/");
        databases = await WidgetDatabases.StartAsync(ct);
        ConnectionString = await databases.CreateAsync(ct);
        oidc = await OidcProvider.StartAsync(FreePort.Next(), [new Uri(BaseAddress, "/signin-oidc/" + Provider).ToString()], ct);
        var all = new Dictionary<string, string>
        {
            ["ConnectionStrings:Widget"] = ConnectionString,
            ["Hosting:PublicOrigin"] = BaseAddress.GetLeftPart(UriPartial.Authority),
            [$"Auth:Providers:{Provider}:DisplayName"] = "Dev",
            [$"Auth:Providers:{Provider}:Authority"] = oidc.Issuer,
            [$"Auth:Providers:{Provider}:ClientId"] = oidc.ClientId,
            [$"Auth:Providers:{Provider}:ClientSecret"] = oidc.ClientSecret,
            [$"Auth:Providers:{Provider}:RequireHttpsMetadata"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings)
        {
            all[key] = value;
        }

        factory = new WidgetFactory(port, all, logs);
        factory.StartServer();
    }
}
