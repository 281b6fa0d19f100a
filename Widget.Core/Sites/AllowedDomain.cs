namespace Widget.Core.Sites;

/// <summary>
/// A site allowed to embed a widget, as a CSP host-source: <c>example.com</c>, <c>*.example.com</c>,
/// <c>https://example.com</c>, <c>localhost:3000</c>. Parsed strictly, because it is written into a header.
/// </summary>
public static class AllowedDomain
{
    public const int MaxCount = 20;

    public static bool TryNormalize(string? text, out string domain)
    {
        domain = "";
        var value = text?.Trim().ToLowerInvariant().TrimEnd('/') ?? "";
        var scheme = "";
        foreach (var prefix in (string[])["https://", "http://"])
        {
            if (value.StartsWith(prefix, StringComparison.Ordinal))
            {
                scheme = prefix;
                value = value[prefix.Length..];
            }
        }

        var (host, port) = SplitPort(value);
        if (port is null || !IsHost(host))
        {
            return false;
        }

        domain = scheme + host + port;
        return true;
    }

    private static (string Host, string? Port) SplitPort(string value)
    {
        var colon = value.LastIndexOf(':');
        if (colon < 0)
        {
            return (value, "");
        }

        var port = value[(colon + 1)..];
        return port.Length is > 0 and <= 5 && port.All(char.IsAsciiDigit) && int.Parse(port, System.Globalization.CultureInfo.InvariantCulture) <= 65535
            ? (value[..colon], ":" + port)
            : (value, null);
    }

    private static bool IsHost(string host)
    {
        var name = host.StartsWith("*.", StringComparison.Ordinal) ? host[2..] : host;
        if (name.Length is 0 or > 253)
        {
            return false;
        }

        return name.Split('.').All(label =>
            label.Length is > 0 and <= 63 && label[0] != '-' && label[^1] != '-'
            && label.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'));
    }
}
