using Widget.Testing;

[assembly: AssemblyFixture(typeof(Widget.Web.Tests.Infrastructure.WidgetApp))]

namespace Widget.Web.Tests.Infrastructure;

/// <summary>
/// One running service for the test assembly, with its real parts: a private Postgres, the development
/// OpenID provider (a node process), and Kestrel on 127.0.0.1. Tests keep apart by using their own tags and users.
/// </summary>
public sealed class WidgetApp : IAsyncLifetime
{
    public const string Provider = "dev";

    /// <summary>Small, so a test can overflow it with a handful of posts.</summary>
    public const int CatchUpLimit = 10;

    public const int RateLimitBurst = 5;

    private WidgetDatabases? databases;
    private OidcProvider? oidc;
    private WidgetFactory? factory;

    /// <summary>"localhost", as a browser would address the service (the provider only knows that name).</summary>
    public Uri BaseAddress { get; private set; } = default!;

    public string ConnectionString { get; private set; } = "";

    public IServiceProvider Services => factory!.Services;

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        var port = FreePort.Next();
        BaseAddress = new Uri($"http://localhost:{port}/");
        databases = await WidgetDatabases.StartAsync(ct);
        ConnectionString = await databases.CreateAsync(ct);
        oidc = await OidcProvider.StartAsync(FreePort.Next(), [new Uri(BaseAddress, "/signin-oidc/" + Provider).ToString()], ct);
        factory = new WidgetFactory(port, new Dictionary<string, string>
        {
            ["ConnectionStrings:Widget"] = ConnectionString,
            [$"Auth:Providers:{Provider}:DisplayName"] = "Dev",
            [$"Auth:Providers:{Provider}:Authority"] = oidc.Issuer,
            [$"Auth:Providers:{Provider}:ClientId"] = oidc.ClientId,
            [$"Auth:Providers:{Provider}:ClientSecret"] = oidc.ClientSecret,
            [$"Auth:Providers:{Provider}:RequireHttpsMetadata"] = "false",
            ["Realtime:CatchUpLimit"] = CatchUpLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Posting:RateLimitBurst"] = RateLimitBurst.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Posting:RateLimitPeriod"] = "00:01:00",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        factory.StartServer();
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
}
