using Microsoft.Extensions.Options;

namespace Widget.Web.Hosting;

/// <summary>
/// Refuses to start without a public origin outside Development: every absolute link (canonical, feeds,
/// embed snippets, sign-in redirects) is built on it, and the only other source, the request's Host
/// header, is whatever the client chose to send.
/// </summary>
public sealed class HostingOptionsValidation(IHostEnvironment environment) : IValidateOptions<HostingOptions>
{
    public ValidateOptionsResult Validate(string? name, HostingOptions options)
    {
        if (!options.HasPublicOrigin)
        {
            return environment.IsDevelopment()
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail(
                    $"Set {HostingOptions.Section}:PublicOrigin ({HostingOptions.Section}__PublicOrigin) to the scheme, host and port "
                    + "visitors reach the service at, e.g. https://chat.example.com. Outside Development it is required.");
        }

        if (options.Origin is null)
        {
            return ValidateOptionsResult.Fail(
                $"{HostingOptions.Section}:PublicOrigin must be an http or https origin with nothing after the host and port, "
                + "e.g. https://chat.example.com.");
        }

        return options.HstsMaxAge < TimeSpan.Zero
            ? ValidateOptionsResult.Fail($"{HostingOptions.Section}:HstsMaxAge must not be negative.")
            : ValidateOptionsResult.Success;
    }
}
