using Microsoft.Extensions.Options;

namespace Widget.Web.Moderation;

/// <summary>
/// Keeps an open moderator desk current: a nudge from this node's posting path makes it check at once, and a
/// timer makes it check every <see cref="ModerationOptions.DeskCheckInterval"/>, which catches what other nodes
/// did (they share Postgres, not memory). A check is one cheap query (<see cref="Data.Moderation.DeskWatermarks"/>).
/// </summary>
public sealed class DeskWatch(DeskNudges nudges, IOptions<ModerationOptions> options, TimeProvider time) : IDisposable
{
    private string tag = "";
    private Func<Task> check = () => Task.CompletedTask;
    private ITimer? timer;

    /// <summary>Watches <paramref name="watchedTag"/> from now on, instead of whatever it watched before.</summary>
    public void Start(string watchedTag, Func<Task> onCheck)
    {
        Dispose();
        (tag, check) = (watchedTag, onCheck);
        nudges.Nudged += OnNudged;
        var every = options.Value.DeskCheckInterval;
        timer = time.CreateTimer(_ => _ = check(), null, every, every);
    }

    public void Dispose()
    {
        nudges.Nudged -= OnNudged;
        timer?.Dispose();
    }

    private void OnNudged(string nudged)
    {
        if (nudged == tag)
        {
            _ = check();
        }
    }
}
