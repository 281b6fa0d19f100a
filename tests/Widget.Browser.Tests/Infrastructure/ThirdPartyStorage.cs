namespace Widget.Browser.Tests.Infrastructure;

/// <summary>
/// What the browser lets a third-party iframe keep: the control that shows which case a run was in.
/// Chrome's and this Chromium's answer is no unpartitioned cookies, but partitioned cookies (CHIPS)
/// and partitioned storage.
/// </summary>
public sealed record ThirdPartyStorage
{
    public static readonly ThirdPartyStorage CookiesBlockedStoragePartitioned = new()
    {
        Cookies = false,
        PartitionedCookies = true,
        LocalStorage = true,
    };

    // http://localhost is a secure context, so Secure cookies may be set on it. The probe removes
    // what it set, leaving the widget's iframe as it found it.
    private const string Probe = """
        () => {
          const has = (name) => document.cookie.split('; ').some((c) => c.startsWith(name + '='));
          document.cookie = 'control=1; SameSite=None; Secure; Path=/';
          document.cookie = 'pcontrol=1; SameSite=None; Secure; Partitioned; Path=/';
          const result = { Cookies: has('control'), PartitionedCookies: has('pcontrol'), LocalStorage: false };
          document.cookie = 'control=; Max-Age=0; SameSite=None; Secure; Path=/';
          document.cookie = 'pcontrol=; Max-Age=0; SameSite=None; Secure; Partitioned; Path=/';
          try {
            localStorage.setItem('control', '1');
            result.LocalStorage = localStorage.getItem('control') === '1';
            localStorage.removeItem('control');
          } catch {
            // Blocked third-party storage throws on access.
          }
          return result;
        }
        """;

    // Settable because Playwright builds evaluation results through a parameterless constructor.
    public bool Cookies { get; init; }

    public bool PartitionedCookies { get; init; }

    public bool LocalStorage { get; init; }

    public static Task<ThirdPartyStorage> ProbeAsync(EmbeddedWidget widget)
    {
        ArgumentNullException.ThrowIfNull(widget);
        return widget.EvaluateAsync<ThirdPartyStorage>(Probe);
    }
}
