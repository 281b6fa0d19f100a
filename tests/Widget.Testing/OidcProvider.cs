using System.Globalization;

namespace Widget.Testing;

/// <summary>
/// The development OpenID Connect provider in tools/dev-oidc, running for a test with one
/// confidential client whose login form accepts any login and password.
/// </summary>
public sealed class OidcProvider : IAsyncDisposable
{
    private const string DevClientId = "widget-dev";
    private const string DevClientSecret = "widget-dev-secret";
    private const string ListeningLine = "oidc-provider listening on ";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private readonly ChildProcess process;

    private OidcProvider(ChildProcess process, string issuer)
    {
        this.process = process;
        Issuer = issuer;
    }

    /// <summary>The name the service's settings give this provider (<c>Auth:Providers:dev</c>), in its URLs too.</summary>
    public const string SettingsName = "dev";

    public string ClientId { get; } = DevClientId;

    public string ClientSecret { get; } = DevClientSecret;

    public string Issuer { get; }

    public int Pid => process.Pid;

    public static async Task<OidcProvider> StartAsync(int port, IReadOnlyList<string> redirectUris, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(redirectUris);
        var directory = Path.Combine(RepoRoot.Path, "tools", "dev-oidc");
        await NpmInstall.EnsureAsync(directory, ct);

        var issuer = $"http://localhost:{port.ToString(CultureInfo.InvariantCulture)}";
        var process = ChildProcess.Start(new CommandLine("node", ["server.mjs"])
        {
            WorkingDirectory = directory,
            Environment = new Dictionary<string, string>
            {
                ["OIDC_PORT"] = port.ToString(CultureInfo.InvariantCulture),
                ["OIDC_HOST"] = "127.0.0.1",
                ["OIDC_ISSUER"] = issuer,
                ["OIDC_CLIENT_ID"] = DevClientId,
                ["OIDC_CLIENT_SECRET"] = DevClientSecret,
                ["OIDC_REDIRECT_URIS"] = string.Join(',', redirectUris),
            },
        });
        try
        {
            await process.WaitForLineAsync(line => line.StartsWith(ListeningLine, StringComparison.Ordinal), StartTimeout, ct);
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }

        return new OidcProvider(process, issuer);
    }

    public ValueTask DisposeAsync() => process.DisposeAsync();
}
