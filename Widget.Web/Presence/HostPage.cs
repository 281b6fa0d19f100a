using System.Security.Cryptography;
using System.Text;

namespace Widget.Web.Presence;

/// <summary>
/// The host page a widget says it is on. Only scheme, host and path are kept: a query string may carry
/// someone's token, and presence needs none of it. The claim is unverified: it only groups counts.
/// </summary>
public static class HostPage
{
    public static string? Normalize(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && url.Length <= 2048
            ? uri.GetLeftPart(UriPartial.Path)
            : null;

    public static string GroupName(string tag, string page) =>
        "p:" + tag + ":" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(page)))[..24];
}
