using System.Buffers.Text;
using System.Security.Claims;
using System.Text.Json;
using Widget.Core.Sites;
using Widget.Data.Entities;
using Widget.Web.Auth;

namespace Widget.Web.Viewing;

/// <summary>
/// Unsaved settings carried in the preview frame's URL by the configurator. Honoured only for the
/// site's owner, signed in on our own domain, so nobody can show a site's widget dressed otherwise.
/// </summary>
public static class SitePreview
{
    public const string QueryKey = "preview";

    public static string Encode(SiteSettings settings) =>
        Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(settings, SiteSettingsJson.Options));

    public static SiteSettings? Read(string? encoded, Site site, ClaimsPrincipal user)
    {
        if (string.IsNullOrEmpty(encoded) || encoded.Length > 32 * 1024 || user.ToPostAuthor()?.UserId != site.OwnerId)
        {
            return null;
        }

        try
        {
            var settings = JsonSerializer.Deserialize<SiteSettings>(Base64Url.DecodeFromChars(encoded), SiteSettingsJson.Options);
            return settings is not null && settings.Validate().Count == 0 ? settings : null;
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return null;
        }
    }
}
