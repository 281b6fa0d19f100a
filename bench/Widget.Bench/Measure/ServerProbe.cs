using System.Net.Http.Json;
using Widget.Bench.Results;

namespace Widget.Bench.Measure;

/// <summary>A server as the kernel sees it (/proc) and as its runtime sees itself (<c>GET /_stats</c>).</summary>
public sealed class ServerProbe(int pid, Uri? statsUrl, HttpClient http)
{
    public async Task<StatsLine> TakeAsync(string target, string scenario, string label, bool collect, CancellationToken ct)
    {
        var server = statsUrl is null ? null : await FetchAsync(collect, ct);
        return new StatsLine(target, scenario, label, collect, ProcFs.StatusBytes(pid, "VmRSS"), ProcFs.StatusBytes(pid, "VmHWM"),
            ProcFs.CpuSeconds(pid), ProcFs.OpenFiles(pid), server);
    }

    private async Task<ServerStats?> FetchAsync(bool collect, CancellationToken ct)
    {
        var url = collect ? new Uri(statsUrl + "?collect=true") : statsUrl!;
        try
        {
            return await http.GetFromJsonAsync<ServerStats>(url, ResultFile.Json, ct);
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    /// <summary>
    /// Waits until the server compiles less than <paramref name="quietMs"/> in a second (at most <paramref name="limit"/>):
    /// the methods a burst of work made hot are compiled again, optimized, on a background thread a moment after it.
    /// A server without <c>/_stats</c> is given a fixed second.
    /// </summary>
    public async Task SettleAsync(double quietMs, TimeSpan limit, CancellationToken ct)
    {
        if (statsUrl is null)
        {
            await Task.Delay(TimeSpan.FromSeconds(1), ct);
            return;
        }

        var deadline = DateTime.UtcNow + limit;
        var last = (await FetchAsync(collect: false, ct))?.JitSeconds;
        while (DateTime.UtcNow < deadline)
        {
            await Task.Delay(TimeSpan.FromSeconds(1), ct);
            var now = (await FetchAsync(collect: false, ct))?.JitSeconds;
            if (last is { } before && now is { } after && (after - before) * 1000 < quietMs)
            {
                return;
            }

            last = now;
        }
    }
}
