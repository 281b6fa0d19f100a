using System.Security.Cryptography;
using Microsoft.Net.Http.Headers;

namespace Widget.Web.Feeds;

/// <summary>
/// ETag and Last-Modified for a generated body. The ETag hashes the body itself, so any change,
/// a deleted entry included, changes it; If-None-Match therefore wins over If-Modified-Since
/// (RFC 9110 §13.2.2), which cannot see a deletion.
/// </summary>
public static class ConditionalGet
{
    /// <summary>Sets the validators on the response and says whether the client's copy is current.</summary>
    public static bool IsNotModified(HttpContext http, byte[] body, DateTimeOffset lastModified)
    {
        var etag = new EntityTagHeaderValue("\"" + Convert.ToHexStringLower(SHA256.HashData(body))[..32] + "\"");
        var modified = lastModified.ToUniversalTime();
        modified = new DateTimeOffset(modified.Ticks - (modified.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
        var headers = http.Response.GetTypedHeaders();
        headers.ETag = etag;
        headers.LastModified = modified;
        headers.CacheControl = new CacheControlHeaderValue { Public = true, NoCache = true };

        var request = http.Request.GetTypedHeaders();
        if (request.IfNoneMatch.Count > 0)
        {
            return request.IfNoneMatch.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(etag, useStrongComparison: false));
        }

        return request.IfModifiedSince is { } since && modified <= since;
    }
}
