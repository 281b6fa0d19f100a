using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Widget.Web.Calls;

/// <summary>
/// Short-lived TURN credentials in the TURN REST scheme that coturn checks with <c>use-auth-secret</c>:
/// the user name is "expiry:userId", the password base64(HMAC-SHA1(secret, user name)). The TURN server
/// needs no user list and no call to us; a leaked pair stops working at its expiry.
/// </summary>
public sealed class TurnCredentials(IOptions<CallOptions> options, TimeProvider time)
{
    /// <summary>Whether a TURN relay is configured, so that a member may get relay candidates at all.</summary>
    public bool Relays => options.Value is { TurnUrls.Length: > 0, TurnSecret.Length: > 0 };

    public IReadOnlyList<IceServer> For(long userId) => For(userId, options.Value.TurnCredentialLifetime);

    public IReadOnlyList<IceServer> For(long userId, TimeSpan lifetime)
    {
        var calls = options.Value;
        var servers = new List<IceServer>();
        if (calls.StunUrls.Length > 0)
        {
            servers.Add(new IceServer(calls.StunUrls, null, null));
        }

        if (Relays)
        {
            var expiry = time.GetUtcNow().Add(lifetime).ToUnixTimeSeconds();
            var user = string.Create(CultureInfo.InvariantCulture, $"{expiry}:{userId}");
            servers.Add(new IceServer(calls.TurnUrls, user, Password(calls.TurnSecret, user)));
        }

        return servers;
    }

    [SuppressMessage("Security", "CA5350", Justification = "The TURN REST scheme coturn implements is defined with HMAC-SHA1.")]
    public static string Password(string secret, string user) =>
        Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(user)));
}
