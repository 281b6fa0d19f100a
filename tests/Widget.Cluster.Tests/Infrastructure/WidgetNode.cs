using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Widget.Testing;

namespace Widget.Cluster.Tests.Infrastructure;

/// <summary>
/// One service node as its own process (<c>dotnet Widget.Web.dll</c>) on a loopback port. It can be
/// killed with SIGKILL and started again on the same port; disposing kills it on every path.
/// </summary>
public sealed class WidgetNode : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly IReadOnlyDictionary<string, string> environment;
    private ChildProcess? process;

    public WidgetNode(string name, int port, IReadOnlyDictionary<string, string> environment)
    {
        Name = name;
        Port = port;
        this.environment = environment;
        BaseAddress = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/");
    }

    public string Name { get; }

    public int Port { get; }

    public Uri BaseAddress { get; }

    public bool IsRunning => process is not null;

    /// <summary>The node's process while it runs, for readings of its CPU and memory.</summary>
    public int? Pid => process?.Pid;

    public IReadOnlyList<string> Output => process?.Output ?? [];

    /// <summary>The service's build output beside the tests' own (same configuration).</summary>
    private static string ServiceDll
    {
        get
        {
            var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
            return Path.Combine(RepoRoot.Path, "Widget.Web", "bin", configuration, "net10.0", "Widget.Web.dll");
        }
    }

    public async Task StartAsync(CancellationToken ct)
    {
        if (process is not null)
        {
            throw new InvalidOperationException($"Node {Name} is already running.");
        }

        var dll = ServiceDll;
        process = ChildProcess.Start(new CommandLine("dotnet", [dll, "--urls", BaseAddress.GetLeftPart(UriPartial.Authority)])
        {
            // The content root, where wwwroot and appsettings.json are.
            WorkingDirectory = Path.Combine(RepoRoot.Path, "Widget.Web"),
            Environment = environment,
        });
        await WaitUntilReadyAsync(ct);
    }

    /// <summary>SIGKILL: no graceful close of its connections, as a crash or a pulled plug.</summary>
    public async Task KillAsync()
    {
        if (process is not null)
        {
            await process.DisposeAsync();
            process = null;
        }
    }

    public async Task<JsonElement> ReadinessAsync(CancellationToken ct)
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        using var response = await client.GetAsync("/health/ready", ct);
        return await response.Content.ReadFromJsonAsync<JsonElement>(ct);
    }

    /// <summary>Waits until readiness lists <paramref name="check"/> with <paramref name="status"/>, <paramref name="timesInARow"/> times.</summary>
    public async Task WaitForCheckAsync(string check, string status, TimeSpan timeout, CancellationToken ct, int timesInARow = 1)
    {
        var deadline = DateTime.UtcNow + timeout;
        string? last = null;
        var streak = 0;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                var body = await ReadinessAsync(ct);
                last = body.GetProperty("checks").GetProperty(check).GetProperty("status").GetString();
                streak = last == status ? streak + 1 : 0;
                if (streak == timesInARow)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(200, ct);
        }

        throw new TimeoutException($"Node {Name}: check '{check}' stayed '{last}', not '{status}', for {timeout}.");
    }

    public ValueTask DisposeAsync() => new(KillAsync());

    private async Task WaitUntilReadyAsync(CancellationToken ct)
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + StartTimeout;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var response = await client.GetAsync("/health/live", ct);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested)
            {
            }

            await Task.Delay(200, ct);
        }

        throw new TimeoutException($"Node {Name} did not answer within {StartTimeout}. Its last output:{Environment.NewLine}" +
            string.Join(Environment.NewLine, Output));
    }
}
