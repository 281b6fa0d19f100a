using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Npgsql;
using Widget.Cluster.Tests.Infrastructure;
using Widget.Testing;
using Widget.Web.Auth;

namespace Widget.Bench.Shared;

/// <summary>
/// Postgres, the development OpenID provider and one service node, or two sharing a redis-server; all on loopback,
/// stopped by PID.
/// </summary>
internal sealed partial class BenchCluster : IAsyncDisposable
{
    private WidgetDatabases? databases;
    private RedisServer? redis;
    private OidcProvider? oidc;
    private string connectionString = "";
    private WidgetNode? b;

    public WidgetNode A { get; private set; } = default!;

    /// <summary>The second node; only in a cluster started with two.</summary>
    public WidgetNode B => b ?? throw new InvalidOperationException("This cluster has one node.");

    /// <summary>Where browsers open the widget and sign in: node A, by the name its sign-in redirects to.</summary>
    public Uri PublicOrigin { get; private set; } = default!;

    public static async Task<BenchCluster> StartAsync(int nodes, CancellationToken ct)
    {
        var cluster = new BenchCluster();
        try
        {
            await cluster.StartPartsAsync(nodes, ct);
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>A new channel whose site allows signed-in visitors to call.</summary>
    public Task<string> NewCallChannelAsync(CancellationToken ct) => NewSiteAsync("calls", "\"SignedIn\"", ct);

    /// <summary>A new channel whose site lets signed-in visitors browse together.</summary>
    public Task<string> NewTogetherChannelAsync(CancellationToken ct) => NewSiteAsync("browseTogether", "true", ct);

    /// <summary>Signs a new user in as the widget's popup would, over HTTP, and returns a bearer token.</summary>
    public async Task<string> TokenAsync(CancellationToken ct) => (await SignInAsync(ct)).AccessToken;

    /// <summary>Claims a new tag through the API, then sets one of its site's settings to <paramref name="json"/>.</summary>
    private async Task<string> NewSiteAsync(string setting, string json, CancellationToken ct)
    {
        var tag = "bench" + Guid.NewGuid().ToString("N")[..10];
        var owner = await TokenAsync(ct);
        using var api = new HttpClient { BaseAddress = A.BaseAddress };
        api.DefaultRequestHeaders.Authorization = new("Bearer", owner);
        using (var claim = await api.PostAsync($"/api/tags/{tag}/site", null, ct))
        {
            claim.EnsureSuccessStatusCode();
        }

        await using var data = NpgsqlDataSource.Create(connectionString);
        await using var command = data.CreateCommand("UPDATE sites SET settings = jsonb_set(settings, ARRAY[$2], $3::jsonb) WHERE tag = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = tag });
        command.Parameters.Add(new NpgsqlParameter { Value = setting });
        command.Parameters.Add(new NpgsqlParameter { Value = json });
        await command.ExecuteNonQueryAsync(ct);
        return tag;
    }

    /// <summary>Signs a new user in as the widget's popup would, over HTTP.</summary>
    public async Task<IssuedToken> SignInAsync(CancellationToken ct)
    {
        var verifier = PopupSignIn.NewVerifier();
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = PublicOrigin,
        };
        var login = "bench" + Guid.NewGuid().ToString("N")[..10];
        using var page = await PopupSignIn.RunAsync(browser, PublicOrigin, OidcProvider.SettingsName, verifier, login, ct);
        var code = CodeAttribute().Match(await page.Content.ReadAsStringAsync(ct));
        if (!code.Success)
        {
            throw new InvalidOperationException($"The sign-in popup ended on {page.StatusCode} without a code.");
        }

        using var response = await browser.PostAsJsonAsync("/auth/token", new TokenRequest(verifier, code.Groups[1].Value), ct);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<IssuedToken>(ct))!;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var part in new IAsyncDisposable?[] { A, b, oidc, redis, databases })
        {
            try
            {
                await (part?.DisposeAsync() ?? ValueTask.CompletedTask);
            }
            catch (Exception e) when (e is IOException or InvalidOperationException or TimeoutException)
            {
                Console.Error.WriteLine($"Stopping a part failed: {e.Message}");
            }
        }
    }

    private async Task StartPartsAsync(int nodes, CancellationToken ct)
    {
        var (portA, portB) = (FreePort.Next(), FreePort.Next());
        PublicOrigin = new Uri($"http://localhost:{portA.ToString(CultureInfo.InvariantCulture)}/");
        databases = await WidgetDatabases.StartAsync(ct);
        connectionString = await databases.CreateAsync(ct);
        redis = nodes > 1 ? await RedisServer.StartAsync(ct) : null;
        var origin = PublicOrigin.GetLeftPart(UriPartial.Authority);
        oidc = await OidcProvider.StartAsync(FreePort.Next(), [$"{origin}/signin-oidc/{OidcProvider.SettingsName}"], ct);
        var provider = OidcProvider.SettingsName;
        var environment = new Dictionary<string, string>
        {
            // Development only so that the nodes, run from their build output as the cluster tests run them, serve
            // the widget's script from the project (outside Development that takes a publish); nothing else reads it.
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["ConnectionStrings__Widget"] = connectionString,
            ["ConnectionStrings__Redis"] = redis?.Configuration ?? "",
            ["Hosting__PublicOrigin"] = origin,
            [$"Auth__Providers__{provider}__DisplayName"] = "Dev",
            [$"Auth__Providers__{provider}__Authority"] = oidc.Issuer,
            [$"Auth__Providers__{provider}__ClientId"] = oidc.ClientId,
            [$"Auth__Providers__{provider}__ClientSecret"] = oidc.ClientSecret,
            [$"Auth__Providers__{provider}__RequireHttpsMetadata"] = "false",
            // Every participant and the signalling clients come from 127.0.0.1.
            ["Realtime__MaxConnectionsPerAddress"] = "100000",
            ["Auth__SignInRequestsPerMinute"] = "100000",
            ["Auth__PopupStartsPerMinute"] = "100000",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        A = new WidgetNode("A", portA, environment);
        await A.StartAsync(ct);
        if (nodes > 1)
        {
            b = new WidgetNode("B", portB, environment);
            await b.StartAsync(ct);
        }
    }

    [GeneratedRegex("data-code=\"([A-Za-z0-9_-]+)\"")]
    private static partial Regex CodeAttribute();
}
