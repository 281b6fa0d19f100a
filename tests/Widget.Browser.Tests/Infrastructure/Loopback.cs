namespace Widget.Browser.Tests.Infrastructure;

/// <summary>Addresses that stay on this machine: tests send no traffic anywhere else.</summary>
internal static class Loopback
{
    public static bool Serves(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https" or "ws" or "wss"))
        {
            return true;
        }

        return uri.IsLoopback || uri.Host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase);
    }
}
