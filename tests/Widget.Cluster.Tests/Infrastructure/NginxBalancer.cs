using System.Globalization;
using Widget.Testing;

namespace Widget.Cluster.Tests.Infrastructure;

/// <summary>
/// nginx in front of the nodes, as deploy/nginx.conf sets it up: consistent hashing on the client
/// address for stickiness, WebSocket upgrades, no buffering, passive health checks. Its prefix is a
/// temporary directory; it runs in the foreground so disposing kills it by PID.
/// </summary>
public sealed class NginxBalancer : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(20);

    private readonly string directory;
    private readonly ChildProcess process;

    private NginxBalancer(string directory, ChildProcess process, int port)
    {
        this.directory = directory;
        this.process = process;
        Port = port;
        // "localhost", as a browser would address it; the OpenID provider knows the service by this name.
        BaseAddress = new Uri($"http://localhost:{port.ToString(CultureInfo.InvariantCulture)}/");
    }

    public int Port { get; }

    public Uri BaseAddress { get; }

    public static async Task<NginxBalancer> StartAsync(int port, IReadOnlyList<int> nodePorts, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(nodePorts);
        var directory = Directory.CreateTempSubdirectory("widget-nginx-").FullName;
        Directory.CreateDirectory(Path.Combine(directory, "logs"));
        await File.WriteAllTextAsync(Path.Combine(directory, "nginx.conf"), Config(port, nodePorts), ct);
        var process = ChildProcess.Start(new CommandLine("nginx", ["-p", directory, "-c", "nginx.conf", "-g", "daemon off;"])
        {
            WorkingDirectory = directory,
        });
        var balancer = new NginxBalancer(directory, process, port);
        try
        {
            await balancer.WaitUntilListeningAsync(ct);
            return balancer;
        }
        catch
        {
            await balancer.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await process.DisposeAsync();
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static string Config(int port, IReadOnlyList<int> nodePorts)
    {
        var servers = string.Concat(nodePorts.Select(p =>
            $"    server 127.0.0.1:{p.ToString(CultureInfo.InvariantCulture)} max_fails=1 fail_timeout=5s;\n"));
        return $$"""
            worker_processes 1;
            error_log logs/error.log warn;
            pid logs/nginx.pid;
            events { worker_connections 1024; }
            http {
              access_log off;
              client_body_temp_path logs/body;
              proxy_temp_path logs/proxy;
              fastcgi_temp_path logs/fastcgi;
              uwsgi_temp_path logs/uwsgi;
              scgi_temp_path logs/scgi;
              map $http_upgrade $connection_upgrade { default upgrade; '' close; }
              upstream widget {
                hash $binary_remote_addr consistent;
            {{servers}}  }
              server {
                listen 127.0.0.1:{{port.ToString(CultureInfo.InvariantCulture)}};
                location = /metrics { return 404; }
                location / {
                  proxy_pass http://widget;
                  proxy_http_version 1.1;
                  proxy_set_header Host $http_host;
                  proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                  proxy_set_header X-Forwarded-Proto $scheme;
                  proxy_set_header Upgrade $http_upgrade;
                  proxy_set_header Connection $connection_upgrade;
                  proxy_buffering off;
                  proxy_read_timeout 100s;
                  proxy_connect_timeout 2s;
                  proxy_next_upstream error timeout;
                  add_header X-Widget-Upstream $upstream_addr always;
                }
              }
            }
            """;
    }

    private async Task WaitUntilListeningAsync(CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + StartTimeout;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var client = new System.Net.Sockets.TcpClient();
                await client.ConnectAsync(System.Net.IPAddress.Loopback, Port, ct);
                return;
            }
            catch (System.Net.Sockets.SocketException)
            {
                await Task.Delay(100, ct);
            }
        }

        throw new TimeoutException($"nginx did not listen on {Port} within {StartTimeout}: {string.Join(Environment.NewLine, process.Output)}");
    }
}
