using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Widget.Web.Auth;

/// <summary>
/// The secrets of one sign-in, PKCE-style: the iframe keeps a random verifier and names the sign-in by
/// its hash, the nonce. A nonce travels in URLs and can be seen or planted by anyone; the verifier
/// never leaves the iframe except to its own popup, and only it collects or redeems the code.
/// Only the nonce's hash is stored.
/// </summary>
public static class SignInNonce
{
    public static bool IsWellFormed(string? value) =>
        value is { Length: >= 43 and <= 128 } && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    /// <summary>The nonce that names a verifier's sign-in.</summary>
    public static string For(string verifier) => Base64Url.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));

    public static byte[] Hash(string nonce) => SHA256.HashData(Encoding.UTF8.GetBytes(nonce));

    public static string NewCode() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
}
