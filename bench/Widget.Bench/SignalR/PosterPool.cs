using System.Net;
using Widget.Bench.Net;

namespace Widget.Bench.SignalR;

/// <summary>Signed-in hub connections that post; connection i uses token i modulo the tokens given.</summary>
public sealed class PosterPool : IAsyncDisposable
{
    private readonly HttpMessageInvoker invoker;
    private readonly CancellationTokenSource life = new();
    private HubSocket[] sockets = [];
    private Task keepAlive = Task.CompletedTask;

    public PosterPool(IReadOnlyList<IPAddress> sources) => invoker = new HttpMessageInvoker(Loopback.Handler(sources));

    public IReadOnlyList<HubSocket> Sockets => sockets;

    public async Task ConnectAsync(string url, IReadOnlyList<string?> tokens, int count, CancellationToken ct)
    {
        var opened = new HubSocket[count];
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 20, CancellationToken = ct },
            async (i, token) => opened[i] = await HubSocket.ConnectAsync(HubUrl.For(url, tokens[i % tokens.Count]), invoker, null, life.Token, token));
        sockets = opened;
        keepAlive = KeepAlive.RunAsync(() => sockets, TimeSpan.FromSeconds(10), life.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await life.CancelAsync();
        await keepAlive;
        foreach (var socket in sockets)
        {
            await socket.DisposeAsync();
        }

        invoker.Dispose();
        life.Dispose();
    }
}
