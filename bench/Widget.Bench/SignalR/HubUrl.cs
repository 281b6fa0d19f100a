namespace Widget.Bench.SignalR;

/// <summary>The hub's WebSocket address, with a bearer token in the query as browsers send it.</summary>
public static class HubUrl
{
    public static Uri For(string url, string? token)
    {
        var ws = url.Replace("http://", "ws://", StringComparison.Ordinal);
        return new Uri(token is null ? ws : ws + (ws.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "access_token=" + Uri.EscapeDataString(token));
    }

    public static IReadOnlyList<string?> Tokens(string? path) =>
        path is null ? [null] : File.ReadAllLines(path).Where(l => l.Length > 0).Select(l => (string?)l).ToArray();
}
