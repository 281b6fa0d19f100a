using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Widget.Web.Auth;

/// <summary>The secret an iframe chooses for one sign-in; only its hash is stored.</summary>
public static class SignInNonce
{
    public static bool IsWellFormed(string? nonce) =>
        nonce is { Length: >= 22 and <= 128 } && nonce.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    public static byte[] Hash(string nonce) => SHA256.HashData(Encoding.UTF8.GetBytes(nonce));

    public static string NewCode() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
}
