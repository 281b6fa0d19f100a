namespace Widget.Web.Calls;

/// <summary>The bounds on asking to join, from <see cref="CallOptions"/>: how many may wait in one channel, how often
/// one user may ask (in any channel), and how long a request waits before it lapses.</summary>
public sealed record AskLimits(int MaxWaiting, int PerWindow, TimeSpan Window, TimeSpan Lifetime)
{
    public static AskLimits Of(CallOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new(options.MaxJoinRequests, options.JoinRequestsPerWindow, options.JoinRequestWindow, options.JoinRequestTimeout + TimeSpan.FromSeconds(10));
    }
}
