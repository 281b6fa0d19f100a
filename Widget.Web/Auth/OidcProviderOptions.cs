using System.ComponentModel.DataAnnotations;

namespace Widget.Web.Auth;

/// <summary>One OpenID Connect provider visitors can sign in with. The secret comes from the environment.</summary>
public sealed class OidcProviderOptions
{
    [Required]
    public string DisplayName { get; set; } = "";

    [Required]
    public string Authority { get; set; } = "";

    [Required]
    public string ClientId { get; set; } = "";

    public string ClientSecret { get; set; } = "";

    /// <summary>Off only for a development provider on plain http.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;
}
