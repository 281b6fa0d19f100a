namespace Widget.TogetherBench;

/// <summary>Every participant by user id, and whether the measured window is open.</summary>
internal sealed class MoverRoster
{
    private readonly Dictionary<long, CursorMover> movers = [];
    private volatile bool measuring;

    public bool Measuring
    {
        get => measuring;
        set => measuring = value;
    }

    public CursorMover this[long userId] => movers[userId];

    public void Add(CursorMover mover) => movers.Add(mover.UserId, mover);
}
