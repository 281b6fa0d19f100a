using System.Globalization;

namespace Widget.Testing;

/// <summary>
/// A throwaway coturn (<c>turnserver</c>) on a free loopback port that checks TURN REST credentials made with
/// <see cref="Secret"/>, relaying on loopback. Disposing kills it by PID on every path.
/// </summary>
public sealed class TurnServer : IAsyncDisposable
{
    public const string Secret = "test-turn-secret";

    private const string ReadyLine = "Total General servers";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private readonly string directory;
    private ChildProcess? server;

    private TurnServer(string directory, int port)
    {
        this.directory = directory;
        Port = port;
    }

    public int Port { get; }

    public string Url => $"turn:127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}?transport=udp";

    public IReadOnlyList<string> Output => server?.Output ?? [];

    public static async Task<TurnServer> StartAsync(CancellationToken ct)
    {
        var turn = new TurnServer(Directory.CreateTempSubdirectory("widget-turn-").FullName, FreePort.Next());
        try
        {
            await turn.RunAsync(ct);
            return turn;
        }
        catch
        {
            await turn.DisposeAsync();
            throw;
        }
    }

    private async Task RunAsync(CancellationToken ct)
    {
        // Relay ports from the port itself up: free now, and apart from other runs' servers.
        var config = Path.Combine(directory, "turnserver.conf");
        await File.WriteAllLinesAsync(config,
        [
            "listening-ip=127.0.0.1",
            "relay-ip=127.0.0.1",
            $"listening-port={Port.ToString(CultureInfo.InvariantCulture)}",
            $"min-port={(Port + 1).ToString(CultureInfo.InvariantCulture)}",
            $"max-port={(Port + 40).ToString(CultureInfo.InvariantCulture)}",
            "use-auth-secret",
            $"static-auth-secret={Secret}",
            "realm=widget.test",
            // Both peers are on this machine; coturn takes this only with a CLI password, although the CLI is off.
            "allow-loopback-peers",
            "cli-password=not-used",
            "no-cli",
            "no-tls",
            "no-dtls",
            "fingerprint",
            "log-file=stdout",
            "simple-log",
            $"pidfile={Path.Combine(directory, "turnserver.pid")}",
            $"userdb={Path.Combine(directory, "turndb")}",
        ], ct);
        var starting = ChildProcess.Start(new CommandLine("turnserver", ["-c", config]) { WorkingDirectory = directory });
        server = starting;
        await starting.WaitForLineAsync(line => line.Contains(ReadyLine, StringComparison.Ordinal), StartTimeout, ct);
    }

    public async ValueTask DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
        }

        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open; the temporary directory is cleaned with the rest.
        }
    }
}
