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
}
