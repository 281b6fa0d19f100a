using Microsoft.Extensions.Options;

namespace Widget.Web.Moderation;

/// <summary>
/// Keeps an open moderator desk current: a nudge from this node's posting path makes it check at once, and a
/// timer makes it check every <see cref="ModerationOptions.DeskCheckInterval"/>, which catches what other nodes
/// did (they share Postgres, not memory). A check is one cheap query (<see cref="Data.Moderation.DeskWatermarks"/>).
/// </summary>
public sealed class DeskWatch(DeskNudges nudges, IOptions<ModerationOptions> options, TimeProvider time) : IDisposable
{
    /// <summary>The least time between two checks: a busy channel costs a desk a few reads a second, not one per post.</summary>
    public static readonly TimeSpan MinimumGap = TimeSpan.FromMilliseconds(250);

    private readonly Lock sync = new();
    private string tag = "";
    private Func<Task> check = () => Task.CompletedTask;
    private ITimer? timer;
    private bool running;
    private bool again;

    /// <summary>Watches <paramref name="watchedTag"/> from now on, instead of whatever it watched before.</summary>
    public void Start(string watchedTag, Func<Task> onCheck)
    {
        Dispose();
        (tag, check) = (watchedTag, onCheck);
        nudges.Nudged += OnNudged;
        var every = options.Value.DeskCheckInterval;
        timer = time.CreateTimer(_ => Run(), null, every, every);
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
            Run();
        }
    }

    // One check at a time, and at most one more wanted meanwhile, however many nudges came.
    private void Run()
    {
        lock (sync)
        {
            if (running)
            {
                again = true;
                return;
            }

            running = true;
        }

        _ = LoopAsync();
    }

    private async Task LoopAsync()
    {
        while (true)
        {
            try
            {
                await check();
            }
            catch
            {
                // The next nudge or tick starts afresh rather than finding the watch stuck "running".
                lock (sync)
                {
                    (running, again) = (false, false);
                }

                throw;
            }

            lock (sync)
            {
                if (!again)
                {
                    running = false;
                    return;
                }

                again = false;
            }

            await Task.Delay(MinimumGap, time);
        }
    }
}
